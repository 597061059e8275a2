package fr.trame.form;

/**
 * What was asked for does not exist, or is not this centre's: the page answers 404 ({@code fr.trame.web.DomainErrors}),
 * with the French message when there is one.
 */
public class NotFound extends RuntimeException {

    public NotFound() {
        super(null, null, false, false);
    }

    public NotFound(String message) {
        super(message, null, false, false);
    }
}
