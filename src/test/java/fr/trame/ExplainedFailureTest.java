package fr.trame;

import fr.trame.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A start that fails for a reason Trame can explain says it in one French sentence: no stack trace. */
@DisabledIfSystemProperty(named = "trame.ephemeral.admin-url", matches = ".+",
        disabledReason = "the embedded PostgreSQL itself (a busy data directory): run by the embedded pass")
class ExplainedFailureTest {

    @Test
    void theServerOnABusyDataDirectorySaysSoInOneSentence(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("trame-data");
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(data, false)) {
            int freePort;
            try (ServerSocket socket = new ServerSocket(0)) {
                freePort = socket.getLocalPort();
            }
            ChildJvm.Result serve = ChildJvm.run(tmp, TrameApplication.class, "--data-dir", data.toString(), "--port", String.valueOf(freePort));
            assertThat(serve.exitCode()).isEqualTo(2);
            assertThat(serve.err().lines()).singleElement().asString().contains("est déjà utilisé par un autre processus Trame");
            assertThat(serve.out()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("Application run failed");
        }
    }
}
