package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.people.PeopleImporter;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Lists download as CSV and XLSX from their page: the same rows, formulas neutralised, the same permission. */
@TrameTest
class ListDownloadTest {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired MockMvc mvc;
    @Autowired fr.trame.activities.EnrolmentService enrolments;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Centre centre;
    String direction;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("dl");
        direction = fixtures.user(centre, Role.DIRECTION);
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date;role
                H1;ANNA;Roux;Anna;F;1990-06-01;responsable
                H2;EVE;=HYPERLINK("http://x");Eve;F;1985-01-01;responsable
                H3;LEA;Petit;Léa;F;2015-03-03;responsable
                """));
        activities.importCsv(centre.id(), csv("""
                activity_ref;name;sector;kind
                A1;Atelier cuisine;Familles;atelier
                """));
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref;headcount;status
                A1;2026-02-10;14:00;16:00;ANNA;;present
                A1;2026-02-10;14:00;16:00;EVE;;present
                A1;2026-02-10;14:00;16:00;LEA;;absent
                """));
    }

    @Test
    void theListOfPersonsReachedDownloadsWithTheSameRows() throws Exception {
        String page = "/c/" + centre.code() + "/tableau-de-bord/personnes?from=2026-01-01&to=2026-03-31";
        Document html = Jsoup.parse(mvc.perform(get(page).with(user(direction))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(html.selectFirst("#count").text()).isEqualTo("2");
        String csvLink = html.select("p.downloads a").get(0).attr("href");
        String xlsxLink = html.select("p.downloads a").get(1).attr("href");
        assertThat(csvLink).endsWith("&format=csv").contains("from=2026-01-01");

        MvcResult csvFile = mvc.perform(get(URI.create(csvLink)).with(user(direction))).andExpect(status().isOk()).andReturn();
        assertThat(csvFile.getResponse().getHeader("Content-Disposition"))
                .contains("attachment").contains("personnes-2026-01-01-2026-03-31.csv");
        String text = csvFile.getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(3); // the header and the two persons present
        assertThat(lines.get(0)).isEqualTo("\uFEFFNom;Prénom;Premier contact");
        assertThat(text).contains("Roux;Anna;10/02/2026").contains("'=HYPERLINK").doesNotContain("Petit");

        byte[] xlsx = mvc.perform(get(URI.create(xlsxLink)).with(user(direction))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = book.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Nom");
            assertThat(rows.stream().map(r -> r.getCellText(0))).contains("Roux", "=HYPERLINK(\"http://x\")");
            // a text cell, never a formula
            assertThat(rows.stream().allMatch(r -> r.getCell(0).getFormula() == null)).isTrue();
        }
    }

    @Test
    void aRecordsListAndTheContactsListDownloadToo() throws Exception {
        String households = "/c/" + centre.code() + "/tableau-de-bord/foyers?from=2026-01-01&to=2026-03-31&format=csv";
        String text = mvc.perform(get(households).with(user(direction))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(3);
        String contacts = "/c/" + centre.code() + "/tableau-de-bord/contacts?from=2026-01-01&to=2026-03-31&format=xlsx";
        assertThat(mvc.perform(get(contacts).with(user(direction))).andExpect(status().isOk())
                .andReturn().getResponse().getContentType()).startsWith("application/vnd.openxmlformats");
    }

    @Test
    void aRoleThatMayNotSeeTheListGetsNoFile() throws Exception {
        String file = "/c/" + centre.code() + "/tableau-de-bord/personnes?from=2026-01-01&to=2026-03-31&format=csv";
        mvc.perform(get(file).with(user(fixtures.user(centre, Role.FEDERATION)))).andExpect(status().isForbidden());
        Centre other = fixtures.centre("dl-autre");
        mvc.perform(get(file).with(user(fixtures.user(other, Role.DIRECTION)))).andExpect(status().isNotFound());
    }

    @Test
    void theRegisterAnActivitysEnrolmentsAndTheDaysContactsDownloadToo() throws Exception {
        String accueil = fixtures.user(centre, Role.ACCUEIL);
        String households = "/c/" + centre.code() + "/foyers?format=csv";
        String text = mvc.perform(get(households).with(user(accueil))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(4); // the header and the three households, every one, not the page's 50
        assertThat(text).contains("'=HYPERLINK"); // a household named after its member, neutralised
        Document page = Jsoup.parse(mvc.perform(get("/c/" + centre.code() + "/foyers").with(user(accueil)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("p.downloads a").eachAttr("href")).contains("/c/" + centre.code() + "/foyers?format=csv");

        long activity = jdbc.sql("select id from activities where centre_id = ? and ref = 'A1'").param(centre.id())
                .query(Long.class).single();
        enrolments.enrol(centre.id(), activity, jdbc.sql("select id from persons where centre_id = ? and ref = 'ANNA'")
                .param(centre.id()).query(Long.class).single(), "");
        String enrolled = mvc.perform(get("/c/" + centre.code() + "/activites/" + activity + "?format=csv")
                        .with(user(fixtures.user(centre, Role.ANIMATEUR)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(enrolled.lines()).hasSize(2);
        assertThat(enrolled).contains("Roux;Anna;01/06/1990;inscrit");

        String contacts = mvc.perform(get("/c/" + centre.code() + "/accueil?date=2026-02-10&format=xlsx").with(user(accueil)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentType();
        assertThat(contacts).startsWith("application/vnd.openxmlformats");
        // a role without the register gets no file of it
        mvc.perform(get(households).with(user(fixtures.user(centre, Role.FEDERATION)))).andExpect(status().isForbidden());
    }
}
