package fr.trame.demo;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.federation.Federation;
import fr.trame.federation.TerritoryService;
import fr.trame.training.EventService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demonstration's events have the seeds' shape (433 runners from 20 structures, 900 at the congress), written fast. */
@TrameTest
class DemoTrainingEventsTest {

    @Autowired Fixtures fixtures;
    @Autowired DemoTrainingEvents demo;
    @Autowired EventService events;
    @Autowired TerritoryService territories;
    @Autowired JdbcClient jdbc;

    @Test
    void theRaceAndTheCongressOfLastYear() {
        Federation federation = fixtures.federation("demo-evenements");
        long at = territories.create(federation.id(), "Boulonnais", "at");
        for (int i = 0; i < 60; i++) {
            jdbc.sql("""
                    insert into structures (federation_id, ref, name, kind, departement, territory_id)
                    values (?, ?, ?, 'cs', ?, ?)""")
                    .params(federation.id(), "CS" + i, "Centre social " + i, i % 3 == 0 ? "62" : "59", i < 10 ? at : null).update();
        }
        long start = System.nanoTime();
        demo.fill(federation.id(), LocalDate.of(2024, 9, 15), new Random(7));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("DemoTrainingEvents.fill: " + millis + " ms");
        assertThat(millis).isLessThan(5_000);

        Map<String, EventService.Event> byKind = events.list(federation.id(), 2023).stream()
                .collect(Collectors.toMap(EventService.Event::kind, Function.identity()));
        assertThat(byKind.keySet()).containsExactlyInAnyOrder("course", "congres", "forum");
        EventService.Event race = byKind.get("course");
        assertThat(race.persons()).isEqualTo(433);
        assertThat(race.structures()).isEqualTo(20);
        assertThat(race.present()).isBetween(370, 425);
        assertThat(byKind.get("congres").persons()).isEqualTo(900);
        assertThat(byKind.get("congres").structures()).isEqualTo(60);
        assertThat(events.overlaps(federation.id(), race.id(), null)).isNotEmpty();
        assertThat(events.posts(federation.id(), race.id())).extracting(EventService.Post::post).contains("Accueil", "Ravitaillement");
        List<EventService.Event> coming = events.list(federation.id(), 2024);
        assertThat(coming).singleElement().satisfies(e -> {
            assertThat(e.persons()).isEqualTo(45);
            assertThat(events.figures(federation.id(), e.id(), EventService.Filter.ALL).unmarked()).isEqualTo(45);
        });
    }
}
