package fr.trame.demo;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.federation.Federation;
import fr.trame.training.SignInService;
import fr.trame.training.TrainingService;
import fr.trame.training.TrainingService.NewCourse;
import fr.trame.training.TrainingService.NewHalfDay;
import fr.trame.training.TrainingService.NewRegistration;
import fr.trame.training.TrainingService.NewSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The demonstration signs and evaluates the sessions held, and leaves alone those to come and those cancelled. */
@TrameTest
class DemoTrainingSignInTest {

    @Autowired Fixtures fixtures;
    @Autowired DemoTrainingSignIn demo;
    @Autowired TrainingService training;
    @Autowired SignInService signIn;

    @Test
    void theSessionsHeldAreSignedAndEvaluatedTheOthersNot() {
        Federation federation = fixtures.federation("demo-emargement");
        long structure = fixtures.structure(federation, "Centre social du Faubourg", "59", null);
        long course = training.createCourse(federation.id(), new NewCourse("Tenir la comptabilité", "benevoles", null, null,
                null, new BigDecimal("7"), null, "presentiel", false, null));
        LocalDate today = LocalDate.of(2024, 6, 15);
        long held = session(federation, course, structure, LocalDate.of(2024, 3, 4));
        long coming = session(federation, course, structure, LocalDate.of(2024, 9, 9));
        long cancelled = session(federation, course, structure, LocalDate.of(2024, 2, 5));
        training.cancel(federation.id(), cancelled, "effectif_insuffisant", null, LocalDate.of(2024, 1, 20));

        demo.fill(federation.id(), today, new Random(4));

        // 20 people over 2 half-days: nearly all sign, about nine in ten are evaluated, mostly satisfied
        assertThat(signIn.presences(federation.id(), held)).hasSizeBetween(30, 40);
        SignInService.Results results = signIn.ofSession(federation.id(), held);
        assertThat(results.evaluated()).isBetween(14, 20);
        assertThat(results.satisfactionRate()).isBetween(new BigDecimal("70"), new BigDecimal("100"));
        assertThat(signIn.presences(federation.id(), coming)).isEmpty();
        assertThat(signIn.ofSession(federation.id(), coming).evaluated()).isZero();
        assertThat(signIn.presences(federation.id(), cancelled)).isEmpty();
    }

    private long session(Federation federation, long course, long structure, LocalDate day) {
        long id = training.planSession(federation.id(), new NewSession(course, "Douai", 1, 20, List.of(
                new NewHalfDay(day, "matin", new BigDecimal("3.5")), new NewHalfDay(day, "apres_midi", new BigDecimal("3.5"))),
                List.of()));
        for (int i = 0; i < 20; i++) {
            training.register(federation.id(), id, new NewRegistration(structure, "Nom" + i, "Prénom", null, null, "benevole",
                    "saisie", null, true, null));
        }
        return id;
    }
}
