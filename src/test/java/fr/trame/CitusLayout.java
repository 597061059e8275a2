package fr.trame;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How the schema maps onto Citus when it is distributed by centre (docs/scale.md), read from the catalog of the current
 * schema: each table's kind, the rules Citus sets for that kind, and the script that distributes the tables.
 * <ul>
 *   <li>a table with a {@code centre_id} column is <b>distributed</b> by it, all in one colocation group;</li>
 *   <li>a federation's table (a {@code federation_id} column, even beside a {@code centre_id} as in {@code structures})
 *       is a <b>reference</b> table, as are the shared tables without either column (centres, users, catalogue, code
 *       lists, SENACS questionnaires…);</li>
 *   <li>a few tables stay <b>local</b> to the coordinator ({@link #LOCAL}): they are never joined to the others.</li>
 * </ul>
 */
final class CitusLayout {

    enum Kind { DISTRIBUTED, REFERENCE, LOCAL }

    static final String COLUMN = "centre_id";

    /** The table the others are colocated with: persons, the largest with attendance, and referencing no other. */
    static final String ANCHOR = "persons";

    /**
     * Tables kept on the coordinator only: Flyway's history, the login throttle (read and written by its key at each
     * login attempt, never joined), and Spring Session's tables (written at every request, found by the cookie alone).
     */
    static final Set<String> LOCAL = Set.of("flyway_schema_history", "login_throttle", "web_sessions",
            "web_sessions_attributes");

    private final JdbcClient jdbc;
    private final Map<String, Kind> kinds = new TreeMap<>();
    private final List<Fk> fks;

    /** A foreign key: child and parent tables, its columns on each side in order, and its actions. */
    record Fk(String name, String child, String parent, List<String> columns, List<String> references,
              String onDelete, String onUpdate, List<String> setColumns) {
    }

    CitusLayout(JdbcClient jdbc) {
        this.jdbc = jdbc;
        jdbc.sql("""
                select c.relname,
                       exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'centre_id'
                               and not a.attisdropped) as centre,
                       exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'federation_id'
                               and not a.attisdropped) as federation
                from pg_class c
                where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
                order by 1""").query((rs, n) -> {
                    String table = rs.getString(1);
                    kinds.put(table, LOCAL.contains(table) ? Kind.LOCAL
                            : rs.getBoolean("centre") && !rs.getBoolean("federation") ? Kind.DISTRIBUTED : Kind.REFERENCE);
                    return null;
                }).list();
        fks = jdbc.sql("""
                select c.conname, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
                       array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
                             join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns,
                       array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
                             join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as refs,
                       c.confdeltype::text as on_delete, c.confupdtype::text as on_update,
                       array(select a.attname::text from unnest(coalesce(c.confdelsetcols, c.conkey)) k(n)
                             join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n) as set_columns
                from pg_constraint c
                where c.contype = 'f' and c.connamespace = current_schema()::regnamespace
                order by 2, 1""").query((rs, n) -> new Fk(rs.getString("conname"), rs.getString("child"),
                        rs.getString("parent"), strings(rs.getArray("columns")), strings(rs.getArray("refs")),
                        rs.getString("on_delete"), rs.getString("on_update"), strings(rs.getArray("set_columns")))).list();
    }

    Map<String, Kind> kinds() {
        return kinds;
    }

    Set<String> tables(Kind kind) {
        return kinds.entrySet().stream().filter(e -> e.getValue() == kind).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every breach of Citus's rules for these kinds, one line each, naming the table, the column or the constraint. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (String table : tables(Kind.DISTRIBUTED)) {
            distributedKeys(table, problems);
        }
        for (Fk fk : fks) {
            Kind child = kinds.get(fk.child());
            Kind parent = kinds.get(fk.parent());
            String arrow = fk.child() + " → " + fk.parent() + " (" + fk.name() + ")";
            if (child == Kind.DISTRIBUTED && parent == Kind.DISTRIBUTED) {
                int at = fk.columns().indexOf(COLUMN);
                if (at < 0 || !fk.references().get(at).equals(COLUMN)) {
                    problems.add(arrow + " : clé étrangère entre tables distribuées sans centre_id = centre_id "
                            + fk.columns() + " → " + fk.references());
                }
            } else if (parent == Kind.DISTRIBUTED) {
                problems.add(arrow + " : une table " + label(child) + " ne peut pas référencer une table distribuée");
            } else if ((parent == Kind.LOCAL) != (child == Kind.LOCAL)) {
                // two local tables both stay on the coordinator: a key between them is a plain PostgreSQL one
                problems.add(arrow + " : une table locale n'a pas de clé étrangère avec les autres");
            }
            if (child == Kind.DISTRIBUTED && fk.columns().contains(COLUMN)) {
                if ((fk.onDelete().equals("n") || fk.onDelete().equals("d")) && fk.setColumns().contains(COLUMN)) {
                    problems.add(arrow + " : on delete set null/default changerait centre_id (nommez les colonnes à vider)");
                }
                if (!fk.onUpdate().equals("a") && !fk.onUpdate().equals("r")) {
                    problems.add(arrow + " : on update en cascade changerait centre_id");
                }
            }
        }
        jdbc.sql("""
                select c.relname || '.' || a.attname || ' : ' || format_type(a.atttypid, a.atttypmod)
                from pg_attribute a
                join pg_class c on c.oid = a.attrelid and c.relkind in ('r', 'p') and c.relnamespace = current_schema()::regnamespace
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where a.attnum > 0 and not a.attisdropped and a.atttypid <> 'int8'::regtype
                  and (a.attidentity <> '' or pg_get_expr(d.adbin, d.adrelid) like 'nextval(%')
                order by 1""").query(String.class).list()
                .forEach(c -> problems.add(c + " : colonne d'identité ou serial hors bigint"));
        return problems;
    }

    /** The distribution column in the primary key, in every unique index and exclusion constraint; never null; bigint. */
    private void distributedKeys(String table, List<String> problems) {
        jdbc.sql("""
                select a.attnotnull, format_type(a.atttypid, a.atttypmod) from pg_attribute a
                where a.attrelid = (current_schema() || '.' || ?)::regclass and a.attname = 'centre_id'""").param(table)
                .query((rs, n) -> {
                    if (!rs.getBoolean(1)) {
                        problems.add(table + ".centre_id peut être nul (une ligne doit avoir son centre)");
                    }
                    if (!rs.getString(2).equals("bigint")) {
                        problems.add(table + ".centre_id : " + rs.getString(2) + " (bigint partout, pour la colocation)");
                    }
                    return null;
                }).list();
        boolean primary = jdbc.sql("select exists (select 1 from pg_index where indrelid = (current_schema() || '.' || ?)::regclass"
                + " and indisprimary)").param(table).query(Boolean.class).single();
        if (!primary) {
            problems.add(table + " : pas de clé primaire");
        }
        jdbc.sql("""
                select ci.relname, i.indisprimary, pg_get_indexdef(i.indexrelid),
                       exists (select 1 from pg_attribute a where a.attrelid = i.indrelid and a.attname = 'centre_id'
                               and a.attnum = any((i.indkey::int2[])[0:i.indnkeyatts - 1])) as keyed,
                       exists (select 1 from pg_constraint x where x.conindid = i.indexrelid and x.contype = 'x') as exclusion
                from pg_index i join pg_class ci on ci.oid = i.indexrelid
                where i.indrelid = (current_schema() || '.' || ?)::regclass
                  and (i.indisunique or exists (select 1 from pg_constraint x where x.conindid = i.indexrelid and x.contype = 'x'))
                order by 1""").param(table).query((rs, n) -> {
                    if (!rs.getBoolean("keyed")) {
                        String what = rs.getBoolean("indisprimary") ? "clé primaire"
                                : rs.getBoolean("exclusion") ? "contrainte d'exclusion" : "index unique";
                        problems.add(table + " : " + what + " " + rs.getString(1) + " sans centre_id ("
                                + rs.getString(3).replaceFirst("^.* USING ", "") + ")");
                    }
                    return null;
                }).list();
    }

    /**
     * The script that turns the schema, once migrated, into Citus tables: reference tables first, then the distributed
     * ones, each after the tables it references, all colocated with the first ({@link #ANCHOR}).
     */
    String script() {
        StringBuilder sql = new StringBuilder();
        sql.append("-- Generated from the schema by CitusRulesTest (CitusLayout.script): do not edit, run the test.\n");
        sql.append("-- Run once on the coordinator, after Flyway's migrations.\n");
        sql.append("create extension if not exists citus;\n\n");
        sql.append("-- Reference tables (").append(tables(Kind.REFERENCE).size()).append("), copied to every node\n");
        for (String table : ordered(Kind.REFERENCE)) {
            sql.append("select create_reference_table('").append(table).append("');\n");
        }
        List<String> distributed = ordered(Kind.DISTRIBUTED);
        sql.append("\n-- Distributed tables (").append(distributed.size()).append("), by centre_id, one colocation group\n");
        for (String table : distributed) {
            sql.append("select create_distributed_table('").append(table).append("', 'centre_id'");
            sql.append(table.equals(distributed.get(0)) ? ", colocate_with => 'none'" : ", colocate_with => '" + distributed.get(0) + "'");
            sql.append(");\n");
        }
        Set<String> local = tables(Kind.LOCAL);
        sql.append("\n-- Local tables, on the coordinator only: ").append(String.join(", ", local)).append('\n');
        return sql.toString();
    }

    /** The tables of a kind, each after the tables of that kind it references (then by name). */
    private List<String> ordered(Kind kind) {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String table : tables(kind)) {
            parents.put(table, new TreeSet<>());
        }
        for (Fk fk : fks) {
            if (parents.containsKey(fk.child()) && parents.containsKey(fk.parent()) && !fk.child().equals(fk.parent())) {
                parents.get(fk.child()).add(fk.parent());
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        if (parents.containsKey(ANCHOR) && parents.get(ANCHOR).isEmpty()) {
            placed.add(ANCHOR);
            order.add(ANCHOR);
        }
        while (placed.size() < parents.size()) {
            String next = parents.keySet().stream().filter(t -> !placed.contains(t) && placed.containsAll(parents.get(t)))
                    .findFirst().orElseThrow(() -> new IllegalStateException("cycle de clés étrangères : " + parents));
            placed.add(next);
            order.add(next);
        }
        return order;
    }

    private static String label(Kind kind) {
        return kind == Kind.LOCAL ? "locale" : "de référence";
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
