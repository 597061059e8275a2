package fr.trame.form;

import org.springframework.validation.Errors;

import java.math.BigDecimal;
import java.text.ParseException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;

/** The rules forms share, each a message code of messages.properties naming its field. */
public final class Checks {

    private Checks() {
    }

    /** A field left empty, unless it could not be read at all (its own message is then said). */
    public static void required(Errors errors, String field, Object value) {
        if ((value == null || value instanceof String s && s.isBlank()) && !errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "required");
        }
    }

    public static void choice(Errors errors, String field, String value, Collection<String> allowed) {
        if (value != null && !value.isBlank() && !allowed.contains(value.trim())) {
            errors.rejectValue(field, "choice");
        }
    }

    public static void range(Errors errors, String field, Number value, long min, long max) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
            errors.rejectValue(field, "range", new Object[] {FrenchFormat.integer(min), FrenchFormat.integer(max)}, null);
        }
    }

    /** An end date must not come before the start. */
    public static void notBefore(Errors errors, String field, LocalDate end, LocalDate start) {
        if (end != null && start != null && end.isBefore(start)) {
            errors.rejectValue(field, "endBeforeStart");
        }
    }

    public static void email(Errors errors, String field, String value) {
        if (value != null && !value.isBlank() && !Parse.isEmail(value.trim())) {
            errors.rejectValue(field, "email");
        }
    }

    private static final FrenchDateFormatter DATES = new FrenchDateFormatter();
    private static final EurosFormatter AMOUNTS = new EurosFormatter();

    /**
     * A date kept as typed in a text field (so that the page shows it back as it was), read by the one date
     * formatter: null when empty, code {@code date} when it is not a date.
     */
    public static LocalDate date(Errors errors, String field, String text) {
        String v = clean(text);
        if (v == null) {
            return null;
        }
        try {
            return DATES.parse(v, Locale.FRENCH);
        } catch (ParseException e) {
            errors.rejectValue(field, "date");
            return null;
        }
    }

    /** The same for an amount in euros, code {@code amount}. */
    public static Cents amount(Errors errors, String field, String text) {
        String v = clean(text);
        if (v == null) {
            return null;
        }
        try {
            return AMOUNTS.parse(v, Locale.FRENCH);
        } catch (ParseException e) {
            errors.rejectValue(field, "amount");
            return null;
        }
    }

    /** A date already checked by {@link #date(Errors, String, String)}: null when empty or not a date. */
    public static LocalDate date(String text) {
        String v = clean(text);
        try {
            return v == null ? null : DATES.parse(v, Locale.FRENCH);
        } catch (ParseException e) {
            return null;
        }
    }

    /** An amount already checked by {@link #amount(Errors, String, String)}, in cents: null when empty or wrong. */
    public static Integer cents(String text) {
        String v = clean(text);
        try {
            return v == null ? null : AMOUNTS.parse(v, Locale.FRENCH).intValue();
        } catch (ParseException e) {
            return null;
        }
    }

    /** The trimmed text, or null when empty (then code {@code required} when it is required). */
    public static String text(Errors errors, String field, String value, boolean required) {
        String v = clean(value);
        if (v == null && required) {
            required(errors, field, null);
        }
        return v;
    }

    /** The same, at most {@code max} characters: else code {@code tooLong} (with the limit) and null. */
    public static String text(Errors errors, String field, String value, boolean required, int max) {
        String v = text(errors, field, value, required);
        if (v != null && v.codePointCount(0, v.length()) > max) {
            errors.rejectValue(field, "tooLong", new Object[] {max}, null);
            return null;
        }
        return v;
    }

    /** A date typed as text, checked and read at once: code {@code date}, or {@code required}. */
    public static LocalDate date(Errors errors, String field, String value, boolean required) {
        text(errors, field, value, required);
        return date(errors, field, value);
    }

    /** The years a typed date may fall in: outside them it is a typing error (3023), said by code {@code dateYears}. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2100;

    /** A date typed as text as {@link #date(Errors, String, String, boolean)}, between 1900 and 2100: else code {@code dateYears}. */
    public static LocalDate dateInYears(Errors errors, String field, String value, boolean required) {
        LocalDate day = date(errors, field, value, required);
        if (day != null && (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR)) {
            errors.rejectValue(field, "dateYears");
            return null;
        }
        return day;
    }

    /** A decimal number with a comma or a point (« 1 234,5 » as the pages show it), between the bounds. */
    public static BigDecimal decimal(Errors errors, String field, String value, boolean required, BigDecimal min, BigDecimal max) {
        String v = text(errors, field, value, required);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v.replace(',', '.').replace(" ", "").replace("\u00a0", "")
                    .replace(String.valueOf(FrenchFormat.THOUSANDS), ""));
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                errors.rejectValue(field, "range", new Object[] {FrenchFormat.number(min.stripTrailingZeros()),
                        FrenchFormat.number(max.stripTrailingZeros())}, null);
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "number");
            return null;
        }
    }

    /** A whole number between the bounds. */
    public static Integer integer(Errors errors, String field, String value, boolean required, int min, int max) {
        BigDecimal d = decimal(errors, field, value, required, BigDecimal.valueOf(min), BigDecimal.valueOf(max));
        if (d != null && d.stripTrailingZeros().scale() > 0) {
            errors.rejectValue(field, "wholeNumber");
            return null;
        }
        return d == null ? null : d.intValue();
    }

    /** Euros ({@code 1200}, {@code 1 200,50}) in cents. */
    public static Long cents(Errors errors, String field, String value, boolean required) {
        text(errors, field, value, required);
        Cents c = amount(errors, field, value);
        return c == null ? null : c.value();
    }

    /** One of the allowed codes, else code {@code choice}. */
    public static String choice(Errors errors, String field, String value, boolean required, Collection<String> allowed) {
        String v = text(errors, field, value, required);
        if (v != null && !allowed.contains(v)) {
            errors.rejectValue(field, "choice");
            return null;
        }
        return v;
    }

    /** The id of a row chosen in a list, else code {@code choice}. */
    public static Long id(Errors errors, String field, String value, boolean required) {
        String v = text(errors, field, value, required);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "choice");
            return null;
        }
    }

    /** An hour typed {@code 14:30}, {@code 9:05} or {@code 14h30}; code {@code time}, or {@code required}. */
    public static LocalTime time(Errors errors, String field, String value, boolean required) {
        String v = text(errors, field, value, required);
        try {
            return v == null ? null : LocalTime.parse(v.length() == 4 && v.charAt(1) == ':' ? "0" + v : v.replace('h', ':'));
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "time");
            return null;
        }
    }

    /** The trimmed text, or null when empty. */
    public static String clean(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
