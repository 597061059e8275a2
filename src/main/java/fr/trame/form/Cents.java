package fr.trame.form;

/** An amount typed in euros ({@code 1 200,50 €}), held in cents: the type of a form's amount field. */
public record Cents(long value) {

    /** The amount as an int, the type of the register's amounts. */
    public int intValue() {
        return Math.toIntExact(value);
    }
}
