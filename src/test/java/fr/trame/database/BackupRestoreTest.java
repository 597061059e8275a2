package fr.trame.database;

import fr.trame.Printed;
import fr.trame.ChildJvm;
import fr.trame.Fixtures;
import fr.trame.TrameApplication;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.catalogue.CatalogueService;
import fr.trame.centre.Centre;
import fr.trame.cli.CommandRunner;
import fr.trame.people.MembershipImporter;
import fr.trame.people.PeopleImporter;
import fr.trame.reception.ReceptionImporter;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

/** backup and restore (interchange.md), through the command line as a user runs them. */
@TrameTest
class BackupRestoreTest {

    @Autowired CommandRunner runner;
    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired MembershipImporter memberships;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired ReceptionImporter reception;
    @Autowired CatalogueService catalogue;
    @Autowired DatabaseConfiguration.EmbeddedDatabase embedded;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired fr.trame.centre.UserService users;

    @Test
    void thePlatformAdminDownloadsTheSameBackupFromTheWebACentreAdminMayNot() throws Exception {
        centreWithRows();
        String platform = "plateforme-" + System.nanoTime() % 100000;
        users.create(platform, "Plateforme", Fixtures.PASSWORD, true);
        var asPlatform = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(platform).roles("PLATFORM_ADMIN");
        String home = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/").with(asPlatform))
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("href=\"/admin/sauvegarde\"");

        var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/admin/sauvegarde")
                .with(asPlatform)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment; filename=\"trame-");
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(response.getContentAsByteArray()))) {
            List<String> entries = new ArrayList<>();
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName());
            }
            assertThat(entries).contains("trame-backup.json", "tables/persons.copy", "tables/users.copy")
                    .doesNotContain("tables/web_sessions.copy", "tables/web_sessions_attributes.copy");
        }

        var centre = fixtures.centre("sauvegarde-web");
        String admin = fixtures.user(centre, fr.trame.centre.Role.ADMIN);
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/admin/sauvegarde")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(admin)))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    @DisabledIfSystemProperty(named = "trame.ephemeral.admin-url", matches = ".+",
            disabledReason = "backs up the embedded data directory of this JVM's PostgreSQL: run by the embedded pass")
    void aBackupTakenWhileTheServerRunsComesBackRowForRowInAnEmptyDataDirectoryAndAnEmptyDatabase(@TempDir Path tmp) throws Exception {
        centreWithRows();
        Map<String, String> source = contents(embedded.login());
        assertThat(source.get("persons")).doesNotStartWith("0 ");
        assertThat(source.get("catalogue_search")).as("rows written by triggers").doesNotStartWith("0 ");

        // this JVM's PostgreSQL plays the running server: its data directory is locked, a second PostgreSQL can't start
        Path dump = tmp.resolve("trame.sauvegarde");
        ChildJvm.Result backup = trame(tmp, "--data-dir", embedded.server().dataDirectory().toString(), "backup", "--out", dump.toString());
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Sauvegarde écrite dans " + dump);
        // every centre's personal data and the accounts' hashes: readable by their owner only
        assertThat(java.nio.file.Files.getPosixFilePermissions(dump)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        Path dataDir = tmp.resolve("restauree");
        ChildJvm.Result restore = trame(tmp, "--data-dir", dataDir.toString(), "restore", dump.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("restaurée : " + (source.size() - sequences(source)) + " tables");
        try (EmbeddedPostgresServer restored = EmbeddedPostgresServer.start(dataDir, false)) {
            assertThat(contents(restored.login())).isEqualTo(source);
            assertFlywayAccepts(restored.login());
        }

        try (EmbeddedPostgresServer external = EmbeddedPostgresServer.start(tmp.resolve("externe"), false)) {
            DatabaseLogin login = external.login();
            ChildJvm.Result intoDatabase = trame(tmp, "--db-url", login.jdbcUrl(), "--db-user", login.user(),
                    "--db-password", login.password(), "restore", dump.toString());
            assertThat(intoDatabase.exitCode()).as(intoDatabase.err()).isZero();
            assertThat(contents(login)).isEqualTo(source);
            assertFlywayAccepts(login);
        }
    }

    @Test
    void restoreRefusesADatabaseThatIsNotEmptyAndAFileThatIsNoBackup(@TempDir Path tmp) throws Exception {
        centreWithRows();
        Path dump = tmp.resolve("trame.sauvegarde");
        assertThat(runner.run(List.of("backup", "--out", dump.toString()))).isZero();
        Map<String, String> before = contents(embedded.login());

        String refused = Printed.err(() -> assertThat(runner.run(List.of("restore", dump.toString()))).isEqualTo(2));
        assertThat(refused).startsWith("La base cible n'est pas vide (").contains("restaurez dans un répertoire de données vide");
        Path notABackup = Files.writeString(tmp.resolve("personnes.csv"), "household_ref;person_ref\n");
        String wrongFile = Printed.err(() -> assertThat(runner.run(List.of("restore", notABackup.toString()))).isEqualTo(2));
        assertThat(wrongFile).contains("n'est pas une sauvegarde Trame");
        assertThat(contents(embedded.login())).isEqualTo(before);
    }

    private void centreWithRows() {
        Centre centre = fixtures.centre("sauvegarde");
        long id = centre.id();
        people.importCsv(id, csv("household_ref;person_ref;last_name;first_name;sex;birth_date;role;quartier;qpv;qf\n"
                + "H1;P1;Moreau;Rose;F;1985-04-02;responsable;Les Tilleuls;oui;420\n"
                + "H1;P2;Moreau;Léo;M;2016-09-30;enfant;Les Tilleuls;oui;420\n"
                + "H2;P3;N'Diaye;Awa;F;1950-01-15;responsable;Centre;non;\n"));
        memberships.importCsv(id, csv("membership_ref;type;household_ref;start_date;end_date;amount\nA1;familiale;H1;2026-01-01;2026-12-31;12,50\n"));
        activities.importCsv(id, csv("activity_ref;name;sector;kind;capacity\nCLAS;Aide aux devoirs;Enfance;accompagnement_scolaire;12\n"));
        attendance.importCsv(id, csv("activity_ref;date;start;end;person_ref;headcount;status\n"
                + "CLAS;2026-01-05;16:30;18:00;P2;;present\nCLAS;2026-01-05;16:30;18:00;;3;\n"));
        reception.importCsv(id, csv("date;person_ref;channel;theme;duration_min\n2026-01-05;P3;accueil;caf,logement;20\n2026-01-06;;telephone;autre;\n"));
        catalogue.saveOwn(id, null, "Aide aux devoirs et café des parents (" + centre.code() + ")", CatalogueService.demoValues());
    }

    private static ChildJvm.Result trame(Path tmp, String... args) throws Exception {
        return ChildJvm.run(tmp, TrameApplication.class, args);
    }

    /** Each table's row count and the md5 of its rows in order, and each sequence's value. */
    static Map<String, String> contents(DatabaseLogin login) throws SQLException {
        Map<String, String> contents = new TreeMap<>();
        try (Connection c = login.connect(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select relname from pg_class where relkind = 'r' and relnamespace = current_schema()::regnamespace")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            tables.removeAll(DatabaseBackup.NOT_SAVED);
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\\n' order by t::text), ''))"
                        + " from \"" + table + "\" t")) {
                    rs.next();
                    contents.put(table, rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("select sequencename, last_value from pg_sequences where schemaname = current_schema()")) {
                while (rs.next()) {
                    contents.put("sequence " + rs.getString(1), String.valueOf(rs.getObject(2)));
                }
            }
        }
        return contents;
    }

    private static long sequences(Map<String, String> contents) {
        return contents.keySet().stream().filter(k -> k.startsWith("sequence ")).count();
    }

    private static void assertFlywayAccepts(DatabaseLogin login) {
        Flyway flyway = Flyway.configure().dataSource(login.jdbcUrl(), login.user(), login.password()).load();
        flyway.validate();
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }
}
