package fr.trame.catalogue;

import fr.trame.catalogue.CatalogueFormat.Field;
import org.springframework.stereotype.Service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue as the rest of Trame uses it (the web pages, the command line, the demo): each call is handed to
 * the class doing that one job, the import, the export, the centre's own actions or the statistics.
 */
@Service
public class CatalogueService {

    /** What an import did: records read and stored, repeats, values new to a vocabulary, anomalies to look at. */
    public record Report(int read, int stored, List<String> repeats, List<String> newValues, List<String> anomalies) {
        public String summary() {
            StringBuilder s = new StringBuilder(read + " fiche(s) lue(s), " + stored + " enregistrée(s), "
                    + repeats.size() + " répétée(s).");
            repeats.forEach(r -> s.append("\n  répétée : ").append(r));
            newValues.forEach(v -> s.append("\n  nouvelle valeur : ").append(v));
            anomalies.forEach(a -> s.append("\n  à vérifier : ").append(a));
            return s.toString();
        }
    }

    /** A centre's own action the format could not carry as written, and the field at fault (null: the whole action). */
    public static class OwnActionException extends RuntimeException {
        private final Field field;

        OwnActionException(Field field, String message) {
            super(message);
            this.field = field;
        }

        public Field field() {
            return field;
        }
    }

    private final CatalogueImport importer;
    private final CatalogueExport export;
    private final OwnActions own;
    private final CatalogueStatistics statistics;
    private final CatalogueVocabulary vocabulary;

    CatalogueService(CatalogueImport importer, CatalogueExport export, OwnActions own, CatalogueStatistics statistics,
                     CatalogueVocabulary vocabulary) {
        this.importer = importer;
        this.export = export;
        this.own = own;
        this.statistics = statistics;
        this.vocabulary = vocabulary;
    }

    /** Imports a file of the text format, all or nothing (see {@link CatalogueImport}). */
    public Report importText(String text) {
        return importer.importText(text);
    }

    /** The published records in the text format, as first imported. */
    public String exportText() {
        return export.text();
    }

    /** One row per published action, {@code ;}-separated, lists joined by {@code  | }. */
    public String exportCsv() {
        return export.csv();
    }

    /** Published actions, each field by its column name, lists as lists (the JSON export). */
    public List<Map<String, Object>> published() {
        return export.published();
    }

    /** The values of one vocabulary, in order. */
    public List<String> vocabulary(String kind) {
        return vocabulary.values(kind);
    }

    /** An action as a centre may see it: published, or its own; every field by its column name. */
    public Optional<Map<String, Object>> find(long centreId, long id) {
        return own.find(centreId, id);
    }

    /** Saves a centre's own action, new when {@code id} is null (see {@link OwnActions#save}). */
    public long saveOwn(long centreId, Long id, String title, Map<Field, List<String>> values) {
        return own.save(centreId, id, title, values);
    }

    /** Publishes or withdraws one of the centre's own actions; false when it is not the centre's. */
    public boolean publish(long centreId, long id, boolean published) {
        return own.publish(centreId, id, published);
    }

    /** How many published actions have each value of each facet, in SQL over the whole catalogue. */
    public Map<String, List<Map<String, Object>>> facetCounts() {
        return statistics.facetCounts();
    }

    /** For each field of the format, how many published actions have it filled in, and the share. */
    public List<Map<String, Object>> fillRates() {
        return statistics.fillRates();
    }

    /** The fields of the demo centre's own action (the Field enum stays inside this module). */
    public static Map<Field, List<String>> demoValues() {
        Map<Field, List<String>> values = new EnumMap<>(Field.class);
        values.put(Field.STRUCTURE, List.of("Centre social de démonstration - Bouches-du-Rhône"));
        values.put(Field.STATUS, List.of("En cours"));
        values.put(Field.DIMENSION, List.of("Accompagnement de projets"));
        values.put(Field.KEYWORDS, List.of("Parentalité", "éducation / scolarité"));
        values.put(Field.SUMMARY, List.of(
                "Deux soirs par semaine, des bénévoles aident les enfants du CP au collège à faire leurs devoirs ;",
                "un jeudi par mois, les parents se retrouvent autour d’un café pour parler de l'école."));
        values.put(Field.INITIATIVE, List.of("Le centre social", "Un groupe d'habitants"));
        values.put(Field.TERRITORY, List.of("Plusieurs quartiers"));
        values.put(Field.PUBLIC, List.of("Enfance", "familles"));
        values.put(Field.PARTNERS, List.of("Caf", "Éducation Nationale", "Commune"));
        values.put(Field.TERRITORY_AGAIN, List.of("Plusieurs quartiers"));
        values.put(Field.DESCRIPTION, List.of("Accompagnement à la scolarité (CLAS) avec un volet parentalité."));
        return values;
    }
}
