package fr.trame.association;

import fr.trame.centre.CentreScope;
import fr.trame.form.FormReader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.Map;

/** Grant applications, the year's products by funder and its charges: read by staff, kept by direction. */
@Controller
public class FundingController {

    private final FundingService funding;
    private final PartnerService partners;
    private final AssociationIndicators indicators;

    public FundingController(FundingService funding, PartnerService partners, AssociationIndicators indicators) {
        this.funding = funding;
        this.partners = partners;
        this.indicators = indicators;
    }

    @GetMapping("/c/{centre}/financements")
    String page(CentreScope scope, @RequestParam(required = false) Integer annee, Model model) {
        int year = annee == null ? scope.today().getYear() : annee;
        model.addAttribute("year", year);
        model.addAttribute("grants", funding.grants(scope.id(), year));
        model.addAttribute("products", funding.products(scope.id(), year));
        model.addAttribute("charges", funding.charges(scope.id(), year).orElse(null));
        model.addAttribute("figures", indicators.compute(scope.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).funding());
        model.addAttribute("partners", partners.list(scope.id()));
        model.addAttribute("statuses", FundingService.STATUSES);
        return "association/funding";
    }

    @PostMapping("/c/{centre}/financements/demandes")
    String createGrant(CentreScope scope, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        Long partner = f.id("partnerId", "le financeur", true);
        Integer year = f.integer("year", "l'année", true, 2000, 2100);
        String object = f.text("object", "l'objet de la demande", true);
        LocalDate deadline = f.date("deadline", "la date limite de dépôt", false);
        LocalDate reportDue = f.date("reportDue", "la date du bilan", false);
        Long requested = f.cents("requested", "le montant demandé", false);
        Long granted = f.cents("granted", "le montant accordé", false);
        String status = f.choice("status", "l'état", true, FundingService.STATUSES);
        return FormOutcome.saveAndReturn(scope, f, flash, "/financements?annee=" + (year == null ? scope.today().getYear() : year),
                () -> funding.createGrant(scope.id(), new FundingService.NewGrant(partner, year, object, f.text("callName", "", false),
                        deadline, reportDue, requested, granted, status)), "Demande enregistrée.");
    }

    @PostMapping("/c/{centre}/financements/demandes/{id}")
    String updateGrant(CentreScope scope, @PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        String status = f.choice("status", "l'état", true, FundingService.STATUSES);
        Long granted = f.cents("granted", "le montant accordé", false);
        return FormOutcome.saveAndReturn(scope, f, flash, "/financements?annee=" + form.getOrDefault("year", ""),
                () -> funding.updateGrant(scope.id(), id, status, granted), "Demande mise à jour.");
    }

    @PostMapping("/c/{centre}/financements/produits")
    String saveProduct(CentreScope scope, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        Integer year = f.integer("year", "l'année", true, 2000, 2100);
        Long partner = f.id("partnerId", "le financeur", false);
        String label = f.text("label", "la source du produit", partner == null);
        Long amount = f.cents("amount", "le montant", true);
        String name = label != null || partner == null ? label : partners.list(scope.id()).stream()
                .filter(p -> p.id() == partner).map(PartnerService.Partner::name).findFirst().orElse(null);
        if (name == null && partner != null) {
            f.errors().add("partnerId", "Choisissez le financeur dans la liste.");
        }
        return FormOutcome.saveAndReturn(scope, f, flash, "/financements?annee=" + year,
                () -> funding.saveProduct(scope.id(), year, partner, name, amount), "Produit enregistré.");
    }

    @PostMapping("/c/{centre}/financements/charges")
    String saveCharges(CentreScope scope, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        Integer year = f.integer("year", "l'année", true, 2000, 2100);
        Long charges = f.cents("charges", "le total des charges", true);
        return FormOutcome.saveAndReturn(scope, f, flash, "/financements?annee=" + year,
                () -> funding.saveCharges(scope.id(), year, charges), "Charges enregistrées.");
    }
}
