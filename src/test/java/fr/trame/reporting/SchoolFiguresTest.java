package fr.trame.reporting;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.people.PeopleImporter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * A sector's persons by school and by class, and each activity's publics by age band and quartier, in the sector's
 * chapter of the annual report, on a hand-made centre; each expected value is worked out in a comment. Year 2026.
 */
@TrameTest
class SchoolFiguresTest {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired IndicatorService indicators;
    @Autowired MockMvc mvc;

    Centre centre;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("ecoles");
        // Léa (2015, Jules Ferry, CM2, Tilleuls), Tom (2016, Jules Ferry, CM1, Tilleuls), Noé (2013, Rostand, 6e, Moulin),
        // Ana (no birth date, no school, household without quartier)
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date;role;quartier;qpv;school;school_level
                H1;LEA;Roux;Léa;F;2015-04-01;enfant;Tilleuls;oui;École Jules Ferry;CM2
                H1;TOM;Roux;Tom;M;2016-09-01;enfant;Tilleuls;oui;École Jules Ferry;CM1
                H2;NOE;Petit;Noé;M;2013-05-01;enfant;Moulin;non;Collège Rostand;6e
                H3;ANA;Sow;Ana;F;;enfant;;;;
                """));
        activities.importCsv(centre.id(), csv("""
                activity_ref;name;sector;kind
                CLAS;Accompagnement à la scolarité;Accompagnement scolaire;accompagnement_scolaire
                FOOT;Football;Jeunesse;atelier
                """));
        // 2026: Léa, Noé and Ana present at CLAS, Tom only absent; Noé also at football. 2025: Tom present at CLAS
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref;headcount;status
                CLAS;2026-03-02;16:30;18:00;LEA;;present
                CLAS;2026-03-02;16:30;18:00;NOE;;present
                CLAS;2026-03-02;16:30;18:00;ANA;;present
                CLAS;2026-03-02;16:30;18:00;TOM;;absent
                CLAS;2025-03-03;16:30;18:00;TOM;;present
                FOOT;2026-04-04;10:00;12:00;NOE;;present
                """));
    }

    @Test
    void sectorsCountTheirPersonsBySchoolAndClass() {
        Map<String, Map<String, Map<String, Long>>> schools = indicators.compute(centre.id(), centre.code(),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)).schoolsBySector();
        // Accompagnement scolaire: Léa (Jules Ferry, CM2) and Noé (Rostand, 6e); Ana has none, Tom was only absent;
        // classes in school order, CM2 before 6e
        assertThat(schools.get("Accompagnement scolaire").get("school"))
                .containsExactly(entry("Collège Rostand", 1L), entry("École Jules Ferry", 1L));
        assertThat(schools.get("Accompagnement scolaire").get("schoolLevel")).containsExactly(entry("CM2", 1L), entry("6e", 1L));
        // Jeunesse: Noé
        assertThat(schools.get("Jeunesse")).containsExactly(entry("school", Map.of("Collège Rostand", 1L)),
                entry("schoolLevel", Map.of("6e", 1L)));
        // 2025: Tom at CLAS
        assertThat(indicators.compute(centre.id(), centre.code(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
                .schoolsBySector())
                .containsOnlyKeys("Accompagnement scolaire")
                .extractingByKey("Accompagnement scolaire").isEqualTo(Map.of("school", Map.of("École Jules Ferry", 1L),
                        "schoolLevel", Map.of("CM1", 1L)));
    }

    /** The sector's chapter prints them, and each number opens the list of the persons it counts. */
    @Test
    void theSectorChapterPrintsThemAndEachNumberOpensItsPersons() throws Exception {
        String direction = fixtures.user(centre, Role.DIRECTION);
        Document report = Jsoup.parse(page("/c/" + centre.code() + "/rapport/2026", direction));
        Element chapter = report.getElementById("chapitre-secteur-accompagnement-scolaire");
        assertThat(rows(chapter, "École (personnes dont l'école est connue)"))
                .containsExactly("Collège Rostand 1 50,0 %", "École Jules Ferry 1 50,0 %");
        assertThat(rows(chapter, "Classe (personnes dont la classe est connue)")).containsExactly("CM2 1 50,0 %", "6e 1 50,0 %");
        // CLAS, at their first presence (2 March 2026): Léa 10 (6-11), Noé 12 (12-17), Ana unknown
        assertThat(rows(chapter, "Âges des publics des activités (à leur première présence)"))
                .containsExactly("Accompagnement à la scolarité 0 0 1 1 0 0 0 1");
        // quartiers met in the sector's activities, then unknown: Moulin Noé, Tilleuls Léa, Ana none
        assertThat(block(chapter, "Quartiers des publics des activités (du foyer)").select("thead th").eachText())
                .containsExactly("Activité", "Moulin", "Tilleuls", "Non renseigné");
        assertThat(rows(chapter, "Quartiers des publics des activités (du foyer)"))
                .containsExactly("Accompagnement à la scolarité 1 1 1");
        // QPV: Léa oui, Noé non, Ana unknown; all three new to the centre (nobody but Tom came before 2026)
        assertThat(rows(chapter, "Publics des activités")).containsExactly("Accompagnement à la scolarité 2 1 0 1 1 1 3");
        int followed = 0;
        for (String title : List.of("École (personnes dont l'école est connue)", "Classe (personnes dont la classe est connue)",
                "Âges des publics des activités (à leur première présence)", "Quartiers des publics des activités (du foyer)",
                "Publics des activités")) {
            for (Element link : block(chapter, title).select("a")) {
                Document list = Jsoup.parse(page(link.attr("href"), direction));
                assertThat(list.selectFirst("#count").text()).as(title + " " + link.attr("href")).isEqualTo(link.text());
                followed++;
            }
        }
        assertThat(followed).isEqualTo(2 + 2 + 8 + 3 + 7);
        Document lea = Jsoup.parse(page(block(chapter, "École (personnes dont l'école est connue)").select("a").get(1).attr("href"),
                direction));
        assertThat(lea.text()).contains("Léa Roux").doesNotContain("Tom Roux");
    }

    private static Element block(Element chapter, String title) {
        return chapter.select(".block").stream().filter(b -> b.selectFirst("h3").text().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError(title + " absent : " + chapter.select(".block h3").eachText()));
    }

    private static List<String> rows(Element chapter, String title) {
        return block(chapter, title).select("tbody tr").eachText();
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(URI.create(url)).with(SecurityMockMvcRequestPostProcessors.user(username)))
                .andExpect(MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
