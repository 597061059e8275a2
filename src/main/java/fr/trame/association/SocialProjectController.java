package fr.trame.association;

import fr.trame.activities.ActivityService;
import fr.trame.centre.CentreScope;
import fr.trame.form.Checks;
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

import java.math.BigDecimal;

/** The projet social and its evaluation: objectives, their activities and their indicators for a year. */
@Controller
class SocialProjectController {

    private static final BigDecimal MAX = new BigDecimal("9999999999");

    private final SocialProjectService projects;
    private final ProjectMetrics metrics;
    private final ActivityService activities;

    public SocialProjectController(SocialProjectService projects, ProjectMetrics metrics, ActivityService activities) {
        this.projects = projects;
        this.metrics = metrics;
        this.activities = activities;
    }

    @GetMapping("/c/{centre}/projet-social")
    String page(CentreScope scope, @RequestParam(required = false) Integer annee, Model model) {
        int year = annee == null ? scope.today().getYear() : annee;
        model.addAttribute("year", year);
        projects.current(scope.id(), year).ifPresent(p -> {
            model.addAttribute("project", p);
            model.addAttribute("axes", projects.axes(scope.id(), p.id(), year));
        });
        model.addAttribute("metrics", metrics.offered());
        model.addAttribute("activities", activities.list(scope.id()));
        return "association/project";
    }

    static final class ProjectForm implements Form {
        public String title;
        public String startYear;
        /** Read by {@link #validate}. */
        private Integer start;

        @Override
        public void validate(Errors errors) {
            Checks.text(errors, "title", title, true);
            start = Checks.integer(errors, "startYear", startYear, true, 2000, 2100);
        }
    }

    @PostMapping("/c/{centre}/projet-social")
    String create(CentreScope scope, @Validated ProjectForm form, BindingResult binding, RedirectAttributes flash) {
        scope.requireDirection();
        return FormOutcome.saveAndReturn(scope, form, binding, flash, "/projet-social?annee=" + (form.start == null ? "" : form.start),
                () -> projects.createProject(scope.id(), form.title.trim(), form.start), "Projet social enregistré.");
    }

    /** An axis or an objective: a title. */
    static class TitleForm implements Form {
        public String title;

        @Override
        public void validate(Errors errors) {
            Checks.text(errors, "title", title, true);
        }
    }

    @PostMapping("/c/{centre}/projet-social/{project}/axes")
    String addAxis(CentreScope scope, @PathVariable long project, @Validated AxisForm form, BindingResult binding,
                   RedirectAttributes flash) {
        scope.requireDirection();
        return FormOutcome.saveAndReturn(scope, form, binding, flash, "/projet-social",
                () -> projects.addAxis(scope.id(), project, form.title.trim()), "Axe ajouté.");
    }

    static final class AxisForm extends TitleForm {
    }

    @PostMapping("/c/{centre}/projet-social/axes/{axis}/objectifs")
    String addObjective(CentreScope scope, @PathVariable long axis, @Validated ObjectiveForm form, BindingResult binding,
                        RedirectAttributes flash) {
        scope.requireDirection();
        return FormOutcome.saveAndReturn(scope, form, binding, flash, "/projet-social",
                () -> projects.addObjective(scope.id(), axis, form.title.trim()), "Objectif ajouté.");
    }

    static final class ObjectiveForm extends TitleForm {
    }

    /** What is added to an objective: a fiche-action ({@code fiche}), an activity ({@code activite}) or an indicator. */
    static final class ObjectivePartForm implements Form {
        public String what;
        public String title;
        public String description;
        public String activityId;
        public String label;
        public String metric;
        public String target;
        /** Read by {@link #validate}. */
        private Long activity;
        private BigDecimal targetValue;

        @Override
        public void validate(Errors errors) {
            switch (what == null ? "" : what) {
                case "fiche" -> Checks.text(errors, "title", title, true);
                case "activite" -> activity = Checks.id(errors, "activityId", activityId, true);
                default -> {
                    Checks.text(errors, "label", label, true);
                    targetValue = Checks.decimal(errors, "target", target, false, BigDecimal.ZERO, MAX);
                }
            }
        }
    }

    /** A fiche-action, an activity linked, or an indicator, added to an objective. */
    @PostMapping("/c/{centre}/projet-social/objectifs/{objective}")
    String addToObjective(CentreScope scope, @PathVariable long objective, @Validated ObjectivePartForm form,
                          BindingResult binding, RedirectAttributes flash) {
        scope.requireDirection();
        Runnable save = switch (form.what == null ? "" : form.what) {
            case "fiche" -> () -> projects.addSheet(scope.id(), objective, form.title.trim(), Checks.clean(form.description));
            case "activite" -> {
                if (form.activity != null && activities.find(scope.id(), form.activity).isEmpty()) {
                    binding.rejectValue("activityId", "choice");
                }
                yield () -> projects.linkActivity(scope.id(), objective, form.activity);
            }
            default -> {
                String metric = Checks.choice(binding, "metric", form.metric, false, metrics.offered().keySet());
                yield () -> projects.addIndicator(scope.id(), objective, form.label.trim(), metric, form.targetValue);
            }
        };
        return FormOutcome.saveAndReturn(scope, form, binding, flash, "/projet-social", save, "Objectif complété.");
    }

    static final class ValueForm implements Form {
        public String year;
        public String value;
        /** Read by {@link #validate}. */
        private Integer yearValue;
        private BigDecimal number;

        @Override
        public void validate(Errors errors) {
            yearValue = Checks.integer(errors, "year", year, true, 2000, 2100);
            number = Checks.decimal(errors, "value", value, true, BigDecimal.ZERO, MAX);
        }
    }

    @PostMapping("/c/{centre}/projet-social/indicateurs/{indicator}")
    String saveValue(CentreScope scope, @PathVariable long indicator, @Validated ValueForm form, BindingResult binding,
                     RedirectAttributes flash) {
        scope.requireDirection();
        return FormOutcome.saveAndReturn(scope, form, binding, flash, "/projet-social?annee=" + form.yearValue,
                () -> projects.saveValue(scope.id(), indicator, form.yearValue, form.number), "Valeur enregistrée.");
    }
}
