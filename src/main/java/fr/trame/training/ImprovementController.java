package fr.trame.training;

import fr.trame.federation.FederationScope;
import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
import fr.trame.form.Parse;
import fr.trame.form.Refused;
import fr.trame.form.Vocabulary;
import fr.trame.training.QualiopiRecords.Improvement;
import fr.trame.training.QualiopiRecords.NewImprovement;
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
import java.util.HashMap;
import java.util.Map;

/**
 * The improvement plan (Qualiopi indicator 32): the actions decided in a period, where each comes from (evaluations,
 * a complaint, trainers' feedback, the pedagogical council, the watch) and where it stands. The direction's only.
 */
@Controller
class ImprovementController {

    private final QualiopiRecords records;

    ImprovementController(QualiopiRecords records) {
        this.records = records;
    }

    static final class ImprovementForm implements Form {
        public String decidedOn;
        public String source;
        public String complaintId;
        public String courseId;
        public String finding;
        public String action;
        public String status;
        public String doneOn;
        private NewImprovement read;

        @Override
        public void validate(Errors errors) {
            LocalDate decided = Checks.dateInYears(errors, "decidedOn", decidedOn, true);
            String from = Checks.choice(errors, "source", source, true, QualiopiRecords.SOURCES);
            Long complaint = Checks.id(errors, "complaintId", complaintId, false);
            Long course = Checks.id(errors, "courseId", courseId, false);
            String found = Checks.text(errors, "finding", finding, false, 2000);
            String what = Checks.text(errors, "action", action, true, 2000);
            String state = Checks.choice(errors, "status", status, true, QualiopiRecords.IMPROVEMENT_STATUSES);
            LocalDate done = Checks.dateInYears(errors, "doneOn", doneOn, false);
            Checks.notBefore(errors, "doneOn", done, decided);
            read = new NewImprovement(decided, from, complaint, course, found, what, state, done);
        }
    }

    @GetMapping("/f/{federation}/formation/qualiopi/ameliorations")
    String list(FederationScope fed, @RequestParam(required = false) String liste, @RequestParam(required = false) String du,
                @RequestParam(required = false) String au, @RequestParam(required = false) String reclamation, Model model) {
        Map<String, String> typed = new HashMap<>();
        typed.put("decidedOn", fed.today().format(Parse.FRENCH_DATE));
        typed.put("source", "evaluation");
        typed.put("status", "prevue");
        Long complaint = Parse.id(reclamation);
        if (complaint != null) {
            records.complaint(fed.requireDirection().id(), complaint, fed.today());
            typed.put("source", "reclamation");
            typed.put("complaintId", String.valueOf(complaint));
        }
        return listPage(fed, liste, du, au, model, typed, new FieldErrors());
    }

    private String listPage(FederationScope fed, String liste, String du, String au, Model model, Map<String, String> typed,
                            FieldErrors errors) {
        QualiopiLists.Improvements list = QualiopiController.list(fed, QualiopiLists.Improvements.class, liste,
                QualiopiLists.Improvements.TOUTES);
        QualiopiPeriodSelection selection = QualiopiController.selection(fed, du, au, list, model);
        model.addAttribute("improvements", records.improvements(fed.id(), selection.period(), fed.today(), list));
        formLists(fed, model, typed, errors);
        return "training/improvements";
    }

    private void formLists(FederationScope fed, Model model, Map<String, String> typed, FieldErrors errors) {
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("complaintChoices", records.complaintChoices(fed.id()));
        model.addAttribute("courses", records.courseChoices(fed.id()));
        model.addAttribute("sources", Vocabulary.labels("improvement-source", QualiopiRecords.SOURCES.toArray(String[]::new)));
        model.addAttribute("statuses", Vocabulary.labels("improvement-status",
                QualiopiRecords.IMPROVEMENT_STATUSES.toArray(String[]::new)));
    }

    @PostMapping("/f/{federation}/formation/qualiopi/ameliorations")
    String create(FederationScope fed, @Validated ImprovementForm form, BindingResult binding, Model model,
                  RedirectAttributes flash) {
        fed.requireDirection();
        FieldErrors errors = errors(fed, form, binding);
        if (!errors.any()) {
            try {
                records.createImprovement(fed.id(), form.read, fed.userId() == 0 ? null : fed.userId());
                flash.addFlashAttribute("message", "Action d'amélioration enregistrée.");
                return "redirect:" + fed.base() + (form.read.complaintId() != null
                        ? "/formation/reclamations/" + form.read.complaintId() : "/formation/qualiopi/ameliorations");
            } catch (Refused e) {
                errors.add(e.field() == null ? "action" : e.field(), e.getMessage());
            }
        }
        return listPage(fed, null, null, null, model, form.typed(), errors);
    }

    @GetMapping("/f/{federation}/formation/qualiopi/ameliorations/{id}")
    String show(FederationScope fed, @PathVariable long id, Model model) {
        fed.requireDirection();
        Improvement i = records.improvement(fed.id(), id);
        Map<String, String> typed = new HashMap<>();
        typed.put("decidedOn", i.decidedOn().format(Parse.FRENCH_DATE));
        typed.put("source", i.source());
        typed.put("complaintId", i.complaintId() == null ? "" : String.valueOf(i.complaintId()));
        typed.put("courseId", i.courseId() == null ? "" : String.valueOf(i.courseId()));
        typed.put("finding", ComplaintController.nullToEmpty(i.finding()));
        typed.put("action", i.action());
        typed.put("status", i.status());
        typed.put("doneOn", i.doneOn() == null ? "" : i.doneOn().format(Parse.FRENCH_DATE));
        return page(fed, i, model, typed, new FieldErrors());
    }

    private String page(FederationScope fed, Improvement i, Model model, Map<String, String> typed, FieldErrors errors) {
        model.addAttribute("improvement", i);
        formLists(fed, model, typed, errors);
        return "training/improvement";
    }

    @PostMapping("/f/{federation}/formation/qualiopi/ameliorations/{id}")
    String update(FederationScope fed, @PathVariable long id, @Validated ImprovementForm form, BindingResult binding,
                  Model model, RedirectAttributes flash) {
        fed.requireDirection();
        Improvement i = records.improvement(fed.id(), id);
        FieldErrors errors = errors(fed, form, binding);
        if (!errors.any()) {
            try {
                records.updateImprovement(fed.id(), id, form.read);
                flash.addFlashAttribute("message", "Action d'amélioration mise à jour.");
                return "redirect:" + fed.base() + "/formation/qualiopi/ameliorations/" + id;
            } catch (Refused e) {
                errors.add(e.field() == null ? "action" : e.field(), e.getMessage());
            }
        }
        return page(fed, i, model, form.typed(), errors);
    }

    private static FieldErrors errors(FederationScope fed, ImprovementForm form, BindingResult binding) {
        FieldErrors errors = FieldErrors.of(binding);
        if (!binding.hasErrors() && form.read.doneOn() != null && form.read.doneOn().isAfter(fed.today())) {
            errors.add("doneOn", "La date de réalisation est après aujourd'hui.");
        }
        return errors;
    }
}
