package fr.trame.demo;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.federation.Federation;
import fr.trame.training.FundService;
import fr.trame.training.TrainingService;
import fr.trame.training.TrainingService.NewCourse;
import fr.trame.training.TrainingService.NewHalfDay;
import fr.trame.training.TrainingService.NewRegistration;
import fr.trame.training.TrainingService.NewSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's FOSFORA envelope: 70 700 € and 5 % on the year of the sessions the training part planned, each session on
 * the line its course calls for (an employees' course on none), and the congress; with no session, the congress alone.
 */
@TrameTest
class DemoTrainingFundsTest {

    @Autowired Fixtures fixtures;
    @Autowired DemoTrainingFunds demo;
    @Autowired TrainingService training;
    @Autowired FundService funds;
    @Autowired JdbcClient jdbc;

    @Test
    void theEnvelopeTakesTheSessionsOfTheTrainingYear() {
        Federation federation = fixtures.federation("demo-fonds");
        long lens = fixtures.structure(federation, "Centre social de Lens", "62", null);
        long conference = course(federation, "Conférence des administrateurs", "benevoles");
        long parole = course(federation, "Prendre la parole en public", "benevoles");
        long amepp = course(federation, "AMEPP : élaboration participative du projet", "mixte");
        long management = course(federation, "Manager une équipe", "salaries");
        long s1 = session(federation, conference, LocalDate.of(2025, 11, 22), lens, "Dupont", "Marie");
        long s2 = session(federation, parole, LocalDate.of(2025, 3, 8), lens, "Martin", "Jean");
        session(federation, parole, LocalDate.of(2025, 4, 8), lens, "Martin", "Jean");
        session(federation, amepp, LocalDate.of(2025, 5, 12), lens, "Benali", "Nadia");
        session(federation, management, LocalDate.of(2025, 6, 2), lens, "Petit", "Hugo");
        session(federation, parole, LocalDate.of(2024, 3, 8), lens, "Martin", "Jean");

        demo.fill(federation.id(), LocalDate.of(2026, 6, 1), new Random(3));

        FundService.Envelope e = funds.envelopes(federation.id()).get(0);
        assertThat(e.year()).isEqualTo(2025);
        assertThat(e.amountCents()).isEqualTo(7_070_000);
        assertThat(e.levyCents()).isEqualTo(353_500);
        List<FundService.Line> lines = funds.lines(federation.id(), e.id());
        assertThat(lines).extracting(FundService.Line::label).containsExactly("Conférence des administrateurs",
                "AMEPP — accompagnement méthodologique à l'élaboration participative de projets",
                "Formation des bénévoles (catalogue)", "Congrès (financement spécifique)");
        assertThat(lines).extracting(FundService.Line::cents).containsExactly(120_000L, 22_500L, 90_000L, 1_000_000L);
        assertThat(funds.sessions(federation.id(), lines.get(0).id())).extracting(FundService.LineSession::sessionId)
                .containsExactly(s1);
        assertThat(funds.sessions(federation.id(), lines.get(2).id())).extracting(FundService.LineSession::sessionId)
                .startsWith(s2).hasSize(2);
        assertThat(e.allocatedCents()).isEqualTo(1_232_500);
        assertThat(e.levyCents() + e.allocatedCents() + e.remainderCents()).isEqualTo(e.amountCents());
    }

    @Test
    void withoutSessionsTheEnvelopeHasItsFixedLineOnly() {
        Federation federation = fixtures.federation("demo-fonds-vide");
        demo.fill(federation.id(), LocalDate.of(2026, 6, 1), new Random(3));
        FundService.Envelope e = funds.envelopes(federation.id()).get(0);
        assertThat(e.year()).isEqualTo(2025);
        assertThat(funds.lines(federation.id(), e.id())).extracting(FundService.Line::rule).containsExactly("forfait");
        assertThat(e.remainderCents()).isEqualTo(7_070_000 - 353_500 - 1_000_000);
    }

    long course(Federation federation, String title, String audience) {
        return training.createCourse(federation.id(), new NewCourse(title, audience, null, null, null, new BigDecimal("3"), 0L,
                "presentiel", false, null));
    }

    /** A one half-day session where one volunteer signed. */
    long session(Federation federation, long course, LocalDate day, long structure, String last, String first) {
        long s = training.planSession(federation.id(), new NewSession(course, "Lille", 1, 10,
                List.of(new NewHalfDay(day, "matin", new BigDecimal("3"))), List.of()));
        long r = training.register(federation.id(), s, new NewRegistration(structure, last, first, null, null, "benevole",
                "saisie", null, false, null)).id();
        jdbc.sql("insert into training_presences (federation_id, registration_id, half_day_id) values (?, ?, ?)")
                .params(federation.id(), r, training.halfDays(federation.id(), s).get(0).id()).update();
        return s;
    }
}
