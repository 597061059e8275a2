package fr.trame.database;

import fr.trame.centre.CentreService;
import fr.trame.cli.CommandRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** With trame.db.url (TRAME_DB_URL) Trame runs on that PostgreSQL, migrates it, and starts no embedded one. */
@SpringBootTest(properties = {"trame.demo=false", "trame.data-dir=target/test-data"})
@DisabledIfSystemProperty(named = "trame.ephemeral.admin-url", matches = ".+",
        disabledReason = "every test of the external pass runs on an external server: run by the embedded pass")
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
    @Autowired CommandRunner runner;

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

    @Test
    void backupDumpsTheGivenDatabase(@TempDir Path tmp) throws Exception {
        centres.create("externe-sauvegarde", "Centre sauvegardé");
        Path dump = tmp.resolve("externe.sauvegarde");
        assertThat(runner.run(List.of("backup", "--out", dump.toString()))).isZero();
        try (ZipFile zip = new ZipFile(dump.toFile())) {
            String centresRows = new String(zip.getInputStream(zip.getEntry("tables/centres.copy")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(centresRows).contains("externe-sauvegarde\tCentre sauvegardé");
        }
    }
}
