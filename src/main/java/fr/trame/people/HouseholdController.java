package fr.trame.people;

import fr.trame.form.NotFound;
import fr.trame.centre.CentreScope;
import fr.trame.csv.ListDownload;
import fr.trame.territory.QuartierService;
import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

@Controller
@RequestMapping("/c/{centre}/foyers")
class HouseholdController {

    private final HouseholdService households;
    private final RegisterSearch search;
    private final MembershipService memberships;
    private final QuartierService quartiers;

    public HouseholdController(HouseholdService households, RegisterSearch search, MembershipService memberships,
                               QuartierService quartiers) {
        this.households = households;
        this.search = search;
        this.memberships = memberships;
        this.quartiers = quartiers;
    }

    /** The list; htmx asks for the results alone as the user types. */
    @GetMapping
    String list(CentreScope scope, @RequestParam(defaultValue = "") String q,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        scope.requirePersonalData();
        model.addAttribute("q", q);
        RegisterSearch.Found<RegisterSearch.Hit> found = search.findHouseholds(scope.id(), q, 50);
        model.addAttribute("hits", found.hits());
        model.addAttribute("more", found.moreMessage());
        model.addAttribute(ListDownload.MODEL, new ListDownload("foyers", List.of("Foyer", "Référence", "Membres",
                "Adresse", "Commune", "Quartier"), () -> search.allHouseholds(scope.id()).stream()
                .map(h -> Arrays.<Object>asList(h.label(), h.ref(), h.members(), h.address(), h.commune(),
                        h.quartier())).toList()));
        return htmx != null ? "people/households/list :: results" : "people/households/list";
    }

    @GetMapping("/nouveau")
    String newForm(CentreScope scope, Model model) {
        scope.requireRegisterEdit();
        return form(scope, model, new HouseholdForm(), new FieldErrors(), null);
    }

    @PostMapping("/nouveau")
    String create(CentreScope scope, @Validated @ModelAttribute("form") HouseholdForm form, BindingResult binding, Model model,
                  RedirectAttributes flash) {
        scope.requireRegisterEdit();
        HouseholdService.Values values = form.values();
        checkRef(scope, values.ref(), null, binding);
        FieldErrors errors = FieldErrors.of(binding);
        if (errors.any()) {
            return form(scope, model, form, errors, null);
        }
        long id = households.create(scope.id(), values);
        flash.addFlashAttribute("message", "Foyer créé. Ajoutez maintenant ses membres.");
        return "redirect:" + scope.base() + "/foyers/" + id;
    }

    @GetMapping("/{id}")
    String show(CentreScope scope, @PathVariable long id, Model model) {
        scope.requirePersonalData();
        HouseholdService.Household household = households.find(scope.id(), id).orElseThrow(HouseholdController::notFound);
        model.addAttribute("household", household);
        model.addAttribute("members", households.members(scope.id(), id));
        model.addAttribute("qfHistory", households.qfHistory(scope.id(), id));
        model.addAttribute("memberships", memberships.ofHousehold(scope.id(), id));
        MembershipService.Season season = memberships.seasonOf(scope.id(), scope.today());
        model.addAttribute("season", season);
        // the season's membership, when there is one, is shown instead of the button that would take a second one
        model.addAttribute("seasonMembership", memberships.running(scope.id(), "familiale", id, null, season.id()).orElse(null));
        model.addAttribute("paymentModes", MembershipService.PAYMENT_MODES);
        return "people/households/show";
    }

    @GetMapping("/{id}/modifier")
    String editForm(CentreScope scope, @PathVariable long id, Model model) {
        scope.requireRegisterEdit();
        HouseholdService.Household household = households.find(scope.id(), id).orElseThrow(HouseholdController::notFound);
        return form(scope, model, HouseholdForm.of(household), new FieldErrors(), id);
    }

    @PostMapping("/{id}/modifier")
    String update(CentreScope scope, @PathVariable long id, @Validated @ModelAttribute("form") HouseholdForm form,
                  BindingResult binding, Model model, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        households.find(scope.id(), id).orElseThrow(HouseholdController::notFound);
        HouseholdService.Values values = form.values();
        checkRef(scope, values.ref(), id, binding);
        FieldErrors errors = FieldErrors.of(binding);
        if (errors.any()) {
            return form(scope, model, form, errors, id);
        }
        households.update(scope.id(), id, values);
        flash.addFlashAttribute("message", "Foyer enregistré.");
        return "redirect:" + scope.base() + "/foyers/" + id;
    }

    /** A new quotient familial, from the household's page. */
    static final class QfForm implements Form {
        public String amount;
        public String validFrom;
        public String source;

        @Override
        public void validate(Errors errors) {
            String a = Checks.clean(amount);
            if (a != null && !a.matches("\\d{1,6}")) {
                errors.rejectValue("amount", "wholeEuros");
            }
            Checks.date(errors, "validFrom", validFrom);
            Checks.required(errors, "amount", a);
        }
    }

    @PostMapping("/{id}/qf")
    String addQf(CentreScope scope, @PathVariable long id, @Validated QfForm form, BindingResult binding,
                 RedirectAttributes flash) {
        scope.requireRegisterEdit();
        households.find(scope.id(), id).orElseThrow(HouseholdController::notFound);
        FieldErrors errors = FieldErrors.of(binding);
        if (errors.any()) {
            // one message under the QF field, the first one
            flash.addFlashAttribute("qfError", errors.all().values().iterator().next());
            flash.addFlashAttribute("qfTyped", form.amount);
        } else {
            LocalDate from = Checks.date(form.validFrom);
            households.addQf(scope.id(), id, from == null ? scope.today() : from, Integer.valueOf(form.amount.trim()),
                    "attestation_caf".equals(form.source) ? "attestation_caf" : "declare");
            flash.addFlashAttribute("message", "QF enregistré.");
        }
        return "redirect:" + scope.base() + "/foyers/" + id + "#qf";
    }

    private void checkRef(CentreScope scope, String ref, Long id, Errors errors) {
        if (households.refTaken(scope.id(), ref, id)) {
            errors.rejectValue("ref", "refTaken");
        }
    }

    private String form(CentreScope scope, Model model, HouseholdForm form, FieldErrors errors, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("householdId", id);
        model.addAttribute("quartiers", quartiers.list(scope.id()));
        return "people/households/form";
    }

    static NotFound notFound() {
        return new NotFound("Fiche introuvable.");
    }
}
