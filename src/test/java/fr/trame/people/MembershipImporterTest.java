package fr.trame.people;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.csv.CsvError;
import fr.trame.csv.CsvImportException;
import fr.trame.csv.ImportResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@TrameTest
class MembershipImporterTest {

    @Autowired PeopleImporter people;
    @Autowired MembershipImporter importer;
    @Autowired MembershipService memberships;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    Centre centre;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("adh");
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;role
                H1;P1;Roux;Anne;responsable
                H1;P2;Roux;Louis;enfant
                H1;P3;Roux;Jade;enfant
                H2;P4;Giraud;Paul;responsable
                """));
    }

    @Test
    void importsEachTypeAndCountsPersonsCoveredByTheSeason() {
        ImportResult result = importer.importCsv(centre.id(), csv("""
                membership_ref;type;household_ref;person_ref;organisation;start_date;end_date;amount
                A1;familiale;H1;;;2023-09-01;2024-08-31;15
                A2;individuelle;;P4;;01/09/2023;31/08/2024;8,50
                A3;associative;;;Club de scrabble;2023-09-01;2024-08-31;50.00
                """));
        assertThat(result.changes()).containsEntry("adhésion(s) créée(s)", 3);
        MembershipService.Season season = memberships.createSeason(centre.id(), LocalDate.of(2023, 9, 1), LocalDate.of(2024, 8, 31));
        // a season without memberships still has its total line, at zero
        MembershipService.Season empty = memberships.createSeason(centre.id(), LocalDate.of(2021, 9, 1), LocalDate.of(2022, 8, 31));
        assertThat(memberships.totals(centre.id(), empty)).containsExactly(new MembershipService.TypeTotal("total", 0, 0, 0, 0));
        List<MembershipService.TypeTotal> totals = memberships.totals(centre.id(), season);
        assertThat(totals).containsExactly(
                new MembershipService.TypeTotal("associative", 1, 0, 5000, 0),
                new MembershipService.TypeTotal("familiale", 1, 3, 1500, 0),
                new MembershipService.TypeTotal("individuelle", 1, 1, 850, 0),
                new MembershipService.TypeTotal("total", 3, 4, 7350, 0));

        ImportResult again = importer.importCsv(centre.id(), csv("""
                membership_ref;type;household_ref;person_ref;organisation;start_date;end_date;amount
                A1;familiale;H1;;;2023-09-01;2024-08-31;15
                """));
        assertThat(again.changedNothing()).isTrue();
    }

    @Test
    void unknownReferencesAndMissingHoldersAreRefusedWithNothingWritten() {
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> importer.importCsv(centre.id(), csv("""
                membership_ref;type;household_ref;person_ref;organisation;start_date;end_date;amount
                A1;familiale;H1;;;2023-09-01;2024-08-31;15
                A2;familiale;H9;;;2023-09-01;2024-08-31;15
                A3;individuelle;;;;2023-09-01;2022-08-31;douze
                A4;annuelle;H1;;;2023-09-01;2024-08-31;
                """)));
        assertThat(e.errors()).extracting(CsvError::toString).containsExactly(
                "ligne 3, colonne 3 (household_ref) : foyer « H9 » inconnu(e) dans ce centre (importez d'abord people.csv)",
                "ligne 4, colonne 4 (person_ref) : une adhésion individuelle doit indiquer la personne (person_ref)",
                "ligne 4, colonne 7 (end_date) : la fin (2022-08-31) précède le début (2023-09-01)",
                "ligne 4, colonne 8 (amount) : montant invalide « douze » (exemples : 12 ou 12,50)",
                "ligne 5, colonne 2 (type) : type « annuelle » inconnu (attendu : familiale, individuelle ou associative)");
        CsvImportException unknown = catchThrowableOfType(CsvImportException.class, () -> importer.importCsv(centre.id(), csv("""
                membership_ref;type;household_ref;person_ref;organisation;start_date;end_date
                A1;familiale;H1;;;2023-09-01;2024-08-31
                A2;familiale;H9;;;2023-09-01;2024-08-31
                """)));
        assertThat(unknown.errors()).extracting(CsvError::toString).containsExactly(
                "ligne 3, colonne 3 (household_ref) : foyer « H9 » inconnu(e) dans ce centre (importez d'abord people.csv)");
        assertThat(jdbc.sql("select count(*) from memberships where centre_id = ?").param(centre.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void renewingCreatesNextSeasonOnceUnpaid() {
        importer.importCsv(centre.id(), csv("""
                membership_ref;type;household_ref;start_date;end_date;amount
                A1;familiale;H1;2023-09-01;2024-08-31;15
                """));
        long id = jdbc.sql("select id from memberships where centre_id = ? and ref = 'A1'").param(centre.id()).query(Long.class).single();
        long renewed = memberships.renew(centre.id(), id);
        assertThat(memberships.renew(centre.id(), id)).isEqualTo(renewed);
        MembershipService.Membership m = memberships.find(centre.id(), renewed).orElseThrow();
        assertThat(m.startDate()).isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(m.endDate()).isEqualTo(LocalDate.of(2025, 8, 31));
        assertThat(m.amountCents()).isEqualTo(1500);
        assertThat(m.paid()).isFalse();
        assertThat(m.householdId()).isEqualTo(memberships.find(centre.id(), id).orElseThrow().householdId());
    }
}
