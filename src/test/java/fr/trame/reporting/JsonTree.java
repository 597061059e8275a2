package fr.trame.reporting;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * Figures as the JSON of interchange.md reads back into maps (whole numbers as {@code Long}, decimals as
 * {@code BigDecimal} with their places), for tests that check the contract key by key.
 */
public final class JsonTree {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private JsonTree() {
    }

    public static Map<String, Object> of(Object figures) {
        return JSON.readValue(JSON.writeValueAsString(figures), new TypeReference<Map<String, Object>>() { });
    }
}
