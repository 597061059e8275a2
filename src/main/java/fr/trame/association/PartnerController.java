package fr.trame.association;

import fr.trame.centre.CentreScope;
import fr.trame.form.FormReader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.Map;

/** Partners, their conventions and permanences, and the centre's agréments: read by all staff, kept by direction. */
@Controller
class PartnerController {

    private final PartnerService partners;
    private final FundingService funding;

    public PartnerController(PartnerService partners, FundingService funding) {
        this.partners = partners;
        this.funding = funding;
    }

    @GetMapping("/c/{centre}/partenaires")
    String page(CentreScope scope, @RequestParam(required = false) Integer annee, Model model) {
        int year = annee == null ? scope.today().getYear() : annee;
        model.addAttribute("year", year);
        model.addAttribute("partners", partners.list(scope.id()));
        model.addAttribute("conventions", partners.conventions(scope.id(), year));
        model.addAttribute("permanences", partners.permanences(scope.id(), year));
        model.addAttribute("kinds", PartnerService.KINDS);
        return "association/partners";
    }

    @PostMapping("/c/{centre}/partenaires")
    String create(CentreScope scope, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        String name = f.text("name", "le nom du partenaire", true);
        String kind = f.choice("kind", "le type de partenaire", true, PartnerService.KINDS);
        return FormOutcome.saveAndReturn(scope, f, flash, "/partenaires", () -> partners.create(scope.id(), name, kind, f.text("contact", "", false)),
                "Partenaire « " + name + " » enregistré.");
    }

    @PostMapping("/c/{centre}/partenaires/conventions")
    String addConvention(CentreScope scope, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        Long partner = f.id("partnerId", "le partenaire", true);
        String object = f.text("object", "l'objet de la convention", true);
        LocalDate start = f.date("startDate", "le début de la convention", true);
        LocalDate end = f.date("endDate", "la fin de la convention", false);
        LocalDate signed = f.date("signedOn", "la date de signature", false);
        f.notBefore("endDate", end, start);
        return FormOutcome.saveAndReturn(scope, f, flash, "/partenaires", () -> partners.addConvention(scope.id(), partner, object, start, end, signed),
                "Convention enregistrée.");
    }

    @PostMapping("/c/{centre}/partenaires/permanences")
    String addPermanence(CentreScope scope, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        Long partner = f.id("partnerId", "le partenaire", true);
        String label = f.text("label", "l'objet de la permanence", true);
        LocalDate start = f.date("startDate", "le début", true);
        LocalDate end = f.date("endDate", "la fin", false);
        f.notBefore("endDate", end, start);
        return FormOutcome.saveAndReturn(scope, f, flash, "/partenaires",
                () -> partners.addPermanence(scope.id(), partner, label, f.text("schedule", "", false), start, end),
                "Permanence enregistrée.");
    }

    @GetMapping("/c/{centre}/agrements")
    String agrements(CentreScope scope, Model model) {
        model.addAttribute("agrements", funding.agrements(scope.id()));
        model.addAttribute("today", scope.today());
        return "association/agrements";
    }

    @PostMapping("/c/{centre}/agrements")
    String addAgrement(CentreScope scope, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        String label = f.text("label", "l'objet de l'agrément", true);
        String issuer = f.text("issuer", "qui le délivre (CAF, SDJES…)", true);
        LocalDate start = f.date("startDate", "le début de l'agrément", true);
        LocalDate end = f.date("endDate", "la fin de l'agrément", false);
        f.notBefore("endDate", end, start);
        return FormOutcome.saveAndReturn(scope, f, flash, "/agrements",
                () -> funding.addAgrement(scope.id(), label, issuer, start, end, f.text("reference", "", false)),
                "Agrément enregistré.");
    }
}
