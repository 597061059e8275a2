package fr.trame.reception;

import fr.trame.form.NotFound;
import fr.trame.centre.AuditLog;
import fr.trame.centre.CentreScope;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import fr.trame.form.FieldErrors;
import fr.trame.form.Checks;
import fr.trame.form.Form;
import fr.trame.people.HouseholdService;
import fr.trame.people.PersonService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.annotation.Validated;
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
    private final CaseOutcomeService outcomes;

    public CaseController(CaseService cases, PersonService persons, HouseholdService households, UserService users,
                          AuditLog audit, CaseOutcomeService outcomes) {
        this.outcomes = outcomes;
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

    /** A new case: for a person or a household, a referent of the team, a subject. */
    static final class OpenForm implements Form {
        public Long personne;
        public Long foyer;
        public String referent;
        public String subject;
        /** Read by {@link #validate}. */
        private Long referentId;

        @Override
        public void validate(Errors errors) {
            Checks.text(errors, "subject", subject, true);
            referentId = Checks.id(errors, "referent", referent, true);
        }
    }

    @PostMapping("/c/{centre}/dossiers")
    String open(CentreScope scope, @Validated OpenForm form, BindingResult binding, Model model, RedirectAttributes flash) {
        scope.requireAttendance();
        holder(scope, form.personne, form.foyer);
        if (form.referentId != null && !users.isStaffOf(scope.id(), form.referentId)) {
            binding.rejectValue("referent", "caseReferent");
        }
        String subject = form.subject == null ? "" : form.subject;
        String referent = form.referent == null ? "" : form.referent;
        if (binding.hasErrors()) {
            return newPage(scope, model, form.personne, form.foyer, subject, referent, FieldErrors.of(binding));
        }
        long id = cases.open(scope, form.personne, form.personne == null ? form.foyer : null, form.referentId, subject.trim(),
                scope.today());
        flash.addFlashAttribute("message", "Dossier ouvert.");
        return "redirect:" + scope.base() + "/dossiers/" + id;
    }

    @GetMapping("/c/{centre}/dossiers/{id}")
    String show(CentreScope scope, @PathVariable long id, Model model) {
        scope.requireAttendance();
        return casePage(scope, id, model, new FieldErrors(), Map.of());
    }

    static final class StepForm implements Form {
        public String date;
        public String note;
        public String outcome;

        @Override
        public void validate(Errors errors) {
            Checks.date(errors, "date", date, false);
            Checks.text(errors, "note", note, true);
        }
    }

    @PostMapping("/c/{centre}/dossiers/{id}/etapes")
    String addStep(CentreScope scope, @PathVariable long id, @Validated StepForm form, BindingResult binding, Model model,
                   RedirectAttributes flash) {
        scope.requireAttendance();
        if (binding.hasErrors()) {
            return casePage(scope, id, model, FieldErrors.of(binding), form.typed());
        }
        LocalDate day = Checks.date(form.date);
        cases.addStep(scope, id, day == null ? scope.today() : day, form.note.trim(), form.outcome == null ? "" : form.outcome);
        flash.addFlashAttribute("message", "Étape enregistrée.");
        return "redirect:" + scope.base() + "/dossiers/" + id;
    }

    static final class DocumentForm implements Form {
        public String name;

        @Override
        public void validate(Errors errors) {
            Checks.text(errors, "name", name, true);
        }
    }

    @PostMapping("/c/{centre}/dossiers/{id}/documents")
    String addDocument(CentreScope scope, @PathVariable long id, @Validated DocumentForm form, BindingResult binding, Model model,
                       RedirectAttributes flash) {
        scope.requireAttendance();
        if (binding.hasErrors()) {
            return casePage(scope, id, model, FieldErrors.of(binding), form.typed());
        }
        String text = form.name.trim();
        cases.addDocument(scope, id, text);
        flash.addFlashAttribute("message", "Document « " + text + " » ajouté.");
        return "redirect:" + scope.base() + "/dossiers/" + id;
    }

    static final class ShareForm implements Form {
        public String userId;
        /** Read by {@link #validate}. */
        private Long with;

        @Override
        public void validate(Errors errors) {
            with = Checks.id(errors, "userId", userId, true);
        }
    }

    @PostMapping("/c/{centre}/dossiers/{id}/partages")
    String share(CentreScope scope, @PathVariable long id, @Validated ShareForm form, BindingResult binding, Model model,
                 RedirectAttributes flash) {
        scope.requireAttendance();
        if (!binding.hasErrors() && !cases.share(scope, id, form.with)) {
            binding.rejectValue("userId", "shareWithTeam");
        }
        if (binding.hasErrors()) {
            return casePage(scope, id, model, FieldErrors.of(binding), form.typed());
        }
        flash.addFlashAttribute("message", "Dossier partagé.");
        return "redirect:" + scope.base() + "/dossiers/" + id;
    }

    static final class CloseForm implements Form {
        public String closeOutcome;

        @Override
        public void validate(Errors errors) {
            Checks.text(errors, "closeOutcome", closeOutcome, true);
        }
    }

    @PostMapping("/c/{centre}/dossiers/{id}/cloture")
    String close(CentreScope scope, @PathVariable long id, @Validated CloseForm form, BindingResult binding, Model model,
                 RedirectAttributes flash) {
        scope.requireAttendance();
        if (!binding.hasErrors() && outcomes.choosable(scope.id(), form.closeOutcome.trim()).isEmpty()) {
            binding.rejectValue("closeOutcome", "outcomeInList");
        }
        if (binding.hasErrors()) {
            return casePage(scope, id, model, FieldErrors.of(binding), form.typed());
        }
        cases.close(scope, id, scope.today(), form.closeOutcome.trim());
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
        model.addAttribute("outcomes", outcomes.choosable(scope.id()));
        model.addAttribute("canManage", scope.role() == Role.DIRECTION || file.referentUserId() == scope.userId());
        model.addAttribute("reads", scope.role() == Role.DIRECTION ? audit.ofEntity(scope.id(), "dossier", id) : List.of());
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
