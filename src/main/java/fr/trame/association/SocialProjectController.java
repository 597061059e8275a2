package fr.trame.association;

import fr.trame.activities.ActivityService;
import fr.trame.centre.CentreScope;
import fr.trame.form.FormReader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

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

    @PostMapping("/c/{centre}/projet-social")
    String create(CentreScope scope, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        String title = f.text("title", "le titre du projet", true);
        Integer start = f.integer("startYear", "la première année", true, 2000, 2100);
        return FormOutcome.saveAndReturn(scope, f, flash, "/projet-social?annee=" + (start == null ? "" : start),
                () -> projects.createProject(scope.id(), title, start), "Projet social enregistré.");
    }

    @PostMapping("/c/{centre}/projet-social/{project}/axes")
    String addAxis(CentreScope scope, @PathVariable long project, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        String title = f.text("title", "l'intitulé de l'axe", true);
        return FormOutcome.saveAndReturn(scope, f, flash, "/projet-social", () -> projects.addAxis(scope.id(), project, title), "Axe ajouté.");
    }

    @PostMapping("/c/{centre}/projet-social/axes/{axis}/objectifs")
    String addObjective(CentreScope scope, @PathVariable long axis, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        String title = f.text("title", "l'objectif", true);
        return FormOutcome.saveAndReturn(scope, f, flash, "/projet-social", () -> projects.addObjective(scope.id(), axis, title),
                "Objectif ajouté.");
    }

    /** A fiche-action, an activity linked, or an indicator, added to an objective. */
    @PostMapping("/c/{centre}/projet-social/objectifs/{objective}")
    String addToObjective(CentreScope scope, @PathVariable long objective, @RequestParam Map<String, String> form,
                          RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        String what = form.getOrDefault("what", "");
        Runnable save = switch (what) {
            case "fiche" -> {
                String title = f.text("title", "le titre de la fiche-action", true);
                yield () -> projects.addSheet(scope.id(), objective, title, f.text("description", "", false));
            }
            case "activite" -> {
                Long activity = f.id("activityId", "l'activité", true);
                if (activity != null && activities.find(scope.id(), activity).isEmpty()) {
                    f.errors().add("activityId", "Choisissez l'activité dans la liste.");
                }
                yield () -> projects.linkActivity(scope.id(), objective, activity);
            }
            default -> {
                String label = f.text("label", "l'intitulé de l'indicateur", true);
                String metric = f.choice("metric", "le chiffre de Trame", false, metrics.offered().keySet());
                BigDecimal target = f.decimal("target", "la cible", false, BigDecimal.ZERO, MAX);
                yield () -> projects.addIndicator(scope.id(), objective, label, metric, target);
            }
        };
        return FormOutcome.saveAndReturn(scope, f, flash, "/projet-social", save, "Objectif complété.");
    }

    @PostMapping("/c/{centre}/projet-social/indicateurs/{indicator}")
    String saveValue(CentreScope scope, @PathVariable long indicator, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        Integer year = f.integer("year", "l'année", true, 2000, 2100);
        BigDecimal value = f.decimal("value", "la valeur constatée", true, BigDecimal.ZERO, MAX);
        return FormOutcome.saveAndReturn(scope, f, flash, "/projet-social?annee=" + year,
                () -> projects.saveValue(scope.id(), indicator, year, value), "Valeur enregistrée.");
    }
}
