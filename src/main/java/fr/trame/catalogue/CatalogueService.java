package fr.trame.catalogue;

import fr.trame.form.NotFound;
import fr.trame.catalogue.CatalogueFormat.Field;
import fr.trame.catalogue.CatalogueFormat.Parsed;
import fr.trame.csv.CsvExport;
import fr.trame.csv.PgCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final DataSource dataSource;

    public CatalogueService(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Reads the whole file first (a structure error writes nothing), then stores what is not already there in one
     * COPY: a catalogue of tens of thousands of actions imports in seconds.
     */
    @Transactional
    public Report importText(String text) {
        List<Parsed> records = CatalogueFormat.read(text);
        List<String> hashes = records.stream().map(r -> sha256(r.raw())).toList();
        Set<String> known = new HashSet<>(jdbc.sql("select raw_hash from catalogue_actions where raw_hash = any(?)")
                .param(hashes.toArray(String[]::new)).query(String.class).list());
        List<String> repeats = new ArrayList<>();
        List<String> anomalies = new ArrayList<>();
        List<Parsed> fresh = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Parsed record = records.get(i);
            if (!known.add(hashes.get(i))) {
                repeats.add(where(record));
                continue;
            }
            fresh.add(record);
            anomalies.addAll(anomalies(record));
            rows.add(row(record, record.raw(), hashes.get(i), null, true));
        }
        List<String> newValues = addVocabulary(fresh);
        PgCopy.copy(dataSource, "catalogue_actions", COLUMNS, rows.stream().map(CatalogueService::copyable).toList());
        return new Report(records.size(), fresh.size(), repeats, newValues, anomalies);
    }

    private static String where(Parsed record) {
        return "« " + record.title() + " » (ligne " + record.firstLine() + ")";
    }

    private static List<String> anomalies(Parsed record) {
        List<String> found = new ArrayList<>();
        if (!record.has(Field.STRUCTURE)) {
            found.add(where(record) + " : pas de structure organisatrice");
        }
        String reason = record.text(Field.END_REASON);
        if (record.get(Field.STATUS).contains("Terminée") && (reason == null || reason.isBlank())) {
            found.add(where(record) + " : terminée sans raison indiquée");
        }
        if (record.get(Field.DIMENSION).isEmpty()) {
            found.add(where(record) + " : dimension vide");
        }
        return found;
    }

    /** Adds the values no vocabulary has yet, in one statement; each is reported with the first record using it. */
    private List<String> addVocabulary(List<Parsed> records) {
        Map<List<String>, String> firstUse = new LinkedHashMap<>();
        for (Parsed record : records) {
            VOCABULARY.forEach((field, kind) -> record.get(field)
                    .forEach(value -> firstUse.putIfAbsent(List.of(kind, value), where(record))));
        }
        Set<List<String>> added = new HashSet<>(jdbc.sql("""
                insert into catalogue_vocabulary (kind, value) select * from unnest(?::text[], ?::text[])
                on conflict do nothing returning kind, value""")
                .params(firstUse.keySet().stream().map(k -> k.get(0)).toArray(String[]::new),
                        firstUse.keySet().stream().map(k -> k.get(1)).toArray(String[]::new))
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).list());
        List<String> reported = new ArrayList<>();
        firstUse.forEach((key, where) -> {
            if (added.contains(key)) {
                reported.add(key.get(0) + " « " + key.get(1) + " », " + where);
            }
        });
        return reported;
    }

    /** The stored columns, in the order of {@link #row}. */
    private static final List<String> COLUMNS = List.of("raw", "raw_hash", "owner_centre_id", "published", "title",
            "structure", "departement", "files", "status", "end_reason", "dimension", "keywords", "summary", "initiative",
            "initiative_detail", "territory", "experience", "publics", "partners", "territory_again", "description",
            "resources", "people", "result_territory", "result_centre", "result_inhabitants", "limits", "perspectives");

    /** A record's column values; the structure line's "NAME - DÉPARTEMENT" is split at its last " - ". */
    private static Object[] row(Parsed r, String raw, String hash, Long owner, boolean published) {
        String structure = first(r, Field.STRUCTURE);
        int dash = structure == null ? -1 : structure.lastIndexOf(" - ");
        return new Object[] {raw, hash, owner, published, r.title(),
                dash < 0 ? structure : structure.substring(0, dash), dash < 0 ? null : structure.substring(dash + 3),
                r.text(Field.FILES), first(r, Field.STATUS), r.text(Field.END_REASON), first(r, Field.DIMENSION),
                array(r, Field.KEYWORDS), r.text(Field.SUMMARY), array(r, Field.INITIATIVE), r.text(Field.INITIATIVE_DETAIL),
                first(r, Field.TERRITORY), r.text(Field.EXPERIENCE), array(r, Field.PUBLIC), array(r, Field.PARTNERS),
                first(r, Field.TERRITORY_AGAIN), r.text(Field.DESCRIPTION), r.text(Field.RESOURCES), r.text(Field.PEOPLE),
                r.text(Field.RESULT_TERRITORY), r.text(Field.RESULT_CENTRE), r.text(Field.RESULT_INHABITANTS),
                r.text(Field.LIMITS), r.text(Field.PERSPECTIVES)};
    }

    /** The row as COPY reads it: text arrays as PostgreSQL array literals. */
    private static Object[] copyable(Object[] row) {
        Object[] out = row.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof String[] values) {
                StringBuilder literal = new StringBuilder("{");
                for (int k = 0; k < values.length; k++) {
                    literal.append(k == 0 ? "" : ",").append('"')
                            .append(values[k].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
                out[i] = literal.append('}').toString();
            }
        }
        return out;
    }

    /** The values of one vocabulary, in order. */
    public List<String> vocabulary(String kind) {
        return jdbc.sql("select value from catalogue_vocabulary where kind = ? order by lower(value)").param(kind)
                .query(String.class).list();
    }

    /** An action as a centre may see it: published, or its own; every field by its column name. */
    public Optional<Map<String, Object>> find(long centreId, long id) {
        return jdbc.sql("select * from catalogue_actions where id = ? and (published or owner_centre_id = ?)")
                .params(id, centreId).query((rs, n) -> {
                    Map<String, Object> action = new LinkedHashMap<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        Object value = rs.getObject(c);
                        action.put(rs.getMetaData().getColumnName(c),
                                value instanceof java.sql.Array array ? List.of((Object[]) array.getArray()) : value);
                    }
                    return action;
                }).optional();
    }

    /**
     * Saves a centre's own action (new when {@code id} is null), written in the catalogue format so that the export
     * carries it like an imported one. The text is read back: a line the format would take for a label is refused.
     * A new action is a draft until the centre publishes it.
     */
    @Transactional
    public long saveOwn(long centreId, Long id, String title, Map<Field, List<String>> values) {
        String raw = CatalogueFormat.render(title, values);
        Parsed parsed = CatalogueFormat.read(CatalogueFormat.write(List.of(raw))).get(0);
        for (Field field : Field.values()) {
            if (!parsed.get(field).equals(values.getOrDefault(field, List.of()))) {
                throw new OwnActionException(field, "une ligne de « " + field.label()
                        + " » serait lue comme un libellé du format du catalogue (« - … ») : changez-la.");
            }
        }
        Object[] row = row(parsed, raw, sha256(raw), centreId, false);
        if (jdbc.sql("select exists (select 1 from catalogue_actions where raw_hash = ? and id is distinct from ?)")
                .params(row[1], id).query(Boolean.class).single()) {
            throw new OwnActionException(null, "une fiche identique, mot pour mot, est déjà dans le catalogue.");
        }
        if (id == null) {
            return jdbc.sql("insert into catalogue_actions (" + String.join(", ", COLUMNS) + ") values ("
                    + String.join(", ", COLUMNS.stream().map(c -> "?").toList()) + ") returning id")
                    .params(row).query(Long.class).single();
        }
        // the owner and the publication stay as they are
        List<String> edited = COLUMNS.stream().filter(c -> !c.equals("owner_centre_id") && !c.equals("published")).toList();
        List<Object> params = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (edited.contains(COLUMNS.get(c))) {
                params.add(row[c]);
            }
        }
        params.add(id);
        params.add(centreId);
        int updated = jdbc.sql("update catalogue_actions set " + String.join(", ", edited.stream().map(c -> c + " = ?").toList())
                + ", updated_at = now() where id = ? and owner_centre_id = ?").params(params).update();
        if (updated == 0) {
            throw new NotFound();
        }
        return id;
    }

    /** The fields of the demo centre's own action (the Field enum stays inside this module). */
    public static Map<Field, List<String>> demoValues() {
        Map<Field, List<String>> values = new java.util.EnumMap<>(Field.class);
        values.put(Field.STRUCTURE, List.of("Centre social de démonstration - Bouches-du-Rhône"));
        values.put(Field.STATUS, List.of("En cours"));
        values.put(Field.DIMENSION, List.of("Accompagnement de projets"));
        values.put(Field.KEYWORDS, List.of("Parentalité", "éducation / scolarité"));
        values.put(Field.SUMMARY, List.of("Deux soirs par semaine, des bénévoles aident les enfants du CP au collège à faire leurs devoirs ;",
                "un jeudi par mois, les parents se retrouvent autour d’un café pour parler de l'école."));
        values.put(Field.INITIATIVE, List.of("Le centre social", "Un groupe d'habitants"));
        values.put(Field.TERRITORY, List.of("Plusieurs quartiers"));
        values.put(Field.PUBLIC, List.of("Enfance", "familles"));
        values.put(Field.PARTNERS, List.of("Caf", "Éducation Nationale", "Commune"));
        values.put(Field.TERRITORY_AGAIN, List.of("Plusieurs quartiers"));
        values.put(Field.DESCRIPTION, List.of("Accompagnement à la scolarité (CLAS) avec un volet parentalité."));
        return values;
    }

    /** Publishes or withdraws one of the centre's own actions; false when it is not the centre's. */
    public boolean publish(long centreId, long id, boolean published) {
        return jdbc.sql("update catalogue_actions set published = ?, updated_at = now() where id = ? and owner_centre_id = ?")
                .params(published, id, centreId).update() == 1;
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

    /** How many published actions have each value of each facet, in SQL over the whole catalogue. */
    public Map<String, List<Map<String, Object>>> facetCounts() {
        Map<String, List<Map<String, Object>>> counts = new LinkedHashMap<>();
        for (CatalogueSearch.Facet facet : CatalogueSearch.Facet.values()) {
            counts.put(facet.title(), jdbc.sql("""
                    select v as value, count(*) as actions from catalogue_actions,
                        lateral (select distinct v from unnest(%s) v where v <> '') x
                    where published group by v order by count(*) desc, v limit 50""".formatted(facet.values)).query().listOfRows());
        }
        return counts;
    }

    /** For each field of the format, how many published actions have it filled in, and the share. */
    public List<Map<String, Object>> fillRates() {
        StringBuilder select = new StringBuilder("select count(*) as total");
        FIELD_COLUMNS.values().forEach(column -> select.append(", count(*) filter (where ")
                .append(List.of("keywords", "initiative", "publics", "partners").contains(column)
                        ? "cardinality(" + column + ") > 0" : "trim(" + column + ") <> ''")
                .append(") as ").append(column));
        Map<String, Object> counts = jdbc.sql(select + " from catalogue_actions where published").query().singleRow();
        long total = ((Number) counts.get("total")).longValue();
        List<Map<String, Object>> rates = new ArrayList<>();
        for (Field field : Field.values()) {
            String column = FIELD_COLUMNS.get(field);
            long filled = ((Number) counts.get(column)).longValue();
            rates.add(Map.of("field", field.label(), "filled", filled, "total", total,
                    "percent", total == 0 ? 0 : Math.round(100.0 * filled / total)));
        }
        return rates;
    }

    /** The column each field of the format is stored in (the structure line gives the structure and its département). */
    static final Map<Field, String> FIELD_COLUMNS = new java.util.EnumMap<>(Map.ofEntries(
            Map.entry(Field.STRUCTURE, "structure"), Map.entry(Field.FILES, "files"), Map.entry(Field.STATUS, "status"),
            Map.entry(Field.END_REASON, "end_reason"), Map.entry(Field.DIMENSION, "dimension"),
            Map.entry(Field.KEYWORDS, "keywords"), Map.entry(Field.SUMMARY, "summary"),
            Map.entry(Field.INITIATIVE, "initiative"), Map.entry(Field.INITIATIVE_DETAIL, "initiative_detail"),
            Map.entry(Field.TERRITORY, "territory"), Map.entry(Field.EXPERIENCE, "experience"),
            Map.entry(Field.PUBLIC, "publics"), Map.entry(Field.PARTNERS, "partners"),
            Map.entry(Field.TERRITORY_AGAIN, "territory_again"), Map.entry(Field.DESCRIPTION, "description"),
            Map.entry(Field.RESOURCES, "resources"), Map.entry(Field.PEOPLE, "people"),
            Map.entry(Field.RESULT_TERRITORY, "result_territory"), Map.entry(Field.RESULT_CENTRE, "result_centre"),
            Map.entry(Field.RESULT_INHABITANTS, "result_inhabitants"), Map.entry(Field.LIMITS, "limits"),
            Map.entry(Field.PERSPECTIVES, "perspectives")));

    /** The imported records in the order they were first imported, in the text format. */
    public String exportText() {
        return CatalogueFormat.write(jdbc.sql("select raw from catalogue_actions where published order by id")
                .query(String.class).list());
    }

    /** One row per published action, {@code ;}-separated, lists joined by {@code  | }. */
    public String exportCsv() {
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> action : published()) {
            List<Object> row = new ArrayList<>();
            CSV_COLUMNS.values().forEach(column -> row.add(action.get(column) instanceof List<?> list
                    ? String.join(" | ", list.stream().map(Object::toString).toList()) : action.get(column)));
            rows.add(row);
        }
        return CsvExport.write(List.copyOf(CSV_COLUMNS.keySet()), rows);
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
