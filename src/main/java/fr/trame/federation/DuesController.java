package fr.trame.federation;

import fr.trame.form.Checks;
import fr.trame.form.Form;
import fr.trame.form.Parse;
import fr.trame.form.Vocabulary;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Dues (cotisations): the year's page and one call's page. The direction writes; délégués and readers read. */
@Controller
class DuesController {

    private final DuesService dues;
    private final StructureService structures;

    DuesController(DuesService dues, StructureService structures) {
        this.dues = dues;
        this.structures = structures;
    }

    @GetMapping("/f/{federation}/cotisations")
    String year(FederationScope fed, @RequestParam(required = false) String annee, Model model) {
        int year = Parse.reportYear(annee, fed.today().getYear());
        List<DuesService.Preview> preview = dues.preview(fed.id(), year, DuesService.memberDay(year, fed.today()));
        model.addAttribute("year", year);
        model.addAttribute("schedule", dues.schedule(fed.id(), year).orElse(null));
        model.addAttribute("preview", preview);
        model.addAttribute("toIssue", preview.stream().filter(p -> p.budget() != null && p.callId() == null).toList());
        model.addAttribute("undeclared", preview.stream().filter(p -> p.budget() == null).count());
        model.addAttribute("calls", dues.calls(fed.id(), year));
        model.addAttribute("totals", dues.totals(fed.id(), year));
        model.addAttribute("owed", dues.owedByStructure(fed.id(), year));
        model.addAttribute("structures", fed.isDirection() ? structures.list(fed.id(), StructureFilter.ALL, fed.today()) : List.of());
        return "federation/dues";
    }

    static final class DuesScheduleForm implements Form {
        public String year;
        public String rate;
        public String floor;
        public String ceiling;
        private Integer yearValue;
        private Integer rateBp;
        private Long floorCents;
        private Long ceilingCents;

        @Override
        public void validate(Errors errors) {
            yearValue = Checks.integer(errors, "year", year, true, Parse.FIRST_REPORT_YEAR, Parse.LAST_REPORT_YEAR);
            BigDecimal percent = Checks.decimal(errors, "rate", rate, true, BigDecimal.ZERO, BigDecimal.valueOf(100));
            if (percent != null && percent.stripTrailingZeros().scale() > 2) {
                errors.rejectValue("rate", "rateDecimals");
            } else if (percent != null) {
                rateBp = percent.movePointRight(2).intValueExact();
            }
            floorCents = Checks.cents(errors, "floor", floor, true);
            ceilingCents = Checks.cents(errors, "ceiling", ceiling, true);
            if (floorCents != null && ceilingCents != null && ceilingCents < floorCents) {
                errors.rejectValue("ceiling", "ceilingBelowFloor");
            }
        }
    }

    @PostMapping("/f/{federation}/cotisations/regle")
    String setSchedule(FederationScope fed, @Validated DuesScheduleForm form, BindingResult binding, RedirectAttributes flash) {
        fed.requireDirection();
        String page = "/cotisations" + (form.yearValue == null ? "" : "?annee=" + form.yearValue);
        if (binding.hasErrors()) {
            return ProgrammeController.refused(fed, form, binding, flash, page);
        }
        dues.setSchedule(fed.id(), form.yearValue, form.rateBp, form.floorCents, form.ceilingCents);
        flash.addFlashAttribute("message", "Règle de cotisation " + form.yearValue + " enregistrée.");
        return "redirect:" + fed.base() + page;
    }

    static final class DuesBudgetForm implements Form {
        public String year;
        public String structureId;
        public String budget;
        private Integer yearValue;
        private Long structure;
        private Long cents;

        @Override
        public void validate(Errors errors) {
            yearValue = Checks.integer(errors, "year", year, true, Parse.FIRST_REPORT_YEAR, Parse.LAST_REPORT_YEAR);
            structure = Checks.id(errors, "structureId", structureId, true);
            cents = Checks.cents(errors, "budget", budget, true);
        }
    }

    @PostMapping("/f/{federation}/cotisations/budgets")
    String declareBudget(FederationScope fed, @Validated DuesBudgetForm form, BindingResult binding, RedirectAttributes flash) {
        fed.requireDirection();
        String page = "/cotisations" + (form.yearValue == null ? "" : "?annee=" + form.yearValue);
        if (binding.hasErrors()) {
            return ProgrammeController.refused(fed, form, binding, flash, page);
        }
        dues.declareBudget(fed.id(), form.yearValue, form.structure, form.cents);
        flash.addFlashAttribute("message", "Budget déclaré enregistré.");
        return "redirect:" + fed.base() + page + "#apercu";
    }

