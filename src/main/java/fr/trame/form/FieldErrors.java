package fr.trame.form;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Form errors by field name, in French, shown beside each field; the form keeps what the user typed. Serializable: a
 * redirect carries them in the flash attributes, which live in the session (in the database, Spring Session JDBC).
 */
public class FieldErrors implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> byField = new LinkedHashMap<>();

    /**
     * The French messages of a bound form's errors (messages.properties), the first of each field. A message's
     * arguments: {0} the field's name in words ({@code <form>.<field>}, e.g. {@code quartierForm.name}), {1} what
     * was typed, {2} the name with a capital, then the rule's own arguments.
     */
    public static FieldErrors of(Errors binding) {
        FieldErrors errors = new FieldErrors();
        for (FieldError e : binding.getFieldErrors()) {
            errors.add(e.getField(), message(e));
        }
        return errors;
    }

    private static String message(FieldError e) {
        String label = Vocabulary.message(e.getObjectName() + "." + e.getField());
        if (label == null) {
            label = e.getField();
        }
        List<Object> args = new ArrayList<>(List.of(label, e.getRejectedValue() == null ? "" : String.valueOf(e.getRejectedValue()).trim(),
                label.substring(0, 1).toUpperCase() + label.substring(1)));
        if (e.getArguments() != null) {
            for (Object arg : e.getArguments()) {
                if (!(arg instanceof MessageSourceResolvable)) {
                    args.add(arg);
                }
            }
        }
        return Vocabulary.message(new DefaultMessageSourceResolvable(e.getCodes(), args.toArray(), e.getDefaultMessage()));
    }

    public void add(String field, String message) {
        byField.putIfAbsent(field, message);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public Map<String, String> all() {
        return byField;
    }
}
