package fr.trame.territory;

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

@Controller
class QuartierController {

    private final QuartierService quartiers;

    public QuartierController(QuartierService quartiers) {
        this.quartiers = quartiers;
    }

    @GetMapping("/c/{centre}/quartiers")
    String list(CentreScope scope, Model model) {
        model.addAttribute("quartiers", quartiers.list(scope.id()));
        return "territory/quartiers";
    }

    /** A new quartier: its name, and whether it is a QPV (oui, non, or not known). */
    static final class QuartierForm implements Form {
        public String name;
        public String qpv;

        @Override
        public void validate(Errors errors) {
            Checks.required(errors, "name", name);
        }
    }

    @PostMapping("/c/{centre}/quartiers")
    String create(CentreScope scope, @Validated QuartierForm form, BindingResult binding, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        if (binding.hasErrors()) {
            flash.addFlashAttribute("error", String.join(" ", FieldErrors.of(binding).all().values()));
        } else {
            quartiers.create(scope.id(), form.name, qpvAnswer(form.qpv == null ? "" : form.qpv));
            flash.addFlashAttribute("message", "Quartier « " + form.name.trim() + " » enregistré.");
        }
        return "redirect:" + scope.base() + "/quartiers";
    }

    @PostMapping("/c/{centre}/quartiers/{id}/qpv")
    String setQpv(CentreScope scope, @PathVariable long id, @RequestParam(defaultValue = "") String qpv,
                  RedirectAttributes flash) {
        scope.requireRegisterEdit();
        Boolean answer = qpvAnswer(qpv);
        if (!quartiers.setQpv(scope.id(), id, answer)) {
            throw new NotFound("Ce quartier n'existe pas dans ce centre.");
        }
        flash.addFlashAttribute("message", answer == null ? "Statut QPV du quartier : inconnu."
                : answer ? "Quartier marqué QPV." : "Quartier marqué hors QPV.");
        return "redirect:" + scope.base() + "/quartiers";
    }

    /** oui, non, or anything else: not known. */
    private static Boolean qpvAnswer(String value) {
        return switch (value) {
            case "oui" -> Boolean.TRUE;
            case "non" -> Boolean.FALSE;
            default -> null;
        };
    }
}
