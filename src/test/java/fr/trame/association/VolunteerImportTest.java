package fr.trame.association;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.centre.Centre;
import fr.trame.csv.ImportResult;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fr.trame.Fixtures.csv;
import static fr.trame.association.GovernanceImportTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * volunteers.csv and volunteer-hours.csv on a hand-made centre: the rows written, the volunteer figures of 2025 they
 * feed (worked out in comments, at the default rate of 11,88 € an hour), a re-import that changes nothing, and bad files
 * refused at their line and column with nothing written.
 */
@TrameTest
class VolunteerImportTest {

    static final String VOLUNTEERS = """
            person_ref;categories;skills;start_date;end_date
            ALICE;gouvernance,activite;-cuisine, bricolage;2024-09-01;
            BOB;ponctuel;;2025-03-01;2025-06-30
            CARL;activite;;2023-01-01;31/12/2024
            DINA;commission , activite;;2025-11-01;
            """;

    static final String HOURS = """
            person_ref;date;hours;activity_ref;event
            ALICE;2025-02-10;2,5;;Conseil d'administration
            ALICE;2025-02-10;1.5;ACT1;
            ALICE;01/03/2025;3;ACT1;
            BOB;2025-05-17;4;;@Fête de quartier
            CARL;2024-11-02;2;ACT1;
            """;

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired VolunteerImporter volunteerImport;
    @Autowired VolunteerHoursImporter hoursImport;
    @Autowired AssociationIndicators indicators;
    @Autowired JdbcClient jdbc;

