package fr.trame.cli;

import fr.trame.centre.Centre;
import fr.trame.centre.UserService;
import fr.trame.reception.ThemeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
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

    private final JdbcClient jdbc;
    private final UserService users;
    private final ThemeService themes;
    private final DataSource dataSource;

    StaffLoad(JdbcClient jdbc, UserService users, ThemeService themes, DataSource dataSource) {
        this.jdbc = jdbc;
        this.users = users;
        this.themes = themes;
        this.dataSource = dataSource;
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
