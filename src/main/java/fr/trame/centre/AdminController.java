package fr.trame.centre;

import fr.trame.form.FieldErrors;
import fr.trame.form.Forbidden;
import fr.trame.form.Form;
import fr.trame.form.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The centre's users and their roles; for the centre's administrators. An administrator acts only on accounts
 * that {@link UserService#canManage} lets them manage, and every action goes to the centre's audit log.
 */
@Controller
@RequestMapping("/c/{centre}/admin/utilisateurs")
class AdminController {

    private final UserService users;
    private final AuditLog audit;

    public AdminController(UserService users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @GetMapping
    String list(CentreScope scope, Model model) {
        scope.requireAdmin();
        var members = users.usersOfCentre(scope.id());
        model.addAttribute("users", members);
        model.addAttribute("manageable", members.stream()
                .filter(m -> users.canManage(scope.userId(), m.userId()))
                .map(UserService.Membership::userId).collect(Collectors.toSet()));
        model.addAttribute("roles", Role.values());
        return "centre/admin/users";
    }

    /** A new account (or a known one) and its role here. */
    static final class NewUserForm implements Form {
        public String username = "";
        public String displayName = "";
        public String role;

        @Override
        public void validate(Errors errors) {
            if (Role.parse(role).isEmpty()) {
                errors.rejectValue("role", "choice");
            }
        }
    }

    /** A new account, or a role here for an account this administrator already manages. */
    @PostMapping
    String create(CentreScope scope, @Validated NewUserForm form, BindingResult binding, RedirectAttributes flash) {
        scope.requireAdmin();
        String redirect = "redirect:" + scope.base() + "/admin/utilisateurs";
        String username = form.username == null ? "" : form.username;
        String displayName = form.displayName == null ? "" : form.displayName;
        if (binding.hasErrors()) {
            return refuse(flash, FieldErrors.of(binding).get("role"), username, displayName, redirect);
        }
        Optional<Role> r = Role.parse(form.role);
        var existing = users.findByUsername(username.trim());
        if (existing.isPresent()) {
            if (!users.canManage(scope.userId(), existing.get().id())) {
                return refuse(flash, "L'identifiant « " + existing.get().username() + " » est déjà utilisé par un compte "
                        + "d'un autre centre. Choisissez un autre identifiant ; seul l'administrateur de la plateforme "
                        + "peut donner à ce compte un rôle dans votre centre.", username, displayName, redirect);
            }
            users.setRole(existing.get().id(), scope.id(), r.get());
            audit.record(scope.id(), scope.userId(), "rôle d'utilisateur", "utilisateur", existing.get().id(),
                    existing.get().username() + " : " + r.get().label());
            flash.addFlashAttribute("message", "« " + existing.get().username() + " » a maintenant le rôle "
                    + r.get().label() + ".");
            return redirect;
        }
        UserService.Created created;
        try {
            created = users.createInCentre(username.trim(), displayName, scope.id(), r.get());
        } catch (IllegalArgumentException e) {
            return refuse(flash, e.getMessage(), username, displayName, redirect);
        }
        audit.record(scope.id(), scope.userId(), "création d'utilisateur", "utilisateur", created.id(),
                username.trim() + " : " + r.get().label());
        flash.addFlashAttribute("newPassword", created.password());
        flash.addFlashAttribute("newUsername", username.trim());
        return redirect;
    }

    @PostMapping("/{userId}/role")
    String setRole(CentreScope scope, @PathVariable long userId, @RequestParam(defaultValue = "") String role,
                   RedirectAttributes flash) {
        UserService.Membership member = manageable(scope, userId);
        Optional<Role> r = Role.parse(role);
        if (r.isEmpty() && !role.equals("aucun")) {
            flash.addFlashAttribute("error", "Choisissez un rôle dans la liste.");
            return "redirect:" + scope.base() + "/admin/utilisateurs";
        }
        users.setRole(userId, scope.id(), r.orElse(null));
        audit.record(scope.id(), scope.userId(), "rôle d'utilisateur", "utilisateur", userId,
                member.username() + " : " + r.map(Role::label).orElse("accès retiré"));
        flash.addFlashAttribute("message", "Rôle enregistré.");
        return "redirect:" + scope.base() + "/admin/utilisateurs";
    }

    /**
     * Grants or withdraws the permission to see and record persons' situation of disability: a right of its own
     * beside the role, given explicitly (no role has it by default), written to the audit log.
     */
    @PostMapping("/{userId}/handicap")
    String setSeesDisability(CentreScope scope, @PathVariable long userId,
                             @RequestParam(defaultValue = "false") boolean granted, RedirectAttributes flash) {
        UserService.Membership member = manageable(scope, userId);
        if (granted && !member.role().seesPersonalData()) {
            flash.addFlashAttribute("error", "Le rôle " + member.role().label() + " ne voit aucune personne : "
                    + "il ne peut pas recevoir la permission « situation de handicap ».");
            return "redirect:" + scope.base() + "/admin/utilisateurs";
        }
        users.setSeesDisability(userId, scope.id(), granted);
        audit.record(scope.id(), scope.userId(), granted ? "permission handicap accordée" : "permission handicap retirée",
                "utilisateur", userId, member.username());
        flash.addFlashAttribute("message", granted
                ? "« " + member.username() + " » peut maintenant voir et renseigner la situation de handicap des personnes."
                : "« " + member.username() + " » ne voit plus la situation de handicap des personnes.");
        return "redirect:" + scope.base() + "/admin/utilisateurs";
    }

    @PostMapping("/{userId}/mot-de-passe")
    String resetPassword(CentreScope scope, @PathVariable long userId, RedirectAttributes flash) {
        UserService.Membership member = manageable(scope, userId);
        String password = users.resetPassword(userId);
        audit.record(scope.id(), scope.userId(), "nouveau mot de passe", "utilisateur", userId, member.username());
        flash.addFlashAttribute("newPassword", password);
        flash.addFlashAttribute("newUsername", member.username());
        return "redirect:" + scope.base() + "/admin/utilisateurs";
    }

    @PostMapping("/{userId}/actif")
    String setEnabled(CentreScope scope, @PathVariable long userId, @RequestParam(defaultValue = "false") boolean enabled,
                      RedirectAttributes flash) {
        UserService.Membership member = manageable(scope, userId);
        users.setEnabled(userId, enabled);
        audit.record(scope.id(), scope.userId(), enabled ? "réactivation d'utilisateur" : "désactivation d'utilisateur",
                "utilisateur", userId, member.username());
        flash.addFlashAttribute("message", "Le compte « " + member.username() + " » est "
                + (enabled ? "réactivé." : "désactivé."));
        return "redirect:" + scope.base() + "/admin/utilisateurs";
    }

    /**
     * An account of this centre that this administrator may manage: others' accounts are not found (404), an
     * account that also works in a centre they do not administer, or a platform admin's, is refused (403).
     */
    private UserService.Membership manageable(CentreScope scope, long userId) {
        scope.requireAdmin();
        UserService.Membership member = users.usersOfCentre(scope.id()).stream()
                .filter(m -> m.userId() == userId).findFirst()
                .orElseThrow(() -> new NotFound());
        if (userId == scope.userId()) {
            throw new Forbidden("Vous ne pouvez pas modifier votre propre accès ici : changez votre mot de passe depuis "
                    + "« Mon mot de passe ».");
        }
        if (!users.canManage(scope.userId(), userId)) {
            throw new Forbidden("Ce compte a aussi un rôle dans un centre que vous "
                    + "n'administrez pas : seul l'administrateur de la plateforme peut le modifier.");
        }
        return member;
    }

    private static String refuse(RedirectAttributes flash, String message, String username, String displayName,
                                 String redirect) {
        flash.addFlashAttribute("error", message);
        flash.addFlashAttribute("typedUsername", username);
        flash.addFlashAttribute("typedDisplayName", displayName);
        return redirect;
    }
}