    Centre centre;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("vol-import");
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name
                H1;ALICE;Roux;Alice
                H1;BOB;Roux;Bob
                H2;CARL;Petit;Carl
                H3;DINA;Sow;Dina
                H4;EVE;Lenoir;Eve
                """));
        activities.importCsv(centre.id(), csv("activity_ref;name;sector\nACT1;Jardin partagé;Adultes\n"));
    }

    @Test
    void aVolunteersFileWritesTheVolunteersAndFeedsTheirCounts() {
        ImportResult first = volunteerImport.importCsv(centre.id(), csv(VOLUNTEERS));
        assertThat(first.changes()).containsEntry("bénévole(s) créé(s)", 4);
        // categories in the vocabulary's order; skills that look like a formula are text
        assertThat(volunteers()).containsExactly(
                "ALICE|{activite,gouvernance}|-cuisine, bricolage|2024-09-01|null",
                "BOB|{ponctuel}|null|2025-03-01|2025-06-30",
                "CARL|{activite}|null|2023-01-01|2024-12-31",
                "DINA|{activite,commission}|null|2025-11-01|null");
        // volunteers of 2025: Alice, Bob, Dina (Carl left on 31/12/2024) = 3; activite: Alice, Dina = 2
        Association.Volunteers year = year2025();
        assertThat(year.volunteers()).isEqualTo(3);
        assertThat(year.byCategory()).containsExactly(Map.entry("activite", 2L), Map.entry("gouvernance", 1L),
                Map.entry("ponctuel", 1L), Map.entry("commission", 1L));

        List<String> before = volunteers();
        assertThat(volunteerImport.importCsv(centre.id(), csv(VOLUNTEERS)).changedNothing()).isTrue();
        // the same categories in another order are the same record
        assertThat(volunteerImport.importCsv(centre.id(), csv(VOLUNTEERS.replace("commission , activite", "activite,commission")))
                .changedNothing()).isTrue();
        assertThat(volunteers()).isEqualTo(before);

        // Carl comes back in 2025: his record is updated, not doubled
        ImportResult changed = volunteerImport.importCsv(centre.id(), csv(VOLUNTEERS.replace("2023-01-01;31/12/2024",
                "2023-01-01;31/12/2025")));
        assertThat(changed.changes()).containsEntry("bénévole(s) mis à jour", 1).containsEntry("bénévole(s) créé(s)", 0);
        assertThat(year2025().volunteers()).isEqualTo(4);
        assertThat(volunteers()).hasSize(4);
    }

    @Test
    void anHoursFileWritesTheHoursAndFeedsTheirSumAndValue() {
        volunteerImport.importCsv(centre.id(), csv(VOLUNTEERS));
        ImportResult first = hoursImport.importCsv(centre.id(), csv(HOURS));
        assertThat(first.changes()).containsEntry("ligne(s) d'heures créée(s)", 5);
        assertThat(hours()).containsExactly(
                "ALICE|2025-02-10|1.50|ACT1|null",
                "ALICE|2025-02-10|2.50|null|Conseil d'administration",
                "ALICE|2025-03-01|3.00|ACT1|null",
                "BOB|2025-05-17|4.00|null|@Fête de quartier",
                "CARL|2024-11-02|2.00|ACT1|null");
        // 2025: Alice 2,5 + 1,5 + 3 = 7 h, Bob 4 h (Carl's are of 2024): 11 h by 2 volunteers, 11 × 11,88 = 130,68 €
        Association.Volunteers year = year2025();
        assertThat(year.withHours()).isEqualTo(2);
        assertThat(year.hours()).isEqualByComparingTo("11.00");
        assertThat(year.valuation()).isEqualByComparingTo("130.68");

        List<String> before = hours();
        assertThat(hoursImport.importCsv(centre.id(), csv(HOURS)).changedNothing()).isTrue();
        assertThat(hours()).isEqualTo(before);

        // Bob gave 5 hours, not 4: his line is updated; 12 h, 12 × 11,88 = 142,56 €
        ImportResult changed = hoursImport.importCsv(centre.id(), csv(HOURS.replace("2025-05-17;4;", "2025-05-17;5;")));
        assertThat(changed.changes()).containsEntry("heures mises à jour", 1).containsEntry("ligne(s) d'heures créée(s)", 0);
        assertThat(year2025().hours()).isEqualByComparingTo(new BigDecimal("12"));
        assertThat(year2025().valuation()).isEqualByComparingTo("142.56");
        assertThat(hours()).hasSize(5);
    }

    @Test
    void aBadVolunteersFileIsRefusedAtEachLineAndColumnAndWritesNothing() {
        volunteerImport.importCsv(centre.id(), csv(VOLUNTEERS));
        List<String> before = volunteers();
        assertThat(errors(() -> volunteerImport.importCsv(centre.id(), csv("""
                person_ref;categories;skills;start_date;end_date
                EVE;activite;;2025-01-01;
                NOBODY;;;2025-01-01;
                ALICE;jardinage;;2025-01-01;
                BOB;;=1+1;01/13/2025;
                CARL;;;2025-02-01;
                EVE;;;2025-01-01;2024-01-01
                """))))
                .containsExactly(
                        "ligne 3, colonne 1 (person_ref) : personne « NOBODY » inconnu(e) dans ce centre (importez d'abord people.csv)",
                        "ligne 4, colonne 2 (categories) : catégorie « jardinage » inconnue (attendu : activite, gouvernance,"
                                + " ponctuel, commission)",
                        "ligne 5, colonne 4 (start_date) : date invalide « 01/13/2025 » (attendu AAAA-MM-JJ ou JJ/MM/AAAA)",
                        "ligne 6, colonne 4 (start_date) : la fiche bénévole de « CARL » a une date de fin (31/12/2024) antérieure"
                                + " à cette date de début : indiquez end_date",
                        "ligne 7, colonne 1 (person_ref) : la personne « EVE » figure déjà ligne 2",
                        "ligne 7, colonne 5 (end_date) : la date de fin précède la date de début");
        assertThat(errors(() -> volunteerImport.importCsv(centre.id(), csv("person_ref;categories\nEVE;activite\n"))))
                .containsExactly("ligne 1 : colonne obligatoire manquante : « start_date »");
        assertThat(volunteers()).isEqualTo(before); // Eve, on the valid line 2, was not registered
    }

    @Test
    void aBadHoursFileIsRefusedAtEachLineAndColumnAndWritesNothing() {
        volunteerImport.importCsv(centre.id(), csv(VOLUNTEERS));
        hoursImport.importCsv(centre.id(), csv(HOURS));
        List<String> before = hours();
        assertThat(errors(() -> hoursImport.importCsv(centre.id(), csv("""
                person_ref;date;hours;activity_ref;event
                DINA;2025-12-01;2;;Nouvelle ligne
                NOBODY;2025-01-01;2;;
                ALICE;2025-13-01;2;;
                ALICE;2025-01-05;25;;
                ALICE;2025-01-06;=2+1;NOPE;
                EVE;2025-01-07;1;;
                DINA;01/12/2025;1,5;;Nouvelle ligne
                """))))
                .containsExactly(
                        "ligne 3, colonne 1 (person_ref) : personne « NOBODY » inconnue dans ce centre (importez d'abord people.csv)",
                        "ligne 4, colonne 2 (date) : date invalide « 2025-13-01 » (attendu AAAA-MM-JJ ou JJ/MM/AAAA)",
                        "ligne 5, colonne 3 (hours) : « 25 » n'est pas un nombre d'heures entre 0 et 24 (exemples : 2 ; 1,5 ; 1.75)",
                        "ligne 6, colonne 3 (hours) : « =2+1 » n'est pas un nombre d'heures entre 0 et 24 (exemples : 2 ; 1,5 ; 1.75)",
                        "ligne 6, colonne 4 (activity_ref) : activité « NOPE » inconnu(e) dans ce centre (importez d'abord"
                                + " activities.csv)",
                        "ligne 7, colonne 1 (person_ref) : « EVE » n'est pas bénévole dans ce centre (importez d'abord volunteers.csv)",
                        "ligne 8, colonne 2 (date) : ces heures (même bénévole, même date, même activité, même événement) figurent"
                                + " déjà ligne 2 : additionnez-les sur une ligne");
        assertThat(errors(() -> hoursImport.importCsv(centre.id(), csv("person_ref;date\nALICE;2025-01-01\n"))))
                .containsExactly("ligne 1 : colonne obligatoire manquante : « hours »");
        assertThat(hours()).isEqualTo(before); // Dina's valid line 2 was not written
    }

    private Association.Volunteers year2025() {
        return indicators.compute(centre.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).volunteers();
    }

    private List<String> volunteers() {
        return jdbc.sql("""
                select concat_ws('|', p.ref, v.categories::text, coalesce(v.skills, 'null'), v.start_date,
                                 coalesce(v.end_date::text, 'null'))
                from volunteers v join persons p on p.centre_id = v.centre_id and p.id = v.person_id
                where v.centre_id = ?""").param(centre.id()).query(String.class).list().stream().sorted().toList(); // code point order
    }

    private List<String> hours() {
        return jdbc.sql("""
                select concat_ws('|', p.ref, h.date, h.hours, coalesce(a.ref, 'null'), coalesce(h.event, 'null'))
                from volunteer_hours h join volunteers v on v.centre_id = h.centre_id and v.id = h.volunteer_id
                join persons p on p.centre_id = v.centre_id and p.id = v.person_id
                left join activities a on a.centre_id = h.centre_id and a.id = h.activity_id
                where h.centre_id = ?""").param(centre.id()).query(String.class).list().stream().sorted().toList(); // code point order
    }
}
