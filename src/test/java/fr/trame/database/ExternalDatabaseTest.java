package fr.trame.database;

import fr.trame.centre.CentreService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** With trame.db.url (TRAME_DB_URL) Trame runs on that PostgreSQL, migrates it, and starts no embedded one. */
@SpringBootTest(properties = "trame.demo=false")
class ExternalDatabaseTest {

    static final EmbeddedPostgresServer external = start();

    static EmbeddedPostgresServer start() {
        try {
            return EmbeddedPostgresServer.start(Files.createTempDirectory("trame-external"), true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("trame.db.url", () -> external.login().jdbcUrl());
        registry.add("trame.db.user", () -> external.login().user());
        registry.add("trame.db.password", () -> external.login().password());
    }

    @AfterAll
    static void stop() throws Exception {
        external.close();
    }

    @Autowired DataSource dataSource;
    @Autowired DatabaseConfiguration.EmbeddedDatabase embedded;
    @Autowired CentreService centres;

    @Test
    void runsOnTheGivenDatabase() throws Exception {
        assertThat(embedded.server()).isNull();
        centres.create("externe", "Centre sur base externe");
        try (var c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getURL()).isEqualTo(external.login().jdbcUrl());
        }
        try (var c = external.login().connect();
             var rs = c.createStatement().executeQuery("select name from centres where code = 'externe'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Centre sur base externe");
        }
    }
}
