package fr.trame.federation;

import fr.trame.form.Forbidden;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * The federation a request acts for, the user's role there and, for a délégué, the ATs assigned to them today.
 * Resolved once per request from the {@code {federation}} path variable by {@link FederationScopeResolver}; every
 * query of the federation's rows takes its {@link #id()}.
 */
public record FederationScope(long id, String code, String name, FederationRole role, long userId, String userName,
                              Set<Long> territories, boolean platformAdmin) {

    /** The federations Trame serves are in metropolitan France: their day is Paris's. */
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** The command line: the direction's rights, no user, run by whoever operates the platform. */
    public static FederationScope commandLine(Federation federation) {
        return new FederationScope(federation.id(), federation.code(), federation.name(), FederationRole.ADMIN, 0,
                "ligne de commande", Set.of(), true);
    }

    public LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The path prefix of this federation's pages. */
    public String base() {
        return "/f/" + code;
    }

    /** The federation's direction: every record, confidential follow-ups, users. */
    public boolean isDirection() {
        return role == FederationRole.ADMIN;
    }

    public boolean isDelegue() {
        return role == FederationRole.DELEGUE;
    }

    /** Whether the user follows this AT (a délégué assigned to it today); the direction follows them all. */
    public boolean follows(Long territoryId) {
        return isDirection() || (isDelegue() && territoryId != null && territories.contains(territoryId));
    }

    /** Who may change the records of a structure of this AT: the direction, and the AT's délégué. */
    public boolean canEdit(Long territoryId) {
        return follows(territoryId);
    }

    /**
     * Who may say that a structure is a Trame centre, which opens that centre's aggregates to the federation: the
     * platform's operator (its administrator, or the command line), not a federation on its own word.
     */
    public boolean canLinkCentres() {
        return platformAdmin;
    }

    public FederationScope requireDirection() {
        if (!isDirection()) {
            throw new Forbidden("Réservé à la direction de la fédération.");
        }
        return this;
    }

    public FederationScope requireEdit(Long territoryId) {
        return requireEdit(territoryId, "Cette structure n'est pas dans un territoire qui vous est confié.");
    }

    /** As {@link #requireEdit(Long)}, telling a délégué refused what the record is not about. */
    public FederationScope requireEdit(Long territoryId, String delegueRefusal) {
        if (!canEdit(territoryId)) {
            throw new Forbidden(isDelegue() ? delegueRefusal : "Votre rôle ne permet que la lecture.");
        }
        return this;
    }

    /**
     * Who reads personal data such as the trainees' names and e-mails: the direction and the délégués; a reader of the
     * federation reads counts only.
     */
    public boolean seesNames() {
        return isDirection() || isDelegue();
    }

    /** As {@link #seesNames()}, refusing a reader with one French message. */
    public FederationScope requireNames() {
        if (!seesNames()) {
            throw new Forbidden("Votre rôle donne les chiffres de la formation, pas les noms des stagiaires : les listes nominatives, "
                    + "feuilles d'émargement, convocations et attestations sont réservées à la direction et aux délégué·e·s.");
        }
        return this;
    }

    /** Anyone who writes something in the federation: the direction and the délégués. */
    public FederationScope requireWriter() {
        if (role == FederationRole.READER) {
            throw new Forbidden("Votre rôle ne permet que la lecture.");
        }
        return this;
    }
}
