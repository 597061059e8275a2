package fr.trame.demo;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.federation.Federation;
import fr.trame.training.TrainingCatalogueService;
import fr.trame.training.TrainingService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The demonstration's training year has seed 004's shape, counted from its registrations, and is written fast. */
@TrameTest
class DemoTrainingCatalogueTest {

    @Autowired Fixtures fixtures;
    @Autowired DemoTrainingCatalogue demo;
    @Autowired TrainingService training;
    @Autowired TrainingCatalogueService catalogue;
    @Autowired JdbcClient jdbc;

    @Test
    void lastYearTrainedPeopleOf98CentresAndOneSessionWasCancelled() {
        Federation federation = fixtures.federation("demo-formation");
        // 30 structures in the Pas-de-Calais, 120 in the Nord, three of them Trame centres
        for (int i = 0; i < 150; i++) {
            Long centre = i < 3 ? fixtures.centre("demo-f").id() : null;
            fixtures.structure(federation, "Centre social " + i, i < 30 ? "62" : "59", centre);
        }
        long start = System.nanoTime();
        demo.fill(federation.id(), LocalDate.of(2024, 9, 15), new Random(3));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("DemoTrainingCatalogue.fill: " + millis + " ms");
        assertThat(millis).isLessThan(10_000);

        List<TrainingService.Session> sessions = training.sessions(federation.id(), 2023);
        assertThat(sessions).hasSize(46);
        assertThat(sessions.stream().filter(TrainingService.Session::cancelled))
                .singleElement().satisfies(s -> assertThat(s.cancelReason()).isEqualTo("effectif_insuffisant"));
        assertThat(sessions.stream().filter(s -> !s.cancelled()).allMatch(s -> s.status().equals("confirmee"))).isTrue();
        record Count(String departement, long structures) {
        }
        List<Count> byDepartement = jdbc.sql("""
                select st.departement, count(distinct st.id) as structures
                from training_registrations r
                join training_sessions s on s.federation_id = r.federation_id and s.id = r.session_id
                join structures st on st.federation_id = r.federation_id and st.id = r.structure_id
                join training_half_days h on h.federation_id = s.federation_id and h.session_id = s.id
                where r.federation_id = ? and s.status <> 'annulee' and r.state = 'inscrit' and extract(year from h.day) = 2023
                group by st.departement order by 1""").params(federation.id()).query(Count.class).list();
        assertThat(byDepartement).containsExactly(new Count("59", 80), new Count("62", 18));
        record People(String quality, long persons) {
        }
        List<People> people = jdbc.sql("""
                select case r.quality when 'salarie' then 'salarie' else 'benevole' end as quality,
                       count(distinct (r.structure_id, lower(r.last_name), lower(r.first_name))) as persons
                from training_registrations r
                join training_sessions s on s.federation_id = r.federation_id and s.id = r.session_id
                where r.federation_id = ? and s.status <> 'annulee' and r.state = 'inscrit'
                  and exists (select 1 from training_half_days h where h.federation_id = s.federation_id
                              and h.session_id = s.id and extract(year from h.day) = 2023)
                group by 1 order by 1""").params(federation.id()).query(People.class).list();
        assertThat(people).containsExactly(new People("benevole", 178), new People("salarie", 146));
        // sessions to come: the first full with two waiting
        assertThat(training.sessions(federation.id(), 2024)).hasSize(3)
                .anySatisfy(s -> assertThat(s.registered() + "/" + s.waiting()).isEqualTo("8/2"));
        assertThat(catalogue.requests(federation.id(), null)).hasSize(3)
                .anySatisfy(q -> assertThat(q.courseId()).isNotNull());
    }
}
