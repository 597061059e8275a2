package fr.trame.federation;

import fr.trame.centre.UserService;
import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The federation's accounts and their roles, for its direction only: a délégué or a reader is refused (403). */
@Controller
class FederationUserController {

    private final FederationService federations;
    private final FederationUserService accounts;
    private final UserService users;

    FederationUserController(FederationService federations, FederationUserService accounts, UserService users) {
        this.federations = federations;
        this.accounts = accounts;
        this.users = users;
    }

    @GetMapping("/f/{federation}/utilisateurs")
    String list(FederationScope fed, Model model) {
        fed.requireDirection();
        return page(fed, model, Map.of(), new FieldErrors());
    }

    private String page(FederationScope fed, Model model, Map<String, String> typed, FieldErrors errors) {
        List<FederationService.Member> members = federations.members(fed.id());
        model.addAttribute("members", members);
        Set<Long> manageable = members.stream().filter(m -> accounts.canManage(fed.id(), fed.userId(), m.userId()))
                .map(FederationService.Member::userId).collect(Collectors.toSet());
        model.addAttribute("manageable", manageable);
        model.addAttribute("roles", FederationRole.values());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "federation/users";
    }

    static final class FederationUserForm implements Form {
        public String username;
        public String displayName;
        public String role;

        @Override
        public void validate(Errors errors) {
            String u = Checks.text(errors, "username", username, true);
            if (u != null && !u.matches("[A-Za-z0-9._@-]{2,60}")) {
                errors.rejectValue("username", "username");
            }
            Checks.text(errors, "displayName", displayName, false, 100);
            if (FederationRole.parse(Checks.clean(role)).isEmpty()) {
                errors.rejectValue("role", "choice");
            }
        }
    }

    /** A new account with a role here; its generated password is shown once. */
    @PostMapping("/f/{federation}/utilisateurs")
    String create(FederationScope fed, @Validated FederationUserForm form, BindingResult binding, Model model,
                  RedirectAttributes flash) {
        fed.requireDirection();
        FieldErrors errors = FieldErrors.of(binding);
        if (!binding.hasErrors()) {
            String username = form.username.trim();
            if (users.findByUsername(username).isPresent()) {
                errors.add("username", "L'identifiant « " + username + " » est déjà pris : choisissez-en un autre.");
            } else {
                try {
                    UserService.Created created = accounts.create(fed.id(), fed.userId(), username, Checks.clean(form.displayName),
                            FederationRole.fromCode(form.role.trim()));
                    flash.addFlashAttribute("newUsername", username);
                    flash.addFlashAttribute("newPassword", created.password());
                    return "redirect:" + fed.base() + "/utilisateurs";
                } catch (IllegalArgumentException | DuplicateKeyException e) {
                    // the same username taken a moment ago by another request
                    errors.add("username", "L'identifiant « " + username + " » est déjà pris : choisissez-en un autre.");
                }
            }
        }
        return page(fed, model, form.typed(), errors);
    }

    @PostMapping("/f/{federation}/utilisateurs/{userId}/role")
    String setRole(FederationScope fed, @PathVariable long userId, @RequestParam(defaultValue = "") String role,
                   RedirectAttributes flash) {
        fed.requireDirection();
        Optional<FederationRole> r = FederationRole.parse(role);
        FederationService.Member member = accounts.manageable(fed.id(), fed.userId(), userId);
        if (r.isEmpty() && !role.equals("aucun")) {
            flash.addFlashAttribute("error", "Choisissez un rôle dans la liste.");
        } else {
            accounts.setRole(fed.id(), fed.userId(), userId, r.orElse(null));
            flash.addFlashAttribute("message", "« " + member.username() + " » : "
                    + r.map(FederationRole::label).orElse("accès à la fédération retiré") + ".");
        }
        return "redirect:" + fed.base() + "/utilisateurs";
    }

    @PostMapping("/f/{federation}/utilisateurs/{userId}/actif")
    String setEnabled(FederationScope fed, @PathVariable long userId, @RequestParam(defaultValue = "false") boolean enabled,
                      RedirectAttributes flash) {
        fed.requireDirection();
        FederationService.Member member = accounts.manageable(fed.id(), fed.userId(), userId);
        accounts.setEnabled(fed.id(), fed.userId(), userId, enabled);
        flash.addFlashAttribute("message", "Le compte « " + member.username() + " » est "
                + (enabled ? "réactivé." : "désactivé."));
        return "redirect:" + fed.base() + "/utilisateurs";
    }

    @PostMapping("/f/{federation}/utilisateurs/{userId}/mot-de-passe")
    String resetPassword(FederationScope fed, @PathVariable long userId, RedirectAttributes flash) {
        fed.requireDirection();
        FederationService.Member member = accounts.manageable(fed.id(), fed.userId(), userId);
        flash.addFlashAttribute("newPassword", accounts.resetPassword(fed.id(), fed.userId(), userId));
        flash.addFlashAttribute("newUsername", member.username());
        return "redirect:" + fed.base() + "/utilisateurs";
    }
}
