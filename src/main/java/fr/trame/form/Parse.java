package fr.trame.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** How Trame reads what people type or import: one rule each for dates, amounts and e-mail addresses. */
public final class Parse {

    public static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    /** The years a report may be asked for ({@code ?annee=}). */
    public static final int FIRST_REPORT_YEAR = 2000;
    public static final int LAST_REPORT_YEAR = 2100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern EUROS = Pattern.compile("\\d{1,7}([.,]\\d{1,2})?");

    private Parse() {
    }

    /** {@code YYYY-MM-DD} or {@code DD/MM/YYYY}; impossible dates (31/02) are refused. */
    public static LocalDate date(String text) throws DateTimeParseException {
        return text.contains("/") ? LocalDate.parse(text, FRENCH_DATE) : LocalDate.parse(text);
    }

    /** Euros as {@code 12}, {@code 12,50} or {@code 12.50}, in cents; null when it is not such an amount. */
    public static Integer cents(String text) {
        return EUROS.matcher(text).matches() ? new BigDecimal(text.replace(',', '.')).movePointRight(2).intValueExact() : null;
    }

    /** A row's id in a URL (a query parameter, a list's choice): digits only, else null. */
    public static Long id(String text) {
        return text != null && text.matches("[0-9]{1,18}") ? Long.valueOf(text) : null;
    }

    /** The year of a report asked in a URL ({@code ?annee=2023}), between 2000 and 2100; else null. */
    public static Integer reportYear(String text) {
        String v = text == null ? "" : text.trim();
        if (!v.matches("[0-9]{4}")) {
            return null;
        }
        int year = Integer.parseInt(v);
        return year >= FIRST_REPORT_YEAR && year <= LAST_REPORT_YEAR ? year : null;
    }

    /** The same, or {@code otherwise} (usually this year) when none is asked or it is not such a year. */
    public static int reportYear(String text, int otherwise) {
        Integer year = reportYear(text);
        return year == null ? otherwise : year;
    }

    public static boolean isEmail(String text) {
        return EMAIL.matcher(text).matches();
    }
}
