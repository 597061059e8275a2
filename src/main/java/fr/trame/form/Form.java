package fr.trame.form;

import org.springframework.validation.Errors;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A form object: what one form of a page sends, in public fields, bound by Spring ({@code @ModelAttribute}, with the
 * formatters of dates and amounts) and checked by its own {@link #validate} when the controller marks it
 * {@code @Validated} ({@code fr.trame.web.FormValidation}). Rules put a message code of messages.properties on the
 * field ({@link Checks}); the page shows them in French beside it ({@link FieldErrors#of}), and the fields as typed
 * ({@link #typed}).
 */
public interface Form {

    void validate(Errors errors);

    /** The public fields as typed, by name ("" when absent): what the page shows back when something is wrong. */
    default Map<String, String> typed() {
        Map<String, String> typed = new LinkedHashMap<>();
        for (Field field : getClass().getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                try {
                    // the form classes are package-private: their public fields are read from here all the same
                    field.setAccessible(true);
                    Object value = field.get(this);
                    typed.put(field.getName(), value == null ? "" : String.valueOf(value));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return typed;
    }
}
