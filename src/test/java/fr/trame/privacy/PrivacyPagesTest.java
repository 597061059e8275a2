package fr.trame.privacy;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The RGPD pages as the director uses them, and who may not use them. */
@TrameTest
class PrivacyPagesTest {

    @Autowired MockMvc mvc;
    @Autowired PrivacyFixtures privacy;
    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired JdbcClient jdbc;

    PrivacyFixtures.Centred c;
    String person;

    @BeforeEach
    void setUp() {
        c = privacy.everywhere();
        person = "/c/" + c.centre().code() + "/personnes/" + c.amina();
    }

    @Test
    void theDirectorDownloadsTheExportAsJsonAndPdfFromThePersonsPage() throws Exception {
        mvc.perform(get(person).with(user(c.direction())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Données personnelles (RGPD)"),
                        containsString(person + "/export.pdf"), containsString(person + "/export.json"),
                        containsString(person + "/anonymiser"))));
        String json = mvc.perform(get(person + "/export.json").with(user(c.direction())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("donnees-personne-" + c.amina() + ".json")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"lastName\" : \"Diallo\"", "12 rue des Lilas", "droit_image", "familiale",
                "Accompagne une voisine", "Atelier couture", PrivacyFixtures.CONTACT_NOTE, PrivacyFixtures.NOTE,
                "Couture, arabe littéraire", "tresorier");
        byte[] pdf = mvc.perform(get(person + "/export.pdf").with(user(c.direction())))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(PrivacyTest.pdfText(pdf)).contains("Amina Diallo", "Dossier retraite", "Les Tilleuls");
    }

    @Test
    void anAdministratorExportsButReadsNoCaseNoteTheyAreNotEntitledTo() throws Exception {
        String admin = fixtures.user(c.centre(), Role.ADMIN);
        String json = mvc.perform(get(person + "/export.json").with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("Dossier retraite", "\"readable\" : false").doesNotContain("1998");
    }

    @Test
    void otherRolesAreRefusedAndAnotherCentresPersonIsNotFound() throws Exception {
        for (Role role : List.of(Role.ACCUEIL, Role.ANIMATEUR, Role.FEDERATION)) {
            String username = fixtures.user(c.centre(), role);
            for (String path : List.of("/export.json", "/export.pdf", "/anonymiser")) {
                mvc.perform(get(person + path).with(user(username))).andExpect(status().isForbidden());
            }
            mvc.perform(post(person + "/anonymiser").param("confirm", "true").with(user(username)).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/c/" + c.centre().code() + "/rgpd/conservation").with(user(username)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/c/" + c.centre().code() + "/rgpd/conservation").param("personne", String.valueOf(c.amina()))
                    .param("confirm", "true").with(user(username)).with(csrf())).andExpect(status().isForbidden());
        }
        // the receptionist sees whom to turn to, not the buttons
        mvc.perform(get(person).with(user(fixtures.user(c.centre(), Role.ACCUEIL))))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("se transmet à la direction"), not(containsString("export.json")))));

        Centre other = fixtures.centre("ailleurs");
        String otherDirection = fixtures.user(other, Role.DIRECTION);
        mvc.perform(get("/c/" + other.code() + "/personnes/" + c.amina() + "/export.json").with(user(otherDirection)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/c/" + other.code() + "/personnes/" + c.amina() + "/anonymiser").param("confirm", "true")
                .with(user(otherDirection)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get(person + "/export.json").with(user(otherDirection))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select anonymised_at is null from persons where id = ?").param(c.amina())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void erasureAsksForConfirmationThenThePersonIsAnonymisedAndNoLongerFound() throws Exception {
        mvc.perform(get(person + "/anonymiser").with(user(c.direction())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Ce qui est effacé"), containsString("Ce qui reste"))));
        mvc.perform(post(person + "/anonymiser").with(user(c.direction())).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Cochez la case de confirmation")));
        assertThat(lastName()).isEqualTo("Diallo");

        mvc.perform(post(person + "/anonymiser").param("confirm", "true").with(user(c.direction())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(lastName()).isEqualTo("anonymisée");
        mvc.perform(get(person).with(user(c.direction())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Personne anonymisée"), not(containsString("Amina")),
                        not(containsString(person + "/modifier")), not(containsString(person + "/anonymiser")))));
        mvc.perform(get("/c/" + c.centre().code() + "/personnes/choix").param("q", "Amina").with(user(c.direction())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(person))));
        mvc.perform(get(person + "/modifier").with(user(c.direction()))).andExpect(status().isConflict());
        mvc.perform(get(person + "/export.json").with(user(c.direction())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Amina"))));
    }

    @Test
    void theRetentionPageListsInactivePersonsAndAnonymisesTheOnesChecked() throws Exception {
        LocalDate today = LocalDate.now();
        people.importCsv(c.centre().id(), csv("""
                household_ref;person_ref;last_name;first_name
                H8;OLD1;Vieux;Gaston
                H9;OLD2;Ancien;Marcel
                """));
        jdbc.sql("update persons set created_at = ? where centre_id = ? and ref in ('OLD1', 'OLD2')")
                .params(java.sql.Timestamp.valueOf(today.minusYears(3).atStartOfDay()), c.centre().id()).update();
        String page = "/c/" + c.centre().code() + "/rgpd/conservation";
        mvc.perform(get(page).with(user(c.direction())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Vieux Gaston"), containsString("Ancien Marcel"),
                        not(containsString("Diallo")), not(containsString("Petit Carole")))));

        MockHttpServletRequestBuilder erase = post(page).param("personne", String.valueOf(privacy.id("persons", c.centre().id(), "OLD1")))
                .with(user(c.direction())).with(csrf());
        mvc.perform(erase).andExpect(status().is3xxRedirection());
        assertThat(anonymised()).isZero();
        mvc.perform(erase.param("confirm", "true")).andExpect(status().is3xxRedirection());
        assertThat(anonymised()).isEqualTo(1);
        mvc.perform(get(page).with(user(c.direction())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Ancien Marcel"), not(containsString("Vieux")))));
    }

    private String lastName() {
        return jdbc.sql("select last_name from persons where id = ?").param(c.amina()).query(String.class).single();
    }

    private long anonymised() {
        return jdbc.sql("select count(*) from persons where centre_id = ? and anonymised_at is not null")
                .param(c.centre().id()).query(Long.class).single();
    }
}
