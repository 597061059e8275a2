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
import org.springframework.test.web.servlet.MockMvc;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard's activities table, which the page asks for once shown: the page names it with its period, the table
 * gives the period's figures with their lists to those who see persons, figures only to the others, and a bad period
 * or another centre's page is refused.
 */
@TrameTest
class DashboardActivitiesTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;

    Centre centre;
    String base;

    @BeforeEach
    void centreWithAnActivity() {
        centre = fixtures.centre("dashparts");
        base = "/c/" + centre.code();
        people.importCsv(centre.id(), csv("household_ref;person_ref;last_name;first_name\nH1;P1;Roux;Léa\nH2;P2;Diallo;Noé\n"));
        activities.importCsv(centre.id(), csv("activity_ref;name;sector\nJEU;Ludothèque;Famille\n"));
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref
                JEU;2025-05-07;14:00;15:30;P1
                JEU;2025-05-07;14:00;15:30;P2
                JEU;2025-05-14;14:00;15:30;P1
                """));
    }

    @Test
    void thePageAsksForTheTableOfItsPeriodWhichGivesTheFiguresAndTheirLists() throws Exception {
        String direction = fixtures.user(centre, Role.DIRECTION);
        Document page = page(base + "/tableau-de-bord?type=scolaire&annee=2024", direction);
        String asked = page.selectFirst("#activites-seances[hx-trigger=load]").attr("hx-get");
        assertThat(asked).isEqualTo(base + "/tableau-de-bord/activites?from=2024-09-01&to=2025-08-31");
        assertThat(page.select("#activites")).isEmpty();

        Document table = page(asked, direction);
        // Ludothèque: 2 persons, 2 planned, 2 held, 0 cancelled, 3 hours; Léa at both (100 %), Noé at one (50 %)
        assertThat(table.select("#activites tbody tr").text().replace('\u202f', ' '))
                .isEqualTo("Ludothèque 2 2 2 0 3,00 0 0 1 0 1");
        assertThat(table.select("#activites tbody a").first().attr("href"))
                .startsWith(base + "/tableau-de-bord/activite?from=2024-09-01&to=2025-08-31&id=").endsWith("&quoi=persons");

        // its publics, asked for when scrolled to: Léa and Noé, sex, age and quartier unknown (the file gives none), not
        // in a QPV, both new; each number opens the list of the persons it counts
        String publics = table.selectFirst("#activites-publics-section[hx-trigger=revealed]").attr("hx-get");
        assertThat(publics).isEqualTo(base + "/tableau-de-bord/activites-publics?from=2024-09-01&to=2025-08-31");
        assertThat(table.select("#activites-publics")).isEmpty();
        table = page(publics, direction);
        assertThat(table.select("#activites-publics thead th").eachText()).containsExactly("Activité", "Femmes", "Hommes",
                "Sexe non renseigné", "0 à 2 ans", "3 à 5 ans", "6 à 11 ans", "12 à 17 ans", "18 à 25 ans", "26 à 59 ans", "60 ans et plus",
                "Âge non renseigné", "Quartier non renseigné", "QPV : oui", "Nouvelles au centre");
        assertThat(table.select("#activites-publics tbody tr").text()).isEqualTo("Ludothèque 0 0 2 0 0 0 0 0 0 0 2 2 0 2");
        // « 60+ » reads back as itself, not as « 60 » and a space
        assertThat(table.select("#activites-publics a[href*=byAgeBand]").eachAttr("href")).anyMatch(h -> h.endsWith("60%2B"));
        for (Element link : table.select("#activites-publics tbody a")) {
            assertThat(page(link.attr("href"), direction).selectFirst("#count").text()).as(link.attr("href"))
                    .isEqualTo(link.text());
        }
        assertThat(table.select("#activites-publics tbody a")).hasSize(14);
        // a value no figure has is refused, not answered with an empty list
        String activity = table.select("#activites-publics tbody a").first().attr("href").replaceAll("&quoi=.*", "");
        mvc.perform(get(URI.create(activity + "&quoi=byAgeBand:bogus")).with(user(direction))).andExpect(status().isBadRequest());
        mvc.perform(get(URI.create(activity + "&quoi=qpv:peut-etre")).with(user(direction))).andExpect(status().isBadRequest());

        // another period: nothing counted, nothing shown
        assertThat(page(base + "/tableau-de-bord/activites?from=2026-01-01&to=2026-12-31", direction).select("section")).isEmpty();
    }

    @Test
    void theFederationSeesTheFiguresWithoutTheirListsAndABadPeriodOrAnotherCentreIsRefused() throws Exception {
        String federation = fixtures.user(centre, Role.FEDERATION);
        String path = base + "/tableau-de-bord/activites?from=2025-01-01&to=2025-12-31";
        Document table = page(path, federation);
        assertThat(table.select("#activites tbody tr").text()).startsWith("Ludothèque 2 ");
        assertThat(table.select("#activites a")).isEmpty();
        Document publics = page(base + "/tableau-de-bord/activites-publics?from=2025-01-01&to=2025-12-31", federation);
        assertThat(publics.select("#activites-publics tbody tr").text()).startsWith("Ludothèque 0 0 2 ");
        assertThat(publics.select("#activites-publics a")).isEmpty();

        String direction = fixtures.user(centre, Role.DIRECTION);
        mvc.perform(get(base + "/tableau-de-bord/activites?from=2025-12-31&to=2025-01-01").with(user(direction)))
                .andExpect(status().isBadRequest())
                .andExpect(status().reason("La fin de la période (01/01/2025) précède son début (31/12/2025)."));
        mvc.perform(get(base + "/tableau-de-bord/activites?from=demain&to=2025-01-01").with(user(direction)))
                .andExpect(status().isBadRequest());
        mvc.perform(get(base + "/tableau-de-bord/activites").with(user(direction))).andExpect(status().isBadRequest());
        Centre other = fixtures.centre("dashparts2");
        mvc.perform(get(path).with(user(fixtures.user(other, Role.DIRECTION)))).andExpect(status().isNotFound());
    }

    /** The page at this address as the browser sends it (already encoded: {@code 60%2B} stays so). */
    private Document page(String url, String username) throws Exception {
        String html = mvc.perform(get(URI.create(url)).with(user(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }
}
