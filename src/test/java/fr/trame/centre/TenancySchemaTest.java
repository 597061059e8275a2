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
 * with centre_id, and every foreign key between such tables starts with centre_id on both sides. A federation is a
 * tenant of its own: a table with a federation_id column leads its keys with it the same way.
 */
@TrameTest
class TenancySchemaTest {

    /**
     * Shared tables, without centre data. web_sessions and web_sessions_attributes are the login sessions (Spring
     * Session JDBC): a session belongs to a user, who may work for several centres or a federation, and is found by its
     * cookie alone, before any centre is known.
     */
    private static final Set<String> GLOBAL = Set.of("centres", "users", "login_throttle", "school_holidays", "flyway_schema_history",
            "catalogue_vocabulary", "catalogue_search", "catalogue_state", "catalogue_actions", "federations",
            "senacs_campaigns", "senacs_sections", "senacs_questions", "web_sessions", "web_sessions_attributes");


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
            String tenant = tenantColumn(table);
            if (pk.isEmpty() || !pk.get(0).equals(tenant)) {
                problems.add(table + " : clé primaire " + pk + " ne commence pas par " + tenant);
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
                    String tenant = tenantParent ? tenantColumn(parent) : null;
                    if (tenantParent && !(rs.getString("first_col").equals(tenant)
                            && rs.getString("first_ref").equals(tenant))) {
                        problems.add(rs.getString("child") + " → " + parent + " : clé étrangère sans " + tenant + " en tête");
                    }
                    return null;
                }).list();
        assertThat(problems).isEmpty();
        assertThat(tenantColumn("structures")).isEqualTo("federation_id");
    }

    /** federation_id for a federation's table, else centre_id. */
    private String tenantColumn(String table) {
        boolean federation = jdbc.sql("""
                select exists (select 1 from information_schema.columns
                               where table_schema = 'public' and table_name = ? and column_name = 'federation_id')""")
                .param(table).query(Boolean.class).single();
        return federation ? "federation_id" : "centre_id";
    }
}
