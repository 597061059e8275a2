package fr.trame.catalogue;

import fr.trame.catalogue.CatalogueFormat.Field;
import fr.trame.catalogue.CatalogueFormat.Parsed;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Importing the catalogue text format (all or nothing, repeats stored once) and exporting the catalogue. */
@Service
public class CatalogueService {

    /** Which vocabulary each choice field takes its values from. */
    static final Map<Field, String> VOCABULARY = Map.of(Field.STATUS, "statut", Field.DIMENSION, "dimension",
            Field.KEYWORDS, "mot_cle", Field.PUBLIC, "public", Field.INITIATIVE, "initiative", Field.TERRITORY, "territoire",
            Field.TERRITORY_AGAIN, "territoire", Field.PARTNERS, "partenaire");

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

    /** The columns of the CSV export, with the field each is read from. */
    private static final Map<String, String> CSV_COLUMNS = new LinkedHashMap<>();

    static {
        for (String[] c : new String[][] {{"titre", "title"}, {"structure", "structure"}, {"departement", "departement"},
                {"fichiers", "files"}, {"statut", "status"}, {"raisons_fin", "end_reason"}, {"dimension", "dimension"},
                {"mots_cles", "keywords"}, {"resume", "summary"}, {"initiative", "initiative"},
                {"precision_initiative", "initiative_detail"}, {"territoire", "territory"}, {"experience", "experience"},
                {"public", "publics"}, {"partenaires", "partners"}, {"territoire_2", "territory_again"},
                {"description_generale", "description"}, {"ressources_financieres", "resources"},
                {"personnes_mobilisees", "people"}, {"resultat_territoire", "result_territory"},
                {"resultat_centre_social", "result_centre"}, {"resultat_habitants", "result_inhabitants"},
                {"limites", "limits"}, {"perspectives", "perspectives"}}) {
            CSV_COLUMNS.put(c[0], c[1]);
        }
    }

    private final JdbcClient jdbc;

    public CatalogueService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads the whole file first (a structure error writes nothing), then stores what is not already there. */
    @Transactional
    public Report importText(String text) {
        List<Parsed> records = CatalogueFormat.read(text);
        List<String> repeats = new ArrayList<>();
        List<String> newValues = new ArrayList<>();
        List<String> anomalies = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int stored = 0;
        for (Parsed record : records) {
            String where = "« " + record.title() + " » (ligne " + record.firstLine() + ")";
            String hash = sha256(record.raw());
            boolean known = jdbc.sql("select exists (select 1 from catalogue_actions where raw_hash = ?)").param(hash)
                    .query(Boolean.class).single();
            if (!seen.add(hash) || known) {
                repeats.add(where);
                continue;
            }
            VOCABULARY.forEach((field, kind) -> record.get(field).forEach(value -> {
                if (jdbc.sql("insert into catalogue_vocabulary (kind, value) values (?, ?) on conflict do nothing")
                        .params(kind, value).update() == 1) {
                    newValues.add(kind + " « " + value + " », " + where);
                }
            }));
            if (!record.has(Field.STRUCTURE)) {
                anomalies.add(where + " : pas de structure organisatrice");
            }
            if (record.get(Field.STATUS).contains("Terminée") && (record.text(Field.END_REASON) == null
                    || record.text(Field.END_REASON).isBlank())) {
                anomalies.add(where + " : terminée sans raison indiquée");
            }
            if (record.get(Field.DIMENSION).isEmpty()) {
                anomalies.add(where + " : dimension vide");
            }
            insert(record, hash);
            stored++;
        }
        return new Report(records.size(), stored, repeats, newValues, anomalies);
    }

    private void insert(Parsed r, String hash) {
        String structure = r.get(Field.STRUCTURE).isEmpty() ? null : r.get(Field.STRUCTURE).get(0);
        int dash = structure == null ? -1 : structure.lastIndexOf(" - ");
        jdbc.sql("""
                insert into catalogue_actions (raw, raw_hash, title, structure, departement, files, status, end_reason, dimension,
                    keywords, summary, initiative, initiative_detail, territory, experience, publics, partners, territory_again,
                    description, resources, people, result_territory, result_centre, result_inhabitants, limits, perspectives)
                values (:raw, :hash, :title, :structure, :departement, :files, :status, :endReason, :dimension,
                    :keywords, :summary, :initiative, :initiativeDetail, :territory, :experience, :publics, :partners,
                    :territoryAgain, :description, :resources, :people, :resultTerritory, :resultCentre, :resultInhabitants,
                    :limits, :perspectives)""")
                .param("raw", r.raw()).param("hash", hash).param("title", r.title())
                .param("structure", dash < 0 ? structure : structure.substring(0, dash))
                .param("departement", dash < 0 ? null : structure.substring(dash + 3))
                .param("files", r.text(Field.FILES)).param("status", first(r, Field.STATUS))
                .param("endReason", r.text(Field.END_REASON)).param("dimension", first(r, Field.DIMENSION))
                .param("keywords", array(r, Field.KEYWORDS)).param("summary", r.text(Field.SUMMARY))
                .param("initiative", array(r, Field.INITIATIVE)).param("initiativeDetail", r.text(Field.INITIATIVE_DETAIL))
                .param("territory", first(r, Field.TERRITORY)).param("experience", r.text(Field.EXPERIENCE))
                .param("publics", array(r, Field.PUBLIC)).param("partners", array(r, Field.PARTNERS))
                .param("territoryAgain", first(r, Field.TERRITORY_AGAIN)).param("description", r.text(Field.DESCRIPTION))
                .param("resources", r.text(Field.RESOURCES)).param("people", r.text(Field.PEOPLE))
                .param("resultTerritory", r.text(Field.RESULT_TERRITORY)).param("resultCentre", r.text(Field.RESULT_CENTRE))
                .param("resultInhabitants", r.text(Field.RESULT_INHABITANTS)).param("limits", r.text(Field.LIMITS))
                .param("perspectives", r.text(Field.PERSPECTIVES)).update();
    }

    /** The imported records in the order they were first imported, in the text format. */
    public String exportText() {
        return CatalogueFormat.write(jdbc.sql("select raw from catalogue_actions where raw is not null order by id")
                .query(String.class).list());
    }

    /** One row per published action, {@code ;}-separated, lists joined by {@code  | }. */
    public String exportCsv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\n")
                .setHeader(CSV_COLUMNS.keySet().toArray(String[]::new)).get())) {
            for (Map<String, Object> action : published()) {
                List<Object> row = new ArrayList<>();
                CSV_COLUMNS.values().forEach(column -> row.add(action.get(column) instanceof List<?> list
                        ? String.join(" | ", list.stream().map(Object::toString).toList()) : action.get(column)));
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Published actions, each field by its name, lists as lists. */
    public List<Map<String, Object>> published() {
        return jdbc.sql("select id, " + String.join(", ", CSV_COLUMNS.values()) + " from catalogue_actions where published order by id")
                .query((rs, n) -> {
                    Map<String, Object> action = new LinkedHashMap<>();
                    action.put("id", rs.getLong("id"));
                    for (String column : CSV_COLUMNS.values()) {
                        Object value = rs.getObject(column);
                        action.put(column, value instanceof java.sql.Array array ? List.of((Object[]) array.getArray()) : value);
                    }
                    return action;
                }).list();
    }

    private static String first(Parsed r, Field field) {
        return r.get(field).isEmpty() ? null : r.get(field).get(0);
    }

    private static String[] array(Parsed r, Field field) {
        return r.get(field).toArray(String[]::new);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
