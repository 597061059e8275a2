package fr.trame.activities;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.association.PartnerService;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.people.PeopleImporter;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The evaluation of an action: who writes it, what a wrong value says, and the public reached the engine counts. */
@TrameTest
class EvaluationPagesTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired SessionService sessions;
    @Autowired PartnerService partners;
    @Autowired EvaluationService evaluations;
    @Autowired ActivityReach reach;
    @Autowired JdbcClient jdbc;

    Centre centre;
    String base;
    long activity;
    long caf;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("bilan");
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;birth_date
                H1;P1;Roux;Léa;2016-06-01
                H2;P2;Petit;Noé;2015-01-01
                H3;P3;Sow;Ada;2014-01-01
                """));
        activities.importCsv(centre.id(), csv("activity_ref;name;sector;kind\nART;Projet art;Enfance;atelier\n"));
        activity = jdbc.sql("select id from activities where centre_id = ? and ref = 'ART'").param(centre.id())
                .query(Long.class).single();
        // 2025: Léa and Noé on 5 March, Noé again on 12 March; Ada only in December 2024, Léa again in January 2026
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref
                ART;2024-12-18;14:00;16:00;P3
                ART;2025-03-05;14:00;16:00;P1
                ART;2025-03-05;14:00;16:00;P2
                ART;2025-03-12;14:00;16:00;P2
                ART;2026-01-07;14:00;16:00;P1
                """));
        // a session of 2025 without any attendance taken is planned, not held
        sessions.addOneOff(centre.id(), activity, LocalDate.of(2025, 6, 4), LocalTime.of(14, 0), LocalTime.of(16, 0));
        caf = partners.create(centre.id(), "CAF des Bouches-du-Rhône", "caf", null);
        base = "/c/" + centre.code() + "/activites/" + activity + "/bilan/2025";
    }

    @Test
    void thePublicReachedIsTheEnginesCountOfTheCalendarYear() {
        // 2025 only: Léa and Noé = 2 persons; 3 presences (5 March ×2, 12 March); 2 sessions with attendance
        // (the 4 June session has none; December 2024 and January 2026 are other years)
        assertThat(reach.reached(centre.id(), activity, 2025)).isEqualTo(new ActivityReach.Reached(2, 3, 2));
        // 2024: Ada alone, once
        assertThat(reach.reached(centre.id(), activity, 2024)).isEqualTo(new ActivityReach.Reached(1, 1, 1));
    }

    @Test
    void directionWritesTheGridAndSeesTheGapToThePublicExpected() throws Exception {
        String direction = fixtures.user(centre, Role.DIRECTION);
        mvc.perform(post(base).with(user(direction)).with(csrf())
                        .param("objective[0]", "Remettre l'enfant au cœur, avec les parents")
                        .param("reached[0]", "atteint").param("comment[0]", "Parents présents à l'exposition")
                        .param("objective[1]", "Ateliers parents-enfants").param("reached[1]", "partiel")
                        .param("objective[2]", "").param("reached[2]", "")
                        .param("publicExpected", "5").param("publicExpectedText", "Enfants de 6 à 12 ans")
                        .param("partnerIds", String.valueOf(caf)).param("partnersText", "École Jean Moulin")
                        .param("strengths", "Implication des parents").param("difficulties", "Confinement")
                        .param("perspectives", "Un atelier bois en 2026"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(base));
        EvaluationService.Values saved = evaluations.find(centre.id(), activity, 2025).orElseThrow().values();
        // a comma in one objective stays one objective; the blank third row is not kept
        assertThat(saved.objectives()).containsExactly(
                new EvaluationService.Objective("Remettre l'enfant au cœur, avec les parents", "atteint",
                        "Parents présents à l'exposition"),
                new EvaluationService.Objective("Ateliers parents-enfants", "partiel", null));
        assertThat(saved.publicExpected()).isEqualTo(5);
        assertThat(saved.partnerIds()).containsExactly(caf);
        assertThat(saved.partnersText()).isEqualTo("École Jean Moulin");

        String page = Jsoup.parse(mvc.perform(get(base).with(user(direction))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).text();
        // expected 5, reached 2 (Léa, Noé): a gap of 2 − 5 = −3; 3 presences, 2 sessions held
        assertThat(page).contains("Personnes distinctes 5 2 -3", "Présences — 3", "Séances tenues — 2",
                "Partiellement atteint");

        // deleting the first row keeps the second
        mvc.perform(post(base).with(user(direction)).with(csrf())
                        .param("objective[0]", "Remettre l'enfant au cœur").param("reached[0]", "atteint").param("remove", "0")
                        .param("objective[1]", "Ateliers parents-enfants").param("reached[1]", "non_atteint"))
                .andExpect(status().is3xxRedirection());
        assertThat(evaluations.find(centre.id(), activity, 2025).orElseThrow().values().objectives())
                .containsExactly(new EvaluationService.Objective("Ateliers parents-enfants", "non_atteint", null));
    }

    @Test
    void wrongValuesComeBackAsTypedWithFrenchMessagesAndNothingIsWritten() throws Exception {
        String direction = fixtures.user(centre, Role.DIRECTION);
        String tooLong = "x".repeat(EvaluationForm.OBJECTIVE_LENGTH + 1);
        String html = mvc.perform(post(base).with(user(direction)).with(csrf())
                        .param("objective[0]", tooLong).param("reached[0]", "atteint")
                        .param("objective[1]", "Ouvrir le mercredi").param("reached[1]", "bientot")
                        .param("objective[2]", "").param("comment[2]", "un commentaire sans objectif")
                        .param("publicExpected", "douze").param("strengths", "Gardé tel quel"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String text = Jsoup.parse(html).text();
        assertThat(text).contains("Le bilan n'est pas enregistré",
                "Objectif 1 : 300 caractères au plus.",
                "Objectif 2 : choisissez atteint, partiellement atteint ou non atteint dans la liste.",
                "Objectif 3 : écrivez l'objectif, ou cochez « Supprimer ».",
                "Public attendu : « douze » n'est pas un nombre de personnes.");
        assertThat(html).contains("value=\"douze\"", "value=\"Ouvrir le mercredi\"", "Gardé tel quel",
                "value=\"un commentaire sans objectif\"");
        assertThat(evaluations.find(centre.id(), activity, 2025)).isEmpty();

        mvc.perform(post(base).with(user(direction)).with(csrf()).param("publicExpected", "-4"))
                .andExpect(content().string(containsString("Public attendu : un nombre de personnes entre 0 et 1")));
        mvc.perform(post(base).with(user(direction)).with(csrf()).param("publicExpected", "2,5"))
                .andExpect(content().string(containsString("Public attendu : un nombre entier de personnes.")));
        assertThat(evaluations.find(centre.id(), activity, 2025)).isEmpty();
    }

    @Test
    void anotherCentresActivityOrPartnerIsNotFound() throws Exception {
        String direction = fixtures.user(centre, Role.DIRECTION);
        Centre other = fixtures.centre("autre");
        long theirs = partners.create(other.id(), "Mairie d'ailleurs", "commune", null);
        activities.importCsv(other.id(), csv("activity_ref;name;sector;kind\nX;Leur activité;Enfance;atelier\n"));
        long theirActivity = jdbc.sql("select id from activities where centre_id = ? and ref = 'X'").param(other.id())
                .query(Long.class).single();
        String theirs2025 = "/c/" + centre.code() + "/activites/" + theirActivity + "/bilan/2025";
        mvc.perform(get(theirs2025).with(user(direction))).andExpect(status().isNotFound());
        mvc.perform(post(theirs2025).with(user(direction)).with(csrf()).param("strengths", "x"))
                .andExpect(status().isNotFound());
        mvc.perform(post(base).with(user(direction)).with(csrf()).param("partnerIds", String.valueOf(theirs)))
                .andExpect(status().isNotFound());
        mvc.perform(post(base).with(user(direction)).with(csrf()).param("partnerIds", "abc"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/c/" + centre.code() + "/activites/" + activity + "/bilan/99999").with(user(direction)))
                .andExpect(status().isNotFound());
        assertThat(evaluations.find(centre.id(), activity, 2025)).isEmpty();
        assertThat(evaluations.find(other.id(), theirActivity, 2025)).isEmpty();
    }

    @Test
    void theReferentWritesAccueilAndOtherAnimateursRead() throws Exception {
        String direction = fixtures.user(centre, Role.DIRECTION);
        mvc.perform(post(base).with(user(direction)).with(csrf()).param("strengths", "Des parents impliqués"))
                .andExpect(status().is3xxRedirection());
        String accueil = fixtures.user(centre, Role.ACCUEIL);
        String referent = fixtures.user(centre, Role.ANIMATEUR);
        String otherAnimateur = fixtures.user(centre, Role.ANIMATEUR);

        // no referent yet: any animateur writes; accueil reads the grid without a form
        mvc.perform(get(base).with(user(accueil))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Des parents impliqués")))
                .andExpect(content().string(not(containsString("Enregistrer le bilan"))));
        mvc.perform(post(base).with(user(accueil)).with(csrf()).param("strengths", "x")).andExpect(status().isForbidden());
        mvc.perform(post(base).with(user(otherAnimateur)).with(csrf()).param("strengths", "Écrit par l'animation"))
                .andExpect(status().is3xxRedirection());

        // once the activity has a referent, the other animateurs read
        jdbc.sql("update activities set referent_user_id = ? where centre_id = ? and id = ?")
                .params(fixtures.userId(referent), centre.id(), activity).update();
        mvc.perform(post(base).with(user(otherAnimateur)).with(csrf()).param("strengths", "x")).andExpect(status().isForbidden());
        mvc.perform(get(base).with(user(otherAnimateur))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Enregistrer le bilan"))));
        mvc.perform(get(base).with(user(referent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Enregistrer le bilan")));
        mvc.perform(post(base).with(user(referent)).with(csrf()).param("strengths", "Écrit par le référent"))
                .andExpect(status().is3xxRedirection());
        assertThat(evaluations.find(centre.id(), activity, 2025).orElseThrow().values().strengths())
                .isEqualTo("Écrit par le référent");
        assertThat(evaluations.years(centre.id(), activity)).isEqualTo(List.of(2025));

        // the federation's staff see no bilan
        mvc.perform(get(base).with(user(fixtures.user(centre, Role.FEDERATION)))).andExpect(status().isForbidden());
        // the activity page links to the bilans
        mvc.perform(get("/c/" + centre.code() + "/activites/" + activity).with(user(accueil)))
                .andExpect(content().string(containsString("/bilan/" + LocalDate.now().getYear())));
    }
}
