package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The domain's exceptions become a 404, a 403, or the French message on the page the request came from. */
@TrameTest
class DomainErrorsTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;

    @Test
    void notFoundAndForbiddenSayTheirFrenchReasonWithTheirStatus() throws Exception {
        Centre centre = fixtures.centre("dom");
        String desk = fixtures.user(centre, Role.ACCUEIL);
        MvcResult missing = mvc.perform(get("/c/" + centre.code() + "/dossiers/987654321").with(user(desk)))
                .andExpect(status().isNotFound()).andReturn();
        assertThat(missing.getResponse().getErrorMessage()).isEqualTo("Dossier introuvable.");
        MvcResult refused = mvc.perform(post("/c/" + centre.code() + "/partenaires").with(user(desk)).with(csrf())
                        .param("name", "Mairie").param("kind", "commune"))
                .andExpect(status().isForbidden()).andReturn();
        assertThat(refused.getResponse().getErrorMessage()).isEqualTo("Réservé à la direction du centre.");
    }

    @Test
    void aRefusalGoesBackToThePageItCameFromWithItsMessageAndOnItsOwnIsAFrenchError() throws Exception {
        Centre centre = fixtures.centre("ref");
        String desk = fixtures.user(centre, Role.ACCUEIL);
        String counter = "/c/" + centre.code() + "/accueil";
        mvc.perform(get(counter).param("date", "31/02/2026").with(user(desk))
                        .header("Referer", "http://localhost" + counter + "?x=1"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(counter + "?x=1"))
                .andExpect(flash().attribute("error", "« 31/02/2026 » n'est pas une date (la date) : écrivez JJ/MM/AAAA."));
        // another site as referer: never an open redirect
        MvcResult alone = mvc.perform(get(counter).param("date", "31/02/2026").with(user(desk))
                        .header("Referer", "http://ailleurs.example/page"))
                .andExpect(status().isBadRequest()).andReturn();
        assertThat(alone.getResponse().getErrorMessage()).startsWith("« 31/02/2026 » n'est pas une date");
    }
}
