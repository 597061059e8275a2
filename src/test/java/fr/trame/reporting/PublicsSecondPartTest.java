package fr.trame.reporting;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.people.MembershipImporter;
import fr.trame.people.PeopleImporter;
import fr.trame.reception.ReceptionImporter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import fr.trame.centre.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The members', publics' and sectors' figures of interchange.md "Indicators, second part" on a small hand-made centre;
 * every expected value is worked out in a comment. Period: the calendar year 2026.
 */
@TrameTest
class PublicsSecondPartTest {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired MembershipImporter memberships;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired ReceptionImporter reception;
    @Autowired IndicatorService indicators;
    @Autowired DrillDown drillDown;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserService users;

    Centre centre;
    Map<String, Object> json;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("pub2");
        // H1 Tilleuls (QPV): Anna (F, 1990-06-01), Léo (M, 2015-03-10); H2 Moulin (not QPV): Marc (M, 1980-01-01);
        // H3 nothing known: Sara (F, no birth date), Zoé (F, never reached); H4 Moulin: Paul (M, 2000-05-20)
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date;role;quartier;qpv
                H1;ANNA;Roux;Anna;F;1990-06-01;responsable;Tilleuls;oui
                H1;LEO;Roux;Léo;M;2015-03-10;enfant;Tilleuls;oui
                H2;MARC;Petit;Marc;M;1980-01-01;responsable;Moulin;non
                H3;SARA;Sow;Sara;F;;responsable;;
                H3;ZOE;Sow;Zoé;F;2010-01-01;enfant;;
                H4;PAUL;Blanc;Paul;M;2000-05-20;responsable;Moulin;non
                """));
        // QF: H1 250 since 2025; H2 1000 in 2025 then 1600 from June 2026 (known on 31 December: 1600);
        // H4 only from 2027 (700, then 2000): none known on 31 December, so the first recorded, 700
        qf("H1", "2025-01-01", 250);
        qf("H2", "2025-01-01", 1000);
        qf("H2", "2026-06-01", 1600);
        qf("H4", "2027-02-01", 700);
        qf("H4", "2027-05-01", 2000);
        memberships.importCsv(centre.id(), csv("""
                membership_ref;type;household_ref;person_ref;organisation;start_date;end_date
                M1;familiale;H1;;;2025-09-01;2026-08-31
                M5;familiale;H1;;;2026-09-01;2027-08-31
                M2;individuelle;;PAUL;;2026-06-01;2027-05-31
                M3;individuelle;;MARC;;2024-09-01;2025-08-31
                M4;familiale;H2;;;2026-03-01;2027-02-28
                """));
        activities.importCsv(centre.id(), csv("""
                activity_ref;name;sector;kind
                A1;Atelier jeux;Enfance;atelier
                A2;Sortie familles;Famille;atelier
                A3;Foot;Jeunesse;atelier
                A4;Couture;Adultes;atelier
                """));
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref;headcount;status
                A1;2025-11-01;10:00;12:00;MARC;;present
                A1;2026-02-01;10:00;12:00;LEO;;present
                A1;2026-02-01;10:00;12:00;MARC;;present
                A2;2026-03-01;14:00;17:00;LEO;;present
                A2;2026-03-01;14:00;17:00;ANNA;;present
                A3;2026-04-01;14:00;16:00;LEO;;present
                A4;2025-10-01;09:00;11:00;SARA;;absent
                A4;2026-05-01;09:00;11:00;ANNA;;present
                A4;2026-09-01;09:00;11:00;SARA;;present
                A4;2026-09-01;09:00;11:00;ZOE;;absent
                """));
        reception.importCsv(centre.id(), csv("""
                date;person_ref;channel;theme;status
                2026-02-10;ANNA;accueil;autre;
                2025-03-01;PAUL;accueil;autre;
                2026-07-01;PAUL;accueil;autre;
                """));
        // disability: Léo oui, Sara non, the others unknown
        jdbc.sql("update persons set disability = (ref = 'LEO') where centre_id = ? and ref in ('LEO', 'SARA')")
                .param(centre.id()).update();
        // flags: Anna primo-arrivant and allophone, Sara allophone, Marc an archived flag, Zoé (never reached) primo;
        // "isole" is offered but carried by nobody
        flag("primo", "Primo-arrivant", false, "ANNA", "ZOE");
        flag("allophone", "Allophone", false, "ANNA", "SARA");
        flag("ancien", "Ancien dispositif", true, "MARC");
        flag("vieux", "Vieux dispositif", true);
        flag("isole", "Isolement", false);
        json = JsonTree.of(indicators.compute(centre.id(), centre.code(), FROM, TO));
    }

    @Test
    void membersProfile() {
        Map<String, Object> members = map("members");
        // covered in 2026: Anna and Léo (M1, M5 of H1), Paul (M2), Marc (M4 of H2; his M3 ended in 2025)
        assertThat(members.get("persons")).isEqualTo(4L);
        Map<String, Object> profile = sub(members, "profile");
        assertThat(sub(profile, "bySex")).containsExactly(entry("F", 1L), entry("M", 3L), entry("inconnu", 0L));
        // ages: Anna and Léo on 1 January (M1 began before the period): 35 and 10; Paul on 1 June, when M2 starts: 26
        // (he was 25 on 1 January); Marc on 1 March (M4): 46
        assertThat(sub(profile, "byAgeBand")).containsEntry("6-11", 1L).containsEntry("18-25", 0L)
                .containsEntry("26-59", 3L).containsEntry("inconnu", 0L);
        // QF: Anna, Léo H1 250; Marc H2 (his familiale's household) 1600, known on 31 December; Paul (individual) his
        // principal household H4, nothing known on 31 December, so the first recorded: 700
        assertThat(sub(profile, "byQfBand")).containsEntry("0-300", 2L).containsEntry("601-900", 1L)
                .containsEntry("901-1200", 0L).containsEntry("1501-1800", 1L).containsEntry("inconnu", 0L);
        // member households (familiale): H1 (250) and H2 (1600)
        assertThat(members.get("households")).isEqualTo(2L);
        assertThat(sub(members, "householdsByQfBand")).containsEntry("0-300", 1L).containsEntry("1501-1800", 1L)
                .containsEntry("601-900", 0L).containsEntry("inconnu", 0L);
        // the new keys come after the existing ones
        assertThat(members.keySet()).containsExactly("memberships", "households", "persons", "individual", "organisations",
                "profile", "householdsByQfBand");
    }

    @Test
    void publicsNewPersonsSectorsDisabilityFlags() {
        Map<String, Object> publics = map("publics");
        // reached in 2026: Léo, Marc, Anna, Sara (present) and Paul (reception only); Zoé was only absent
        assertThat(publics.get("persons")).isEqualTo(5L);
        // new: Léo, Anna, Sara (her 2025 row was an absence); not new: Marc (present in November 2025), Paul (contact
        // in March 2025)
        assertThat(publics.get("newPersons")).isEqualTo(3L);
        assertThat(indicators.newPersons(centre.id(), FROM, TO)).isEqualTo(3L);
        // sectors where present: Léo Enfance, Famille, Jeunesse (3+); Anna Famille, Adultes (2, her contact adds none);
        // Marc Enfance, Sara Adultes (1); Paul reception only (0)
        assertThat(sub(publics, "bySectorCount")).containsExactly(entry("0", 1L), entry("1", 2L), entry("2", 1L),
                entry("3+", 1L));
        // disability: Léo oui, Sara non, Anna, Marc and Paul unknown
        assertThat(sub(publics, "disability")).containsExactly(entry("oui", 1L), entry("non", 1L), entry("inconnu", 3L));
        // flags of reached persons, by label: Allophone (Anna, Sara) 2, Ancien dispositif (archived, Marc) 1,
        // Isolement (offered, nobody) 0, Primo-arrivant (Anna; Zoé is not reached) 1; "vieux", archived and carried by
        // nobody, is left out
        assertThat(sub(publics, "byFlag")).containsExactly(entry("allophone", 2L), entry("ancien", 1L), entry("isole", 0L),
                entry("primo", 1L));
        assertThat(publics.keySet()).containsExactly("persons", "households", "bySex", "byAgeBand", "byQuartier", "qpv",
                "byQfBand", "newPersons", "bySectorCount", "disability", "byFlag");
    }

    @Test
    void sectors() {
        Map<String, Map<String, Object>> sectors = new java.util.LinkedHashMap<>();
        list("sectors").forEach(s -> sectors.put((String) s.get("name"), s));
        assertThat(sectors.keySet()).containsExactly("Adultes", "Enfance", "Famille", "Jeunesse");
        // Adultes: Anna (H1 Tilleuls, QPV, new) and Sara (H3, nothing known, new, disability non)
        Map<String, Object> adultes = sectors.get("Adultes");
        assertThat(sub(adultes, "byQuartier")).containsExactly(entry("Tilleuls", 1L), entry("inconnu", 1L));
        assertThat(sub(adultes, "qpv")).containsExactly(entry("oui", 1L), entry("non", 0L), entry("inconnu", 1L));
        assertThat(adultes.get("newPersons")).isEqualTo(2L);
        assertThat(adultes.get("disability")).isEqualTo(0L);
        // Anna is also in Famille; Sara nowhere else
        assertThat(sub(adultes, "sharedPersons")).containsExactly(entry("Famille", 1L));
        // Enfance: Léo (H1 Tilleuls, QPV, new, disability oui), Marc (H2 Moulin, not QPV, not new)
        Map<String, Object> enfance = sectors.get("Enfance");
        assertThat(sub(enfance, "byQuartier")).containsExactly(entry("Moulin", 1L), entry("Tilleuls", 1L));
        assertThat(sub(enfance, "qpv")).containsExactly(entry("oui", 1L), entry("non", 1L), entry("inconnu", 0L));
        assertThat(enfance.get("newPersons")).isEqualTo(1L);
        assertThat(enfance.get("disability")).isEqualTo(1L);
        // Léo is also in Famille and Jeunesse; Marc nowhere else; Adultes shares nobody: left out
        assertThat(sub(enfance, "sharedPersons")).containsExactly(entry("Famille", 1L), entry("Jeunesse", 1L));
        // Famille: Léo and Anna, both H1, both new; Léo shares with Enfance and Jeunesse, Anna with Adultes
        Map<String, Object> famille = sectors.get("Famille");
        assertThat(sub(famille, "byQuartier")).containsExactly(entry("Tilleuls", 2L));
        assertThat(famille.get("newPersons")).isEqualTo(2L);
        assertThat(famille.get("disability")).isEqualTo(1L);
        assertThat(sub(famille, "sharedPersons")).containsExactly(entry("Adultes", 1L), entry("Enfance", 1L),
                entry("Jeunesse", 1L));
        assertThat(enfance.keySet()).containsExactly("name", "persons", "households", "sessions", "presences", "hours",
                "anonymous", "bySex", "byAgeBand", "byQuartier", "qpv", "newPersons", "disability", "sharedPersons");
    }

    @Test
    void drillDownsListWhatTheFiguresCount() {
        // the lists have the figures' lengths, by the same definitions
        assertThat(names(indicators.publicsPersons(centre.id(), FROM, TO, "newPersons", "oui", null, null)))
                .containsExactly("Anna", "Léo", "Sara");
        assertThat(names(indicators.publicsPersons(centre.id(), FROM, TO, "newPersons", "non", null, null)))
                .containsExactly("Paul", "Marc");
        assertThat(names(indicators.publicsPersons(centre.id(), FROM, TO, "bySectorCount", "1", null, null)))
                .containsExactly("Marc", "Sara");
        assertThat(names(indicators.publicsPersons(centre.id(), FROM, TO, "byFlag", "allophone", null, null)))
                .containsExactly("Anna", "Sara");
        assertThat(drillDown.members(centre.id(), FROM, TO, "profile.byAgeBand:26-59")).extracting(DrillDown.Item::label)
                .containsExactly("Paul Blanc", "Marc Petit", "Anna Roux");
        assertThat(drillDown.members(centre.id(), FROM, TO, "profile.byQfBand:0-300")).hasSize(2);
        assertThat(drillDown.members(centre.id(), FROM, TO, "householdsByQfBand:1501-1800")).hasSize(1);
        long enfance = jdbc.sql("select id from sectors where centre_id = ? and name = 'Enfance'").param(centre.id())
                .query(Long.class).single();
        assertThat(drillDown.unit(centre.id(), FROM, TO, "sector_id", enfance, "newPersons")).extracting(DrillDown.Item::label)
                .containsExactly("Léo Roux");
        assertThat(drillDown.unit(centre.id(), FROM, TO, "sector_id", enfance, "byQuartier:Moulin")).extracting(DrillDown.Item::label)
                .containsExactly("Marc Petit");
        assertThat(drillDown.unit(centre.id(), FROM, TO, "sector_id", enfance, "qpv:oui")).hasSize(1);
        assertThat(drillDown.unit(centre.id(), FROM, TO, "sector_id", enfance, "sharedPersons:Jeunesse"))
                .extracting(DrillDown.Item::label).containsExactly("Léo Roux");
    }

    /**
     * The dashboard and the report show the new figures, flags by their label, and every linked number opens a list of
     * that length (followed as direction would); the disability counts open no list.
     */
    @Test
    void dashboardAndReportLinkEveryNewFigureToItsRecords() throws Exception {
        String direction = fixtures.user(centre, Role.DIRECTION);
        String base = "/c/" + centre.code();
        Document dashboard = Jsoup.parse(page(base + "/tableau-de-bord?type=annee&annee=2026", direction));
        Document report = Jsoup.parse(page(base + "/rapport/2026", direction));
        // flags by label, never by code; the members' profile, new persons, persons by sectors, sectors' details
        assertThat(dashboard.select("#profils").text()).contains("Allophone", "Primo-arrivant", "Ancien dispositif",
                "Personnes adhérentes par tranche d'âge", "Foyers adhérents par quotient familial", "Trois secteurs ou plus")
                .doesNotContain("allophone").doesNotContain("handicap");
        // the disability counts (near a person in a small group) only for a user granted that permission
        String permitted = fixtures.user(centre, Role.DIRECTION);
        users.setSeesDisability(fixtures.userId(permitted), centre.id(), true);
        Document granted = Jsoup.parse(page(base + "/tableau-de-bord?type=annee&annee=2026", permitted));
        assertThat(granted.select("#profils").text()).contains("En situation de handicap");
        assertThat(granted.select("#secteurs-publics").text()).contains("En situation de handicap");
        assertThat(dashboard.select("#secteurs-publics").text()).contains("Tilleuls", "Jeunesse");
        assertThat(report.text()).contains("Nouveaux publics", "Personnes par nombre de secteurs fréquentés", "Allophone",
                "Personnes adhérentes par sexe", "Personnes aussi présentes dans un autre secteur", "Domicile en QPV");
        // no list of who has a disability
        assertThat(dashboard.select("a[href*=disability]")).isEmpty();
        int followed = 0;
        for (Document doc : List.of(dashboard, report)) {
            for (Element link : doc.select("main a[href*=/tableau-de-bord/]")) {
                long figure = Long.parseLong(link.text().replace(" ", "").replace("\u00a0", "").replace("\u202f", ""));
                String list = page(link.attr("href"), direction);
                assertThat(Jsoup.parse(list).selectFirst("#count").text().replace("\u202f", ""))
                        .as("%s", link.attr("href")).isEqualTo(String.valueOf(figure));
                followed++;
            }
        }
        assertThat(followed).isGreaterThan(150);
        // the list of persons in 3 sectors or more is Léo's, and says so in words
        Document threePlus = Jsoup.parse(page(base + "/tableau-de-bord/personnes?from=2026-01-01&to=2026-12-31"
                + "&dimension=bySectorCount&value=3%2B", direction));
        assertThat(threePlus.text()).contains("Trois secteurs ou plus", "Léo Roux");
    }

    /**
     * The disability counts reach only who holds the disability permission: the API gives null in their place to a
     * direction without it and to the federation, and the annual report prints the centre's counts (no sector's, no
     * list) only for the permitted.
     */
    @Test
    void disabilityCountsOnlyForWhoHoldsThePermission() throws Exception {
        String api = "/api/v1/centres/" + centre.code() + "/indicators?from=2026-01-01&to=2026-12-31";
        String permitted = fixtures.user(centre, Role.DIRECTION);
        users.setSeesDisability(fixtures.userId(permitted), centre.id(), true);
        // 2026: Léo oui, Sara non, Anna, Marc and Paul unknown (see publicsNewPersonsSectorsDisabilityFlags); 2025: Marc
        // (present in November) and Paul (a contact in March), unknown
        mvc.perform(MockMvcRequestBuilders.get(URI.create(api)).with(SecurityMockMvcRequestPostProcessors.user(permitted)))
                .andExpect(MockMvcResultMatchers.jsonPath("$.publics.disability.oui").value(1))
                .andExpect(MockMvcResultMatchers.jsonPath("$.sectors[?(@.name == 'Enfance')].disability").value(1));
        for (Role role : List.of(Role.DIRECTION, Role.FEDERATION)) {
            String user = fixtures.user(centre, role);
            mvc.perform(MockMvcRequestBuilders.get(URI.create(api)).with(SecurityMockMvcRequestPostProcessors.user(user)))
                    .andExpect(MockMvcResultMatchers.status().isOk())
                    .andExpect(MockMvcResultMatchers.jsonPath("$.publics.persons").value(5))
                    .andExpect(MockMvcResultMatchers.jsonPath("$.publics.disability").doesNotExist())
                    .andExpect(MockMvcResultMatchers.jsonPath("$.sectors[0].disability").doesNotExist());
        }
        String title = "Situation de handicap déclarée";
        Document granted = Jsoup.parse(page("/c/" + centre.code() + "/rapport/2026", permitted));
        Element table = granted.select(".block").stream().filter(b -> b.text().startsWith(title)).findFirst().orElseThrow();
        assertThat(table.select("tbody tr").eachText()).containsExactly("En situation de handicap 1 20,0 % 0",
                "Sans situation de handicap 1 20,0 % 0", "Non renseigné 3 60,0 % 2");
        assertThat(table.select("a")).isEmpty();
        String direction = fixtures.user(centre, Role.DIRECTION);
        assertThat(page("/c/" + centre.code() + "/rapport/2026", direction)).doesNotContain(title).doesNotContain("handicap");
    }

    @Test
    void onePassPerCompute() {
        long before = indicators.passes();
        indicators.compute(centre.id(), centre.code(), FROM, TO);
        assertThat(indicators.passes() - before).isEqualTo(1);
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(URI.create(url)).with(SecurityMockMvcRequestPostProcessors.user(username)))
                .andExpect(MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> names(List<Map<String, Object>> persons) {
        return persons.stream().map(p -> (String) p.get("first_name")).toList();
    }

    private void qf(String household, String from, int amount) {
        jdbc.sql("""
                insert into qf_history (centre_id, household_id, valid_from, amount_euros, source)
                select centre_id, id, cast(? as date), ?, 'declare' from households where centre_id = ? and ref = ?""")
                .params(from, amount, centre.id(), household).update();
    }

    private void flag(String code, String label, boolean archived, String... persons) {
        jdbc.sql("insert into situation_flags (centre_id, code, label, archived) values (?, ?, ?, ?)")
                .params(centre.id(), code, label, archived).update();
        for (String person : persons) {
            jdbc.sql("""
                    insert into person_flags (centre_id, person_id, flag_id)
                    select p.centre_id, p.id, f.id from persons p join situation_flags f on f.centre_id = p.centre_id and f.code = ?
                    where p.centre_id = ? and p.ref = ?""").params(code, centre.id(), person).update();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String key) {
        return (Map<String, Object>) json.get(key);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String key) {
        return (List<Map<String, Object>>) json.get(key);
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> sub(Map<String, Object> parent, String key) {
        return (Map<String, V>) parent.get(key);
    }
}
