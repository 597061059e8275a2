package fr.trame.people;

import fr.trame.form.FieldErrors;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** Parsing of what people type in forms, with French messages. */
final class Forms {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Forms() {
    }

    static String clean(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static LocalDate date(String value, String field, FieldErrors errors) {
        String v = clean(value);
        if (v == null) {
            return null;
        }
        try {
            return v.contains("/") ? LocalDate.parse(v, FRENCH_DATE) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(field, "Date invalide : écrivez-la JJ/MM/AAAA.");
            return null;
        }
    }

    static Integer euros(String value, String field, FieldErrors errors) {
        String v = clean(value);
        if (v == null) {
            return null;
        }
        v = v.replace("€", "").replace(" ", "").replace('\u00a0', ' ').trim();
        if (!v.matches("\\d{1,7}([.,]\\d{1,2})?")) {
            errors.add(field, "Montant invalide : par exemple 12 ou 12,50.");
            return null;
        }
        return new java.math.BigDecimal(v.replace(',', '.')).movePointRight(2).intValueExact();
    }

    static Integer wholeEuros(String value, String field, FieldErrors errors) {
        String v = clean(value);
        if (v == null) {
            return null;
        }
        if (!v.matches("\\d{1,6}")) {
            errors.add(field, "Nombre entier d'euros attendu (0 ou plus).");
            return null;
        }
        return Integer.parseInt(v);
    }

    static String display(LocalDate date) {
        return date == null ? "" : date.format(FRENCH_DATE);
    }
}
