package fr.trame.association;

import fr.trame.form.Vocabulary;

import java.util.Locale;

/** French names of this module's codes for the pages and the annual report, from messages.properties ({@link Vocabulary}). */
public final class Labels {

    /** The two sums of the grant requests of a year, in the same words on the pages and in the report. */
    public static final String GRANTS_REQUESTED = Vocabulary.message("figure.grants.requested");
    public static final String GRANTS_GRANTED = Vocabulary.message("figure.grants.granted");

    private Labels() {
    }

    /** « Demandes déposées »: the row of a count of grant requests by status. */
    public static String grants(String status) {
        String counted = Vocabulary.message("code.grantsCounted." + status);
        return counted != null ? counted : "Demandes " + of(status);
    }

    /** « 1 demande déposée », « 3 demandes déposées »: a count of grant requests in a sentence, agreeing in number. */
    public static String grants(String status, long count) {
        String plural = grants(status).toLowerCase(Locale.FRENCH);
        return count + " " + (count > 1 ? plural : plural.replace("demandes", "demande").replaceAll("es$", "e"));
    }

    public static String of(String code) {
        return Vocabulary.label(code);
    }
}
