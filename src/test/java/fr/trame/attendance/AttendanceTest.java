package fr.trame.attendance;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.activities.EnrolmentService;
import fr.trame.activities.SessionService;
import fr.trame.centre.Centre;
import fr.trame.csv.CsvError;
import fr.trame.csv.CsvImportException;
import fr.trame.csv.ImportResult;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Map;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@TrameTest
class AttendanceTest {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired SessionService sessions;
    @Autowired EnrolmentService enrolments;
    @Autowired AttendanceService attendance;
    @Autowired AttendanceImporter importer;
    @Autowired HoursService hours;
    @Autowired JdbcClient jdbc;

    Centre centre;
    long acm;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("att");
        // Léa turns 6 on 15 March 2026; Noé is 8
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;birth_date
                H1;LEA;Roux;Léa;2020-03-15
                H1;NOE;Roux;Noé;2017-06-01
                H2;ANA;Diallo;Ana;1988-01-01
                """));
        activities.importCsv(centre.id(), csv("""
                activity_ref;name;sector;kind
                ACM;Accueil de loisirs;Enfance;acm
                FETE;Fête de quartier;Famille;evenement
                """));
        acm = id("activities", "ACM");
    }

    @Test
    void aTapCyclesPresentAbsentExcusedAndTheSheetListsEnrolledAndAdded() {
        long session = sessions.addOneOff(centre.id(), acm, LocalDate.of(2026, 3, 4), LocalTime.of(9, 0), LocalTime.of(17, 0));
        enrolments.enrol(centre.id(), acm, id("persons", "LEA"), null);
        enrolments.enrol(centre.id(), acm, id("persons", "NOE"), null);
        long lea = id("persons", "LEA");
        assertThat(attendance.sheet(centre.id(), session)).extracting(AttendanceService.Line::status).containsOnlyNulls();
        assertThat(attendance.cycle(centre.id(), session, lea)).isEqualTo("present");
        assertThat(attendance.cycle(centre.id(), session, lea)).isEqualTo("absent");
        assertThat(attendance.cycle(centre.id(), session, lea)).isEqualTo("excuse");
        assertThat(attendance.cycle(centre.id(), session, lea)).isEqualTo("present");

        assertThat(attendance.allPresent(centre.id(), session)).containsExactly(id("persons", "NOE")); // only Noé was à faire
        attendance.save(centre.id(), session, Map.of(id("persons", "ANA"), "present"));
        assertThat(attendance.sheet(centre.id(), session))
                .extracting(AttendanceService.Line::firstName, AttendanceService.Line::enrolled, AttendanceService.Line::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ana", false, "present"),
                        org.assertj.core.groups.Tuple.tuple("Léa", true, "present"),
                        org.assertj.core.groups.Tuple.tuple("Noé", true, "present"));
        assertThat(sessions.find(centre.id(), session).orElseThrow().held()).isTrue();
    }

    /**
     * "Tous présents" after the receptionist marked an absent and the director an excusé (any role that takes
     * attendance may): only the lines still "à faire" become present, and its undo puts back exactly those.
     */
    @Test
    void allPresentFillsOnlyTheLinesStillToDoAndItsUndoRestoresExactlyThem() {
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;birth_date;sex
                H3;ABS;Blanc;Inès;2017-01-01;F
                H3;EXC;Blanc;Hugo;2017-01-01;M
                H4;TIM;Caron;Lou;2017-01-01;F
                H5;TODO1;Diaz;Mia;2017-01-01;F
                H6;TODO2;Dupuis;Tom;2017-01-01;M
                """));
        long session = sessions.addOneOff(centre.id(), acm, LocalDate.of(2026, 3, 4), LocalTime.of(9, 0), LocalTime.of(17, 0));
        long absent = id("persons", "ABS"), excused = id("persons", "EXC"), timed = id("persons", "TIM");
        long todo1 = id("persons", "TODO1"), todo2 = id("persons", "TODO2"), added = id("persons", "ANA");
        for (long p : new long[] {absent, excused, timed, todo1, todo2}) {
            enrolments.enrol(centre.id(), acm, p, null);
        }
        attendance.save(centre.id(), session, Map.of(absent, "absent", excused, "excuse"));
        attendance.setTimes(centre.id(), session, timed, LocalTime.of(9, 30), null);
        attendance.add(centre.id(), session, added); // not enrolled, added present by hand
        Map<Long, String> before = statuses(session);
        assertThat(attendance.tally(centre.id(), session)).isEqualTo(new AttendanceService.Tally(2, 6));

        java.util.List<Long> changed = attendance.allPresent(centre.id(), session);
        assertThat(changed).containsExactlyInAnyOrder(todo1, todo2);
        Map<Long, String> after = statuses(session);
        assertThat(after).containsEntry(absent, "absent").containsEntry(excused, "excuse").containsEntry(timed, "present")
                .containsEntry(todo1, "present").containsEntry(todo2, "present").containsEntry(added, "present");
        assertThat(attendance.tally(centre.id(), session)).isEqualTo(new AttendanceService.Tally(4, 6));
        assertThat(attendance.allPresent(centre.id(), session)).isEmpty(); // a second tap changes nothing

        // undone right after: back to exactly the states before, times included
        assertThat(attendance.undoAllPresent(centre.id(), session, changed)).containsExactlyInAnyOrder(todo1, todo2);
        assertThat(statuses(session)).isEqualTo(before);
        assertThat(attendance.line(centre.id(), session, timed).orElseThrow().arrival()).isEqualTo(LocalTime.of(9, 30));

        // a line tapped since "tous présents" is a later decision: the undo leaves it
        changed = attendance.allPresent(centre.id(), session);
        attendance.cycle(centre.id(), session, todo2); // present -> absent
        assertThat(attendance.undoAllPresent(centre.id(), session, changed)).containsExactly(todo1);
        assertThat(statuses(session)).containsEntry(todo1, null).containsEntry(todo2, "absent")
                .containsEntry(added, "present").containsEntry(absent, "absent").containsEntry(excused, "excuse");
        // and an undo never reaches another session's rows
        long other = sessions.addOneOff(centre.id(), acm, LocalDate.of(2026, 3, 11), LocalTime.of(9, 0), LocalTime.of(17, 0));
        java.util.List<Long> otherChanged = attendance.allPresent(centre.id(), other);
        assertThat(attendance.undoAllPresent(centre.id(), session, otherChanged)).isEmpty();
        assertThat(statuses(other).values()).containsOnly("present");
    }

    @Test
    void theStateIsSaidAgreedWithThePerson() {
        AttendanceService.Line helene = new AttendanceService.Line(1, "Martin", "Hélène", null, true, "present", null, null, "F");
        AttendanceService.Line paul = new AttendanceService.Line(2, "Martin", "Paul", null, true, "excuse", null, null, "M");
        AttendanceService.Line anyone = new AttendanceService.Line(3, "Martin", "Camille", null, true, null, null, null, null);
        assertThat(helene.fullName() + " : " + helene.stateWord()).isEqualTo("Hélène Martin : présente");
        assertThat(paul.stateWord()).isEqualTo("excusé");
        assertThat(anyone.stateWord()).isEqualTo("à faire");
    }

    private Map<Long, String> statuses(long session) {
        Map<Long, String> byPerson = new java.util.HashMap<>();
        attendance.sheet(centre.id(), session).forEach(l -> byPerson.put(l.personId(), l.status()));
        return byPerson;
    }

    @Test
    void acmHoursCountTheSessionOrArrivalToDepartureByAgeGroupOnTheSessionDate() {
        long lea = id("persons", "LEA");
        long noe = id("persons", "NOE");
        long before = sessions.addOneOff(centre.id(), acm, LocalDate.of(2026, 3, 4), LocalTime.of(9, 0), LocalTime.of(17, 0));
        long after = sessions.addOneOff(centre.id(), acm, LocalDate.of(2026, 3, 18), LocalTime.of(9, 0), LocalTime.of(17, 0));
        long cancelled = sessions.addOneOff(centre.id(), acm, LocalDate.of(2026, 3, 25), LocalTime.of(9, 0), LocalTime.of(17, 0));
        long april = sessions.addOneOff(centre.id(), acm, LocalDate.of(2026, 4, 1), LocalTime.of(9, 0), LocalTime.of(17, 0));
        attendance.save(centre.id(), before, Map.of(lea, "present", noe, "present"));
        attendance.setTimes(centre.id(), after, lea, LocalTime.of(13, 30), LocalTime.of(17, 0));
        attendance.save(centre.id(), after, Map.of(noe, "absent"));
        attendance.save(centre.id(), cancelled, Map.of(noe, "present"));
        sessions.cancel(centre.id(), cancelled, "Intempéries");
        attendance.save(centre.id(), april, Map.of(noe, "present"));

        // Léa: 8 h on 4 March (aged 5), 3.5 h on 18 March (aged 6). Noé: 8 h (absent on the 18th, 25th cancelled).
        assertThat(hours.acmByChild(centre.id(), YearMonth.of(2026, 3)))
                .extracting(HoursService.ChildHours::firstName, HoursService.ChildHours::ageGroup, HoursService.ChildHours::hours)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Léa", "6 ans et plus", new BigDecimal("3.50")),
                        org.assertj.core.groups.Tuple.tuple("Léa", "moins de 6 ans", new BigDecimal("8.00")),
                        org.assertj.core.groups.Tuple.tuple("Noé", "6 ans et plus", new BigDecimal("8.00")));
        assertThat(hours.acmByAgeGroup(centre.id(), YearMonth.of(2026, 3)))
                .extracting(HoursService.GroupHours::ageGroup, HoursService.GroupHours::children, HoursService.GroupHours::hours)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("moins de 6 ans", 1L, new BigDecimal("8.00")),
                        org.assertj.core.groups.Tuple.tuple("6 ans et plus", 2L, new BigDecimal("11.50")));
    }

    @Test
    void attendanceCsvCreatesHeldSessionsIsIdempotentAndRefusesBadRowsWhole() {
        String file = """
                activity_ref;date;start;end;person_ref;headcount;status
                ACM;2026-03-04;09:00;17:00;LEA;;
                ACM;04/03/2026;09:00;17:00;NOE;;absent
                FETE;2026-06-27;14:00;22:00;;580;
                """;
        ImportResult first = importer.importCsv(centre.id(), csv(file));
        assertThat(first.changes()).containsEntry("séance(s) créée(s)", 2)
                .containsEntry("présence(s) enregistrée(s) ou modifiée(s)", 2).containsEntry("effectif(s) anonyme(s)", 1);
        assertThat(importer.importCsv(centre.id(), csv(file)).changedNothing()).isTrue();
        ImportResult changed = importer.importCsv(centre.id(), csv(file.replace("NOE;;absent", "NOE;;excuse")));
        assertThat(changed.changes()).containsEntry("présence(s) enregistrée(s) ou modifiée(s)", 1);

        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> importer.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref;headcount;status
                ACM;2026-03-11;09:00;08:00;LEA;;
                ACM;2026-03-11;09:00;17:00;;;
                XXX;2026-03-11;09:00;17:00;NOE;;
                ACM;2026-03-12;9h;17:00;INCONNU;;
                FETE;2026-06-27;14:00;22:00;LEA;12;present
                """)));
        assertThat(e.errors()).extracting(CsvError::toString).containsExactly(
                "ligne 2, colonne 4 (end) : l'heure de fin (08:00) doit suivre l'heure de début (09:00)",
                "ligne 3, colonne 4 (end) : la même séance finit à 08:00 ligne 2",
                "ligne 3, colonne 5 (person_ref) : indiquez une personne (person_ref) ou un effectif anonyme (headcount)",
                "ligne 4, colonne 1 (activity_ref) : activité « XXX » inconnu(e) dans ce centre",
                "ligne 5, colonne 3 (start) : heure invalide « 9h » (attendu HH:MM)",
                "ligne 5, colonne 5 (person_ref) : personne « INCONNU » inconnu(e) dans ce centre",
                "ligne 6, colonne 6 (headcount) : une ligne porte une personne ou un effectif, pas les deux");
        assertThat(jdbc.sql("select count(*) from sessions where centre_id = ?").param(centre.id()).query(Long.class).single())
                .isEqualTo(2);
    }

    private long id(String table, String ref) {
        return jdbc.sql("select id from " + table + " where centre_id = ? and ref = ?").params(centre.id(), ref)
                .query(Long.class).single();
    }
}
