package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.centre.Role;
import fr.trame.demo.DemoData;
import fr.trame.demo.DemoService;
import fr.trame.reporting.AnnualReportService;
import fr.trame.reporting.ReportRenderer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What the demo centre's pages, its annual report's PDF and its workbook show is French: numbers as {@code 1 234,50},
 * codes under their French names ({@code Titre de séjour}, not {@code titre_sejour}), and none of « Foyer Foyer »,
 * « 16 à … ans », « 0 an ».
 */
@TrameTest
class FrenchDisplayTest {

    /** A code of interchange.md shown as it is stored, in a cell, a title or a chart. */
    private static final Set<String> CODES = Set.of("titre_sejour", "non_honore", "honore", "annule", "telephone", "courriel",
            "exterieur", "domicile", "rdv", "numerique", "scolarite", "impots", "sante", "F", "M", "accompagnement_scolaire",
            "vice_president", "referente_famille", "service_civique", "depose", "accorde", "preparation", "mad", "cdd", "cdi");
    /** An English decimal point (35.00), a band's code (0-2, 60+, 1801+), an English thousands comma on an axis (1,000). */
    private static final Pattern POINT = Pattern.compile("\\b\\d+\\.\\d+\\b");
    private static final Pattern BAND = Pattern.compile("(?!\\d{4}-\\d{4})\\d+-\\d+|\\d+\\+");
    private static final Pattern AXIS = Pattern.compile("\\d{1,3}(,\\d{3})+");
    private static final Pattern WRONG = Pattern.compile("Foyer Foyer|à … ans|… à|\\b0 an\\b|\\w+_\\w+");

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CentreService centres;
    @Autowired DemoService demo;
    @Autowired AnnualReportService reports;
    @Autowired ReportRenderer renderer;
    @Autowired fr.trame.activities.ActivityImporter activityImporter;
    @Autowired fr.trame.people.PeopleImporter people;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Centre centre;

    @BeforeEach
    void demoCentre() {
        centre = centres.findByCode(DemoService.DEMO_CODE).orElseGet(() -> demo.generate(DemoData.Size.S));
    }

