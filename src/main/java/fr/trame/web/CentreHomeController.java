package fr.trame.web;

import fr.trame.association.FundingService;
import fr.trame.centre.CentreScope;
import fr.trame.centre.Role;
import fr.trame.people.HouseholdService;
import fr.trame.people.MembershipService;
import fr.trame.people.PersonService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class CentreHomeController {

    private final HouseholdService households;
    private final PersonService persons;
    private final MembershipService memberships;
    private final FundingService funding;

    public CentreHomeController(HouseholdService households, PersonService persons, MembershipService memberships,
                                FundingService funding) {
        this.funding = funding;
        this.households = households;
        this.persons = persons;
        this.memberships = memberships;
    }

    @GetMapping("/c/{centre}")
    String home(CentreScope scope, Model model) {
        // an animateur's day is the sessions they run: they land on today's, their own first
        if (scope.role() == Role.ANIMATEUR) {
            return "redirect:" + scope.base() + "/jour";
        }
        // agréments to renew, files to send, reports to give: dates nobody should miss
        model.addAttribute("dues", funding.dueSoon(scope.id(), scope.today()));
        if (scope.role().seesPersonalData()) {
            MembershipService.Season season = memberships.seasonOf(scope.id(), scope.today());
            model.addAttribute("season", season);
            model.addAttribute("totals", memberships.totals(scope.id(), season).stream()
                    .filter(t -> !t.type().equals("total")).toList());
            model.addAttribute("householdCount", households.count(scope.id()));
            model.addAttribute("personCount", persons.count(scope.id()));
        }
        return "centre/centre-home";
    }
}
