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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;

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

    static final class PartnerForm implements Form {
        public String name;
        public String kind;
        public String contact;

        @Override
        public void validate(Errors errors) {
            Checks.text(errors, "name", name, true);
            Checks.choice(errors, "kind", kind, true, PartnerService.KINDS);
        }
    }

    @PostMapping("/c/{centre}/partenaires")
    String create(CentreScope scope, @Validated PartnerForm form, BindingResult binding, RedirectAttributes flash) {
        scope.requireDirection();
        String name = Checks.clean(form.name);
        return FormOutcome.saveAndReturn(scope, form, binding, flash, "/partenaires",
                () -> partners.create(scope.id(), name, form.kind.trim(), Checks.clean(form.contact)),
                "Partenaire « " + name + " » enregistré.");
    }

    static final class ConventionForm implements Form {
        public String partnerId;
        public String object;
        public String startDate;
        public String endDate;
        public String signedOn;

        @Override
        public void validate(Errors errors) {
            Checks.id(errors, "partnerId", partnerId, true);
            Checks.text(errors, "object", object, true);
            LocalDate start = Checks.date(errors, "startDate", startDate, true);
            LocalDate end = Checks.date(errors, "endDate", endDate, false);
            Checks.date(errors, "signedOn", signedOn, false);
            Checks.notBefore(errors, "endDate", end, start);
        }
    }

    @PostMapping("/c/{centre}/partenaires/conventions")
    String addConvention(CentreScope scope, @Validated ConventionForm form, BindingResult binding, RedirectAttributes flash) {
        scope.requireDirection();
        return FormOutcome.saveAndReturn(scope, form, binding, flash, "/partenaires",
                () -> partners.addConvention(scope.id(), Long.valueOf(form.partnerId.trim()), form.object.trim(),
                        Checks.date(form.startDate), Checks.date(form.endDate), Checks.date(form.signedOn)),
                "Convention enregistrée.");
    }

    static final class PermanenceForm implements Form {
        public String partnerId;
        public String label;
        public String schedule;
        public String startDate;
        public String endDate;

        @Override
        public void validate(Errors errors) {
            Checks.id(errors, "partnerId", partnerId, true);
            Checks.text(errors, "label", label, true);
            LocalDate start = Checks.date(errors, "startDate", startDate, true);
            LocalDate end = Checks.date(errors, "endDate", endDate, false);
            Checks.notBefore(errors, "endDate", end, start);
        }
    }

    @PostMapping("/c/{centre}/partenaires/permanences")
    String addPermanence(CentreScope scope, @Validated PermanenceForm form, BindingResult binding, RedirectAttributes flash) {
        scope.requireDirection();
        return FormOutcome.saveAndReturn(scope, form, binding, flash, "/partenaires",
                () -> partners.addPermanence(scope.id(), Long.valueOf(form.partnerId.trim()), form.label.trim(),
                        Checks.clean(form.schedule), Checks.date(form.startDate), Checks.date(form.endDate)),
                "Permanence enregistrée.");
    }

    @GetMapping("/c/{centre}/agrements")
    String agrements(CentreScope scope, Model model) {
        model.addAttribute("agrements", funding.agrements(scope.id()));
        model.addAttribute("today", scope.today());
        return "association/agrements";
    }

    static final class AgrementForm implements Form {
        public String label;
        public String issuer;
        public String startDate;
        public String endDate;
        public String reference;

        @Override
        public void validate(Errors errors) {
            Checks.text(errors, "label", label, true);
            Checks.text(errors, "issuer", issuer, true);
            LocalDate start = Checks.date(errors, "startDate", startDate, true);
            LocalDate end = Checks.date(errors, "endDate", endDate, false);
            Checks.notBefore(errors, "endDate", end, start);
        }
    }

    @PostMapping("/c/{centre}/agrements")
    String addAgrement(CentreScope scope, @Validated AgrementForm form, BindingResult binding, RedirectAttributes flash) {
        scope.requireDirection();
        return FormOutcome.saveAndReturn(scope, form, binding, flash, "/agrements",
                () -> funding.addAgrement(scope.id(), form.label.trim(), form.issuer.trim(), Checks.date(form.startDate),
                        Checks.date(form.endDate), Checks.clean(form.reference)),
                "Agrément enregistré.");
    }
}
