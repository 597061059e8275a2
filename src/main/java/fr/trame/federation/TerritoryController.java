package fr.trame.federation;

import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
import fr.trame.form.Refused;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;

/** The ATs and networks, the délégué following each, and who followed them before. */
@Controller
class TerritoryController {

    private final TerritoryService territories;
    private final FederationService federations;

    TerritoryController(TerritoryService territories, FederationService federations) {
        this.territories = territories;
        this.federations = federations;
    }

    @GetMapping("/f/{federation}/territoires")
    String list(FederationScope fed, Model model) {
        model.addAttribute("territories", territories.list(fed.id(), fed.today()));
        model.addAttribute("history", territories.history(fed.id()));
        model.addAttribute("delegues", federations.members(fed.id()).stream()
                .filter(m -> m.role() == FederationRole.DELEGUE && m.enabled()).toList());
        return "federation/territories";
    }

    /** A délégué assigned to a territory from a date. */
    static final class AssignForm implements Form {
        public Long user;
        public LocalDate since;

        @Override
        public void validate(Errors errors) {
            Checks.required(errors, "user", user);
            Checks.required(errors, "since", since);
        }
    }

    @PostMapping("/f/{federation}/territoires/{id}/delegue")
    String assign(FederationScope fed, @PathVariable long id, @Validated AssignForm form, BindingResult binding,
                  RedirectAttributes flash) {
        fed.requireDirection();
        Territory territory = territories.get(fed.id(), id, fed.today());
        if (binding.hasErrors()) {
            throw new Refused("Choisissez un·e délégué·e et une date de début (JJ/MM/AAAA).");
        }
        territories.assign(fed.id(), id, form.user, form.since);
        flash.addFlashAttribute("message", "Délégué·e affecté·e à « " + territory.name() + " ».");
        return "redirect:" + fed.base() + "/territoires";
    }

    /** A new AT or network. */
    static final class TerritoryForm implements Form {
        public String name;
        public String kind;

        @Override
        public void validate(Errors errors) {
            Checks.text(errors, "name", name, true, TerritoryService.NAME_MAX);
        }
    }

    @PostMapping("/f/{federation}/territoires")
    String create(FederationScope fed, @Validated TerritoryForm form, BindingResult binding, RedirectAttributes flash) {
        fed.requireDirection();
        if (binding.hasErrors()) {
            throw new Refused("name", FieldErrors.of(binding).get("name"));
        }
        territories.create(fed.id(), form.name, form.kind == null ? "at" : form.kind);
        flash.addFlashAttribute("message", "Territoire « " + form.name.trim() + " » enregistré.");
        return "redirect:" + fed.base() + "/territoires";
    }
}
