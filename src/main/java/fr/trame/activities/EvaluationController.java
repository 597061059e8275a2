package fr.trame.activities;

import fr.trame.centre.CentreScope;
import fr.trame.form.FieldErrors;
import fr.trame.form.Forbidden;
import fr.trame.form.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;

/** The evaluation of an activity for a calendar year (« Bilan 2026 »): written by its referent or the direction. */
@Controller
class EvaluationController {

    /** Blank objective rows under those written: enough to add a few at once without a script. */
    static final int EMPTY_ROWS = 3;

    private final ActivityService activities;
    private final EvaluationService evaluations;
    private final ActivityReach reach;

    EvaluationController(ActivityService activities, EvaluationService evaluations, ActivityReach reach) {
        this.activities = activities;
        this.evaluations = evaluations;
        this.reach = reach;
    }

    @GetMapping("/c/{centre}/activites/{id}/bilan/{year}")
    String show(CentreScope scope, @PathVariable long id, @PathVariable int year, Model model) {
        scope.requireAttendance();
        ActivityService.Activity activity = activity(scope, id, year);
        var saved = evaluations.find(scope.id(), id, year);
        EvaluationForm form = saved.map(e -> EvaluationForm.of(e.values())).orElseGet(EvaluationForm::new);
        model.addAttribute("saved", saved.orElse(null));
        return page(scope, activity, year, form, new FieldErrors(), model);
    }

    @PostMapping("/c/{centre}/activites/{id}/bilan/{year}")
    String save(CentreScope scope, @PathVariable long id, @PathVariable int year,
                @Validated @ModelAttribute("evaluationForm") EvaluationForm form, BindingResult binding, Model model,
                RedirectAttributes flash) {
        scope.requireAttendance();
        ActivityService.Activity activity = activity(scope, id, year);
        if (!EvaluationService.mayEdit(scope, activity)) {
            throw new Forbidden("Le bilan d'une activité est écrit par son référent ou la direction.");
        }
        if (binding.hasErrors()) {
            model.addAttribute("saved", evaluations.find(scope.id(), id, year).orElse(null));
            return page(scope, activity, year, form, FieldErrors.of(binding), model);
        }
        evaluations.save(scope.id(), id, year, form.values(), scope.userId());
        flash.addFlashAttribute("message", "Bilan " + year + " enregistré.");
        return "redirect:" + scope.base() + "/activites/" + id + "/bilan/" + year;
    }

    private String page(CentreScope scope, ActivityService.Activity activity, int year, EvaluationForm form, FieldErrors errors,
                        Model model) {
        model.addAttribute("activity", activity);
        model.addAttribute("year", year);
        model.addAttribute("form", form);
        model.addAttribute("rows", form.rows(EMPTY_ROWS));
        model.addAttribute("errors", errors);
        model.addAttribute("mayEdit", EvaluationService.mayEdit(scope, activity));
        List<EvaluationService.Partner> partners = evaluations.partners(scope.id());
        model.addAttribute("partners", partners);
        // what a reader sees: the partners ticked, then those written in words
        List<String> chosen = new ArrayList<>(partners.stream().filter(p -> form.partnerTicked(p.id()))
                .map(EvaluationService.Partner::name).toList());
        if (form.partnersText != null && !form.partnersText.isBlank()) {
            chosen.add(form.partnersText.trim());
        }
        model.addAttribute("chosenPartners", chosen.isEmpty() ? List.of("—") : chosen);
        model.addAttribute("reachedCodes", EvaluationService.REACHED);
        ActivityReach.Reached reached = reach.reached(scope.id(), activity.id(), year);
        EvaluationService.Evaluation saved = (EvaluationService.Evaluation) model.getAttribute("saved");
        Integer expected = saved == null ? null : saved.values().publicExpected();
        model.addAttribute("reached", reached);
        model.addAttribute("expected", expected);
        // the gap between the persons reached and those expected: positive when more came
        model.addAttribute("gap", expected == null ? null : reached.persons() - expected);
        model.addAttribute("years", evaluations.years(scope.id(), activity.id()));
        return "activities/evaluation";
    }

    /** The centre's activity; another centre's, or a year no one writes a bilan for, is not found. */
    private ActivityService.Activity activity(CentreScope scope, long id, int year) {
        if (year < 1900 || year > 2100) {
            throw new NotFound("Fiche introuvable.");
        }
        return activities.find(scope.id(), id).orElseThrow(ActivityController::notFound);
    }
}
