package fr.trame.centre;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.people.HouseholdService;
import fr.trame.people.PersonService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A user of centre A changes ids and codes in URLs: centre B's households and persons stay out of reach. */
@TrameTest
class CrossCentreAccessTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired HouseholdService households;
    @Autowired PersonService persons;

    Centre a;
    Centre b;
    String userA;
    long householdA;
    long householdB;
    long personB;

    @BeforeEach
    void setUp() {
        a = fixtures.centre("a");
        b = fixtures.centre("b");
        userA = fixtures.user(a, Role.DIRECTION);
        householdA = household(a, "Arnaud");
        householdB = household(b, "Barbier");
        personB = firstPerson(b, householdB);
    }

    @Test
    void pagesOfCentreBAreNotFoundForUserOfA() throws Exception {
        mvc.perform(get("/c/" + a.code() + "/foyers/" + householdA).with(user(userA))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Arnaud")));
        // B's code in the URL
        mvc.perform(get("/c/" + b.code() + "/foyers/" + householdB).with(user(userA))).andExpect(status().isNotFound());
        mvc.perform(get("/c/" + b.code() + "/foyers").with(user(userA))).andExpect(status().isNotFound());
        mvc.perform(get("/c/" + b.code() + "/personnes/" + personB).with(user(userA))).andExpect(status().isNotFound());
        // A's code with B's ids
        mvc.perform(get("/c/" + a.code() + "/foyers/" + householdB).with(user(userA))).andExpect(status().isNotFound());
        mvc.perform(get("/c/" + a.code() + "/personnes/" + personB).with(user(userA))).andExpect(status().isNotFound());
        mvc.perform(get("/c/" + a.code() + "/foyers/" + householdB + "/modifier").with(user(userA)))
                .andExpect(status().isNotFound());
        // writes too
        mvc.perform(post("/c/" + a.code() + "/foyers/" + householdB + "/modifier").with(user(userA)).with(csrf())
                .param("address", "piraté")).andExpect(status().isNotFound());
        mvc.perform(post("/c/" + a.code() + "/personnes/" + personB + "/modifier").with(user(userA)).with(csrf())
                .param("lastName", "X").param("firstName", "Y")).andExpect(status().isNotFound());
        mvc.perform(post("/c/" + a.code() + "/foyers/" + householdB + "/personnes/nouvelle").with(user(userA)).with(csrf())
                .param("lastName", "Intrus").param("firstName", "Ian")).andExpect(status().isNotFound());
        org.assertj.core.api.Assertions.assertThat(households.find(b.id(), householdB).orElseThrow().address())
                .isEqualTo("1 rue de B");
    }

    @Test
    void apiOfCentreBIsNotFoundForUserOfA() throws Exception {
        mvc.perform(get("/api/v1/centres/" + a.code() + "/households/" + householdA).with(user(userA)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/centres/" + b.code() + "/households/" + householdB).with(user(userA)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/centres/" + a.code() + "/households/" + householdB).with(user(userA)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/centres/" + a.code() + "/persons/" + personB).with(user(userA)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/centres/" + b.code() + "/households?q=barbier").with(user(userA)))
                .andExpect(status().isNotFound());
    }

    @Test
    void federationRoleSeesNoPersonalDataAndAnonymousUsersMustLogIn() throws Exception {
        String federation = fixtures.user(a, Role.FEDERATION);
        mvc.perform(get("/c/" + a.code() + "/foyers/" + householdA).with(user(federation))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/centres/" + a.code() + "/households/" + householdA).with(user(federation)))
                .andExpect(status().isForbidden());
        String animateur = fixtures.user(a, Role.ANIMATEUR);
        mvc.perform(get("/c/" + a.code() + "/foyers/" + householdA).with(user(animateur))).andExpect(status().isOk());
        mvc.perform(post("/c/" + a.code() + "/foyers/" + householdA + "/modifier").with(user(animateur)).with(csrf())
                .param("address", "x")).andExpect(status().isForbidden());
        mvc.perform(get("/c/" + a.code() + "/foyers/" + householdA).accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/centres/" + a.code() + "/households/" + householdA)).andExpect(status().isUnauthorized());
    }

    private long household(Centre centre, String name) {
        long id = households.create(centre.id(), new HouseholdService.Values(null,
                "1 rue de " + centre.code().substring(0, 1).toUpperCase(), null, null, null, null, null, null, null));
        persons.create(centre.id(), id, new PersonService.Values(name, "Alex", null, null, null, null, null, "responsable"));
        return id;
    }

    private long firstPerson(Centre centre, long householdId) {
        return households.members(centre.id(), householdId).get(0).personId();
    }
}
