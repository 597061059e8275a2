package fr.trame.reporting;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import fr.trame.form.FrenchFormat;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Document;
import java.util.function.BiFunction;
import java.text.Normalizer;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import org.jfree.chart.JFreeChart;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The annual report as HTML, as PDF made from the same HTML, and as a workbook holding the same tables. */
@Component
public class ReportRenderer {

    /**
     * A chapter ready to print: cells as text, charts as SVG (page) or PNG (PDF); {@code figures} are the centre's
     * report's charts, each under its title as text (SVG on the page, vector paths in the PDF); {@code evaluations}
     * the bilans of a sector's actions, after its tables.
     */
    public record PrintedChapter(String key, String title, String text, List<PrintedTable> tables, List<String> charts,
                                 List<PrintedChart> figures, List<ActionEvaluation> evaluations) {
        /** The chapter's id in the document, for the table of contents (a key may hold spaces and accents). */
        public String anchor() {
            return "chapitre-" + Normalizer.normalize(key, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        }
    }

    /**
     * A chart of the centre's report: its title, its SVG (the page) or the id the PDF draws it by, its height in px;
     * neither SVG nor id when it has nothing to draw.
     */
    public record PrintedChart(String title, String svg, String id, int height) {
    }

    /** A key figure ready to print: the year's and the year before's values, the difference, the change in percent. */
    public record PrintedHighlight(String label, String current, String previous, String difference, String change,
                                   String link) {
    }

    /** A table ready to print; {@code link} gives a cell's drill-down page, or null. */
    public record PrintedTable(String title, List<String> header, List<List<String>> rows,
                               BiFunction<Integer, Integer, String> link) {
    }

    /** The {@code type} of the {@code <object>} the PDF draws a chart in. */
    static final String CHART_OBJECT = "trame/graphique";

    static {
        // openhtmltopdf reports every layout step at INFO through its own logger
        XRLog.setLoggingEnabled(false);
    }

    private final TemplateEngine templates;
    private final Charts charts;

    public ReportRenderer(TemplateEngine templates, Charts charts) {
        this.templates = templates;
        this.charts = charts;
    }

    /** The report as a document of its own (for the PDF, or to save), without links to the records. */
    public String html(AnnualReportService.Report report, boolean forPdf) {
        return html(report, forPdf, null);
    }

    /**
     * The report; with a {@code linkBase} (the centre's base path, for those who may see personal data), each number
     * that counts records links to their list.
     */
    public String html(AnnualReportService.Report report, boolean forPdf, String linkBase) {
        return html(report, forPdf, linkBase, new HashMap<>());
    }

    /** The report's HTML; for the PDF, each chart is an {@code <object>} whose chart {@code drawn} gets by its id. */
    private String html(AnnualReportService.Report report, boolean forPdf, String linkBase, Map<String, JFreeChart> drawn) {
        Context context = new Context(Locale.FRANCE);
        context.setVariable("report", report);
        String n = String.valueOf(report.year());
        String n1 = String.valueOf(report.year() - 1);
        List<PrintedChapter> chapters = new ArrayList<>();
        for (AnnualReportService.Chapter c : report.chapters()) {
            List<PrintedChart> figures = new ArrayList<>();
            for (AnnualReportService.ChartData chart : c.charts()) {
                if (chart.isEmpty()) {
                    figures.add(new PrintedChart(chart.title(), null, null, 0));
                } else if (forPdf) {
                    String id = "graphique-" + (drawn.size() + 1);
                    drawn.put(id, charts.chartForPdf(chart, n, n1));
                    figures.add(new PrintedChart(chart.title(), null, id, charts.height(chart)));
                } else {
                    figures.add(new PrintedChart(chart.title(), charts.svg(chart, n, n1), null, charts.height(chart)));
                }
            }
            chapters.add(new PrintedChapter(c.key(), c.title(), c.text(), tables(c, linkBase), List.of(), figures, c.evaluations()));
        }
        context.setVariable("chapters", chapters);
        context.setVariable("highlights", report.highlights().stream().map(h -> highlight(h, linkBase)).toList());
        context.setVariable("forPdf", forPdf);
        context.setVariable("chartWidth", Charts.width());
        return templates.process("reporting/annual", context);
    }

    private static PrintedHighlight highlight(AnnualReportService.Highlight h, String linkBase) {
        BigDecimal difference = h.difference();
        String change = "—";
        if (difference != null) {
            BigDecimal percent = h.changePercent();
            change = percent != null ? signed(percent) + FrenchFormat.BEFORE_UNIT + "%" : difference.signum() == 0 ? "=" : "nouveau";
        }
        return new PrintedHighlight(h.label(), FrenchFormat.number(h.current()), FrenchFormat.number(h.previous()),
                difference == null ? "—" : signed(difference), change,
                linkBase == null || h.link() == null ? null : linkBase + h.link());
    }

    /** {@code +12}, {@code -3,5}, {@code 0} (a hyphen: the PDF's built-in fonts have no minus sign). */
    private static String signed(BigDecimal n) {
        String number = FrenchFormat.number(n.abs());
        return n.signum() > 0 ? "+" + number : n.signum() < 0 ? "-" + number : number;
    }

    public byte[] pdf(AnnualReportService.Report report) {
        Map<String, JFreeChart> drawn = new HashMap<>();
        String html = html(report, true, null, drawn);
        return pdf(html, drawn);
    }

    /** Any of Trame's printable HTML documents as PDF (the report, a person's data export). */
    public byte[] pdf(String html) {
        return pdf(html, Map.of());
    }

    /** The PDF, drawing each {@code <object type="trame/graphique">} with the chart of its id as vector paths. */
    private byte[] pdf(String html, Map<String, JFreeChart> drawn) {
        // the PDF's built-in fonts have no narrow no-break space: a no-break space separates the thousands there
        Document parsed = Jsoup.parse(html.replace(FrenchFormat.THOUSANDS, '\u00a0'));
        // the PDF's outline: HTML parsing puts the unknown <bookmarks> in the body, openhtmltopdf reads it in the head
        Element bookmarks = parsed.selectFirst("bookmarks");
        if (bookmarks != null) {
            parsed.head().appendChild(bookmarks);
        }
        // a W3C DOM, which openhtmltopdf lays out
        var document = new W3CDom().fromJsoup(parsed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(document, "/");
            if (!drawn.isEmpty()) {
                DefaultObjectDrawerFactory objects = new DefaultObjectDrawerFactory();
                objects.registerDrawer(CHART_OBJECT, (element, x, y, width, height, device, context, dotsPerPixel) -> {
                    JFreeChart chart = drawn.get(element.getAttribute("data-graphique"));
                    float w = (float) (width / dotsPerPixel);
                    float h = (float) (height / dotsPerPixel);
                    if (chart != null) {
                        device.drawWithGraphics((float) x, (float) y, w, h, g -> chart.draw(g, new Rectangle2D.Float(0, 0, w, h)));
                    }
                    return null;
                });
                builder.useObjectDrawerFactory(objects);
            }
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One sheet per chapter, its tables one under the other, numbers as numbers. */
    public byte[] xlsx(AnnualReportService.Report report) {
        // the key figures first; each chapter's charts as the tables of their figures (a workbook draws no chart)
        String n = String.valueOf(report.year());
        String n1 = String.valueOf(report.year() - 1);
        List<AnnualReportService.Chapter> chapters = new ArrayList<>();
        if (!report.highlights().isEmpty()) {
            List<List<Object>> rows = new ArrayList<>();
            for (AnnualReportService.Highlight h : report.highlights()) {
                rows.add(Arrays.asList(h.label(), h.current(), h.previous(), h.difference(), h.changePercent()));
            }
            chapters.add(new AnnualReportService.Chapter("chiffres-cles", "Chiffres clés", null, List.of(new AnnualReportService.Table(
                    "Chiffres clés " + n, List.of("", n, n1, "Écart", "Évolution (%)"), rows)), List.of()));
        }
        for (AnnualReportService.Chapter c : report.chapters()) {
            List<AnnualReportService.Table> tables = new ArrayList<>(c.tables());
            for (AnnualReportService.ChartData chart : c.charts()) {
                boolean both = chart.previous() != null && !chart.previous().isEmpty();
                List<List<Object>> rows = new ArrayList<>();
                chart.current().forEach((k, v) -> rows.add(both ? List.of(k, v, chart.previous().getOrDefault(k, 0L)) : List.of(k, v)));
                tables.add(new AnnualReportService.Table("Graphique : " + chart.title(), both ? List.of("", n, n1) : List.of("", n), rows));
            }
            chapters.add(new AnnualReportService.Chapter(c.key(), c.title(), c.text(), tables, c.charts(), c.evaluations()));
        }
        return xlsx(chapters);
    }

    /** Any report's chapters (the centre's, the federation's) as a workbook, one sheet per chapter. */
    public byte[] xlsx(List<AnnualReportService.Chapter> chapters) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Trame", "1.0");
            Set<String> names = new HashSet<>();
            for (AnnualReportService.Chapter chapter : chapters) {
                Worksheet sheet = workbook.newWorksheet(sheetName(chapter.title(), names));
                int row = 0;
                sheet.value(row, 0, chapter.title());
                sheet.style(row, 0).bold().set();
                row += 2;
                // a sector's action evaluations follow its tables, as on the page
                List<AnnualReportService.Table> all = new ArrayList<>(chapter.tables());
                chapter.evaluations().forEach(e -> all.addAll(e.tables()));
                for (AnnualReportService.Table table : all) {
                    sheet.value(row, 0, table.title());
                    sheet.style(row, 0).bold().set();
                    row++;
                    for (int c = 0; c < table.header().size(); c++) {
                        sheet.value(row, c, table.header().get(c));
                        sheet.style(row, c).bold().set();
                    }
                    row++;
                    for (List<Object> cells : table.rows()) {
                        for (int c = 0; c < cells.size(); c++) {
                            Object v = cells.get(c);
                            if (v instanceof Number number) {
                                sheet.value(row, c, number);
                                // Excel shows the number in the reader's own (French) way: 1 234,50
                                int places = number instanceof BigDecimal d ? Math.max(d.scale(), 0) : 0;
                                sheet.style(row, c).format(places == 0 ? "#,##0" : "#,##0." + "0".repeat(places)).set();
                            } else {
                                sheet.value(row, c, v == null ? "" : v.toString());
                            }
                        }
                        row++;
                    }
                    row++;
                }
                sheet.width(0, 40);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Any report's chapters ready for a template of its own (the federation's report), without links. */
    public List<PrintedChapter> printed(List<AnnualReportService.Chapter> chapters, boolean forPdf) {
        return chapters.stream().map(c -> print(c, forPdf, null)).toList();
    }

    private PrintedChapter print(AnnualReportService.Chapter chapter, boolean forPdf, String linkBase) {
        List<PrintedTable> tables = tables(chapter, linkBase);
        List<String> drawn = chapter.charts().stream().map(c -> forPdf
                ? charts.pngDataUri(c.title(), c.current(), c.previous(), c.horizontal())
                : charts.bars(c.title(), c.current(), c.previous(), c.horizontal())).toList();
        return new PrintedChapter(chapter.key(), chapter.title(), chapter.text(), tables, drawn, List.of(), chapter.evaluations());
    }

    private static List<PrintedTable> tables(AnnualReportService.Chapter chapter, String linkBase) {
        List<PrintedTable> tables = new ArrayList<>();
        for (AnnualReportService.Table t : chapter.tables()) {
            tables.add(new PrintedTable(t.title(), t.header(), t.rows().stream()
                    .map(r -> r.stream().map(ReportRenderer::cell).toList()).toList(),
                    (row, column) -> linkBase == null || t.link(row, column) == null ? null : linkBase + t.link(row, column)));
        }
        return tables;
    }

    /** French number formatting (FrenchFormat): 1 234 and 12,50. */
    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number number) {
            return FrenchFormat.number(number);
        }
        return v.toString();
    }

    private static String sheetName(String title, Set<String> used) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ");
        name = name.length() > 28 ? name.substring(0, 28) : name;
        String unique = name;
        for (int i = 2; used.contains(unique); i++) {
            unique = name + " " + i;
        }
        used.add(unique);
        return unique;
    }
}
