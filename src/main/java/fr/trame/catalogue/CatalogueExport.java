package fr.trame.catalogue;

import fr.trame.catalogue.CatalogueFormat.Field;
import fr.trame.csv.CsvExport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The published catalogue in the formats of interchange.md: text, CSV and (as maps Jackson writes) JSON. */
@Component
class CatalogueExport {

    /** The CSV headers, one per column of {@link CatalogueRows#ACTION_COLUMNS}. */
    private static final List<String> CSV_HEADERS;

    static {
        List<String> headers = new ArrayList<>(List.of("titre"));
        for (Field field : Field.values()) {
            headers.add(field.csvHeader());
            if (field == Field.STRUCTURE) {
                headers.add("departement");
            }
        }
        CSV_HEADERS = List.copyOf(headers);
    }

    private final JdbcClient jdbc;

    CatalogueExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The imported records in the order they were first imported, in the text format. */
    String text() {
        return CatalogueFormat.write(jdbc.sql("select raw from catalogue_actions where published order by id")
                .query(String.class).list());
    }

    /** One row per published action, {@code ;}-separated, lists joined by {@code  | }. */
    String csv() {
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> action : published()) {
            List<Object> row = new ArrayList<>();
            CatalogueRows.ACTION_COLUMNS.forEach(column -> row.add(action.get(column) instanceof List<?> list
                    ? String.join(" | ", list.stream().map(Object::toString).toList()) : action.get(column)));
            rows.add(row);
        }
        return CsvExport.write(CSV_HEADERS, rows);
    }

    /** Published actions, each field by its column name, lists as lists. */
    List<Map<String, Object>> published() {
        return jdbc.sql("select id, " + String.join(", ", CatalogueRows.ACTION_COLUMNS)
                        + " from catalogue_actions where published order by id")
                .query((rs, n) -> {
                    Map<String, Object> action = new LinkedHashMap<>();
                    action.put("id", rs.getLong("id"));
                    for (String column : CatalogueRows.ACTION_COLUMNS) {
                        action.put(column, CatalogueRows.value(rs, rs.findColumn(column)));
                    }
                    return action;
                }).list();
    }
}
