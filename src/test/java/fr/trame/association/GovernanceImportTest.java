package fr.trame.association;

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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * governance.csv and meetings.csv on a hand-made centre: the rows written, the board and meeting figures of 2025 they
 * feed (worked out in comments), a re-import that changes nothing, and bad files refused at their line and column with
 * nothing written.
 */
@TrameTest
class GovernanceImportTest {

    static final String GOVERNANCE = """
            body;body_kind;person_ref;name;role;college;start_date;end_date;lives_in_territory;qpv
            Conseil d'administration;;ALICE;;president;habitant;2024-06-01;;oui;oui
            Conseil d'administration;;CARL;;tresorier;partenaire;01/01/2023;30/06/2025;non;non
            Conseil d'administration;ca;;=Maire Hélène;membre;institution;2025-03-01;;;
            conseil d'administration;;DINA;;;;2025-09-01;;oui;non
            Bureau;;ALICE;;president;habitant;2024-06-01;;oui;oui
            Commission jeunesse;commission;BOB;;membre;habitant;2025-01-15;;oui;
            """;

    static final String MEETINGS = """
            body;date;agenda;decisions;quorum;present
            Conseil d'administration;2025-02-10;Budget;Budget voté;2;ALICE,CARL
            Conseil d'administration;05/11/2025;=SOMME(B2:B9);;2;ALICE, =maire hélène
            Bureau;2025-03-01;;;;ALICE
            Assemblée générale;2025-06-20;Rapport d'activité;;;
            Commission jeunesse;2024-12-01;;;;
            """;

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired GovernanceImporter governanceImport;
    @Autowired MeetingImporter meetingImport;
    @Autowired GovernanceService governance;
    @Autowired AssociationIndicators indicators;
    @Autowired JdbcClient jdbc;

