package fr.trame.people;

import fr.trame.centre.CentreScope;
import fr.trame.form.FieldErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;

@Controller
@RequestMapping("/c/{centre}/adhesions")
public class MembershipController {

    private final MembershipService memberships;
    private final HouseholdService households;
    private final PersonService persons;

    public MembershipController(MembershipService memberships, HouseholdService households, PersonService persons) {
        this.memberships = memberships;
        this.households = households;
        this.persons = persons;
    }

    /** Members of a season, with totals by type. */
    @GetMapping
    String list(CentreScope scope, @RequestParam(required = false) Long saison, Model model) {
        scope.requirePersonalData();
        MembershipService.Season season = saison == null ? memberships.seasonOf(scope.id(), scope.today())
                : memberships.season(scope.id(), saison).orElseThrow(HouseholdController::notFound);
        List<MembershipService.TypeTotal> totals = memberships.totals(scope.id(), season);
        model.addAttribute("season", season);
        model.addAttribute("seasons", memberships.seasons(scope.id()));
        model.addAttribute("memberships", memberships.ofSeason(scope.id(), season));
        model.addAttribute("totals", totals.stream().filter(t -> !t.type().equals("total")).toList());
        model.addAttribute("grandTotal", totals.stream().filter(t -> t.type().equals("total")).findFirst()
                .orElse(new MembershipService.TypeTotal("total", 0, 0, 0, 0)));
        model.addAttribute("paymentModes", MembershipService.PAYMENT_MODES);
        return "memberships/list";
    }

    /** Takes a membership for the chosen season, from a household page, a person page or the season list. */
    @PostMapping
    String create(CentreScope scope, @RequestParam String type, @RequestParam(required = false) Long householdId,
                  @RequestParam(required = false) Long personId, @RequestParam(defaultValue = "") String organisation,
                  @RequestParam long seasonId, @RequestParam(defaultValue = "") String amount,
                  @RequestParam(defaultValue = "false") boolean paid, @RequestParam(defaultValue = "") String paymentMode,
                  @RequestParam String returnTo, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        MembershipService.Season season = memberships.season(scope.id(), seasonId)
                .orElseThrow(HouseholdController::notFound);
        FieldErrors errors = new FieldErrors();
        Integer cents = Forms.euros(amount, "amount", errors);
        String org = Forms.clean(organisation);
        switch (type) {
            case "familiale" -> {
                if (householdId == null || households.find(scope.id(), householdId).isEmpty()) {
                    throw HouseholdController.notFound();
                }
            }
            case "individuelle" -> {
                if (personId == null || persons.find(scope.id(), personId).isEmpty()) {
                    throw HouseholdController.notFound();
                }
            }
            case "associative" -> {
                if (org == null) {
                    errors.add("organisation", "Indiquez le nom de l'association.");
                }
            }
            default -> errors.add("type", "Type d'adhésion inconnu.");
        }
        String mode = MembershipService.PAYMENT_MODES.contains(paymentMode) ? paymentMode : null;
        if (errors.any()) {
            flash.addFlashAttribute("membershipErrors", errors);
            flash.addFlashAttribute("membershipAmount", amount);
            flash.addFlashAttribute("membershipOrganisation", organisation);
        } else {
            memberships.create(scope.id(), new MembershipService.NewMembership(type,
                    type.equals("familiale") ? householdId : null, type.equals("individuelle") ? personId : null,
                    type.equals("associative") ? org : null, season.startDate(), season.endDate(), cents, paid,
                    paid ? scope.today() : null, paid ? mode : null));
            flash.addFlashAttribute("message", "Adhésion " + type + " " + season.label() + " enregistrée.");
        }
        return "redirect:" + safeReturn(scope, returnTo);
    }

    @PostMapping("/{id}/renouveler")
    String renew(CentreScope scope, @PathVariable long id, @RequestParam String returnTo, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        memberships.find(scope.id(), id).orElseThrow(HouseholdController::notFound);
        long renewed = memberships.renew(scope.id(), id);
        MembershipService.Membership m = memberships.find(scope.id(), renewed).orElseThrow();
        flash.addFlashAttribute("message", "Adhésion renouvelée pour " + Forms.display(m.startDate()) + " – "
                + Forms.display(m.endDate()) + " (à encaisser).");
        return "redirect:" + safeReturn(scope, returnTo);
    }

    @PostMapping("/{id}/payee")
    String markPaid(CentreScope scope, @PathVariable long id, @RequestParam(defaultValue = "") String paymentMode,
                    @RequestParam String returnTo, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        memberships.find(scope.id(), id).orElseThrow(HouseholdController::notFound);
        memberships.markPaid(scope.id(), id, scope.today(),
                MembershipService.PAYMENT_MODES.contains(paymentMode) ? paymentMode : null);
        flash.addFlashAttribute("message", "Paiement enregistré.");
        return "redirect:" + safeReturn(scope, returnTo);
    }

    /** Only back into this centre's pages: never an open redirect. */
    private static String safeReturn(CentreScope scope, String returnTo) {
        return returnTo != null && returnTo.startsWith(scope.base() + "/") && !returnTo.contains("//")
                ? returnTo : scope.base() + "/adhesions";
    }
}
