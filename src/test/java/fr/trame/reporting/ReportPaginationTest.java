package fr.trame.reporting;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What openhtmltopdf 1.1.65 does with the report's own style sheet (templates/reporting/annual.html) when a table's
 * title falls at a page's foot: whatever the height above it, the title goes with its table's first rows.
 */
class ReportPaginationTest {

    private static String style() throws IOException {
        try (InputStream in = ReportPaginationTest.class.getResourceAsStream("/templates/reporting/annual.html")) {
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(template);
            assertThat(m.find()).isTrue();
            return m.group(1);
        }
    }

    /** A page of the report's PDF: a spacer of {@code spacer} px, then a table's title and its {@code rows} rows. */
    private static String document(String style, int spacer, int rows) {
        StringBuilder table = new StringBuilder("<table><thead><tr><th></th><th class=\"num\">2025</th></tr></thead><tbody>");
        for (int r = 1; r <= rows; r++) {
            table.append("<tr><td>Ligne ").append(r).append("</td><td class=\"num\">").append(r).append("</td></tr>");
        }
        table.append("</tbody></table>");
        return "<!DOCTYPE html><html><head><style>" + style + "</style></head><body class=\"pdf\"><section>"
                + "<h2>Chapitre</h2><div style=\"height: " + spacer + "px\"></div>"
                + "<div class=\"block" + (rows > 18 ? " long" : "") + "\"><h3>Titre du tableau</h3>" + table + "</div>"
                + "</section></body></html>";
    }

    /** The cases whose first page ends with the table's title alone. */
    private static List<String> orphans(String style) throws IOException {
        ReportRenderer renderer = new ReportRenderer(null, null);
        List<String> orphans = new ArrayList<>();
        // an A4 page holds about 980 px of content, the chapter's title about 40: the table's title falls at every
        // height of the page's last third (a taller spacer would push the chapter's title itself off the page)
        for (int spacer = 640; spacer <= 904; spacer += 12) {
            for (int rows : new int[] {6, 40}) {
                try (PDDocument pdf = Loader.loadPDF(renderer.pdf(document(style, spacer, rows)))) {
                    PDFTextStripper first = new PDFTextStripper();
                    first.setEndPage(1);
                    List<String> lines = first.getText(pdf).lines().map(String::strip).filter(l -> !l.isEmpty())
                            .filter(l -> !l.startsWith("Page ")).toList();
                    assertThat(lines).as(spacer + " px : page 1 vide").isNotEmpty();
                    if (lines.get(lines.size() - 1).equals("Titre du tableau")) {
                        orphans.add(spacer + " px, " + rows + " lignes");
                    }
                    if (rows == 40 && pdf.getNumberOfPages() > 1) {
                        // the long table runs on: its header is printed again at the next page's top
                        PDFTextStripper second = new PDFTextStripper();
                        second.setStartPage(2);
                        second.setEndPage(2);
                        assertThat(second.getText(pdf)).as(spacer + " px").contains("2025");
                    }
                }
            }
        }
        return orphans;
    }

    @Test
    void aTableTitleGoesWithItsFirstRowsWhereverItFalls() throws IOException {
        String style = style();
        assertThat(orphans(style)).as("titre seul en bas de page").isEmpty();
        // without the rules, openhtmltopdf leaves titles alone: the rules are what keeps them with their table
        String bare = style.replace("page-break-after: avoid; break-after: avoid;", "")
                .replace(".block { page-break-inside: avoid; }", "");
        assertThat(bare).isNotEqualTo(style);
        assertThat(orphans(bare)).isNotEmpty();
    }
}
