package fr.trame.reception;

import fr.trame.centre.CentreScope;
import fr.trame.form.Refused;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;

/** The direction's page of the centre's outcomes (case files, insertion workshops): add, rename, archive. */
@Controller
class OutcomeController {

    private final CaseOutcomeService outcomes;

    OutcomeController(CaseOutcomeService outcomes) {
        this.outcomes = outcomes;
    }

    @GetMapping("/c/{centre}/accueil/issues")
    String list(CentreScope scope, Model model) {
        scope.requireDirection();
        model.addAttribute("outcomes", outcomes.all(scope.id()));
        model.addAttribute("crumbs", List.of(Arrays.asList("Accueil", scope.base() + "/accueil"),
                Arrays.asList("Issues des accompagnements", null)));
        return "reception/outcomes";
    }

    @PostMapping("/c/{centre}/accueil/issues")
    String add(CentreScope scope, @RequestParam(defaultValue = "") String label, RedirectAttributes flash) {
        scope.requireDirection();
        if (label.isBlank()) {
            flash.addFlashAttribute("error", "Indiquez le nom de la nouvelle issue.");
        } else {
            try {
                CaseOutcomeService.CaseOutcome o = outcomes.add(scope.id(), label);
                flash.addFlashAttribute("message", "Issue « " + o.label() + " » ajoutée.");
            } catch (Refused e) {
                flash.addFlashAttribute("error", e.getMessage());
            }
        }
        return "redirect:" + scope.base() + "/accueil/issues";
    }

    @PostMapping("/c/{centre}/accueil/issues/{id}")
    String rename(CentreScope scope, @PathVariable long id, @RequestParam(defaultValue = "") String label,
                  RedirectAttributes flash) {
        scope.requireDirection();
        outcomes.find(scope.id(), id);
        if (label.isBlank()) {
            flash.addFlashAttribute("error", "Indiquez le nouveau nom de l'issue : une issue garde toujours un nom.");
        } else {
            try {
                outcomes.rename(scope.id(), id, label);
                flash.addFlashAttribute("message", "Issue renommée « " + label.trim() + " ».");
            } catch (Refused e) {
                flash.addFlashAttribute("error", e.getMessage());
            }
        }
        return "redirect:" + scope.base() + "/accueil/issues";
    }

    @PostMapping("/c/{centre}/accueil/issues/{id}/archive")
    String archive(CentreScope scope, @PathVariable long id, @RequestParam(defaultValue = "true") boolean archived,
                   RedirectAttributes flash) {
        scope.requireDirection();
        CaseOutcomeService.CaseOutcome o = outcomes.find(scope.id(), id);
        outcomes.archive(scope.id(), id, archived);
        flash.addFlashAttribute("message", "Issue « " + o.label() + " » " + (archived ? "archivée : elle n'est plus proposée."
                : "de nouveau proposée."));
        return "redirect:" + scope.base() + "/accueil/issues";
    }
}
