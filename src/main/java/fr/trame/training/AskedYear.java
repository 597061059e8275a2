package fr.trame.training;

import fr.trame.form.Parse;

import java.util.function.IntSupplier;

/**
 * The year a training page is asked for in {@code ?annee=}, read the same way everywhere: nothing asked gives the page's
 * own year without a notice; a value that is not a year gives that year with a French notice quoting what was typed.
 */
record AskedYear(int year, String notice) {

    /** {@code what}: what the page shows of that year, e.g. « les sessions de » (then the year). */
    static AskedYear of(String annee, IntSupplier otherwise, String what) {
        if (annee == null || annee.isBlank()) {
            return new AskedYear(otherwise.getAsInt(), null);
        }
        Integer asked = Parse.reportYear(annee);
        if (asked != null) {
            return new AskedYear(asked, null);
        }
        int year = otherwise.getAsInt();
        return new AskedYear(year, "L'année « " + shown(annee) + " » n'est pas une année entre " + Parse.FIRST_REPORT_YEAR
                + " et " + Parse.LAST_REPORT_YEAR + " : voici " + what + year + ".");
    }

    /** What the user typed, to quote it in a message: NUL made a space, trimmed, cut at 20 characters. */
    static String shown(String typed) {
        String v = typed == null ? "" : typed.replace('\0', ' ').trim();
        return v.length() > 20 ? v.substring(0, 20) + "…" : v;
    }
}
