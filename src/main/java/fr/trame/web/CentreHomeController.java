package fr.trame.web;

import fr.trame.centre.CentreScope;
import fr.trame.people.HouseholdService;
import fr.trame.people.MembershipService;
import fr.trame.people.PersonService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.LocalDate;

@Controller
public class CentreHomeController {

    private final HouseholdService households;
    private final PersonService persons;
    private final MembershipService memberships;

    public CentreHomeController(HouseholdService households, PersonService persons, MembershipService memberships) {
        this.households = households;
        this.persons = persons;
        this.memberships = memberships;
    }

    @GetMapping("/c/{centre}")
    String home(CentreScope scope, Model model) {
        if (scope.role().seesPersonalData()) {
            MembershipService.Season season = memberships.seasonOf(scope.id(), LocalDate.now());
            model.addAttribute("season", season);
            model.addAttribute("totals", memberships.totals(scope.id(), season).stream()
                    .filter(t -> !t.type().equals("total")).toList());
            model.addAttribute("householdCount", households.count(scope.id()));
            model.addAttribute("personCount", persons.count(scope.id()));
        }
        return "centre-home";
    }
}
