package fr.trame.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisabledIfSystemProperty(named = "trame.ephemeral.admin-url", matches = ".+",
        disabledReason = "the embedded PostgreSQL itself: run by the embedded pass")
class EmbeddedPostgresServerTest {

    @Test
    void dataSurvivesARestartAndASecondUserOfTheDirectoryIsRefused(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("trame-data");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, false)) {
            try (Connection c = server.login().connect();
                 Statement s = c.createStatement()) {
                s.execute("create table kept (v text); insert into kept values ('toujours là')");
            }
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, false))
                    .isInstanceOf(DataDirectoryBusyException.class)
                    .hasMessageContaining("déjà utilisé par un autre processus Trame");
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data, false);
             Connection c = again.login().connect();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("toujours là");
        }
    }

    @Test
    void onlyTheSecretOfTheDirectoryOpensTheDatabase(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.resolve("trame-data"), false)) {
            assertLockedBySecret(server);
        }
    }

    @Test
    void aDirectoryOfTheVersionThatTrustedLocalConnectionsGetsItsSecretAtItsNextStart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("trame-data");
        // what the previous version did: zonky's initdb, which trusts every local connection
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data.toFile()).setCleanDataDirectory(false).start();
             Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + old.getPort() + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create table kept (v text); insert into kept values ('d''avant')");
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("trust");
        assertThat(data.resolve(EmbeddedPostgresServer.SECRET_FILE)).doesNotExist();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, false)) {
            assertLockedBySecret(server);
            try (Connection c = server.login().connect();
                 ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("d'avant");
            }
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data, false)) {
            assertLockedBySecret(again);
        }
    }

    private static void assertLockedBySecret(EmbeddedPostgresServer server) throws Exception {
        DatabaseLogin login = server.login();
        assertThatThrownBy(() -> DriverManager.getConnection(login.jdbcUrl(), "postgres", "").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("server requested SCRAM-based authentication");
        assertThatThrownBy(() -> DriverManager.getConnection(login.jdbcUrl(), "postgres", "pas-le-secret").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        try (Connection c = login.connect(); Statement s = c.createStatement()) {
            assertThat(setting(s, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(setting(s, "unix_socket_directories")).isEmpty();
        }

        Path secret = server.dataDirectory().resolve(EmbeddedPostgresServer.SECRET_FILE);
        assertThat(Files.readString(secret).trim()).isEqualTo(login.password()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(server.dataDirectory().resolve("pg_hba.conf")))
                .filteredOn(line -> !line.isBlank() && !line.startsWith("#"))
                .containsExactly("host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256");
    }

    private static String setting(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