    @Test
    void everyPageOfTheDemoShowsFrenchNumbersAndNamesNotCodes() throws Exception {
        String username = fixtures.user(centre, Role.ADMIN);
        String base = "/c/" + centre.code();
        Set<String> found = new LinkedHashSet<>(List.of(base, base + "/tableau-de-bord", base + "/rapport/" + LocalDate.now().getYear()));
        Deque<String> queue = new ArrayDeque<>(found);
        Map<String, Integer> shapes = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int opened = 0;
        while (!queue.isEmpty() && opened < 250) {
            String url = queue.poll();
            opened++;
            MvcResult result = mvc.perform(get(URI.create(url)).with(user(username))).andReturn();
            if (result.getResponse().getStatus() >= 500) {
                problems.add(url + " : erreur " + result.getResponse().getStatus());
            }
            if (result.getResponse().getStatus() != 200
                    || !String.valueOf(result.getResponse().getContentType()).startsWith("text/html")) {
                continue;
            }
            Document page = Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "http://localhost" + url);
            if (!url.contains("/import")) { // the import page documents the CSV columns (household_ref…) on purpose
                problems.addAll(check(page, url));
            }
            // the links, and the sections the page asks for once shown (its largest tables)
            for (Element a : page.select("a[href], [hx-get][hx-trigger=load]")) {
                String link = a.hasAttr("href") ? a.attr("href") : a.attr("hx-get");
                if (link.startsWith(base) && !link.contains("#") && !found.contains(link)
                        && shapes.merge(link.replaceAll("[0-9]+", "N").replaceAll("\\?.*", ""), 1, Integer::sum) <= 2) {
                    found.add(link);
                    queue.add(link);
                }
            }
        }
        assertThat(opened).isGreaterThan(60);
        assertThat(problems).as("codes ou nombres à l'anglaise affichés").isEmpty();
    }

    /** The text of the cells, titles, list items, figures and chart labels of a page, each checked on its own. */
    static List<String> check(Document page, String url) {
        List<String> problems = new ArrayList<>();
        for (Element e : page.select("td, th, dd, dt, li, h1, h2, h3, a, b, span, .stat, caption, svg text, p")) {
            Element copy = e.clone();
            copy.select("code, input, select, textarea, script, style").remove();
            String text = copy.text().trim();
            if (text.isEmpty()) {
                continue;
            }
            if (CODES.contains(text) || BAND.matcher(text).matches() || POINT.matcher(text).find()
                    || (e.tagName().equals("text") && AXIS.matcher(text).matches())
                    || (WRONG.matcher(text).find() && !text.contains("@"))) {
                problems.add(url + " : « " + text + " »");
            }
        }
        return problems;
    }

    @Test
    void thePdfOfTheReportOpensOnItsContentsAndPrintsFrenchNumbers() throws Exception {
        AnnualReportService.Report report = reports.build(centre, LocalDate.now().getYear());
        try (PDDocument pdf = Loader.loadPDF(renderer.pdf(report))) {
            // page 1 is the cover, page 2 the contents
            PDFTextStripper firstPage = new PDFTextStripper();
            firstPage.setStartPage(2);
            firstPage.setEndPage(2);
            String contents = firstPage.getText(pdf);
            // the table of contents: each chapter and the page it starts on
            assertThat(contents).contains("Sommaire");
            for (AnnualReportService.Chapter c : report.chapters()) {
                assertThat(contents).as("sommaire : " + c.title())
                        .containsPattern(Pattern.quote(c.title()) + "[ .]*\\d+");
            }
            // and the PDF's bookmarks, one per chapter
            List<String> bookmarks = new ArrayList<>();
            for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                bookmarks.add(item.getTitle());
            }
            assertThat(bookmarks).contains("Sommaire").containsAll(report.chapters().stream().map(AnnualReportService.Chapter::title).toList());

            String text = new PDFTextStripper().getText(pdf);
            // thousands after a no-break space (the PDF's fonts have no narrow one), decimals after a comma, codes named
            assertThat(text).containsPattern("\\b\\d{1,3}\u00a0\\d{3}\\b").containsPattern("\\d,\\d\\d?\u00a0%")
                    .contains("Titre de séjour", "non honoré", "Téléphone", "Femmes", "60\u00a0ans et plus", "Demandes accordées")
                    .doesNotContain("titre_sejour", "non_honore", "\u202f", "Demandes accordé ");
            assertThat(POINT.matcher(text.replaceAll("[\\w.-]+@[\\w.-]+", "")).find()).as("un nombre à point dans le PDF").isFalse();
        }
    }

    @Test
    void theAssociationPageAndTheReportCountGrantRequestsInTheSameWords() throws Exception {
        int year = LocalDate.now().getYear();
        String hub = mvc.perform(get("/c/" + centre.code() + "/association").param("annee", "" + year)
                        .with(user(fixtures.user(centre, Role.DIRECTION))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> onThePage = Jsoup.parse(hub).select("#demandes-par-etat li").eachText();
        assertThat(onThePage).isNotEmpty();
        AnnualReportService.Table requests = reports.build(centre, year).chapters().stream().flatMap(c -> c.tables().stream())
                .filter(t -> t.title().equals("Demandes de subvention")).findFirst().orElseThrow();
        // « 2 demandes déposées » on the page is the row « Demandes déposées | 2 » of the report, and each count agrees
        for (String line : onThePage) {
            long count = Long.parseLong(line.substring(0, line.indexOf(' ')));
            String words = line.substring(line.indexOf(' ') + 1);
            assertThat(words).matches(count > 1 ? "demandes .*" : "demande .*");
            assertThat(requests.rows()).as(line).anySatisfy(r -> {
                String row = ((String) r.get(0)).toLowerCase();
                assertThat(count > 1 ? row : row.replace("demandes", "demande").replaceAll("es$", "e")).isEqualTo(words);
                assertThat(((Number) r.get(1)).longValue()).isEqualTo(count);
            });
        }
        assertThat(requests.rows()).extracting(r -> r.get(0)).contains("Montant demandé", "Montant accordé (demandes accordées ou versées)");
        assertThat(Jsoup.parse(hub).text()).contains("montant demandé :", "montant accordé (demandes accordées ou versées) :");
    }

    @Test
    void anOpenEndedAgeRangeAndABabysAgeReadAsFrenchDoes() throws Exception {
        Centre small = fixtures.centre("ages");
        String direction = fixtures.user(small, Role.DIRECTION);
        activityImporter.importCsv(small.id(), Fixtures.csv("activity_ref;name;sector;kind\nJ;Foyer des jeunes;Jeunesse;atelier\n"));
        LocalDate baby = LocalDate.now().minusMonths(3).minusDays(2);
        people.importCsv(small.id(), Fixtures.csv("household_ref;person_ref;last_name;first_name;birth_date\n"
                + "H;B;Roux;Léo;" + baby + "\nH;A;Roux;Ana;" + LocalDate.now().minusYears(1).minusDays(3) + "\n"));
        long activity = jdbc.sql("update activities set age_min = 16, age_max = null where centre_id = ? returning id")
                .param(small.id()).query(Long.class).single();
        String page = mvc.perform(get("/c/" + small.code() + "/activites/" + activity).with(user(direction)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).select("dd").eachText()).contains("16 ans et plus");
        assertThat(page).doesNotContain("…");
        long household = jdbc.sql("select id from households where centre_id = ?").param(small.id()).query(Long.class).single();
        String members = Jsoup.parse(mvc.perform(get("/c/" + small.code() + "/foyers/" + household).with(user(direction)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).text();
        assertThat(members).contains("3 mois", "1 an").doesNotContain("0 an");
    }

    @Test
    void theWorkbookNamesTheCodesAndKeepsNumbersAsNumbers() throws Exception {
        AnnualReportService.Report report = reports.build(centre, LocalDate.now().getYear());
        try (ReadableWorkbook xlsx = new ReadableWorkbook(new ByteArrayInputStream(renderer.xlsx(report)))) {
            List<String> cells = xlsx.getSheets().flatMap(s -> {
                try {
                    return s.read().stream();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).flatMap(r -> r.stream()).filter(c -> c != null).map(c -> c.getRawValue()).collect(Collectors.toList());
            assertThat(cells).contains("Titre de séjour", "non honoré", "Femmes", "0 à 2\u00a0ans").doesNotContain("titre_sejour", "non_honore", "F");
        }
    }
}
