package fr.trame.cli;

import fr.trame.centre.Centre;
import fr.trame.centre.UserService;
import fr.trame.reception.ThemeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Simulated staff on a centre, in the background: the web application started in its own JVM (bounded heap,
 * 127.0.0.1) on the bench's database, and {@code staff} accounts looping over the daily pages. For {@code bench load},
 * and for the parts that measure "under load":
 * <pre>
 * try (StaffLoad.Running load = staffLoad.start(centre, 50)) {
 *     … measure …
 *     out.println(load.report().errors());
 * }
 * </pre>
 */
@Component
class StaffLoad {

    /** Mean think time between two requests of one staff member (each draws between half and one and a half of it). */
    static final Duration THINK = Duration.ofSeconds(3);
    static final String HEAP = "512m";
    /** The load of {@code bench load} that the other parts measure "under": point 3's 50 staff. */
    static final int STAFF = 50;
    private static final Duration SETTLE = Duration.ofSeconds(15);

    private final JdbcClient jdbc;
    private final UserService users;
    private final ThemeService themes;
    private final DataSource dataSource;
    private final BenchDemo demo;

    StaffLoad(JdbcClient jdbc, UserService users, ThemeService themes, DataSource dataSource, BenchDemo demo) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.users = users;
        this.themes = themes;
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code measure} while {@value #STAFF} simulated staff work on the M demonstration centre (after
     * {@code SETTLE} for the server to warm up), then prints what the staff saw. Outside the jar (tests), says so
     * and measures nothing.
     */
    void under(PrintStream out, Runnable measure) {
        if (LoadServer.ownJar() == null) {
            out.println("  (sous charge : seulement depuis le jar, java -jar trame.jar bench)");
            return;
        }
        Centre centre = demo.centreM();
        out.printf("Sous la charge de bench load : %d personnels simulés sur le centre M (%s), serveur à part -Xmx%s%n",
                STAFF, centre.code(), HEAP);
        try (Running running = start(centre, STAFF)) {
            Thread.sleep(SETTLE.toMillis());
            measure.run();
            LoadGenerator.Report report = running.report();
            out.printf("  la charge pendant ce temps : %.1f requêtes/s, %d erreur(s) ; loadavg %s%n", report.perSecond(),
                    report.errors(), loadAverage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Mesure sous charge interrompue", e);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "inconnue";
        }
    }

    /** {@code staff} simulated staff on the centre, the server at {@value #HEAP}, think time {@link #THINK}, no warm-up. */
    Running start(Centre centre, int staff) {
        return start(centre, staff, HEAP, THINK, Duration.ZERO);
    }

    Running start(Centre centre, int staff, String heap, Duration think, Duration warmUp) {
        Path jar = LoadServer.ownJar();
        if (jar == null) {
            throw new UsageException("La charge démarre le serveur depuis le jar : lancez java -jar trame.jar bench load.");
        }
        LoadPlan plan = LoadPlan.of(jdbc, users, themes, centre, staff);
        LoadServer server;
        try {
            server = LoadServer.start(jar, dataSource, heap);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Le serveur de la charge n'a pas démarré : " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrompu au démarrage du serveur de la charge", e);
        }
        return new Running(server, LoadGenerator.start(server.base(), plan, think, warmUp));
    }

    /** A load under way: its report so far, the server's heap; {@link #close()} stops the staff, then the server. */
    static final class Running implements AutoCloseable {

        private final LoadServer server;
        private final LoadGenerator generator;

        Running(LoadServer server, LoadGenerator generator) {
            this.server = server;
            this.generator = generator;
        }

        LoadGenerator.Report report() {
            return generator.report();
        }

        LoadServer server() {
            return server;
        }

        /** Stops the staff; the server keeps running until {@link #close()} (to read its heap, for instance). */
        void stopStaff() {
            generator.close();
        }

        @Override
        public void close() {
            generator.close();
            server.close();
        }
    }
}
