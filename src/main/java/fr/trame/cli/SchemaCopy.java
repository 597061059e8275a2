package fr.trame.cli;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The limit our schema sets to an import, for {@code bench}: the final rows a centre's import wrote (already in the
 * tables' column types) COPYed into empty copies of the same tables, with the same defaults, check constraints,
 * identity and generated columns, indexes (by {@code like … including all}), foreign keys (to the copies when the
 * referenced table is copied too, else to the real table) and triggers, in a scratch schema created by a transaction
 * rolled back afterwards (not temporary tables: they skip the write-ahead log, and may not reference the real ones).
 *
 * <p>A schema tool: it names only the tables it is given and reads their definitions from the catalogue, so it follows
 * whatever the migrations make of them (an index or a trigger added later is in the baseline too).
 */
final class SchemaCopy {

    /** What one run measured: the seconds of the timed COPYs, the rows copied, and what the copies carry. */
    record Result(double seconds, long rows, String carried) {
    }

    /** A schema of the transaction, gone with its rollback: real tables, logged like the ones they copy. */
    private static final String SCRATCH = "bench_copy";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;

    SchemaCopy(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
    }

    Result measure(long centreId, List<String> tables) {
        return measure(centreId, tables, List.of());
    }

    /**
     * Copies the centre's rows of {@code tables} (in this order: a referenced table before the tables referencing it),
     * timing only the COPYs into the empty copies. {@code writtenByTriggers} are the tables the copied triggers fill
     * (the name words of persons, say): they get empty copies too, found first on the search path during the COPYs, so
     * the triggers do their work in the baseline without touching the real tables.
     */
    Result measure(long centreId, List<String> tables, List<String> writtenByTriggers) {
        return tx.execute(status -> {
            Map<String, String> copies = new LinkedHashMap<>();
            for (String table : tables) {
                copies.put(table, SCRATCH + "." + table);
            }
            jdbc.sql("create schema " + SCRATCH).update();
            for (String table : writtenByTriggers) {
                jdbc.sql("create table " + SCRATCH + "." + table + " (like " + table + " including all)").update();
            }
            int indexes = 0;
            int checks = 0;
            int foreignKeys = 0;
            int triggers = 0;
            Map<String, String> data = new LinkedHashMap<>();
            Map<String, String> columns = new LinkedHashMap<>();
            for (String table : tables) {
                String copy = copies.get(table);
                jdbc.sql("create table " + copy + " (like " + table + " including all)").update();
                indexes += count("select count(*) from pg_index where indrelid = ?::regclass", copy);
                checks += count("select count(*) from pg_constraint where conrelid = ?::regclass and contype = 'c'", copy);
                for (String fk : jdbc.sql("""
                        select 'foreign key ' || substring(pg_get_constraintdef(c.oid) from 13) || '|' || r.relname
                        from pg_constraint c join pg_class r on r.oid = c.confrelid
                        where c.conrelid = ?::regclass and c.contype = 'f' order by c.conname""")
                        .param(table).query(String.class).list()) {
                    String referenced = fk.substring(fk.lastIndexOf('|') + 1);
                    String definition = fk.substring(0, fk.lastIndexOf('|'));
                    if (copies.containsKey(referenced)) {
                        definition = definition.replaceFirst("REFERENCES (public\\.)?" + referenced + "\\(",
                                "REFERENCES " + copies.get(referenced) + "(");
                    }
                    jdbc.sql("alter table " + copy + " add " + definition).update();
                    foreignKeys++;
                }
                for (String trigger : jdbc.sql("""
                        select pg_get_triggerdef(oid) from pg_trigger where tgrelid = ?::regclass and not tgisinternal""")
                        .param(table).query(String.class).list()) {
                    jdbc.sql(trigger.replaceFirst(" ON (public\\.)?" + table + " ", " ON " + copy + " ")).update();
                    triggers++;
                }
                columns.put(table, String.join(", ", jdbc.sql("""
                        select quote_ident(attname) from pg_attribute
                        where attrelid = ?::regclass and attnum > 0 and not attisdropped and attgenerated = ''
                        order by attnum""").param(table).query(String.class).list()));
                data.put(table, copyOut("copy (select " + columns.get(table) + " from " + table
                        + " where centre_id = " + centreId + ") to stdout"));
            }
            jdbc.sql("set local search_path = " + SCRATCH + ", public").update();
            long rows = 0;
            long t0 = System.nanoTime();
            for (String table : tables) {
                rows += copyIn("copy " + copies.get(table) + " (" + columns.get(table) + ") from stdin", data.get(table));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            status.setRollbackOnly();
            return new Result(seconds, rows, String.format("%s : %d index, %d contraintes check, %d clés étrangères, "
                    + "%d déclencheurs", String.join(", ", tables), indexes, checks, foreignKeys, triggers));
        });
    }

    private int count(String sql, String table) {
        return jdbc.sql(sql).param(table).query(Integer.class).single();
    }

    private String copyOut(String sql) {
        StringWriter out = new StringWriter();
        withCopy(copy -> copy.copyOut(sql, out));
        return out.toString();
    }

    private long copyIn(String sql, String text) {
        List<Long> rows = new ArrayList<>();
        withCopy(copy -> rows.add(copy.copyIn(sql, new StringReader(text))));
        return rows.get(0);
    }

    private interface CopyWork {
        void run(CopyManager copy) throws SQLException, IOException;
    }

    private void withCopy(CopyWork work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            work.run(connection.unwrap(PGConnection.class).getCopyAPI());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY impossible : " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
