package fr.trame.people;

import fr.trame.centre.AuditLog;
import fr.trame.form.Conflict;
import fr.trame.centre.CentreScope;
import fr.trame.form.FieldErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Objects;

@Controller
class PersonController {

    private final PersonService persons;
    private final HouseholdService households;
    private final MembershipService memberships;
    private final RegisterSearch search;
    private final FlagService flags;
    private final AuditLog audit;

    /** The audit log's words for the disability answer's reads and changes (never the answer itself). */
    static final String DISABILITY_READ = "lecture de la situation de handicap";
    static final String DISABILITY_CHANGED = "modification de la situation de handicap";

    public PersonController(PersonService persons, HouseholdService households, MembershipService memberships,
                            RegisterSearch search, FlagService flags, AuditLog audit) {
        this.persons = persons;
        this.households = households;
        this.memberships = memberships;
        this.search = search;
        this.flags = flags;
        this.audit = audit;
    }

    /** Persons matching what is typed, as choices of any form that links a person (mandate, volunteer). */
    @GetMapping("/c/{centre}/personnes/choix")
    String choices(CentreScope scope, @RequestParam(defaultValue = "") String q, Model model) {
        scope.requirePersonalData();
        RegisterSearch.Found<RegisterSearch.PersonHit> found = search.findPersons(scope.id(), q, 8);
        model.addAttribute("hits", found.hits());
        model.addAttribute("more", found.moreMessage());
        return "people/persons/picker :: choices";
    }

    @GetMapping("/c/{centre}/foyers/{householdId}/personnes/nouvelle")
    String newForm(CentreScope scope, @PathVariable long householdId, Model model) {
        scope.requireRegisterEdit();
        HouseholdService.Household household = households.find(scope.id(), householdId)
                .orElseThrow(HouseholdController::notFound);
        PersonForm form = new PersonForm();
        if (households.members(scope.id(), householdId).isEmpty()) {
            form.setRole("responsable");
        }
        return form(scope, model, household, form, new FieldErrors(), List.of(), null);
    }

    /** Creates the person, unless they look like someone already registered and the user has not confirmed. */
    @PostMapping("/c/{centre}/foyers/{householdId}/personnes/nouvelle")
    String create(CentreScope scope, @PathVariable long householdId, @Validated @ModelAttribute("form") PersonForm form,
                  BindingResult binding, Model model, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        HouseholdService.Household household = households.find(scope.id(), householdId)
                .orElseThrow(HouseholdController::notFound);
        if (scope.seesDisability()) {
            form.validateDisability(binding);
        }
        FieldErrors errors = FieldErrors.of(binding);
        if (errors.any()) {
            return form(scope, model, household, form, errors, List.of(), null);
        }
        PersonService.Values values = form.values();
        if (!form.isConfirmDuplicate()) {
            List<PersonService.Lookalike> lookalikes = persons.lookalikes(scope.id(), values.lastName(),
                    values.firstName(), values.birthDate());
            if (!lookalikes.isEmpty()) {
                return form(scope, model, household, form, errors, lookalikes, null);
            }
        }
        long id = persons.create(scope.id(), householdId, values, details(scope, form));
        if (scope.seesDisability() && form.disabilityValue() != null) {
            audit.record(scope.id(), scope.userId(), DISABILITY_CHANGED, "personne", id, null);
        }
        flash.addFlashAttribute("message", values.firstName() + " " + values.lastName() + " ajouté(e) au foyer.");
        return "redirect:" + scope.base() + "/personnes/" + id;
    }

    @GetMapping("/c/{centre}/personnes/{id}")
    String show(CentreScope scope, @PathVariable long id, @RequestParam(defaultValue = "") String q, Model model) {
        scope.requirePersonalData();
        model.addAttribute("person", persons.find(scope.id(), id).orElseThrow(HouseholdController::notFound));
        model.addAttribute("flags", flags.ofPerson(scope.id(), id));
        if (scope.seesDisability()) {
            model.addAttribute("disability", PersonForm.disabilityCode(persons.disability(scope.id(), id)));
            audit.record(scope.id(), scope.userId(), DISABILITY_READ, "personne", id, "fiche");
        }
        model.addAttribute("links", persons.links(scope.id(), id));
        model.addAttribute("consents", persons.consents(scope.id(), id));
        model.addAttribute("memberships", memberships.ofPerson(scope.id(), id));
        MembershipService.Season season = memberships.seasonOf(scope.id(), scope.today());
        model.addAttribute("season", season);
        model.addAttribute("seasonMembership", memberships.running(scope.id(), "individuelle", null, id, season.id()).orElse(null));
        model.addAttribute("q", q);
        RegisterSearch.Found<RegisterSearch.Hit> found = q.isBlank() ? new RegisterSearch.Found<>(List.of(), 10, false)
                : search.findHouseholds(scope.id(), q, 10);
        model.addAttribute("hits", found.hits());
        model.addAttribute("more", found.moreMessage());
        return "people/persons/show";
    }

