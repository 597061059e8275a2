package fr.trame.centre;

import fr.trame.form.Forbidden;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The centre a request acts for, and the user's role there. Resolved once per request from the {@code {centre}} path
 * variable by {@link CentreScopeResolver}; every query of a centre's rows takes its {@link #id()}.
 */
public record CentreScope(long id, String code, String name, Role role, long userId, String userName, ZoneId zone,
                          boolean disabilityGranted) {

    /** A scope without the disability permission (tests, services acting for a role only). */
    public CentreScope(long id, String code, String name, Role role, long userId, String userName, ZoneId zone) {
        this(id, code, name, role, userId, userName, zone, false);
    }

    /**
     * The command line acting for a centre: an administrator's rights, no user (user id 0, which the audit log writes
     * as none), so it is nobody's referent and reads no confidential case note. It imports the disability column
     * (people.csv), so it holds that permission: whoever runs it has the database anyway.
     */
    public static CentreScope commandLine(Centre centre) {
        return new CentreScope(centre.id(), centre.code(), centre.name(), Role.ADMIN, 0, "ligne de commande",
                centre.zone(), true);
    }

    /**
     * The scope the current web request was tied to, if any (none on the command line, in a test calling a service):
     * lets a service reached through a shared entry point (the upload page) apply a permission of the user's.
     */
    public static Optional<CentreScope> ofCurrentRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object scope = request == null ? null
                : request.getAttribute(CentreScopeResolver.SCOPE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return scope instanceof CentreScope s ? Optional.of(s) : Optional.empty();
    }

    /** Today in the centre's time zone: the day of its pages, forms and default periods. */
    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /** The path prefix of this centre's pages. */
    public String base() {
        return "/c/" + code;
    }

    /** {@code returnTo} when it is one of this centre's pages, else {@code fallback} (under base): never an open redirect. */
    public String pageOrElse(String returnTo, String fallback) {
        return returnTo != null && returnTo.startsWith(base() + "/") && !returnTo.contains("//")
                ? returnTo : base() + fallback;
    }

    public CentreScope requirePersonalData() {
        if (!role.seesPersonalData()) {
            throw new Forbidden("Votre rôle ne donne pas accès aux données personnelles.");
        }
        return this;
    }

    public CentreScope requireRegisterEdit() {
        requirePersonalData();
        if (!role.editsRegister()) {
            throw new Forbidden("Votre rôle ne permet pas de modifier le registre.");
        }
        return this;
    }

    public CentreScope requireAttendance() {
        if (!role.takesAttendance()) {
            throw new Forbidden("Votre rôle ne permet pas de faire l'appel.");
        }
        return this;
    }

    public CentreScope requireAdmin() {
        if (role != Role.ADMIN) {
            throw new Forbidden("Réservé aux administrateurs du centre.");
        }
        return this;
    }

    /** The director's own work (team, governance, funding, texts), which an administrator may also do. */
    public CentreScope requireDirection() {
        if (!canDirect()) {
            throw new Forbidden("Réservé à la direction du centre.");
        }
        return this;
    }

    public boolean canDirect() {
        return role == Role.DIRECTION || role == Role.ADMIN;
    }

    public boolean canEditRegister() {
        return role.editsRegister();
    }

    /**
     * Whether the user may see and record a person's situation of disability: a permission of its own, granted
     * explicitly on the users page (user_roles.sees_disability), never implied by a role; a role that sees no person
     * (federation) never has it.
     */
    public boolean seesDisability() {
        return disabilityGranted && role.seesPersonalData();
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
