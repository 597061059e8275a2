package fr.trame.web;

import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.centre.UserService;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;

@Controller
class HomeController {

    private final CentreService centres;
    private final UserService users;
    private final FederationService federations;

    public HomeController(CentreService centres, UserService users, FederationService federations) {
        this.centres = centres;
        this.users = users;
        this.federations = federations;
    }

    /** The login page; {@code bloque} is the minutes a lock has left (digits only: the page prints it). */
    @GetMapping("/connexion")
    String login(@RequestParam(required = false) String bloque, Model model) {
        if (bloque != null && bloque.matches("[0-9]{1,4}")) {
            model.addAttribute("lockedMinutes", bloque);
        }
        return "centre/login";
    }

    /** The centres and federations the user acts for; with only one, straight to it. */
    @GetMapping("/")
    String home(Authentication auth, Model model) {
        UserService.User user = users.findByUsername(auth.getName()).orElseThrow();
        Map<Long, ?> roles = users.rolesOf(user.id());
        List<Centre> mine = centres.all().stream().filter(c -> roles.containsKey(c.id())).toList();
        Map<Long, ?> networkRoles = federations.rolesOf(user.id());
        List<Federation> myFederations = federations.all().stream().filter(f -> networkRoles.containsKey(f.id())).toList();
        // the platform admin sees the list (and the platform's backup) even with a single centre
        if (!user.platformAdmin() && mine.size() + myFederations.size() == 1) {
            return mine.isEmpty() ? "redirect:/f/" + myFederations.get(0).code() : "redirect:/c/" + mine.get(0).code();
        }
        model.addAttribute("centres", mine);
        model.addAttribute("federations", myFederations);
        model.addAttribute("userName", user.displayName());
        model.addAttribute("platformAdmin", user.platformAdmin());
        return "centre/centres";
    }
}
