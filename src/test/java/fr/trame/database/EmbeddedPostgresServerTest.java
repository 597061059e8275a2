package fr.trame.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTest {

    @Test
    void dataSurvivesARestartAndASecondUserOfTheDirectoryIsRefused(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("trame-data");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, false)) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), "");
                 Statement s = c.createStatement()) {
                s.execute("create table kept (v text); insert into kept values ('toujours là')");
            }
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, false))
                    .isInstanceOf(DataDirectoryBusyException.class)
                    .hasMessageContaining("déjà utilisé par un autre processus Trame");
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data, false);
             Connection c = DriverManager.getConnection(again.jdbcUrl(), again.user(), "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("toujours là");
        }
    }
}
