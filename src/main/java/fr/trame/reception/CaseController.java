package fr.trame.reception;

import fr.trame.form.NotFound;
import fr.trame.centre.AuditLog;
import fr.trame.centre.CentreScope;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import fr.trame.form.FieldErrors;
import fr.trame.form.FormReader;
import fr.trame.people.HouseholdService;
import fr.trame.people.PersonService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Follow-up case files; what they hold is read only through {@link CaseService}, which checks and logs. */
@Controller
class CaseController {

    private final CaseService cases;
    private final PersonService persons;
    private final HouseholdService households;
    private final UserService users;
    private final AuditLog audit;

    public CaseController(CaseService cases, PersonService persons, HouseholdService households, UserService users,
                          AuditLog audit) {
        this.cases = cases;
        this.persons = persons;
        this.households = households;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/c/{centre}/dossiers/nouveau")
    String newForm(CentreScope scope, @RequestParam(required = false) Long personne,
                   @RequestParam(required = false) Long foyer, Model model) {
        scope.requireAttendance();
        holder(scope, personne, foyer);
        return newPage(scope, model, personne, foyer, "", String.valueOf(scope.userId()), new FieldErrors());
    }

    @PostMapping("/c/{centre}/dossiers")
    String open(CentreScope scope, @RequestParam(required = false) Long personne, @RequestParam(required = false) Long foyer,
                @RequestParam(defaultValue = "") String referent, @RequestParam(defaultValue = "") String subject,
                Model model, RedirectAttributes flash) {
        scope.requireAttendance();
        holder(scope, personne, foyer);
        FormReader f = new FormReader(java.util.Map.of("referent", referent, "subject", subject));
        String text = f.text("subject", "l'objet de l'accompagnement", true);
        Long referentId = f.id("referent", "la référente ou le référent", true);
        if (referentId != null && !users.isStaffOf(scope.id(), referentId)) {
            f.errors().add("referent", "Choisissez la référente ou le référent dans l'équipe du centre"
                    + " (un compte de la fédération ne peut pas suivre un dossier).");
        }
        if (!f.ok()) {
            return newPage(scope, model, personne, foyer, subject, referent, f.errors());
        }
        long id = cases.open(scope, personne, personne == null ? foyer : null, referentId, text, scope.today());
        flash.addFlashAttribute("message", "Dossier ouvert.");
        return "redirect:" + scope.base() + "/dossiers/" + id;
    }

    @GetMapping("/c/{centre}/dossiers/{id}")
    String show(CentreScope scope, @PathVariable long id, Model model) {
        scope.requireAttendance();
        return casePage(scope, id, model, new FieldErrors(), Map.of());
    }

    @PostMapping("/c/{centre}/dossiers/{id}/etapes")
    String addStep(CentreScope scope, @PathVariable long id, @RequestParam(defaultValue = "") String date,
                   @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String outcome,
                   Model model, RedirectAttributes flash) {
        scope.requireAttendance();
        FormReader f = new FormReader(Map.of("date", date, "note", note, "outcome", outcome));
        LocalDate day = f.date("date", "la date de l'étape", false);
        String text = f.text("note", "la note de l'étape", true);
        if (!f.ok()) {
            return casePage(scope, id, model, f.errors(), f.values());
        }
        cases.addStep(scope, id, day == null ? scope.today() : day, text, outcome);
        flash.addFlashAttribute("message", "Étape enregistrée.");
        return "redirect:" + scope.base() + "/dossiers/" + id;
    }

    @PostMapping("/c/{centre}/dossiers/{id}/documents")
    String addDocument(CentreScope scope, @PathVariable long id, @RequestParam(defaultValue = "") String name,
                       Model model, RedirectAttributes flash) {
        scope.requireAttendance();
        FormReader f = new FormReader(Map.of("name", name));
        String text = f.text("name", "le nom du document", true);
        if (!f.ok()) {
            return casePage(scope, id, model, f.errors(), f.values());
        }
        cases.addDocument(scope, id, text);
        flash.addFlashAttribute("message", "Document « " + text + " » ajouté.");
        return "redirect:" + scope.base() + "/dossiers/" + id;
    }

    @PostMapping("/c/{centre}/dossiers/{id}/partages")
    String share(CentreScope scope, @PathVariable long id, @RequestParam(defaultValue = "") String userId, Model model,
                 RedirectAttributes flash) {
        scope.requireAttendance();
        FormReader f = new FormReader(Map.of("userId", userId));
        Long with = f.id("userId", "la personne de l'équipe", true);
        if (f.ok() && !cases.share(scope, id, with)) {
            f.errors().add("userId", "Partagez le dossier avec un membre de l'équipe du centre : ce compte ne peut pas"
                    + " l'ouvrir (les comptes de la fédération ne lisent pas les dossiers).");
        }
        if (!f.ok()) {
            return casePage(scope, id, model, f.errors(), f.values());
        }
        flash.addFlashAttribute("message", "Dossier partagé.");
        return "redirect:" + scope.base() + "/dossiers/" + id;
    }

    @PostMapping("/c/{centre}/dossiers/{id}/cloture")
    String close(CentreScope scope, @PathVariable long id, @RequestParam(name = "closeOutcome", defaultValue = "") String outcome,
                 Model model, RedirectAttributes flash) {
        scope.requireAttendance();
        FormReader f = new FormReader(Map.of("closeOutcome", outcome));
        String text = f.text("closeOutcome", "l'issue de l'accompagnement pour clore le dossier", true);
        if (!f.ok()) {
            return casePage(scope, id, model, f.errors(), f.values());
        }
        cases.close(scope, id, scope.today(), text);
        flash.addFlashAttribute("message", "Dossier clos.");
        return "redirect:" + scope.base() + "/dossiers/" + id;
    }

    private String newPage(CentreScope scope, Model model, Long personne, Long foyer, String subject, String referent,
                           FieldErrors errors) {
        model.addAttribute("personne", personne);
        model.addAttribute("foyer", foyer);
        model.addAttribute("staff", users.staffOfCentre(scope.id()));
        model.addAttribute("subject", subject);
        model.addAttribute("referent", referent);
        model.addAttribute("errors", errors);
        model.addAttribute("crumbs", crumbs(scope, personne, foyer, "Nouveau dossier"));
        return "reception/case-new";
    }

    private String casePage(CentreScope scope, long id, Model model, FieldErrors errors, Map<String, String> typed) {
        CaseService.CaseFile file = cases.read(scope, id);
        model.addAttribute("file", file);
        model.addAttribute("staff", users.staffOfCentre(scope.id()));
        model.addAttribute("canManage", scope.role() == Role.DIRECTION || file.referentUserId() == scope.userId());
        model.addAttribute("reads", scope.role() == Role.DIRECTION ? audit.ofEntity(scope.id(), "dossier", id) : java.util.List.of());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("crumbs", crumbs(scope, file.personId(), file.householdId(), "Dossier : " + file.subject()));
        return "reception/case";
    }

    /**
     * Where a case file sits: its household, then its person (when it is a person's), then the page. A person with
     * several households shows the first current one, the household of the person's page.
     */
    private List<List<String>> crumbs(CentreScope scope, Long personId, Long householdId, String page) {
        List<List<String>> crumbs = new ArrayList<>();
        crumbs.add(Arrays.asList("Foyers", scope.base() + "/foyers"));
        if (personId != null) {
            persons.links(scope.id(), personId).stream().filter(l -> l.endDate() == null || !l.endDate().isBefore(scope.today()))
                    .findFirst().ifPresent(l -> crumbs.add(Arrays.asList("Foyer " + l.householdLabel(),
                            scope.base() + "/foyers/" + l.householdId())));
            persons.find(scope.id(), personId).ifPresent(p -> crumbs.add(Arrays.asList(p.fullName(),
                    scope.base() + "/personnes/" + personId)));
        } else if (householdId != null) {
            households.find(scope.id(), householdId).ifPresent(h -> crumbs.add(Arrays.asList("Foyer " + h.label(),
                    scope.base() + "/foyers/" + householdId)));
        }
        crumbs.add(Arrays.asList(page, null));
        return crumbs;
    }

    private void holder(CentreScope scope, Long personne, Long foyer) {
        boolean found = personne != null ? persons.find(scope.id(), personne).isPresent()
                : foyer != null && households.find(scope.id(), foyer).isPresent();
        if (!found) {
            throw new NotFound();
        }
    }
}
