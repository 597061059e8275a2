package fr.trame.form;

import java.util.Map;

/**
 * French names of the codes that interchange.md fixes for the register, activities, attendance and reception
 * (a membership's type, a relationship, a channel, an appointment's status…), and of the indicators' keys: the one
 * place where they are named, for the pages, the charts, the PDF and the workbook. The association's codes are named
 * in {@code fr.trame.association.Labels}; a centre's reception themes carry their own label (ThemeService).
 */
public final class Vocabulary {

    public static final Map<String, String> FRENCH = Map.ofEntries(
            Map.entry("familiale", "Familiale"), Map.entry("individuelle", "Individuelle"),
            Map.entry("associative", "Associative"), Map.entry("responsable", "Responsable"),
            Map.entry("enfant", "Enfant"), Map.entry("autre", "Autre"), Map.entry("especes", "Espèces"),
            Map.entry("cheque", "Chèque"), Map.entry("carte", "Carte bancaire"), Map.entry("virement", "Virement"),
            Map.entry("prelevement", "Prélèvement"), Map.entry("declare", "Déclaré"),
            Map.entry("attestation_caf", "Attestation CAF"), Map.entry("droit_image", "Droit à l'image"),
            Map.entry("donnees", "Utilisation des données"), Map.entry("F", "Femme"), Map.entry("M", "Homme"),
            Map.entry("atelier", "Atelier"), Map.entry("acm", "Accueil de loisirs (ACM)"),
            Map.entry("accompagnement_scolaire", "Accompagnement scolaire"), Map.entry("sortie", "Sortie"),
            Map.entry("sejour", "Séjour"), Map.entry("evenement", "Événement"), Map.entry("permanence", "Permanence"),
            Map.entry("hors_vacances", "hors vacances scolaires"), Map.entry("vacances_seulement", "vacances scolaires seulement"),
            Map.entry("toutes", "toute l'année"), Map.entry("present", "présent"), Map.entry("absent", "absent"),
            Map.entry("excuse", "excusé"), Map.entry("accueil", "Accueil"), Map.entry("telephone", "Téléphone"),
            Map.entry("rdv", "Rendez-vous"), Map.entry("courriel", "Courriel"), Map.entry("domicile", "À domicile"),
            Map.entry("exterieur", "À l'extérieur"), Map.entry("prevu", "prévu"), Map.entry("honore", "honoré"),
            Map.entry("non_honore", "non honoré"), Map.entry("annule", "annulé"),
            Map.entry("inscrit", "inscrit"), Map.entry("attente", "liste d'attente"),
            Map.entry("memberships", "Adhésions"), Map.entry("households", "Foyers"), Map.entry("persons", "Personnes"),
            Map.entry("individual", "dont individuelles"), Map.entry("organisations", "dont associatives"),
            Map.entry("contacts", "Contacts"), Map.entry("anonymousContacts", "dont anonymes"),
            Map.entry("bySex", "Sexe"), Map.entry("byAgeBand", "Tranche d'âge"), Map.entry("byQuartier", "Quartier"),
            Map.entry("qpv", "Domicile en QPV"), Map.entry("byQfBand", "Quotient familial (€)"));

    /** The sexes as counted in a table (a count of persons): plural. */
    private static final Map<String, String> SEX_COUNTED = Map.of("F", "Femmes", "M", "Hommes");

    private Vocabulary() {
    }

    /** The French name of a code, or the code itself when it is a name already (a quartier, a sector). */
    public static String label(String code) {
        return code == null ? "—" : FRENCH.getOrDefault(code, code);
    }

    /** Whether this vocabulary names the code. */
    public static boolean names(String code) {
        return code != null && FRENCH.containsKey(code);
    }

    /**
     * A key of one of the indicators' breakdowns ({@code bySex}, {@code byAgeBand}, {@code byQfBand}, {@code byChannel},
     * {@code appointments}, {@code qpv}…) as a row of a table: {@code Femmes}, {@code 60 ans et plus},
     * {@code 0 à 300 €}, {@code Téléphone}, {@code non honoré}.
     */
    public static String breakdown(String dimension, String key) {
        return switch (dimension) {
            case "bySex" -> SEX_COUNTED.getOrDefault(key, key);
            case "byAgeBand" -> FrenchFormat.band(key, "ans");
            case "byQfBand" -> FrenchFormat.band(key, "€");
            default -> label(key);
        };
    }
}
