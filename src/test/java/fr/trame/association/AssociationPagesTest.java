package fr.trame.association;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who sees and keeps which part of the association's records, and what a wrong form says. */
@TrameTest
class AssociationPagesTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired GovernanceService governance;
    @Autowired VolunteerService volunteers;
    @Autowired FundingService funding;
    @Autowired JdbcClient jdbc;

    Centre centre;
    String base;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("vie");
        base = "/c/" + centre.code();
        people.importCsv(centre.id(), csv("household_ref;person_ref;last_name;first_name\nH1;P1;Roux;Alice\n"));
    }

    @Test
    void directionReachesEveryPageAndTheTeamIsHers() throws Exception {
        String direction = fixtures.user(centre, Role.DIRECTION);
        for (String page : List.of("/association", "/instances", "/benevoles", "/equipe", "/partenaires", "/financements",
                "/agrements", "/projet-social")) {
            mvc.perform(get(base + page).with(user(direction))).andExpect(status().isOk());
        }
        String animateur = fixtures.user(centre, Role.ANIMATEUR);
        mvc.perform(get(base + "/equipe").with(user(animateur))).andExpect(status().isForbidden());
        mvc.perform(post(base + "/partenaires").with(user(animateur)).with(csrf()).param("name", "Ville").param("kind", "commune"))
                .andExpect(status().isForbidden());
        mvc.perform(get(base + "/partenaires").with(user(animateur))).andExpect(status().isOk());
        String federation = fixtures.user(centre, Role.FEDERATION);
        mvc.perform(get(base + "/instances").with(user(federation))).andExpect(status().isForbidden());
        mvc.perform(get(base + "/benevoles").with(user(federation))).andExpect(status().isForbidden());
        mvc.perform(get(base + "/association").with(user(federation))).andExpect(status().isOk());
    }

    @Test
    void theHubShowsAnAgrementsEndInFrench() throws Exception {
        int year = LocalDate.now().getYear();
        funding.addAgrement(centre.id(), "Centre social", "CAF", LocalDate.of(year - 1, 1, 1), LocalDate.of(year + 2, 12, 31), null);
        mvc.perform(get(base + "/association").with(user(fixtures.user(centre, Role.DIRECTION))))
                .andExpect(content().string(containsString("jusqu’au 31/12/" + (year + 2))));
    }

    @Test
    void anotherCentresMeetingAndVolunteerAreNotFound() throws Exception {
        Centre other = fixtures.centre("autre");
        people.importCsv(other.id(), csv("household_ref;person_ref;last_name;first_name\nH1;P1;Sow;Dina\n"));
        long ca = governance.bodies(other.id()).stream().filter(b -> b.kind().equals("ca")).findFirst().orElseThrow().id();
        long meeting = governance.createMeeting(other.id(), ca, LocalDate.of(2025, 5, 5), null, null);
        long person = jdbc.sql("select id from persons where centre_id = ?").param(other.id()).query(Long.class).single();
        long volunteer = volunteers.register(other.id(), person, List.of("activite"), null, LocalDate.of(2025, 1, 1));
        String direction = fixtures.user(centre, Role.DIRECTION);
        mvc.perform(get(base + "/instances/reunions/" + meeting).with(user(direction))).andExpect(status().isNotFound());
        mvc.perform(get(base + "/benevoles/" + volunteer).with(user(direction))).andExpect(status().isNotFound());
        mvc.perform(post(base + "/benevoles/" + volunteer + "/heures").with(user(direction)).with(csrf())
                .param("date", "2025-05-05").param("hours", "2")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from volunteer_hours where centre_id = ?").param(other.id()).query(Long.class).single()).isZero();
    }

    @Test
    void aWrongContractSaysWhatAndKeepsWhatWasTyped() throws Exception {
        String direction = fixtures.user(centre, Role.DIRECTION);
        mvc.perform(post(base + "/equipe").with(user(direction)).with(csrf()).param("lastName", "Blanc").param("firstName", "Rose")
                        .param("kind", "cdd").param("function", "animateur").param("weeklyHours", "trente")
                        .param("startDate", "2025-09-01").param("endDate", "2025-08-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("« trente » n&#39;est pas un nombre (les heures par semaine).")))
                .andExpect(content().string(containsString("La fin ne peut pas précéder le début.")))
                .andExpect(content().string(containsString("value=\"Blanc\"")));
        assertThat(jdbc.sql("select count(*) from employees where centre_id = ?").param(centre.id()).query(Long.class).single()).isZero();
        mvc.perform(post(base + "/instances/mandats").with(user(direction)).with(csrf()).param("bodyId", "0")
                        .param("role", "membre").param("college", "habitant").param("startDate", "2025-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choisissez une personne du registre ou écrivez le nom d&#39;une personne extérieure.")));
    }

    @Test
    void anAnimatorLogsHoursTheTotalMoves() throws Exception {
        long person = jdbc.sql("select id from persons where centre_id = ?").param(centre.id()).query(Long.class).single();
        long volunteer = volunteers.register(centre.id(), person, List.of("activite"), null, LocalDate.of(2025, 1, 1));
        String animateur = fixtures.user(centre, Role.ANIMATEUR);
        mvc.perform(post(base + "/benevoles/" + volunteer + "/heures").with(user(animateur)).with(csrf())
                .param("date", "2025-05-05").param("hours", "2,5")).andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/benevoles/" + volunteer + "/heures").with(user(animateur)).with(csrf())
                        .param("date", "2025-05-06").param("hours", "30"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Le nombre d&#39;heures : entre 0,25 et 24.")));
        assertThat(volunteers.find(centre.id(), volunteer, 2025).orElseThrow().hours()).isEqualByComparingTo(new BigDecimal("2.5"));
    }

    @Test
    void directionKeepsFundingAndTheProjetSocialFromTheirPages() throws Exception {
        String direction = fixtures.user(centre, Role.DIRECTION);
        mvc.perform(post(base + "/partenaires").with(user(direction)).with(csrf()).param("name", "Ville").param("kind", "commune"))
                .andExpect(status().is3xxRedirection());
        long ville = jdbc.sql("select id from partners where centre_id = ?").param(centre.id()).query(Long.class).single();
        mvc.perform(post(base + "/financements/demandes").with(user(direction)).with(csrf()).param("partnerId", "" + ville)
                .param("year", "2025").param("object", "Jeunesse").param("requested", "1 200,50").param("status", "depose"))
                .andExpect(status().is3xxRedirection());
        long grant = jdbc.sql("select id from grants where centre_id = ?").param(centre.id()).query(Long.class).single();
        mvc.perform(post(base + "/financements/demandes/" + grant).with(user(direction)).with(csrf()).param("year", "2025")
                .param("status", "accorde").param("granted", "1000")).andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/financements/produits").with(user(direction)).with(csrf()).param("year", "2025")
                .param("partnerId", "" + ville).param("amount", "50000")).andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/financements/charges").with(user(direction)).with(csrf()).param("year", "2025")
                .param("charges", "douze")).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("error",
                        containsString("« douze » n'est pas un montant en euros (le total des charges)")));
        assertThat(jdbc.sql("select count(*) from yearly_accounts where centre_id = ?").param(centre.id()).query(Long.class).single()).isZero();
        mvc.perform(get(base + "/financements").param("annee", "2025").with(user(direction))).andExpect(status().isOk())
                .andExpect(content().string(containsString("1\u202f200,50\u00a0€"))).andExpect(content().string(containsString("1\u202f000\u00a0€")))
                .andExpect(content().string(containsString("100,0\u00a0%")));

        mvc.perform(post(base + "/projet-social").with(user(direction)).with(csrf()).param("title", "Vivre ensemble")
                .param("startYear", "2025")).andExpect(status().is3xxRedirection());
        long project = jdbc.sql("select id from social_projects where centre_id = ?").param(centre.id()).query(Long.class).single();
        mvc.perform(post(base + "/projet-social/" + project + "/axes").with(user(direction)).with(csrf()).param("title", "Lien social"))
                .andExpect(status().is3xxRedirection());
        long axis = jdbc.sql("select id from project_axes where centre_id = ?").param(centre.id()).query(Long.class).single();
        mvc.perform(post(base + "/projet-social/axes/" + axis + "/objectifs").with(user(direction)).with(csrf())
                .param("title", "Rompre l'isolement")).andExpect(status().is3xxRedirection());
        long objective = jdbc.sql("select id from project_objectives where centre_id = ?").param(centre.id()).query(Long.class).single();
        mvc.perform(post(base + "/projet-social/objectifs/" + objective).with(user(direction)).with(csrf()).param("what", "indicateur")
                .param("label", "Personnes touchées").param("metric", "publics.persons").param("target", "100"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(base + "/projet-social").param("annee", "2025").with(user(direction))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Rompre l&#39;isolement")))
                .andExpect(content().string(containsString("Personnes touchées")));
    }

    /** A refused funding form comes back with what was typed, in that form only (the page has three with the same names). */
    @Test
    void aRefusedFundingFormKeepsWhatWasTypedInThatFormOnly() throws Exception {
        String direction = fixtures.user(centre, Role.DIRECTION);
        var refused = mvc.perform(post("/c/" + centre.code() + "/financements/produits").with(user(direction)).with(csrf())
                        .param("form", "produit").param("year", "2026").param("label", "Participation des familles")
                        .param("amount", "douze"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(refused.getFlashMap().get("error").toString()).contains("Rien n'est enregistré").contains("montant");
        // the flash lives in the session (Spring Session) and names the page it is for, query string included: the
        // next page is asked as the browser follows the redirect, with the session's cookie
        var page = org.jsoup.Jsoup.parse(mvc.perform(get(refused.getResponse().getRedirectedUrl())
                        .with(user(direction)).cookie(refused.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.selectFirst("#product-label").val()).isEqualTo("Participation des familles");
        assertThat(page.selectFirst("#product-amount").val()).isEqualTo("douze");
        assertThat(page.selectFirst("#charges").val()).isEmpty(); // the charges form has its own values
        assertThat(jdbc.sql("select count(*) from products where centre_id = ?").param(centre.id())
                .query(Long.class).single()).isZero();
    }
}
