package fr.trame.senacs;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.association.AssociationIndicators;
import fr.trame.association.FundingService;
import fr.trame.association.GovernanceService;
import fr.trame.association.PartnerService;
import fr.trame.association.StaffService;
import fr.trame.association.VolunteerService;
import fr.trame.centre.Centre;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The association's SENACS answers on a hand-made centre, year 2025: every expected value is worked out next to it.
 */
@TrameTest
class AssociationFiguresTest {

    private static final Set<String> SECTIONS = Set.of("benevoles", "gouvernance", "salaries", "finances", "partenariats");
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired GovernanceService governance;
    @Autowired VolunteerService volunteers;
    @Autowired StaffService staff;
    @Autowired PartnerService partners;
    @Autowired FundingService funding;
    @Autowired AssociationIndicators indicators;
    @Autowired SenacsFigures senacs;
    @Autowired SenacsCampaigns campaigns;
    @Autowired JdbcClient jdbc;

    Centre centre;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("senasso");
        // ages on 31 December 2025: Alice 55, Bob 17, Carl 25 (his birthday), Dina 26, Eve 11, Fred 12
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date
                H1;ALICE;Roux;Alice;F;1970-01-01
                H1;BOB;Roux;Bob;M;2008-06-15
                H2;CARL;Petit;Carl;M;2000-12-31
                H3;DINA;Sow;Dina;F;1999-12-31
                H4;EVE;Lenoir;Eve;F;2014-01-01
                H4;FRED;Lenoir;Fred;M;2013-12-31
                """));

        // volunteers of 2025: Alice, Bob, Carl (until June), Dina, Eve; Fred left in 2024
        long alice = volunteers.register(centre.id(), person("ALICE"), List.of("activite", "gouvernance"), null, LocalDate.of(2020, 1, 1));
        long bob = volunteers.register(centre.id(), person("BOB"), List.of("activite"), null, LocalDate.of(2025, 3, 1));
        long carl = volunteers.register(centre.id(), person("CARL"), List.of("ponctuel"), null, LocalDate.of(2025, 1, 1));
        volunteers.update(centre.id(), carl, List.of("ponctuel"), null, LocalDate.of(2025, 6, 30));
        volunteers.register(centre.id(), person("DINA"), List.of("activite"), null, LocalDate.of(2025, 5, 1));
        volunteers.register(centre.id(), person("EVE"), List.of("activite"), null, LocalDate.of(2025, 9, 1));
        long fred = volunteers.register(centre.id(), person("FRED"), List.of("activite"), null, LocalDate.of(2023, 1, 1));
        volunteers.update(centre.id(), fred, List.of("activite"), null, LocalDate.of(2024, 12, 31));
        long user = jdbc.sql("select id from users order by id limit 1").query(Long.class).single();
        volunteers.logHours(centre.id(), alice, LocalDate.of(2025, 3, 3), new BigDecimal("2.5"), null, null, user);
        volunteers.logHours(centre.id(), bob, LocalDate.of(2025, 6, 1), new BigDecimal("4"), null, null, user);
        volunteers.logHours(centre.id(), alice, LocalDate.of(2024, 12, 31), new BigDecimal("3"), null, null, user);

        // the board on 31 December: Alice (habitant, lives here), Mme Maire (institution), Dina (habitant, lives elsewhere);
        // Carl's mandate ended on 30 June
        Map<String, Long> bodies = new HashMap<>();
        governance.bodies(centre.id()).forEach(b -> bodies.put(b.kind(), b.id()));
        long ca = bodies.get("ca");
        long commission = governance.createBody(centre.id(), "commission", "Commission jeunesse");
        governance.createMandate(centre.id(), new GovernanceService.NewMandate(ca, person("ALICE"), null, "president", "habitant",
                LocalDate.of(2024, 6, 1), null, true, null));
        governance.createMandate(centre.id(), new GovernanceService.NewMandate(ca, person("CARL"), null, "tresorier", "partenaire",
                LocalDate.of(2023, 1, 1), LocalDate.of(2025, 6, 30), true, null));
        governance.createMandate(centre.id(), new GovernanceService.NewMandate(ca, null, "Mme Maire", "membre", "institution",
                LocalDate.of(2025, 3, 1), null, null, null));
        governance.createMandate(centre.id(), new GovernanceService.NewMandate(ca, person("DINA"), null, "membre", "habitant",
                LocalDate.of(2025, 1, 1), null, false, null));
        // meetings of 2025: CA twice (the one of December 2024 is outside), Bureau once, AG once, the commission twice
        governance.createMeeting(centre.id(), ca, LocalDate.of(2025, 2, 10), null, null);
        governance.createMeeting(centre.id(), ca, LocalDate.of(2025, 11, 5), null, null);
        governance.createMeeting(centre.id(), ca, LocalDate.of(2024, 12, 15), null, null);
        governance.createMeeting(centre.id(), bodies.get("bureau"), LocalDate.of(2025, 3, 1), null, null);
        governance.createMeeting(centre.id(), bodies.get("ag"), LocalDate.of(2025, 6, 20), null, null);
        governance.createMeeting(centre.id(), commission, LocalDate.of(2025, 4, 1), null, null);
        governance.createMeeting(centre.id(), commission, LocalDate.of(2025, 10, 1), null, null);

        // staff (full time 35 h): on 31 December a director 35 h (1), a reception CDD 17.5 h (0.5) from 1 July (184 days),
        // an accountant in contrat aidé, a secretary in service civique and an animator adulte-relais, 10 h each (2/7);
        // a MAD at 28 h January to June (181 days) valued 20,000 € a year; a CDII cleaner of 2024 only
        long director = staff.hire(centre.id(), "Dhina", "Yasmine", contract("cdi", "direction", "35", 2020, 1, 1, null, null));
        long reception = staff.hire(centre.id(), "Blanc", "Rose", contract("cdd", "accueil", "17.5", 2025, 7, 1,
                LocalDate.of(2025, 12, 31), null));
        staff.hire(centre.id(), "Noir", "Paul", contract("contrat_aide", "comptable", "10", 2025, 1, 1, null, null));
        staff.hire(centre.id(), "Vert", "Léa", contract("service_civique", "secretariat", "10", 2025, 1, 1, null, null));
        staff.hire(centre.id(), "Gris", "Sam", contract("adulte_relais", "animateur", "10", 2025, 1, 1, null, null));
        staff.hire(centre.id(), "Faure", "Hugo", contract("mad", "accueil", "28", 2025, 1, 1, LocalDate.of(2025, 6, 30), 2_000_000L));
        staff.hire(centre.id(), "Brun", "Max", contract("cdii", "agent_entretien", "7", 2024, 1, 1, LocalDate.of(2024, 12, 31), null));
        staff.addTraining(centre.id(), reception, LocalDate.of(2025, 9, 10), new BigDecimal("2"), "Accueil");
        staff.addTraining(centre.id(), director, LocalDate.of(2024, 5, 5), BigDecimal.ONE, "Gestion");

        long ville = partners.create(centre.id(), "Ville", "commune", null);
        long caf = partners.create(centre.id(), "CAF", "caf", null);
        long sport = partners.create(centre.id(), "Asso Sport", "association", null);
        long echecs = partners.create(centre.id(), "Club d'échecs", "association", null);
        long fondation = partners.create(centre.id(), "Fondation X", "fondation", null);
        long departement = partners.create(centre.id(), "Département", "departement", null);
        // signed and running in 2025: Ville's and the chess club's (the CAF's is not signed, the sports club's ended in 2024)
        partners.addConvention(centre.id(), ville, "Locaux", FROM, TO, LocalDate.of(2025, 1, 15));
        partners.addConvention(centre.id(), caf, "Animation globale", FROM, null, null);
        partners.addConvention(centre.id(), sport, "Gymnase", LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), LocalDate.of(2023, 1, 2));
        partners.addConvention(centre.id(), echecs, "Salle", LocalDate.of(2025, 2, 1), null, LocalDate.of(2025, 2, 1));
        // running in 2025: the CAF's only
        partners.addPermanence(centre.id(), caf, "Permanence CAF", null, LocalDate.of(2024, 9, 1), null);
        partners.addPermanence(centre.id(), departement, "PMI", null, LocalDate.of(2023, 1, 1), LocalDate.of(2024, 6, 30));

        // products of 2025, with the category each falls in
        funding.saveProduct(centre.id(), 2025, ville, "Ville", 5_000_000);                              // commune (partner)
        funding.saveProduct(centre.id(), 2025, caf, "Prestation de service", 3_000_050);                // caf (partner)
        funding.saveProduct(centre.id(), 2025, fondation, "Fondation X", 100_000);                      // autre (partner)
        funding.saveProduct(centre.id(), 2025, null, "Participation des familles", 1_234_567);          // usagers
        funding.saveProduct(centre.id(), 2025, null, "Conseil départemental", 500_000);                 // departement
        funding.saveProduct(centre.id(), 2025, null, "Région Grand Est", 200_000);                      // region
        funding.saveProduct(centre.id(), 2025, null, "Politique de la ville", 300_000);                 // etat
        funding.saveProduct(centre.id(), 2025, null, "Communauté de communes", 400_000);                // intercommunalite
        funding.saveProduct(centre.id(), 2025, null, "Dons", 10_025);                                   // autre
        funding.saveProduct(centre.id(), 2024, ville, "Ville", 4_000_000);
        funding.saveCharges(centre.id(), 2025, 9_800_000);
    }

    @Test
    void theAssociationAnswersFollowTheirDefinitions() {
        Map<String, FigureSource.Computed> f = senacs.compute(centre.id(), 2025, campaigns.forYear(2025));
        Map<String, String> v = f.entrySet().stream().filter(e -> inSections(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().value()));

        assertThat(v).containsEntry("volunteers.total", "5")
                .containsEntry("volunteers.activite", "4")           // Alice, Bob, Dina, Eve
                .containsEntry("volunteers.gouvernance", "1")
                .containsEntry("volunteers.age.12-25", "2")          // Bob 17, Carl 25; Dina 26, Eve 11, Fred gone
                .containsEntry("volunteers.hours", "6.50")           // 2.5 + 4
                .containsEntry("volunteers.valuation", "77.22")      // 6.5 × 11.88
                .containsEntry("funding.inKind.volunteers", "77.22");

        assertThat(v).containsEntry("governance.board", "3")
                .containsEntry("governance.college.habitant", "2")
                .containsEntry("governance.college.partenaire", "0")
                .containsEntry("governance.college.institution", "1")
                .containsEntry("governance.living.oui", "1")
                .containsEntry("governance.meetings.ag", "1")
                .containsEntry("governance.meetings.ca", "2")
                .containsEntry("governance.meetings.bureau", "1")
                .containsEntry("governance.meetings.commission", "2");

        // 35 + 17.5 + 3 × 10 = 82.5 h / 35 = 2.357 → 2.36; the three 2/7 (0.2857) get 0.29, 0.29 and 0.28 so that
        // the parts sum to 2.36 (the two extra cents go to the first by name: adulte_relais/animateur, then comptable/contrat_aide)
        assertThat(v).containsEntry("staff.employees", "5")
                .containsEntry("staff.etp", "2.36")
                // (35 + 30 + 17.5 × 184/365 + 28 × 181/365) / 35 = 2.5059
                .containsEntry("staff.etpAverage", "2.51")
                .containsEntry("staff.trainingDays", "2.00")
                .containsEntry("staff.etp.function.direction", "1.00")
                .containsEntry("staff.etp.function.accueil", "0.50")
                .containsEntry("staff.etp.function.referente_famille", "0.00")
                .containsEntry("staff.etp.function.animateur", "0.29")
                .containsEntry("staff.etp.function.coordinateur", "0.00")
                .containsEntry("staff.etp.function.administratif", "0.57")  // comptable 0.29 + secretariat 0.28
                .containsEntry("staff.etp.function.conseiller_numerique", "0.00")
                .containsEntry("staff.etp.function.agent_entretien", "0.00")
                .containsEntry("staff.etp.function.autre", "0.00")
                .containsEntry("staff.etp.contract.cdi", "1.00")
                .containsEntry("staff.etp.contract.cdd", "0.50")
                .containsEntry("staff.etp.contract.aide", "0.58")         // adulte_relais 0.29 + contrat_aide 0.29
                .containsEntry("staff.etp.contract.mad", "0.00")          // the MAD ended on 30 June
                .containsEntry("staff.etp.contract.autre", "0.28");       // service_civique

        // 50,000 + 30,000.50 + 1,000 + 12,345.67 + 5,000 + 2,000 + 3,000 + 4,000 + 100.25
        assertThat(v).containsEntry("funding.products", "107446.42")
                .containsEntry("funding.funder.caf", "30000.50")
                .containsEntry("funding.funder.commune", "50000.00")
                .containsEntry("funding.funder.intercommunalite", "4000.00")
                .containsEntry("funding.funder.departement", "5000.00")
                .containsEntry("funding.funder.region", "2000.00")
                .containsEntry("funding.funder.etat", "3000.00")
                .containsEntry("funding.funder.usagers", "12345.67")
                .containsEntry("funding.funder.autre", "1100.25")         // Fondation X + Dons
                .containsEntry("funding.charges", "98000.00")
                .containsEntry("funding.inKind.mad", "9917.81");         // 20,000 × 181/365

        assertThat(v).containsEntry("partners.total", "6")
                .containsEntry("partners.conventions", "2")
                .containsEntry("partners.permanences", "1")
                .containsEntry("partners.kind.association", "2");

        assertThat(f.get("volunteers.total").link()).isEqualTo("/benevoles?annee=2025");
        assertThat(f.get("governance.board").link()).isEqualTo("/instances?annee=2025");
        assertThat(f.get("staff.etp.function.direction").link()).isEqualTo("/equipe?annee=2025");
        assertThat(f.get("funding.funder.caf").link()).isEqualTo("/financements?annee=2025");
        assertThat(f.get("partners.conventions").link()).isEqualTo("/partenaires?annee=2025");
    }

    @Test
    void thePartsSumToTheirTotal() {
        BigDecimal etp = indicators.compute(centre.id(), FROM, TO).staff().etp();
        assertThat(sum(indicators.etpByFunction(centre.id(), FROM, TO).values())).isEqualByComparingTo(etp);
        assertThat(sum(indicators.etpByContract(centre.id(), FROM, TO).values())).isEqualByComparingTo(etp);
        assertThat(sum(AssociationFigures.grouped(indicators.etpByFunction(centre.id(), FROM, TO), AssociationFigures.FUNCTIONS)
                .values())).isEqualByComparingTo(etp);
        assertThat(sum(AssociationFigures.grouped(indicators.etpByContract(centre.id(), FROM, TO), AssociationFigures.CONTRACTS)
                .values())).isEqualByComparingTo(etp);
        BigDecimal products = indicators.compute(centre.id(), FROM, TO).funding().products();
        assertThat(sum(indicators.productsByFunderCategory(centre.id(), FROM, TO).values())).isEqualByComparingTo(products);
        // SENACS's groups take each of the association's functions and contracts exactly once
        assertThat(AssociationFigures.FUNCTIONS.values().stream().flatMap(List::stream).toList())
                .containsExactlyInAnyOrderElementsOf(StaffService.FUNCTIONS);
        assertThat(AssociationFigures.CONTRACTS.values().stream().flatMap(List::stream).toList())
                .containsExactlyInAnyOrderElementsOf(StaffService.CONTRACTS);
    }

    @Test
    void aYearWithoutAccountsHasNoCharges() {
        Map<String, FigureSource.Computed> f = senacs.compute(centre.id(), 2024, campaigns.forYear(2024));
        assertThat(f).doesNotContainKey("funding.charges");
        assertThat(f.get("funding.products").value()).isEqualTo("40000.00");
        assertThat(f.get("funding.funder.commune").value()).isEqualTo("40000.00");
        // 2024's volunteers are Alice (54) and Fred (11 on 31 December 2024)
        assertThat(f.get("volunteers.age.12-25").value()).isEqualTo("0");
        assertThat(f.get("staff.etp.contract.autre").value()).isEqualTo("0.20");  // the CDII cleaner: 7 / 35
    }

    @Test
    void everyFigureOfTheAssociationSectionsIsComputedByOneSource() {
        Campaign campaign = campaigns.forYear(2025);
        Set<String> named = new TreeSet<>();
        campaign.questions().stream().filter(q -> SECTIONS.contains(q.section()) && q.computed()).forEach(q -> named.add(q.figure()));
        assertThat(named).hasSizeGreaterThan(40);
        List<String> computedBy = new ArrayList<>();
        for (FigureSource source : senacs.sources()) {
            source.figures().stream().filter(named::contains).forEach(computedBy::add);
        }
        assertThat(computedBy).containsExactlyInAnyOrderElementsOf(named);
        assertThat(senacs.unknown(campaign)).doesNotContainAnyElementsOf(named);
        // and each has a value for this centre, which has accounts for 2025
        assertThat(senacs.compute(centre.id(), 2025, campaign).keySet()).containsAll(named);
    }

    private boolean inSections(String figure) {
        return campaigns.forYear(2025).questions().stream()
                .anyMatch(q -> figure.equals(q.figure()) && SECTIONS.contains(q.section()));
    }

    private static BigDecimal sum(Collection<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static StaffService.NewContract contract(String kind, String function, String hours, int y, int m, int d, LocalDate end,
                                                     Long inKindCents) {
        return new StaffService.NewContract(kind, function, null, new BigDecimal(hours), LocalDate.of(y, m, d), end, inKindCents);
    }

    private long person(String ref) {
        return jdbc.sql("select id from people_persons where centre_id = ? and ref = ?").params(centre.id(), ref)
                .query(Long.class).single();
    }
}
