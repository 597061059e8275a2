package fr.trame.demo;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.federation.Federation;
import fr.trame.federation.MeetingService;
import fr.trame.federation.TerritoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demonstration's meetings have the shape of seed 004, and are written fast. */
@TrameTest
class DemoFederationMeetingsTest {

    @Autowired Fixtures fixtures;
    @Autowired DemoFederationMeetings demo;
    @Autowired TerritoryService territories;
    @Autowired MeetingService meetings;
    @Autowired JdbcClient jdbc;

    @Test
    void lastYearHasTheFederationsBodiesAndEachAtItsPlenaries() {
        Federation federation = fixtures.federation("demo-reunions");
        long a = territories.create(federation.id(), "Valenciennois", "at");
        long b = territories.create(federation.id(), "Cambrésis", "at");
        // seed 004's size: 179 structures in 13 ATs (20 in Valenciennois, 10 in Cambrésis, the rest in 11 others)
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            others.add(territories.create(federation.id(), "AT " + i, "at"));
        }
        for (int i = 0; i < 179; i++) {
            long id = jdbc.sql("""
                    insert into structures (federation_id, ref, name, kind, departement, territory_id, commune)
                    values (?, ?, ?, 'cs', '59', ?, 'Valenciennes') returning id""")
                    .params(federation.id(), "CS" + i, "Centre social " + i,
                            i < 20 ? a : i < 30 ? b : others.get(i % 11)).query(Long.class).single();
            jdbc.sql("insert into structure_memberships (federation_id, structure_id, state) values (?, ?, 'adherent')")
                    .params(federation.id(), id).update();
        }
        long start = System.nanoTime();
        demo.fill(federation.id(), LocalDate.of(2024, 9, 15), new Random(7));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("DemoFederationMeetings.fill: " + millis + " ms");
        assertThat(millis).isLessThan(5_000);

        List<MeetingService.Meeting> last = meetings.list(federation.id(), MeetingService.Filter.year(2023));
        Map<String, Long> byKind = last.stream().filter(m -> m.territoryId() == null)
                .collect(Collectors.groupingBy(MeetingService.Meeting::kind, Collectors.counting()));
        assertThat(byKind).containsEntry("bureau", 10L).containsEntry("ca", 5L).containsEntry("ag", 1L);
        for (long at : List.of(a, b)) {
            long plenaries = last.stream().filter(m -> Long.valueOf(at).equals(m.territoryId()) && m.kind().equals("at_pleniere")).count();
            assertThat(plenaries).isBetween(2L, 4L);
        }
        List<MeetingService.YearFigure> figures = meetings.yearFigures(federation.id(), MeetingService.Filter.year(2023));
        MeetingService.YearFigure plenaryA = figures.stream()
                .filter(f -> Long.valueOf(a).equals(f.territoryId()) && f.kind().equals("at_pleniere")).findFirst().orElseThrow();
        assertThat(plenaryA.membersAtEnd()).isEqualTo(20);
        assertThat(plenaryA.meanRate().doubleValue()).isBetween(60.0, 95.0);
        assertThat(plenaryA.salaries()).isPositive();
        assertThat(plenaryA.benevoles()).isGreaterThan(plenaryA.salaries());
        // what is still to come this year has no attendance yet
        assertThat(meetings.list(federation.id(), MeetingService.Filter.year(2024)).stream()
                .filter(m -> m.date().isAfter(LocalDate.of(2024, 9, 15)))).isNotEmpty().allMatch(m -> m.participants() == 0);
    }
}
