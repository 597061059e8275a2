package fr.trame.federation;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The direction's pages: the federation's accounts and the upload of structures.csv; nobody else reaches them. */
@TrameTest
class FederationUsersPageTest {

    @Autowired Fixtures fixtures;
    @Autowired FederationService federations;
    @Autowired UserService users;
    @Autowired StructureService structures;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    Federation federation;
    String direction;
    String delegue;
    String reader;
    String base;

    @BeforeEach
    void setUp() {
        federation = fixtures.federation("comptes");
        direction = fixtures.user(federation, FederationRole.ADMIN);
        delegue = fixtures.user(federation, FederationRole.DELEGUE);
        reader = fixtures.user(federation, FederationRole.READER);
        base = "/f/" + federation.code();
    }

    String html(MvcResult result) throws Exception {
        return HtmlUtils.htmlUnescape(result.getResponse().getContentAsString());
    }

    @Test
    void onlyTheDirectionReachesTheUsersAndImportPages() throws Exception {
        for (String who : new String[] {delegue, reader}) {
            mvc.perform(get(base + "/utilisateurs").with(user(who))).andExpect(status().isForbidden());
            mvc.perform(get(base + "/import").with(user(who))).andExpect(status().isForbidden());
            mvc.perform(post(base + "/utilisateurs").with(user(who)).with(csrf()).param("username", "pirate")
                    .param("role", "federation-admin")).andExpect(status().isForbidden());
            mvc.perform(post(base + "/utilisateurs/" + fixtures.userId(reader) + "/actif").with(user(who)).with(csrf())
                    .param("enabled", "false")).andExpect(status().isForbidden());
            assertThat(html(mvc.perform(get(base).with(user(who))).andReturn()))
                    .doesNotContain(base + "/utilisateurs").doesNotContain(base + "/import");
        }
        assertThat(users.findByUsername("pirate")).isEmpty();
        assertThat(html(mvc.perform(get(base).with(user(direction))).andReturn()))
                .contains("href=\"" + base + "/utilisateurs\"", "href=\"" + base + "/import\"");
        // another federation's direction does not find this one
        String stranger = fixtures.user(fixtures.federation("autre"), FederationRole.ADMIN);
        mvc.perform(get(base + "/utilisateurs").with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(post(base + "/utilisateurs/" + fixtures.userId(reader) + "/actif").with(user(stranger)).with(csrf())
                .param("enabled", "false")).andExpect(status().isNotFound());
        assertThat(users.findByUsername(reader).orElseThrow().enabled()).isTrue();
    }

    @Test
    void theDirectionCreatesAnAccountSeesItsPasswordOnceChangesItsRoleAndDisablesIt() throws Exception {
        MvcResult created = mvc.perform(post(base + "/utilisateurs").with(user(direction)).with(csrf())
                        .param("username", "m.backe").param("displayName", "Martine Backe").param("role", "delegue"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("newUsername", "m.backe")).andReturn();
        String password = (String) created.getFlashMap().get("newPassword");
        assertThat(password).hasSizeGreaterThanOrEqualTo(10);
        String shown = html(mvc.perform(get(base + "/utilisateurs").with(user(direction)).cookie(created.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk()).andReturn());
        assertThat(shown).contains(password, "Martine Backe");
        assertThat(html(mvc.perform(get(base + "/utilisateurs").with(user(direction))).andReturn())).doesNotContain(password);
        long id = fixtures.userId("m.backe");
        assertThat(federations.rolesOf(id)).containsEntry(federation.id(), FederationRole.DELEGUE);

        mvc.perform(post(base + "/utilisateurs/" + id + "/role").with(user(direction)).with(csrf()).param("role", "federation"))
                .andExpect(status().is3xxRedirection());
        assertThat(federations.rolesOf(id)).containsEntry(federation.id(), FederationRole.READER);
        mvc.perform(post(base + "/utilisateurs/" + id + "/role").with(user(direction)).with(csrf()).param("role", "chef"))
                .andExpect(flash().attribute("error", "Choisissez un rôle dans la liste."));
        mvc.perform(post(base + "/utilisateurs/" + id + "/actif").with(user(direction)).with(csrf()).param("enabled", "false"))
                .andExpect(status().is3xxRedirection());
        assertThat(users.findByUsername("m.backe").orElseThrow().enabled()).isFalse();
        mvc.perform(post(base + "/utilisateurs/" + id + "/actif").with(user(direction)).with(csrf()).param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(users.findByUsername("m.backe").orElseThrow().enabled()).isTrue();

        // each change to the account is in the federation's journal, with who made it
        assertThat(jdbc.sql("""
                select action || ' ' || coalesce(user_id, 0) from network_audit
                where federation_id = ? and entity = 'compte' and entity_id = ? order by id""")
                .params(federation.id(), id).query(String.class).list())
                .containsExactly("creation_compte " + fixtures.userId(direction), "changement_role " + fixtures.userId(direction),
                        "desactivation " + fixtures.userId(direction), "activation " + fixtures.userId(direction));
        assertThat(html(mvc.perform(get(base + "/journal").with(user(direction))).andExpect(status().isOk()).andReturn()))
                .contains("Création du compte", "m.backe : Délégué·e territorial·e → Lecture (fédération)");

        // a taken or malformed name is said beside the field, what was typed kept
        assertThat(html(mvc.perform(post(base + "/utilisateurs").with(user(direction)).with(csrf())
                .param("username", "m.backe").param("displayName", "Autre").param("role", "federation"))
                .andExpect(status().isOk()).andReturn()))
                .contains("L'identifiant « m.backe » est déjà pris", "id=\"username-erreur\"", "value=\"Autre\"");
        assertThat(html(mvc.perform(post(base + "/utilisateurs").with(user(direction)).with(csrf())
                .param("username", "a b").param("role", "x")).andExpect(status().isOk()).andReturn()))
                .contains("« a b » : l'identifiant compte 2 à 60 caractères", "Choisissez le rôle dans la liste.");
    }

    @Test
    void anAccountThatAlsoWorksElsewhereOrItsOwnIsNotTheDirectionsToChange() throws Exception {
        Centre centre = fixtures.centre("ailleurs");
        String both = fixtures.user(centre, Role.DIRECTION);
        federations.setRole(federation.id(), fixtures.userId(both), FederationRole.READER);
        mvc.perform(post(base + "/utilisateurs/" + fixtures.userId(both) + "/actif").with(user(direction)).with(csrf())
                .param("enabled", "false")).andExpect(status().isForbidden());
        mvc.perform(post(base + "/utilisateurs/" + fixtures.userId(direction) + "/role").with(user(direction)).with(csrf())
                .param("role", "federation")).andExpect(status().isForbidden());
        assertThat(users.findByUsername(both).orElseThrow().enabled()).isTrue();
        assertThat(federations.rolesOf(fixtures.userId(direction))).containsEntry(federation.id(), FederationRole.ADMIN);
        assertThat(html(mvc.perform(get(base + "/utilisateurs").with(user(direction))).andReturn()))
                .contains("Géré par l’administrateur de la plateforme", "Votre compte");
    }

    @Test
    void theDirectionImportsStructuresAllOrNothing() throws Exception {
        String bad = "structure_ref;name;kind;departement\nCS1;Un centre;mjc;59\nCS2;Autre;cs;5\n";
        String refused = html(mvc.perform(multipart(base + "/import").file(file(bad)).with(user(direction)).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(refused).contains("Fichier refusé, rien n'a été importé", "id=\"import-errors\"")
                .containsPattern("<td class=\"num\">2</td>\\s*<td class=\"num\">3</td><td>kind</td>")
                .containsPattern("<td class=\"num\">3</td>\\s*<td class=\"num\">4</td><td>departement</td>");
        assertThat(structures.list(federation.id(), StructureFilter.ALL, LocalDate.now())).isEmpty();

        String good = "structure_ref;name;kind;departement;territory\nCS1;Un centre;cs;59;Lille\nCS2;Autre;evs;62;Lens\n";
        assertThat(html(mvc.perform(multipart(base + "/import").file(file(good)).with(user(direction)).with(csrf()))
                .andExpect(status().isOk()).andReturn())).contains("Import réussi", "2 structure(s) créée(s)");
        assertThat(structures.list(federation.id(), StructureFilter.ALL, LocalDate.now())).hasSize(2);
        assertThat(html(mvc.perform(multipart(base + "/import").with(user(direction)).with(csrf()))
                .andExpect(status().isOk()).andReturn())).contains("aucun fichier choisi");
        mvc.perform(multipart(base + "/import").file(file(good)).with(user(delegue)).with(csrf())).andExpect(status().isForbidden());
    }

    static MockMultipartFile file(String text) {
        return new MockMultipartFile("file", "structures.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }
}
