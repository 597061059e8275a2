package fr.trame.association;

import fr.trame.reporting.JsonTree;
import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.people.PeopleImporter;
import fr.trame.reporting.IndicatorService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code association} figures on a small hand-made centre, year 2025; every expected value is worked out in a
 * comment next to it.
 */
@TrameTest
class AssociationTest {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired GovernanceService governance;
    @Autowired VolunteerService volunteers;
    @Autowired StaffService staff;
    @Autowired PartnerService partners;
    @Autowired FundingService funding;
    @Autowired SocialProjectService projects;
    @Autowired IndicatorService indicators;
    @Autowired JdbcClient jdbc;
    @Autowired fr.trame.reporting.AnnualReportService reports;
    @Autowired fr.trame.reporting.ReportRenderer renderer;
    @Autowired fr.trame.centre.CentreService centres;

    Centre centre;
    long ca;
    long lateMeeting;
    long aliceOnCa;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("asso");
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date
                H1;ALICE;Roux;Alice;F;1970-01-01
                H1;BOB;Roux;Bob;M;2015-01-01
                H2;CARL;Petit;Carl;M;1960-01-01
                H3;DINA;Sow;Dina;F;1990-01-01
                """));
        Map<String, Long> bodies = new java.util.HashMap<>();
        governance.bodies(centre.id()).forEach(b -> bodies.put(b.kind(), b.id()));
        ca = bodies.get("ca");
        // CA on 31 December 2025: Alice (president, habitant, lives here, QPV) and Mme Maire (institution, outsider,
        // residence unknown); Carl's mandate ended on 30 June. Alice also sits on the Bureau, which is not the board.
        aliceOnCa = governance.createMandate(centre.id(), new GovernanceService.NewMandate(ca, person("ALICE"), null, "president",
                "habitant", LocalDate.of(2024, 6, 1), null, true, true));
        governance.createMandate(centre.id(), new GovernanceService.NewMandate(ca, person("CARL"), null, "tresorier",
                "partenaire", LocalDate.of(2023, 1, 1), LocalDate.of(2025, 6, 30), false, false));
        governance.createMandate(centre.id(), new GovernanceService.NewMandate(ca, null, "Mme Maire", "membre",
                "institution", LocalDate.of(2025, 3, 1), null, null, null));
        governance.createMandate(centre.id(), new GovernanceService.NewMandate(bodies.get("bureau"), person("ALICE"), null,
                "president", "habitant", LocalDate.of(2024, 6, 1), null, true, true));
        // meetings of 2025: CA twice, Bureau once, AG once; the CA of December 2024 is outside
        governance.createMeeting(centre.id(), ca, LocalDate.of(2025, 2, 10), "Budget", null);
        lateMeeting = governance.createMeeting(centre.id(), ca, LocalDate.of(2025, 11, 5), "Projet social", 2);
        governance.createMeeting(centre.id(), bodies.get("bureau"), LocalDate.of(2025, 3, 1), null, null);
        governance.createMeeting(centre.id(), bodies.get("ag"), LocalDate.of(2025, 6, 20), "Rapport d'activité", null);
        governance.createMeeting(centre.id(), ca, LocalDate.of(2024, 12, 15), null, null);

        // volunteers of 2025: Alice (activity and governance) and Carl (occasional, May to September); Dina starts in 2026
        long alice = volunteers.register(centre.id(), person("ALICE"), List.of("activite", "gouvernance"), "couture", LocalDate.of(2024, 1, 1));
        long carl = volunteers.register(centre.id(), person("CARL"), List.of("ponctuel"), null, LocalDate.of(2025, 5, 1));
        volunteers.update(centre.id(), carl, List.of("ponctuel"), null, LocalDate.of(2025, 9, 30));
        volunteers.register(centre.id(), person("DINA"), List.of("commission"), null, LocalDate.of(2026, 1, 1));
        long user = jdbc.sql("select id from users order by id limit 1").query(Long.class).single();
        volunteers.logHours(centre.id(), alice, LocalDate.of(2025, 3, 3), new BigDecimal("2.5"), null, "Fête", user);
        volunteers.logHours(centre.id(), alice, LocalDate.of(2025, 10, 10), new BigDecimal("1.5"), null, null, user);
        volunteers.logHours(centre.id(), alice, LocalDate.of(2024, 12, 31), new BigDecimal("3"), null, null, user);
        volunteers.logHours(centre.id(), carl, LocalDate.of(2025, 6, 1), new BigDecimal("4"), null, null, user);
        volunteers.saveSettings(centre.id(), new VolunteerService.Settings(1200, new BigDecimal("35")));

        // staff: a director full time since 2020; an animator half time from 1 July (184 days of 365);
        // a MAD at 28 h from January to June (181 days), valued 20,000 € a year
        long director = staff.hire(centre.id(), "Dhina", "Yasmine", new StaffService.NewContract("cdi", "direction", null,
                new BigDecimal("35"), LocalDate.of(2020, 1, 1), null, null));
        long animator = staff.hire(centre.id(), "Blanc", "Rose", new StaffService.NewContract("cdd", "animateur", null,
                new BigDecimal("17.5"), LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31), null));
        staff.hire(centre.id(), "Faure", "Hugo", new StaffService.NewContract("mad", "accueil", null,
                new BigDecimal("28"), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), 2_000_000L));
        staff.addTraining(centre.id(), animator, LocalDate.of(2025, 9, 10), new BigDecimal("2"), "BAFA");
        staff.addTraining(centre.id(), director, LocalDate.of(2024, 5, 5), BigDecimal.ONE, "Gestion");

        long ville = partners.create(centre.id(), "Ville", "commune", null);
        long caf = partners.create(centre.id(), "CAF", "caf", null);
        long sport = partners.create(centre.id(), "Asso Sport", "association", null);
        long departement = partners.create(centre.id(), "Département", "departement", null);
        // signed and running in 2025: Ville's only (the CAF's is not signed, the club's ended in 2024)
        partners.addConvention(centre.id(), ville, "Locaux", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2025, 1, 15));
        partners.addConvention(centre.id(), caf, "Animation globale", LocalDate.of(2025, 1, 1), null, null);
        partners.addConvention(centre.id(), sport, "Gymnase", LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), LocalDate.of(2023, 1, 2));
        partners.addPermanence(centre.id(), caf, "Permanence CAF", "mardi matin", LocalDate.of(2024, 9, 1), null);

        funding.saveProduct(centre.id(), 2025, ville, "Ville", 5_000_000);
        funding.saveProduct(centre.id(), 2025, caf, "CAF", 3_000_000);
        funding.saveProduct(centre.id(), 2025, null, "Participation des familles", 2_000_000);
        funding.saveProduct(centre.id(), 2024, ville, "Ville", 4_000_000);
        funding.saveCharges(centre.id(), 2025, 9_800_000);
        funding.createGrant(centre.id(), new FundingService.NewGrant(ville, 2025, "Jeunesse", null, null, LocalDate.of(2025, 11, 30),
                1_000_000L, 800_000L, "accorde"));
        funding.createGrant(centre.id(), new FundingService.NewGrant(caf, 2025, "Parentalité", null, null, null, 500_000L, null, "refuse"));
        funding.createGrant(centre.id(), new FundingService.NewGrant(departement, 2025, "Numérique", null, LocalDate.of(2025, 9, 1),
                null, 300_000L, null, "depose"));
        funding.createGrant(centre.id(), new FundingService.NewGrant(caf, 2025, "Fonds jeunesse", "Appel 2026", LocalDate.of(2025, 11, 15),
                null, null, null, "preparation"));

        funding.addAgrement(centre.id(), "Centre social", "CAF", LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31), null);
        funding.addAgrement(centre.id(), "ACM 12-17 ans", "SDJES", LocalDate.of(2022, 1, 1), LocalDate.of(2024, 12, 31), null);
        funding.addAgrement(centre.id(), "ACM 4-11 ans", "SDJES", LocalDate.of(2023, 4, 1), LocalDate.of(2026, 3, 31), null);
    }

    @Test
    void theAssociationFiguresFollowTheirDefinitions() {
        Map<String, Object> json = JsonTree.of(indicators.compute(centre.id(), centre.code(), LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31)));
        Map<String, Object> a = sub(json, "association");

        Map<String, Object> g = sub(a, "governance");
        assertThat(g.get("boardMembers")).isEqualTo(2L);
        assertThat(sub(g, "boardByCollege")).containsExactly(entry("habitant", 1), entry("partenaire", 0), entry("institution", 1));
        assertThat(sub(g, "boardByRole")).containsEntry("president", 1L).containsEntry("membre", 1L).containsEntry("tresorier", 0L);
        assertThat(sub(g, "boardLivingInTerritory")).containsExactly(entry("oui", 1), entry("non", 0), entry("inconnu", 1));
        assertThat(sub(g, "boardInQpv")).containsExactly(entry("oui", 1), entry("non", 0), entry("inconnu", 1));
        assertThat(sub(g, "meetings")).containsExactly(entry("ag", 1), entry("ca", 2), entry("bureau", 1), entry("commission", 0));

        Map<String, Object> v = sub(a, "volunteers");
        assertThat(v.get("volunteers")).isEqualTo(2L);
        assertThat(sub(v, "byCategory")).containsExactly(entry("activite", 1), entry("gouvernance", 1), entry("ponctuel", 1),
                entry("commission", 0));
        // 2.5 + 1.5 (Alice) + 4 (Carl); the hours of 31 December 2024 are outside; 8 h × 12 € = 96 €
        assertThat(v.get("withHours")).isEqualTo(2L);
        assertThat(v.get("hours")).isEqualTo(new BigDecimal("8.00"));
        assertThat(v.get("valuation")).isEqualTo(new BigDecimal("96.00"));

        Map<String, Object> s = sub(a, "staff");
        // on 31 December: the director and the animator (the MAD ended in June); 35/35 + 17.5/35
        assertThat(s.get("employees")).isEqualTo(2L);
        assertThat(s.get("etp")).isEqualTo(new BigDecimal("1.50"));
        // 1 + 0.5 × 184/365 + 0.8 × 181/365 = 1 + 0.2521 + 0.3967 = 1.65
        assertThat(s.get("etpAverage")).isEqualTo(new BigDecimal("1.65"));
        assertThat(sub(s, "byContract")).containsEntry("cdi", 1L).containsEntry("cdd", 1L).containsEntry("mad", 0L);
        assertThat(s.get("trainingDays")).isEqualTo(new BigDecimal("2.00"));

        Map<String, Object> p = sub(a, "partners");
        assertThat(p.get("partners")).isEqualTo(4L);
        assertThat(p.get("conventions")).isEqualTo(1L);
        assertThat(p.get("permanences")).isEqualTo(1L);

        Map<String, Object> f = sub(a, "funding");
        assertThat(f.get("products")).isEqualTo(new BigDecimal("100000.00"));
        assertThat(sub(f, "byFunder")).containsExactly(Map.entry("Ville", new BigDecimal("50000.00")),
                Map.entry("CAF", new BigDecimal("30000.00")), Map.entry("Participation des familles", new BigDecimal("20000.00")));
        assertThat(f.get("charges")).isEqualTo(new BigDecimal("98000.00"));
        // the MAD's 20,000 € over 181 of 365 days = 9,917.81 €; volunteers 96 €
        assertThat(sub(f, "inKind")).containsExactly(Map.entry("mad", new BigDecimal("9917.81")), Map.entry("volunteers", new BigDecimal("96.00")));
        // requested 10,000 + 5,000 + 3,000; granted only what was granted (8,000)
        Map<String, Object> grants = sub(f, "grants");
        assertThat(grants.get("requested")).isEqualTo(new BigDecimal("18000.00"));
        assertThat(grants.get("granted")).isEqualTo(new BigDecimal("8000.00"));
        assertThat(sub(grants, "byStatus")).containsExactly(entry("preparation", 1), entry("depose", 1), entry("accorde", 1),
                entry("refuse", 1), entry("verse", 0));

        // in force on 31 December 2025: the CAF's and the ACM 4-11
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> agrements = (List<Map<String, Object>>) a.get("agrements");
        assertThat(agrements).extracting(x -> x.get("label")).containsExactly("ACM 4-11 ans", "Centre social");
    }

    @Test
    void theAnnualReportOpensWithTheAssociation() {
        fr.trame.reporting.AnnualReportService.Report report = reports.build(centres.findById(centre.id()).orElseThrow(), 2025);
        String text = org.jsoup.Jsoup.parse(renderer.html(report, false)).text();
        assertThat(text).contains("Président(e) Alice Roux", "Direction Yasmine Dhina", "Salariés au 31 décembre 2",
                "Équivalents temps plein au 31 décembre 1,50", "Centre social CAF 01/01/2024 31/12/2027",
                // vie associative: 2 CA in 2025, none in 2024 (the one of 15 December is 2024's)
                "Conseil d'administration 2 1", "Habitants 1 50,0 %",
                "ETP moyens sur l'année 1,65", "Heures données 8,00", "Valorisation (€) 96,00",
                "Conventions signées en cours 1", "Permanence CAF mardi matin",
                "Ville 50\u202f000,00 50,0 %", "Total des produits 100\u202f000,00 100 %", "Résultat 2\u202f000,00",
                "Mises à disposition de personnel (valorisées) 9\u202f917,81");
    }

    @Test
    void aMeetingCountsWhoCameAgainstItsQuorum() {
        // on 5 November the CA holds Alice and Mme Maire (Carl left in June); only Alice came, 2 were needed
        GovernanceService.Meeting before = governance.meeting(centre.id(), lateMeeting).orElseThrow();
        assertThat(before.expected()).isEqualTo(2);
        governance.recordMeeting(centre.id(), lateMeeting, Set.of(aliceOnCa), "Projet adopté", null, 2);
        GovernanceService.Meeting after = governance.meeting(centre.id(), lateMeeting).orElseThrow();
        assertThat(after.present()).isEqualTo(1);
        assertThat(after.quorumReached()).isFalse();
        assertThat(governance.seats(centre.id(), lateMeeting)).extracting(GovernanceService.Seat::name, GovernanceService.Seat::present)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Alice Roux", true),
                        org.assertj.core.groups.Tuple.tuple("Mme Maire", false));

        // recorded again, nobody came: every seat is updated in the same statement, Alice's presence becomes an absence
        governance.recordMeeting(centre.id(), lateMeeting, Set.of(), "Projet adopté", null, 2);
        assertThat(governance.meeting(centre.id(), lateMeeting).orElseThrow().present()).isZero();
        assertThat(governance.presencesOf(centre.id(), aliceOnCa)).extracting(GovernanceService.Presence::present)
                .containsExactly(false);
    }

    @Test
    void theHomePageWarnsOfWhatIsDue() {
        // on 1 October 2025: the CAF call file by 15 November, the Ville report by 30 November, the ACM agrément
        // ending on 31 March 2026 (within six months); the Département file is already sent
        assertThat(funding.dueSoon(centre.id(), LocalDate.of(2025, 10, 1))).extracting(FundingService.Due::date)
                .containsExactly(LocalDate.of(2025, 11, 15), LocalDate.of(2025, 11, 30), LocalDate.of(2026, 3, 31));
        // once the agrément is renewed, it no longer warns
        funding.addAgrement(centre.id(), "ACM 4-11 ans", "SDJES", LocalDate.of(2026, 4, 1), LocalDate.of(2029, 3, 31), null);
        assertThat(funding.dueSoon(centre.id(), LocalDate.of(2025, 10, 1))).hasSize(2);
    }

    @Test
    void anObjectivesIndicatorTakesItsActualFromTheEngine() {
        activities.importCsv(centre.id(), csv("activity_ref;name;sector;kind\nA1;Couture;Adultes;atelier\nA2;Foot;Jeunesse;atelier\n"));
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref
                A1;2025-03-01;14:00;16:00;ALICE
                A1;2025-03-01;14:00;16:00;CARL
                A1;2025-03-08;14:00;16:00;ALICE
                A2;2025-03-08;10:00;12:00;BOB
                """));
        long project = projects.createProject(centre.id(), "Vivre ensemble", 2024);
        long axis = projects.addAxis(centre.id(), project, "Lien social");
        long objective = projects.addObjective(centre.id(), axis, "Rompre l'isolement");
        projects.linkActivity(centre.id(), objective, jdbc.sql("select id from activities where centre_id = ? and ref = 'A1'")
                .param(centre.id()).query(Long.class).single());
        projects.addSheet(centre.id(), objective, "Ateliers couture", null);
        projects.addIndicator(centre.id(), objective, "Participants aux ateliers", "activities.persons", new BigDecimal("10"));
        long typed = projects.addIndicator(centre.id(), objective, "Habitants satisfaits (enquête)", null, new BigDecimal("80"));
        projects.saveValue(centre.id(), typed, 2025, new BigDecimal("72"));

        List<SocialProjectService.Axis> axes = projects.axes(centre.id(), project, 2025);
        SocialProjectService.Objective o = axes.get(0).objectives().get(0);
        assertThat(o.sheets()).containsExactly("Ateliers couture");
        // Alice and Carl came to the linked Couture; Bob's Foot is not linked
        assertThat(o.indicators()).extracting(SocialProjectService.Indicator::actual, SocialProjectService.Indicator::percent,
                        SocialProjectService.Indicator::fromEngine)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new BigDecimal("2"), 20, true),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("72.00"), 90, false));
        // another year, another evaluation: nothing happened in 2026
        assertThat(projects.axes(centre.id(), project, 2026).get(0).objectives().get(0).indicators())
                .extracting(SocialProjectService.Indicator::actual).containsExactly(BigDecimal.ZERO, null);
    }

    private long person(String ref) {
        return jdbc.sql("select id from persons where centre_id = ? and ref = ?").params(centre.id(), ref).query(Long.class).single();
    }

    private static Map.Entry<String, Long> entry(String key, long value) {
        return Map.entry(key, value);
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> sub(Map<String, Object> parent, String key) {
        return (Map<String, V>) parent.get(key);
    }
}
