package fr.trame.association;

import fr.trame.centre.CentreScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;

/** The association at a glance: the year's figures of each part, and the way to each page. */
@Controller
class AssociationController {

    private final AssociationIndicators indicators;
    private final FundingService funding;

    public AssociationController(AssociationIndicators indicators, FundingService funding) {
        this.indicators = indicators;
        this.funding = funding;
    }

    @GetMapping("/c/{centre}/association")
    String hub(CentreScope scope, @RequestParam(required = false) Integer annee, Model model) {
        int year = annee == null ? scope.today().getYear() : annee;
        model.addAttribute("year", year);
        model.addAttribute("a", indicators.compute(scope.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        model.addAttribute("dues", funding.dueSoon(scope.id(), scope.today()));
        return "association/hub";
    }
}
