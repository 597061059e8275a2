package fr.trame.activities;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.csv.CsvError;
import fr.trame.csv.CsvImportException;
import fr.trame.csv.ImportResult;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@TrameTest
class ActivitiesTest {

    @Autowired Fixtures fixtures;
    @Autowired ActivityImporter activityImporter;
    @Autowired PeopleImporter peopleImporter;
    @Autowired SessionService sessions;
    @Autowired EnrolmentService enrolments;
    @Autowired SectorService sectors;
    @Autowired JdbcClient jdbc;
    @Autowired fr.trame.centre.CentreService centres;

    Centre centre;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("act");
    }

    @Test
    void aCentreStartsWithTheUsualSectors() {
        assertThat(sectors.list(centre.id())).extracting(SectorService.Sector::name)
                .startsWith("Accueil", "Enfance", "Jeunesse").contains("Accompagnement scolaire").hasSize(9);
    }

    @Test
    void weeklySessionsSkipTheCentresSchoolHolidaysOrKeepOnlyThem() {
        long activity = activity("ACM", "acm", null);
        // Wednesdays of October and November 2025; zone B's Toussaint holidays run 18 October to 3 November
        int wednesdays = 0;
        int wednesdaysOff = 0;
        for (LocalDate d = LocalDate.of(2025, 10, 1); !d.isAfter(LocalDate.of(2025, 11, 30)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
                wednesdays++;
                if (!d.isBefore(LocalDate.of(2025, 10, 18)) && d.isBefore(LocalDate.of(2025, 11, 3))) {
                    wednesdaysOff++;
                }
            }
        }
        int planned = sessions.addWeekly(centre.id(), activity, List.of(3), LocalTime.of(9, 0), LocalTime.of(17, 0),
                LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 30), "hors_vacances");
        assertThat(wednesdaysOff).isEqualTo(2);
        assertThat(planned).isEqualTo(wednesdays - wednesdaysOff);

        // the holidays themselves, Monday to Friday: 20–24 and 27–31 October
        int holidays = sessions.addWeekly(centre.id(), activity, List.of(1, 2, 3, 4, 5), LocalTime.of(8, 30),
                LocalTime.of(17, 30), LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 30), "vacances_seulement");
        assertThat(holidays).isEqualTo(10);
        assertThat(sessions.ofActivity(centre.id(), activity)).extracting(SessionService.Session::date)
                .contains(LocalDate.of(2025, 10, 20), LocalDate.of(2025, 10, 31))
                .doesNotContain(LocalDate.of(2025, 11, 3));
        // zone C has other winter holidays: a centre's zone decides
        centres.setSchoolZone(centre.id(), "C");
        int winterC = sessions.addWeekly(centre.id(), activity, List.of(1), LocalTime.of(10, 0), LocalTime.of(11, 0),
                LocalDate.of(2026, 2, 16), LocalDate.of(2026, 3, 9), "vacances_seulement");
        assertThat(winterC).isEqualTo(2); // 23 February and 2 March 2026; zone C resumes on 9 March
    }

    @Test
    void parallelEnrolmentsNeverExceedTheCapacityAndTheWaitingListIsPromotedInOrder() throws Exception {
        List<Long> persons = persons(10, "2016-05-01");
        long activity = activity("CLAS", "accompagnement_scolaire", 3);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<EnrolmentService.Result>> calls = new ArrayList<>();
        for (long p : persons) {
            calls.add(() -> enrolments.enrol(centre.id(), activity, p, null));
        }
        List<EnrolmentService.Outcome> outcomes = new ArrayList<>();
        for (Future<EnrolmentService.Result> f : pool.invokeAll(calls)) {
            outcomes.add(f.get().outcome());
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn(o -> o == EnrolmentService.Outcome.INSCRIT).hasSize(3);
        assertThat(outcomes).filteredOn(o -> o == EnrolmentService.Outcome.ATTENTE).hasSize(7);

        List<EnrolmentService.Enrolment> list = enrolments.ofActivity(centre.id(), activity);
        EnrolmentService.Enrolment firstWaiting = list.stream().filter(e -> e.status().equals("attente")).findFirst().orElseThrow();
        EnrolmentService.Enrolment anEnrolled = list.stream().filter(e -> e.status().equals("inscrit")).findFirst().orElseThrow();
        assertThat(enrolments.cancel(centre.id(), anEnrolled.id())).contains(firstWaiting.id());
        assertThat(enrolments.find(centre.id(), firstWaiting.id()).orElseThrow().status()).isEqualTo("inscrit");
        assertThat(enrolments.ofActivity(centre.id(), activity)).filteredOn(e -> e.status().equals("inscrit")).hasSize(3);
        assertThat(enrolments.enrol(centre.id(), activity, firstWaiting.personId(), null).outcome())
                .isEqualTo(EnrolmentService.Outcome.DEJA_INSCRIT);
    }

    @Test
    void anAgeOutsideTheLimitsNeedsAReason() {
        long adult = persons(1, "1990-01-01").get(0);
        long activity = activity("ACM2", "acm", null);
        jdbc.sql("update activities set age_min = 4, age_max = 11 where centre_id = ? and id = ?").params(centre.id(), activity).update();
        EnrolmentService.Result refused = enrolments.enrol(centre.id(), activity, adult, "");
        assertThat(refused.outcome()).isEqualTo(EnrolmentService.Outcome.AGE_HORS_LIMITES);
        assertThat(refused.message()).contains("hors des limites");
        assertThat(enrolments.enrol(centre.id(), activity, adult, "Accompagne son enfant en situation de handicap").outcome())
                .isEqualTo(EnrolmentService.Outcome.INSCRIT);
        assertThat(enrolments.ofActivity(centre.id(), activity).get(0).ageOverrideReason()).contains("handicap");
    }

    @Test
    void activitiesCsvCreatesSectorsAndIsIdempotentAndRefusesBadRows() {
        String file = """
                activity_ref;name;sector;kind;public;capacity
                A1;Yoga;Adultes-Seniors;atelier;Adultes;20
                A2;Fête de quartier;Vie de quartier;evenement;Tous publics;
                """;
        ImportResult first = activityImporter.importCsv(centre.id(), csv(file));
        assertThat(first.changes()).containsEntry("activité(s) créée(s)", 2).containsEntry("secteur(s) créé(s)", 1);
        assertThat(activityImporter.importCsv(centre.id(), csv(file)).changedNothing()).isTrue();
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> activityImporter.importCsv(centre.id(), csv("""
                activity_ref;name;sector;kind;capacity
                A3;Danse;Jeunesse;stage;0
                """)));
        assertThat(e.errors()).extracting(CsvError::toString).containsExactly(
                "ligne 2, colonne 4 (kind) : valeur « stage » inconnue (attendu : accompagnement_scolaire, acm, atelier, evenement, permanence, sejour, sortie)",
                "ligne 2, colonne 5 (capacity) : « 0 » n'est pas un nombre entier supérieur ou égal à 1");
    }

    long activity(String ref, String kind, Integer capacity) {
        activityImporter.importCsv(centre.id(), csv("activity_ref;name;sector;kind;capacity\n" + ref + ";Activité " + ref
                + ";Enfance;" + kind + ";" + (capacity == null ? "" : capacity) + "\n"));
        return jdbc.sql("select id from activities where centre_id = ? and ref = ?").params(centre.id(), ref)
                .query(Long.class).single();
    }

    List<Long> persons(int n, String birthDate) {
        StringBuilder file = new StringBuilder("household_ref;person_ref;last_name;first_name;birth_date\n");
        String prefix = "P" + System.nanoTime();
        for (int i = 0; i < n; i++) {
            file.append("H").append(prefix).append(i).append(';').append(prefix).append(i).append(";Martin;Enfant")
                    .append(i).append(';').append(birthDate).append('\n');
        }
        peopleImporter.importCsv(centre.id(), csv(file.toString()));
        return jdbc.sql("select id from persons where centre_id = ? and ref like ? order by id").params(centre.id(), prefix + "%")
                .query(Long.class).list();
    }
}
