package fr.trame.centre;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrameTest
class CentreAdminPagesTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CentreService centres;
    @Autowired UserService users;
    @Autowired PasswordEncoder encoder;

    @Test
    void theIdentitySheetRefusesABadSiretKeepingWhatWasTypedThenSaves() throws Exception {
        Centre centre = fixtures.centre("fiche");
        String admin = fixtures.user(centre, Role.ADMIN);
        mvc.perform(post("/c/" + centre.code() + "/admin/centre").with(user(admin)).with(csrf())
                        .param("name", "Centre social du Moulin").param("siret", "123").param("commune", "Istres"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Le SIRET compte 14 chiffres."),
                        containsString("value=\"Istres\""))));
        mvc.perform(post("/c/" + centre.code() + "/admin/centre").with(user(admin)).with(csrf())
                        .param("name", "Centre social du Moulin").param("siret", "123 456 789 00012")
                        .param("commune", "Istres").param("schoolZone", "C"))
                .andExpect(status().is3xxRedirection());
        Centre saved = centres.findById(centre.id()).orElseThrow();
        assertThat(saved.name()).isEqualTo("Centre social du Moulin");
        assertThat(saved.siret()).isEqualTo("12345678900012");
        assertThat(saved.schoolZone()).isEqualTo("C");

        String accueil = fixtures.user(centre, Role.ACCUEIL);
        mvc.perform(get("/c/" + centre.code() + "/admin/centre").with(user(accueil))).andExpect(status().isForbidden());
        mvc.perform(get("/c/" + centre.code() + "/admin/utilisateurs").with(user(accueil))).andExpect(status().isForbidden());
    }

    @Test
    void theIdentitySheetTakesTheRnaNumberAndTheFoundingDate() throws Exception {
        Centre centre = fixtures.centre("rna");
        String admin = fixtures.user(centre, Role.ADMIN);
        mvc.perform(post("/c/" + centre.code() + "/admin/centre").with(user(admin)).with(csrf())
                        .param("name", "Centre social du Moulin").param("rna", "W12").param("createdOn", "31/02/1978")
                        .param("schoolZone", "B"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Le numéro RNA est un W suivi de 9 chiffres"),
                        containsString("n&#39;est pas une date"), containsString("value=\"W12\""))));
        assertThat(centres.findById(centre.id()).orElseThrow().rna()).isNull();
        mvc.perform(post("/c/" + centre.code() + "/admin/centre").with(user(admin)).with(csrf())
                        .param("name", "Centre social du Moulin").param("rna", "W131000123").param("createdOn", "15/09/1978")
                        .param("schoolZone", "B"))
                .andExpect(status().is3xxRedirection());
        Centre saved = centres.findById(centre.id()).orElseThrow();
        assertThat(saved.rna()).isEqualTo("W131000123");
        assertThat(saved.createdOn()).isEqualTo(LocalDate.of(1978, 9, 15));
        mvc.perform(get("/c/" + centre.code() + "/admin/centre").with(user(admin)))
                .andExpect(content().string(allOf(containsString("value=\"W131000123\""), containsString("value=\"15/09/1978\""))));
    }

    @Test
    void anAdminCreatesAUserWhosePasswordIsShownOnceAndHashed() throws Exception {
        Centre centre = fixtures.centre("users");
        String admin = fixtures.user(centre, Role.ADMIN);
        String username = "nadia-" + System.nanoTime() % 100000;
        MvcResult created = mvc.perform(post("/c/" + centre.code() + "/admin/utilisateurs").with(user(admin)).with(csrf())
                        .param("username", username).param("displayName", "Nadia").param("role", "animateur"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String password = (String) created.getFlashMap().get("newPassword");
        assertThat(password).hasSize(16);
        String hash = users.passwordHash(username).orElseThrow();
        assertThat(hash).startsWith("$2").doesNotContain(password);
        assertThat(encoder.matches(password, hash)).isTrue();
        long id = users.findByUsername(username).orElseThrow().id();
        assertThat(users.rolesOf(id)).containsEntry(centre.id(), Role.ANIMATEUR);

        mvc.perform(post("/c/" + centre.code() + "/admin/utilisateurs/" + id + "/role").with(user(admin)).with(csrf())
                .param("role", "accueil")).andExpect(status().is3xxRedirection());
        assertThat(users.rolesOf(id)).containsEntry(centre.id(), Role.ACCUEIL);

        // an admin of another centre cannot touch this account
        Centre other = fixtures.centre("autre");
        String otherAdmin = fixtures.user(other, Role.ADMIN);
        mvc.perform(post("/c/" + other.code() + "/admin/utilisateurs/" + id + "/mot-de-passe").with(user(otherAdmin)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theFirstAdminHasARandomPasswordAndThereIsNoDefaultOne() {
        UserService.User admin = users.findByUsername("admin").orElseThrow();
        assertThat(admin.platformAdmin()).isTrue();
        String hash = users.passwordHash("admin").orElseThrow();
        for (String guess : new String[] {"admin", "password", "trame", "motdepasse", "admin123456"}) {
            assertThat(encoder.matches(guess, hash)).isFalse();
        }
    }
}
