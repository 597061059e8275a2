package fr.trame.privacy;

import fr.trame.form.NotFound;
import fr.trame.centre.CentreScope;
import fr.trame.people.PersonService;
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

/** A person's RGPD rights on the web: access export, erasure by anonymisation, and the retention list. */
@Controller
class PrivacyController {

    private final ExportService exports;
    private final ErasureService erasure;
    private final RetentionService retention;
    private final PersonService persons;

    public PrivacyController(ExportService exports, ErasureService erasure, RetentionService retention,
                             PersonService persons) {
        this.exports = exports;
        this.erasure = erasure;
        this.retention = retention;
        this.persons = persons;
    }

    @GetMapping("/c/{centre}/personnes/{id}/export.json")
    ResponseEntity<byte[]> exportJson(CentreScope scope, @PathVariable long id) {
        return download(exports.export(scope, id, ExportService.Format.JSON), MediaType.APPLICATION_JSON,
                "donnees-personne-" + id + ".json");
    }

    @GetMapping("/c/{centre}/personnes/{id}/export.pdf")
    ResponseEntity<byte[]> exportPdf(CentreScope scope, @PathVariable long id) {
        return download(exports.export(scope, id, ExportService.Format.PDF), MediaType.APPLICATION_PDF,
                "donnees-personne-" + id + ".pdf");
    }

    /** The confirmation step: what goes, what stays. */
    @GetMapping("/c/{centre}/personnes/{id}/anonymiser")
    String eraseForm(CentreScope scope, @PathVariable long id, Model model) {
        scope.requireDirection();
        model.addAttribute("person", person(scope, id));
        return "privacy/erase";
    }

    @PostMapping("/c/{centre}/personnes/{id}/anonymiser")
    String erase(CentreScope scope, @PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm,
                 Model model, RedirectAttributes flash) {
        scope.requireDirection();
        PersonService.Person person = person(scope, id);
        if (!confirm) {
            model.addAttribute("person", person);
            model.addAttribute("error", "Cochez la case de confirmation pour anonymiser cette personne.");
            return "privacy/erase";
        }
        flash.addFlashAttribute("message", erasure.erase(scope, id, "à la demande de la personne")
                ? "Personne anonymisée : son nom, ses coordonnées et les textes la concernant sont effacés ; les chiffres ne changent pas."
                : "Cette personne était déjà anonymisée : rien n'a changé.");
        return "redirect:" + scope.base() + "/personnes/" + id;
    }

    @GetMapping("/c/{centre}/rgpd/conservation")
    String retentionList(CentreScope scope, Model model) {
        model.addAttribute("inactive", retention.inactive(scope, scope.today()));
        model.addAttribute("since", scope.today().minus(RetentionService.RETENTION));
        return "privacy/retention";
    }

    @PostMapping("/c/{centre}/rgpd/conservation")
    String retentionErase(CentreScope scope, @RequestParam(name = "personne", required = false) List<Long> chosen,
                          @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes flash) {
        scope.requireDirection();
        if (chosen == null || chosen.isEmpty()) {
            flash.addFlashAttribute("error", "Cochez au moins une personne.");
        } else if (!confirm) {
            flash.addFlashAttribute("error", "Cochez la case de confirmation pour anonymiser les personnes choisies.");
        } else {
            int done = retention.anonymise(scope, scope.today(), chosen).size();
            flash.addFlashAttribute("message", done + " personne(s) anonymisée(s).");
        }
        return "redirect:" + scope.base() + "/rgpd/conservation";
    }

    private PersonService.Person person(CentreScope scope, long id) {
        return persons.find(scope.id(), id)
                .orElseThrow(() -> new NotFound("Personne introuvable."));
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(type).body(bytes);
    }
}