    @GetMapping("/c/{centre}/personnes/{id}/modifier")
    String editForm(CentreScope scope, @PathVariable long id, Model model) {
        scope.requireRegisterEdit();
        PersonForm form = PersonForm.of(editable(scope, id));
        form.setFlags(flags.ofPerson(scope.id(), id).stream().map(FlagService.Flag::id).toList());
        if (scope.seesDisability()) {
            form.setDisability(PersonForm.disabilityCode(persons.disability(scope.id(), id)));
            audit.record(scope.id(), scope.userId(), DISABILITY_READ, "personne", id, "formulaire");
        }
        return form(scope, model, null, form, new FieldErrors(), List.of(), id);
    }

    @PostMapping("/c/{centre}/personnes/{id}/modifier")
    String update(CentreScope scope, @PathVariable long id, @Validated @ModelAttribute("form") PersonForm form,
                  BindingResult binding, Model model, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        editable(scope, id);
        if (scope.seesDisability()) {
            form.validateDisability(binding);
        }
        FieldErrors errors = FieldErrors.of(binding);
        if (errors.any()) {
            return form(scope, model, null, form, errors, List.of(), id);
        }
        if (persons.update(scope.id(), id, form.values(), details(scope, form))) {
            audit.record(scope.id(), scope.userId(), DISABILITY_CHANGED, "personne", id, null);
        }
        flash.addFlashAttribute("message", "Fiche enregistrée.");
        return "redirect:" + scope.base() + "/personnes/" + id;
    }

    /** Shared custody, a new partner…: the person joins another household too. */
    @PostMapping("/c/{centre}/personnes/{id}/foyers")
    String attach(CentreScope scope, @PathVariable long id, @RequestParam long householdId,
                  @RequestParam(defaultValue = "autre") String role, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        editable(scope, id);
        households.find(scope.id(), householdId).orElseThrow(HouseholdController::notFound);
        persons.attach(scope.id(), householdId, id, List.of("responsable", "enfant").contains(role) ? role : "autre",
                scope.today());
        flash.addFlashAttribute("message", "Rattachement au foyer enregistré.");
        return "redirect:" + scope.base() + "/personnes/" + id;
    }

    @PostMapping("/c/{centre}/personnes/{id}/foyers/{householdId}/principal")
    String makePrincipal(CentreScope scope, @PathVariable long id, @PathVariable long householdId,
                         RedirectAttributes flash) {
        scope.requireRegisterEdit();
        editable(scope, id);
        if (!persons.makePrincipal(scope.id(), householdId, id)) {
            throw HouseholdController.notFound();
        }
        flash.addFlashAttribute("message", "Foyer principal changé.");
        return "redirect:" + scope.base() + "/personnes/" + id;
    }

    @PostMapping("/c/{centre}/personnes/{id}/foyers/{householdId}/fin")
    String detach(CentreScope scope, @PathVariable long id, @PathVariable long householdId, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        editable(scope, id);
        if (!persons.detach(scope.id(), householdId, id, scope.today())) {
            throw HouseholdController.notFound();
        }
        flash.addFlashAttribute("message", "Rattachement terminé à la date du jour.");
        return "redirect:" + scope.base() + "/personnes/" + id;
    }

    @PostMapping("/c/{centre}/personnes/{id}/consentements")
    String consent(CentreScope scope, @PathVariable long id, @RequestParam(defaultValue = "") String kind,
                   @RequestParam(defaultValue = "") String granted, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        editable(scope, id);
        if (!kind.equals("droit_image") && !kind.equals("donnees")) {
            flash.addFlashAttribute("error", "Choisissez le consentement : droit à l'image ou utilisation des données.");
        } else if (!granted.equals("true") && !granted.equals("false")) {
            flash.addFlashAttribute("error", "Choisissez la réponse : accordé ou refusé.");
        } else {
            persons.recordConsent(scope.id(), id, kind, granted.equals("true"), scope.today());
            flash.addFlashAttribute("message", "Consentement enregistré.");
        }
        return "redirect:" + scope.base() + "/personnes/" + id + "#consentements";
    }

    /** The person, if of this centre and not anonymised: an anonymised record changes no more (its figures stay put). */
    private PersonService.Person editable(CentreScope scope, long id) {
        PersonService.Person person = persons.find(scope.id(), id).orElseThrow(HouseholdController::notFound);
        if (person.anonymised()) {
            throw new Conflict("Personne anonymisée : sa fiche ne se modifie plus.");
        }
        return person;
    }

    /** The form's details; the disability answer only from a user holding its permission (a forged field is ignored). */
    private static PersonService.Details details(CentreScope scope, PersonForm form) {
        return new PersonService.Details(form.getFlags().stream().filter(Objects::nonNull).toList(),
                scope.seesDisability(), scope.seesDisability() ? form.disabilityValue() : null);
    }

    private String form(CentreScope scope, Model model, HouseholdService.Household household, PersonForm form,
                        FieldErrors errors, List<PersonService.Lookalike> lookalikes, Long personId) {
        model.addAttribute("offeredFlags", flags.offered(scope.id(), form.getFlags()));
        model.addAttribute("household", household);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("lookalikes", lookalikes);
        model.addAttribute("personId", personId);
        return "people/persons/form";
    }
}
