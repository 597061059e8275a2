package fr.trame.database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A copy of every row a centre holds under another centre: each table whose primary key leads with {@code centre_id}
 * (TenancySchemaTest), parents first, its ids kept (a centre's keys are {@code (centre_id, id)}, so the copy's are new),
 * with what triggers wrote copied as rows (user triggers are off while copying, as a restore does). It names no table but
 * {@link #NOT_COPIED}: the list comes from the catalogue, so that a centre's table added later is copied too. For the demonstration
 * federation of 200 centres ({@code demo --size l}): a generated register reused for each centre, set-based.
 */
@Service
public class CentreCopy {

    /**
     * Not copied: who may act in a centre (the model's accounts get no role in its copies) and the journal of what
     * they did there.
     */
    static final Set<String> NOT_COPIED = Set.of("user_roles", "audit_log");

    private final JdbcClient jdbc;

    public CentreCopy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A table of a centre's rows: its name and the columns written (generated ones are computed again). */
    private record Table(String name, List<String> columns) {
    }

    /**
     * Replaces the rows of centre {@code to} (a centre just created: defaults its creation wrote) by a copy of those
     * of centre {@code from}. One transaction. Returns the number of rows copied.
     */
    @Transactional
    public long copy(long from, long to) {
        if (from == to) {
            throw new IllegalArgumentException("un centre ne se copie pas sur lui-même");
        }
        List<Table> tables = parentsFirst(centreTables());
        for (Table t : tables) {
            jdbc.sql("alter table " + quote(t.name()) + " disable trigger user").update();
        }
        for (int i = tables.size() - 1; i >= 0; i--) {
            jdbc.sql("delete from " + quote(tables.get(i).name()) + " where centre_id = ?").param(to).update();
        }
        long rows = 0;
        for (Table t : tables) {
            String columns = t.columns().stream().map(CentreCopy::quote).collect(Collectors.joining(", "));
            String values = t.columns().stream().map(c -> c.equals("centre_id") ? "?::bigint" : quote(c))
                    .collect(Collectors.joining(", "));
            rows += jdbc.sql("insert into " + quote(t.name()) + " (" + columns + ") overriding system value select " + values
                    + " from " + quote(t.name()) + " where centre_id = ?").params(to, from).update();
        }
        for (Table t : tables) {
            jdbc.sql("alter table " + quote(t.name()) + " enable trigger user").update();
        }
        return rows;
    }

    /**
     * The tables whose primary key leads with centre_id. A unique index that does not lead with it would refuse the copy
     * (the same value under two centres): such a table is named in the refusal.
     */
    private List<Table> centreTables() {
        List<String> names = jdbc.sql("""
                select k.relname from pg_class k
                join pg_index i on i.indrelid = k.oid and i.indisprimary
                join pg_attribute a on a.attrelid = k.oid and a.attnum = i.indkey[0]
                where k.relkind = 'r' and k.relnamespace = current_schema()::regnamespace and a.attname = 'centre_id'
                order by k.relname""").query(String.class).stream().filter(n -> !NOT_COPIED.contains(n)).toList();
        List<String> global = jdbc.sql("""
                select distinct k.relname from pg_class k
                join pg_index i on i.indrelid = k.oid and i.indisunique
                left join pg_attribute a on a.attrelid = k.oid and a.attnum = i.indkey[0]
                where k.relname = any (?) and (a.attname is null or a.attname <> 'centre_id')""")
                .param(names.toArray(String[]::new)).query(String.class).list();
        if (!global.isEmpty()) {
            throw new IllegalStateException("copie de centre impossible : index unique hors centre_id dans " + global);
        }
        Map<String, List<String>> columns = new HashMap<>();
        jdbc.sql("""
                select k.relname, a.attname from pg_class k
                join pg_attribute a on a.attrelid = k.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                where k.relname = any (?) and k.relnamespace = current_schema()::regnamespace order by k.relname, a.attnum""")
                .param(names.toArray(String[]::new))
                .query(rs -> {
                    columns.computeIfAbsent(rs.getString(1), n -> new ArrayList<>()).add(rs.getString(2));
                });
        return names.stream().map(n -> new Table(n, columns.get(n))).toList();
    }

    /** A table after the tables it refers to (a cycle, which the copy's foreign keys would refuse, is left as found). */
    private List<Table> parentsFirst(List<Table> tables) {
        Map<String, Set<String>> parents = new HashMap<>();
        jdbc.sql("""
                select child.relname, parent.relname from pg_constraint k
                join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid
                where k.contype = 'f' and k.connamespace = current_schema()::regnamespace and k.conrelid <> k.confrelid""")
                .query(rs -> {
                    parents.computeIfAbsent(rs.getString(1), n -> new HashSet<>()).add(rs.getString(2));
                });
        Map<String, Table> byName = tables.stream().collect(Collectors.toMap(Table::name, t -> t));
        Set<String> ordered = new LinkedHashSet<>();
        tables.forEach(t -> visit(t.name(), parents, ordered, new HashSet<>()));
        return ordered.stream().filter(byName::containsKey).map(byName::get).toList();
    }

    private static void visit(String table, Map<String, Set<String>> parents, Set<String> ordered, Set<String> path) {
        if (ordered.contains(table) || !path.add(table)) {
            return;
        }
        parents.getOrDefault(table, Set.of()).stream().sorted().forEach(p -> visit(p, parents, ordered, path));
        ordered.add(table);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
