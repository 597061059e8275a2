package fr.trame.people;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.csv.CsvError;
import fr.trame.csv.CsvImportException;
import fr.trame.demo.DemoData;
import fr.trame.reporting.IndicatorService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** One familiale membership per household and one individuelle per person and season, in the service, the database and the import. */
@TrameTest
class OneMembershipPerSeasonTest {

    @Autowired PeopleImporter people;
    @Autowired MembershipImporter importer;
    @Autowired MembershipService memberships;
    @Autowired IndicatorService indicators;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    Centre centre;
    long household;
    long person;
    MembershipService.Season season;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("unique");
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;role
                H1;P1;Roux;Anne;responsable
                H1;P2;Roux;Louis;enfant
                H2;P3;Giraud;Paul;responsable
                """));
        household = id("households", "H1");
        person = id("persons", "P3");
        season = memberships.createSeason(centre.id(), LocalDate.of(2023, 9, 1), LocalDate.of(2024, 8, 31));
    }

    @Test
    void aSecondMembershipOfTheSameHolderAndSeasonIsRefusedUntilTheFirstIsCancelled() {
        long first = memberships.create(centre.id(), familiale(household));
        assertThatThrownBy(() -> memberships.create(centre.id(), familiale(household)))
                .isInstanceOf(MembershipService.AlreadyMember.class)
                .hasMessageContaining("Ce foyer a déjà une adhésion familiale pour la saison 2023-2024");
        memberships.create(centre.id(), individuelle(person));
        assertThatThrownBy(() -> memberships.create(centre.id(), individuelle(person)))
                .hasMessageContaining("Cette personne a déjà une adhésion individuelle pour la saison 2023-2024");
        // the other season is another membership
        memberships.create(centre.id(), new MembershipService.NewMembership("familiale", household, null, null,
                LocalDate.of(2024, 9, 1), LocalDate.of(2025, 8, 31), 1500, false, null, null));
        assertThat(count()).isEqualTo(3);

        // the database refuses it too, whatever the code path
        assertThatThrownBy(() -> jdbc.sql("""
                insert into memberships (centre_id, type, household_id, start_date, end_date, season_id)
                values (?, 'familiale', ?, '2023-10-01', '2024-08-31', ?)""")
                .params(centre.id(), household, season.id()).update()).isInstanceOf(DuplicateKeyException.class);

        assertThat(memberships.cancel(centre.id(), first, "erreur de saisie", 0)).isTrue();
        assertThat(memberships.cancel(centre.id(), first, "encore", 0)).isFalse();
        MembershipService.Membership cancelled = memberships.find(centre.id(), first).orElseThrow();
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.cancelReason()).isEqualTo("erreur de saisie");
        assertThat(jdbc.sql("select count(*) from audit_log where centre_id = ? and entity = 'adhésion' and entity_id = ? and action = 'annulation'")
                .params(centre.id(), first).query(Long.class).single()).isEqualTo(1);
        memberships.create(centre.id(), familiale(household));
        assertThat(count()).isEqualTo(4);
    }

    @Test
    void aCancelledMembershipCountsInNoFigure() {
        long m = memberships.create(centre.id(), familiale(household));
        memberships.create(centre.id(), individuelle(person));
        assertThat(members())
                .containsEntry("memberships", 2L).containsEntry("households", 1L).containsEntry("persons", 3L);
        memberships.cancel(centre.id(), m, "doublon", 0);
        assertThat(members())
                .containsEntry("memberships", 1L).containsEntry("households", 0L).containsEntry("persons", 1L);
        assertThat(memberships.totals(centre.id(), season)).contains(
                new MembershipService.TypeTotal("total", 1, 1, 800, 0));
        assertThat(indicators.membershipsBySeason(centre.id(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
                .containsExactly(new IndicatorService.SeasonCount("2023-2024", 1));
    }

    @Test
    void theImportRefusesASecondMembershipOfAHolderAndSeasonAndWritesNothing() {
        CsvImportException inFile = catchThrowableOfType(CsvImportException.class, () -> importer.importCsv(centre.id(), csv("""
                membership_ref;type;household_ref;person_ref;start_date;end_date
                A1;familiale;H1;;2023-09-01;2024-08-31
                A2;individuelle;;P3;2023-09-01;2024-08-31
                A3;familiale;H1;;2024-01-15;2024-08-31
                A4;familiale;H2;;2023-09-01;2024-08-31
                """)));
        assertThat(inFile.errors()).extracting(CsvError::toString).containsExactly(
                "ligne 4, colonne 3 (household_ref) : l'adhésion familiale de « H1 » pour la saison 2023-2024 figure déjà ligne 2 : une seule par saison");
        assertThat(count()).isZero();

        memberships.create(centre.id(), familiale(household)); // taken at the desk, no reference
        CsvImportException inRegister = catchThrowableOfType(CsvImportException.class, () -> importer.importCsv(centre.id(), csv("""
                membership_ref;type;household_ref;start_date;end_date
                A1;familiale;H1;2023-09-01;2024-08-31
                A4;familiale;H2;2023-09-01;2024-08-31
                """)));
        assertThat(inRegister.errors()).extracting(CsvError::toString).containsExactly(
                "ligne 2, colonne 3 (household_ref) : « H1 » a déjà une adhésion familiale pour la saison 2023-2024 (saisie dans Trame) : une seule par saison ; annulez-la ou reprenez sa référence");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void importingTheSameFileTwiceCreatesNothingTheSecondTime() {
        String file = """
                membership_ref;type;household_ref;person_ref;start_date;end_date;amount
                A1;familiale;H1;;2023-09-01;2024-08-31;15
                A2;individuelle;;P3;2023-09-01;2024-08-31;8
                A3;familiale;H1;;2024-09-01;2025-08-31;15
                """;
        assertThat(importer.importCsv(centre.id(), csv(file)).changes()).containsEntry("adhésion(s) créée(s)", 3);
        assertThat(importer.importCsv(centre.id(), csv(file)).changedNothing()).isTrue();
        assertThat(count()).isEqualTo(3);
        // the import found or made each row's season
        assertThat(jdbc.sql("select count(*) from memberships where centre_id = ? and season_id is null").param(centre.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theDemoGivesNoPersonTwoMembershipsOfASeason() {
        DemoData data = new DemoData(20231, LocalDate.of(2025, 3, 1));
        data.peopleCsv(DemoData.Size.S);
        Set<String> seen = new HashSet<>();
        for (String line : data.membershipsCsv(2023).split("\n")) {
            String[] cells = line.split(";", -1);
            if (cells[1].equals("familiale") || cells[1].equals("individuelle")) {
                assertThat(seen.add(cells[1] + cells[2] + cells[3] + cells[5])).as(line).isTrue();
            }
        }
        assertThat(seen.stream().filter(k -> k.startsWith("individuelle")).count()).isGreaterThanOrEqualTo(2 * 138);
    }

    @Test
    void aCancelledMembershipTakesNoPayment() {
        long first = memberships.create(centre.id(), familiale(household));
        memberships.cancel(centre.id(), first, "erreur de saisie", 0);
        assertThat(memberships.markPaid(centre.id(), first, LocalDate.of(2023, 10, 2), "especes")).isFalse();
        assertThat(memberships.find(centre.id(), first).orElseThrow().paid()).isFalse();
    }

    @Test
    void aFileGivingAnotherReferenceTheSameHolderAndSeasonIsRefusedInFrenchNotA500() {
        importer.importCsv(centre.id(), csv("""
                membership_ref;type;household_ref;person_ref;organisation;start_date;end_date
                M1;familiale;H1;;;2023-09-01;2024-08-31
                """));
        // M1 moves to H2 while M9 takes H1: the unique index could see both at once
        CsvImportException refused = catchThrowableOfType(CsvImportException.class, () -> importer.importCsv(centre.id(), csv("""
                membership_ref;type;household_ref;person_ref;organisation;start_date;end_date
                M9;familiale;H1;;;2023-09-01;2024-08-31
                M1;familiale;H2;;;2023-09-01;2024-08-31
                """)));
        assertThat(refused.errors()).anySatisfy(e -> assertThat(e.message()).contains("une seule par saison"));
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aMembershipStartingOutsideTheCentresOwnSeasonDatesStillHasItsSeason() {
        // the centre typed its 2024-2025 season from October; a membership of 15 September is still of 2024-2025
        memberships.createSeason(centre.id(), LocalDate.of(2024, 10, 1), LocalDate.of(2025, 8, 31));
        importer.importCsv(centre.id(), csv("""
                membership_ref;type;household_ref;person_ref;organisation;start_date;end_date
                S1;individuelle;;P3;;2024-09-15;2025-08-31
                """));
        assertThat(jdbc.sql("select s.label from memberships m join seasons s on s.id = m.season_id where m.centre_id = ? and m.ref = 'S1'")
                .param(centre.id()).query(String.class).single()).isEqualTo("2024-2025");
        assertThatThrownBy(() -> importer.importCsv(centre.id(), csv("""
                membership_ref;type;household_ref;person_ref;organisation;start_date;end_date
                S2;individuelle;;P3;;2024-09-20;2025-08-31
                """))).isInstanceOf(CsvImportException.class);
    }

    private MembershipService.NewMembership familiale(long householdId) {
        return new MembershipService.NewMembership("familiale", householdId, null, null, season.startDate(),
                season.endDate(), 1500, false, null, null);
    }

    private MembershipService.NewMembership individuelle(long personId) {
        return new MembershipService.NewMembership("individuelle", null, personId, null, season.startDate(),
                season.endDate(), 800, false, null, null);
    }

    private long id(String table, String ref) {
        return jdbc.sql("select id from " + table + " where centre_id = ? and ref = ?").params(centre.id(), ref)
                .query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    private java.util.Map<String, Object> members() {
        return fr.trame.reporting.JsonTree.of(indicators.compute(centre.id(), centre.code(), LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31)).members());
    }

    private long count() {
        return jdbc.sql("select count(*) from memberships where centre_id = ?").param(centre.id()).query(Long.class).single();
    }
}
