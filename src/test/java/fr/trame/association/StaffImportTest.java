package fr.trame.association;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.SectorService;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.csv.CsvError;
import fr.trame.csv.CsvImportException;
import fr.trame.csv.ImportResult;
import fr.trame.reporting.AnnualReportService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** {@code import staff}: employees and contracts by file, and the staff figures of 2025 they feed. */
@TrameTest
class StaffImportTest {

    static final String HEADER = "employee_ref;last_name;first_name;contract_ref;kind;function;sector;weekly_hours;start_date;"
            + "end_date;in_kind;vacations;vacation_hours;diploma\n";

    /** A hand-made team; the figures of 2025 it gives are worked out in {@link #theFileFeedsTheStaffFigures}. */
    static final String TEAM = HEADER + """
            E1;Dhina;Yasmine;C1;cdi;direction;;35;2020-09-01;;;;;
            E2;Blanc;Rose;C2;cdd;animateur;jeunesse;17,5;2025-01-01;2025-06-30;;;;
            E2;Blanc;Rose;C3;cdi;animateur;Jeunesse;28;2025-07-01;;;;;
            E3;Faure;Hugo;C4;mad;accueil;;14;2024-01-01;;12 000;;;
            E4;Sow;Dina;C5;cee;animateur;Jeunesse;;2025-07-07;2025-08-29;;30;300;
            E5;Petit;Carl;C6;cee;animateur;;;17/02/2025;28/02/2025;;10;95,5;
            E5;Petit;Carl;C7;cee;animateur;;;2025-10-20;2025-10-31;;8;76;
            E6;Roux;Alice;C8;stage;accueil;;35;2025-03-03;2025-03-28;;;;BTS ESF
            E7;Moreau;Léo;C9;stage;secretariat;;35;2025-05-05;2025-05-30;;;;Bac pro
            E8;Girard;Inès;C10;stage;animateur;;35;2025-11-03;2026-01-30;;;;BTS ESF
            E9;Simon;Karim;C11;stage;accueil;;30;2024-12-01;2025-01-15;;;;3e
            E10;Lopez;Marc;C12;apprenti;animateur;;35;2024-09-01;2026-06-30;;;;BPJEPS
            E11;Nguyen;Tom;C13;stage;comptable;;35;2025-04-01;2025-04-30;;;;
            """;

    @Autowired Fixtures fixtures;
    @Autowired StaffImporter importer;
    @Autowired AssociationIndicators indicators;
    @Autowired StaffService staff;
    @Autowired SectorService sectors;
    @Autowired JdbcClient jdbc;
    @Autowired AnnualReportService reports;
    @Autowired CentreService centres;

