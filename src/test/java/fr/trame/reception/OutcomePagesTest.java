package fr.trame.reception;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.activities.EnrolmentService;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The centre's outcomes as pages: the direction's list (add, rename, archive; another centre's outcome is not found),
 * closing a case file with one (a value outside the list is named in French and nothing is closed), a workshop
 * participant's outcome, and the case files behind a figure, never one the user may not open.
 */
@TrameTest
class OutcomePagesTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired EnrolmentService enrolments;
    @Autowired CaseOutcomeService outcomes;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    Centre centre;
    String base;
    String direction;
    String accueil;
    long marie;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("issues");
        base = "/c/" + centre.code();
        direction = fixtures.user(centre, Role.DIRECTION);
        accueil = fixtures.user(centre, Role.ACCUEIL);
        people.importCsv(centre.id(), Fixtures.csv("household_ref;person_ref;last_name;first_name\nH1;P1;Haddad;Marie\nH1;P2;Haddad;Sami\n"));
        marie = person("P1");
    }

    @Test
    void labelsThatDifferByPunctuationGetTheFirstFreeCode() {
        // « Emploi » is a default (code emploi); « Emploi 2 » takes emploi_2, so « Emploi ! » and « Emploi ? » (both
        // folded to emploi) take the next free suffixes, 3 and 4, instead of colliding with emploi_2
        assertThat(outcomes.add(centre.id(), "Emploi 2").code()).isEqualTo("emploi_2");
        assertThat(outcomes.add(centre.id(), "Emploi !").code()).isEqualTo("emploi_3");
        assertThat(outcomes.add(centre.id(), "Emploi ?").code()).isEqualTo("emploi_4");
    }

    @Test
    void theDirectionAddsRenamesAndArchivesOutcomesOfItsCentreOnly() throws Exception {
        String page = body(mvc.perform(get(base + "/accueil/issues").with(user(direction))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page).contains("Orientation vers un partenaire").contains("Droits ouverts").contains("Abandon");
        mvc.perform(get(base + "/accueil/issues").with(user(accueil))).andExpect(status().isForbidden());

        mvc.perform(post(base + "/accueil/issues").with(user(direction)).with(csrf()).param("label", "Entrée en formation qualifiante"))
                .andExpect(status().is3xxRedirection());
        CaseOutcomeService.CaseOutcome added = outcomes.choosable(centre.id(), "entree_en_formation_qualifiante").orElseThrow();
        // the same label again is refused, in French
        String refused = mvc.perform(post(base + "/accueil/issues").with(user(direction)).with(csrf()).param("label", "emploi"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("error").toString();
        assertThat(refused).isEqualTo("L'issue « emploi » existe déjà.");
        mvc.perform(post(base + "/accueil/issues/" + added.id()).with(user(direction)).with(csrf()).param("label", "Formation qualifiante"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/accueil/issues/" + added.id() + "/archive").with(user(direction)).with(csrf()).param("archived", "true"))
                .andExpect(status().is3xxRedirection());
        CaseOutcomeService.CaseOutcome now = outcomes.find(centre.id(), added.id());
        assertThat(now.label()).isEqualTo("Formation qualifiante");
        assertThat(now.code()).isEqualTo("entree_en_formation_qualifiante");
        assertThat(now.archived()).isTrue();
        assertThat(outcomes.choosable(centre.id(), now.code())).isEmpty();

        // another centre's outcome: 404 on every form, and nothing of it changes
        Centre other = fixtures.centre("issues-autre");
        long foreign = outcomes.all(other.id()).get(0).id();
        mvc.perform(post(base + "/accueil/issues/" + foreign).with(user(direction)).with(csrf()).param("label", "Pris"))
                .andExpect(status().isNotFound());
        mvc.perform(post(base + "/accueil/issues/" + foreign + "/archive").with(user(direction)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(outcomes.all(other.id()).get(0).label()).isEqualTo("Emploi");
        assertThat(outcomes.all(other.id()).get(0).archived()).isFalse();
    }

    @Test
    void closingACaseNeedsAnOutcomeOfTheListAndTheFiguresListOnlyFilesOneMayOpen() throws Exception {
        long mine = openCase("Dossier logement", accueil);
        long directions = openCase("Dossier confidentiel de la direction", direction);
        String page = body(mvc.perform(get(base + "/dossiers/" + mine).with(user(accueil))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page).containsPattern("<select id=\"close-outcome\"").contains("<option value=\"droits_ouverts\">Droits ouverts</option>");

        String refused = body(mvc.perform(post(base + "/dossiers/" + mine + "/cloture").with(user(accueil)).with(csrf())
                        .param("closeOutcome", "relogée"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused).contains("Choisissez l'issue de l'accompagnement dans la liste du centre.")
                .containsPattern(input("close-outcome") + "aria-invalid=\"true\"");
        assertThat(closedOn(mine)).isNull();

        mvc.perform(post(base + "/dossiers/" + mine + "/cloture").with(user(accueil)).with(csrf()).param("closeOutcome", "logement"))
                .andExpect(status().is3xxRedirection());
        assertThat(closedOn(mine)).isNotNull();
        assertThat(body(mvc.perform(get(base + "/dossiers/" + mine).with(user(accueil))).andReturn().getResponse()
                .getContentAsString())).contains(" — Logement</dd>");

        // the active files of this year: the accueil user opens one of the two, the other is only counted
        int year = jdbc.sql("select extract(year from centre_today(?))::int").param(centre.id()).query(Integer.class).single();
        String from = year + "-01-01";
        String to = year + "-12-31";
        String list = body(mvc.perform(get(base + "/tableau-de-bord/dossiers").param("from", from).param("to", to)
                .param("quoi", "active").with(user(accueil))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(list).contains("Marie Haddad — Dossier logement").doesNotContain("confidentiel de la direction")
                .containsPattern("id=\"count\">2<").containsPattern("id=\"hidden\">1<");
        assertThat(body(mvc.perform(get(base + "/tableau-de-bord/dossiers").param("from", from).param("to", to)
                .param("quoi", "active").with(user(direction))).andReturn().getResponse().getContentAsString()))
                .contains("Dossier confidentiel de la direction").contains("Dossier logement");
        assertThat(body(mvc.perform(get(base + "/tableau-de-bord/dossiers").param("from", from).param("to", to)
                .param("quoi", "closed").param("issue", "logement").with(user(direction))).andReturn().getResponse()
                .getContentAsString())).contains("issue : Logement").contains("Dossier logement").doesNotContain("confidentiel");
        assertThat(directions).isPositive();

        // the dashboard shows the figures and links to those lists
        String dashboard = body(mvc.perform(get(base + "/tableau-de-bord").param("annee", "" + year).with(user(direction)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(dashboard).contains("Dossiers d'accompagnement").contains("Clos — Logement")
                .contains("/tableau-de-bord/dossiers?from=" + from + "&to=" + to + "&quoi=active");
    }

    @Test
    void aWorkshopParticipantsOutcomeIsRecordedFromTheActivityPage() throws Exception {
        activities.importCsv(centre.id(), Fixtures.csv("activity_ref;name;sector;public\nINS;Atelier emploi;Insertion;Adultes\n"));
        long activity = jdbc.sql("select id from activities where centre_id = ? and ref = 'INS'").param(centre.id())
                .query(Long.class).single();
        enrolments.enrol(centre.id(), activity, marie, null);
        long enrolment = jdbc.sql("select id from enrolments where centre_id = ? and person_id = ?").params(centre.id(), marie)
                .query(Long.class).single();
        // no outcome yet: the column waits for the link that asks for it
        String page = body(mvc.perform(get(base + "/activites/" + activity).with(user(accueil))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page).doesNotContain("<th>Issue</th>").contains("Noter l'issue des participants");
        page = body(mvc.perform(get(base + "/activites/" + activity).param("issues", "true").with(user(accueil)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page).contains("<th>Issue</th>").contains("aria-label=\"Issue de Marie Haddad\"");
        mvc.perform(post(base + "/inscriptions/" + enrolment + "/issue").with(user(accueil)).with(csrf()).param("outcome", "emploi"))
                .andExpect(status().is3xxRedirection());
        assertThat(body(mvc.perform(get(base + "/activites/" + activity).with(user(accueil))).andReturn().getResponse()
                .getContentAsString())).contains("<th>Issue</th>").containsPattern("<option value=\"emploi\"[^>]*selected");
        assertThat(jdbc.sql("select outcome_code || ' ' || (outcome_on = centre_today(centre_id)) from enrolments"
                + " where centre_id = ? and id = ?").params(centre.id(), enrolment).query(String.class).single()).isEqualTo("emploi true");
        String error = mvc.perform(post(base + "/inscriptions/" + enrolment + "/issue").with(user(accueil)).with(csrf())
                .param("outcome", "embauche")).andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("error").toString();
        assertThat(error).isEqualTo("Choisissez l'issue du participant dans la liste du centre (ou aucune).");
        assertThat(jdbc.sql("select outcome_code from enrolments where centre_id = ? and id = ?").params(centre.id(), enrolment)
                .query(String.class).single()).isEqualTo("emploi");
        Centre other = fixtures.centre("issues-autre");
        String stranger = fixtures.user(other, Role.DIRECTION);
        mvc.perform(post("/c/" + other.code() + "/inscriptions/" + enrolment + "/issue").with(user(stranger)).with(csrf())
                .param("outcome", "abandon")).andExpect(status().isNotFound());
    }

    private long openCase(String subject, String referent) throws Exception {
        mvc.perform(post(base + "/dossiers").with(user(referent)).with(csrf()).param("personne", "" + marie)
                .param("referent", "" + users.findByUsername(referent).orElseThrow().id()).param("subject", subject))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from cases where centre_id = ? and subject = ?").params(centre.id(), subject).query(Long.class).single();
    }

    private LocalDate closedOn(long id) {
        return jdbc.sql("select closed_on from cases where centre_id = ? and id = ?").params(centre.id(), id)
                .query(LocalDate.class).optional().orElse(null);
    }

    private long person(String ref) {
        return jdbc.sql("select id from persons where centre_id = ? and ref = ?").params(centre.id(), ref).query(Long.class).single();
    }

    private static String input(String id) {
        return "<(input|select|textarea)[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*";
    }

    private static String body(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
