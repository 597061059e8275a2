package fr.trame.csv;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;

/** Bulk-loads rows with PostgreSQL {@code COPY … FROM STDIN}, on the connection of the current transaction. */
public final class PgCopy {

    private PgCopy() {
    }

    /**
     * Creates a temporary table dropped at commit, from its columns as {@code "name type, name type, …"}, and copies
     * the rows into it (each row's values in the columns' order). A second import in the same transaction finds the
     * first one's table still there: it starts from a fresh one.
     */
    public static void stage(JdbcClient jdbc, DataSource dataSource, String table,
                             String columns, List<Object[]> rows) {
        jdbc.sql("drop table if exists pg_temp." + table).update();
        jdbc.sql("create temp table " + table + " (" + columns + ") on commit drop").update();
        List<String> names = Arrays.stream(columns.split(","))
                .map(c -> c.trim().split("\\s+")[0]).toList();
        copy(dataSource, table, names, rows);
    }

    public static long copy(DataSource dataSource, String table, List<String> columns, List<Object[]> rows) {
        StringBuilder data = new StringBuilder(rows.size() * 120);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    data.append(',');
                }
                appendCsv(data, row[i]);
            }
            data.append('\n');
        }
        return copyCsv(dataSource, table, columns, data.toString());
    }

    /**
     * Copies rows already in COPY's text format (tab-separated, {@code \\N} for null, one row a line, values needing no
     * escape: ids, numbers, codes), into a table's columns; nothing to copy costs no round trip.
     */
    public static long copyText(DataSource dataSource, String table, List<String> columns, CharSequence rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            return pg.getCopyAPI().copyIn("copy " + table + " (" + String.join(", ", columns) + ") from stdin",
                    new CharSequenceReader(rows));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY dans " + table + " impossible : " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Reads a CharSequence without copying it into a String first. */
    private static final class CharSequenceReader extends Reader {
        private final CharSequence text;
        private int at;

        CharSequenceReader(CharSequence text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (at >= text.length()) {
                return -1;
            }
            int n = Math.min(length, text.length() - at);
            if (text instanceof StringBuilder builder) {
                builder.getChars(at, at + n, buffer, offset);
            } else {
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = text.charAt(at + i);
                }
            }
            at += n;
            return n;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    /** Copies text already in PostgreSQL's CSV format (comma, double quotes, empty unquoted = null). */
    public static long copyCsv(DataSource dataSource, String table, List<String> columns, String csv) {
        return copyCsv(dataSource, table, columns, csv, ',');
    }

    /** The same, with another delimiter (the {@code ;} of the CSV files centres open in Excel). */
    public static long copyCsv(DataSource dataSource, String table, List<String> columns, String csv, char delimiter) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            return pg.getCopyAPI().copyIn("copy " + table + " (" + String.join(", ", columns)
                    + ") from stdin with (format csv, delimiter '" + delimiter + "')", new StringReader(csv));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY dans " + table + " impossible : " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void appendCsv(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Temporal) {
            out.append(value);
            return;
        }
        out.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
    }
}
