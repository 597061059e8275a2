package fr.trame.association;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.csv.ImportResult;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.List;

import static fr.trame.Fixtures.csv;
import static fr.trame.association.GovernanceImportTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * social-project.csv on a hand-made centre: the project, its axes and objectives and their activities, the objectives'
 * engine figures those links feed (worked out in comments), a re-import that changes nothing, and a bad file refused at
 * its lines and columns with nothing written.
 */
@TrameTest
class SocialProjectImportTest {

    static final String PROJECT = """
            project;start_year;end_year;axis;objective;activity_refs
            Projet social 2024-2027;2024;2027;Axe 1 : vivre ensemble;Créer du lien entre voisins;ACT1, ACT2
            projet social 2024-2027;2024;;Axe 1 : vivre ensemble;+ de sorties familiales;ACT2
            Projet social 2024-2027;2024;;=Axe 2 : jeunesse;Accompagner la scolarité;
            """;

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired SocialProjectImporter projectImport;
    @Autowired SocialProjectService projects;
    @Autowired JdbcClient jdbc;

    Centre centre;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("projet-import");
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name
                H1;ALICE;Roux;Alice
                H1;BOB;Roux;Bob
                H2;CARL;Petit;Carl
                """));
        activities.importCsv(centre.id(), csv("""
                activity_ref;name;sector
                ACT1;Jardin partagé;Adultes
                ACT2;Sorties familles;Familles
                """));
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref;status
                ACT1;2025-01-10;14:00;16:00;ALICE;present
                ACT1;2025-01-10;14:00;16:00;BOB;present
                ACT2;2025-02-03;10:00;17:00;CARL;present
                ACT2;2025-02-03;10:00;17:00;ALICE;present
                """));
    }

    @Test
    void aProjectFileWritesTheTreeAndFeedsTheObjectivesFigures() {
        ImportResult first = projectImport.importCsv(centre.id(), csv(PROJECT));
        assertThat(first.changes()).containsEntry("projet(s) social(aux) créé(s)", 1).containsEntry("axe(s) créé(s)", 2)
                .containsEntry("objectif(s) créé(s)", 3).containsEntry("activité(s) liée(s) à un objectif", 3);
        SocialProjectService.Project project = projects.current(centre.id(), 2025).orElseThrow();
        assertThat(project.title()).isEqualTo("Projet social 2024-2027");
        assertThat(project.startYear()).isEqualTo(2024);
        assertThat(project.endYear()).isEqualTo(2027);
        assertThat(tree()).containsExactly(
                "1 Axe 1 : vivre ensemble / Créer du lien entre voisins [Jardin partagé, Sorties familles]",
                "1 Axe 1 : vivre ensemble / + de sorties familiales [Sorties familles]",
                "2 =Axe 2 : jeunesse / Accompagner la scolarité []");

        // the persons of each objective's activities in 2025: Alice and Bob (jardin) + Carl (sorties; Alice already
        // counted) = 3; the sorties alone: Carl and Alice = 2; no activity: 0
        projects.objectiveChoices(centre.id(), 2025).forEach(o ->
                projects.addIndicator(centre.id(), o.id(), "Personnes", "activities.persons", BigDecimal.TEN));
        assertThat(projects.axes(centre.id(), project.id(), 2025).stream().flatMap(a -> a.objectives().stream())
                .map(o -> o.indicators().get(0).actual().intValue()).toList()).containsExactly(3, 2, 0);

        List<String> before = tree();
        assertThat(projectImport.importCsv(centre.id(), csv(PROJECT)).changedNothing()).isTrue();
        assertThat(tree()).isEqualTo(before);

        // the project runs one more year and gains an objective on its first axis
        ImportResult changed = projectImport.importCsv(centre.id(), csv(PROJECT.replace(";2024;2027;", ";2024;2028;")
                + "Projet social 2024-2027;2024;;axe 1 : Vivre ensemble;Ouvrir le jardin aux écoles;ACT1\n"));
        assertThat(changed.changes()).containsEntry("projet(s) social(aux) mis à jour", 1).containsEntry("projet(s) social(aux) créé(s)", 0)
                .containsEntry("axe(s) créé(s)", 0).containsEntry("objectif(s) créé(s)", 1)
                .containsEntry("activité(s) liée(s) à un objectif", 1);
        assertThat(projects.current(centre.id(), 2025).orElseThrow().endYear()).isEqualTo(2028);
        assertThat(tree()).hasSize(4).contains("1 Axe 1 : vivre ensemble / Ouvrir le jardin aux écoles [Jardin partagé]");
    }

    @Test
    void aBadProjectFileIsRefusedAtEachLineAndColumnAndWritesNothing() {
        projectImport.importCsv(centre.id(), csv(PROJECT));
        List<String> before = tree();
        long projectsBefore = count("social_projects");
        assertThat(errors(() -> projectImport.importCsv(centre.id(), csv("""
                project;start_year;end_year;axis;objective;activity_refs
                Projet social 2024-2027;2024;;Axe 3 : seniors;Rompre l'isolement;ACT1
                Projet social 2024-2027;2025;;Axe 1 : vivre ensemble;Autre objectif;
                Autre projet;deux mille;;Axe;Obj;NOPE
                Autre projet;2024;2020;Axe;Obj2;
                Projet social 2024-2027;2024;;axe 3 : Seniors;rompre l'isolement;
                Projet social 2024-2027;2024;;;Sans axe;
                """))))
                .containsExactly(
                        "ligne 3, colonne 2 (start_year) : le projet « Projet social 2024-2027 » commence en 2024 ligne 2",
                        "ligne 4, colonne 2 (start_year) : « deux mille » n'est pas un nombre entier supérieur ou égal à 0",
                        "ligne 4, colonne 6 (activity_refs) : activité « NOPE » inconnu(e) dans ce centre (importez d'abord"
                                + " activities.csv)",
                        "ligne 5, colonne 3 (end_year) : l'année de fin précède l'année de début",
                        "ligne 6, colonne 5 (objective) : cet objectif (même projet, même axe) figure déjà ligne 2",
                        "ligne 7, colonne 4 (axis) : valeur obligatoire manquante");
        assertThat(errors(() -> projectImport.importCsv(centre.id(), csv("project;start_year;objective\nP;2024;O\n"))))
                .containsExactly("ligne 1 : colonne obligatoire manquante : « axis »");
        assertThat(tree()).isEqualTo(before); // the valid axis of line 2 was not written
        assertThat(count("social_projects")).isEqualTo(projectsBefore);
    }

    /** Each objective as « position axis / objective [its activities] », in the project's order. */
    private List<String> tree() {
        return jdbc.sql("""
                select x.position || ' ' || x.title || ' / ' || o.title || ' [' || coalesce((select string_agg(a.name, ', '
                       order by a.ref) from objective_activities oa join activities a on a.centre_id = oa.centre_id
                       and a.id = oa.activity_id where oa.centre_id = o.centre_id and oa.objective_id = o.id), '') || ']'
                from project_objectives o join project_axes x on x.centre_id = o.centre_id and x.id = o.axis_id
                where o.centre_id = ? order by x.position, o.id""").param(centre.id()).query(String.class).list();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where centre_id = ?").param(centre.id()).query(Long.class).single();
    }
}
