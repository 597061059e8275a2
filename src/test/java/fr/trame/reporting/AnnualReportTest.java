package fr.trame.reporting;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.centre.Role;
import fr.trame.people.PeopleImporter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrameTest
class AnnualReportTest {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired AnnualReportService reports;
    @Autowired ReportRenderer renderer;
    @Autowired CentreService centres;
    @Autowired MockMvc mvc;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Centre centre;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("rapport");
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date
                H1;P1;Roux;Léa;F;2021-06-01
                H2;P2;Petit;Noé;M;2017-01-01
                """));
        activities.importCsv(centre.id(), csv("activity_ref;name;sector;kind\nACM;Centre de loisirs;Enfance;acm\n"));
        // Léa is 4 in March 2025, Noé 8: 8 h each on 5 March, Noé 8 h again on 12 March
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref
                ACM;2025-03-05;09:00;17:00;P1
                ACM;2025-03-05;09:00;17:00;P2
                ACM;2025-03-12;09:00;17:00;P2
                """));
        reports.saveText(centre.id(), 2025, "moral", "Une année de consolidation.");
        reports.saveText(centre.id(), 2025, "secteur-Enfance", "Le centre de loisirs a ouvert tout l'été.");
    }

    @Test
    void theReportHoldsTheEngineFiguresTheDirectorsTextsAndTheCafAnnex() throws Exception {
        AnnualReportService.Report report = reports.build(centres.findById(centre.id()).orElseThrow(), 2025);
        assertThat(report.chapters()).extracting(AnnualReportService.Chapter::title).containsExactly("Fiche d'identité",
                "Vie associative", "Profil des publics", "Secteur Enfance", "Accueil et accompagnement", "Ressources humaines",
                "Bénévolat", "Partenariats", "Financement", "Annexe CAF : heures réalisées à l'accueil de loisirs");
        // the CAF annex: March, Centre de loisirs, 6 and over: Noé, 2 presences, 16 h; under 6: Léa, 8 h
        assertThat(reports.cafAnnex(centre.id(), java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 12, 31)))
                .containsExactly(List.of("2025-03", "Centre de loisirs", "moins de 6 ans", 1L, 1L, new BigDecimal("8.00")),
                        List.of("2025-03", "Centre de loisirs", "6 ans et plus", 1L, 2L, new BigDecimal("16.00")));

        String html = renderer.html(report, false);
        assertThat(org.jsoup.Jsoup.parse(html).text()).contains("Rapport d'activité", "Une année de consolidation.", "Le centre de loisirs a ouvert tout l'été.");
        assertThat(html).contains(
                "<svg");

        try (PDDocument pdf = Loader.loadPDF(renderer.pdf(report))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Profil des publics", "Secteur Enfance", "Une année de consolidation.", "24,00");
        }

        try (ReadableWorkbook xlsx = new ReadableWorkbook(new ByteArrayInputStream(renderer.xlsx(report)))) {
            List<String> sheets = xlsx.getSheets().map(Sheet::getName).toList();
            assertThat(sheets).contains("Vie associative", "Profil des publics", "Secteur Enfance");
            Sheet enfance = xlsx.getSheets().filter(s -> s.getName().equals("Secteur Enfance")).findFirst().orElseThrow();
            List<String> lines = enfance.read().stream().map(r -> r.stream().map(c -> c == null ? "" : c.getRawValue())
                    .collect(Collectors.joining("|"))).toList();
            // the activity's line: 2 sessions, 2 persons, 2 households, 3 presences, 24 hours
            assertThat(lines).anyMatch(l -> l.startsWith("Centre de loisirs|2|2|2|3|24"));
        }
    }

    @Test
    void directionWritesTheTextsAndAnyoneDownloadsThePdf() throws Exception {
        String direction = fixtures.user(centre, Role.DIRECTION);
        String animateur = fixtures.user(centre, Role.ANIMATEUR);
        String base = "/c/" + centre.code() + "/rapport/2025";
        mvc.perform(post(base + "/textes").with(user(direction)).with(csrf()).param("text.accueil", "Permanences chaque mardi."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/textes").with(user(animateur)).with(csrf()).param("text.accueil", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get(base).with(user(animateur))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Permanences chaque mardi.")));
        mvc.perform(get(base + ".pdf").with(user(animateur))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
        mvc.perform(get(base + "/annexe-caf.csv").with(user(direction))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2025-03;Centre de loisirs;6 ans et plus;1;2;16,00")));
    }

    @Test
    void theCafAnnexCsvKeepsActivityNamesAsTextAndGivesOnlyFiguresADecimalComma() throws Exception {
        activities.importCsv(centre.id(), csv("""
                activity_ref;name;sector;kind
                F1;"=HYPERLINK(""http://x"")";Enfance;acm
                F2;+1;Enfance;acm
                F3;@SUM(A1);Enfance;acm
                F4;-2+3;Enfance;acm
                F5;Tab;Enfance;acm
                F6;Accueil St. Jean;Enfance;acm
                """));
        // imports and forms trim cells: a tab-leading name can only come from elsewhere
        jdbc.sql("update activities set name = E'\\tTab' where centre_id = ? and ref = 'F5'").param(centre.id()).update();
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref
                F1;2025-04-02;09:00;12:30;P2
                F2;2025-04-02;09:00;12:30;P2
                F3;2025-04-02;09:00;12:30;P2
                F4;2025-04-02;09:00;12:30;P2
                F5;2025-04-02;09:00;12:30;P2
                F6;2025-04-02;09:00;12:30;P2
                """));
        String direction = fixtures.user(centre, Role.DIRECTION);
        String csv = mvc.perform(get("/c/" + centre.code() + "/rapport/2025/annexe-caf.csv").with(user(direction)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        List<List<String>> april = Fixtures.cells(csv).stream().filter(row -> row.get(0).equals("2025-04")).toList();
        assertThat(april).extracting(row -> row.get(1)).containsExactlyInAnyOrder(
                "'=HYPERLINK(\"http://x\")", "'+1", "'@SUM(A1)", "'-2+3", "'\tTab", "Accueil St. Jean");
        assertThat(april).allSatisfy(row -> assertThat(row.subList(2, 6)).containsExactly("6 ans et plus", "1", "1", "3,50"));
    }
}
