package fr.trame.demo;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.federation.Federation;
import fr.trame.senacs.CampaignFollowUp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The demonstration enters validated SENACS returns for most structures not on Trame, two years, coherent. */
@TrameTest
class DemoSenacsStructureReturnsTest {

    @Autowired Fixtures fixtures;
    @Autowired DemoSenacsStructureReturns demo;
    @Autowired CampaignFollowUp followUp;

    @Test
    void mostStructuresNotOnTrameHaveTheirReturnsOfTwoYears() {
        Federation federation = fixtures.federation("demo-senacs");
        for (int i = 0; i < 20; i++) {
            fixtures.structure(federation, "Centre " + i, "59", null);
        }
        Long centre = fixtures.centre("demo-senacs").id();
        fixtures.structure(federation, "Centre Trame", "59", centre);
        long start = System.nanoTime();
        demo.fill(federation.id(), LocalDate.of(2026, 12, 1), new Random(3));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        for (int year : new int[] {2024, 2025}) {
            CampaignFollowUp.Count total = followUp.counts(federation.id(), year, null).stream()
                    .filter(CampaignFollowUp.Count::total).findFirst().orElseThrow();
            assertThat(total.structures()).isEqualTo(21);
            assertThat(total.returned()).isBetween(14L, 20L);
            assertThat(followUp.controls(federation.id(), year, null)).extracting(CampaignFollowUp.Problem::questionCode)
                    .doesNotContain("GOV_CA_MEMBRES", "BEN_HEURES");
            assertThat(followUp.controls(federation.id(), year, null)).noneMatch(p -> p.otherLabel().equals("SAL_EFFECTIF"));
        }
    }
}
