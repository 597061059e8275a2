package fr.trame.form;

import org.springframework.validation.Errors;

import java.text.ParseException;
import java.time.LocalDate;
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

    /** The trimmed text, or null when empty. */
    public static String clean(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
