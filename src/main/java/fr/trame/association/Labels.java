package fr.trame.association;

import java.util.Map;

/** French names of this module's codes, for the pages and the annual report. */
public final class Labels {

    public static final Map<String, String> FRENCH = Map.ofEntries(
            Map.entry("ag", "Assemblée générale"), Map.entry("ca", "Conseil d'administration"), Map.entry("bureau", "Bureau"),
            Map.entry("commission", "Commission"),
            Map.entry("president", "Président(e)"), Map.entry("vice_president", "Vice-président(e)"),
            Map.entry("tresorier", "Trésorier(ère)"), Map.entry("secretaire", "Secrétaire"), Map.entry("membre", "Membre"),
            Map.entry("habitant", "Habitants"), Map.entry("partenaire", "Partenaires"), Map.entry("institution", "Institutions"),
            Map.entry("activite", "Bénévoles d'activité"), Map.entry("gouvernance", "Bénévoles de gouvernance"),
            Map.entry("ponctuel", "Bénévoles ponctuels"),
            Map.entry("cdi", "CDI"), Map.entry("cdd", "CDD"), Map.entry("cdii", "CDII"), Map.entry("mad", "Mise à disposition"),
            Map.entry("apprenti", "Apprentissage"), Map.entry("service_civique", "Service civique"),
            Map.entry("adulte_relais", "Adulte relais"), Map.entry("cee", "CEE"), Map.entry("contrat_aide", "Contrat aidé"),
            Map.entry("stage", "Stage"),
            Map.entry("direction", "Direction"), Map.entry("accueil", "Accueil"), Map.entry("referente_famille", "Référente famille"),
            Map.entry("animateur", "Animation"), Map.entry("coordinateur", "Coordination"), Map.entry("comptable", "Comptabilité"),
            Map.entry("secretariat", "Secrétariat"), Map.entry("conseiller_numerique", "Conseiller numérique"),
            Map.entry("agent_entretien", "Entretien"), Map.entry("autre", "Autre"),
            Map.entry("commune", "Commune"), Map.entry("intercommunalite", "Intercommunalité"), Map.entry("caf", "CAF"),
            Map.entry("departement", "Département"), Map.entry("region", "Région"), Map.entry("etat", "État"),
            Map.entry("association", "Association"), Map.entry("ecole", "École"), Map.entry("bailleur", "Bailleur"),
            Map.entry("sante", "Santé"), Map.entry("entreprise", "Entreprise"), Map.entry("fondation", "Fondation"),
            Map.entry("preparation", "en préparation"), Map.entry("depose", "déposé"), Map.entry("accorde", "accordé"),
            Map.entry("refuse", "refusé"), Map.entry("verse", "versé"));

    /** A grant request's status, counting requests: « Demandes déposées » (pages and report say the same). */
    private static final Map<String, String> GRANTS_BY_STATUS = Map.of("preparation", "Demandes en préparation",
            "depose", "Demandes déposées", "accorde", "Demandes accordées", "refuse", "Demandes refusées",
            "verse", "Demandes versées");
    /** The two sums of the grant requests of a year, in the same words on the pages and in the report. */
    public static final String GRANTS_REQUESTED = "Montant demandé";
    public static final String GRANTS_GRANTED = "Montant accordé (demandes accordées ou versées)";

    private Labels() {
    }

    /** « Demandes déposées »: the row of a count of grant requests by status. */
    public static String grants(String status) {
        return GRANTS_BY_STATUS.getOrDefault(status, "Demandes " + of(status));
    }

    /** « 1 demande déposée », « 3 demandes déposées »: a count of grant requests in a sentence, agreeing in number. */
    public static String grants(String status, long count) {
        String plural = grants(status).toLowerCase(java.util.Locale.FRENCH);
        return count + " " + (count > 1 ? plural : plural.replace("demandes", "demande").replaceAll("es$", "e"));
    }

    public static String of(String code) {
        return FRENCH.getOrDefault(code, code);
    }
}
