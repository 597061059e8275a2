package fr.trame.form;

import org.springframework.validation.Errors;

/**
 * A form object: what one form of a page sends, bound by Spring ({@code @ModelAttribute}, with the formatters of
 * dates and amounts) and checked by its own {@link #validate} when the controller marks it {@code @Validated}
 * ({@code fr.trame.web.FormValidation}). Rules put a message code of messages.properties on the field
 * ({@link Checks}); the page shows them in French beside it ({@link FieldErrors#of}).
 */
public interface Form {

    void validate(Errors errors);
}
