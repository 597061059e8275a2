package fr.trame.people;

import fr.trame.form.FieldErrors;
import fr.trame.form.Parse;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Parsing of what people type in forms, with French messages. */
final class Forms {


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
            return Parse.date(v);
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
        Integer cents = Parse.cents(v.replace("€", "").replace(" ", "").replace("\u00a0", ""));
        if (cents == null) {
            errors.add(field, "Montant invalide : par exemple 12 ou 12,50.");
        }
        return cents;
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
        return date == null ? "" : date.format(Parse.FRENCH_DATE);
    }
}
