package fr.trame.senacs;

import fr.trame.federation.Federation;
import fr.trame.federation.FederationScope;
import fr.trame.form.NotFound;
import org.jsoup.Jsoup;
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

import java.util.List;
import java.util.stream.IntStream;

/** The federation's annual report: read by every federation role (counts only), its texts written by the direction. */
@Controller
class FederationReportController {

    private final FederationReport reports;
    private final FederationReportDocuments documents;

    FederationReportController(FederationReport reports, FederationReportDocuments documents) {
        this.reports = reports;
        this.documents = documents;
    }

    @GetMapping("/f/{federation}/rapport")
    String years(FederationScope fed, Model model) {
        int now = fed.today().getYear();
        model.addAttribute("years", IntStream.rangeClosed(0, 5).map(i -> now - i).boxed().toList());
        return "senacs/federation-report-years";
    }

    @GetMapping("/f/{federation}/rapport/{year}")
    String page(FederationScope fed, @PathVariable String year, Model model) {
        int y = year(year);
        model.addAttribute("year", y);
        model.addAttribute("names", reports.chapterNames(fed.id()));
        model.addAttribute("reportHtml", Jsoup.parse(documents.html(reports.build(federation(fed), y), false)).body().html());
        return "senacs/federation-report-page";
    }

    @GetMapping("/f/{federation}/rapport/{year}.pdf")
    ResponseEntity<byte[]> pdf(FederationScope fed, @PathVariable String year) {
        return download(fed, year, "pdf", MediaType.APPLICATION_PDF);
    }

    @GetMapping("/f/{federation}/rapport/{year}.xlsx")
    ResponseEntity<byte[]> xlsx(FederationScope fed, @PathVariable String year) {
        return download(fed, year, "xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @GetMapping("/f/{federation}/rapport/{year}.json")
    ResponseEntity<byte[]> json(FederationScope fed, @PathVariable String year) {
        return download(fed, year, "json", MediaType.APPLICATION_JSON);
    }

    @GetMapping("/f/{federation}/rapport/{year}/textes/{chapter}")
    String text(FederationScope fed, @PathVariable String year, @PathVariable String chapter, Model model) {
        fed.requireDirection();
        int y = year(year);
        model.addAttribute("year", y);
        model.addAttribute("chapter", chapter(fed, chapter));
        model.addAttribute("body", reports.texts(fed.id(), y).get(chapter));
        return "senacs/federation-report-text";
    }

    @PostMapping("/f/{federation}/rapport/{year}/textes/{chapter}")
    String saveText(FederationScope fed, @PathVariable String year, @PathVariable String chapter,
                    @RequestParam(required = false) String body, Model model, RedirectAttributes flash) {
        fed.requireDirection();
        int y = year(year);
        FederationReport.ChapterName name = chapter(fed, chapter);
        if (body != null && body.length() > 20000) {
            model.addAttribute("year", y);
            model.addAttribute("chapter", name);
            model.addAttribute("body", body);
            model.addAttribute("error", "Le texte dépasse 20 000 caractères.");
            return "senacs/federation-report-text";
        }
        reports.saveText(fed.id(), y, name.key(), body, fed.userId());
        flash.addFlashAttribute("message", "Texte du rapport enregistré.");
        return "redirect:" + fed.base() + "/rapport/" + y;
    }

    private ResponseEntity<byte[]> download(FederationScope fed, String year, String format, MediaType type) {
        int y = year(year);
        byte[] bytes = documents.render(reports.build(federation(fed), y), format);
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"rapport-annuel-" + fed.code() + "-" + y + "." + format + "\"").body(bytes);
    }

    private FederationReport.ChapterName chapter(FederationScope fed, String key) {
        List<FederationReport.ChapterName> names = reports.chapterNames(fed.id());
        return names.stream().filter(n -> n.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFound("Cette partie du rapport n'existe pas."));
    }

    private static Federation federation(FederationScope fed) {
        return new Federation(fed.id(), fed.code(), fed.name());
    }

    private static int year(String text) {
        if (!text.matches("\\d{4}") || Integer.parseInt(text) < 2000 || Integer.parseInt(text) > 2100) {
            throw new NotFound("Année inconnue : " + text + ".");
        }
        return Integer.parseInt(text);
    }
}
