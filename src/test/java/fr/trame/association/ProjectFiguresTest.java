package fr.trame.association;

import fr.trame.reporting.JsonTree;
import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.activities.SessionService;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.catalogue.CatalogueLinks;
import fr.trame.catalogue.CatalogueService;
import fr.trame.centre.Centre;
import fr.trame.people.MembershipImporter;
import fr.trame.people.PeopleImporter;
import fr.trame.reception.ReceptionImporter;
import fr.trame.reporting.IndicatorService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projet social's figures, all objectives computed in one engine run, are those the engine gives for each
 * objective on its own: an objective of one activity has that activity's figures, one whose activities make up a
 * sector has the sector's, the others the centre's. And a page costs one pass over the year's attendance, whatever
 * its number of objectives.
 */
@TrameTest
class ProjectFiguresTest {

    private static final int YEAR = 2025;

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired MembershipImporter memberships;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired SessionService sessions;
    @Autowired ReceptionImporter reception;
    @Autowired VolunteerService volunteers;
    @Autowired SocialProjectService projects;
    @Autowired IndicatorService indicators;
    @Autowired CatalogueService catalogue;
    @Autowired CatalogueLinks links;
    @Autowired JdbcClient jdbc;

    Centre centre;
    long project;
    /** objective title → its indicators' metrics */
    final Map<String, List<String>> plan = new LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("projet");
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date;role;quartier;qpv
                H1;ALICE;Roux;Alice;F;1960-06-01;responsable;Tilleuls;oui
                H1;BOB;Roux;Bob;M;2015-02-15;enfant;Tilleuls;oui
                H2;CARL;Petit;Carl;M;1985-01-01;responsable;Moulin;non
                H3;DINA;Sow;Dina;F;;responsable;;
                H4;EVE;Lenoir;Eve;F;1950-03-03;responsable;;
                """));
        memberships.importCsv(centre.id(), csv("""
                membership_ref;type;household_ref;person_ref;organisation;start_date;end_date
                M1;familiale;H1;;;2024-09-01;2025-08-31
                M2;individuelle;;CARL;;2025-09-01;2026-08-31
                """));
        // Couture and Cuisine are the whole Adultes sector; Foot and Gym each have a sector of their own
        activities.importCsv(centre.id(), csv("""
                activity_ref;name;sector;kind
                A1;Couture;Adultes;atelier
                A2;Cuisine;Adultes;atelier
                A3;Foot;Jeunesse;atelier
                A4;Gym douce;Seniors;atelier
                """));
        // Alice goes to both Adultes workshops; a Cuisine session only has an absent; one session is cancelled,
        // others fall outside the year
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref;status
                A1;2025-01-10;14:00;16:00;ALICE;present
                A1;2025-01-10;14:00;16:00;CARL;present
                A1;2025-01-17;14:00;16:00;ALICE;present
                A1;2025-01-17;14:00;16:00;CARL;absent
                A1;2024-12-20;14:00;16:00;DINA;present
                A2;2025-02-03;18:00;20:00;ALICE;present
                A2;2025-02-03;18:00;20:00;EVE;present
                A2;2025-02-10;18:00;20:00;EVE;absent
                A2;2025-03-10;18:00;20:00;DINA;present
                A3;2025-04-05;10:00;12:00;BOB;present
                A3;2025-04-12;10:00;12:00;BOB;present
                A3;2026-01-04;10:00;12:00;BOB;present
                A4;2025-05-06;09:00;10:00;EVE;present
                """));
        long cancelled = jdbc.sql("select id from sessions where centre_id = ? and date = '2025-03-10'").param(centre.id())
                .query(Long.class).single();
        sessions.cancel(centre.id(), cancelled, "Salle indisponible");
        reception.importCsv(centre.id(), csv("""
                date;person_ref;channel;theme;status
                2025-03-01;DINA;accueil;caf;
                2025-06-01;;telephone;autre;
                2025-09-02;ALICE;accueil;retraite;
                2024-12-20;CARL;accueil;sante;
                """));
        long volunteer = volunteers.register(centre.id(), person("EVE"), List.of("activite"), null, LocalDate.of(2024, 9, 1));
        volunteers.logHours(centre.id(), volunteer, LocalDate.of(2025, 5, 6), new BigDecimal("2.5"), null, "Gym", null);

        String all = "activities.persons,activities.presences,activities.sessions";
        plan.put("Couture", List.of(all.split(",")));
        plan.put("Couture et cuisine", List.of(all.split(",")));
        plan.put("Foot", List.of("activities.sessions", "activities.persons", "reception.persons", "publics.persons",
                "publics.households"));
        plan.put("Gym et adhésions", List.of("activities.presences", "members.memberships", "members.persons",
                "association.volunteers", "association.volunteerHours", "reception.contacts"));
        plan.put("Sans activité", List.of("activities.persons", "activities.sessions"));
        Map<String, List<String>> linked = Map.of("Couture", List.of("A1"), "Couture et cuisine", List.of("A1", "A2"),
                "Foot", List.of("A3"), "Gym et adhésions", List.of("A4"), "Sans activité", List.of());
        project = projects.createProject(centre.id(), "Vivre ensemble", YEAR - 1);
        long axis = projects.addAxis(centre.id(), project, "Lien social");
        plan.forEach((title, metrics) -> {
            long objective = projects.addObjective(centre.id(), axis, title);
            linked.get(title).forEach(ref -> projects.linkActivity(centre.id(), objective, activity(ref)));
            metrics.forEach(m -> projects.addIndicator(centre.id(), objective, m, m, BigDecimal.TEN));
        });
        long typed = projects.addIndicator(centre.id(), objective("Couture"), "Satisfaits (enquête)", null, new BigDecimal("80"));
        projects.saveValue(centre.id(), typed, YEAR, new BigDecimal("75"));
    }

    @Test
    void everyObjectiveHasTheFiguresTheEngineGivesItAlone() {
        Map<String, Object> json = JsonTree.of(indicators.compute(centre.id(), centre.code(), LocalDate.of(YEAR, 1, 1),
                LocalDate.of(YEAR, 12, 31)));
        Map<String, Map<String, Object>> activityFigures = byName(json.get("activities"));
        Map<String, Map<String, Object>> sectorFigures = byName(json.get("sectors"));
        // what each objective's activities count when the engine computes them on their own
        Map<String, Map<String, Object>> alone = Map.of("Couture", activityFigures.get("Couture"),
                "Couture et cuisine", sectorFigures.get("Adultes"), "Foot", activityFigures.get("Foot"),
                "Gym et adhésions", activityFigures.get("Gym douce"),
                "Sans activité", Map.of("persons", 0L, "presences", 0L, "sessions", 0L));

        Map<String, Map<String, BigDecimal>> shown = shown(projects.axes(centre.id(), project, YEAR).get(0).objectives());
        assertThat(shown.keySet()).containsExactlyElementsOf(plan.keySet());
        plan.forEach((title, metrics) -> metrics.forEach(metric -> {
            String[] path = metric.split("\\.");
            Object expected = switch (path[0]) {
                case "activities" -> alone.get(title).get(path[1]);
                case "association" -> sub(sub(json, "association"), "volunteers").get(path[1].equals("volunteers") ? "volunteers" : "hours");
                default -> sub(json, path[0]).get(path[1]);
            };
            assertThat(shown.get(title).get(metric)).as(title + " / " + metric).isEqualByComparingTo(expected.toString());
        }));
        // the sets are told apart: Alice is one person of the two workshops, and the absent-only session counts
        assertThat(shown.get("Couture").get("activities.persons")).isEqualByComparingTo("2");
        assertThat(shown.get("Couture et cuisine").get("activities.persons")).isEqualByComparingTo("3");
        assertThat(shown.get("Couture et cuisine").get("activities.sessions")).isEqualByComparingTo("4");
        assertThat(shown.get("Couture").get("Satisfaits (enquête)")).isEqualByComparingTo("75");

        // a few objectives only (a catalogue action's), without publics: the same figures from a narrower pass
        List<Long> some = List.of(objective("Couture et cuisine"), objective("Sans activité"), objective("Couture"));
        Map<String, Map<String, BigDecimal>> few = shown(projects.objectives(centre.id(), YEAR, some));
        assertThat(few.keySet()).containsExactly("Couture", "Couture et cuisine", "Sans activité");
        few.forEach((title, values) -> assertThat(values).isEqualTo(shown.get(title)));
    }

    @Test
    void aPageGathersTheYearsAttendanceOnceWhateverItsObjectives() {
        long before = indicators.passes();
        projects.axes(centre.id(), project, YEAR);
        assertThat(indicators.passes() - before).as("passes for a projet social of 5 objectives").isEqualTo(1);

        // the catalogue: offering the objectives computes nothing; an action's page one pass for its activities, one
        // for its objectives
        long action = catalogue.saveOwn(centre.id(), null, "Ateliers du soir", CatalogueService.demoValues());
        links.linkActivity(centre.id(), action, activity("A1"));
        links.linkActivity(centre.id(), action, activity("A2"));
        before = indicators.passes();
        links.objectives(centre.id(), YEAR).forEach(o -> links.linkObjective(centre.id(), action, o.id()));
        assertThat(indicators.passes() - before).isZero();
        CatalogueLinks.Linked page = links.linked(centre.id(), action, YEAR);
        assertThat(indicators.passes() - before).isEqualTo(2);
        assertThat(page.objectives()).hasSize(plan.size());
        assertThat(page.totals().persons()).isEqualByComparingTo("3");
    }

    /** objective title → indicator label → value shown */
    private static Map<String, Map<String, BigDecimal>> shown(List<SocialProjectService.Objective> objectives) {
        Map<String, Map<String, BigDecimal>> shown = new LinkedHashMap<>();
        objectives.forEach(o -> {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            o.indicators().forEach(i -> values.put(i.label(), i.actual()));
            shown.put(o.title(), values);
        });
        return shown;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byName(Object rows) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        ((List<Map<String, Object>>) rows).forEach(r -> byName.put((String) r.get("name"), r));
        return byName;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sub(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    private long person(String ref) {
        return jdbc.sql("select id from persons where centre_id = ? and ref = ?").params(centre.id(), ref).query(Long.class).single();
    }

    private long activity(String ref) {
        return jdbc.sql("select id from activities where centre_id = ? and ref = ?").params(centre.id(), ref).query(Long.class).single();
    }

    private long objective(String title) {
        return jdbc.sql("select id from project_objectives where centre_id = ? and title = ?").params(centre.id(), title)
                .query(Long.class).single();
    }
}
