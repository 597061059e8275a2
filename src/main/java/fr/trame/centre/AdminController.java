package fr.trame.centre;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;

/** The centre's users and their roles; for the centre's administrators. */
@Controller
@RequestMapping("/c/{centre}/admin/utilisateurs")
public class AdminController {

    private final UserService users;

    public AdminController(UserService users) {
        this.users = users;
    }

    @GetMapping
    String list(CentreScope scope, Model model) {
        scope.requireAdmin();
        model.addAttribute("users", users.usersOfCentre(scope.id()));
        model.addAttribute("roles", Role.values());
        return "admin/users";
    }

    /** A new account, or an existing one (of another centre) given a role here. */
    @PostMapping
    String create(CentreScope scope, @RequestParam String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam String role, Model model, RedirectAttributes flash) {
        scope.requireAdmin();
        Role r = parse(role);
        var existing = users.findByUsername(username.trim());
        if (existing.isPresent()) {
            users.setRole(existing.get().id(), scope.id(), r);
            flash.addFlashAttribute("message", "« " + existing.get().username() + " » a maintenant le rôle " + r.label() + ".");
            return "redirect:" + scope.base() + "/admin/utilisateurs";
        }
        String password = UserService.randomPassword();
        try {
            long id = users.create(username.trim(), displayName, password, false);
            users.setRole(id, scope.id(), r);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("typedUsername", username);
            flash.addFlashAttribute("typedDisplayName", displayName);
            return "redirect:" + scope.base() + "/admin/utilisateurs";
        }
        flash.addFlashAttribute("newPassword", password);
        flash.addFlashAttribute("newUsername", username.trim());
        return "redirect:" + scope.base() + "/admin/utilisateurs";
    }

    @PostMapping("/{userId}/role")
    String setRole(CentreScope scope, @PathVariable long userId, @RequestParam String role, RedirectAttributes flash) {
        scope.requireAdmin();
        ensureMember(scope, userId);
        users.setRole(userId, scope.id(), role.equals("aucun") ? null : parse(role));
        flash.addFlashAttribute("message", "Rôle enregistré.");
        return "redirect:" + scope.base() + "/admin/utilisateurs";
    }

    @PostMapping("/{userId}/mot-de-passe")
    String resetPassword(CentreScope scope, @PathVariable long userId, RedirectAttributes flash) {
        scope.requireAdmin();
        UserService.Membership member = ensureMember(scope, userId);
        String password = UserService.randomPassword();
        users.setPassword(userId, password);
        flash.addFlashAttribute("newPassword", password);
        flash.addFlashAttribute("newUsername", member.username());
        return "redirect:" + scope.base() + "/admin/utilisateurs";
    }

    @PostMapping("/{userId}/actif")
    String setEnabled(CentreScope scope, @PathVariable long userId, @RequestParam boolean enabled) {
        scope.requireAdmin();
        ensureMember(scope, userId);
        users.setEnabled(userId, enabled);
        return "redirect:" + scope.base() + "/admin/utilisateurs";
    }

    /** An admin acts only on the accounts of their own centre. */
    private UserService.Membership ensureMember(CentreScope scope, long userId) {
        return users.usersOfCentre(scope.id()).stream().filter(m -> m.userId() == userId).findFirst()
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND));
    }

    private static Role parse(String role) {
        return Arrays.stream(Role.values()).filter(r -> r.code().equals(role)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Rôle inconnu : " + role));
    }
}
