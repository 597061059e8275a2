package fr.trame.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;

/**
 * Reads the fields of a submitted form, each with its French name for messages; what is wrong goes to
 * {@link #errors()} beside the field, and the page shows the form again with {@link #values()} as typed.
 */
public class FormReader {

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
                errors.add(field, "Indiquez " + label + ".");
            }
            return null;
        }
        return v;
    }

    public LocalDate date(String field, String label, boolean required) {
        String v = text(field, label, required);
        try {
            return v == null ? null : Parse.date(v);
        } catch (DateTimeParseException e) {
            errors.add(field, "« " + v + " » n'est pas une date (" + label + ") : écrivez JJ/MM/AAAA.");
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
                errors.add(field, label.substring(0, 1).toUpperCase() + label.substring(1) + " : entre "
                        + FrenchFormat.number(min.stripTrailingZeros()) + " et " + FrenchFormat.number(max.stripTrailingZeros()) + ".");
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            errors.add(field, "« " + v + " » n'est pas un nombre (" + label + ").");
            return null;
        }
    }

    public Integer integer(String field, String label, boolean required, int min, int max) {
        BigDecimal d = decimal(field, label, required, BigDecimal.valueOf(min), BigDecimal.valueOf(max));
        if (d != null && d.stripTrailingZeros().scale() > 0) {
            errors.add(field, label.substring(0, 1).toUpperCase() + label.substring(1) + " : un nombre entier.");
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
        Integer cents = Parse.cents(v.replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace("€", ""));
        if (cents == null) {
            errors.add(field, "« " + v + " » n'est pas un montant en euros (" + label + ") : par exemple 1200 ou 1200,50.");
        }
        return cents == null ? null : cents.longValue();
    }

    /** One of the allowed codes. */
    public String choice(String field, String label, boolean required, Collection<String> allowed) {
        String v = text(field, label, required);
        if (v != null && !allowed.contains(v)) {
            errors.add(field, "Choisissez " + label + " dans la liste.");
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
            errors.add(field, "Choisissez " + label + " dans la liste.");
            return null;
        }
    }

    public boolean checked(String field) {
        return values.containsKey(field) && !values.get(field).equals("false");
    }

    /** An end date must not come before the start. */
    public void notBefore(String field, LocalDate end, LocalDate start) {
        if (end != null && start != null && end.isBefore(start)) {
            errors.add(field, "La fin ne peut pas précéder le début.");
        }
    }
}
