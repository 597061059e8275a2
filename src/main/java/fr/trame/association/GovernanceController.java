package fr.trame.association;

import fr.trame.form.NotFound;
import fr.trame.centre.CentreScope;
import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The bodies, their members and their meetings; direction keeps them, staff read them. */
@Controller
class GovernanceController {

    private final GovernanceService governance;
    private final AssociationIndicators indicators;

    public GovernanceController(GovernanceService governance, AssociationIndicators indicators) {
        this.governance = governance;
        this.indicators = indicators;
    }

    @GetMapping("/c/{centre}/instances")
    String page(CentreScope scope, @RequestParam(required = false) Integer annee, Model model) {
        scope.requirePersonalData();
        return page(scope, annee == null ? scope.today().getYear() : annee, model, Map.of(), Map.of(), new FieldErrors());
    }

    private String page(CentreScope scope, int year, Model model, Map<String, String> mandateForm,
                        Map<String, String> meetingForm, FieldErrors errors) {
        model.addAttribute("year", year);
        model.addAttribute("bodies", governance.bodies(scope.id()));
        model.addAttribute("mandates", governance.mandates(scope.id(), scope.today()));
        model.addAttribute("meetings", governance.meetings(scope.id(), year));
        model.addAttribute("figures", indicators.compute(scope.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).governance());
        model.addAttribute("mandateForm", mandateForm);
        model.addAttribute("meetingForm", meetingForm);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", GovernanceService.ROLES);
        model.addAttribute("colleges", GovernanceService.COLLEGES);
        model.addAttribute("kinds", GovernanceService.KINDS);
        return "association/governance";
    }

    static final class BodyForm implements Form {
        public String kind;
        public String name;

        @Override
        public void validate(Errors errors) {
            Checks.choice(errors, "kind", kind, true, GovernanceService.KINDS);
            Checks.text(errors, "name", name, true);
        }
    }

    @PostMapping("/c/{centre}/instances/organes")
    String createBody(CentreScope scope, @Validated BodyForm form, BindingResult binding, RedirectAttributes flash) {
        scope.requireDirection();
        String name = Checks.clean(form.name);
        return FormOutcome.saveAndReturn(scope, form, binding, flash, "/instances",
                () -> governance.createBody(scope.id(), form.kind.trim(), name), "Instance « " + name + " » enregistrée.");
    }

    static final class MandateForm implements Form {
        public String bodyId;
        public String personId;
        public String outsiderName;
        public String role;
        public String college;
        public String startDate;
        public String endDate;
        public String livesInTerritory;
        public String qpv;
        /** Read by {@link #validate}. */
        private Long body;
        private Long person;

        @Override
        public void validate(Errors errors) {
            body = Checks.id(errors, "bodyId", bodyId, true);
            person = Checks.id(errors, "personId", personId, false);
            if (person == null && Checks.clean(outsiderName) == null && !errors.hasFieldErrors("personId")) {
                errors.rejectValue("personId", "personOrOutsider");
            }
            Checks.choice(errors, "role", role, true, GovernanceService.ROLES);
            Checks.choice(errors, "college", college, true, GovernanceService.COLLEGES);
            LocalDate start = Checks.date(errors, "startDate", startDate, true);
            LocalDate end = Checks.date(errors, "endDate", endDate, false);
            Checks.notBefore(errors, "endDate", end, start);
        }
    }

    @PostMapping("/c/{centre}/instances/mandats")
    String createMandate(CentreScope scope, @Validated MandateForm form, BindingResult binding, Model model,
                         RedirectAttributes flash) {
        scope.requireDirection();
        if (form.body != null && governance.body(scope.id(), form.body).isEmpty()) {
            binding.rejectValue("bodyId", "choice");
        }
        if (binding.hasErrors()) {
            return page(scope, scope.today().getYear(), model, form.typed(), Map.of(), FieldErrors.of(binding));
        }
        governance.createMandate(scope.id(), new GovernanceService.NewMandate(form.body, form.person,
                form.person == null ? Checks.clean(form.outsiderName) : null, form.role.trim(), form.college.trim(),
                Checks.date(form.startDate), Checks.date(form.endDate), yesNo(form.livesInTerritory), yesNo(form.qpv)));
        flash.addFlashAttribute("message", "Mandat enregistré.");
        return "redirect:" + scope.base() + "/instances";
    }

