package fr.trame.demo;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.federation.DuesService;
import fr.trame.federation.Federation;
import fr.trame.federation.ProgrammeService;
import fr.trame.federation.StructureImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.Random;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

/** The demonstration's health programme reproduces seed 004's table; most of the year's dues are paid. */
@TrameTest
class DemoFederationProgrammesTest {

    @Autowired Fixtures fixtures;
    @Autowired StructureImporter importer;
    @Autowired DemoFederationProgrammes demo;
    @Autowired ProgrammeService programmes;
    @Autowired DuesService dues;

    @Test
    void theHealthTableIsSeed004s() {
        Federation federation = fixtures.federation("demo-prog");
        StringBuilder file = new StringBuilder("structure_ref;name;kind;status;departement;territory;commune;membership;membership_date\n");
        for (int i = 0; i < 80; i++) {
            file.append("S").append(i).append(";Centre ").append(i).append(";cs;associatif;").append(i < 60 ? "59" : "62")
                    .append(";AT ").append(i % 5).append(";Commune ").append(i).append(";adherent;2001-01-01\n");
        }
        LocalDate today = LocalDate.of(2026, 6, 15);
        importer.importCsv(federation.id(), csv(file.toString()), today);
        long start = System.nanoTime();
        demo.fill(federation.id(), today, new Random(7));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);

        ProgrammeService.Programme health = programmes.list(federation.id()).stream()
                .filter(p -> p.kind().equals("sante")).findFirst().orElseThrow();
        ProgrammeService.Table t = programmes.table(federation.id(), health.id());
        assertThat(t.cell("59", null)).isEqualTo(new ProgrammeService.Cell("59", null, 48, 51, 50_730_600));
        assertThat(t.cell("62", null)).isEqualTo(new ProgrammeService.Cell("62", null, 13, 13, 12_046_700));
        assertThat(t.cell(null, null)).isEqualTo(new ProgrammeService.Cell(null, null, 61, 64, 62_777_300));
        assertThat(t.cell("59", "nutrition").amount()).isEqualTo(44_124_500);
        assertThat(t.cell("62", "prevention_cancer").amount()).isEqualTo(3_732_500);
        assertThat(t.cell(null, "nutrition").projects()).isEqualTo(48);
        assertThat(t.cell(null, "prevention_cancer").projects()).isEqualTo(16);
        assertThat(health.funded()).isEqualTo(62_777_300);

        DuesService.Totals totals = dues.totals(federation.id(), 2026);
        assertThat(totals.calls()).isGreaterThan(70);
        assertThat(totals.paid()).isGreaterThan(totals.called() * 7 / 10);
        assertThat(totals.owed()).isEqualTo(totals.called() - totals.credited() - totals.paid()).isPositive();
    }
}
