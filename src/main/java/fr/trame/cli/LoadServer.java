package fr.trame.cli;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web application in its own JVM, as it runs in production: the jar this bench runs from, started with a bounded
 * heap on the bench's database, listening on 127.0.0.1 only. Its GC log tells the heap it used.
 */
final class LoadServer implements AutoCloseable {

    private static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\s");
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Process process;
    private final URI base;
    private final Path dir;
    private final String heap;
    private final DataSource dataSource;

    private LoadServer(Process process, URI base, Path dir, String heap, DataSource dataSource) {
        this.dataSource = dataSource;
        this.process = process;
        this.base = base;
        this.dir = dir;
        this.heap = heap;
    }

    /** The jar this JVM runs from ({@code java -jar trame.jar}), or empty (tests, IDE). */
    static Path ownJar() {
        String classPath = System.getProperty("java.class.path", "");
        return classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator) ? Path.of(classPath) : null;
    }

    /** Starts the server with {@code -Xmx<heap>} (256m, 512m…) on the database of {@code dataSource}; waits until it answers. */
    static LoadServer start(Path jar, DataSource dataSource, String heap) throws IOException, InterruptedException, SQLException {
        HikariDataSource db = dataSource.unwrap(HikariDataSource.class);
        Path dir = Files.createTempDirectory("trame-charge");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Xlog:gc:file=" + dir.resolve("gc.log"),
                "-Dserver.address=127.0.0.1", "-Dtrame.first-admin=false"));
        // to profile the server under load, e.g. TRAME_BENCH_SERVER_OPTS=-XX:StartFlightRecording=filename=/tmp/load.jfr
        String extra = System.getenv("TRAME_BENCH_SERVER_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--data-dir", dir.resolve("data").toString(), "--port",
                String.valueOf(port), "--no-demo"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        // the database login by the environment, not on a command line that ps shows
        builder.environment().put("TRAME_DB_URL", db.getJdbcUrl());
        builder.environment().put("TRAME_DB_USER", db.getUsername());
        builder.environment().put("TRAME_DB_PASSWORD", db.getPassword());
        Process process = builder.start();
        LoadServer server = new LoadServer(process, URI.create("http://127.0.0.1:" + port + "/"), dir, heap, dataSource);
        server.awaitReady();
        return server;
    }

    URI base() {
        return base;
    }

    String heap() {
        return heap;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time used so far by the server's JVM, and by the bench's own PostgreSQL (its processes under this JVM). */
    record Cpu(Duration server, Duration database) {
        Cpu minus(Cpu before) {
            return new Cpu(server.minus(before.server), database.minus(before.database));
        }
    }

    /**
     * The server's JVM as the system counts it; the database as its backends for this database (their pids from
     * pg_stat_activity): the pool's connections live through the measure, so their CPU is the database's work.
     */
    Cpu cpu() {
        Duration server = process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
        List<Integer> backends = List.of();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select pid from pg_stat_activity where datname = current_database()")) {
            List<Integer> pids = new ArrayList<>();
            while (rs.next()) {
                pids.add(rs.getInt(1));
            }
            backends = pids;
        } catch (SQLException e) {
            // no database figure then
        }
        Duration database = backends.stream().map(pid -> ProcessHandle.of(pid)
                        .flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
        return new Cpu(server, database);
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Le serveur s'est arrêté au démarrage :\n" + logTail());
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(base.resolve("/connexion")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("Le serveur n'a pas répondu en 3 minutes :\n" + logTail());
    }

    /** The heap as the GC log tells it: the most used before a collection, the most left after one, full collections. */
    record Heap(long maxUsedMb, long maxAfterGcMb, long committedMb, int collections, int fullCollections) {
    }

    Heap heapUsed() throws IOException {
        long before = 0;
        long after = 0;
        long committed = 0;
        int count = 0;
        int full = 0;
        for (String line : Files.readAllLines(dir.resolve("gc.log"), StandardCharsets.UTF_8)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                count++;
                before = Math.max(before, Long.parseLong(m.group(1)));
                after = Math.max(after, Long.parseLong(m.group(2)));
                committed = Math.max(committed, Long.parseLong(m.group(3)));
                if (line.contains("Pause Full")) {
                    full++;
                }
            }
        }
        return new Heap(before, after, committed, count, full);
    }

    /** Errors the server logged (an OutOfMemoryError, a pool timeout…), at most a few lines. */
    List<String> logErrors() throws IOException {
        return Files.readAllLines(dir.resolve("server.log"), StandardCharsets.UTF_8).stream()
                .filter(l -> ERROR_LINE.matcher(l).find() || l.contains("OutOfMemoryError") || l.contains("Connection is not available"))
                .limit(5).toList();
    }

    private String logTail() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("server.log"), StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
