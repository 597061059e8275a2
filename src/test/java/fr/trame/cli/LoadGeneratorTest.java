package fr.trame.cli;

import fr.trame.Fixtures;
import fr.trame.activities.ActivityImporter;
import fr.trame.activities.EnrolmentService;
import fr.trame.activities.SessionService;
import fr.trame.centre.Centre;
import fr.trame.centre.UserService;
import fr.trame.people.PeopleImporter;
import fr.trame.reception.ThemeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The load of {@code bench load}, for a few seconds with 3 staff (one of each role) on a small centre, against the
 * application on a real port: no error, and every page type requested, so a broken daily page fails here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"trame.embedded.ephemeral=true", "trame.demo=false", "trame.data-dir=target/test-data",
                "server.address=127.0.0.1"})
class LoadGeneratorTest {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired EnrolmentService enrolments;
    @Autowired SessionService sessions;
    @Autowired UserService users;
    @Autowired ThemeService themes;
    @Autowired JdbcClient jdbc;

    @Test
    void threeStaffExerciseEveryDailyPageWithoutAnError() {
        Centre centre = fixtures.centre("charge");
        people.importCsv(centre.id(), Fixtures.csv("""
                household_ref;person_ref;last_name;first_name;birth_date;sex
                H1;P1;Martin;Hélène;2016-01-01;F
                H1;P2;Martin;Paul;1984-05-02;M
                H2;P3;Lefèvre;Inès;2015-03-01;F
                H3;P4;Caron;Hugo;2014-07-09;M
                H4;P5;Dupont;Ana;1990-01-01;F
                """));
        activities.importCsv(centre.id(), Fixtures.csv("activity_ref;name;sector;kind\nCLAS;Aide aux devoirs;Enfance;"
                + "accompagnement_scolaire\n"));
        long activity = jdbc.sql("select id from activities_activities where centre_id = ? and ref = 'CLAS'")
                .param(centre.id()).query(Long.class).single();
        for (long person : jdbc.sql("select id from people_persons where centre_id = ?").param(centre.id())
                .query(Long.class).list()) {
            enrolments.enrol(centre.id(), activity, person, null);
        }
        sessions.addOneOff(centre.id(), activity, LocalDate.now(), LocalTime.of(16, 30), LocalTime.of(18, 0));

        LoadPlan plan = LoadPlan.of(jdbc, users, themes, centre, 3);
        LoadGenerator.Report report;
        // a short think time, so that in a few seconds each of the three goes through all of its role's pages
        try (LoadGenerator load = LoadGenerator.start(URI.create("http://127.0.0.1:" + port + "/"), plan,
                Duration.ofMillis(40), Duration.ZERO)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            do {
                sleep();
                report = load.report();
            } while (report.exercised().size() < LoadGenerator.Page.values().length && report.errors() == 0
                    && System.nanoTime() < deadline);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LoadBenchmark.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), report, 3);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(report.errors()).as(printed).isZero();
        assertThat(report.exercised()).as(printed).containsExactlyInAnyOrder(LoadGenerator.Page.values());
        assertThat(printed).contains("Débit :", "p95", "(cible p95 ≤ 100 ms)", "Erreurs : 0 (cible 0)");
        // the taps and contacts were saved
        assertThat(jdbc.sql("select count(*) from reception_contacts where centre_id = ?").param(centre.id())
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from attendance_marks where centre_id = ?").param(centre.id())
                .query(Long.class).single()).isPositive();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theBenchRefusesMoreThan200StaffOr600Seconds() {
        LoadBenchmark bench = new LoadBenchmark(null, null);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> bench.run(out, Arguments.parse(List.of("load", "--staff", "201"))))
                .isInstanceOf(UsageException.class).hasMessageContaining("--staff");
        assertThatThrownBy(() -> bench.run(out, Arguments.parse(List.of("load", "--seconds", "601"))))
                .isInstanceOf(UsageException.class).hasMessageContaining("--seconds");
        assertThatThrownBy(() -> bench.run(out, Arguments.parse(List.of("load", "--heap", "1g"))))
                .isInstanceOf(UsageException.class).hasMessageContaining("--heap");
    }
}
