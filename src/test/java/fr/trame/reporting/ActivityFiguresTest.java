package fr.trame.reporting;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.activities.SessionImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.people.PeopleImporter;
import fr.trame.reception.ReceptionImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity figures of interchange.md "Indicators, second part" on a hand-made centre: one cooking workshop over
 * 2026, its sessions planned, held and cancelled by sessions.csv and attendance.csv, six persons of known profile.
 */
@TrameTest
class ActivityFiguresTest {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);
    /** The 8 held Wednesdays; the 8th (22 April) lasts 14:00–17:30, the others 14:00–16:00. */
    static final List<String> HELD = List.of("2026-03-04", "2026-03-11", "2026-03-18", "2026-03-25", "2026-04-01",
            "2026-04-08", "2026-04-15", "2026-04-22");

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired SessionImporter sessions;
    @Autowired AttendanceImporter attendance;
    @Autowired ReceptionImporter reception;
    @Autowired IndicatorService indicators;
    @Autowired DrillDown drillDown;

    @Test
    void anActivityWhoseSessionsWereAllCancelledStillShowsThem() {
        Centre centre = fixtures.centre("actfig-off");
        activities.importCsv(centre.id(), csv("activity_ref;name;sector\nPIS;Sortie piscine;Jeunesse\n"));
        // two outings of 2026, both cancelled (the pool closed): nothing held, two cancelled
        sessions.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;status;cancel_reason
                PIS;2026-07-08;14:00;17:00;annulee;Piscine fermée
                PIS;2026-07-15;14:00;17:00;annulee;Piscine fermée
                """));
        UnitFigures.Activity outing = indicators.compute(centre.id(), centre.code(), FROM, TO).activities().stream()
                .filter(a -> "PIS".equals(a.ref())).findFirst().orElseThrow();
        assertThat(outing.sessionsCancelled()).isEqualTo(2);
        assertThat(outing.sessionsPlanned()).isZero();
        assertThat(outing.sessions()).isZero();
        assertThat(outing.persons()).isZero();
    }

    @Test
    void anActivityCountsItsPublicsItsSessionsAndItsRegulars() {
        Centre centre = fixtures.centre("actfig");
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date;quartier;qpv
                H1;LEA;Roux;Léa;F;2016-05-01;Bourg;non
                H1;MIA;Roux;Mia;F;2016-01-01;Bourg;non
                H2;NOE;Diallo;Noé;M;1980-01-01;Les Hauts;oui
                H3;ANA;Petit;Ana;F;;;
                H4;OLD;Blanc;Marcel;M;1950-01-01;Bourg;non
                H5;TOM;Caron;Tom;M;2010-06-01;;
                H6;ABS;Dupuis;Luc;M;1990-01-01;;
                """));
        activities.importCsv(centre.id(), csv("""
                activity_ref;name;sector
                CUI;Atelier cuisine;Familles
                """));
        // the programme: the 8 Wednesdays to be held, 4 more planned (never held), 1 cancelled
        StringBuilder programme = new StringBuilder("activity_ref;date;start;end;status;cancel_reason\n");
        HELD.forEach(d -> programme.append("CUI;").append(d).append(";14:00;").append(d.equals("2026-04-22") ? "17:30" : "16:00")
                .append(";prevue;\n"));
        for (String d : List.of("2026-04-29", "2026-05-06", "2026-05-13", "2026-05-20")) {
            programme.append("CUI;").append(d).append(";14:00;16:00;;\n");
        }
        programme.append("CUI;2026-05-27;14:00;16:00;annulee;Animatrice malade\n");
        sessions.importCsv(centre.id(), csv(programme.toString()));

        // presences: Léa and Mia at all 8 held sessions, Noé at the first 6 (absent at the 7th), Ana at the first 4
        // (absent at the 5th and 6th), Tom at the first 2, Marcel at the first; Luc only absent (not a person of it);
        // the 8th session also has an anonymous headcount. Before the period (17 Dec 2025): Marcel present, Noé absent.
        StringBuilder rows = new StringBuilder("activity_ref;date;start;end;person_ref;headcount;status\n");
        Map<String, Integer> presentAt = Map.of("LEA", 8, "MIA", 8, "NOE", 6, "ANA", 4, "TOM", 2, "OLD", 1);
        for (int i = 0; i < HELD.size(); i++) {
            String session = "CUI;" + HELD.get(i) + ";14:00;" + (i == 7 ? "17:30" : "16:00") + ";";
            for (Map.Entry<String, Integer> p : presentAt.entrySet()) {
                if (i < p.getValue()) {
                    rows.append(session).append(p.getKey()).append(";;present\n");
                }
            }
            if (i == 6) {
                rows.append(session).append("NOE;;absent\n").append(session).append("ABS;;absent\n");
            }
            if (i == 4 || i == 5) {
                rows.append(session).append("ANA;;absent\n");
            }
            if (i == 7) {
                rows.append(session).append(";5;\n");
            }
        }
        rows.append("CUI;2025-12-17;14:00;16:00;OLD;;present\nCUI;2025-12-17;14:00;16:00;NOE;;absent\n");
        attendance.importCsv(centre.id(), csv(rows.toString()));
        // Ana came to the reception desk in 2025: not new either
        reception.importCsv(centre.id(), csv("date;channel;theme;person_ref\n2025-11-10;accueil;caf;ANA\n"));

        long passes = indicators.passes();
        Indicators figures = indicators.compute(centre.id(), centre.code(), FROM, TO);
        assertThat(indicators.passes() - passes).isEqualTo(1); // the new figures read the same period tables
        UnitFigures.Activity cui = figures.activities().get(0);
        assertThat(figures.activities()).hasSize(1);

        assertThat(cui.sessions()).isEqualTo(8);              // held: attendance rows or a headcount
        assertThat(cui.sessionsPlanned()).isEqualTo(12);      // 8 held + 4 never held; the cancelled one and 2025 left out
        assertThat(cui.sessionsCancelled()).isEqualTo(1);     // 27 May
        assertThat(cui.sessionHours()).isEqualTo(new BigDecimal("17.50")); // 7 × 2 h + 3,5 h, held sessions only
        assertThat(cui.persons()).isEqualTo(6);               // Luc was only absent

        assertThat(cui.bySex()).containsExactly(Map.entry("F", 3L), Map.entry("M", 3L), Map.entry("inconnu", 0L));
        // age on 4 March 2026, their first presence: Léa 9, Mia 10 (6-11), Tom 15 (12-17), Noé 46, Marcel 76, Ana unknown
        assertThat(cui.byAgeBand()).containsEntry("6-11", 2L).containsEntry("12-17", 1L).containsEntry("26-59", 1L)
                .containsEntry("60+", 1L).containsEntry("inconnu", 1L).containsEntry("0-2", 0L).containsEntry("18-25", 0L);
        // Bourg: Léa, Mia (H1) and Marcel (H4); Les Hauts: Noé; Ana and Tom have no quartier
        assertThat(cui.byQuartier()).containsExactly(Map.entry("Bourg", 3L), Map.entry("Les Hauts", 1L),
                Map.entry("inconnu", 2L));
        assertThat(cui.qpv()).containsExactly(Map.entry("oui", 1L), Map.entry("non", 3L), Map.entry("inconnu", 2L));
        // new: Léa, Mia, Tom, and Noé (his 2025 row was an absence); Marcel was present in 2025, Ana at the desk
        assertThat(cui.newPersons()).isEqualTo(4);
        // of 8 held: Léa, Mia 8/8 = 100 %; Noé 6/8 = 75 %; Ana 4/8 = 50 %; Tom 2/8 = 25 %; Marcel 1/8 = 12,5 → 12 %
        assertThat(cui.byAttendanceRate()).containsExactly(Map.entry("0-24", 1L), Map.entry("25-49", 1L),
                Map.entry("50-74", 1L), Map.entry("75-99", 1L), Map.entry("100", 2L));
        // the centre's newPersons is the same definition: the activity's 4 (Léa, Mia, Noé, Tom); Ana, Marcel were known
        assertThat(indicators.newPersons(centre.id(), FROM, TO)).isEqualTo(4);

        // the records behind the dashboard's numbers: as many as the figure
        long id = drillDown.activityIds(centre.id()).get(cui.key());
        assertThat(drillDown.unit(centre.id(), FROM, TO, "activity_id", id, "planned")).hasSize(12);
        assertThat(drillDown.unit(centre.id(), FROM, TO, "activity_id", id, "cancelled"))
                .extracting(DrillDown.Item::detail).containsExactly("annulée : Animatrice malade");
        assertThat(drillDown.unit(centre.id(), FROM, TO, "activity_id", id, "byAttendanceRate:100"))
                .extracting(DrillDown.Item::label).containsExactly("Léa Roux", "Mia Roux");
        assertThat(drillDown.unit(centre.id(), FROM, TO, "activity_id", id, "byAttendanceRate:75-99"))
                .extracting(DrillDown.Item::detail).containsExactly("6 présence(s) sur 8 séance(s) tenue(s)");
    }
}
