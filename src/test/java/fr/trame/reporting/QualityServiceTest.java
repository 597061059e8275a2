package fr.trame.reporting;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.activities.SessionService;
import fr.trame.attendance.AttendanceService;
import fr.trame.centre.Centre;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.stream.Collectors;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

/** Each quality check counts exactly the records its list shows. */
@TrameTest
class QualityServiceTest {

    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 12, 31);

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired SessionService sessions;
    @Autowired AttendanceService attendance;
    @Autowired QualityService quality;
    @Autowired JdbcClient jdbc;

    @Test
    void theCountsAreThoseOfTheListsAndASessionNeedsNeitherMarkNorHeadcountToBeFlagged() {
        Centre centre = fixtures.centre("qualite");
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;birth_date;sex
                H1;P1;Roux;Léa;2015-03-15;F
                H1;P2;Roux;Noé;;M
                H2;P3;Diallo;Ana;;
                """));
        activities.importCsv(centre.id(), csv("""
                activity_ref;name;sector;kind
                CLAS;Aide aux devoirs;Enfance;accompagnement_scolaire
                """));
        long clas = jdbc.sql("select id from activities where centre_id = ? and ref = 'CLAS'").param(centre.id())
                .query(Long.class).single();
        long lea = jdbc.sql("select id from persons where centre_id = ? and ref = 'P1'").param(centre.id())
                .query(Long.class).single();
        long marked = sessions.addOneOff(centre.id(), clas, LocalDate.of(2025, 3, 4), LocalTime.of(16, 30), LocalTime.of(18, 0));
        attendance.save(centre.id(), marked, Map.of(lea, "present"));
        long forgotten = sessions.addOneOff(centre.id(), clas, LocalDate.of(2025, 3, 11), LocalTime.of(16, 30), LocalTime.of(18, 0));
        long cancelled = sessions.addOneOff(centre.id(), clas, LocalDate.of(2025, 3, 18), LocalTime.of(16, 30), LocalTime.of(18, 0));
        sessions.cancel(centre.id(), cancelled, "Grève");
        sessions.addOneOff(centre.id(), clas, LocalDate.of(2024, 3, 11), LocalTime.of(16, 30), LocalTime.of(18, 0)); // before

        Map<String, Long> counts = quality.issues(centre.id(), FROM, TO).stream()
                .collect(Collectors.toMap(QualityService.Issue::code, QualityService.Issue::count));

        assertThat(counts).containsEntry("sans-naissance", 2L).containsEntry("sans-sexe", 1L).containsEntry("sans-qf", 2L)
                .containsEntry("sans-quartier", 2L).containsEntry("seances-sans-appel", 1L);
        assertThat(quality.items(centre.id(), "seances-sans-appel", FROM, TO)).extracting(QualityService.Item::sessionId)
                .containsExactly(forgotten);
        assertThat(quality.items(centre.id(), "sans-naissance", FROM, TO)).extracting(QualityService.Item::label)
                .containsExactly("Ana Diallo", "Noé Roux");
        counts.forEach((code, n) -> assertThat(quality.items(centre.id(), code, FROM, TO)).as(code).hasSize(n.intValue()));
    }
}
