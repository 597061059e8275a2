package fr.trame.reporting;

import fr.trame.form.Forbidden;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreScope;
import fr.trame.centre.CentreService;
import fr.trame.csv.CsvExport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;

/** The annual report: read it, download it (PDF, XLSX), write its texts; and the CAF annex as CSV. */
@Controller
class ReportController {

    private final AnnualReportService reports;
    private final ReportRenderer renderer;
    private final CentreService centres;

    ReportController(AnnualReportService reports, ReportRenderer renderer, CentreService centres) {
        this.reports = reports;
        this.renderer = renderer;
        this.centres = centres;
    }

    @GetMapping("/c/{centre}/rapport")
    String index(CentreScope scope) {
        return "redirect:" + scope.base() + "/rapport/" + (scope.today().getYear() - (scope.today().getMonthValue() < 6 ? 1 : 0));
    }

    /** The texts form, and the report below it. */
    @GetMapping("/c/{centre}/rapport/{year}")
    String page(CentreScope scope, @PathVariable int year, Model model) {
        AnnualReportService.Report report = reports.build(centre(scope), year, scope.seesDisability());
        model.addAttribute("year", year);
        model.addAttribute("chapters", report.chapters());
        model.addAttribute("texts", reports.texts(scope.id(), year));
        model.addAttribute("canWrite", canWrite(scope));
        model.addAttribute("reportHtml", body(renderer.html(report, false,
                scope.role().seesPersonalData() ? scope.base() : null)));
        return "reporting/report-page";
    }

    @PostMapping("/c/{centre}/rapport/{year}/textes")
    String saveTexts(CentreScope scope, @PathVariable int year, @RequestParam Map<String, String> form,
                     RedirectAttributes flash) {
        if (!canWrite(scope)) {
            throw new Forbidden("Réservé à la direction.");
        }
        form.forEach((name, body) -> {
            if (name.startsWith("text.")) {
                reports.saveText(scope.id(), year, name.substring(5), body);
            }
        });
        flash.addFlashAttribute("message", "Textes du rapport enregistrés.");
        return "redirect:" + scope.base() + "/rapport/" + year;
    }

    @GetMapping("/c/{centre}/rapport/{year}.pdf")
    ResponseEntity<byte[]> pdf(CentreScope scope, @PathVariable int year) {
        return download(renderer.pdf(reports.build(centre(scope), year, scope.seesDisability())), MediaType.APPLICATION_PDF,
                "rapport-activite-" + scope.code() + "-" + year + ".pdf");
    }

    @GetMapping("/c/{centre}/rapport/{year}.xlsx")
    ResponseEntity<byte[]> xlsx(CentreScope scope, @PathVariable int year) {
        return download(renderer.xlsx(reports.build(centre(scope), year, scope.seesDisability())),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                "rapport-activite-" + scope.code() + "-" + year + ".xlsx");
    }

    @GetMapping("/c/{centre}/rapport/{year}/annexe-caf.csv")
    ResponseEntity<byte[]> cafAnnex(CentreScope scope, @PathVariable int year) {
        byte[] csv = CsvExport.forExcel(List.of("mois", "activite", "tranche_age", "enfants", "presences", "heures"),
                reports.cafAnnex(scope.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        return download(csv, new MediaType("text", "csv", StandardCharsets.UTF_8),
                "annexe-caf-" + scope.code() + "-" + year + ".csv");
    }

    private static boolean canWrite(CentreScope scope) {
        return scope.canDirect();
    }

    private Centre centre(CentreScope scope) {
        return centres.findById(scope.id()).orElseThrow();
    }

    /** The report's body, to show inside the application's page. */
    private static String body(String html) {
        return Jsoup.parse(html).body().html();
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(bytes);
    }
}
