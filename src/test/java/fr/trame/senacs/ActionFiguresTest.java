package fr.trame.senacs;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.association.FundingService;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.people.PeopleImporter;
import fr.trame.reception.ReceptionImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

/** Actions by SENACS theme, access to rights and the structure kind of a hand-made centre, computed by hand below. */
@TrameTest
class ActionFiguresTest {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired ReceptionImporter reception;
    @Autowired ActionFigures actions;
    @Autowired JdbcClient jdbc;
    @Autowired FundingService funding;
    @Autowired AgrementFigures agrements;

    Centre centre;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("senacs-actions");
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date;role;quartier;qpv;qf
                H1;ANNE;Roux;Anne;F;1980-01-01;responsable;;;
                H1;LEA;Roux;Léa;F;2016-01-01;enfant;;;
                H2;TOM;Petit;Tom;M;1990-01-01;responsable;;;
                H3;SAM;Blanc;Sam;M;1970-01-01;responsable;;;
                """));
        // ACM → enfance; Petite enfance public → petite_enfance; sector Familles → familles; "Atelier FLE" →
        // linguistique; "Initiation numérique" → numerique; séjour → sejours; a CLAS only held in 2024 → not counted;
        // an atelier "Poterie" in sector Loisirs → no theme
        activities.importCsv(centre.id(), csv("""
                activity_ref;name;sector;kind;public
                A1;Mercredis loisirs;Enfance;acm;
                A2;Bébés lecteurs;Petite enfance;atelier;Petite enfance
                A3;Sortie des parents;Familles;sortie;
                A4;Atelier FLE;Adultes;atelier;
                A5;Initiation numérique;Adultes;atelier;
                A6;Séjour montagne;Enfance;sejour;
                A7;CLAS collège;Jeunesse;accompagnement_scolaire;
                A8;Poterie;Loisirs;atelier;
                A9;Café des familles;Familles;atelier;
                """));
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref;headcount;status
                A1;2025-03-05;14:00;17:00;LEA;;present
                A1;2025-03-12;14:00;17:00;LEA;;present
                A2;2025-04-01;10:00;11:00;ANNE;;present
                A3;2025-05-01;09:00;18:00;ANNE;;present
                A3;2025-05-01;09:00;18:00;LEA;;present
                A4;2025-02-01;10:00;12:00;TOM;;present
                A4;2025-02-01;10:00;12:00;SAM;;absent
                A5;2025-02-02;10:00;12:00;SAM;;present
                A6;2025-07-10;09:00;18:00;LEA;;present
                A7;2024-10-01;17:00;18:00;LEA;;present
                A8;2025-02-03;10:00;12:00;TOM;;present
                A9;2025-06-01;10:00;12:00;TOM;;present
                A9;2025-06-01;10:00;12:00;ANNE;;present
                """));
        // contacts in 2025: ANNE, TOM (honoured), SAM (missed rdv: not a contact); a 2024 contact of LEA
        reception.importCsv(centre.id(), csv("""
                date;person_ref;channel;theme;status
                2025-03-01;ANNE;accueil;caf;
                2025-03-02;TOM;rdv;logement;honore
                2025-03-03;SAM;rdv;logement;non_honore
                2024-12-20;LEA;accueil;sante;
                """));
        long referent = fixtures.userId(fixtures.user(centre, Role.DIRECTION));
        // TOM's case file runs over 2025 (accompanied, so not counted as informed); LEA's closed in 2024: not active
        for (Object[] c : new Object[][] {{"TOM", "2024-11-01", null, null}, {"LEA", "2024-01-01", "2024-06-30", "clos"}}) {
            jdbc.sql("""
                    insert into cases (centre_id, person_id, referent_user_id, subject, opened_on, closed_on, outcome)
                    select p.centre_id, p.id, :referent, 'Dossier', cast(:opened as date), cast(:closed as date), :outcome
                    from persons p where p.centre_id = :centre and p.ref = :ref""")
                    .param("centre", centre.id()).param("referent", referent).param("ref", c[0])
                    .param("opened", c[1]).param("closed", c[2]).param("outcome", c[3]).update();
        }
    }

    @Test
    void themesCountHeldActivitiesAndDistinctPresentPersons() {
        Map<String, FigureSource.Computed> f = year2025();
        // enfance: A1 (acm) and A6 (séjour in sector Enfance is not a rule: kind sejour only) → A1; persons LEA
        assertThat(values(f, "enfance")).containsExactly("oui", "1", "1");
        assertThat(values(f, "petite_enfance")).containsExactly("oui", "1", "1");
        // familles: A3 (sector Familles) ANNE, LEA; A9 ("familles") TOM, ANNE → 2 activities, 3 persons
        assertThat(values(f, "familles")).containsExactly("oui", "2", "3");
        // linguistique: A4, TOM present, SAM absent → 1 person
        assertThat(values(f, "linguistique")).containsExactly("oui", "1", "1");
        assertThat(values(f, "numerique")).containsExactly("oui", "1", "1");
        assertThat(values(f, "sejours")).containsExactly("oui", "1", "1");
        // the CLAS was held in 2024 only
        assertThat(values(f, "scolarite")).containsExactly("non", "0", "0");
        assertThat(values(f, "culture")).containsExactly("non", "0", "0");
    }

    @Test
    void rightsSplitInformedAndAccompanied() {
        Map<String, FigureSource.Computed> f = year2025();
        // accompanied: TOM (case file open since 2024-11-01); informed: ANNE (TOM has a case file, SAM missed his rdv)
        assertThat(f.get("droits.accompanied").value()).isEqualTo("1");
        assertThat(f.get("droits.informed").value()).isEqualTo("1");
        assertThat(f).doesNotContainKey("structure.kind");
    }

    @Test
    void theStructureKindIsTheFederationRegistrys() {
        fixtures.structure(fixtures.federation("senacs"), "Centre social", "69", centre.id());
        assertThat(year2025().get("structure.kind").value()).isEqualTo("cs");
    }

    @Test
    void theCafAgrementInForceOnTheLastDayGivesItsEnd() {
        // the 2022-2025 CAF agrément ends before 31/12/2026; the 2026-2029 one is in force; the other issuer is not the CAF
        funding.addAgrement(centre.id(), "Centre social", "CAF du Rhône", LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31), "A");
        funding.addAgrement(centre.id(), "Centre social", "CAF du Rhône", LocalDate.of(2026, 1, 1), LocalDate.of(2029, 12, 31), "B");
        funding.addAgrement(centre.id(), "Jeunesse", "SDJES", LocalDate.of(2026, 1, 1), LocalDate.of(2031, 12, 31), "C");
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        assertThat(agrements.compute(centre.id(), from, to, agrements.figures()).get("agrement.caf.end").value())
                .isEqualTo("2029-12-31");
        assertThat(agrements.compute(centre.id(), LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31), agrements.figures()))
                .isEmpty();
    }

    private Map<String, FigureSource.Computed> year2025() {
        return actions.compute(centre.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), actions.figures());
    }

    private static List<String> values(Map<String, FigureSource.Computed> f, String theme) {
        return List.of(f.get("actions." + theme + ".exists").value(), f.get("actions." + theme + ".count").value(),
                f.get("actions." + theme + ".persons").value());
    }
}
