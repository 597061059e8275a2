package fr.trame.centre;

import fr.trame.form.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A user changes their own password, giving the current one; required after a generated password. Wrong current
 * passwords count as wrong logins, so an unattended session does not allow unlimited guesses.
 */
@Controller
class AccountController {

    private final UserService users;
    private final LoginThrottle throttle;

    AccountController(UserService users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @GetMapping(AccountStateFilter.PASSWORD_PAGE)
    String form(Authentication auth, Model model) {
        model.addAttribute("required", user(auth).mustChangePassword());
        return "centre/account/password";
    }

    @PostMapping(AccountStateFilter.PASSWORD_PAGE)
    String change(Authentication auth, @RequestParam(defaultValue = "") String current,
                  @RequestParam(defaultValue = "") String chosen, @RequestParam(defaultValue = "") String confirmation,
                  Model model, RedirectAttributes flash, HttpServletRequest request) {
        UserService.User user = user(auth);
        model.addAttribute("required", user.mustChangePassword());
        var lock = throttle.attempt(user.username(), request.getRemoteAddr());
        if (lock.isPresent()) {
            model.addAttribute("error", "Trop d'essais de mot de passe : réessayez dans "
                    + SecurityConfiguration.ThrottledProvider.minutes(lock.get()) + " minute(s).");
            return "centre/account/password";
        }
        String problem = users.changeOwnPassword(user.id(), current, chosen, confirmation);
        if (UserService.WRONG_CURRENT.equals(problem)) {
            throttle.failed(user.username(), request.getRemoteAddr());
        } else {
            throttle.succeeded(user.username(), request.getRemoteAddr());
        }
        if (problem != null) {
            model.addAttribute("error", problem);
            return "centre/account/password";
        }
        // a new session id, and the other sessions of this account (opened before the change) are closed
        request.changeSessionId();
        AccountStateFilter.renew(request.getSession());
        flash.addFlashAttribute("message", "Votre mot de passe est changé.");
        return "redirect:/";
    }

    private UserService.User user(Authentication auth) {
        return users.findByUsername(auth.getName()).orElseThrow(() -> new NotFound());
    }
}