    Centre centre;
    long jeunesse;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("staff-file");
        jeunesse = sectors.findOrCreate(centre.id(), "Jeunesse");
    }

    @Test
    void theFileFeedsTheStaffFigures() {
        ImportResult result = importer.importCsv(centre.id(), csv(TEAM));
        // 11 employees (E1…E11), 13 contracts
        assertThat(result.changes()).containsEntry("salarié(s) créé(s)", 11).containsEntry("contrat(s) créé(s)", 13);
        assertThat(jdbc.sql("select sector_id from contracts where centre_id = ? and ref = 'C2'").param(centre.id())
                .query(Long.class).single()).as("the sector found by its name, whatever its case").isEqualTo(jeunesse);
        assertThat(jdbc.sql("select in_kind_cents from contracts where centre_id = ? and ref = 'C4'").param(centre.id())
                .query(Long.class).single()).as("« 12 000 » euros").isEqualTo(1_200_000L);
        StaffService.Contract c6 = staff.contracts(centre.id(), 2025).stream().filter(c -> c.startDate().equals(LocalDate.of(2025, 2, 17)))
                .findFirst().orElseThrow();
        assertThat(c6.weeklyHours()).isNull();
        assertThat(c6.vacations()).isEqualTo(10);
        assertThat(c6.vacationHours()).isEqualByComparingTo("95.5");

        Association a = indicators.compute(centre.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        Association.Staff s = a.staff();
        // running on 31/12/2025: C1 cdi 35 h, C3 cdi 28 h, C4 mad 14 h, C10 stage 35 h (to 30/01/2026), C12 apprenti 35 h;
        // C2 ended 30/06, the CEE and the other stages ended too
        assertThat(s.employees()).isEqualTo(5); // E1, E2, E3, E8, E10
        assertThat(s.etp()).isEqualByComparingTo("4.20"); // (35 + 28 + 14 + 35 + 35) / 35 = 147 / 35
        assertThat(s.byContract()).containsEntry("cdi", 2L).containsEntry("mad", 1L).containsEntry("stage", 1L)
                .containsEntry("apprenti", 1L).containsEntry("cee", 0L).containsEntry("cdd", 0L);
        assertThat(s.byFunction()).containsEntry("direction", 1L).containsEntry("animateur", 3L).containsEntry("accueil", 1L);
        // weekly hours × days run in 2025 / 365, CEE left out (no weekly hours):
        // whole year C1 35 + C4 14 + C12 35 = 84; C2 17,5 × 181 (01/01–30/06) = 3 167,5; C3 28 × 184 (01/07–31/12) = 5 152;
        // C8 35 × 26 (03/03–28/03) = 910; C9 35 × 26 (05/05–30/05) = 910; C10 35 × 59 (03/11–31/12) = 2 065;
        // C11 30 × 15 (01/01–15/01) = 450; C13 35 × 30 (01/04–30/04) = 1 050 → 13 704,5 / 365 = 37,5466
        // (84 + 37,5466) / 35 = 3,4728 → 3,47
        assertThat(s.etpAverage()).isEqualByComparingTo("3.47");
        // CEE started in 2025: C5 (E4), C6 and C7 (E5) → 2 persons, 3 contracts, 30 + 10 + 8 = 48 vacations,
        // 300 + 95,5 + 76 = 471,5 hours
        assertThat(s.vacataires()).isEqualTo(new Association.Vacataires(2, 3, 48, new BigDecimal("471.50")));
        // stages started in 2025: C8 BTS ESF, C9 Bac pro, C10 BTS ESF, C13 no diploma; C11 started in 2024
        assertThat(s.interns().persons()).isEqualTo(4);
        assertThat(s.interns().byDiploma()).containsExactly(entry("BTS ESF", 2L), entry("Bac pro", 1L), entry("inconnu", 1L));
        // the MAD's yearly value, running the whole year
        assertThat(a.funding().inKind().mad()).isEqualByComparingTo("12000.00");
        // by contract on 31/12: cdi 63 / 35 = 1,80; mad 14 / 35 = 0,40; stage and apprenti 35 / 35 = 1,00 each
        assertThat(indicators.etpByContract(centre.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)))
                .containsEntry("cdi", new BigDecimal("1.80")).containsEntry("mad", new BigDecimal("0.40"))
                .containsEntry("stage", new BigDecimal("1.00")).containsEntry("apprenti", new BigDecimal("1.00"))
                .containsEntry("cee", new BigDecimal("0.00"));
        // in 2024 only C11's stage started (diploma 3e); no CEE
        Association.Staff s2024 = indicators.compute(centre.id(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).staff();
        assertThat(s2024.interns().byDiploma()).containsExactly(entry("3e", 1L));
        assertThat(s2024.vacataires().persons()).isZero();
    }

    @Test
    void theReportsHumanResourcesChapterShowsVacatairesAndTrainees() {
        importer.importCsv(centre.id(), csv(TEAM));
        AnnualReportService.Chapter hr = reports.build(centres.findById(centre.id()).orElseThrow(), 2025).chapters().stream()
                .filter(c -> c.key().equals("ressources-humaines")).findFirst().orElseThrow();
        AnnualReportService.Table vacataires = table(hr, "Vacataires (contrats d'engagement éducatif)");
        assertThat(vacataires.header()).containsExactly("", "2025", "2024");
        // 2025 as above; 2024 had no CEE
        assertThat(vacataires.rows()).containsExactly(List.of("Vacataires", 2L, 0L), List.of("Contrats", 3L, 0L),
                List.of("Vacations", 48L, 0L), List.of("Heures de travail", new BigDecimal("471.50"), new BigDecimal("0.00")));
        assertThat(table(hr, "Stagiaires accueillis en 2025, par diplôme préparé").rows()).containsExactly(
                List.of("BTS ESF", 2L), List.of("Bac pro", 1L), List.of("Diplôme non précisé", 1L), List.of("Stagiaires accueillis", 4L));
        // a year without vacataires nor trainees prints neither table (2027: the CEE of 2025 are two years back)
        AnnualReportService.Chapter hr2027 = reports.build(centres.findById(centre.id()).orElseThrow(), 2027).chapters().stream()
                .filter(c -> c.key().equals("ressources-humaines")).findFirst().orElseThrow();
        assertThat(hr2027.tables()).extracting(AnnualReportService.Table::title)
                .noneMatch(t -> t.startsWith("Vacataires") || t.startsWith("Stagiaires"));
    }

    private static AnnualReportService.Table table(AnnualReportService.Chapter chapter, String title) {
        return chapter.tables().stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow(() -> new AssertionError(
                title + " absent de " + chapter.tables().stream().map(AnnualReportService.Table::title).toList()));
    }

    @Test
    void reimportingChangesNothingAndAChangedLineUpdatesItsContract() {
        importer.importCsv(centre.id(), csv(TEAM));
        String before = snapshot();
        ImportResult again = importer.importCsv(centre.id(), csv(TEAM));
        assertThat(again.changedNothing()).isTrue();
        assertThat(again.summary()).contains("aucun changement");
        assertThat(snapshot()).isEqualTo(before);

        ImportResult changed = importer.importCsv(centre.id(), csv(HEADER + """
                E2;Blanc;Rose;C3;cdi;animateur;Jeunesse;30;2025-07-01;;;;;
                E1;Dhina-Roux;Yasmine;C1;cdi;direction;;35;2020-09-01;;;;;
                """));
        assertThat(changed.changes()).containsEntry("contrat(s) mis à jour", 1).containsEntry("contrat(s) créé(s)", 0)
                .containsEntry("salarié(s) mis à jour", 1).containsEntry("salarié(s) créé(s)", 0);
        // 147 + 2 h = 149 / 35 = 4,257 → 4,26
        assertThat(indicators.compute(centre.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).staff().etp())
                .isEqualByComparingTo("4.26");
    }

    @Test
    void aBadFileIsRefusedWithLineAndColumnAndWritesNothing() {
        importer.importCsv(centre.id(), csv(TEAM));
        String before = snapshot();
        String bad = HEADER + """
                E20;Aa;Bb;X1;cdx;animateur;;35;2025-01-01;;;;;
                E21;Aa;Bb;X2;cdi;jardinier;;35;2025-01-01;;;;;
                E22;Aa;Bb;X3;cdd;animateur;;35;2025-05-01;2025-04-30;;;;
                E23;Aa;Bb;X4;mad;accueil;;35;2025-01-01;;12,345;;;
                E24;Aa;Bb;X5;cdi;accueil;Cuisine;;2025-01-01;;;3;;
                E25;Aa;Bb;X6;cdi;accueil;;35;2025-01-01;;;;;BPJEPS\0
                E26;Aa;Bb;C1;cdi;accueil;;35;2025-01-01;;;;;
                E20;Zz;Bb;X7;cdi;accueil;;35;2025-01-01;;;;;
                E27;Aa;Bb;X7;cdi;accueil;;49;2025-31-01;;;;;
                """;
        assertThatThrownBy(() -> importer.importCsv(centre.id(), csv(bad))).isInstanceOfSatisfying(CsvImportException.class,
                e -> assertThat(e.errors().stream().map(CsvError::toString).toList()).containsExactly(
                        "ligne 2, colonne 5 (kind) : type de contrat « cdx » inconnu (attendu : " + String.join(", ",
                                StaffService.CONTRACTS) + ")",
                        "ligne 3, colonne 6 (function) : fonction « jardinier » inconnue (attendu : " + String.join(", ",
                                StaffService.FUNCTIONS) + ")",
                        "ligne 4, colonne 10 (end_date) : la fin (30/04/2025) précède le début (01/05/2025)",
                        "ligne 5, colonne 11 (in_kind) : montant invalide « 12,345 » (exemples : 12345,67, 12 345,67 ou"
                                + " 12345.67 ; euros, sans signe)",
                        "ligne 6, colonne 7 (sector) : secteur « Cuisine » inconnu dans ce centre (créez-le ou importez"
                                + " d'abord activities.csv)",
                        "ligne 6, colonne 8 (weekly_hours) : valeur obligatoire manquante (seul un contrat cee peut s'en passer)",
                        "ligne 6, colonne 12 (vacations) : les vacations ne concernent que les contrats d'engagement éducatif"
                                + " (kind cee)",
                        "ligne 7, colonne 14 (diploma) : contient un caractère NUL (octet zéro), qui n'a pas sa place dans un"
                                + " fichier texte",
                        "ligne 8, colonne 4 (contract_ref) : le contrat « C1 » est déjà celui d'un autre salarié (« E1 ») :"
                                + " un contrat ne change pas de salarié",
                        "ligne 9, colonne 2 (last_name) : le salarié « E20 » s'appelle « Bb Aa » ligne 2 : un salarié a le"
                                + " même nom sur toutes ses lignes",
                        "ligne 10, colonne 4 (contract_ref) : le contrat « X7 » figure déjà ligne 9 : une ligne par contrat",
                        "ligne 10, colonne 8 (weekly_hours) : « 49 » n'est pas un nombre supérieur à 0 à 48 (deux décimales"
                                + " au plus, exemple : 17,5)",
                        "ligne 10, colonne 9 (start_date) : date invalide « 2025-31-01 » (attendu AAAA-MM-JJ ou JJ/MM/AAAA)"));
        assertThat(snapshot()).isEqualTo(before);

        // a required column missing: the header is refused, nothing read
        assertThatThrownBy(() -> importer.importCsv(centre.id(), csv("""
                employee_ref;last_name;contract_ref;kind;function;weekly_hours;start_date
                E30;Aa;X30;cdi;accueil;35;2025-01-01
                """))).isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.errors()).extracting(CsvError::toString)
                .containsExactly("ligne 1 : colonne obligatoire manquante : « first_name »"));
        assertThat(snapshot()).isEqualTo(before);
    }

    /** Every employee and contract of the centre, to compare before and after. */
    private String snapshot() {
        return jdbc.sql("""
                select count(*) || ':' || coalesce(string_agg(e.ref || e.last_name || e.first_name || c.ref || c.kind || c.function
                       || coalesce(c.weekly_hours::text, '-') || c.start_date || coalesce(c.end_date::text, '-')
                       || coalesce(c.vacations::text, '-') || coalesce(c.diploma, '-'), '|' order by c.ref), '')
                from contracts c join employees e on e.centre_id = c.centre_id and e.id = c.employee_id where c.centre_id = ?""")
                .param(centre.id()).query(String.class).single();
    }
}
