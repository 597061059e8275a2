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

    public static boolean isEmail(String text) {
        return EMAIL.matcher(text).matches();
    }
}
