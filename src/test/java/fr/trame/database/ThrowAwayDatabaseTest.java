package fr.trame.database;

import fr.trame.TrameTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test's throw-away database: a fresh embedded cluster, or, in run-tests.sh's second pass
 * ({@code trame.ephemeral.admin-url}), a fresh database of its own on Debian's PostgreSQL, with the migrations'
 * extensions created by a login that is no superuser.
 */
@TrameTest
class ThrowAwayDatabaseTest {

    @Autowired DatabaseConfiguration.EmbeddedDatabase database;
    @Autowired JdbcClient jdbc;

    @Test
    void eachContextHasAFreshDatabaseOnTheEmbeddedOrTheExternalServer() {
        String external = System.getProperty("trame.ephemeral.admin-url", "");
        if (external.isBlank()) {
            assertThat(database.server()).isNotNull();
            assertThat(database.fresh()).isNull();
        } else {
            assertThat(database.server()).isNull();
            assertThat(database.fresh()).isNotNull();
            assertThat(jdbc.sql("select current_database()").query(String.class).single()).startsWith("trame_test_");
            assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
        }
        assertThat(jdbc.sql("select extname from pg_extension").query(String.class).list())
                .contains("unaccent", "pg_trgm", "btree_gist");
        assertThat(jdbc.sql("show server_encoding").query(String.class).single()).isEqualTo("UTF8");
        assertThat(jdbc.sql("select datcollate from pg_database where datname = current_database()").query(String.class).single())
                .isEqualTo("C.UTF-8");
    }

    @Test
    void theFreshDatabaseIsNamedInTheAdminUrl() {
        assertThat(FreshDatabase.withDatabase("jdbc:postgresql://127.0.0.1:15432/postgres", "t1"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:15432/t1");
        assertThat(FreshDatabase.withDatabase("jdbc:postgresql://h:5432/postgres?sslmode=disable", "t1"))
                .isEqualTo("jdbc:postgresql://h:5432/t1?sslmode=disable");
        assertThat(FreshDatabase.withDatabase("jdbc:postgresql://h/", "t1")).isEqualTo("jdbc:postgresql://h/t1");
        assertThat(FreshDatabase.withDatabase("jdbc:postgresql://h?ssl=true", "t1")).isEqualTo("jdbc:postgresql://h/t1?ssl=true");
    }
}
