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

/** The annual report as HTML, as PDF made from the same HTML, and as a workbook holding the same tables. */
@Component
public class ReportRenderer {

    /** A chapter ready to print: cells as text, charts as SVG (page) or PNG (PDF). */
    public record PrintedChapter(String key, String title, String text, List<PrintedTable> tables, List<String> charts,
                                 List<ActionEvaluation> evaluations) {
        public PrintedChapter(String key, String title, String text, List<PrintedTable> tables, List<String> charts) {
            this(key, title, text, tables, charts, List.of());
        }

        /** The chapter's id in the document, for the table of contents (a key may hold spaces and accents). */
        public String anchor() {
            return "chapitre-" + Normalizer.normalize(key, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        }
    }

    /** A table ready to print; {@code link} gives a cell's drill-down page, or null. */
    public record PrintedTable(String title, List<String> header, List<List<String>> rows,
                               BiFunction<Integer, Integer, String> link) {
    }

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
        Context context = new Context(Locale.FRANCE);
        context.setVariable("report", report);
        context.setVariable("chapters", report.chapters().stream().map(c -> print(c, forPdf, linkBase)).toList());
        context.setVariable("forPdf", forPdf);
        return templates.process("reporting/annual", context);
    }

    public byte[] pdf(AnnualReportService.Report report) {
        return pdf(html(report, true));
    }

    /** Any of Trame's printable HTML documents as PDF (the report, a person's data export). */
    public byte[] pdf(String html) {
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
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One sheet per chapter, its tables one under the other, numbers as numbers. */
    public byte[] xlsx(AnnualReportService.Report report) {
        return xlsx(report.chapters());
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
        List<PrintedTable> tables = new ArrayList<>();
        for (AnnualReportService.Table t : chapter.tables()) {
            tables.add(new PrintedTable(t.title(), t.header(), t.rows().stream()
                    .map(r -> r.stream().map(ReportRenderer::cell).toList()).toList(),
                    (row, column) -> linkBase == null || t.link(row, column) == null ? null : linkBase + t.link(row, column)));
        }
        List<String> drawn = chapter.charts().stream().map(c -> forPdf
                ? charts.pngDataUri(c.title(), c.current(), c.previous(), c.horizontal())
                : charts.bars(c.title(), c.current(), c.previous(), c.horizontal())).toList();
        return new PrintedChapter(chapter.key(), chapter.title(), chapter.text(), tables, drawn, chapter.evaluations());
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
