package fr.trame.association;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The upload page offers the four files to the direction only, and imports them. */
@TrameTest
class StaffImportPageTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void theDirectionImportsTheReceptionMayNot() throws Exception {
        Centre centre = fixtures.centre("asso-page");
        String base = "/c/" + centre.code() + "/import";
        String direction = fixtures.user(centre, Role.DIRECTION);
        String accueil = fixtures.user(centre, Role.ACCUEIL);
        mvc.perform(get(base).with(user(direction))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Salariés et contrats (staff.csv)")))
                .andExpect(content().string(containsString("Partenaires et conventions (partners.csv)")))
                .andExpect(content().string(containsString("Produits et charges de l&#39;année (funding.csv)")))
                .andExpect(content().string(containsString("Agréments (agrements.csv)")));
        mvc.perform(get(base).with(user(accueil))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("staff.csv"))));
        MockMultipartFile file = new MockMultipartFile("file", "agrements.csv", "text/csv",
                AgrementImportTest.AGREMENTS.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart(base).file(file).param("kind", "agrements").with(user(accueil)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(count(centre)).isZero();
        mvc.perform(multipart(base).file(file).param("kind", "agrements").with(user(direction)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("4 agrément(s) créé(s)")));
        assertThat(count(centre)).isEqualTo(4);
    }

    private long count(Centre centre) {
        return jdbc.sql("select count(*) from agrements where centre_id = ?").param(centre.id()).query(Long.class).single();
    }
}
