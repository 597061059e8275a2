package fr.trame.reporting;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.centre.Role;
import fr.trame.demo.DemoData;
import fr.trame.demo.DemoService;
import fr.trame.form.FrenchFormat;
import fr.trame.people.PeopleImporter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The annual report as a director presents it: a cover, the contents with each chapter's page, the key figures, each
 * chapter on its own page with the director's text first and its charts, and no heading left alone at a page's foot.
 * Read page by page from the demo centre's PDF.
 */
@TrameTest
class AnnualReportPdfTest {

    @Autowired DemoService demo;
    @Autowired CentreService centres;
    @Autowired AnnualReportService reports;
    @Autowired ReportRenderer renderer;
    @Autowired IndicatorService indicators;
    @Autowired Monthly monthly;
    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    /** The PDF's pages as lines of text, top to bottom, the running footer left out. */
    private static List<List<String>> pages(PDDocument pdf) throws IOException {
        List<List<String>> pages = new ArrayList<>();
        for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(p);
            stripper.setEndPage(p);
            List<String> lines = new ArrayList<>();
            for (String line : stripper.getText(pdf).split("\\R")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.matches(".*rapport d'activité \\d{4}.*Page \\d+ sur \\d+") && !l.matches("Page \\d+ sur \\d+")) {
                    lines.add(l);
                }
            }
            pages.add(lines);
        }
        return pages;
    }

    @Test
    void theDemoReportHasItsContentsKeyFiguresChartsAndNoOrphanHeading() throws Exception {
        long id = centres.findByCode(DemoService.DEMO_CODE).orElseGet(() -> demo.generate(DemoData.Size.S)).id();
        Centre centre = centres.findById(id).orElseThrow();
        int year = LocalDate.now().getYear();
        AnnualReportService.Report report = reports.build(centre, year);
        byte[] bytes = renderer.pdf(report);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/rapport-demo.pdf"), bytes);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            List<List<String>> pages = pages(pdf);
            // page 1 is the cover (no footer), page 2 the contents
            assertThat(String.join(" ", pages.get(0))).contains("Rapport d'activité " + year, centre.name());
            assertThat(pages.get(1).get(0)).isEqualTo("Sommaire");
            String contents = String.join("\n", pages.get(1));

            // every chapter is listed with a page number, and that page opens with the chapter's title
            Map<String, Integer> starts = new LinkedHashMap<>();
            List<String> listed = new ArrayList<>(List.of("Chiffres clés"));
            if (report.moral() != null) {
                listed.add("Rapport moral");
            }
            report.chapters().forEach(c -> listed.add(c.title()));
            for (String title : listed) {
                Matcher m = Pattern.compile("^" + Pattern.quote(title) + "[ .]*?(\\d+)$", Pattern.MULTILINE).matcher(contents);
                assertThat(m.find()).as("sommaire : " + title).isTrue();
                int page = Integer.parseInt(m.group(1));
                assertThat(pages.get(page - 1).get(0)).as("page " + page + " commence par « " + title + " »").isEqualTo(title);
                starts.put(title, page);
            }
            assertThat(starts.get("Chiffres clés")).isEqualTo(3);

            // each sector chapter: the director's text (when written) first, then its charts on its own pages
            List<Integer> order = new ArrayList<>(starts.values());
            for (AnnualReportService.Chapter c : report.chapters()) {
                int from = starts.get(c.title());
                int next = order.indexOf(from) + 1 < order.size() ? order.get(order.indexOf(from) + 1) : pages.size() + 1;
                String text = String.join("\n", pages.subList(from - 1, next - 1).stream().flatMap(List::stream).toList());
                if (c.text() != null) {
                    // the director's text comes right under the title, before the charts and tables
                    String opening = c.text().lines().findFirst().orElseThrow();
                    assertThat(pages.get(from - 1).get(1)).as(c.title() + " : le texte d'abord")
                            .isEqualTo(opening.substring(0, Math.min(opening.length(), pages.get(from - 1).get(1).length())));
                }
                for (AnnualReportService.ChartData chart : c.charts()) {
                    assertThat(text).as(c.title() + " : graphique « " + chart.title() + " »").contains(chart.title());
                }
                if (c.key().startsWith("secteur-")) {
                    assertThat(c.charts()).extracting(AnnualReportService.ChartData::title).contains(
                            c.title() + " : publics par tranche d'âge", c.title() + " : publics par sexe",
                            c.title() + " : présences par mois");
                    // the charts are drawn, as vector paths (no picture): at least one drawing per chart on the pages
                    int drawings = 0;
                    for (int p = from; p < next; p++) {
                        drawings += vectorDrawings(pdf.getPage(p - 1));
                        assertThat(images(pdf.getPage(p - 1))).isZero();
                    }
                    assertThat(drawings).as(c.title() + " : graphiques dessinés").isGreaterThanOrEqualTo(c.charts().size());
                }
            }
            // the funders' chart sets the year beside the year before, as the key figures do
            AnnualReportService.ChartData funders = report.chapters().stream().filter(c -> c.key().equals("financement"))
                    .findFirst().orElseThrow().charts().get(0);
            assertThat(funders.previous().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(prev(centre, year).association().funding().byFunder().values().stream()
                            .mapToLong(java.math.BigDecimal::longValue).sum()).isPositive();
            assertThat(report.chapters()).filteredOn(c -> c.key().startsWith("secteur-")).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.text()).as("le demo écrit le texte de " + c.title()).isNotBlank());
            assertThat(String.join(" ", pages.get(0))).contains(centre.commune());

            // no page ends with a heading: its last line is neither a chapter's, a table's nor a chart's title
            Set<String> headings = new HashSet<>(listed);
            headings.add("Sommaire");
            for (AnnualReportService.Chapter c : report.chapters()) {
                c.tables().forEach(t -> headings.add(t.title()));
                c.charts().forEach(ch -> headings.add(ch.title()));
                c.evaluations().forEach(e -> headings.add("Bilan de l'action « " + e.activity() + " »"));
            }
            // the parts of an action's bilan
            headings.addAll(List.of("Points forts", "Difficultés", "Perspectives"));
            assertThat(report.chapters()).flatExtracting(AnnualReportService.Chapter::evaluations).isNotEmpty();
            List<String> orphans = new ArrayList<>();
            for (int p = 0; p < pages.size(); p++) {
                List<String> lines = pages.get(p);
                if (lines.isEmpty()) {
                    continue;
                }
                String last = lines.get(lines.size() - 1);
                String lastTwo = lines.size() > 1 ? lines.get(lines.size() - 2) + " " + last : last;
                if (headings.contains(last) || headings.contains(lastTwo)) {
                    orphans.add("page " + (p + 1) + " : " + last);
                }
            }
            assertThat(orphans).as("pages finissant par un titre").isEmpty();

            // the key figures: the year's and the year before's, as the engine computes them
            Indicators cur = indicators.compute(centre.id(), centre.code(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            Indicators prev = indicators.compute(centre.id(), centre.code(), LocalDate.of(year - 1, 1, 1),
                    LocalDate.of(year - 1, 12, 31));
            List<String> highlights = pages.get(2);
            assertLine(highlights, "Personnes adhérentes", cur.members().persons(), prev.members().persons());
            assertLine(highlights, "Foyers adhérents", cur.members().households(), prev.members().households());
            assertLine(highlights, "Personnes touchées", cur.publics().persons(), prev.publics().persons());
            assertLine(highlights, "Présences aux activités", cur.sectors().stream().mapToLong(UnitFigures::presences).sum(),
                    prev.sectors().stream().mapToLong(UnitFigures::presences).sum());
            assertLine(highlights, "Séances tenues", cur.sectors().stream().mapToLong(UnitFigures::sessions).sum(),
                    prev.sectors().stream().mapToLong(UnitFigures::sessions).sum());
            assertLine(highlights, "dont nouvelles au centre", cur.publics().newPersons(), prev.publics().newPersons());
            assertLine(highlights, "Contacts d'accueil", cur.reception().contacts(), prev.reception().contacts());
            assertLine(highlights, "Dossiers d'accompagnement actifs", cur.reception().cases().active(),
                    prev.reception().cases().active());
            assertLine(highlights, "Bénévoles", cur.association().volunteers().volunteers(), prev.association().volunteers().volunteers());
            assertLine(highlights, "Salariés (ETP)", cur.association().staff().etp(), prev.association().staff().etp());
            assertThat(cur.members().persons() + cur.publics().persons() + cur.reception().contacts()).isPositive();

            // labels, not codes, and French numbers
            String all = String.join("\n", pages.stream().flatMap(List::stream).toList()).replaceAll("[\\w.-]+@[\\w.-]+", "");
            assertThat(Pattern.compile("\\b[a-z]+_[a-z_]+\\b").matcher(all).results().map(r -> r.group()).toList())
                    .as("codes dans le PDF").isEmpty();
            assertThat(all).doesNotContain("\u202f").doesNotContainPattern("\\d,\\d{3}\\b(?!,)\\s").doesNotContainPattern("\\b\\d+\\.\\d+\\b");
        }

        // the page: each key figure links to its records, each chart is an SVG under its title
        String html = renderer.html(report, false, "/c/demo");
        Document page = Jsoup.parse(html);
        assertThat(page.select("#chiffres-cles tbody tr")).hasSize(report.highlights().size());
        for (Element row : page.select("#chiffres-cles tbody tr")) {
            assertThat(row.select("td a[href^=/c/demo/]")).as(row.text()).hasSize(1);
        }
        assertThat(page.select(".chapter .figure svg")).hasSize((int) report.chapters().stream().flatMap(c -> c.charts().stream())
                .filter(c -> !c.isEmpty()).count());
        String sessions = page.select("#chiffres-cles a").stream().map(a -> a.attr("href"))
                .filter(h -> h.contains("/tableau-de-bord/seances")).findFirst().orElseThrow();
        mvc.perform(get(sessions).with(user(fixtures.user(centre, Role.DIRECTION)))).andExpect(status().isOk());

        // the workbook: the key figures first, and each chart's figures as a table
        try (ReadableWorkbook xlsx = new ReadableWorkbook(new ByteArrayInputStream(renderer.xlsx(report)))) {
            List<Sheet> sheets = xlsx.getSheets().toList();
            assertThat(sheets.get(0).getName()).isEqualTo("Chiffres clés");
            assertThat(sheets.get(0).read().stream().flatMap(r -> r.stream().filter(java.util.Objects::nonNull))
                    .map(c -> c.getText()).toList()).contains("Évolution (%)", "dont nouvelles au centre");
            String sector = report.chapters().stream().filter(c -> c.key().startsWith("secteur-")).findFirst().orElseThrow().title();
            Sheet sheet = sheets.stream().filter(s -> sector.startsWith(s.getName())).findFirst().orElseThrow();
            assertThat(sheet.read().stream().map(r -> r.getCellText(0)).toList())
                    .contains("Graphique : " + sector + " : présences par mois");
        }
    }

    private Indicators prev(Centre centre, int year) {
        return indicators.compute(centre.id(), centre.code(), LocalDate.of(year - 1, 1, 1), LocalDate.of(year - 1, 12, 31));
    }

    /** The line of a key figure holds the year's and the year before's value, as printed (1 234, 12,67). */
    private static void assertLine(List<String> lines, String label, Number current, Number previous) {
        String line = lines.stream().filter(l -> l.startsWith(label + " ")).findFirst().orElseThrow(() -> new AssertionError(label));
        String values = line.substring(label.length()).strip();
        assertThat(values).as(label).startsWith(printed(current) + " " + printed(previous) + " ");
    }

    private static String printed(Number n) {
        return FrenchFormat.number(n).replace(FrenchFormat.THOUSANDS, '\u00a0');
    }

    /** Form XObjects of a page holding a drawing (more than 20 path operators): each chart is one. */
    private static int vectorDrawings(PDPage page) throws IOException {
        int drawings = 0;
        PDResources resources = page.getResources();
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form && pathOperators(form) > 20) {
                drawings++;
            }
        }
        return drawings;
    }

    private static int pathOperators(PDFormXObject form) throws IOException {
        Set<String> paths = Set.of("m", "l", "c", "re", "f", "S", "B");
        int count = 0;
        for (Object token : new PDFStreamParser(form).parse()) {
            if (token instanceof Operator op && paths.contains(op.getName())) {
                count++;
            }
        }
        return count;
    }

    private static int images(PDPage page) throws IOException {
        int images = 0;
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                images++;
            }
        }
        return images;
    }

    @Test
    void presencesByMonthAreTheSectorsPresencesOfEachMonthBesideTheYearBefore() {
        Centre centre = fixtures.centre("mois");
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date
                H1;P1;Roux;Léa;F;2015-06-01
                H2;P2;Petit;Noé;M;2012-01-01
                """));
        activities.importCsv(centre.id(), csv("activity_ref;name;sector;kind\nACM;Centre de loisirs;Enfance;acm\n"
                + "FLE;Français;Adultes;atelier\n"));
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref;status
                ACM;2024-03-06;09:00;12:00;P1;present
                ACM;2025-03-05;09:00;12:00;P1;present
                ACM;2025-03-05;09:00;12:00;P2;present
                ACM;2025-03-12;09:00;12:00;P1;absent
                ACM;2025-05-07;09:00;12:00;P2;present
                ACM;2025-06-04;09:00;12:00;P2;present
                FLE;2025-03-10;14:00;16:00;P2;present
                ACM;2026-01-07;09:00;12:00;P1;present
                """));
        // the June session was cancelled: its mark is no presence
        jdbc.sql("update sessions set cancelled_reason = 'grève' where centre_id = ? and date = '2025-06-04'")
                .param(centre.id()).update();
        long passes = indicators.passes();
        Map<String, Map<YearMonth, Long>> months = monthly.presencesBySector(centre.id(), LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31));
        assertThat(indicators.passes()).as("aucun passage de plus sur les présences").isEqualTo(passes);
        // Enfance: March 2024 Léa (1); March 2025 Léa and Noé on the 5th (2; Léa absent on the 12th), May Noé (1);
        // June cancelled, January 2026 outside both years
        assertThat(months.get("Enfance")).containsExactly(Map.entry(YearMonth.of(2024, 3), 1L),
                Map.entry(YearMonth.of(2025, 3), 2L), Map.entry(YearMonth.of(2025, 5), 1L));
        assertThat(months.get("Adultes")).containsExactly(Map.entry(YearMonth.of(2025, 3), 1L));
        // one definition: the year's months add up to the sector's presences
        Indicators year = indicators.compute(centre.id(), centre.code(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertThat(year.sectors()).filteredOn(s -> s.name().equals("Enfance")).singleElement()
                .extracting(UnitFigures::presences).isEqualTo(2L + 1L);

        // the chart: January to December, 2025 beside 2024
        AnnualReportService.ChartData chart = AnnualReportService.byMonth("Présences", months.get("Enfance"), 2025);
        assertThat(chart.current().keySet()).hasSize(12).startsWith("janv.", "févr.", "mars");
        assertThat(chart.current().get("mars")).isEqualTo(2L);
        assertThat(chart.previous().get("mars")).isEqualTo(1L);
        assertThat(chart.current().get("mai")).isEqualTo(1L);
        assertThat(chart.current().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3L);

        // the key figures of the report: 2025 beside 2024, with the difference
        AnnualReportService.Report report = reports.build(centres.findById(centre.id()).orElseThrow(), 2025);
        AnnualReportService.Highlight presences = report.highlights().stream()
                .filter(h -> h.label().equals("Présences aux activités")).findFirst().orElseThrow();
        // 2025: Enfance 3 + Adultes 1 = 4; 2024: 1; difference 3
        assertThat(presences.current()).isEqualTo(4L);
        assertThat(presences.previous()).isEqualTo(1L);
        assertThat(presences.difference()).isEqualByComparingTo(BigDecimal.valueOf(3));
        AnnualReportService.Highlight hours = report.highlights().stream()
                .filter(h -> h.label().equals("Heures de présence")).findFirst().orElseThrow();
        // 2025: 3 ACM presences of 3 h + 1 FLE presence of 2 h = 11 h; 2024: 3 h
        assertThat((BigDecimal) hours.current()).isEqualByComparingTo("11");
        assertThat((BigDecimal) hours.previous()).isEqualByComparingTo("3");
        assertThat(Arrays.asList(report.chapters().stream().filter(c -> c.key().equals("secteur-Enfance")).findFirst()
                .orElseThrow().charts().get(2).current().values().toArray())).containsExactly(0L, 0L, 2L, 0L, 1L, 0L, 0L, 0L, 0L,
                0L, 0L, 0L);
    }
}
