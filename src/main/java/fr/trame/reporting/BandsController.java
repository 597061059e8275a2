package fr.trame.reporting;

import fr.trame.centre.CentreScope;
import fr.trame.form.Bands;
import fr.trame.form.FieldErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The centre's own age and QF bands, which its pages and report count publics by. */
@Controller
class BandsController {

    private final BandService bands;

    BandsController(BandService bands) {
        this.bands = bands;
    }

    @GetMapping("/c/{centre}/tranches")
    String bandsForm(CentreScope scope, Model model) {
        model.addAttribute("age", bands.age(scope.id()).text());
        model.addAttribute("qf", bands.qf(scope.id()).text());
        model.addAttribute("canWrite", scope.canDirect());
        return "reporting/bands";
    }

    @PostMapping("/c/{centre}/tranches")
    String saveBands(CentreScope scope, @RequestParam String age, @RequestParam String qf, Model model,
                     RedirectAttributes flash) {
        scope.requireDirection();
        FieldErrors errors = new FieldErrors();
        Bands ageBands = null;
        Bands qfBands = null;
        try {
            ageBands = Bands.parse(age);
        } catch (IllegalArgumentException e) {
            errors.add("age", "Âges : " + e.getMessage());
        }
        try {
            qfBands = Bands.parse(qf);
        } catch (IllegalArgumentException e) {
            errors.add("qf", "QF : " + e.getMessage());
        }
        if (errors.any()) {
            model.addAttribute("age", age);
            model.addAttribute("qf", qf);
            model.addAttribute("errors", errors);
            model.addAttribute("canWrite", true);
            return "reporting/bands";
        }
        bands.save(scope.id(), "age", ageBands.equals(Bands.STANDARD_AGE) ? null : ageBands);
        bands.save(scope.id(), "qf", qfBands.equals(Bands.STANDARD_QF) ? null : qfBands);
        flash.addFlashAttribute("message", "Tranches enregistrées.");
        return "redirect:" + scope.base() + "/tranches";
    }
}
