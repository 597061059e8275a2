package fr.trame.reporting;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.activities.SessionService;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.attendance.AttendanceService;
import fr.trame.centre.Centre;
import fr.trame.people.MembershipImporter;
import fr.trame.people.PeopleImporter;
import fr.trame.people.PersonService;
import fr.trame.reception.ReceptionImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The definitions of interchange.md on a small hand-made centre; every expected value is worked out in a comment.
 * Period: 1 January to 31 March 2026.
 */
@TrameTest
class IndicatorServiceTest {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired MembershipImporter memberships;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired AttendanceService sheets;
    @Autowired SessionService sessions;
    @Autowired ReceptionImporter reception;
    @Autowired PersonService persons;
    @Autowired IndicatorService indicators;
    @Autowired DrillDown drillDown;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    Centre centre;
    Map<String, Object> json;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("ind");
        // Alice (F, 35) and Bob (M, 5, turns 6 on 15 February) live in H1 (Tilleuls, QPV, QF 250);
        // Carl (M, 41) in H2 (Moulin, not QPV, QF 1000); Dina (F, no birth date) in H3 (nothing known).
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date;role;quartier;qpv;qf
                H1;ALICE;Roux;Alice;F;1990-06-01;responsable;Tilleuls;oui;250
                H1;BOB;Roux;Bob;M;2020-02-15;enfant;Tilleuls;oui;250
                H2;CARL;Petit;Carl;M;1985-01-01;responsable;Moulin;non;1000
                H3;DINA;Sow;Dina;F;;responsable;;;
                """));
        // Bob also lives with his father Carl (shared custody): a second, non-principal household
        persons.attach(centre.id(), id("households", "H2"), id("persons", "BOB"), "enfant", null);
        memberships.importCsv(centre.id(), csv("""
                membership_ref;type;household_ref;person_ref;organisation;start_date;end_date
                M1;familiale;H1;;;2025-09-01;2026-08-31
                M2;individuelle;;CARL;;2024-09-01;2025-08-31
                M3;associative;;;Club de scrabble;2026-03-01;2026-12-31
                """));
        activities.importCsv(centre.id(), csv("""
                activity_ref;name;sector;kind
                A1;Atelier jeux;Enfance;atelier
                A2;Fête de printemps;Famille;evenement
                """));
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref;headcount;status
                A1;2026-01-10;10:00;12:00;BOB;;present
                A1;2026-01-10;10:00;12:00;ALICE;;absent
                A1;2026-02-20;10:00;11:30;BOB;;present
                A1;2026-02-20;10:00;11:30;CARL;;present
                A1;2025-12-31;10:00;12:00;CARL;;present
                A1;2026-04-01;10:00;12:00;ALICE;;present
                A1;2026-03-10;10:00;12:00;ALICE;;present
                A2;2026-03-15;14:00;18:00;;120;
                """));
        long cancelled = jdbc.sql("select id from sessions where centre_id = ? and date = '2026-03-10'").param(centre.id())
                .query(Long.class).single();
        sessions.cancel(centre.id(), cancelled, "Salle inondée");
        reception.importCsv(centre.id(), csv("""
                date;person_ref;channel;theme;status
                2026-03-01;DINA;accueil;caf,logement;
                2026-02-01;;telephone;autre;
                2026-03-02;ALICE;rdv;retraite;honore
                2025-12-20;CARL;accueil;sante;
                """));
        json = JsonTree.of(indicators.compute(centre.id(), centre.code(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)));
    }

    @Test
    void members() {
        // M1 covers H1's two persons; M2 ended before the period; M3 is an organisation's
        Map<String, Object> members = new java.util.LinkedHashMap<>(map("members"));
        // the second part's keys follow the first part's (PublicsSecondPartTest checks them)
        assertThat(members.keySet()).endsWith("profile", "householdsByQfBand");
        members.keySet().removeAll(List.of("profile", "householdsByQfBand"));
        assertThat(members).containsExactly(entry("memberships", 2), entry("households", 1), entry("persons", 2),
                entry("individual", 0), entry("organisations", 1));
    }

    @Test
    void publics() {
        Map<String, Object> publics = map("publics");
        // reached: Bob (10 Jan), Carl (20 Feb; his December visits are outside), Dina (reception only, 1 Mar),
        // Alice (appointment 2 Mar; absent on 10 Jan, cancelled 10 Mar and 1 April do not count)
        assertThat(publics.get("persons")).isEqualTo(4L);
        // households on first contact: Alice H1, Bob H1 and H2, Carl H2, Dina H3
        assertThat(publics.get("households")).isEqualTo(3L);
        assertThat(sub(publics, "bySex")).containsEntry("F", 2L).containsEntry("M", 2L).containsEntry("inconnu", 0L);
        // ages on first contact: Alice 35, Bob 5 on 10 January (his sixth birthday comes later), Carl 41, Dina unknown
        assertThat(sub(publics, "byAgeBand")).containsEntry("3-5", 1L).containsEntry("6-11", 0L)
                .containsEntry("26-59", 2L).containsEntry("inconnu", 1L);
        // by principal household: Alice and Bob H1, Carl H2, Dina H3
        assertThat(sub(publics, "byQuartier")).containsEntry("Tilleuls", 2L).containsEntry("Moulin", 1L).containsEntry("inconnu", 1L);
        assertThat(sub(publics, "qpv")).containsExactly(entry("oui", 2), entry("non", 1), entry("inconnu", 1));
        assertThat(sub(publics, "byQfBand")).containsEntry("0-300", 2L).containsEntry("901-1200", 1L).containsEntry("inconnu", 1L);
    }

    @Test
    void sectorsAndActivities() {
        List<Map<String, Object>> sectors = list("sectors");
        assertThat(sectors).extracting(s -> s.get("name")).containsExactly("Enfance", "Famille");
        Map<String, Object> enfance = sectors.get(0);
        // held: 10 Jan and 20 Feb (31 Dec and 1 Apr are outside, 10 Mar cancelled); present rows: Bob, Bob, Carl
        assertThat(enfance).containsEntry("sessions", 2L).containsEntry("persons", 2L).containsEntry("presences", 3L)
                // hours: 2 h (Bob on 10 Jan) + 1.5 h × 2 (Bob and Carl on 20 Feb)
                .containsEntry("hours", new BigDecimal("5.00")).containsEntry("anonymous", 0L)
                // Bob's two households and Carl's H2
                .containsEntry("households", 2L);
        assertThat(sub(enfance, "byAgeBand")).containsEntry("3-5", 1L).containsEntry("26-59", 1L);
        assertThat(sectors.get(1)).containsEntry("sessions", 1L).containsEntry("persons", 0L).containsEntry("anonymous", 120L)
                .containsEntry("hours", new BigDecimal("0.00"));

        List<Map<String, Object>> activities = list("activities");
        assertThat(activities).extracting(a -> a.get("ref")).containsExactly("A1", "A2");
        // average: (3 presences + 0 anonymous) / 2 sessions; (0 + 120) / 1
        assertThat(activities.get(0)).containsEntry("sessions", 2L).containsEntry("presences", 3L)
                .containsEntry("averagePerSession", new BigDecimal("1.5")).containsEntry("kind", "atelier");
        assertThat(activities.get(1)).containsEntry("averagePerSession", new BigDecimal("120.0")).containsEntry("sector", "Famille");
    }

    @Test
    void reception() {
        Map<String, Object> r = map("reception");
        // 1 Mar (Dina, two themes), 2 Feb (anonymous), 2 Mar (Alice's appointment); 20 Dec is outside
        assertThat(r).containsEntry("contacts", 3L).containsEntry("persons", 2L).containsEntry("anonymousContacts", 1L);
        assertThat(sub(r, "byTheme")).containsExactly(entry("autre", 1), entry("caf", 1), entry("logement", 1), entry("retraite", 1));
        assertThat(sub(r, "byChannel")).containsExactly(entry("accueil", 1), entry("rdv", 1), entry("telephone", 1));
        assertThat(sub(r, "appointments")).containsExactly(entry("honore", 1), entry("non_honore", 0), entry("annule", 0));
    }

    @Test
    void theApiServesTheSameJsonToRolesThatSeeAggregatesOnly() throws Exception {
        String federation = fixtures.user(centre, fr.trame.centre.Role.FEDERATION);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/v1/centres/" + centre.code() + "/indicators").param("from", "2026-01-01").param("to", "2026-03-31")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(federation)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.centre").value(centre.code()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.publics.persons").value(4))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.activities[0].hours").value(5.0));
        Centre other = fixtures.centre("autre");
        String stranger = fixtures.user(other, fr.trame.centre.Role.DIRECTION);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/v1/centres/" + centre.code() + "/indicators").param("from", "2026-01-01").param("to", "2026-03-31")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(stranger)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/v1/centres/" + centre.code() + "/indicators").param("from", "01/01/2026").param("to", "2026-03-31")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(federation)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest());
    }

    @Test
    void theCentresOwnBandsAndAnActivitysBandsCountTheSamePersons() {
        fr.trame.form.Bands own = fr.trame.form.Bands.parse("0, 6, 18");
        Publics.BandCounts bands = indicators.publicsInBands(centre.id(), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31), own, fr.trame.form.Bands.STANDARD_QF);
        // Bob 5, Alice 35, Carl 41, Dina unknown
        assertThat(bands.byAgeBand()).containsExactly(entry("0-5", 1), entry("6-17", 0), entry("18+", 2), entry("inconnu", 1));
        assertThat(indicators.publicsPersons(centre.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), "byAgeBand", "18+",
                own, fr.trame.form.Bands.STANDARD_QF)).extracting(p -> p.get("first_name")).containsExactly("Carl", "Alice");
        jdbc.sql("update activities set age_bands = '{0,6}' where centre_id = ? and ref = 'A1'").param(centre.id()).update();
        // in A1, Bob first came at 5 and Carl at 41
        assertThat(indicators.activityAgeBands(centre.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)))
                .containsOnlyKeys("A1|Atelier jeux")
                .extractingByKey("A1|Atelier jeux").isEqualTo(Map.of("0-5", 1L, "6+", 1L, "inconnu", 0L));
    }

    @Test
    void sectorAndReceptionListsHaveAsManyLinesAsTheirFigures() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 3, 31);
        long enfance = jdbc.sql("select id from sectors where centre_id = ? and name = 'Enfance'").param(centre.id()).query(Long.class).single();
        assertThat(drillDown.unit(centre.id(), from, to, "sector_id", enfance, "persons")).extracting(DrillDown.Item::label)
                .containsExactly("Carl Petit", "Bob Roux");
        assertThat(drillDown.unit(centre.id(), from, to, "sector_id", enfance, "households")).hasSize(2);
        assertThat(drillDown.unit(centre.id(), from, to, "sector_id", enfance, "sessions")).hasSize(2);
        assertThat(drillDown.unit(centre.id(), from, to, "sector_id", enfance, "byAgeBand:3-5")).extracting(DrillDown.Item::label)
                .containsExactly("Bob Roux");
        assertThat(drillDown.contacts(centre.id(), from, to, DrillDown.ContactFilter.ALL)).hasSize(3);
        assertThat(drillDown.contacts(centre.id(), from, to, new DrillDown.ContactFilter("caf", "", "", false))).hasSize(1);
        assertThat(drillDown.contacts(centre.id(), from, to, new DrillDown.ContactFilter("", "rdv", "honore", false))).hasSize(1);
        assertThat(drillDown.contacts(centre.id(), from, to, new DrillDown.ContactFilter("", "", "", true))).hasSize(1);
        assertThat(drillDown.receptionPersons(centre.id(), from, to)).extracting(DrillDown.Item::label)
                .containsExactly("Alice Roux", "Dina Sow");
        // M1 (H1) and M3 (the club); H1 covers Alice and Bob
        assertThat(drillDown.members(centre.id(), from, to, "memberships")).extracting(DrillDown.Item::label)
                .containsExactly("Club de scrabble", "Roux");
        assertThat(drillDown.members(centre.id(), from, to, "persons")).extracting(DrillDown.Item::label)
                .containsExactly("Alice Roux", "Bob Roux");
        assertThat(drillDown.publicsHouseholds(centre.id(), from, to)).hasSize(3);
    }

    /**
     * Every linked number of the report and of the dashboard, followed as direction would: the list it opens has as
     * many lines as the number says.
     */
    @Test
    void everyLinkedNumberOpensAListOfThatLength() throws Exception {
        String direction = fixtures.user(centre, fr.trame.centre.Role.DIRECTION);
        String base = "/c/" + centre.code();
        int followed = 0;
        int nonZero = 0;
        for (String page : List.of(base + "/rapport/2026", base + "/tableau-de-bord?type=annee&annee=2026")) {
            org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(page(page, direction));
            for (org.jsoup.nodes.Element link : doc.select("main a[href*=/tableau-de-bord/]")) {
                long figure = Long.parseLong(link.text().replace(" ", "").replace("\u00a0", "").replace("\u202f", ""));
                String list = page(link.attr("href"), direction);
                assertThat(org.jsoup.Jsoup.parse(list).selectFirst("#count").text().replace("\u202f", ""))
                        .as("%s on %s", link.attr("href"), page).isEqualTo(String.valueOf(figure));
                followed++;
                nonZero += figure > 0 ? 1 : 0;
            }
        }
        // identity, members, publics, two sectors (activities, sex, age), reception: well over a hundred numbers
        assertThat(followed).isGreaterThan(100);
        assertThat(nonZero).isGreaterThan(40);
        // the federation sees the same numbers, without the links to persons
        String federation = fixtures.user(centre, fr.trame.centre.Role.FEDERATION);
        org.jsoup.nodes.Document report = org.jsoup.Jsoup.parse(page(base + "/rapport/2026", federation));
        assertThat(report.select("main a[href*=/tableau-de-bord/]")).isEmpty();
        assertThat(report.text()).contains("Personnes touchées");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(base + "/tableau-de-bord/foyers")
                        .param("from", "2026-01-01").param("to", "2026-12-31")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(federation)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(java.net.URI.create(url))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(username)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Map.Entry<String, Long> entry(String key, long value) {
        return Map.entry(key, value);
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

    private long id(String table, String ref) {
        return jdbc.sql("select id from " + table + " where centre_id = ? and ref = ?").params(centre.id(), ref).query(Long.class).single();
    }
}
