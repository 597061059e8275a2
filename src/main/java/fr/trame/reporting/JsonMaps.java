package fr.trame.reporting;

import java.util.List;
import java.util.Map;

/** Reading the indicators JSON, which is built as nested maps and lists. */
final class JsonMaps {

    private JsonMaps() {
    }

    @SuppressWarnings("unchecked")
    static <V> Map<String, V> sub(Map<String, Object> m, String key) {
        return (Map<String, V>) m.get(key);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }
}
