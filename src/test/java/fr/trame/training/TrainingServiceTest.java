package fr.trame.training;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.federation.Federation;
import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import fr.trame.training.TrainingService.NewCourse;
import fr.trame.training.TrainingService.NewHalfDay;
import fr.trame.training.TrainingService.NewRegistration;
import fr.trame.training.TrainingService.NewSession;
import fr.trame.training.TrainingService.Registration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The core of the training organisation: a session of three places filled, its waiting list, and tenancy. */
@TrameTest
class TrainingServiceTest {

    @Autowired Fixtures fixtures;
    @Autowired TrainingService training;
    @Autowired CentreMembership memberships;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    Federation federation;
    long lens;
    long douai;
    long session;

    @BeforeEach
    void setUp() {
        federation = fixtures.federation("formation");
        lens = fixtures.structure(federation, "Centre social de Lens", "62", null);
        douai = fixtures.structure(federation, "Centre social de Douai", "59", null);
        long course = training.createCourse(federation.id(), new NewCourse("La fonction employeur", "benevoles",
                "Connaître ses obligations", null, null, new BigDecimal("7"), 0L, "presentiel", false, null));
        session = training.planSession(federation.id(), new NewSession(course, "Lille", 2, 3, List.of(
                new NewHalfDay(LocalDate.of(2023, 3, 4), "matin", new BigDecimal("3.5")),
                new NewHalfDay(LocalDate.of(2023, 3, 4), "apres_midi", new BigDecimal("3.5"))), List.of()));
    }

    Registration register(long structure, String last, String first) {
        return training.register(federation.id(), session, new NewRegistration(structure, last, first, null, null,
                "benevole", "saisie", null, true, null));
    }

    @Test
    void theFourthRegistrationWaitsAndTakesThePlaceOfWhoCancels() {
        Registration a = register(lens, "Martin", "Anne");
        register(lens, "Durand", "Paul");
        register(douai, "Leroy", "Inès");
        Registration waiting = register(douai, "Petit", "Hugo");
        assertThat(waiting.state()).isEqualTo("attente");
        TrainingService.Session s = training.session(federation.id(), session);
        assertThat(s.registered()).isEqualTo(3);
        assertThat(s.waiting()).isEqualTo(1);
        assertThat(s.hours()).isEqualByComparingTo("7");
        assertThat(s.firstDay()).isEqualTo(LocalDate.of(2023, 3, 4));

        Optional<Registration> promoted = training.cancelRegistration(federation.id(), a.id(), null);
        assertThat(promoted).map(Registration::id).contains(waiting.id());
        assertThat(training.registration(federation.id(), waiting.id()).state()).isEqualTo("inscrit");
        assertThat(training.session(federation.id(), session).waiting()).isZero();
    }

    @Test
    void aCentreSeesAndCancelsOnlyItsOwnRegistrations() {
        register(lens, "Martin", "Anne");
        Registration douaiOne = register(douai, "Leroy", "Inès");
        assertThat(training.registrations(federation.id(), session, lens)).extracting(Registration::lastName)
                .containsExactly("Martin");
        assertThatThrownBy(() -> training.cancelRegistration(federation.id(), douaiOne.id(), lens))
                .isInstanceOf(NotFound.class);
        assertThat(training.registration(federation.id(), douaiOne.id()).state()).isEqualTo("inscrit");
    }

    @Test
    void theSamePersonTwiceAndACancelledSessionAreRefused() {
        register(lens, "Martin", "Anne");
        assertThatThrownBy(() -> register(lens, "MARTIN", "anne")).isInstanceOf(Refused.class)
                .hasMessageContaining("déjà inscrit");
        training.cancel(federation.id(), session, "effectif_insuffisant", null, LocalDate.of(2023, 3, 1));
        assertThat(training.session(federation.id(), session).cancelReason()).isEqualTo("effectif_insuffisant");
        assertThatThrownBy(() -> register(douai, "Leroy", "Inès")).isInstanceOf(Refused.class)
                .hasMessageContaining("annulée");
    }

    @Test
    void anotherFederationsIdsAreNotFound() {
        Federation other = fixtures.federation("autre");
        assertThatThrownBy(() -> training.session(other.id(), session)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> training.register(other.id(), session, new NewRegistration(null, "X", "Y", null, null,
                "salarie", "saisie", null, false, null))).isInstanceOf(NotFound.class);
        Registration r = register(lens, "Martin", "Anne");
        assertThatThrownBy(() -> training.cancelRegistration(other.id(), r.id(), null)).isInstanceOf(NotFound.class);
    }

    @Test
    void aCentreKnowsItsFederationThroughTheRegistry() {
        var centre = fixtures.centre("adherent");
        long structure = fixtures.structure(federation, "Centre social Trame", "59", centre.id());
        assertThat(memberships.of(centre.id())).hasValueSatisfying(m -> {
            assertThat(m.federationId()).isEqualTo(federation.id());
            assertThat(m.structureId()).isEqualTo(structure);
        });
        assertThat(memberships.of(fixtures.centre("isole").id())).isEmpty();
    }

    @Test
    void twoCancellationsOfOnePlaceAtOnceMoveOnlyOnePersonFromTheWaitingList() throws Exception {
        Registration a = register(lens, "Martin", "Anne");
        register(lens, "Durand", "Paul");
        register(douai, "Leroy", "Inès");
        Registration hugo = register(douai, "Petit", "Hugo");
        Registration lea = register(douai, "Roux", "Léa");
        Callable<Optional<Registration>> cancel = () -> training.cancelRegistration(federation.id(), a.id(), null);

        List<Future<Optional<Registration>>> both = SessionLock.whileLocked(tx, jdbc, federation.id(), session, () -> { },
                List.of(cancel, cancel));

        int refused = 0;
        for (Future<Optional<Registration>> f : both) {
            try {
                assertThat(f.get()).map(Registration::id).contains(hugo.id());
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(Refused.class).hasMessageContaining("déjà annulée");
                refused++;
            }
        }
        assertThat(refused).isEqualTo(1);
        TrainingService.Session s = training.session(federation.id(), session);
        assertThat(s.registered()).isEqualTo(3);
        assertThat(s.waiting()).isEqualTo(1);
        assertThat(training.registration(federation.id(), lea.id()).state()).isEqualTo("attente");
    }

    @Test
    void theSameNameWithOrWithoutAccentsIsTheSamePerson() {
        register(lens, "Lefèvre", "Hélène");
        assertThatThrownBy(() -> register(lens, "LEFEVRE", "Helene")).isInstanceOf(Refused.class)
                .hasMessageContaining("déjà inscrit");
        assertThat(training.registrations(federation.id(), session, null)).hasSize(1);
    }
}
