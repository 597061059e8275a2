package fr.trame.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded PostgreSQL (zonky binaries) whose data lives in a directory of the user's choice and survives restarts.
 * PostgreSQL refuses to run as root; when we are root, zonky starts it in a user namespace ({@code unshare -U}).
 */
public final class EmbeddedPostgresServer implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean ephemeral;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean ephemeral) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.ephemeral = ephemeral;
    }

    /** Starts PostgreSQL on {@code dataDirectory}; with {@code ephemeral} the directory is removed on close. */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean ephemeral) throws IOException {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        failIfAnotherProcessHolds(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir.toFile())
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "50")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
                .setServerConfig("fsync", ephemeral ? "off" : "on")
                .setServerConfig("timezone", "Europe/Paris")
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("lc-messages", "C");
        EmbeddedPostgres pg = builder.start();
        log.info("PostgreSQL embarqué démarré sur le port {} (données : {})", pg.getPort(), dir);
        return new EmbeddedPostgresServer(pg, dir, ephemeral);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        if (ephemeral) {
            try (var paths = Files.walk(dataDirectory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A CLI command must not start a second PostgreSQL on the files of a running server. */
    private static void failIfAnotherProcessHolds(Path dir) throws IOException {
        Path lockFile = dir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
             FileChannel channel = file.getChannel()) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new DataDirectoryBusyException(dir);
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new DataDirectoryBusyException(dir);
        }
    }

}
