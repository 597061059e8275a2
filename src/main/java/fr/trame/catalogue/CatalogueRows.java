package fr.trame.catalogue;

import fr.trame.catalogue.CatalogueFormat.Field;
import fr.trame.catalogue.CatalogueFormat.Kind;
import fr.trame.catalogue.CatalogueFormat.Parsed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** How a record of the format is stored in catalogue_actions, for the import and the centres' own actions alike. */
final class CatalogueRows {

    /** The columns an action is read from: its title, then its fields (the structure line in two columns). */
    static final List<String> ACTION_COLUMNS;

    /** The stored columns, in the order of {@link #row}. */
    static final List<String> COLUMNS;

    static {
        List<String> action = new ArrayList<>(List.of("title"));
        for (Field field : Field.values()) {
            action.add(field.column());
            if (field == Field.STRUCTURE) {
                action.add("departement");
            }
        }
        ACTION_COLUMNS = List.copyOf(action);
        List<String> stored = new ArrayList<>(List.of("raw", "raw_hash", "owner_centre_id", "published"));
        stored.addAll(ACTION_COLUMNS);
        COLUMNS = List.copyOf(stored);
    }

    private CatalogueRows() {
    }

    /** A record's column values; the structure line's "NAME - DÉPARTEMENT" is split at its last " - ". */
    static Object[] row(Parsed r, String raw, String hash, Long owner, boolean published) {
        List<Object> row = new ArrayList<>();
        row.add(raw);
        row.add(hash);
        row.add(owner);
        row.add(published);
        row.add(r.title());
        for (Field field : Field.values()) {
            if (field == Field.STRUCTURE) {
                String structure = first(r, field);
                int dash = structure == null ? -1 : structure.lastIndexOf(" - ");
                row.add(dash < 0 ? structure : structure.substring(0, dash));
                row.add(dash < 0 ? null : structure.substring(dash + 3));
            } else if (field.storedAsList()) {
                row.add(r.get(field).toArray(String[]::new));
            } else if (field.kind == Kind.FREE) {
                row.add(r.text(field));
            } else {
                row.add(first(r, field));
            }
        }
        return row.toArray();
    }

    /** The row as COPY reads it: text arrays as PostgreSQL array literals. */
    static Object[] copyable(Object[] row) {
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

    /** A column's value as read: a text array as a list. */
    static Object value(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        return value instanceof Array array ? List.of((Object[]) array.getArray()) : value;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String first(Parsed r, Field field) {
        return r.get(field).isEmpty() ? null : r.get(field).get(0);
    }
}
