package fr.trame.people;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The person form and page with school, class, flags and disability; the disability permission (granted on the users
 * page, never by a role) decides who sees and changes the answer; the flags page.
 */
@TrameTest
class PersonDetailsPagesTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter importer;
    @Autowired FlagService flags;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    Centre centre;
    String permitted;
    String accueil;
    String direction;
    String admin;
    long person;
    long household;
    FlagService.Flag allophone;
    FlagService.Flag fle;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("pdp");
        permitted = fixtures.user(centre, Role.ACCUEIL);
        accueil = fixtures.user(centre, Role.ACCUEIL);
        direction = fixtures.user(centre, Role.DIRECTION);
        admin = fixtures.user(centre, Role.ADMIN);
        users.setSeesDisability(fixtures.userId(permitted), centre.id(), true);
        importer.importCsv(centre.id(), Fixtures.csv("""
                household_ref;person_ref;last_name;first_name;birth_date;disability
                H1;P1;Lefèvre;Théo;2015-03-12;oui
                """));
        person = jdbc.sql("select id from persons where centre_id = ? and ref = 'P1'").param(centre.id())
                .query(Long.class).single();
        household = jdbc.sql("select id from households where centre_id = ? and ref = 'H1'").param(centre.id())
                .query(Long.class).single();
        allophone = flags.add(centre.id(), "allophone", "Allophone");
        fle = flags.add(centre.id(), "fle", "Apprenant FLE");
    }

    @Test
    void aPermittedUserSeesAndChangesTheDisabilityAndEachReadAndChangeIsLogged() throws Exception {
        mvc.perform(get(base() + "/personnes/" + person).with(user(permitted)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Situation de handicap"), containsString("id=\"handicap\">Oui<"))));
        mvc.perform(get(base() + "/personnes/" + person + "/modifier").with(user(permitted)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"disability\""), containsString("Apprenant FLE"))));

        mvc.perform(post(base() + "/personnes/" + person + "/modifier").with(user(permitted)).with(csrf())
                        .param("lastName", "Lefèvre").param("firstName", "Théo").param("birthDate", "12/03/2015")
                        .param("school", "École Jules Ferry").param("schoolLevel", "CM2")
                        .param("flags", String.valueOf(allophone.id())).param("flags", String.valueOf(fle.id()))
                        .param("_flags", "on").param("disability", "non"))
                .andExpect(status().is3xxRedirection());
        assertThat(stored()).isEqualTo("École Jules Ferry|CM2|false|allophone,fle");
        // the page, the form: two reads; the save: one change; the value itself never in the log
        assertThat(audit()).containsExactly("lecture de la situation de handicap|fiche",
                "lecture de la situation de handicap|formulaire", "modification de la situation de handicap|");

        // a bad answer comes back beside its field, typed values kept
        mvc.perform(post(base() + "/personnes/" + person + "/modifier").with(user(permitted)).with(csrf())
                        .param("lastName", "Lefèvre").param("firstName", "Théo").param("school", "École Pasteur")
                        .param("disability", "peut-être"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Choisissez oui, non ou non renseigné"),
                        containsString("value=\"&Eacute;cole Pasteur\""))));
        assertThat(stored()).isEqualTo("École Jules Ferry|CM2|false|allophone,fle");
    }

    @Test
    void aUserWithoutThePermissionNeverSeesItEvenInTheSourceAndAForgedPostChangesNothing() throws Exception {
        for (String who : new String[] {accueil, direction, admin}) {
            for (String page : new String[] {"/personnes/" + person, "/personnes/" + person + "/modifier",
                    "/foyers/" + household, "/foyers/" + household + "/personnes/nouvelle"}) {
                mvc.perform(get(base() + page).with(user(who)))
                        .andExpect(status().isOk())
                        .andExpect(content().string(allOf(not(containsString("handicap")), not(containsString("disability")))));
            }
        }
        mvc.perform(get("/api/v1/centres/" + centre.code() + "/persons/" + person).with(user(permitted)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Lefèvre"), not(containsString("disability")))));

        // a forged field: the rest is saved, the disability answer stays « oui »
        mvc.perform(post(base() + "/personnes/" + person + "/modifier").with(user(accueil)).with(csrf())
                        .param("lastName", "Lefèvre").param("firstName", "Théo").param("school", "École Pasteur")
                        .param("disability", "non"))
                .andExpect(status().is3xxRedirection());
        assertThat(stored()).isEqualTo("École Pasteur|null|true|");
        mvc.perform(post(base() + "/foyers/" + household + "/personnes/nouvelle").with(user(accueil)).with(csrf())
                        .param("lastName", "Lefèvre").param("firstName", "Jade").param("disability", "oui"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select disability is null from persons where centre_id = ? and first_name = 'Jade'")
                .param(centre.id()).query(Boolean.class).single()).isTrue();
        assertThat(audit()).isEmpty();
    }

    @Test
    void theAdministratorGrantsAndWithdrawsThePermissionOnTheUsersPage() throws Exception {
        long accueilId = fixtures.userId(accueil);
        mvc.perform(get(base() + "/admin/utilisateurs").with(user(admin)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/handicap")));
        mvc.perform(post(base() + "/admin/utilisateurs/" + accueilId + "/handicap").with(user(admin)).with(csrf())
                        .param("granted", "true"))
                .andExpect(redirectedUrl(base() + "/admin/utilisateurs"));
        assertThat(users.seesDisability(accueilId, centre.id())).isTrue();
        mvc.perform(get(base() + "/personnes/" + person).with(user(accueil)))
                .andExpect(content().string(containsString("Situation de handicap")));
        mvc.perform(post(base() + "/admin/utilisateurs/" + accueilId + "/handicap").with(user(admin)).with(csrf())
                        .param("granted", "false"));
        assertThat(users.seesDisability(accueilId, centre.id())).isFalse();
        // the direction does not hold it by default and cannot grant it (the users page is the administrator's)
        assertThat(users.seesDisability(fixtures.userId(direction), centre.id())).isFalse();
        mvc.perform(post(base() + "/admin/utilisateurs/" + accueilId + "/handicap").with(user(direction)).with(csrf())
                        .param("granted", "true"))
                .andExpect(status().isForbidden());
        assertThat(users.seesDisability(accueilId, centre.id())).isFalse();
        assertThat(jdbc.sql("select action from audit_log where centre_id = ? and entity = 'utilisateur' order by id")
                .param(centre.id()).query(String.class).list())
                .containsExactly("permission handicap accordée", "permission handicap retirée");
    }

    @Test
    void theFlagsPageAddsRenamesArchivesAndRefusesInFrench() throws Exception {
        mvc.perform(get(base() + "/situations").with(user(direction)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Apprenant FLE"), containsString("Primo-arrivant"))));
        mvc.perform(get(base() + "/situations").with(user(accueil))).andExpect(status().isForbidden());

        mvc.perform(post(base() + "/situations").with(user(direction)).with(csrf())
                        .param("code", "").param("label", "Niveau de langue A1"))
                .andExpect(redirectedUrl(base() + "/situations"));
        mvc.perform(post(base() + "/situations").with(user(direction)).with(csrf())
                        .param("code", "Primo-Arrivant").param("label", "Primo-arrivant"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Code invalide : lettres minuscules sans accent"),
                        containsString("value=\"Primo-Arrivant\""))));
        mvc.perform(post(base() + "/situations").with(user(direction)).with(csrf())
                        .param("code", "fle").param("label", "Autre FLE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Le code « fle » existe déjà dans ce centre.")));
        mvc.perform(post(base() + "/situations").with(user(direction)).with(csrf()).param("code", "x").param("label", " "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Le libellé est obligatoire.")));
        mvc.perform(post(base() + "/situations/suggestions").with(user(direction)).with(csrf()))
                .andExpect(redirectedUrl(base() + "/situations"));
        // allophone and fle existed: the 6 other suggestions are added, plus niveau_de_langue_a1
        assertThat(flags.all(centre.id())).hasSize(2 + 1 + FlagService.SUGGESTED.size() - 2);
        assertThat(flags.all(centre.id())).extracting(FlagService.Flag::code).contains("niveau_de_langue_a1", "primo_arrivant");

        mvc.perform(post(base() + "/situations/" + fle.id() + "/libelle").with(user(direction)).with(csrf())
                        .param("label", "Français langue étrangère"))
                .andExpect(redirectedUrl(base() + "/situations"));
        mvc.perform(post(base() + "/situations/" + fle.id() + "/archive").with(user(direction)).with(csrf())
                        .param("archived", "true"))
                .andExpect(redirectedUrl(base() + "/situations"));
        assertThat(flags.find(centre.id(), fle.id())).isEqualTo(new FlagService.Flag(fle.id(), "fle",
                "Français langue étrangère", true));
        // an archived flag is no longer offered on the form
        mvc.perform(get(base() + "/personnes/" + person + "/modifier").with(user(accueil)))
                .andExpect(content().string(allOf(containsString("Allophone"), not(containsString("Français langue étrangère")))));

        // another centre's flag: not found, whatever the action
        Centre other = fixtures.centre("pdp-other");
        long foreign = flags.add(other.id(), "secret", "Secret").id();
        mvc.perform(post(base() + "/situations/" + foreign + "/libelle").with(user(direction)).with(csrf())
                .param("label", "Pris")).andExpect(status().isNotFound());
        mvc.perform(post(base() + "/situations/" + foreign + "/archive").with(user(direction)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(flags.find(other.id(), foreign)).isEqualTo(new FlagService.Flag(foreign, "secret", "Secret", false));
        // nor can a person be given it by a forged form
        mvc.perform(post(base() + "/personnes/" + person + "/modifier").with(user(accueil)).with(csrf())
                        .param("lastName", "Lefèvre").param("firstName", "Théo")
                        .param("flags", String.valueOf(foreign)).param("flags", String.valueOf(allophone.id())))
                .andExpect(status().is3xxRedirection());
        assertThat(stored()).endsWith("|allophone");
    }

    private String stored() {
        return jdbc.sql("""
                select coalesce(p.school, 'null') || '|' || coalesce(p.school_level, 'null') || '|'
                       || coalesce(p.disability::text, 'null') || '|'
                       || coalesce((select string_agg(f.code, ',' order by f.code) from person_flags pf
                                    join situation_flags f on f.centre_id = pf.centre_id and f.id = pf.flag_id
                                    where pf.centre_id = p.centre_id and pf.person_id = p.id), '')
                from persons p where p.centre_id = ? and p.id = ?""")
                .params(centre.id(), person).query(String.class).single();
    }

    private List<String> audit() {
        return jdbc.sql("select action || '|' || coalesce(detail, '') from audit_log where centre_id = ? and entity = 'personne'"
                        + " and entity_id = ? order by id")
                .params(centre.id(), person).query(String.class).list();
    }

    private String base() {
        return "/c/" + centre.code();
    }
}
