package fr.trame.form;

import org.springframework.validation.Errors;

import java.time.LocalDate;
import java.util.Collection;

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

    /** The trimmed text, or null when empty. */
    public static String clean(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
