package fr.trame.territory;

import fr.trame.centre.CentreScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
public class QuartierController {

    private final QuartierService quartiers;

    public QuartierController(QuartierService quartiers) {
        this.quartiers = quartiers;
    }

    @GetMapping("/c/{centre}/quartiers")
    String list(CentreScope scope, Model model) {
        model.addAttribute("quartiers", quartiers.list(scope.id()));
        return "quartiers";
    }

    @PostMapping("/c/{centre}/quartiers")
    String create(CentreScope scope, @RequestParam String name, @RequestParam(defaultValue = "false") boolean qpv,
                  RedirectAttributes flash) {
        scope.requireRegisterEdit();
        if (name.isBlank()) {
            flash.addFlashAttribute("error", "Indiquez le nom du quartier.");
        } else {
            quartiers.create(scope.id(), name, qpv);
            flash.addFlashAttribute("message", "Quartier « " + name.trim() + " » enregistré.");
        }
        return "redirect:" + scope.base() + "/quartiers";
    }

    @PostMapping("/c/{centre}/quartiers/{id}/qpv")
    String setQpv(CentreScope scope, @PathVariable long id, @RequestParam boolean qpv) {
        scope.requireRegisterEdit();
        quartiers.setQpv(scope.id(), id, qpv);
        return "redirect:" + scope.base() + "/quartiers";
    }
}
