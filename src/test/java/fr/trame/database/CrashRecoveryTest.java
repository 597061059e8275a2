package fr.trame.database;

import fr.trame.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** After Trame dies without stopping its PostgreSQL (kill -9), the next start stops what is left and starts. */
@DisabledIfSystemProperty(named = "trame.ephemeral.admin-url", matches = ".+",
        disabledReason = "the embedded PostgreSQL itself (its data directory after a kill -9): run by the embedded pass")
class CrashRecoveryTest {

    @Test
    void aServerKilledWithMinusNineLeavesAPostgresThatTheNextStartStops(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("trame-data");
        Path ready = tmp.resolve("ready");
        Process child = ChildJvm.builder(ServerProcess.class, data.toString(), ready.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.exists(ready)) {
            assertThat(child.isAlive()).as("child JVM: %s", Files.readString(tmp.resolve("child.log"))).isTrue();
            assertThat(System.nanoTime()).as("child JVM ready in time").isLessThan(deadline);
            Thread.sleep(200);
        }
        child.destroyForcibly().waitFor();
        ProcessHandle orphan = ProcessHandle.of(postmasterPid(data)).orElseThrow();
        assertThat(orphan.isAlive()).as("PostgreSQL outlives the killed JVM").isTrue();

        long start = System.nanoTime();
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data, false);
             Connection c = again.login().connect();
             ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("avant le crash");
            assertThat(orphan.isAlive()).isFalse();
        }
    }

    @Test
    void aPostmasterPidLeftByADeadOrAnUnrelatedProcessIsRemoved(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("trame-data");
        EmbeddedPostgresServer.start(data, false).close();
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Process unrelated = new ProcessBuilder("sleep", "120").start();
        try {
            for (long pid : List.of(dead.pid(), unrelated.pid())) {
                // what PostgreSQL leaves when it dies, with a pid that is no longer its own (e.g. after a reboot)
                Files.writeString(data.resolve("postmaster.pid"), pid + "\n" + data + "\n1700000000\n5432\n\n127.0.0.1\n  1234     5678\nready   \n");
                long start = System.nanoTime();
                EmbeddedPostgresServer.start(data, false).close();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("pid %d", pid).isLessThan(Duration.ofSeconds(30));
            }
            assertThat(unrelated.isAlive()).as("the unrelated process is left alone").isTrue();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    private static long postmasterPid(Path data) throws Exception {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }
}
