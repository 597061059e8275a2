package fr.trame.training;

import fr.trame.csv.ListDownload;
import fr.trame.federation.FederationScope;
import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
import fr.trame.form.Parse;
import fr.trame.form.Refused;
import fr.trame.form.Vocabulary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training funds (FOSFORA and others): the funds and their envelopes by year, one envelope's reconciliation with
 * its lines and what each structure receives, one line with the sessions it covers. The direction writes; délégués and
 * readers read (a reader sees no volunteer's name).
 */
@Controller
class FundController {

    private final FundService funds;
    private final TrainingService training;

    FundController(FundService funds, TrainingService training) {
        this.funds = funds;
        this.training = training;
    }

    // --- the funds and their envelopes

    @GetMapping("/f/{federation}/formation/fonds")
    String list(FederationScope fed, Model model) {
        return listPage(fed, model, null, Map.of(), new FieldErrors());
    }

    private String listPage(FederationScope fed, Model model, String failed, Map<String, String> typed, FieldErrors errors) {
        model.addAttribute("funds", funds.funds(fed.id()));
        model.addAttribute("envelopes", funds.envelopes(fed.id()));
        model.addAttribute("kinds", Vocabulary.labels("fund-kind", FundService.KINDS.toArray(String[]::new)));
        model.addAttribute("failed", failed);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("thisYear", fed.today().getYear());
        return "training/funds";
    }

    static final class FundForm implements Form {
        public String name;
        public String kind;
        public String description;

        @Override
        public void validate(Errors errors) {
            Checks.text(errors, "name", name, true, 100);
            Checks.choice(errors, "kind", kind, true, FundService.KINDS);
            Checks.text(errors, "description", description, false, 2000);
        }
    }

    @PostMapping("/f/{federation}/formation/fonds")
    String createFund(FederationScope fed, @Validated FundForm form, BindingResult binding, Model model,
                      RedirectAttributes flash) {
        fed.requireDirection();
        if (binding.hasErrors()) {
            return listPage(fed, model, "fund", form.typed(), FieldErrors.of(binding));
        }
        try {
            funds.createFund(fed.id(), form.name.trim(), form.kind.trim(), Checks.clean(form.description));
        } catch (Refused e) {
            return listPage(fed, model, "fund", form.typed(), refused(e, "name"));
        }
        flash.addFlashAttribute("message", "Fonds « " + form.name.trim() + " » créé : ouvrez son enveloppe de l'année.");
        return "redirect:" + fed.base() + "/formation/fonds#nouvelle-enveloppe";
    }

    /** The amount and levy of an envelope, as typed; read by {@link #checkAmounts}. */
    abstract static class AmountsForm implements Form {
        public String amount;
        public String levyRate;
        public String levy;
        public String note;
        protected Long amountCents;
        protected Integer levyRateBp;
        protected Long levyCents;

        void checkAmounts(Errors errors) {
            amountCents = Checks.cents(errors, "amount", amount, true);
            BigDecimal percent = Checks.decimal(errors, "levyRate", levyRate, false, BigDecimal.ZERO, BigDecimal.valueOf(100));
            if (percent != null && percent.stripTrailingZeros().scale() > 2) {
                errors.rejectValue("levyRate", "rateDecimals");
            } else if (percent != null) {
                levyRateBp = percent.movePointRight(2).intValueExact();
            }
            levyCents = Checks.cents(errors, "levy", levy, false);
            if (levyCents != null && amountCents != null && levyCents > amountCents) {
                errors.rejectValue("levy", "levyAboveAmount");
            }
            Checks.text(errors, "note", note, false, 2000);
        }
    }

    static final class FundEnvelopeForm extends AmountsForm {
        public String fundId;
        public String year;
        private Long fund;
        private Integer yearValue;

        @Override
        public void validate(Errors errors) {
            fund = Checks.id(errors, "fundId", fundId, true);
            yearValue = Checks.integer(errors, "year", year, true, Parse.FIRST_REPORT_YEAR, Parse.LAST_REPORT_YEAR);
            checkAmounts(errors);
        }
    }

    @PostMapping("/f/{federation}/formation/fonds/enveloppes")
    String createEnvelope(FederationScope fed, @Validated FundEnvelopeForm form, BindingResult binding, Model model,
                          RedirectAttributes flash) {
        fed.requireDirection();
        if (binding.hasErrors()) {
            return listPage(fed, model, "envelope", form.typed(), FieldErrors.of(binding));
        }
        funds.fund(fed.id(), form.fund);
        long id;
        try {
            id = funds.createEnvelope(fed.id(), form.fund, form.yearValue, form.amountCents, form.levyRateBp, form.levyCents,
                    Checks.clean(form.note));
        } catch (Refused e) {
            return listPage(fed, model, "envelope", form.typed(), refused(e, "year"));
        }
        flash.addFlashAttribute("message", "Enveloppe " + form.yearValue + " ouverte : ajoutez ses lignes.");
        return "redirect:" + fed.base() + "/formation/fonds/enveloppes/" + id;
    }

    // --- one envelope

    @GetMapping("/f/{federation}/formation/fonds/enveloppes/{id}")
    String envelope(FederationScope fed, @PathVariable long id, Model model) {
        return envelopePage(fed, id, model, null, Map.of(), new FieldErrors());
    }

    private String envelopePage(FederationScope fed, long id, Model model, String failed, Map<String, String> typed,
                                FieldErrors errors) {
        FundService.Envelope envelope = funds.envelope(fed.id(), id);
        List<FundService.StructureAllocation> structures = funds.byStructure(fed.id(), id, null);
        model.addAttribute("envelope", envelope);
        model.addAttribute("lines", funds.lines(fed.id(), id));
        model.addAttribute("structures", structures);
        model.addAttribute("rules", Vocabulary.labels("fund-rule", FundService.RULES.toArray(String[]::new)));
        model.addAttribute("courses", fed.isDirection() ? training.courses(fed.id(), false) : List.of());
        model.addAttribute("failed", failed);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute(ListDownload.MODEL, download(envelope, structures));
        return "training/fund-envelope";
    }

    /** The allocations by structure as a spreadsheet: amounts in euros with their cents, the forfaits on their own row. */
    private static ListDownload download(FundService.Envelope envelope, List<FundService.StructureAllocation> structures) {
        List<List<Object>> rows = new ArrayList<>();
        for (FundService.StructureAllocation s : structures) {
            rows.add(List.of(s.name(), s.departement() == null ? "" : s.departement(), s.volunteers(), s.sessions(), s.lines(),
                    BigDecimal.valueOf(s.cents(), 2)));
        }
        if (envelope.fixedCents() != 0) {
            rows.add(List.of("Forfaits (attribués à aucune structure)", "", "", "", "", BigDecimal.valueOf(envelope.fixedCents(), 2)));
        }
        String name = envelope.fundName() + " " + envelope.year() + " attributions";
        return new ListDownload(ListDownload.fileName(name, LocalDate.of(envelope.year(), 1, 1),
                LocalDate.of(envelope.year(), 12, 31)), List.of("Structure", "Département", "Bénévoles distinct·es",
                "Sessions comptées", "Lignes", "Montant (€)"), rows);
    }

    static final class FundEnvelopeEditForm extends AmountsForm {
        @Override
        public void validate(Errors errors) {
            checkAmounts(errors);
        }
    }

    @PostMapping("/f/{federation}/formation/fonds/enveloppes/{id}")
    String updateEnvelope(FederationScope fed, @PathVariable long id, @Validated FundEnvelopeEditForm form,
                          BindingResult binding, Model model, RedirectAttributes flash) {
        fed.requireDirection();
        funds.envelope(fed.id(), id);
        if (binding.hasErrors()) {
            return envelopePage(fed, id, model, "envelope", form.typed(), FieldErrors.of(binding));
        }
        try {
            funds.updateEnvelope(fed.id(), id, form.amountCents, form.levyRateBp, form.levyCents, Checks.clean(form.note));
        } catch (Refused e) {
            return envelopePage(fed, id, model, "envelope", form.typed(), refused(e, "amount"));
        }
        flash.addFlashAttribute("message", "Enveloppe modifiée.");
        return "redirect:" + fed.base() + "/formation/fonds/enveloppes/" + id;
    }

    static final class FundLineForm implements Form {
        public String label;
        public String rule;
        public String rate;
        public String ceiling;
        public String courseId;
        private Long rateCents;
        private Long ceilingCents;
        private Long course;

        @Override
        public void validate(Errors errors) {
            Checks.text(errors, "label", label, true, 200);
            String r = Checks.choice(errors, "rule", rule, true, FundService.RULES);
            rateCents = Checks.cents(errors, "rate", rate, true);
            if (rateCents != null && rateCents <= 0) {
                errors.rejectValue("rate", "positive");
            }
            ceilingCents = Checks.cents(errors, "ceiling", ceiling, false);
            if (ceilingCents != null && ceilingCents <= 0) {
                errors.rejectValue("ceiling", "positive");
            }
            course = Checks.id(errors, "courseId", courseId, false);
            if ("forfait".equals(r) && ceilingCents != null) {
                errors.rejectValue("ceiling", "fixedLine");
            }
            if ("forfait".equals(r) && course != null) {
                errors.rejectValue("courseId", "fixedLine");
            }
        }
    }

    @PostMapping("/f/{federation}/formation/fonds/enveloppes/{id}/lignes")
    String createLine(FederationScope fed, @PathVariable long id, @Validated FundLineForm form, BindingResult binding,
                      Model model, RedirectAttributes flash) {
        fed.requireDirection();
        funds.envelope(fed.id(), id);
        if (binding.hasErrors()) {
            return envelopePage(fed, id, model, "line", form.typed(), FieldErrors.of(binding));
        }
        long line;
        try {
            line = funds.createLine(fed.id(), id, new FundService.NewLine(form.label.trim(), form.rule.trim(), form.rateCents,
                    form.ceilingCents, form.course));
        } catch (Refused e) {
            return envelopePage(fed, id, model, "line", form.typed(), refused(e, "label"));
        }
        flash.addFlashAttribute("message", "Ligne « " + form.label.trim() + " » ajoutée"
                + ("forfait".equals(form.rule.trim()) ? "." : " : rattachez-lui les sessions qu'elle finance."));
        return "redirect:" + fed.base() + "/formation/fonds/lignes/" + line;
    }

    // --- one line

    @GetMapping("/f/{federation}/formation/fonds/lignes/{id}")
    String line(FederationScope fed, @PathVariable long id, Model model) {
        return linePage(fed, id, model, Map.of(), new FieldErrors());
    }

    private String linePage(FederationScope fed, long id, Model model, Map<String, String> typed, FieldErrors errors) {
        FundService.Line line = funds.line(fed.id(), id);
        model.addAttribute("line", line);
        model.addAttribute("envelope", funds.envelope(fed.id(), line.envelopeId()));
        model.addAttribute("sessions", funds.sessions(fed.id(), id));
        model.addAttribute("structures", funds.byStructure(fed.id(), line.envelopeId(), id));
        model.addAttribute("volunteers", fed.seesNames() ? funds.volunteers(fed.id(), id) : List.of());
        model.addAttribute("candidates", fed.isDirection() && !line.fixed() ? funds.candidates(fed.id(), id) : List.of());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "training/fund-line";
    }

    static final class FundSessionForm implements Form {
        public String sessionId;
        private Long session;

        @Override
        public void validate(Errors errors) {
            session = Checks.id(errors, "sessionId", sessionId, true);
        }
    }

    @PostMapping("/f/{federation}/formation/fonds/lignes/{id}/sessions")
    String attach(FederationScope fed, @PathVariable long id, @Validated FundSessionForm form, BindingResult binding,
                  Model model, RedirectAttributes flash) {
        fed.requireDirection();
        funds.line(fed.id(), id);
        if (binding.hasErrors()) {
            return linePage(fed, id, model, form.typed(), FieldErrors.of(binding));
        }
        try {
            funds.attach(fed.id(), id, form.session);
        } catch (Refused e) {
            return linePage(fed, id, model, form.typed(), refused(e, "sessionId"));
        }
        flash.addFlashAttribute("message", "Session rattachée à la ligne.");
        return "redirect:" + fed.base() + "/formation/fonds/lignes/" + id + "#sessions";
    }

    @PostMapping("/f/{federation}/formation/fonds/lignes/{id}/sessions/{session}/retirer")
    String detach(FederationScope fed, @PathVariable long id, @PathVariable long session, RedirectAttributes flash) {
        fed.requireDirection();
        funds.detach(fed.id(), id, session);
        flash.addFlashAttribute("message", "Session retirée de la ligne.");
        return "redirect:" + fed.base() + "/formation/fonds/lignes/" + id + "#sessions";
    }

    @PostMapping("/f/{federation}/formation/fonds/lignes/{id}/supprimer")
    String deleteLine(FederationScope fed, @PathVariable long id, RedirectAttributes flash) {
        fed.requireDirection();
        FundService.Line line = funds.line(fed.id(), id);
        funds.deleteLine(fed.id(), id);
        flash.addFlashAttribute("message", "Ligne « " + line.label() + " » supprimée.");
        return "redirect:" + fed.base() + "/formation/fonds/enveloppes/" + line.envelopeId() + "#lignes";
    }

    private static FieldErrors refused(Refused e, String defaultField) {
        FieldErrors errors = new FieldErrors();
        errors.add(e.field() == null ? defaultField : e.field(), e.getMessage());
        return errors;
    }
}
