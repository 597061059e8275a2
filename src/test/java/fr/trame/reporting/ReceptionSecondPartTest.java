package fr.trame.reporting;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.activities.EnrolmentService;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreScope;
import fr.trame.centre.CentreScopeResolver;
import fr.trame.centre.Role;
import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import fr.trame.people.PeopleImporter;
import fr.trame.reception.CaseOutcomeService;
import fr.trame.reception.CaseService;
import fr.trame.reception.ReceptionImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.Map;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * interchange.md "Indicators, second part", reception: the persons of reception.persons by sex, age band on their
 * first contact of the period, quartier and QPV of their household; the case files opened, closed, active and closed by
 * outcome; and the participants' outcomes of an insertion workshop. Period: the year 2025. Worked out by hand below.
 */
@TrameTest
class ReceptionSecondPartTest {

    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 12, 31);

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ReceptionImporter reception;
    @Autowired ActivityImporter activities;
    @Autowired EnrolmentService enrolments;
    @Autowired CaseService cases;
    @Autowired CaseOutcomeService outcomes;
    @Autowired CentreScopeResolver scopes;
    @Autowired IndicatorService indicators;
    @Autowired JdbcClient jdbc;
    @Autowired AnnualReportService reports;

    Centre centre;
    CentreScope direction;
    CentreScope accueil;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("reception-second");
        direction = scopes.resolve(centre.code(), fixtures.user(centre, Role.DIRECTION));
        accueil = scopes.resolve(centre.code(), fixtures.user(centre, Role.ACCUEIL));
        // H1 Centre, QPV oui; H2 Gare, QPV non; H3 nothing known; H4 Gare, QPV not given (the quartier's unknown too)
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date;role;quartier;qpv
                H1;ANNE;Roux;Anne;F;1980-06-15;responsable;Centre;oui
                H1;LEA;Roux;Léa;F;2016-02-01;enfant;Centre;oui
                H2;TOM;Petit;Tom;M;1990-01-01;responsable;Gare;non
                H3;SAM;Blanc;Sam;;;responsable;;
                H4;BOB;Noir;Bob;M;2007-03-10;responsable;Gare;
                """));
        // ANNE: 2024 contact (before) then 2025-02-01 (first, 44 years old: 26-59); BOB first on 2025-03-01, 17 years
        // old (12-17) although 18 on his second; TOM 35 (26-59); SAM no birth date (inconnu); an anonymous contact
        // (no person); LEA only in 2026 (after): not counted
        reception.importCsv(centre.id(), csv("""
                date;person_ref;channel;theme;status
                2024-12-20;ANNE;accueil;caf;
                2025-02-01;ANNE;accueil;caf;
                2025-05-01;ANNE;telephone;logement;
                2025-03-01;BOB;accueil;emploi;
                2025-04-01;BOB;accueil;emploi;
                2025-06-01;TOM;rdv;emploi;honore
                2025-07-01;SAM;accueil;autre;
                2025-08-01;;accueil;caf;
                2026-01-05;LEA;accueil;sante;
                """));
    }

    @Test
    void receptionPersonsByTheirProfile() {
        Reception r = indicators.compute(centre.id(), centre.code(), FROM, TO).reception();
        // ANNE, BOB, TOM, SAM
        assertThat(r.persons()).isEqualTo(4);
        // F: ANNE; M: BOB, TOM; inconnu: SAM
        assertThat(r.bySex()).containsExactly(entry("F", 1L), entry("M", 2L), entry("inconnu", 1L));
        // 12-17: BOB (17 on 2025-03-01, his first contact; 18 on his second); 26-59: ANNE (44), TOM (35); inconnu: SAM
        assertThat(r.byAgeBand()).containsEntry("12-17", 1L).containsEntry("26-59", 2L).containsEntry("inconnu", 1L)
                .containsEntry("18-25", 0L).containsEntry("0-2", 0L);
        assertThat(r.byAgeBand().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
        // Centre: ANNE; Gare: TOM, BOB; inconnu: SAM
        assertThat(r.byQuartier()).containsExactly(entry("Centre", 1L), entry("Gare", 2L), entry("inconnu", 1L));
        // oui: ANNE (H1); non: TOM (H2); inconnu: BOB (H4, nor his quartier), SAM (H3)
        assertThat(r.qpv()).containsExactly(entry("oui", 1L), entry("non", 1L), entry("inconnu", 2L));
    }

    @Test
    void caseFilesOpenedClosedActiveAndByOutcome() {
        CaseOutcomeService.CaseOutcome studies = outcomes.add(centre.id(), "Retour aux études");
        assertThat(studies.code()).isEqualTo("retour_aux_etudes");
        // C1 opened last year, closed this year (emploi): active and closed, not opened
        file("ANNE", "2024-10-01", "2025-03-15", "emploi");
        // C2 opened this year, still open: opened, active (its referent is the accueil user)
        long c2 = cases.open(direction, person("TOM"), null, accueil.userId(), "Recherche d'emploi", LocalDate.of(2025, 2, 1));
        // C3 opened and closed this year (logement): opened, closed, active
        file("SAM", "2025-04-01", "2025-09-30", "logement");
        // C4 closed on the day before the period: nothing
        file("BOB", "2024-01-01", "2024-12-31", "abandon");
        // C5 opened on the period's last day, closed next year: opened, active, not closed
        file("LEA", "2025-12-31", "2026-01-10", "formation");
        // C6 opened in 2023, still open: active only
        file("ANNE", "2023-05-01", null, null);
        // C7 opened and closed on one day (emploi): opened, closed, active
        file("TOM", "2025-06-01", "2025-06-01", "emploi");
        // C8 closed with the centre's own outcome: opened, closed, active
        file("SAM", "2025-01-10", "2025-02-10", "retour_aux_etudes");

        Reception.Cases c = indicators.compute(centre.id(), centre.code(), FROM, TO).reception().cases();
        // opened: C2, C3, C5, C7, C8
        assertThat(c.opened()).isEqualTo(5);
        // closed: C1, C3, C7, C8
        assertThat(c.closed()).isEqualTo(4);
        // active: C1, C2, C3, C5, C6, C7, C8 (not C4)
        assertThat(c.active()).isEqualTo(7);
        // closed in 2025 by outcome, in the order of the centre's list: emploi C1 C7, logement C3, retour C8
        assertThat(c.byOutcome()).containsExactly(entry("emploi", 2L), entry("logement", 1L), entry("retour_aux_etudes", 1L));

        // the list behind "opened": direction opens all five; the accueil user only C2 (referent), the others counted
        CaseService.CountedFiles all = cases.countedIn(direction, FROM, TO, CaseService.PeriodFigure.OPENED, null);
        assertThat(all.readable()).hasSize(5);
        assertThat(all.hidden()).isZero();
        CaseService.CountedFiles mine = cases.countedIn(accueil, FROM, TO, CaseService.PeriodFigure.OPENED, null);
        assertThat(mine.readable()).extracting(CaseService.Counted::id).containsExactly(c2);
        assertThat(mine.hidden()).isEqualTo(4);
        // closed with emploi: C1 (Anne), C7 (Tom), outcome shown by its label
        assertThat(cases.countedIn(direction, FROM, TO, CaseService.PeriodFigure.CLOSED, "emploi").readable())
                .extracting(CaseService.Counted::holder, CaseService.Counted::outcome)
                .containsExactly(tuple("Anne Roux", "Emploi"),
                        tuple("Tom Petit", "Emploi"));
    }

    @Test
    void closingRefusesAnOutcomeOutsideTheListOrArchived() {
        long id = cases.open(direction, person("ANNE"), null, direction.userId(), "Dossier CAF", LocalDate.of(2025, 1, 5));
        assertThatThrownBy(() -> cases.close(direction, id, LocalDate.of(2025, 2, 1), "trouve un emploi"))
                .isInstanceOf(Refused.class).hasMessage("Choisissez l'issue de l'accompagnement dans la liste du centre.");
        CaseOutcomeService.CaseOutcome abandon = outcomes.choosable(centre.id(), "abandon").orElseThrow();
        outcomes.archive(centre.id(), abandon.id(), true);
        assertThatThrownBy(() -> cases.close(direction, id, LocalDate.of(2025, 2, 1), "abandon")).isInstanceOf(Refused.class);
        assertThat(jdbc.sql("select closed_on is null from cases where centre_id = ? and id = ?").params(centre.id(), id)
                .query(Boolean.class).single()).isTrue();
        cases.close(direction, id, LocalDate.of(2025, 2, 1), "droits_ouverts");
        assertThat(cases.read(direction, id).outcome()).isEqualTo("Droits ouverts");
        assertThat(cases.read(direction, id).outcomeCode()).isEqualTo("droits_ouverts");
        // another centre's outcome is not found from this one
        Centre other = fixtures.centre("reception-other");
        long foreign = outcomes.all(other.id()).get(0).id();
        assertThatThrownBy(() -> outcomes.find(centre.id(), foreign)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> outcomes.rename(centre.id(), foreign, "Pris")).isInstanceOf(NotFound.class);
        assertThat(outcomes.all(other.id())).extracting(CaseOutcomeService.CaseOutcome::code)
                .containsExactly("emploi", "formation", "logement", "droits_ouverts", "orientation", "abandon", "autre");
    }

    @Test
    void insertionWorkshopParticipantsByOutcome() {
        activities.importCsv(centre.id(), csv("""
                activity_ref;name;sector;kind;public
                INS;Atelier insertion;Emploi;atelier;Adultes
                CUI;Cuisine;Loisirs;atelier;Adultes
                """));
        long ins = activity("INS");
        long anne = enrol(ins, "ANNE");
        long tom = enrol(ins, "TOM");
        long bob = enrol(ins, "BOB");
        long sam = enrol(ins, "SAM");
        long cui = enrol(activity("CUI"), "ANNE");
        enrolments.setOutcome(centre.id(), anne, "emploi", LocalDate.of(2025, 6, 30));
        enrolments.setOutcome(centre.id(), tom, "formation", LocalDate.of(2025, 7, 1));
        enrolments.setOutcome(centre.id(), sam, "emploi", LocalDate.of(2025, 11, 2));
        // BOB's outcome recorded in 2024: outside the period
        enrolments.setOutcome(centre.id(), bob, "abandon", LocalDate.of(2024, 12, 1));
        // given again later, the same outcome keeps its date; cleared, it counts no more
        enrolments.setOutcome(centre.id(), anne, "emploi", LocalDate.of(2026, 1, 3));
        enrolments.setOutcome(centre.id(), cui, "autre", LocalDate.of(2025, 3, 1));
        enrolments.setOutcome(centre.id(), cui, "", LocalDate.of(2025, 3, 2));
        assertThatThrownBy(() -> enrolments.setOutcome(centre.id(), tom, "embauche", LocalDate.of(2025, 7, 1)))
                .isInstanceOf(Refused.class);
        Centre other = fixtures.centre("reception-other");
        assertThatThrownBy(() -> enrolments.setOutcome(other.id(), tom, "emploi", LocalDate.of(2025, 7, 1)))
                .isInstanceOf(NotFound.class);
        // INS: emploi ANNE, SAM; formation TOM (BOB in 2024); CUI: none left
        Map<String, Map<String, Long>> byActivity = indicators.participantOutcomes(centre.id(), FROM, TO);
        assertThat(byActivity).containsOnlyKeys("INS|Atelier insertion");
        assertThat(byActivity.get("INS|Atelier insertion")).containsExactly(entry("emploi", 2L), entry("formation", 1L));
    }

    @Test
    void theAnnualReportPrintsThemWithTheOutcomesLabels() {
        file("ANNE", "2024-10-01", "2025-03-15", "emploi");
        file("TOM", "2025-06-01", "2025-06-01", "emploi");
        file("SAM", "2025-04-01", "2025-09-30", "droits_ouverts");
        activities.importCsv(centre.id(), csv("activity_ref;name;sector;kind;public\nINS;Atelier insertion;Emploi;atelier;Adultes\n"));
        enrolments.setOutcome(centre.id(), enrol(activity("INS"), "TOM"), "orientation", LocalDate.of(2025, 5, 1));
        // a sector chapter needs a held session
        jdbc.sql("insert into sessions (centre_id, activity_id, date, start_time, end_time) values (?, ?, '2025-05-02', '09:00', '11:00')")
                .params(centre.id(), activity("INS")).update();
        jdbc.sql("""
                insert into attendance (centre_id, session_id, person_id, status)
                select centre_id, id, ?, 'present' from sessions where centre_id = ? and activity_id = ?""")
                .params(person("TOM"), centre.id(), activity("INS")).update();
        AnnualReportService.Report report = reports.build(centre, 2025);
        AnnualReportService.Chapter accueil = report.chapters().stream().filter(c -> c.key().equals("accueil")).findFirst().orElseThrow();
        AnnualReportService.Table byOutcome = table(accueil, "Dossiers clos par issue");
        // closed in 2025: emploi ANNE, TOM; droits ouverts SAM; 2 of 3 = 66,7 %
        assertThat(byOutcome.rows()).extracting(r -> r.get(0), r -> r.get(1))
                .containsExactly(tuple("Emploi", 2L), tuple("Droits ouverts", 1L));
        assertThat(table(accueil, "Dossiers d'accompagnement").rows()).extracting(r -> r.get(1))
                .containsExactly(2L, 3L, 3L); // opened TOM, SAM; closed all three; active all three
        assertThat(table(accueil, "Personnes venues à l'accueil — Sexe").rows().get(0)).startsWith("Femmes", 1L);
        AnnualReportService.Chapter sector = report.chapters().stream().filter(c -> c.key().equals("secteur-Emploi")).findFirst()
                .orElseThrow();
        assertThat(table(sector, "Issues des participants de « Atelier insertion » (notées en 2025)").rows())
                .extracting(r -> r.get(0), r -> r.get(1)).containsExactly(tuple("Orientation vers un partenaire", 1L));
    }

    private static AnnualReportService.Table table(AnnualReportService.Chapter chapter, String title) {
        return chapter.tables().stream().filter(t -> t.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError(title + " absent de " + chapter.tables().stream().map(t -> t.title()).toList()));
    }

    private void file(String ref, String opened, String closed, String outcome) {
        long id = cases.open(direction, person(ref), null, direction.userId(), "Dossier " + ref, LocalDate.parse(opened));
        if (closed != null) {
            cases.close(direction, id, LocalDate.parse(closed), outcome);
        }
    }

    private long person(String ref) {
        return jdbc.sql("select id from persons where centre_id = ? and ref = ?").params(centre.id(), ref).query(Long.class).single();
    }

    private long activity(String ref) {
        return jdbc.sql("select id from activities where centre_id = ? and ref = ?").params(centre.id(), ref).query(Long.class).single();
    }

    private long enrol(long activity, String ref) {
        enrolments.enrol(centre.id(), activity, person(ref), null);
        return jdbc.sql("select id from enrolments where centre_id = ? and activity_id = ? and person_id = ?")
                .params(centre.id(), activity, person(ref)).query(Long.class).single();
    }
}
