package fr.trame.association;

import fr.trame.form.NotFound;
import fr.trame.activities.ActivityService;
import fr.trame.centre.CentreScope;
import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
import fr.trame.form.FrenchFormat;
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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Volunteers: who they are, what they do, the hours they give and what those hours are worth. */
@Controller
class VolunteerController {

    private final VolunteerService volunteers;
    private final AssociationIndicators indicators;
    private final ActivityService activities;

    public VolunteerController(VolunteerService volunteers, AssociationIndicators indicators, ActivityService activities) {
        this.volunteers = volunteers;
        this.indicators = indicators;
        this.activities = activities;
    }

    @GetMapping("/c/{centre}/benevoles")
    String list(CentreScope scope, @RequestParam(required = false) Integer annee, Model model) {
        scope.requirePersonalData();
        return listPage(scope, annee == null ? scope.today().getYear() : annee, model, Map.of(), new FieldErrors());
    }

    private String listPage(CentreScope scope, int year, Model model, Map<String, String> typed, FieldErrors errors) {
        model.addAttribute("year", year);
        model.addAttribute("volunteers", volunteers.list(scope.id(), year));
        model.addAttribute("figures", indicators.compute(scope.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).volunteers());
        model.addAttribute("settings", volunteers.settings(scope.id()));
        model.addAttribute("categories", VolunteerService.CATEGORIES);
        model.addAttribute("form", typed);
        model.addAttribute("errors", errors);
        return "association/volunteers";
    }

    static final class VolunteerForm implements Form {
        public String personId;
        public List<String> category;
        public String skills;
        public String startDate;
        /** Read by {@link #validate}. */
        private Long person;
        private List<String> categories;

        @Override
        public void validate(Errors errors) {
            if (Checks.clean(personId) == null) {
                errors.rejectValue("personId", "searchPerson");
            }
            person = Checks.id(errors, "personId", personId, true);
            categories = categories(errors, category);
            Checks.date(errors, "startDate", startDate, false);
        }
    }

    /** The categories ticked among the known ones: at least one. */
    private static List<String> categories(Errors errors, List<String> ticked) {
        List<String> chosen = ticked == null ? List.of() : ticked.stream().filter(VolunteerService.CATEGORIES::contains).toList();
        if (chosen.isEmpty()) {
            errors.rejectValue("category", "oneCategory");
        }
        return chosen;
    }

    @PostMapping("/c/{centre}/benevoles")
    String register(CentreScope scope, @Validated VolunteerForm form, BindingResult binding, Model model) {
        scope.requireRegisterEdit();
        if (binding.hasErrors()) {
            return listPage(scope, scope.today().getYear(), model, form.typed(), FieldErrors.of(binding));
        }
        LocalDate start = Checks.date(form.startDate);
        long id = volunteers.register(scope.id(), form.person, form.categories, Checks.clean(form.skills),
                start == null ? scope.today() : start);
        return "redirect:" + scope.base() + "/benevoles/" + id;
    }

    static final class SettingsForm implements Form {
        public String rate;
        public String fullTime;
        /** Read by {@link #validate}. */
        private Long rateCents;
        private BigDecimal fullTimeHours;

        @Override
        public void validate(Errors errors) {
            rateCents = Checks.cents(errors, "rate", rate, true);
            fullTimeHours = Checks.decimal(errors, "fullTime", fullTime, true, BigDecimal.ONE, new BigDecimal("48"));
        }
    }

    @PostMapping("/c/{centre}/benevoles/valorisation")
    String saveSettings(CentreScope scope, @Validated SettingsForm form, BindingResult binding, RedirectAttributes flash) {
        scope.requireDirection();
        return FormOutcome.saveAndReturn(scope, form, binding, flash, "/benevoles",
                () -> volunteers.saveSettings(scope.id(), new VolunteerService.Settings(form.rateCents.intValue(), form.fullTimeHours)),
                "Taux de valorisation et temps plein enregistrés.");
    }

