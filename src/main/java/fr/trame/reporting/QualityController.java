package fr.trame.reporting;

import fr.trame.form.NotFound;
import fr.trame.centre.CentreScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;

/** The records that make the figures uncertain (no birth date, no quartier…), to fix them. */
@Controller
class QualityController {

    private final QualityService quality;

    QualityController(QualityService quality) {
        this.quality = quality;
    }

    @GetMapping("/c/{centre}/qualite")
    String qualityList(CentreScope scope, @RequestParam String quoi, @RequestParam LocalDate from,
                       @RequestParam LocalDate to, Model model) {
        scope.requirePersonalData();
        String label = quality.label(quoi);
        if (label == null) {
            throw new NotFound();
        }
        model.addAttribute("label", label);
        model.addAttribute("items", quality.items(scope.id(), quoi, from, to));
        return "reporting/quality";
    }
}