    @PostMapping("/f/{federation}/cotisations/appels")
    String issue(FederationScope fed, @RequestParam(defaultValue = "") String year, RedirectAttributes flash) {
        fed.requireDirection();
        Integer asked = Parse.reportYear(year);
        if (asked == null) {
            flash.addFlashAttribute("error", "Année invalide : rien n'est émis.");
            return "redirect:" + fed.base() + "/cotisations";
        }
        int n = dues.issueCalls(fed.id(), asked, fed.today());
        flash.addFlashAttribute("message", n == 0 ? "Aucun appel à émettre." : n + " appel(s) de cotisation émis.");
        return "redirect:" + fed.base() + "/cotisations?annee=" + year + "#appels";
    }

    @GetMapping("/f/{federation}/cotisations/appels/{id}")
    String call(FederationScope fed, @PathVariable long id, Model model) {
        model.addAttribute("call", dues.call(fed.id(), id));
        model.addAttribute("payments", dues.payments(fed.id(), id));
        model.addAttribute("credits", dues.credits(fed.id(), id));
        model.addAttribute("modes", Vocabulary.labels("dues-mode", "virement", "cheque", "prelevement", "especes"));
        return "federation/dues-call";
    }

    static final class DuesCallForm implements Form {
        public String base;
        private Long cents;

        @Override
        public void validate(Errors errors) {
            cents = Checks.cents(errors, "base", base, true);
        }
    }

    /** An action on one call of this federation, by the direction; a refused form goes back to the call's page. */
    private String onCall(FederationScope fed, long id, Form form, BindingResult binding, RedirectAttributes flash,
                          Runnable action, String done) {
        fed.requireDirection();
        dues.call(fed.id(), id);
        String page = "/cotisations/appels/" + id;
        if (binding.hasErrors()) {
            return ProgrammeController.refused(fed, form, binding, flash, page);
        }
        action.run();
        flash.addFlashAttribute("message", done);
        return "redirect:" + fed.base() + page;
    }

    @PostMapping("/f/{federation}/cotisations/appels/{id}")
    String editCall(FederationScope fed, @PathVariable long id, @Validated DuesCallForm form, BindingResult binding,
                    RedirectAttributes flash) {
        return onCall(fed, id, form, binding, flash, () -> dues.editCall(fed.id(), id, form.cents),
                "Appel recalculé sur le nouveau budget.");
    }

    static final class DuesPaymentForm implements Form {
        public String paidOn;
        public String amount;
        public String mode;
        public String reference;
        private LocalDate date;
        private Long cents;

        @Override
        public void validate(Errors errors) {
            date = Checks.date(errors, "paidOn", paidOn, true);
            cents = Checks.cents(errors, "amount", amount, true);
            if (cents != null && cents <= 0) {
                errors.rejectValue("amount", "positive");
            }
            Checks.choice(errors, "mode", mode, true, DuesService.MODES);
            Checks.text(errors, "reference", reference, false, 200);
        }
    }

    @PostMapping("/f/{federation}/cotisations/appels/{id}/paiements")
    String pay(FederationScope fed, @PathVariable long id, @Validated DuesPaymentForm form, BindingResult binding,
               RedirectAttributes flash) {
        return onCall(fed, id, form, binding, flash,
                () -> dues.pay(fed.id(), id, form.date, form.cents, form.mode.trim(), Checks.clean(form.reference)),
                "Paiement enregistré.");
    }

    static final class DuesCreditForm implements Form {
        public String amount;
        public String issuedOn;
        public String reason;
        private LocalDate date;
        private Long cents;

        @Override
        public void validate(Errors errors) {
            cents = Checks.cents(errors, "amount", amount, true);
            if (cents != null && cents <= 0) {
                errors.rejectValue("amount", "positive");
            }
            date = Checks.date(errors, "issuedOn", issuedOn, true);
            Checks.text(errors, "reason", reason, true, 500);
        }
    }

    @PostMapping("/f/{federation}/cotisations/appels/{id}/avoirs")
    String credit(FederationScope fed, @PathVariable long id, @Validated DuesCreditForm form, BindingResult binding,
                  RedirectAttributes flash) {
        return onCall(fed, id, form, binding, flash, () -> dues.credit(fed.id(), id, form.cents, form.date, form.reason),
                "Avoir enregistré.");
    }
}