    static final class MandateEndForm implements Form {
        public String endDate;

        @Override
        public void validate(Errors errors) {
            Checks.date(errors, "endDate", endDate, true);
        }
    }

    @PostMapping("/c/{centre}/instances/mandats/{id}/fin")
    String endMandate(CentreScope scope, @PathVariable long id, @Validated MandateEndForm form, BindingResult binding,
                      RedirectAttributes flash) {
        scope.requireDirection();
        return FormOutcome.updateAndReturn(scope, form, binding, flash, "/instances",
                () -> governance.endMandate(scope.id(), id, Checks.date(form.endDate)), "Fin du mandat enregistrée.");
    }

    static final class MeetingForm implements Form {
        public String bodyId;
        public String date;
        public String quorum;
        public String agenda;
        /** Read by {@link #validate}. */
        private Long body;
        private Integer quorumValue;

        @Override
        public void validate(Errors errors) {
            body = Checks.id(errors, "bodyId", bodyId, true);
            Checks.date(errors, "date", date, true);
            quorumValue = Checks.integer(errors, "quorum", quorum, false, 0, 500);
        }
    }

    @PostMapping("/c/{centre}/instances/reunions")
    String createMeeting(CentreScope scope, @Validated MeetingForm form, BindingResult binding, Model model) {
        scope.requireDirection();
        if (form.body != null && governance.body(scope.id(), form.body).isEmpty()) {
            binding.rejectValue("bodyId", "choice");
        }
        if (binding.hasErrors()) {
            return page(scope, scope.today().getYear(), model, Map.of(), form.typed(), FieldErrors.of(binding));
        }
        long id = governance.createMeeting(scope.id(), form.body, Checks.date(form.date), Checks.clean(form.agenda),
                form.quorumValue);
        return "redirect:" + scope.base() + "/instances/reunions/" + id;
    }

    @GetMapping("/c/{centre}/instances/reunions/{id}")
    String meeting(CentreScope scope, @PathVariable long id, Model model) {
        scope.requirePersonalData();
        model.addAttribute("meeting", governance.meeting(scope.id(), id).orElseThrow(() -> new NotFound()));
        model.addAttribute("seats", governance.seats(scope.id(), id));
        return "association/meeting";
    }

    static final class MeetingRecordForm implements Form {
        public String quorum;
        public String decisions;
        public String minutes;
        public List<Long> present;
        /** Read by {@link #validate}. */
        private Integer quorumValue;

        @Override
        public void validate(Errors errors) {
            quorumValue = Checks.integer(errors, "quorum", quorum, false, 0, 500);
        }
    }

    /** Who came, the quorum, the decisions and the minutes, saved in one go. */
    @PostMapping("/c/{centre}/instances/reunions/{id}")
    String recordMeeting(CentreScope scope, @PathVariable long id, @Validated MeetingRecordForm form, BindingResult binding,
                         Model model, RedirectAttributes flash) {
        scope.requireDirection();
        GovernanceService.Meeting meeting = governance.meeting(scope.id(), id)
                .orElseThrow(() -> new NotFound());
        if (binding.hasErrors()) {
            model.addAttribute("meeting", meeting);
            model.addAttribute("seats", governance.seats(scope.id(), id));
            model.addAttribute("errors", FieldErrors.of(binding));
            return "association/meeting";
        }
        Set<Long> came = form.present == null ? Set.of() : form.present.stream().collect(Collectors.toSet());
        governance.recordMeeting(scope.id(), id, came, Checks.clean(form.decisions), Checks.clean(form.minutes), form.quorumValue);
        flash.addFlashAttribute("message", "Réunion enregistrée : " + came.size() + " présent(s).");
        return "redirect:" + scope.base() + "/instances/reunions/" + id;
    }

    private static Boolean yesNo(String value) {
        return value == null || value.isBlank() ? null : value.equals("oui");
    }
}
