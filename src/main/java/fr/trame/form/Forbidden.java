package fr.trame.form;

/** The user's role does not allow this: the page answers 403 with the French message. */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message, null, false, false);
    }
}
