package fr.trame.association;

import fr.trame.csv.CsvTable;
import fr.trame.form.Parse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Values of this module's import files that {@link CsvTable.Row} does not read: amounts with spaces, decimals, periods. */
final class FileValues {

    /** Spaces a spreadsheet puts between thousands: ordinary, non-breaking, narrow non-breaking. */
    private static final Pattern SPACES = Pattern.compile("[ \u00a0\u202f]");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,7}([.,]\\d{1,2})?");

    private FileValues() {
    }

    /** Euros as {@code 12345.67}, {@code 12 345,67} or {@code 12}, in cents; null (error recorded) when it is not one. */
    static Long euros(CsvTable.Row row, String column) {
        String v = row.text(column);
        if (v == null) {
            return null;
        }
        Integer cents = Parse.cents(SPACES.matcher(v).replaceAll(""));
        if (cents == null) {
            row.error(column, "montant invalide « " + v + " » (exemples : 12345,67, 12 345,67 ou 12345.67 ; euros, sans signe)");
            return null;
        }
        return cents.longValue();
    }

    /** A number with at most two decimals ({@code 17,5} or {@code 17.5}) in {@code (min, max]}, or {@code [0, max]}. */
    static BigDecimal decimal(CsvTable.Row row, String column, boolean zeroAllowed, BigDecimal max) {
        String v = row.text(column);
        if (v == null) {
            return null;
        }
        String plain = SPACES.matcher(v).replaceAll("");
        BigDecimal d = DECIMAL.matcher(plain).matches() ? new BigDecimal(plain.replace(',', '.')) : null;
        if (d == null || d.compareTo(max) > 0 || (zeroAllowed ? d.signum() < 0 : d.signum() <= 0)) {
            row.error(column, "« " + v + " » n'est pas un nombre " + (zeroAllowed ? "de 0" : "supérieur à 0") + " à "
                    + max.toPlainString() + " (deux décimales au plus, exemple : 17,5)");
            return null;
        }
        return d;
    }

    /** Records an error on {@code endColumn} when the end is before the start. */
    static void endNotBefore(CsvTable.Row row, String endColumn, LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            row.error(endColumn, "la fin (" + end.format(Parse.FRENCH_DATE) + ") précède le début ("
                    + start.format(Parse.FRENCH_DATE) + ")");
        }
    }

    /** A cell that only some rows may fill: records an error when it is filled on another (a refused cell is not again). */
    static void onlyWhen(CsvTable.Row row, String column, boolean allowed, String why) {
        if (!allowed && row.text(column) != null) {
            row.error(column, why);
        }
    }
}
