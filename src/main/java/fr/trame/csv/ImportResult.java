package fr.trame.csv;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What an import did, counted by kind of change ("foyers créés" → 12). Zero counts are left out of the summary. */
public record ImportResult(int rows, Map<String, Integer> changes) {

    public ImportResult {
        changes = new LinkedHashMap<>(changes);
    }

    public boolean changedNothing() {
        return changes.values().stream().allMatch(n -> n == 0);
    }

    public String summary() {
        String done = changes.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        return rows + " ligne(s) lue(s) : " + (done.isEmpty() ? "aucun changement (déjà à jour)" : done) + ".";
    }
}
