package fr.trame.association;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The upload page offers the vie associative's kinds to the direction only; reception may not post one either. */
@TrameTest
class AssociationImportPageTest {

    static final List<String> KINDS = List.of("governance", "meetings", "volunteers", "volunteer-hours", "social-project");

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void theDirectionSeesTheKindsAndReceptionDoesNot() throws Exception {
        Centre centre = fixtures.centre("page-asso");
        List<String> direction = kinds(centre, fixtures.user(centre, Role.DIRECTION));
        assertThat(direction).containsSubsequence(KINDS).contains("people");
        List<String> accueil = kinds(centre, fixtures.user(centre, Role.ACCUEIL));
        assertThat(accueil).contains("people").doesNotContainAnyElementsOf(KINDS);
    }

    @Test
    void theDirectionImportsAVolunteersFileAndReceptionIsRefused() throws Exception {
        Centre centre = fixtures.centre("page-asso");
        String director = fixtures.user(centre, Role.DIRECTION);
        jdbc.sql("insert into persons (centre_id, ref, last_name, first_name) values (?, 'ALICE', 'Roux', 'Alice')")
                .param(centre.id()).update();
        byte[] file = "person_ref;categories;start_date\nALICE;activite;2025-01-01\n".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/c/" + centre.code() + "/import").file(new MockMultipartFile("file", "volunteers.csv", "text/csv", file))
                .param("kind", "volunteers").with(user(fixtures.user(centre, Role.ACCUEIL))).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(volunteers(centre)).isZero();
        String html = mvc.perform(multipart("/c/" + centre.code() + "/import")
                        .file(new MockMultipartFile("file", "volunteers.csv", "text/csv", file))
                        .param("kind", "volunteers").with(user(director)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(html).select("#import-result").text()).contains("1 bénévole(s) créé(s)");
        assertThat(volunteers(centre)).isEqualTo(1);
    }

    private List<String> kinds(Centre centre, String username) throws Exception {
        String html = mvc.perform(get("/c/" + centre.code() + "/import").with(user(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        return page.select("#kind option").stream().map(o -> o.attr("value")).toList();
    }

    private long volunteers(Centre centre) {
        return jdbc.sql("select count(*) from volunteers where centre_id = ?").param(centre.id()).query(Long.class).single();
    }
}
