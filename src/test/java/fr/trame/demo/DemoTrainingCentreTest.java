package fr.trame.demo;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.association.StaffService;
import fr.trame.centre.Centre;
import fr.trame.federation.Federation;
import fr.trame.training.TrainingService;
import fr.trame.training.TrainingService.NewCourse;
import fr.trame.training.TrainingService.NewHalfDay;
import fr.trame.training.TrainingService.NewSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's centre registrations: a Trame centre with four employees registers three of them and a typed name to the
 * one session to come, none to the session already over; a structure without Trame registers nobody.
 */
@TrameTest
class DemoTrainingCentreTest {

    @Autowired Fixtures fixtures;
    @Autowired TrainingService training;
    @Autowired StaffService staff;
    @Autowired DemoTrainingCentre part;

    @Test
    void aTrameCentreRegistersThreeOfItsPeopleAndOneTypedName() {
        LocalDate today = LocalDate.of(2026, 10, 1);
        Federation federation = fixtures.federation("demo-formation");
        Centre centre = fixtures.centre("demo-lens");
        long structure = fixtures.structure(federation, "Centre social de Lens", "62", centre.id());
        fixtures.structure(federation, "Centre social sans Trame", "59", null);
        for (String name : List.of("Dhina", "Blanc", "Faure", "Roux")) {
            staff.hire(centre.id(), name, "Prénom", new StaffService.NewContract("cdi", "accueil", null, new BigDecimal("35"),
                    LocalDate.of(2020, 1, 1), null, null));
        }
        long course = training.createCourse(federation.id(), new NewCourse("Accueillir", "mixte", null, null, null,
                new BigDecimal("3"), null, "presentiel", false, null));
        long past = training.planSession(federation.id(), new NewSession(course, "Lille", 1, 20,
                List.of(new NewHalfDay(today.minusDays(3), "matin", new BigDecimal("3"))), List.of()));
        long coming = training.planSession(federation.id(), new NewSession(course, "Lille", 1, 20,
                List.of(new NewHalfDay(today.plusDays(10), "matin", new BigDecimal("3"))), List.of()));

        part.fill(federation.id(), today, new Random(7));

        assertThat(training.registrations(federation.id(), past, null)).isEmpty();
        List<TrainingService.Registration> made = training.registrations(federation.id(), coming, null);
        assertThat(made).hasSize(4).allSatisfy(r -> assertThat(r.structureId()).isEqualTo(structure));
        assertThat(made).filteredOn(r -> "salarie".equals(r.source())).hasSize(3);
        assertThat(made).filteredOn(r -> "saisie".equals(r.source())).extracting(TrainingService.Registration::lastName)
                .containsExactly("Lemaire");
    }
}
