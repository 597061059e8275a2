package fr.trame.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.text.ParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the fields of a submitted form given as a map, each with its French name for messages, with the formatters
 * and the messages of the form objects ({@link Form}, messages.properties); what is wrong goes to
 * {@link #errors()} beside the field, and the page shows the form again with {@link #values()} as typed.
 */
public class FormReader {

    private static final FrenchDateFormatter DATES = new FrenchDateFormatter();
    private static final EurosFormatter AMOUNTS = new EurosFormatter();

    private final Map<String, String> values;
    private final FieldErrors errors = new FieldErrors();

    public FormReader(Map<String, String> values) {
        this.values = values;
    }

    public Map<String, String> values() {
        return values;
    }

    public FieldErrors errors() {
        return errors;
    }

    public boolean ok() {
        return !errors.any();
    }

    /** The trimmed text, or null when empty (then an error if required). */
    public String text(String field, String label, boolean required) {
        String v = values.getOrDefault(field, "").trim();
        if (v.isEmpty()) {
            if (required) {
                errors.add(field, say("required", label, ""));
            }
            return null;
        }
        return v;
    }

    public LocalDate date(String field, String label, boolean required) {
        String v = text(field, label, required);
        try {
            return v == null ? null : DATES.parse(v, Locale.FRENCH);
        } catch (ParseException e) {
            errors.add(field, say("typeMismatch.java.time.LocalDate", label, v));
            return null;
        }
    }

    /** A decimal number, with a comma or a point, between the bounds. */
    public BigDecimal decimal(String field, String label, boolean required, BigDecimal min, BigDecimal max) {
        String v = text(field, label, required);
        if (v == null) {
            return null;
        }
        try {
            // « 1 234,5 » as the pages show it (any space between the thousands)
            BigDecimal d = new BigDecimal(v.replace(',', '.').replace(" ", "").replace("\u00a0", "").replace(String.valueOf(FrenchFormat.THOUSANDS), ""));
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                errors.add(field, say("range", label, v, FrenchFormat.number(min.stripTrailingZeros()),
                        FrenchFormat.number(max.stripTrailingZeros())));
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            errors.add(field, say("typeMismatch.java.math.BigDecimal", label, v));
            return null;
        }
    }

    public Integer integer(String field, String label, boolean required, int min, int max) {
        BigDecimal d = decimal(field, label, required, BigDecimal.valueOf(min), BigDecimal.valueOf(max));
        if (d != null && d.stripTrailingZeros().scale() > 0) {
            errors.add(field, say("wholeNumber", label, ""));
            return null;
        }
        return d == null ? null : d.intValue();
    }

    /** Euros ({@code 1200}, {@code 1 200,50}) in cents. */
    public Long cents(String field, String label, boolean required) {
        String v = text(field, label, required);
        if (v == null) {
            return null;
        }
        try {
            return AMOUNTS.parse(v, Locale.FRENCH).value();
        } catch (ParseException e) {
            errors.add(field, say("typeMismatch.fr.trame.form.Cents", label, v));
            return null;
        }
    }

    /** One of the allowed codes. */
    public String choice(String field, String label, boolean required, Collection<String> allowed) {
        String v = text(field, label, required);
        if (v != null && !allowed.contains(v)) {
            errors.add(field, say("choice", label, v));
            return null;
        }
        return v;
    }

    public Long id(String field, String label, boolean required) {
        String v = text(field, label, required);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            errors.add(field, say("choice", label, v));
            return null;
        }
    }

    /** The message of a rule (messages.properties, as {@link FieldErrors#of} says it), naming the field. */
    private static String say(String code, String label, String typed, Object... more) {
        Object[] args = new Object[3 + more.length];
        args[0] = label;
        args[1] = typed;
        args[2] = label.isEmpty() ? label : label.substring(0, 1).toUpperCase() + label.substring(1);
        System.arraycopy(more, 0, args, 3, more.length);
        return Vocabulary.message(code, args);
    }

    public boolean checked(String field) {
        return values.containsKey(field) && !values.get(field).equals("false");
    }

    /** An end date must not come before the start. */
    public void notBefore(String field, LocalDate end, LocalDate start) {
        if (end != null && start != null && end.isBefore(start)) {
            errors.add(field, say("endBeforeStart", "", ""));
        }
    }
}
