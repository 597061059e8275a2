package fr.trame.attendance;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.activities.EnrolmentService;
import fr.trame.activities.SessionService;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import fr.trame.people.PeopleImporter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The attendance sheet's pages: what each htmx action sends back, the undo, the sign-in sheet, the animateur's day. */
@TrameTest
class AttendanceSheetPagesTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired SessionService sessions;
    @Autowired EnrolmentService enrolments;
    @Autowired AttendanceService attendance;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    Centre centre;
    String base;
    long activity;
    long session;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("feuille");
        people.importCsv(centre.id(), Fixtures.csv("""
                household_ref;person_ref;last_name;first_name;birth_date;sex
                H1;HEL;Martin;Hélène;2016-01-01;F
                H2;ABS;Blanc;Inès;2016-01-01;F
                H3;EXC;Caron;Hugo;2016-01-01;M
                H4;TODO;Diaz;Tom;2016-01-01;M
                H5;OUT;Roux;Ana;1990-01-01;F
                """));
        activities.importCsv(centre.id(), Fixtures.csv("activity_ref;name;sector;kind\nCLAS;Aide aux devoirs;Enfance;accompagnement_scolaire\n"));
        activity = id("activities", "CLAS");
        for (String ref : List.of("HEL", "ABS", "EXC", "TODO")) {
            enrolments.enrol(centre.id(), activity, id("persons", ref), null);
        }
        session = sessions.addOneOff(centre.id(), activity, LocalDate.of(2026, 3, 4), LocalTime.of(16, 30), LocalTime.of(18, 0));
        base = "/c/" + centre.code() + "/seances/" + session;
    }

    @Test
    void aTapSendsBackOnlyItsLineTheCounterAndTheAnnouncement() throws Exception {
        String animateur = fixtures.user(centre, Role.ANIMATEUR);
        long helene = id("persons", "HEL");
        Document page = html(mvc.perform(get(base).with(user(animateur))).andExpect(status().isOk()).andReturn());
        assertThat(page.getElementById("compteur").text()).isEqualTo("0 présent / 4");
        assertThat(page.getElementById("annonce").attr("aria-live")).isEqualTo("polite");
        assertThat(page.select("#lignes tr[hx-swap-oob]")).isEmpty();

        Document answer = html(mvc.perform(htmx(post(base + "/presences/" + helene), animateur)).andExpect(status().isOk()).andReturn());
        assertThat(answer.select("template tr[hx-swap-oob]")).extracting(e -> e.id()).containsExactly("p-" + helene);
        assertThat(answer.getElementById("tap-" + helene).text()).isEqualTo("Martin Hélène présent");
        assertThat(answer.getElementById("compteur").attr("hx-swap-oob")).isEqualTo("innerHTML");
        assertThat(answer.getElementById("compteur").text()).isEqualTo("1 présent / 4");
        assertThat(answer.getElementById("annonce").text()).isEqualTo("Hélène Martin : présente");

        answer = html(mvc.perform(htmx(post(base + "/presences/" + helene), animateur)).andReturn());
        assertThat(answer.getElementById("annonce").text()).isEqualTo("Hélène Martin : absente");
        assertThat(answer.getElementById("compteur").text()).isEqualTo("0 présent / 4");

        // without script: back to the sheet, at the line
        mvc.perform(post(base + "/presences/" + helene).with(user(animateur)).with(csrf()))
                .andExpect(redirectedUrl(base + "#p-" + helene));
    }

    @Test
    void allPresentAfterOthersMarkedAbsentsAndExcusesFillsOnlyTheLinesToDoAndCanBeUndone() throws Exception {
        long absent = id("persons", "ABS"), excused = id("persons", "EXC"), helene = id("persons", "HEL"), todo = id("persons", "TODO");
        String accueil = fixtures.user(centre, Role.ACCUEIL);
        String direction = fixtures.user(centre, Role.DIRECTION);
        String animateur = fixtures.user(centre, Role.ANIMATEUR);
        mvc.perform(htmx(post(base + "/presences/" + absent), accueil)).andExpect(status().isOk());
        mvc.perform(htmx(post(base + "/presences/" + absent), accueil)).andExpect(status().isOk()); // absent
        for (int i = 0; i < 3; i++) {
            mvc.perform(htmx(post(base + "/presences/" + excused), direction)).andExpect(status().isOk()); // excusé
        }

        Document answer = html(mvc.perform(htmx(post(base + "/tous-presents"), animateur)).andExpect(status().isOk()).andReturn());
        assertThat(answer.select("template tr[hx-swap-oob]")).extracting(e -> e.id())
                .containsExactlyInAnyOrder("p-" + helene, "p-" + todo);
        assertThat(answer.getElementById("compteur").text()).isEqualTo("2 présents / 4");
        assertThat(answer.getElementById("annonce").text()).startsWith("2 lignes « à faire » notées présentes.");
        assertThat(answer.select("#annulation #undo").text()).isEqualTo("Annuler (2 lignes remises à faire)");
        List<String> undoIds = answer.select("#annulation input[name=personId]").eachAttr("value");
        assertThat(undoIds).containsExactlyInAnyOrder(String.valueOf(helene), String.valueOf(todo));
        assertThat(statuses()).containsEntry(absent, "absent").containsEntry(excused, "excuse")
                .containsEntry(helene, "present").containsEntry(todo, "present");

        // the director undoes it: those two go back to "à faire", the absent and the excusé stay
        MockHttpServletRequestBuilder undo = post(base + "/tous-presents/annuler");
        undoIds.forEach(v -> undo.param("personId", v));
        answer = html(mvc.perform(htmx(undo, direction)).andExpect(status().isOk()).andReturn());
        assertThat(answer.select("template tr[hx-swap-oob]")).extracting(e -> e.id())
                .containsExactlyInAnyOrder("p-" + helene, "p-" + todo);
        assertThat(answer.getElementById("compteur").text()).isEqualTo("0 présent / 4");
        assertThat(answer.getElementById("annonce").text()).isEqualTo("Annulé : 2 lignes remises « à faire ».");
        assertThat(answer.select("#annulation").text()).isEmpty();
        assertThat(answer.getElementById("all-present").hasAttr("autofocus")).isTrue();
        assertThat(statuses()).containsEntry(absent, "absent").containsEntry(excused, "excuse")
                .containsEntry(helene, null).containsEntry(todo, null);

        // without script: the flash carries the undo, which the sheet then offers
        MvcResult done = mvc.perform(post(base + "/tous-presents").with(user(animateur)).with(csrf()))
                .andExpect(redirectedUrl(base)).andExpect(flash().attributeExists("undoIds")).andReturn();
        Document sheet = html(mvc.perform(get(base).with(user(animateur)).cookie(done.getResponse().getCookie("SESSION"))).andReturn());
        assertThat(sheet.select("#annulation input[name=personId]").eachAttr("value"))
                .containsExactlyInAnyOrder(String.valueOf(helene), String.valueOf(todo));
        mvc.perform(post(base + "/tous-presents/annuler").param("personId", String.valueOf(helene), String.valueOf(todo))
                .with(user(animateur)).with(csrf())).andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("message", "Annulé : 2 lignes remises « à faire »."));
        assertThat(statuses()).containsEntry(helene, null).containsEntry(absent, "absent");

        mvc.perform(post(base + "/tous-presents/annuler").param("personId", "x").with(user(animateur)).with(csrf()))
                .andExpect(status().isBadRequest());
        String federation = fixtures.user(centre, Role.FEDERATION);
        mvc.perform(htmx(post(base + "/tous-presents"), federation)).andExpect(status().isForbidden());
        mvc.perform(htmx(post(base + "/tous-presents/annuler").param("personId", String.valueOf(absent)), federation))
                .andExpect(status().isForbidden());
    }

    @Test
    void timesAreSavedInTheLineAndABadTimeKeepsWhatWasTypedAndNamesTheField() throws Exception {
        String animateur = fixtures.user(centre, Role.ANIMATEUR);
        long tom = id("persons", "TODO");
        Document answer = html(mvc.perform(htmx(post(base + "/horaires/" + tom).param("arrival", "16:40").param("departure", "17:55"), animateur))
                .andExpect(status().isOk()).andReturn());
        assertThat(answer.select("template tr[hx-swap-oob]")).extracting(e -> e.id()).containsExactly("p-" + tom);
        assertThat(answer.getElementById("h-" + tom).text()).isEqualTo("16:40 – 17:55");
        assertThat(answer.select("#p-" + tom + " details").hasAttr("open")).isTrue(); // the OK button keeps the focus
        assertThat(answer.getElementById("annonce").text()).isEqualTo("Tom Diaz : heures enregistrées (16:40 – 17:55), présent");
        assertThat(answer.getElementById("compteur").text()).isEqualTo("1 présent / 4");

        answer = html(mvc.perform(htmx(post(base + "/horaires/" + tom).param("arrival", "18:00").param("departure", "17:00"), animateur))
                .andExpect(status().isOk()).andReturn());
        assertThat(answer.getElementById("err-" + tom).text()).isEqualTo("Départ : l'heure de départ doit suivre l'heure d'arrivée.");
        assertThat(answer.getElementById("arr-" + tom).val()).isEqualTo("18:00");
        assertThat(answer.getElementById("dep-" + tom).attr("aria-invalid")).isEqualTo("true");
        assertThat(answer.getElementById("dep-" + tom).attr("aria-describedby")).isEqualTo("err-" + tom);
        assertThat(answer.getElementById("annonce").text()).startsWith("Tom Diaz : heures non enregistrées.");
        assertThat(attendance.line(centre.id(), session, tom).orElseThrow().arrival()).isEqualTo(LocalTime.of(16, 40));

        // without script: the whole sheet, the typed values kept, the message in French naming the field
        Document page = html(mvc.perform(post(base + "/horaires/" + tom).param("arrival", "9h").param("departure", "")
                .with(user(animateur)).with(csrf())).andExpect(status().isOk()).andReturn());
        assertThat(page.getElementById("arr-" + tom).val()).isEqualTo("9h");
        assertThat(page.getElementById("err-" + tom).text()).isEqualTo("Arrivée : heure invalide, écrivez-la HH:MM.");
        assertThat(page.select(".flash.err").text()).contains("Arrivée");
    }

    @Test
    void addingAParticipantSwapsTheTableBodyInPlace() throws Exception {
        String animateur = fixtures.user(centre, Role.ANIMATEUR);
        long ana = id("persons", "OUT");
        Document hits = html(mvc.perform(get(base).param("q", "roux").with(user(animateur))).andReturn());
        assertThat(hits.select("#hits li").eachAttr("id")).contains("hit-" + ana);

        Document answer = html(mvc.perform(htmx(post(base + "/ajout").param("personId", String.valueOf(ana)), animateur))
                .andExpect(status().isOk()).andReturn());
        assertThat(answer.select("template tbody#lignes[hx-swap-oob] tr[data-nom]").eachAttr("data-nom"))
                .containsExactly("Blanc Inès", "Caron Hugo", "Diaz Tom", "Martin Hélène", "Roux Ana");
        assertThat(answer.select("template tbody#lignes tr[hx-swap-oob]")).isEmpty(); // rows are swapped with their body
        assertThat(answer.getElementById("compteur").text()).isEqualTo("1 présent / 5");
        assertThat(answer.getElementById("annonce").text()).isEqualTo("Ana Roux : ajoutée à la séance, présente");
        assertThat(answer.select("template li#hit-" + ana + " #add-" + ana).attr("tabindex")).isEqualTo("-1");

        // already on the sheet: the state is kept, and said
        mvc.perform(htmx(post(base + "/presences/" + ana), animateur)); // absent
        answer = html(mvc.perform(htmx(post(base + "/ajout").param("personId", String.valueOf(ana)), animateur)).andReturn());
        assertThat(answer.getElementById("annonce").text()).isEqualTo("Ana Roux est déjà sur la feuille : absente");
    }

    @Test
    void theSignInSheetHasASignatureColumnAndNoMenuForTheRolesThatTakeAttendance() throws Exception {
        String animateur = fixtures.user(centre, Role.ANIMATEUR);
        Document sheet = html(mvc.perform(get(base).with(user(animateur))).andReturn());
        assertThat(sheet.getElementById("emargement").attr("href")).isEqualTo(base + "/emargement");

        attendance.setTimes(centre.id(), session, id("persons", "HEL"), LocalTime.of(16, 35), null);
        Document print = html(mvc.perform(get(base + "/emargement").with(user(animateur))).andExpect(status().isOk()).andReturn());
        assertThat(print.select("header.top, nav")).isEmpty();
        assertThat(print.select("table#emargement thead th").eachText())
                .containsExactly("N°", "Nom", "Prénom", "Présence", "Arrivée", "Départ", "Signature");
        assertThat(print.select("table#emargement tbody tr:not(.blank)")).extracting(e -> e.child(1).text() + " " + e.child(2).text())
                .containsExactly("Blanc Inès", "Caron Hugo", "Diaz Tom", "Martin Hélène");
        assertThat(print.select("table#emargement tbody tr:not(.blank)").get(3).child(4).text()).isEqualTo("16:35");
        assertThat(print.text()).contains("Aide aux devoirs").contains("mercredi 4 mars 2026").contains(centre.name());

        mvc.perform(get(base + "/emargement").with(user(fixtures.user(centre, Role.FEDERATION)))).andExpect(status().isForbidden());
        Centre other = fixtures.centre("ailleurs");
        mvc.perform(get("/c/" + other.code() + "/seances/" + session + "/emargement").with(user(fixtures.user(other, Role.ANIMATEUR))))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAnimateurLandsOnTodaysSessionsTheirOwnFirstWithAWayToSeeAll() throws Exception {
        String referent = fixtures.user(centre, Role.ANIMATEUR);
        String colleague = fixtures.user(centre, Role.ANIMATEUR);
        activities.importCsv(centre.id(), Fixtures.csv("activity_ref;name;sector;kind\nYOGA;Yoga parents;Adultes;atelier\n"));
        LocalDate today = LocalDate.now();
        sessions.addOneOff(centre.id(), activity, today, LocalTime.of(16, 30), LocalTime.of(18, 0));
        sessions.addOneOff(centre.id(), id("activities", "YOGA"), today, LocalTime.of(10, 0), LocalTime.of(11, 0));
        jdbc.sql("update activities set referent_user_id = ? where centre_id = ? and id = ?")
                .params(users.findByUsername(referent).orElseThrow().id(), centre.id(), activity).update();
        String home = "/c/" + centre.code();

        mvc.perform(get(home).with(user(referent))).andExpect(redirectedUrl(home + "/jour"));
        mvc.perform(get(home).with(user(fixtures.user(centre, Role.ACCUEIL)))).andExpect(status().isOk());

        Document mine = html(mvc.perform(get(home + "/jour").with(user(referent))).andExpect(status().isOk()).andReturn());
        assertThat(mine.select("#seances .name").eachText()).containsExactly("16:30–18:00 · Aide aux devoirs");
        assertThat(mine.getElementById("voir-toutes").text()).isEqualTo("Voir toutes les séances du jour (2)");
        assertThat(mine.getElementById("voir-toutes").attr("href")).isEqualTo(home + "/jour?date=" + today + "&vue=toutes");
        Document all = html(mvc.perform(get(mine.getElementById("voir-toutes").attr("href")).with(user(referent))).andReturn());
        assertThat(all.select("#seances .name").eachText())
                .containsExactly("10:00–11:00 · Yoga parents", "16:30–18:00 · Aide aux devoirs");
        assertThat(all.getElementById("voir-miennes")).isNotNull();
        // the previous and next days keep the choice, with real query parameters
        assertThat(all.select("a:contains(Veille)").attr("href")).isEqualTo(home + "/jour?date=" + today.minusDays(1) + "&vue=toutes");

        // a colleague referent of none of them sees them all, and is told why
        Document theirs = html(mvc.perform(get(home + "/jour").with(user(colleague))).andReturn());
        assertThat(theirs.select("#seances .name")).hasSize(2);
        assertThat(theirs.getElementById("vue").text()).contains("toutes sont affichées");
        // other roles see all the day's sessions by default
        Document direction = html(mvc.perform(get(home + "/jour").with(user(fixtures.user(centre, Role.DIRECTION)))).andReturn());
        assertThat(direction.select("#seances .name")).hasSize(2);

        // the phone menu's button is hidden until the script shows it: without script the menu stays visible
        assertThat(mine.select("header.top button.menu-toggle[hidden][aria-controls=menu][aria-expanded=false]")).hasSize(1);
        assertThat(mine.select("header.top nav#menu a").eachText()).contains("Aujourd'hui", "Activités");
        assertThat(mine.select("script[src=/js/trame.js]")).hasSize(1);
    }

    private MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, String username) {
        return request.header("HX-Request", "true").with(user(username)).with(csrf());
    }

    private static Document html(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private Map<Long, String> statuses() {
        Map<Long, String> byPerson = new java.util.HashMap<>();
        attendance.sheet(centre.id(), session).forEach(l -> byPerson.put(l.personId(), l.status()));
        return byPerson;
    }

    private long id(String table, String ref) {
        return jdbc.sql("select id from " + table + " where centre_id = ? and ref = ?").params(centre.id(), ref)
                .query(Long.class).single();
    }
}
