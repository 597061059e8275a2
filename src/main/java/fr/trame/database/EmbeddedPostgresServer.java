package fr.trame.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded PostgreSQL (zonky binaries) whose data lives in a directory of the user's choice and survives restarts.
 * It listens on 127.0.0.1 only, opens no Unix socket, and its {@code postgres} user logs in with a password (SCRAM):
 * a secret drawn at the directory's first start and kept in {@value #SECRET_FILE}, readable by its owner only.
 * PostgreSQL refuses to run as root; when we are root, zonky starts it in a user namespace ({@code unshare -U}), where
 * it sees itself as an unprivileged user but the files it writes still belong to root on disk, like the secret.
 */
public final class EmbeddedPostgresServer implements Closeable {

    public static final String DEFAULT_DATA_DIR = "./trame-data";
    static final String SECRET_FILE = "trame-db-secret";
    private static final String LOCK_FILE = "epg-lock"; // zonky's, locked while its PostgreSQL runs
    private static final String PID_FILE = "postmaster.pid";
    private static final String USER = "postgres";
    private static final String HBA = """
            # Written by Trame: only password (SCRAM) connections, only from this computer.
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean ephemeral;
    private final DatabaseLogin login;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean ephemeral, String secret) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.ephemeral = ephemeral;
        this.login = new DatabaseLogin(jdbcUrl(postgres.getPort()), USER, secret);
    }

    /** Starts PostgreSQL on {@code dataDirectory}; with {@code ephemeral} the directory is removed on close. */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean ephemeral) throws IOException {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        if (isInUse(dir)) {
            throw new DataDirectoryBusyException(dir);
        }
        boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));
        if (fresh) {
            failIfNotEmpty(dir);
        } else {
            clearLeftovers(dir);
        }
        String secret = readSecret(dir).orElseGet(EmbeddedPostgresServer::newSecret);
        Path pwfile = fresh ? Files.writeString(Files.createTempFile("trame-pw", "", OwnerOnlyFiles.attributes()), secret) : null;
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir.toFile())
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setConnectConfig("password", secret)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("max_connections", "50")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
                .setServerConfig("fsync", ephemeral ? "off" : "on")
                .setServerConfig("timezone", "Europe/Paris")
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("lc-messages", "C")
                // after initdb, before PostgreSQL starts
                .setDataDirectoryCustomizer(d -> writeSecretIfAbsent(dir, secret));
        if (fresh) {
            // zonky passes its "locale" settings to initdb as --name=value: the password from the first second
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pwfile.toString());
        }
        EmbeddedPostgres pg;
        try {
            pg = builder.start();
        } finally {
            if (pwfile != null) {
                Files.deleteIfExists(pwfile);
            }
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg, dir, ephemeral, secret);
        server.requirePasswords();
        log.info("PostgreSQL embarqué démarré sur le port {} (données : {})", pg.getPort(), dir);
        return server;
    }

    /** The login of the PostgreSQL that a running Trame server started on {@code dataDirectory}, if one does. */
    public static Optional<DatabaseLogin> runningOn(Path dataDirectory) throws IOException {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Path pidFile = dir.resolve(PID_FILE);
        // postmaster.pid: pid, directory, start time, port, …; shorter while PostgreSQL starts
        List<String> lines = isInUse(dir) && Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        if (lines.size() < 4) {
            return Optional.empty();
        }
        int port = Integer.parseInt(lines.get(3).trim());
        // a server of a Trame older than the secret trusts local connections: any password will do
        return Optional.of(new DatabaseLogin(jdbcUrl(port), USER, readSecret(dir).orElse("")));
    }

    public DatabaseLogin login() {
        return login;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        if (ephemeral) {
            try (var paths = Files.walk(dataDirectory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /**
     * initdb gave a new directory its password; a directory of an older Trame, whose pg_hba.conf trusted every local
     * connection, gets it now. Either way pg_hba.conf then holds our lines only.
     */
    private void requirePasswords() throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        if (HBA.equals(Files.readString(hba))) {
            return;
        }
        try (Connection c = login.connect(); Statement s = c.createStatement()) {
            c.unwrap(PGConnection.class).alterUserPassword(USER, login.password().toCharArray(), "scram-sha-256");
            Files.writeString(hba, HBA);
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Impossible de protéger la base embarquée par mot de passe : " + e.getMessage(), e);
        }
        log.info("Connexions à la base embarquée protégées par mot de passe (secret dans {})", dataDirectory.resolve(SECRET_FILE));
    }

    private static Optional<String> readSecret(Path dir) throws IOException {
        Path file = dir.resolve(SECRET_FILE);
        return Files.exists(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeSecretIfAbsent(Path dir, String secret) {
        Path file = dir.resolve(SECRET_FILE);
        try {
            if (!Files.exists(file)) {
                OwnerOnlyFiles.write(file, secret.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void failIfNotEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new EmbeddedDatabaseException("Le répertoire " + dir + " n'est pas vide et ne contient pas de base Trame : "
                        + "indiquez avec --data-dir un répertoire vide ou celui d'une base Trame.");
            }
        }
    }

    /**
     * Trame killed without a chance to stop its PostgreSQL (kill -9, power cut) leaves postmaster.pid behind, and the
     * PostgreSQL itself when the machine kept running: PostgreSQL would then refuse to start. Nobody holds our lock, so
     * that PostgreSQL serves no Trame any more: stop it, or remove a postmaster.pid whose process is gone.
     */
    private static void clearLeftovers(Path dir) throws IOException {
        Path pidFile = dir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = Files.readAllLines(pidFile).stream().findFirst().flatMap(EmbeddedPostgresServer::parsePid)
                .flatMap(ProcessHandle::of)
                .filter(p -> isPostgresOf(p, dir));
        if (postmaster.isEmpty()) {
            // its process is gone, or the pid is now another program's (after a reboot)
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle p = postmaster.get();
        log.warn("Arrêt du PostgreSQL (processus {}) resté en marche après un arrêt brutal de Trame", p.pid());
        stopFast(p, dir);
        try {
            p.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // reported below
        }
        if (p.isAlive()) {
            throw new EmbeddedDatabaseException("Un PostgreSQL resté en marche après un arrêt brutal de Trame (processus "
                    + p.pid() + ") utilise encore " + dir + " et n'a pas pu être arrêté : arrêtez-le (kill " + p.pid()
                    + ") puis relancez Trame.");
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgresOf(ProcessHandle process, Path dir) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(c -> Path.of(c).getFileName().toString().matches("postgres(\\.exe)?")).orElse(false);
        // its command line is "postgres -D DIR …" where the system shows it
        return postgres && info.arguments().map(a -> Arrays.asList(a).contains(dir.toString())).orElse(true);
    }

    /** pg_ctl's fast mode ends the sessions of the dead Trame at once instead of waiting for their queries to end. */
    private static void stopFast(ProcessHandle postmaster, Path dir) {
        Path postgres = Path.of(postmaster.info().command().orElseThrow());
        String pgCtl = postgres.getFileName().toString().replace("postgres", "pg_ctl");
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // pg_ctl, like postgres, refuses to run as root
        }
        command.addAll(List.of(postgres.resolveSibling(pgCtl).toString(), "stop", "-D", dir.toString(), "-m", "fast",
                "-w", "-t", String.valueOf(STOP_WAIT.toSeconds())));
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(STOP_WAIT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (IOException e) {
            postmaster.destroy(); // no pg_ctl beside it: SIGTERM, PostgreSQL's smart shutdown
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a running Trame (another process, or this JVM) holds the directory: a second PostgreSQL must not start on it. */
    private static boolean isInUse(Path dir) throws IOException {
        Path lockFile = dir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
             FileChannel channel = file.getChannel()) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held in this JVM
        }
    }
}
