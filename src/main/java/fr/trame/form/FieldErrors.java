package fr.trame.form;

import java.util.LinkedHashMap;
import java.util.Map;

/** Form errors by field name, in French, shown beside each field; the form keeps what the user typed. */
public class FieldErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

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
