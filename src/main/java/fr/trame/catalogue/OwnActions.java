package fr.trame.catalogue;

import fr.trame.catalogue.CatalogueFormat.Field;
import fr.trame.catalogue.CatalogueFormat.Parsed;
import fr.trame.catalogue.CatalogueService.OwnActionException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The actions a centre writes itself: what it may see, saving (as a draft) and publishing. */
@Component
class OwnActions {

    /** The columns an edit rewrites: all but the owner and the publication, which stay as they are. */
    private static final List<String> EDITED = CatalogueRows.COLUMNS.stream()
            .filter(c -> !c.equals("owner_centre_id") && !c.equals("published")).toList();

    private final JdbcClient jdbc;

    OwnActions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An action as a centre may see it: published, or its own; every field by its column name. */
    Optional<Map<String, Object>> find(long centreId, long id) {
        return jdbc.sql("select * from catalogue_actions where id = ? and (published or owner_centre_id = ?)")
                .params(id, centreId).query((rs, n) -> {
                    Map<String, Object> action = new LinkedHashMap<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        action.put(rs.getMetaData().getColumnName(c), CatalogueRows.value(rs, c));
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
    long save(long centreId, Long id, String title, Map<Field, List<String>> values) {
        String raw = CatalogueFormat.render(title, values);
        Parsed parsed = CatalogueFormat.read(CatalogueFormat.write(List.of(raw))).get(0);
        for (Field field : Field.values()) {
            if (!parsed.get(field).equals(values.getOrDefault(field, List.of()))) {
                throw new OwnActionException(field, "une ligne de « " + field.label()
                        + " » serait lue comme un libellé du format du catalogue (« - … ») : changez-la.");
            }
        }
        Object[] row = CatalogueRows.row(parsed, raw, CatalogueRows.sha256(raw), centreId, false);
        if (jdbc.sql("select exists (select 1 from catalogue_actions where raw_hash = ? and id is distinct from ?)")
                .params(row[1], id).query(Boolean.class).single()) {
            throw new OwnActionException(null, "une fiche identique, mot pour mot, est déjà dans le catalogue.");
        }
        List<String> columns = CatalogueRows.COLUMNS;
        if (id == null) {
            return jdbc.sql("insert into catalogue_actions (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ") returning id")
                    .params(row).query(Long.class).single();
        }
        List<Object> params = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (EDITED.contains(columns.get(c))) {
                params.add(row[c]);
            }
        }
        params.add(id);
        params.add(centreId);
        int updated = jdbc.sql("update catalogue_actions set " + String.join(", ", EDITED.stream().map(c -> c + " = ?").toList())
                + ", updated_at = now() where id = ? and owner_centre_id = ?").params(params).update();
        if (updated == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return id;
    }

    /** Publishes or withdraws one of the centre's own actions; false when it is not the centre's. */
    boolean publish(long centreId, long id, boolean published) {
        return jdbc.sql("update catalogue_actions set published = ?, updated_at = now() where id = ? and owner_centre_id = ?")
                .params(published, id, centreId).update() == 1;
    }
}
