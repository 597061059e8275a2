package fr.trame.senacs;

import fr.trame.reporting.ReportRenderer;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The federation's report as HTML, PDF (from the same HTML), workbook and JSON, with the annual report's renderer. */
@Component
public class FederationReportDocuments {

    private final ReportRenderer renderer;
    private final TemplateEngine templates;
    private final JsonMapper json = JsonMapper.builder().build();

    public FederationReportDocuments(ReportRenderer renderer, TemplateEngine templates) {
        this.renderer = renderer;
        this.templates = templates;
    }

    public String html(FederationReport.Report report, boolean forPdf) {
        Context context = new Context(Locale.FRANCE);
        context.setVariable("report", report);
        context.setVariable("chapters", renderer.printed(report.chapters(), forPdf));
        context.setVariable("forPdf", forPdf);
        return templates.process("senacs/federation-report", context);
    }

    public byte[] pdf(FederationReport.Report report) {
        return renderer.pdf(html(report, true));
    }

    public byte[] xlsx(FederationReport.Report report) {
        return renderer.xlsx(report.chapters());
    }

    /** The chapters' tables as JSON: each table's header and rows, numbers as numbers. */
    public byte[] json(FederationReport.Report report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("federation", report.federation().code());
        document.put("year", report.year());
        document.put("chapters", report.chapters().stream().map(c -> {
            Map<String, Object> chapter = new LinkedHashMap<>();
            chapter.put("key", c.key());
            chapter.put("title", c.title());
            chapter.put("text", c.text());
            chapter.put("tables", c.tables().stream().map(t -> Map.of("title", t.title(), "header", t.header(),
                    "rows", t.rows())).toList());
            return chapter;
        }).toList());
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
    }

    /** The format's bytes, or null for an unknown format. */
    public byte[] render(FederationReport.Report report, String format) {
        return switch (format) {
            case "html" -> html(report, false).getBytes(StandardCharsets.UTF_8);
            case "pdf" -> pdf(report);
            case "xlsx" -> xlsx(report);
            case "json" -> json(report);
            default -> null;
        };
    }

    static final List<String> FORMATS = List.of("html", "pdf", "xlsx", "json");
}
