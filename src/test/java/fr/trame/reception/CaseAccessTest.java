package fr.trame.reception;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Case notes are read by their referent, the staff they are shared with and direction; every read is logged. */
@TrameTest
class CaseAccessTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    @Test
    void onlyReferentSharedStaffAndDirectionReadTheNotesAndEachReadIsLogged() throws Exception {
        Centre centre = fixtures.centre("dossier");
        String referent = fixtures.user(centre, Role.ACCUEIL);
        String animateur = fixtures.user(centre, Role.ANIMATEUR);
        String colleague = fixtures.user(centre, Role.ACCUEIL);
        String direction = fixtures.user(centre, Role.DIRECTION);
        String admin = fixtures.user(centre, Role.ADMIN);
        people.importCsv(centre.id(), Fixtures.csv("household_ref;person_ref;last_name;first_name\nH1;P1;Nguyen;Lan\n"));
        long person = jdbc.sql("select id from persons where centre_id = ? and ref = 'P1'").param(centre.id()).query(Long.class).single();
        String base = "/c/" + centre.code();

        mvc.perform(post(base + "/dossiers").with(user(referent)).with(csrf()).param("personne", String.valueOf(person))
                .param("referent", String.valueOf(id(referent))).param("subject", "Dossier retraite")).andExpect(status().is3xxRedirection());
        long caseId = jdbc.sql("select id from cases where centre_id = ?").param(centre.id()).query(Long.class).single();
        mvc.perform(post(base + "/dossiers/" + caseId + "/etapes").with(user(referent)).with(csrf()).param("date", "")
                .param("note", "Relevé de carrière incomplet : trimestres de 1998 manquants.")).andExpect(status().is3xxRedirection());

        String secret = "trimestres de 1998";
        mvc.perform(get(base + "/dossiers/" + caseId).with(user(referent)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(secret)));
        mvc.perform(get(base + "/dossiers/" + caseId).with(user(animateur)))
                .andExpect(status().isForbidden()).andExpect(content().string(not(containsString(secret))));
        mvc.perform(get(base + "/dossiers/" + caseId).with(user(colleague))).andExpect(status().isForbidden());
        mvc.perform(get(base + "/dossiers/" + caseId).with(user(admin))).andExpect(status().isForbidden());
        mvc.perform(post(base + "/dossiers/" + caseId + "/etapes").with(user(animateur)).with(csrf())
                .param("date", "").param("note", "intrusion")).andExpect(status().isForbidden());
        // the person's page shows the case exists, not what it holds
        mvc.perform(get(base + "/personnes/" + person + "/accueil").with(user(animateur)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Dossier confidentiel")))
                .andExpect(content().string(not(containsString("Dossier retraite"))));

        long household = jdbc.sql("select household_id from household_members where centre_id = ? and person_id = ?")
                .params(centre.id(), person).query(Long.class).single();
        mvc.perform(get(base + "/foyers/" + household + "/accueil").with(user(referent)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Dossier retraite")));
        mvc.perform(post(base + "/dossiers").with(user(referent)).with(csrf()).param("foyer", String.valueOf(household))
                .param("referent", String.valueOf(id(referent))).param("subject", "Budget du foyer")).andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/dossiers/" + caseId + "/partages").with(user(referent)).with(csrf())
                .param("userId", String.valueOf(id(colleague)))).andExpect(status().is3xxRedirection());
        mvc.perform(get(base + "/dossiers/" + caseId).with(user(colleague)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(secret)));
        mvc.perform(get(base + "/dossiers/" + caseId).with(user(direction)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(secret)));

        assertThat(jdbc.sql("select count(*) from audit_log where centre_id = ? and entity = 'dossier' and entity_id = ? and action = 'lecture'")
                .params(centre.id(), caseId).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_log where centre_id = ? and action = 'accès refusé' and user_id = ?")
                .params(centre.id(), id(animateur)).query(Long.class).single()).isEqualTo(2);
        mvc.perform(get(base + "/journal").with(user(direction)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("lecture")));
        mvc.perform(get(base + "/journal").with(user(referent))).andExpect(status().isForbidden());
    }

    private long id(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }
}
