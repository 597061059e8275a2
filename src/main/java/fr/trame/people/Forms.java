package fr.trame.people;

import fr.trame.form.Parse;

import java.time.LocalDate;

/** A date in the register's sentences and form fields: {@code JJ/MM/AAAA}, empty when unknown. */
final class Forms {

    private Forms() {
    }

    static String display(LocalDate date) {
        return date == null ? "" : date.format(Parse.FRENCH_DATE);
    }
}
