package fr.trame.centre;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user changes their own password, giving the current one; required after a generated password. */
@Controller
class AccountController {

    private final UserService users;

    AccountController(UserService users) {
        this.users = users;
    }

    @GetMapping(PasswordChangeFilter.PAGE)
    String form(Authentication auth, Model model) {
        model.addAttribute("required", users.findByUsername(auth.getName()).orElseThrow().mustChangePassword());
        return "account/password";
    }

    @PostMapping(PasswordChangeFilter.PAGE)
    String change(Authentication auth, @RequestParam(defaultValue = "") String current,
                  @RequestParam(defaultValue = "") String chosen, @RequestParam(defaultValue = "") String confirmation,
                  Model model, RedirectAttributes flash, jakarta.servlet.http.HttpServletRequest request) {
        UserService.User user = users.findByUsername(auth.getName()).orElseThrow();
        String problem = users.changeOwnPassword(user.id(), current, chosen, confirmation);
        if (problem != null) {
            model.addAttribute("required", user.mustChangePassword());
            model.addAttribute("error", problem);
            return "account/password";
        }
        // a new session id, so that a session cookie taken before the change stops working
        request.changeSessionId();
        flash.addFlashAttribute("message", "Votre mot de passe est changé.");
        return "redirect:/";
    }
}
