package fr.trame.form;

/**
 * A rule of the domain refuses what was asked (nothing saved): the French message is shown on the page, beside
 * {@link #field()} when the form has that field, else as the page's error message. Never a generic error page.
 */
public class Refused extends RuntimeException {

    private final String field;

    public Refused(String message) {
        this(null, message);
    }

    public Refused(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The form field the message is about, or null when it is about the whole form. */
    public String field() {
        return field;
    }
}
