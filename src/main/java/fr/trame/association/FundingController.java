package fr.trame.association;

import fr.trame.centre.CentreScope;
import fr.trame.form.Checks;
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

import java.time.LocalDate;

/** Grant applications, the year's products by funder and its charges: read by staff, kept by direction. */
@Controller
class FundingController {

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

    static final class GrantForm implements Form {
        /** Which form of the page was sent (a hidden field): the page shows what was typed in that one only. */
        public String form;
        public String partnerId;
        public String year;
        public String object;
        public String callName;
        public String deadline;
        public String reportDue;
        public String requested;
        public String granted;
        public String status;
        /** Read by {@link #validate}: the request when the form is right. */
        private FundingService.NewGrant grant;
        private Integer yearValue;

        @Override
        public void validate(Errors errors) {
            Long partner = Checks.id(errors, "partnerId", partnerId, true);
            yearValue = Checks.integer(errors, "year", year, true, 2000, 2100);
            String what = Checks.text(errors, "object", object, true);
            LocalDate due = Checks.date(errors, "deadline", deadline, false);
            LocalDate report = Checks.date(errors, "reportDue", reportDue, false);
            Long asked = Checks.cents(errors, "requested", requested, false);
            Long given = Checks.cents(errors, "granted", granted, false);
            String state = Checks.choice(errors, "status", status, true, FundingService.STATUSES);
            grant = errors.hasErrors() ? null
                    : new FundingService.NewGrant(partner, yearValue, what, Checks.clean(callName), due, report, asked, given, state);
        }
    }

    @PostMapping("/c/{centre}/financements/demandes")
    String createGrant(CentreScope scope, @Validated GrantForm form, BindingResult binding, RedirectAttributes flash) {
        scope.requireDirection();
        Integer year = form.yearValue;
        String page = "/financements?annee=" + (year == null ? scope.today().getYear() : year);
        return FormOutcome.saveAndReturn(scope, form, binding, flash, page,
                () -> funding.createGrant(scope.id(), form.grant), "Demande enregistrée.");
    }

    static final class GrantUpdateForm implements Form {
        public String status;
        public String granted;
        public String year;
        /** Read by {@link #validate}. */
        private Long grantedCents;

        @Override
        public void validate(Errors errors) {
            Checks.choice(errors, "status", status, true, FundingService.STATUSES);
            grantedCents = Checks.cents(errors, "granted", granted, false);
        }
    }

    @PostMapping("/c/{centre}/financements/demandes/{id}")
    String updateGrant(CentreScope scope, @PathVariable long id, @Validated GrantUpdateForm form, BindingResult binding,
                       RedirectAttributes flash) {
        scope.requireDirection();
        return FormOutcome.saveAndReturn(scope, form, binding, flash, "/financements?annee=" + (form.year == null ? "" : form.year),
                () -> funding.updateGrant(scope.id(), id, form.status.trim(), form.grantedCents), "Demande mise à jour.");
    }

    static final class ProductForm implements Form {
        /** Which form of the page was sent (a hidden field): the page shows what was typed in that one only. */
        public String form;
        public String year;
        public String partnerId;
        public String label;
        public String amount;
        /** Read by {@link #validate}. */
        private Integer yearValue;
        private Long partner;
        private Long cents;

        @Override
        public void validate(Errors errors) {
            yearValue = Checks.integer(errors, "year", year, true, 2000, 2100);
            partner = Checks.id(errors, "partnerId", partnerId, false);
            Checks.text(errors, "label", label, partner == null);
            cents = Checks.cents(errors, "amount", amount, true);
        }
    }

    @PostMapping("/c/{centre}/financements/produits")
    String saveProduct(CentreScope scope, @Validated ProductForm form, BindingResult binding, RedirectAttributes flash) {
        scope.requireDirection();
        Long partner = form.partner;
        String label = Checks.clean(form.label);
        String name = label != null || partner == null ? label : partners.list(scope.id()).stream()
                .filter(p -> p.id() == partner).map(PartnerService.Partner::name).findFirst().orElse(null);
        if (name == null && partner != null) {
            binding.rejectValue("partnerId", "choice");
        }
        return FormOutcome.saveAndReturn(scope, form, binding, flash, "/financements?annee=" + form.yearValue,
                () -> funding.saveProduct(scope.id(), form.yearValue, partner, name, form.cents), "Produit enregistré.");
    }

    static final class ChargesForm implements Form {
        /** Which form of the page was sent (a hidden field): the page shows what was typed in that one only. */
        public String form;
        public String year;
        public String charges;
        /** Read by {@link #validate}. */
        private Integer yearValue;
        private Long cents;

        @Override
        public void validate(Errors errors) {
            yearValue = Checks.integer(errors, "year", year, true, 2000, 2100);
            cents = Checks.cents(errors, "charges", charges, true);
        }
    }

    @PostMapping("/c/{centre}/financements/charges")
    String saveCharges(CentreScope scope, @Validated ChargesForm form, BindingResult binding, RedirectAttributes flash) {
        scope.requireDirection();
        return FormOutcome.saveAndReturn(scope, form, binding, flash, "/financements?annee=" + form.yearValue,
                () -> funding.saveCharges(scope.id(), form.yearValue, form.cents), "Charges enregistrées.");
    }
}
