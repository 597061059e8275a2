package fr.trame.people;

import fr.trame.centre.CentreScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** JSON reads of the register, for scripts; same access rules as the pages. */
@RestController
@RequestMapping("/api/v1/centres/{centre}")
class RegisterApiController {

    private final HouseholdService households;
    private final PersonService persons;
    private final RegisterSearch search;

    public RegisterApiController(HouseholdService households, PersonService persons, RegisterSearch search) {
        this.households = households;
        this.persons = persons;
        this.search = search;
    }

    @GetMapping("/households")
    List<RegisterSearch.Hit> search(CentreScope scope, @RequestParam(defaultValue = "") String q) {
        scope.requirePersonalData();
        return search.households(scope.id(), q, 50);
    }

    @GetMapping("/households/{id}")
    Map<String, Object> household(CentreScope scope, @PathVariable long id) {
        scope.requirePersonalData();
        return Map.of("household", households.find(scope.id(), id).orElseThrow(HouseholdController::notFound),
                "members", households.members(scope.id(), id));
    }

    @GetMapping("/persons/{id}")
    Map<String, Object> person(CentreScope scope, @PathVariable long id) {
        scope.requirePersonalData();
        return Map.of("person", persons.find(scope.id(), id).orElseThrow(HouseholdController::notFound),
                "households", persons.links(scope.id(), id));
    }
}
