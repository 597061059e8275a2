package fr.trame.association;

import fr.trame.activities.ActivityService;
import fr.trame.centre.CentreScope;
import fr.trame.form.FormReader;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Volunteers: who they are, what they do, the hours they give and what those hours are worth. */
@Controller
public class VolunteerController {

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
        return listPage(scope, annee == null ? scope.today().getYear() : annee, model, new FormReader(Map.of()));
    }

    private String listPage(CentreScope scope, int year, Model model, FormReader form) {
        model.addAttribute("year", year);
        model.addAttribute("volunteers", volunteers.list(scope.id(), year));
        model.addAttribute("figures", indicators.compute(scope.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).volunteers());
        model.addAttribute("settings", volunteers.settings(scope.id()));
        model.addAttribute("categories", VolunteerService.CATEGORIES);
        model.addAttribute("form", form.values());
        model.addAttribute("errors", form.errors());
        return "association/volunteers";
    }

    @PostMapping("/c/{centre}/benevoles")
    String register(CentreScope scope, @RequestParam Map<String, String> form,
                    @RequestParam(name = "category", required = false) List<String> categories, Model model) {
        scope.requireRegisterEdit();
        FormReader f = new FormReader(form);
        if (form.getOrDefault("personId", "").isBlank()) {
            f.errors().add("personId", "Cherchez la personne par son nom et cochez-la ; ajoutez-la d'abord au registre si besoin.");
        }
        Long person = f.id("personId", "la personne", true);
        List<String> chosen = categories == null ? List.of() : categories.stream().filter(VolunteerService.CATEGORIES::contains).toList();
        if (chosen.isEmpty()) {
            f.errors().add("category", "Cochez au moins une catégorie de bénévolat.");
        }
        LocalDate start = f.date("startDate", "la date d'arrivée", false);
        if (!f.ok()) {
            return listPage(scope, scope.today().getYear(), model, f);
        }
        long id = volunteers.register(scope.id(), person, chosen, f.text("skills", "", false), start == null ? scope.today() : start);
        return "redirect:" + scope.base() + "/benevoles/" + id;
    }

    @PostMapping("/c/{centre}/benevoles/valorisation")
    String saveSettings(CentreScope scope, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        Long rate = f.cents("rate", "le taux horaire", true);
        BigDecimal fullTime = f.decimal("fullTime", "la durée d'un temps plein", true, BigDecimal.ONE, new BigDecimal("48"));
        return FormOutcome.saveAndReturn(scope, f, flash, "/benevoles",
                () -> volunteers.saveSettings(scope.id(), new VolunteerService.Settings(rate.intValue(), fullTime)),
                "Taux de valorisation et temps plein enregistrés.");
    }

    @GetMapping("/c/{centre}/benevoles/{id}")
    String show(CentreScope scope, @PathVariable long id, @RequestParam(required = false) Integer annee, Model model) {
        scope.requirePersonalData();
        return showPage(scope, id, annee == null ? scope.today().getYear() : annee, model, new FormReader(Map.of()));
    }

    private String showPage(CentreScope scope, long id, int year, Model model, FormReader form) {
        VolunteerService.Volunteer volunteer = volunteers.find(scope.id(), id, year)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("year", year);
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("hours", volunteers.hours(scope.id(), id, year));
        model.addAttribute("valuationCents", volunteer.hours().multiply(BigDecimal.valueOf(volunteers.settings(scope.id()).volunteerRateCents()))
                .setScale(0, java.math.RoundingMode.HALF_UP));
        model.addAttribute("activities", activities.list(scope.id()));
        model.addAttribute("categories", VolunteerService.CATEGORIES);
        model.addAttribute("form", form.values());
        model.addAttribute("errors", form.errors());
        return "association/volunteer";
    }

    @PostMapping("/c/{centre}/benevoles/{id}/heures")
    String logHours(CentreScope scope, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
                    RedirectAttributes flash) {
        scope.requireAttendance();
        FormReader f = new FormReader(form);
        LocalDate date = f.date("date", "la date", true);
        BigDecimal hours = f.decimal("hours", "le nombre d'heures", true, new BigDecimal("0.25"), new BigDecimal("24"));
        Long activity = f.id("activityId", "l'activité", false);
        String event = f.text("event", "", false);
        if (activity != null && activities.find(scope.id(), activity).isEmpty()) {
            f.errors().add("activityId", "Choisissez l'activité dans la liste.");
        }
        if (!f.ok()) {
            return showPage(scope, id, date == null ? scope.today().getYear() : date.getYear(), model, f);
        }
        volunteers.find(scope.id(), id, date.getYear()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        volunteers.logHours(scope.id(), id, date, hours, activity, event, scope.userId());
        flash.addFlashAttribute("message", fr.trame.form.FrenchFormat.number(hours.stripTrailingZeros()) + " h enregistrée(s).");
        return "redirect:" + scope.base() + "/benevoles/" + id + "?annee=" + date.getYear();
    }

    @PostMapping("/c/{centre}/benevoles/{id}/heures/{hoursId}/supprimer")
    String deleteHours(CentreScope scope, @PathVariable long id, @PathVariable long hoursId, RedirectAttributes flash) {
        scope.requireAttendance();
        if (!volunteers.deleteHours(scope.id(), id, hoursId)) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
                    "Ces heures n'existent pas pour ce bénévole.");
        }
        flash.addFlashAttribute("message", "Heures supprimées.");
        return "redirect:" + scope.base() + "/benevoles/" + id;
    }

    @PostMapping("/c/{centre}/benevoles/{id}")
    String update(CentreScope scope, @PathVariable long id, @RequestParam Map<String, String> form,
                  @RequestParam(name = "category", required = false) List<String> categories, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        FormReader f = new FormReader(form);
        LocalDate end = f.date("endDate", "la date de départ", false);
        List<String> chosen = categories == null ? List.of() : categories.stream().filter(VolunteerService.CATEGORIES::contains).toList();
        if (chosen.isEmpty()) {
            f.errors().add("category", "Cochez au moins une catégorie de bénévolat.");
        }
        return FormOutcome.saveAndReturn(scope, f, flash, "/benevoles/" + id,
                () -> volunteers.update(scope.id(), id, chosen, f.text("skills", "", false), end), "Bénévole mis à jour.");
    }
}
