package fr.trame.centre;

import fr.trame.TrameTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenancy rule of design.md, checked over the whole schema: every table with a centre's data leads its primary key
 * with centre_id, and every foreign key between such tables starts with centre_id on both sides.
 */
@TrameTest
class TenancySchemaTest {

    /** Shared tables, without centre data. */
    private static final Set<String> GLOBAL = Set.of("centres", "users", "login_throttle", "school_holidays", "flyway_schema_history",
            "catalogue_vocabulary", "catalogue_search", "catalogue_state", "catalogue_actions");

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyTenantTableLeadsItsKeysWithCentreId() {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' order by 1""").query(String.class).list();
        assertThat(tables).contains("households", "persons", "memberships", "household_members");

        List<String> problems = new ArrayList<>();
        for (String table : tables) {
            if (GLOBAL.contains(table)) {
                continue;
            }
            List<String> pk = jdbc.sql("""
                    select a.attname from pg_index i
                    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                    where i.indrelid = ('public.' || ?)::regclass and i.indisprimary
                    order by array_position(i.indkey::int2[], a.attnum)""").param(table).query(String.class).list();
            if (pk.isEmpty() || !pk.get(0).equals("centre_id")) {
                problems.add(table + " : clé primaire " + pk + " ne commence pas par centre_id");
            }
        }
        jdbc.sql("""
                select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
                       (select attname from pg_attribute where attrelid = c.conrelid and attnum = c.conkey[1]) as first_col,
                       (select attname from pg_attribute where attrelid = c.confrelid and attnum = c.confkey[1]) as first_ref
                from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace""")
                .query((rs, n) -> {
                    String parent = rs.getString("parent");
                    boolean tenantParent = !GLOBAL.contains(parent);
                    if (tenantParent && !(rs.getString("first_col").equals("centre_id")
                            && rs.getString("first_ref").equals("centre_id"))) {
                        problems.add(rs.getString("child") + " → " + parent + " : clé étrangère sans centre_id en tête");
                    }
                    return null;
                }).list();
        assertThat(problems).isEmpty();
    }
}
