package fr.trame.people;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.activities.EnrolmentService;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.reporting.AnnualReportService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The memberships as the desk uses them: no second one offered or taken, cancelled with a reason, a long list paged. */
@TrameTest
class MembershipPagesTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired MembershipImporter importer;
    @Autowired MembershipService memberships;
    @Autowired ActivityImporter activityImporter;
    @Autowired EnrolmentService enrolments;
    @Autowired AnnualReportService reports;
    @Autowired JdbcClient jdbc;

    Centre centre;
    String accueil;
    MembershipService.Season season;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("adhpages");
        accueil = fixtures.user(centre, Role.ACCUEIL);
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;birth_date;role;address;commune;phone
                F1;P1;Rivière;Marie;1950-02-01;responsable;3 rue des Lilas;Istres;
                F1;P3;Rivière;Noé;2016-05-01;enfant;;;
                F2;P2;Rivière;Marie;1990-07-01;responsable;12 avenue Foch;Miramas;06 11 22 33 44
                """));
        season = memberships.seasonOf(centre.id(), LocalDate.now());
    }

    @Test
    void theHouseholdPageOffersNoSecondMembershipAndASecondPostIsRefusedInFrench() throws Exception {
        long household = id("households", "F1");
        String page = base() + "/foyers/" + household;
        mvc.perform(get(page).with(user(accueil))).andExpect(content().string(containsString("id=\"add-membership\"")));
        take("familiale", "householdId", household).andExpect(flash().attribute("message", containsString("enregistrée")));
        mvc.perform(get(page).with(user(accueil))).andExpect(content().string(allOf(
                not(containsString("id=\"add-membership\"")),
                containsString("Adhésion familiale " + season.label() + " déjà prise"))));
        take("familiale", "householdId", household).andExpect(flash().attribute("error",
                containsString("Ce foyer a déjà une adhésion familiale pour la saison " + season.label())));
        assertThat(count()).isEqualTo(1);

        long person = id("persons", "P2");
        take("individuelle", "personId", person);
        mvc.perform(get(base() + "/personnes/" + person).with(user(accueil))).andExpect(content().string(
                containsString("Adhésion individuelle " + season.label() + " déjà prise")));
        take("individuelle", "personId", person).andExpect(flash().attribute("error", containsString("Cette personne a déjà")));
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void anUnreadableAmountIsSaidBesideItsFieldOnEveryPageThatOffersAMembership() throws Exception {
        long person = id("persons", "P2");
        for (String[] form : new String[][] {
                {"individuelle", "personId", String.valueOf(person), base() + "/personnes/" + person},
                {"associative", "organisation", "Amicale laïque", base() + "/adhesions"}}) {
            // the flash lives in the session (Spring Session): the next page is asked with its cookie, as a browser would
            var refused = mvc.perform(post(base() + "/adhesions").with(user(accueil)).with(csrf()).param("type", form[0])
                            .param(form[1], form[2]).param("seasonId", String.valueOf(season.id())).param("amount", "douze")
                            .param("returnTo", form[3]))
                    .andReturn();
            mvc.perform(get(form[3]).with(user(accueil)).cookie(refused.getResponse().getCookie("SESSION"))).andExpect(content().string(allOf(
                    containsString("Montant invalide"), containsString("value=\"douze\""))));
        }
        assertThat(count()).isZero();
    }

    @Test
    void aMembershipIsCancelledWithAReasonStaysStruckThroughAndCanBeTakenAgain() throws Exception {
        long household = id("households", "F1");
        take("familiale", "householdId", household);
        long m = jdbc.sql("select id from memberships where centre_id = ?").param(centre.id()).query(Long.class).single();
        String returnTo = base() + "/adhesions";
        mvc.perform(post(base() + "/adhesions/" + m + "/annuler").with(user(accueil)).with(csrf())
                        .param("reason", "  ").param("returnTo", returnTo))
                .andExpect(flash().attribute("error", "Motif de l'annulation : indiquez pourquoi l'adhésion est annulée."));
        assertThat(memberships.find(centre.id(), m).orElseThrow().cancelled()).isFalse();
        // the federation sees no personal data, so cannot cancel
        mvc.perform(post(base() + "/adhesions/" + m + "/annuler").with(user(fixtures.user(centre, Role.FEDERATION))).with(csrf())
                .param("reason", "x").param("returnTo", returnTo)).andExpect(status().isForbidden());
        mvc.perform(post(base() + "/adhesions/" + m + "/annuler").with(user(accueil)).with(csrf())
                        .param("reason", "saisie en double").param("returnTo", returnTo))
                .andExpect(flash().attribute("message", containsString("annulée (saisie en double)")));
        mvc.perform(get(returnTo).with(user(accueil))).andExpect(content().string(allOf(
                containsString("class=\"cancelled\""), containsString("saisie en double"),
                containsString("<th class=\"num\">0</th>"))));
        // the log says who cancelled and when; the reason, typed text, stays on the membership only
        assertThat(jdbc.sql("select count(*) from audit_log where centre_id = ? and entity = 'adhésion' and entity_id = ? and action = 'annulation' and detail is null")
                .params(centre.id(), m).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get(base() + "/foyers/" + household).with(user(accueil)))
                .andExpect(content().string(containsString("id=\"add-membership\"")));
    }

    @Test
    void namesakesAreToldApartInTheListAndTheSearches() throws Exception {
        take("individuelle", "personId", id("persons", "P1"));
        take("individuelle", "personId", id("persons", "P2"));
        mvc.perform(get(base() + "/adhesions").with(user(accueil))).andExpect(content().string(allOf(
                containsString("réf. P1 · 3 rue des Lilas Istres"), containsString("réf. P2 · 12 avenue Foch Miramas"))));
        mvc.perform(get(base() + "/personnes/choix").param("q", "marie riviere").with(user(accueil)))
                .andExpect(content().string(allOf(containsString("foyer réf. F1 · 3 rue des Lilas Istres"),
                        containsString("foyer réf. F2 · 12 avenue Foch Miramas"))));
        mvc.perform(get(base() + "/foyers").param("q", "riviere").with(user(accueil)))
                .andExpect(content().string(allOf(containsString("3 rue des Lilas Istres"), containsString("12 avenue Foch Miramas"),
                        not(containsString("précisez la recherche")))));
    }

    @Test
    void aSearchThatStopsSaysSo() throws Exception {
        StringBuilder file = new StringBuilder("household_ref;person_ref;last_name;first_name\n");
        for (int i = 0; i < 12; i++) {
            file.append("G").append(i).append(";Q").append(i).append(";Martin;Jean\n");
        }
        people.importCsv(centre.id(), csv(file.toString()));
        // the picker shows 8 persons
        mvc.perform(get(base() + "/personnes/choix").param("q", "jean martin").with(user(accueil)))
                .andExpect(content().string(containsString("Plus de 8 résultats : précisez la recherche.")));
        mvc.perform(get(base() + "/personnes/choix").param("q", "marie riviere").with(user(accueil)))
                .andExpect(content().string(not(containsString("précisez la recherche"))));
    }

    @Test
    void theLongListIsPagedSortedAndExportedWithItsFilters() throws Exception {
        StringBuilder p = new StringBuilder("household_ref;person_ref;last_name;first_name\n");
        StringBuilder m = new StringBuilder("membership_ref;type;household_ref;organisation;start_date;end_date;amount\n");
        for (int i = 0; i < 120; i++) {
            String name = "Nom" + String.format("%03d", i);
            p.append("L").append(i).append(";LP").append(i).append(";").append(name).append(";Ana\n");
            m.append("M").append(i).append(";familiale;L").append(i).append(";;").append(season.startDate()).append(';')
                    .append(season.endDate()).append(";15\n");
        }
        m.append("ORG;associative;;=HYPERLINK(\"x\");").append(season.startDate()).append(';').append(season.endDate()).append(";50\n");
        people.importCsv(centre.id(), csv(p.toString()));
        importer.importCsv(centre.id(), csv(m.toString()));
        String list = base() + "/adhesions";
        mvc.perform(get(list).param("type", "familiale").with(user(accueil))).andExpect(content().string(allOf(
                containsString("Adhésions 1 à 50 sur 120, page 1 sur 3."), containsString("Famille Nom000"),
                not(containsString("Famille Nom050")),
                containsString("href=\"" + list + "?saison=" + season.id() + "&amp;type=familiale&amp;tri=nom&amp;page=2\""))));
        mvc.perform(get(list).param("type", "familiale").param("page", "3").with(user(accueil))).andExpect(content().string(allOf(
                containsString("Adhésions 101 à 120 sur 120, page 3 sur 3."), containsString("Famille Nom119"),
                not(containsString("Famille Nom000")))));
        // a page beyond the last shows the last; nonsense falls back to the defaults
        mvc.perform(get(list).param("page", "999").param("tri", "x").param("type", "y").with(user(accueil)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("page 3 sur 3")));

        String csv = mvc.perform(get(list).param("type", "associative").param("format", "csv").with(user(accueil)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().collect(Collectors.toList());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("\uFEFFType;Adhérent;Repère;Saison;Début;Fin;Montant (€);Paiement;Annulation");
        assertThat(lines.get(1)).startsWith("Associative;\"'=HYPERLINK(\"\"x\"\")\";;" + season.label() + ";");
        String all = mvc.perform(get(list).param("saison", "toutes").param("format", "csv").with(user(accueil)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(all.lines().count()).isEqualTo(1 + 121);
        mvc.perform(get(list).param("format", "csv").with(user(fixtures.user(centre, Role.FEDERATION)))).andExpect(status().isForbidden());
    }

    @Test
    void theAnnualReportLeadsWithDistinctMembersAndShowsMembershipsBySeason() {
        int year = 2024;
        importer.importCsv(centre.id(), csv("""
                membership_ref;type;household_ref;person_ref;start_date;end_date
                A1;familiale;F1;;2023-09-01;2024-08-31
                A2;familiale;F1;;2024-09-01;2025-08-31
                A3;individuelle;;P2;2023-09-01;2024-08-31
                A4;individuelle;;P2;2024-09-01;2025-08-31
                """));
        AnnualReportService.Report report = reports.build(centre, year);
        AnnualReportService.Table figures = report.chapters().get(0).tables().stream()
                .filter(t -> t.title().equals("L'année en chiffres")).findFirst().orElseThrow();
        // 2024 overlaps two seasons: 4 memberships, but 3 persons (F1's two and P2) and 1 household
        assertThat(figures.rows().get(0)).containsExactly("Personnes adhérentes", 3L, 3L);
        assertThat(figures.rows().get(1)).containsExactly("Foyers adhérents", 1L, 1L);
        assertThat(figures.rows()).noneMatch(r -> r.get(0).equals("Adhésions"));
        AnnualReportService.Table bySeason = report.chapters().get(0).tables().stream()
                .filter(t -> t.title().startsWith("Adhésions par saison")).findFirst().orElseThrow();
        assertThat(bySeason.rows()).containsExactly(List.of("Saison 2023-2024", 2L), List.of("Saison 2024-2025", 2L));
    }

    @Test
    void aPersonIsEnrolledFromTheirPageAndTheWaitingListShowsRankDateAndPhone() throws Exception {
        activityImporter.importCsv(centre.id(), csv("activity_ref;name;sector\nYOGA;Yoga;Adultes\n"));
        long activity = id("activities", "YOGA");
        jdbc.sql("update activities set capacity = 1 where centre_id = ? and id = ?").params(centre.id(), activity).update();
        long p1 = id("persons", "P1");
        long p3 = id("persons", "P3");
        long household = id("households", "F1");
        mvc.perform(get(base() + "/foyers/" + household + "/activites").with(user(accueil))).andExpect(content().string(allOf(
                containsString("id=\"enrol-person\""), containsString("Yoga (Adultes)"))));
        mvc.perform(post(base() + "/personnes/inscription").with(user(accueil)).with(csrf())
                        .param("personId", String.valueOf(p1)).param("activityId", String.valueOf(activity))
                        .param("returnTo", base() + "/personnes/" + p1 + "#activites"))
                .andExpect(header().string("Location", base() + "/personnes/" + p1 + "#activites"))
                .andExpect(flash().attribute("message", "Yoga, Marie Rivière : Inscription enregistrée."));
        // its one place taken: the choice says the next one waits
        mvc.perform(get(base() + "/foyers/" + household + "/activites").with(user(accueil))).andExpect(content().string(
                containsString("Yoga (Adultes) — complet : liste d&#39;attente")));
        mvc.perform(post(base() + "/personnes/inscription").with(user(accueil)).with(csrf())
                        .param("personId", String.valueOf(p3)).param("activityId", String.valueOf(activity))
                        .param("returnTo", base() + "/foyers/" + household + "#activites"))
                .andExpect(flash().attribute("message", containsString("liste d'attente")));
        enrolments.enrol(centre.id(), activity, id("persons", "P2"), null);
        mvc.perform(post(base() + "/personnes/inscription").with(user(accueil)).with(csrf())
                        .param("activityId", String.valueOf(activity)).param("returnTo", base() + "/foyers/" + household))
                .andExpect(flash().attribute("error", "Personne : choisissez qui inscrire."));
        String today = LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        mvc.perform(get(base() + "/activites/" + activity).with(user(accueil))).andExpect(content().string(allOf(
                containsString("liste d&#39;attente, 1re"), containsString("liste d&#39;attente, 2e"), containsString(today),
                containsString("06 11 22 33 44"))));
    }

    private org.springframework.test.web.servlet.ResultActions take(String type, String holder, long id) throws Exception {
        return mvc.perform(post(base() + "/adhesions").with(user(accueil)).with(csrf()).param("type", type)
                .param(holder, String.valueOf(id)).param("seasonId", String.valueOf(season.id())).param("amount", "15")
                .param("returnTo", base() + "/adhesions"));
    }

    private long id(String table, String ref) {
        return jdbc.sql("select id from " + table + " where centre_id = ? and ref = ?").params(centre.id(), ref)
                .query(Long.class).single();
    }

    private long count() {
        return jdbc.sql("select count(*) from memberships where centre_id = ?").param(centre.id()).query(Long.class).single();
    }

    private String base() {
        return "/c/" + centre.code();
    }
}