    Centre centre;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("gov-import");
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name
                H1;ALICE;Roux;Alice
                H1;BOB;Roux;Bob
                H2;CARL;Petit;Carl
                H3;DINA;Sow;Dina
                """));
    }

    @Test
    void aGovernanceFileWritesTheBodiesAndMandatesAndFeedsTheBoard() {
        ImportResult first = governanceImport.importCsv(centre.id(), csv(GOVERNANCE));
        // the AG, the CA and the Bureau exist under their usual names; the file adds the commission
        assertThat(first.changes()).containsEntry("instance(s) créée(s)", 1).containsEntry("mandat(s) créé(s)", 6);
        assertThat(jdbc.sql("select kind || ':' || name from bodies where centre_id = ? order by id").param(centre.id())
                .query(String.class).list()).containsExactly("ag:Assemblée générale", "ca:Conseil d'administration",
                "bureau:Bureau", "commission:Commission jeunesse");
        // DINA's empty role and college take the defaults; the outsider's name that looks like a formula is a name
        assertThat(mandates()).containsExactly(
                "Bureau|ALICE|president|habitant|2024-06-01|null|true|true",
                "Commission jeunesse|BOB|membre|habitant|2025-01-15|null|true|null",
                "Conseil d'administration|=Maire Hélène|membre|institution|2025-03-01|null|null|null",
                "Conseil d'administration|ALICE|president|habitant|2024-06-01|null|true|true",
                "Conseil d'administration|CARL|tresorier|partenaire|2023-01-01|2025-06-30|false|false",
                "Conseil d'administration|DINA|membre|habitant|2025-09-01|null|true|false");

        // the board on 31/12/2025: the CA's running mandates, Alice, Mme Maire and Dina (Carl's ended on 30/06)
        Association.Governance board = year2025();
        assertThat(board.boardMembers()).isEqualTo(3);
        assertThat(board.boardByCollege()).containsExactly(Map.entry("habitant", 2L), Map.entry("partenaire", 0L),
                Map.entry("institution", 1L)); // Alice, Dina; Mme Maire
        assertThat(board.boardByRole()).containsEntry("president", 1L).containsEntry("membre", 2L)
                .containsEntry("tresorier", 0L);
        assertThat(board.boardLivingInTerritory()).containsExactly(Map.entry("oui", 2L), Map.entry("non", 0L),
                Map.entry("inconnu", 1L));
        assertThat(board.boardInQpv()).containsExactly(Map.entry("oui", 1L), Map.entry("non", 1L), Map.entry("inconnu", 1L));

        List<String> before = mandates();
        assertThat(governanceImport.importCsv(centre.id(), csv(GOVERNANCE)).changedNothing()).isTrue();
        assertThat(mandates()).isEqualTo(before);

        // Dina becomes secretary: her line updates her mandate, no new one
        ImportResult changed = governanceImport.importCsv(centre.id(), csv(GOVERNANCE.replace(
                "DINA;;;;2025-09-01", "DINA;;secretaire;;2025-09-01")));
        assertThat(changed.changes()).containsEntry("mandat(s) mis à jour", 1).containsEntry("mandat(s) créé(s)", 0);
        assertThat(year2025().boardByRole()).containsEntry("secretaire", 1L).containsEntry("membre", 1L);
        assertThat(mandates()).hasSize(6);
    }

    @Test
    void aMeetingsFileRecordsWhoWasPresentAndFeedsTheMeetingCounts() {
        governanceImport.importCsv(centre.id(), csv(GOVERNANCE));
        ImportResult first = meetingImport.importCsv(centre.id(), csv(MEETINGS));
        // seats: CA 10/02 Alice, Carl (Mme Maire from 01/03, Dina from 01/09) = 2; CA 05/11 Alice, Mme Maire, Dina = 3;
        // Bureau 01/03 Alice = 1; the AG and the commission have no presence given: 2 + 3 + 1 = 6 rows
        assertThat(first.changes()).containsEntry("réunion(s) créée(s)", 5)
                .containsEntry("présence(s) ou absence(s) enregistrée(s)", 6);
        assertThat(meetings()).containsExactly(
                "Commission jeunesse|2024-12-01|null|null|null|",
                "Conseil d'administration|2025-02-10|Budget|Budget voté|2|ALICE+,CARL+",
                "Bureau|2025-03-01|null|null|null|ALICE+",
                "Assemblée générale|2025-06-20|Rapport d'activité|null|null|",
                "Conseil d'administration|2025-11-05|=SOMME(B2:B9)|null|2|=Maire Hélène+,ALICE+,DINA-");
        // meetings of 2025 by kind of body: CA 2, Bureau 1, AG 1; the commission's is in 2024
        assertThat(year2025().meetings()).containsExactly(Map.entry("ag", 1L), Map.entry("ca", 2L), Map.entry("bureau", 1L),
                Map.entry("commission", 0L));
        GovernanceService.Meeting november = governance.meetings(centre.id(), 2025).get(0);
        assertThat(november.date()).isEqualTo(LocalDate.of(2025, 11, 5));
        assertThat(november.present()).isEqualTo(2);  // Alice and Mme Maire
        assertThat(november.expected()).isEqualTo(3); // and Dina, absent
        assertThat(november.quorumReached()).isTrue(); // 2 >= 2

        List<String> before = meetings();
        assertThat(meetingImport.importCsv(centre.id(), csv(MEETINGS)).changedNothing()).isTrue();
        assertThat(meetings()).isEqualTo(before);

        // Dina came after all: one seat changes, the meeting itself does not
        ImportResult changed = meetingImport.importCsv(centre.id(), csv(MEETINGS.replace("ALICE, =maire hélène", "ALICE,DINA,=Maire Hélène")));
        assertThat(changed.changes()).containsEntry("présence(s) ou absence(s) enregistrée(s)", 1)
                .containsEntry("réunion(s) créée(s)", 0).containsEntry("réunion(s) mise(s) à jour", 0);
        assertThat(governance.meetings(centre.id(), 2025).get(0).present()).isEqualTo(3);
    }

    @Test
    void aBadGovernanceFileIsRefusedAtEachLineAndColumnAndWritesNothing() {
        governanceImport.importCsv(centre.id(), csv(GOVERNANCE));
        long mandates = count("mandates");
        long bodies = count("bodies");
        assertThat(errors(() -> governanceImport.importCsv(centre.id(), csv("""
                body;body_kind;person_ref;name;role;college;start_date;end_date;lives_in_territory;qpv
                Bureau;;BOB;;membre;habitant;2025-01-01;;;
                Conseil d'administration;;NOBODY;;membre;habitant;2025-01-01;;;
                Conseil d'administration;;BOB;;chef;habitant;2025-01-01;;;
                Conseil d'administration;;CARL;;membre;habitant;31/02/2025;;;
                Nouvelle commission;;BOB;;membre;habitant;2025-01-01;;;
                Conseil d'administration;;DINA;;membre;habitant;2025-01-01;2024-01-01;peut-être;
                Bureau;ca;;;membre;habitant;2025-01-01;;;
                """))))
                .containsExactly(
                        "ligne 3, colonne 3 (person_ref) : personne « NOBODY » inconnu(e) dans ce centre (importez d'abord people.csv)",
                        "ligne 4, colonne 5 (role) : valeur « chef » inconnue (attendu : membre, president, secretaire, tresorier,"
                                + " vice_president)",
                        "ligne 5, colonne 7 (start_date) : date invalide « 31/02/2025 » (attendu AAAA-MM-JJ ou JJ/MM/AAAA)",
                        "ligne 6, colonne 1 (body) : instance « Nouvelle commission » inconnue dans ce centre : indiquez son type"
                                + " dans body_kind (ag, ca, bureau, commission) pour la créer",
                        "ligne 7, colonne 8 (end_date) : la date de fin précède la date de début",
                        "ligne 7, colonne 9 (lives_in_territory) : valeur « peut-être » inconnue (attendu : non, oui)",
                        "ligne 8, colonne 2 (body_kind) : l'instance « Bureau » existe déjà, de type « bureau »",
                        "ligne 8, colonne 3 (person_ref) : indiquez person_ref (une personne du registre) ou name (une personne"
                                + " extérieure)");
        assertThat(errors(() -> governanceImport.importCsv(centre.id(), csv("""
                body;person_ref;role
                Bureau;BOB;membre
                """)))).containsExactly("ligne 1 : colonne obligatoire manquante : « start_date »");
        // the valid line 2 (Bob on the Bureau) was not written either
        assertThat(count("mandates")).isEqualTo(mandates);
        assertThat(count("bodies")).isEqualTo(bodies);
    }

    @Test
    void aBadMeetingsFileIsRefusedAtEachLineAndColumnAndWritesNothing() {
        governanceImport.importCsv(centre.id(), csv(GOVERNANCE));
        meetingImport.importCsv(centre.id(), csv(MEETINGS));
        long meetings = count("meetings");
        List<String> before = meetings();
        assertThat(errors(() -> meetingImport.importCsv(centre.id(), csv("""
                body;date;agenda;decisions;quorum;present
                Bureau;2025-04-01;Nouveau;;;ALICE
                Conseil d'administration;2025-02-10;;;=1+1;ALICE
                Conseil d'administration;2025-02-30;;;;
                Conseil d'administration;2025-02-10;;;;BOB,=Maire Hélène
                Comité;2025-05-01;;;;
                """))))
                .containsExactly(
                        "ligne 3, colonne 5 (quorum) : « =1+1 » n'est pas un nombre entier supérieur ou égal à 0",
                        "ligne 4, colonne 2 (date) : date invalide « 2025-02-30 » (attendu AAAA-MM-JJ ou JJ/MM/AAAA)",
                        "ligne 5, colonne 2 (date) : cette réunion (même instance, même date) figure déjà ligne 3",
                        "ligne 5, colonne 6 (present) : « =Maire Hélène » n'a pas de mandat de l'instance « Conseil"
                                + " d'administration » le 10/02/2025 (seuls ses membres ce jour-là, par leur person_ref ou le nom"
                                + " d'une personne extérieure, peuvent y être présents)",
                        "ligne 5, colonne 6 (present) : « BOB » n'a pas de mandat de l'instance « Conseil d'administration » le"
                                + " 10/02/2025 (seuls ses membres ce jour-là, par leur person_ref ou le nom d'une personne"
                                + " extérieure, peuvent y être présents)",
                        "ligne 6, colonne 1 (body) : instance « Comité » inconnu(e) dans ce centre (importez d'abord governance.csv)");
        assertThat(errors(() -> meetingImport.importCsv(centre.id(), csv("body;agenda\nBureau;x\n"))))
                .containsExactly("ligne 1 : colonne obligatoire manquante : « date »");
        assertThat(count("meetings")).isEqualTo(meetings);
        assertThat(meetings()).isEqualTo(before);
    }

    private Association.Governance year2025() {
        return indicators.compute(centre.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).governance();
    }

    static List<String> errors(Runnable run) {
        CsvImportException e = catchThrowableOfType(CsvImportException.class, run::run);
        assertThat(e).as("the file is refused").isNotNull();
        return e.errors().stream().map(CsvError::toString).toList();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where centre_id = ?").param(centre.id()).query(Long.class).single();
    }

    private List<String> mandates() {
        return jdbc.sql("""
                select concat_ws('|', b.name, coalesce(p.ref, m.outsider_name), m.role, m.college, m.start_date,
                       coalesce(m.end_date::text, 'null'), coalesce(m.lives_in_territory::text, 'null'), coalesce(m.qpv::text, 'null'))
                from mandates m join bodies b on b.centre_id = m.centre_id and b.id = m.body_id
                left join persons p on p.centre_id = m.centre_id and p.id = m.person_id
                where m.centre_id = ?""").param(centre.id()).query(String.class).list().stream().sorted().toList(); // code point order
    }

    /** Each meeting with its seats, {@code +} present, {@code -} absent. */
    private List<String> meetings() {
        return jdbc.sql("""
                select concat_ws('|', b.name, mt.date, coalesce(mt.agenda, 'null'), coalesce(mt.decisions, 'null'),
                       coalesce(mt.quorum::text, 'null'),
                       coalesce((select string_agg(coalesce(p.ref, m.outsider_name) || case when a.present then '+' else '-' end,
                                                   ',' order by coalesce(p.ref, m.outsider_name) collate "C")
                                 from meeting_attendance a join mandates m on m.centre_id = a.centre_id and m.id = a.mandate_id
                                 left join persons p on p.centre_id = m.centre_id and p.id = m.person_id
                                 where a.centre_id = mt.centre_id and a.meeting_id = mt.id), ''))
                from meetings mt join bodies b on b.centre_id = mt.centre_id and b.id = mt.body_id
                where mt.centre_id = ? order by mt.date, mt.id""").param(centre.id()).query(String.class).list();
    }
}
