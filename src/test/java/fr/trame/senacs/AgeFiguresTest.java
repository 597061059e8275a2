package fr.trame.senacs;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.Map;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

/** SENACS age bands and QPV share of a hand-made centre, computed by hand below. */
@TrameTest
class AgeFiguresTest {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired AgeFigures ages;

    Centre centre;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("senacs-ages");
        // ages on 2025-03-01, the first presence of each: LEA 2 (0-2), NOE 4 — 5 the next day (3-5), TOM 10 (6-11),
        // IRIS 15 (12-17), SAM 22 (18-25), ANNE 45 (26-59), PAUL 75 (60+), ZOE unknown; OLD is present in 2024 only.
        // QPV by household: H1 oui (LEA, NOE, ANNE), H2 non (TOM, IRIS), H3 unknown (SAM, PAUL), H4 oui (ZOE, OLD)
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date;role;quartier;qpv;qf
                H1;ANNE;Roux;Anne;F;1980-01-01;responsable;Tilleuls;oui;250
                H1;LEA;Roux;Léa;F;2023-01-01;enfant;Tilleuls;oui;250
                H1;NOE;Roux;Noé;M;2020-03-02;enfant;Tilleuls;oui;250
                H2;TOM;Petit;Tom;M;2015-01-01;enfant;Moulin;non;1000
                H2;IRIS;Petit;Iris;F;2010-01-01;responsable;Moulin;non;1000
                H3;SAM;Blanc;Sam;M;2003-01-01;responsable;;;
                H3;PAUL;Blanc;Paul;M;1950-01-01;autre;;;
                H4;ZOE;Noir;Zoé;F;;responsable;Gare;oui;
                H4;OLD;Noir;Old;M;1960-01-01;autre;Gare;oui;
                """));
        activities.importCsv(centre.id(), csv("""
                activity_ref;name;sector;kind
                A1;Atelier jeux;Enfance;atelier
                """));
        StringBuilder marks = new StringBuilder("activity_ref;date;start;end;person_ref;headcount;status\n");
        for (String p : new String[] {"LEA", "NOE", "TOM", "IRIS", "SAM", "ANNE", "PAUL", "ZOE"}) {
            marks.append("A1;2025-03-01;10:00;12:00;").append(p).append(";;present\n");
        }
        marks.append("A1;2025-06-01;10:00;12:00;LEA;;present\n");
        marks.append("A1;2024-06-01;10:00;12:00;OLD;;present\n");
        // TOM was already present in 2024: not new in 2025; OLD, present again in 2025, neither
        marks.append("A1;2024-06-01;10:00;12:00;TOM;;present\n");
        marks.append("A1;2025-09-01;10:00;12:00;OLD;;present\n");
        attendance.importCsv(centre.id(), csv(marks.toString()));
    }

    @Test
    void bandsAreSumsOfTheEngineBandsAndTheShareIsAmongKnownQpv() {
        Map<String, FigureSource.Computed> f = ages.compute(centre.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                ages.figures());
        // 0-5: LEA, NOE; 0-11: + TOM; 12-25: IRIS, SAM; each other band one person
        assertThat(f.get("publics.age.0-5").value()).isEqualTo("2");
        assertThat(f.get("publics.age.6-11").value()).isEqualTo("1");
        assertThat(f.get("publics.age.12-17").value()).isEqualTo("1");
        assertThat(f.get("publics.age.18-25").value()).isEqualTo("1");
        assertThat(f.get("publics.age.26-59").value()).isEqualTo("1");
        assertThat(f.get("publics.age.60+").value()).isEqualTo("2");
        assertThat(f.get("publics.age.inconnu").value()).isEqualTo("1");
        assertThat(f.get("publics.age.0-11").value()).isEqualTo("3");
        assertThat(f.get("publics.age.12-25").value()).isEqualTo("2");
        assertThat(f.get("publics.age.6-11").link())
                .isEqualTo("/tableau-de-bord/personnes?from=2025-01-01&to=2025-12-31&dimension=byAgeBand&value=6-11");
        assertThat(f.get("publics.age.0-5").link()).isNull();
        // QPV oui: LEA, NOE, ANNE, ZOE, OLD = 5; known: + TOM, IRIS = 7; 5 / 7 = 71.43 %
        assertThat(f.get("publics.qpv.share").value()).isEqualTo("71.43");
        // reached in 2025: 9 (OLD is 65 on 2025-09-01: 60+ has PAUL and OLD); new: all but TOM and OLD = 7
        assertThat(f.get("publics.newPersons").value()).isEqualTo("7");
    }

    @Test
    void noKnownQpvLeavesTheShareOut() {
        Map<String, FigureSource.Computed> f = ages.compute(centre.id(), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31),
                ages.figures());
        assertThat(f).doesNotContainKey("publics.qpv.share");
        assertThat(f.get("publics.age.0-11").value()).isEqualTo("0");
    }
}
