package fr.trame.people;

import fr.trame.centre.CentreScope;
import fr.trame.form.Refused;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/** The centre's situation flags: the direction lists, adds, renames and archives them. */
@Controller
class FlagController {

    private final FlagService flags;

    FlagController(FlagService flags) {
        this.flags = flags;
    }

    @GetMapping("/c/{centre}/situations")
    String list(CentreScope scope, Model model) {
        scope.requireDirection();
        return page(scope, model, "", "", null, null);
    }

    /** A new flag; refused, the page comes back with the message beside its field and what was typed. */
    @PostMapping("/c/{centre}/situations")
    String add(CentreScope scope, @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String label,
               Model model, RedirectAttributes flash) {
        scope.requireDirection();
        try {
            FlagService.Flag f = flags.add(scope.id(), code, label);
            flash.addFlashAttribute("message", "Situation « " + f.label() + " » ajoutée (code " + f.code() + ").");
        } catch (Refused e) {
            model.addAttribute("error", "La situation n'est pas ajoutée : " + e.getMessage());
            return page(scope, model, code, label, e.field(), e.getMessage());
        }
        return "redirect:" + scope.base() + "/situations";
    }

    /** The suggested starting set, in one click (those the centre already has are left alone). */
    @PostMapping("/c/{centre}/situations/suggestions")
    String addSuggestions(CentreScope scope, RedirectAttributes flash) {
        scope.requireDirection();
        Map<String, String> left = flags.suggestions(scope.id());
        left.forEach((code, label) -> flags.add(scope.id(), code, label));
        flash.addFlashAttribute("message", left.size() + " situation(s) proposée(s) ajoutée(s).");
        return "redirect:" + scope.base() + "/situations";
    }

    @PostMapping("/c/{centre}/situations/{id}/libelle")
    String rename(CentreScope scope, @PathVariable long id, @RequestParam(defaultValue = "") String label,
                  RedirectAttributes flash) {
        scope.requireDirection();
        try {
            flags.rename(scope.id(), id, label);
            flash.addFlashAttribute("message", "Libellé enregistré.");
        } catch (Refused e) {
            flash.addFlashAttribute("error", "Libellé non enregistré : " + e.getMessage());
        }
        return "redirect:" + scope.base() + "/situations";
    }

    @PostMapping("/c/{centre}/situations/{id}/archive")
    String archive(CentreScope scope, @PathVariable long id, @RequestParam(defaultValue = "true") boolean archived,
                   RedirectAttributes flash) {
        scope.requireDirection();
        FlagService.Flag f = flags.find(scope.id(), id);
        flags.archive(scope.id(), id, archived);
        flash.addFlashAttribute("message", "Situation « " + f.label() + " » " + (archived
                ? "archivée : elle n'est plus proposée, les personnes qui l'ont la gardent." : "de nouveau proposée."));
        return "redirect:" + scope.base() + "/situations";
    }

    private String page(CentreScope scope, Model model, String code, String label, String field, String message) {
        model.addAttribute("flags", flags.all(scope.id()));
        model.addAttribute("suggestions", flags.suggestions(scope.id()));
        model.addAttribute("code", code);
        model.addAttribute("label", label);
        model.addAttribute("field", field);
        model.addAttribute("fieldMessage", message);
        return "people/flags/list";
    }
}
