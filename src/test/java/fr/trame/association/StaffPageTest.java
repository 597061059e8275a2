package fr.trame.association;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The staff page's contract form: a CEE's vacations and hours, a trainee's diploma, in French when misplaced. */
@TrameTest
class StaffPageTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    Centre centre;
    String base;
    String direction;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("staff-page");
        base = "/c/" + centre.code();
        direction = fixtures.user(centre, Role.DIRECTION);
    }

    @Test
    void aVacataireNeedsNoWeeklyHoursAndTheFiguresShowHisVacations() throws Exception {
        mvc.perform(post(base + "/equipe").with(user(direction)).with(csrf()).param("lastName", "Sow").param("firstName", "Dina")
                        .param("kind", "cee").param("function", "animateur").param("startDate", "2025-07-07")
                        .param("endDate", "2025-08-29").param("vacations", "30").param("vacationHours", "300,5"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/equipe").with(user(direction)).with(csrf()).param("lastName", "Roux").param("firstName", "Alice")
                        .param("kind", "stage").param("function", "accueil").param("weeklyHours", "35")
                        .param("startDate", "2025-03-03").param("endDate", "2025-03-28").param("diploma", " BTS ESF "))
                .andExpect(status().is3xxRedirection());
        Map<String, Object> cee = jdbc.sql("select weekly_hours, vacations, vacation_hours from contracts where centre_id = ? and kind = 'cee'")
                .param(centre.id()).query().singleRow();
        assertThat(cee.get("weekly_hours")).isNull();
        assertThat(cee.get("vacations")).isEqualTo(30);
        assertThat(cee.get("vacation_hours").toString()).isEqualTo("300.50");
        assertThat(jdbc.sql("select diploma from contracts where centre_id = ? and kind = 'stage'").param(centre.id())
                .query(String.class).single()).isEqualTo("BTS ESF");
        // 1 vacataire, 30 vacations, 300,5 h; 1 trainee
        mvc.perform(get(base + "/equipe").param("annee", "2025").with(user(direction))).andExpect(status().isOk())
                .andExpect(content().string(containsString("vacataires (CEE) : <span>30</span> vacations")))
                .andExpect(content().string(containsString("300,50")))
                .andExpect(content().string(containsString("stagiaires accueillis")))
                .andExpect(content().string(containsString("BTS ESF")));
    }

    @Test
    void misplacedFieldsSayWhyAndKeepWhatWasTyped() throws Exception {
        mvc.perform(post(base + "/equipe").with(user(direction)).with(csrf()).param("lastName", "Blanc").param("firstName", "Rose")
                        .param("kind", "cdi").param("function", "animateur").param("startDate", "2025-09-01")
                        .param("vacations", "12").param("diploma", "BPJEPS"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Indiquez les heures par semaine (seul un contrat d&#39;engagement éducatif peut s&#39;en passer).")))
                .andExpect(content().string(containsString(
                        "Le nombre de vacations : seulement pour un contrat d&#39;engagement éducatif (CEE).")))
                .andExpect(content().string(containsString("Le diplôme préparé : seulement pour un stage ou un apprentissage.")))
                .andExpect(content().string(containsString("value=\"BPJEPS\"")))
                .andExpect(content().string(containsString("value=\"12\"")));
        mvc.perform(post(base + "/equipe").with(user(direction)).with(csrf()).param("lastName", "Blanc").param("firstName", "Rose")
                        .param("kind", "cee").param("function", "animateur").param("startDate", "2025-09-01")
                        .param("vacations", "douze"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("« douze » n&#39;est pas un nombre (le nombre de vacations).")));
        assertThat(jdbc.sql("select count(*) from contracts where centre_id = ?").param(centre.id()).query(Long.class).single()).isZero();
    }
}
