package fr.trame.catalogue;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.association.SocialProjectService;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The catalogue's pages: who writes, publishes and imports; a wrong form or file; an action's links and figures. */
@TrameTest
class CataloguePagesTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired SocialProjectService projects;

    Centre centre;
    String base;

    @BeforeEach
    void setUp() {
        jdbc.sql("delete from catalogue_actions").update();
        centre = fixtures.centre("pages");
        base = "/c/" + centre.code() + "/catalogue";
    }

    private long write(String user, String title) throws Exception {
        mvc.perform(post(base + "/nouvelle").with(user(user)).with(csrf()).param("title", title)
                        .param("STRUCTURE", "CS du Port").param("departement", "Finistère").param("STATUS", "En cours")
                        .param("DIMENSION", "Services").param("KEYWORDS", "Santé", "Solidarité")
                        .param("SUMMARY", "Un repas partagé\r\nchaque jeudi.\r\n").param("PUBLIC", "Seniors"))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from catalogue_actions where title = ?").param(title).query(Long.class).single();
    }

    @Test
    void anAnimateurWritesADraftTheDirectionPublishesAndTheFederationOnlyReads() throws Exception {
        String animateur = fixtures.user(centre, Role.ANIMATEUR);
        long id = write(animateur, "Repas des aînés");
        assertThat(jdbc.sql("select summary from catalogue_actions where id = ?").param(id).query(String.class).single())
                .isEqualTo("Un repas partagé\nchaque jeudi.");
        mvc.perform(get(base + "/" + id).with(user(animateur))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Brouillon")))
                .andExpect(content().string(containsString("CS du Port - Finistère")));
        mvc.perform(post(base + "/" + id + "/publication").with(user(animateur)).with(csrf()).param("publier", "true"))
                .andExpect(status().isForbidden());

        Centre other = fixtures.centre("voisin");
        String neighbour = fixtures.user(other, Role.DIRECTION);
        mvc.perform(get("/c/" + other.code() + "/catalogue/" + id).with(user(neighbour))).andExpect(status().isNotFound());

        String direction = fixtures.user(centre, Role.DIRECTION);
        mvc.perform(post(base + "/" + id + "/publication").with(user(direction)).with(csrf()).param("publier", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/c/" + other.code() + "/catalogue/" + id).with(user(neighbour))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Modifier"))));
        // another centre's direction may neither edit nor unpublish it
        mvc.perform(get("/c/" + other.code() + "/catalogue/" + id + "/modifier").with(user(neighbour))).andExpect(status().isForbidden());
        mvc.perform(post("/c/" + other.code() + "/catalogue/" + id + "/publication").with(user(neighbour)).with(csrf())
                .param("publier", "false")).andExpect(status().isNotFound());

        String federation = fixtures.user(centre, Role.FEDERATION);
        mvc.perform(get(base).param("q", "repas").with(user(federation))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Repas des aînés")));
        mvc.perform(get(base + "/nouvelle").with(user(federation))).andExpect(status().isForbidden());
        mvc.perform(get(base + "/statistiques").with(user(federation))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Rubriques renseignées")));
    }

    @Test
    void aWrongFormSaysWhatIsWrongKeepsWhatWasTypedAndSavesNothing() throws Exception {
        String animateur = fixtures.user(centre, Role.ANIMATEUR);
        mvc.perform(post(base + "/nouvelle").with(user(animateur)).with(csrf()).param("title", "Atelier mémoire")
                        .param("STRUCTURE", "CS du Port").param("STATUS", "Terminée").param("KEYWORDS", "Santé")
                        .param("SUMMARY", "Des jeux pour la mémoire."))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choisissez la dimension de l&#39;action.")))
                .andExpect(content().string(containsString("Une action terminée dit pourquoi elle s&#39;est arrêtée.")))
                .andExpect(content().string(containsString("Des jeux pour la mémoire.")))
                .andExpect(content().string(containsString("value=\"Atelier mémoire\"")));
        assertThat(jdbc.sql("select count(*) from catalogue_actions").query(Long.class).single()).isZero();
    }

    @Test
    void theUploadReportsWhatItDidOrTheLineAtFaultWritingNothing() throws Exception {
        String direction = fixtures.user(centre, Role.DIRECTION);
        String bad = CatalogueFormatTest.TWO.replace("- Dimension\n", "- Dimensions\n");
        mvc.perform(multipart(base + "/import").file(new MockMultipartFile("file", "actions.txt", "text/plain",
                        bad.getBytes(StandardCharsets.UTF_8))).with(user(direction)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Rien n&#39;est importé")))
                .andExpect(content().string(containsString("ligne ")));
        assertThat(jdbc.sql("select count(*) from catalogue_actions").query(Long.class).single()).isZero();

        mvc.perform(multipart(base + "/import").file(new MockMultipartFile("file", "actions.txt", "text/plain",
                        CatalogueFormatTest.TWO.getBytes(StandardCharsets.UTF_8))).with(user(direction)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<b>2</b> fiche(s) lue(s), <b>2</b> enregistrée(s)")));
        String animateur = fixtures.user(centre, Role.ANIMATEUR);
        mvc.perform(get(base + "/import").with(user(animateur))).andExpect(status().isForbidden());
    }

    @Test
    void aLatin1OrNulFileIsRefusedAtItsLineInsteadOfStoredWithItsLettersReplaced() throws Exception {
        String direction = fixtures.user(centre, Role.DIRECTION);
        // the first accent, line 6 ("associé(s)"), is not UTF-8
        mvc.perform(multipart(base + "/import").file(new MockMultipartFile("file", "actions.txt", "text/plain",
                        CatalogueFormatTest.TWO.getBytes(StandardCharsets.ISO_8859_1))).with(user(direction)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ligne 6 : caractère invalide en UTF-8 : le fichier n&#39;est pas en UTF-8")));
        mvc.perform(multipart(base + "/import").file(new MockMultipartFile("file", "actions.txt", "text/plain",
                        CatalogueFormatTest.TWO.replace("Fonds propres", "Fonds\0propres").getBytes(StandardCharsets.UTF_8)))
                        .with(user(direction)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ligne 42 : la ligne contient un caractère NUL")));
        assertThat(jdbc.sql("select count(*) from catalogue_actions").query(Long.class).single()).isZero();
    }

    @Test
    void aLinkedActionShowsItsActivitiesAndObjectivesFigures() throws Exception {
        people.importCsv(centre.id(), csv("household_ref;person_ref;last_name;first_name\nH1;ALICE;Roux;Alice\nH2;BOB;Sow;Bob\n"));
        activities.importCsv(centre.id(), csv("activity_ref;name;sector;kind\nA1;Repas partagé;Adultes;atelier\nA2;Foot;Jeunesse;atelier\n"));
        int year = java.time.LocalDate.now().getYear();
        attendance.importCsv(centre.id(), csv("activity_ref;date;start;end;person_ref\n"
                + "A1;" + year + "-01-08;12:00;14:00;ALICE\nA1;" + year + "-01-15;12:00;14:00;ALICE\n"
                + "A1;" + year + "-01-15;12:00;14:00;BOB\nA2;" + year + "-01-10;10:00;12:00;BOB\n"));
        long project = projects.createProject(centre.id(), "Vivre ensemble", year - 1);
        long objective = projects.addObjective(centre.id(), projects.addAxis(centre.id(), project, "Lien social"), "Rompre l'isolement");
        projects.addIndicator(centre.id(), objective, "Convives", "activities.persons", new BigDecimal("4"));
        long meal = jdbc.sql("select id from activities where centre_id = ? and ref = 'A1'").param(centre.id()).query(Long.class).single();
        projects.linkActivity(centre.id(), objective, meal);

        String animateur = fixtures.user(centre, Role.ANIMATEUR);
        long id = write(animateur, "Repas des aînés");
        mvc.perform(post(base + "/" + id + "/activites").with(user(animateur)).with(csrf()).param("activityId", String.valueOf(meal)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/" + id + "/objectifs").with(user(animateur)).with(csrf()).param("objectiveId", String.valueOf(objective)))
                .andExpect(status().is3xxRedirection());
        // Alice twice and Bob once at the meal: 2 persons, 3 presences, 2 sessions; the objective's indicator 2 of 4
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(get(base + "/" + id).with(user(animateur)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#activites-liees tbody tr").eachText()).containsExactly("Repas partagé 2 3 2 Retirer");
        assertThat(page.select(".objective").text()).contains("Rompre l'isolement");
        assertThat(page.select(".objective tbody tr").eachText()).containsExactly("Convives 4 2 50");

        // another centre's activity cannot be linked
        Centre other = fixtures.centre("loin");
        activities.importCsv(other.id(), csv("activity_ref;name;sector;kind\nX;Chorale;Adultes;atelier\n"));
        long foreign = jdbc.sql("select id from activities where centre_id = ?").param(other.id()).query(Long.class).single();
        mvc.perform(post(base + "/" + id + "/activites").with(user(animateur)).with(csrf()).param("activityId", String.valueOf(foreign)))
                .andExpect(status().isNotFound());
        long foreignObjective = projects.addObjective(other.id(), projects.addAxis(other.id(),
                projects.createProject(other.id(), "Ailleurs", year), "Axe"), "Objectif d'un autre centre");
        mvc.perform(post(base + "/" + id + "/objectifs").with(user(animateur)).with(csrf()).param("objectiveId", String.valueOf(foreignObjective)))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from catalogue_action_objectives where action_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
    }
}