    @GetMapping("/c/{centre}/benevoles/{id}")
    String show(CentreScope scope, @PathVariable long id, @RequestParam(required = false) Integer annee, Model model) {
        scope.requirePersonalData();
        return showPage(scope, id, annee == null ? scope.today().getYear() : annee, model, Map.of(), new FieldErrors());
    }

    private String showPage(CentreScope scope, long id, int year, Model model, Map<String, String> typed, FieldErrors errors) {
        VolunteerService.Volunteer volunteer = volunteers.find(scope.id(), id, year)
                .orElseThrow(() -> new NotFound());
        model.addAttribute("year", year);
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("hours", volunteers.hours(scope.id(), id, year));
        model.addAttribute("valuationCents", volunteer.hours()
                .multiply(BigDecimal.valueOf(volunteers.settings(scope.id()).volunteerRateCents()))
                .setScale(0, RoundingMode.HALF_UP));
        model.addAttribute("activities", activities.list(scope.id()));
        model.addAttribute("categories", VolunteerService.CATEGORIES);
        model.addAttribute("form", typed);
        model.addAttribute("errors", errors);
        return "association/volunteer";
    }

    static final class HoursForm implements Form {
        public String date;
        public String hours;
        public String activityId;
        public String event;
        /** Read by {@link #validate}. */
        private LocalDate day;
        private BigDecimal hourCount;
        private Long activity;

        @Override
        public void validate(Errors errors) {
            day = Checks.date(errors, "date", date, true);
            hourCount = Checks.decimal(errors, "hours", hours, true, new BigDecimal("0.25"), new BigDecimal("24"));
            activity = Checks.id(errors, "activityId", activityId, false);
        }
    }

    @PostMapping("/c/{centre}/benevoles/{id}/heures")
    String logHours(CentreScope scope, @PathVariable long id, @Validated HoursForm form, BindingResult binding, Model model,
                    RedirectAttributes flash) {
        scope.requireAttendance();
        if (form.activity != null && activities.find(scope.id(), form.activity).isEmpty()) {
            binding.rejectValue("activityId", "choice");
        }
        LocalDate date = form.day;
        if (binding.hasErrors()) {
            return showPage(scope, id, date == null ? scope.today().getYear() : date.getYear(), model, form.typed(),
                    FieldErrors.of(binding));
        }
        volunteers.find(scope.id(), id, date.getYear()).orElseThrow(() -> new NotFound());
        volunteers.logHours(scope.id(), id, date, form.hourCount, form.activity, Checks.clean(form.event), scope.userId());
        flash.addFlashAttribute("message", FrenchFormat.number(form.hourCount.stripTrailingZeros()) + " h enregistrée(s).");
        return "redirect:" + scope.base() + "/benevoles/" + id + "?annee=" + date.getYear();
    }

    @PostMapping("/c/{centre}/benevoles/{id}/heures/{hoursId}/supprimer")
    String deleteHours(CentreScope scope, @PathVariable long id, @PathVariable long hoursId, RedirectAttributes flash) {
        scope.requireAttendance();
        if (!volunteers.deleteHours(scope.id(), id, hoursId)) {
            throw new NotFound("Ces heures n'existent pas pour ce bénévole.");
        }
        flash.addFlashAttribute("message", "Heures supprimées.");
        return "redirect:" + scope.base() + "/benevoles/" + id;
    }

    static final class VolunteerUpdateForm implements Form {
        public List<String> category;
        public String skills;
        public String endDate;
        /** Read by {@link #validate}. */
        private List<String> categories;

        @Override
        public void validate(Errors errors) {
            Checks.date(errors, "endDate", endDate, false);
            categories = categories(errors, category);
        }
    }

    @PostMapping("/c/{centre}/benevoles/{id}")
    String update(CentreScope scope, @PathVariable long id, @Validated VolunteerUpdateForm form, BindingResult binding,
                  RedirectAttributes flash) {
        scope.requireRegisterEdit();
        return FormOutcome.saveAndReturn(scope, form, binding, flash, "/benevoles/" + id,
                () -> volunteers.update(scope.id(), id, form.categories, Checks.clean(form.skills), Checks.date(form.endDate)),
                "Bénévole mis à jour.");
    }
}
