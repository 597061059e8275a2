package fr.trame.senacs;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The centre's SENACS pages: the direction's only, this centre's only, a bad year a 404, a bad answer said in French. */
@TrameTest
class ReturnPagesTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired ReturnService returns;

    Centre centre;
    String base;
    String director;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("senpages");
        base = "/c/" + centre.code() + "/senacs";
        director = fixtures.user(centre, Role.DIRECTION);
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date
                H1;ALICE;Roux;Alice;F;1990-06-01
                H1;BOB;Roux;Bob;M;2020-02-15
                """));
        activities.importCsv(centre.id(), csv("activity_ref;name;sector;kind\nA1;Atelier jeux;Enfance;atelier\n"));
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref;headcount;status
                A1;2025-01-10;10:00;12:00;BOB;;present
                A1;2025-01-10;10:00;12:00;ALICE;;present
                """));
    }

    @Test
    void onlyTheDirectionOfTheCentreReachesItsReturns() throws Exception {
        mvc.perform(get(base).with(user(director))).andExpect(status().isOk());
        mvc.perform(get(base + "/2025").with(user(director))).andExpect(status().isOk());
        String animateur = fixtures.user(centre, Role.ANIMATEUR);
        mvc.perform(get(base).with(user(animateur))).andExpect(status().isForbidden());
        mvc.perform(get(base + "/2025").with(user(animateur))).andExpect(status().isForbidden());
        mvc.perform(post(base + "/2025").with(user(animateur)).with(csrf()).param("ID_MILIEU", "rural"))
                .andExpect(status().isForbidden());
        mvc.perform(get(base + "/2025").with(user(fixtures.user(centre, Role.ACCUEIL)))).andExpect(status().isForbidden());
        Centre other = fixtures.centre("senautre");
        String otherDirector = fixtures.user(other, Role.DIRECTION);
        mvc.perform(get(base + "/2025").with(user(otherDirector))).andExpect(status().isNotFound());
        mvc.perform(post(base + "/2025/soumettre").with(user(otherDirector)).with(csrf())).andExpect(status().isNotFound());
        // no token, nothing saved
        mvc.perform(post(base + "/2025").with(user(director)).param("ID_MILIEU", "rural")).andExpect(status().isForbidden());
        assertThat(answer(returns.read(centre.id(), centre.code(), 2025), "ID_MILIEU").source()).isEqualTo(SenacsReturn.Source.MISSING);
    }

    @Test
    void aYearThatIsNotOneOrHasNoQuestionnaireIsNotFound() throws Exception {
        for (String year : List.of("abcd", "20x5", "12345", "1999", "2023", "-2025", "0000")) {
            mvc.perform(get(base + "/" + year).with(user(director))).andExpect(status().isNotFound());
            mvc.perform(post(base + "/" + year + "/soumettre").with(user(director)).with(csrf())).andExpect(status().isNotFound());
        }
    }

    @Test
    void theListStartsWithTheReturnDueThisSpring() throws Exception {
        int due = LocalDate.now().getYear() - 1;
        String page = mvc.perform(get(base).with(user(director))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("annee-" + due, "annee-" + (due - 1), "annee-" + (due - 2), "à transmettre ce printemps");
        assertThat(page.indexOf("annee-" + due)).isLessThan(page.indexOf("annee-" + (due - 1)));
    }

    @Test
    void aBadAnswerComesBackBesideItsQuestionWithWhatWasTyped() throws Exception {
        mvc.perform(get(base + "/2025").with(user(director)))
                .andExpect(content().string(containsString("Calculé par Trame")))
                .andExpect(content().string(containsString("/tableau-de-bord/personnes?from=2025-01-01&amp;to=2025-12-31")));
        mvc.perform(post(base + "/2025").with(user(director)).with(csrf())
                        .param("BEN_HEURES", "beaucoup").param("ID_MILIEU", "rural").param("_csrf_ignored", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"BEN_HEURES-erreur\"")))
                .andExpect(content().string(containsString("Saisissez un nombre positif ou nul (reçu « beaucoup »)")))
                .andExpect(content().string(containsString("value=\"beaucoup\"")))
                .andExpect(content().string(not(containsString("Réponses enregistrées"))));
        assertThat(answer(returns.read(centre.id(), centre.code(), 2025), "ID_MILIEU").source()).isEqualTo(SenacsReturn.Source.MISSING);
        mvc.perform(post(base + "/2025").with(user(director)).with(csrf()).param("BEN_HEURES", "1 234,5").param("ID_MILIEU", "rural"))
                .andExpect(status().is3xxRedirection());
        assertThat(answer(returns.read(centre.id(), centre.code(), 2025), "BEN_HEURES").value()).isEqualTo("1234.50");
        mvc.perform(get(base + "/2025").with(user(director)))
                .andExpect(content().string(containsString("1\u202f234,50")))
                .andExpect(content().string(containsString(">Rural<")));
        mvc.perform(post(base + "/2025/soumettre").with(user(director)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(returns.read(centre.id(), centre.code(), 2025).state()).isEqualTo(SenacsReturn.State.BROUILLON);
    }

    private static SenacsReturn.Answer answer(SenacsReturn r, String code) {
        return r.answers().stream().filter(a -> a.question().code().equals(code)).findFirst().orElseThrow();
    }
}
