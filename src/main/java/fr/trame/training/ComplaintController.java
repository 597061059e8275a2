package fr.trame.training;

import fr.trame.federation.FederationScope;
import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
import fr.trame.form.Parse;
import fr.trame.form.Refused;
import fr.trame.form.Vocabulary;
import fr.trame.training.QualiopiRecords.Complaint;
import fr.trame.training.QualiopiRecords.NewComplaint;
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
 * The register of complaints (Qualiopi indicator 31): the list of a period, a complaint received, its handling and the
 * answer given. The direction's only.
 */
@Controller
class ComplaintController {

    private final QualiopiRecords records;

    ComplaintController(QualiopiRecords records) {
        this.records = records;
    }

    static final class ComplaintForm implements Form {
        public String receivedOn;
        public String structureId;
        public String sessionId;
        public String complainant;
        public String channel;
        public String subject;
        public String description;
        public String status;
        public String response;
        public String handledOn;
        public String actionTaken;
        private NewComplaint read;

        @Override
        public void validate(Errors errors) {
            LocalDate received = Checks.dateInYears(errors, "receivedOn", receivedOn, true);
            Long structure = Checks.id(errors, "structureId", structureId, false);
            Long session = Checks.id(errors, "sessionId", sessionId, false);
            String who = Checks.text(errors, "complainant", complainant, false, 200);
            String by = Checks.choice(errors, "channel", channel, true, QualiopiRecords.CHANNELS);
            String what = Checks.text(errors, "subject", subject, true, 300);
            String text = Checks.text(errors, "description", description, false, 4000);
            String state = Checks.choice(errors, "status", status, true, QualiopiRecords.COMPLAINT_STATUSES);
            String answer = Checks.text(errors, "response", response, false, 4000);
            LocalDate handled = Checks.dateInYears(errors, "handledOn", handledOn, false);
            String action = Checks.text(errors, "actionTaken", actionTaken, false, 2000);
            Checks.notBefore(errors, "handledOn", handled, received);
            read = new NewComplaint(received, structure, session, who, by, what, text, state, answer, handled, action);
        }
    }

    @GetMapping("/f/{federation}/formation/reclamations")
    String list(FederationScope fed, @RequestParam(required = false) String liste, @RequestParam(required = false) String du,
                @RequestParam(required = false) String au, Model model) {
        Map<String, String> typed = new HashMap<>();
        typed.put("receivedOn", fed.today().format(Parse.FRENCH_DATE));
        typed.put("channel", "courriel");
        typed.put("status", "recue");
        return listPage(fed, liste, du, au, model, typed, new FieldErrors());
    }

    private String listPage(FederationScope fed, String liste, String du, String au, Model model, Map<String, String> typed,
                            FieldErrors errors) {
        QualiopiLists.Complaints list = QualiopiController.list(fed, QualiopiLists.Complaints.class, liste,
                QualiopiLists.Complaints.RECUES);
        QualiopiPeriodSelection selection = QualiopiController.selection(fed, du, au, list, model);
        model.addAttribute("complaints", records.complaints(fed.id(), selection.period(), fed.today(), list));
        formLists(fed, model, typed, errors);
        return "training/complaints";
    }

    private void formLists(FederationScope fed, Model model, Map<String, String> typed, FieldErrors errors) {
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("structures", records.structures(fed.id()));
        model.addAttribute("sessions", records.sessions(fed.id()));
        model.addAttribute("channels", Vocabulary.labels("complaint-channel", QualiopiRecords.CHANNELS.toArray(String[]::new)));
        model.addAttribute("statuses", Vocabulary.labels("complaint-status",
                QualiopiRecords.COMPLAINT_STATUSES.toArray(String[]::new)));
    }

    @PostMapping("/f/{federation}/formation/reclamations")
    String create(FederationScope fed, @Validated ComplaintForm form, BindingResult binding, Model model,
                  RedirectAttributes flash) {
        fed.requireDirection();
        FieldErrors errors = errors(fed, form, binding);
        if (!errors.any()) {
            try {
                long id = records.createComplaint(fed.id(), form.read, fed.userId() == 0 ? null : fed.userId());
                flash.addFlashAttribute("message", "Réclamation enregistrée.");
                return "redirect:" + fed.base() + "/formation/reclamations/" + id;
            } catch (Refused e) {
                errors.add(e.field() == null ? "subject" : e.field(), e.getMessage());
            }
        }
        return listPage(fed, null, null, null, model, form.typed(), errors);
    }

    @GetMapping("/f/{federation}/formation/reclamations/{id}")
    String show(FederationScope fed, @PathVariable long id, Model model) {
        fed.requireDirection();
        Complaint c = records.complaint(fed.id(), id, fed.today());
        Map<String, String> typed = new HashMap<>();
        typed.put("receivedOn", c.receivedOn().format(Parse.FRENCH_DATE));
        typed.put("structureId", c.structureId() == null ? "" : String.valueOf(c.structureId()));
        typed.put("sessionId", c.sessionId() == null ? "" : String.valueOf(c.sessionId()));
        typed.put("complainant", nullToEmpty(c.complainant()));
        typed.put("channel", c.channel());
        typed.put("subject", c.subject());
        typed.put("description", nullToEmpty(c.description()));
        typed.put("status", c.status());
        typed.put("response", nullToEmpty(c.response()));
        typed.put("handledOn", c.handledOn() == null ? "" : c.handledOn().format(Parse.FRENCH_DATE));
        typed.put("actionTaken", nullToEmpty(c.actionTaken()));
        return page(fed, c, model, typed, new FieldErrors());
    }

    private String page(FederationScope fed, Complaint c, Model model, Map<String, String> typed, FieldErrors errors) {
        model.addAttribute("complaint", c);
        model.addAttribute("improvements", records.improvementsOf(fed.id(), c.id()));
        formLists(fed, model, typed, errors);
        return "training/complaint";
    }

    @PostMapping("/f/{federation}/formation/reclamations/{id}")
    String update(FederationScope fed, @PathVariable long id, @Validated ComplaintForm form, BindingResult binding, Model model,
                  RedirectAttributes flash) {
        fed.requireDirection();
        Complaint c = records.complaint(fed.id(), id, fed.today());
        FieldErrors errors = errors(fed, form, binding);
        if (!errors.any()) {
            try {
                records.updateComplaint(fed.id(), id, form.read);
                flash.addFlashAttribute("message", "traitee".equals(form.read.status())
                        ? "Réclamation traitée : la réponse est enregistrée." : "Réclamation mise à jour.");
                return "redirect:" + fed.base() + "/formation/reclamations/" + id;
            } catch (Refused e) {
                errors.add(e.field() == null ? "subject" : e.field(), e.getMessage());
            }
        }
        return page(fed, c, model, form.typed(), errors);
    }

    /** The form's errors, and a date of reception or answer later than today. */
    private static FieldErrors errors(FederationScope fed, ComplaintForm form, BindingResult binding) {
        FieldErrors errors = FieldErrors.of(binding);
        if (!binding.hasErrors()) {
            if (form.read.receivedOn().isAfter(fed.today())) {
                errors.add("receivedOn", "La date de réception est après aujourd'hui.");
            }
            if (form.read.handledOn() != null && form.read.handledOn().isAfter(fed.today())) {
                errors.add("handledOn", "La date de traitement est après aujourd'hui.");
            }
        }
        return errors;
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
