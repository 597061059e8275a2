package fr.trame.demo;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.federation.Federation;
import fr.trame.federation.StructureImporter;
import fr.trame.training.TrainingCatalogueService;
import fr.trame.training.TrainingFigures;
import fr.trame.training.TrainingFigures.Figures;
import fr.trame.training.TrainingService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demonstration's training year is seed 004's in shape: 45 actions held, one session cancelled for too few
 * registrations, 98 distinct structures (80 of the 59, 18 of the 62) though many attend several trainings, 146
 * employees and 178 volunteers; this year, sessions planned with registrations and a waiting list.
 */
@TrameTest
class DemoTrainingTest {

    @Autowired Fixtures fixtures;
    @Autowired StructureImporter importer;
    @Autowired DemoTraining demo;
    @Autowired TrainingFigures figures;
    @Autowired TrainingService training;
    @Autowired TrainingCatalogueService catalogue;

    @Test
    void lastYearLooksLikeTheSeed() {
        Federation federation = fixtures.federation("demo-formation");
        StringBuilder file = new StringBuilder("structure_ref;name;kind;status;departement;territory;commune;membership;membership_date\n");
        for (int i = 0; i < 150; i++) {
            file.append("S").append(i).append(";Centre ").append(i).append(";cs;associatif;").append(i < 110 ? "59" : "62")
                    .append(";AT ").append(i % 5).append(";Commune ").append(i).append(";adherent;2001-01-01\n");
        }
        LocalDate today = LocalDate.of(2026, 6, 15);
        importer.importCsv(federation.id(), csv(file.toString()), today);
        long start = System.nanoTime();
        demo.fill(federation.id(), today, new Random(16));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(15_000);

        start = System.nanoTime();
        Figures y = figures.year(federation.id(), 2025);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
        assertThat(y.held()).isEqualTo(45);
        assertThat(y.cancelled()).isEqualTo(1);
        assertThat(y.notHeld()).isZero();
        assertThat(y.structures()).isBetween(95L, 100L);
        assertThat(y.structuresIn("59")).isBetween(77L, 80L);
        assertThat(y.structuresIn("62")).isBetween(17L, 18L);
        assertThat(y.byQuality("salarie")).isBetween(140L, 146L);
        assertThat(y.byQuality("benevole") + y.byQuality("administrateur")).isBetween(170L, 178L);
        assertThat(y.byQuality("administrateur")).isPositive();
        assertThat(catalogue.requests(federation.id(), null)).hasSize(3)
                .anySatisfy(q -> assertThat(q.courseId()).isNotNull());
        assertThat(y.persons()).isEqualTo(y.byQuality("salarie") + y.byQuality("benevole") + y.byQuality("administrateur"));
        // structures attend several trainings: the sum over sessions is well above the distinct count
        start = System.nanoTime();
        long structureSessions = figures.trainedStructures(federation.id(), 2025, null).stream()
                .mapToLong(TrainingFigures.TrainedStructure::sessions).sum();
        assertThat(structureSessions).isGreaterThan(y.structures() * 2);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
        // some persons trained twice, some registered and absent, some half-days missed
        long personSessions = figures.trainedPersons(federation.id(), 2025, null, null).stream()
                .mapToLong(TrainingFigures.TrainedPerson::sessions).sum();
        assertThat(personSessions).isGreaterThan(y.persons() + 20);
        assertThat(y.traineeHours()).isLessThan(figures.heldSessions(federation.id(), 2025, null).stream()
                .map(s -> s.hours().multiply(BigDecimal.valueOf(s.persons())))
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(y.answered()).isGreaterThan(y.persons() / 2);
        assertThat(y.satisfiedPercent()).isGreaterThan(BigDecimal.valueOf(80));
        assertThat(y.courses()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(figures.cancelledSessions(federation.id(), 2025)).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("effectif_insuffisant"))
                .satisfies(c -> assertThat(c.registrations()).isEqualTo(2));

        List<TrainingService.Session> planned = training.sessions(federation.id(), 2026);
        assertThat(planned).hasSizeGreaterThanOrEqualTo(3).allSatisfy(s -> assertThat(s.registered()).isPositive());
        assertThat(planned).anySatisfy(s -> assertThat(s.waiting()).isEqualTo(2));
        assertThat(figures.year(federation.id(), 2026).held()).isZero();
    }
}
