package fr.trame.federation;

import fr.trame.form.FieldErrors;
import fr.trame.form.Parse;
import fr.trame.form.Vocabulary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The registry: the list of member structures with its filters, and one structure's page. */
@Controller
class StructureController {

    private final StructureService structures;
    private final TerritoryService territories;
    private final StructurePage page;

    StructureController(StructureService structures, TerritoryService territories, StructurePage page) {
        this.structures = structures;
        this.territories = territories;
        this.page = page;
    }

    @GetMapping("/f/{federation}/structures")
    String list(FederationScope fed, @RequestParam(required = false) String departement,
                @RequestParam(required = false) String territory, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String status, @RequestParam(required = false) String membership,
                @RequestParam(required = false) String due, @RequestParam(required = false) String q,
                @RequestParam(required = false) String association, Model model) {
        // a filter value that is not one of the list's choices filters nothing, rather than failing
        StructureFilter filter = new StructureFilter(
                departement != null && departement.length() <= 3 ? departement : null, Parse.id(territory),
                oneOf(kind, StructureService.KINDS), oneOf(status, StructureService.STATUSES),
                StructureService.MEMBERS.equals(membership) ? membership : oneOf(membership, StructureService.MEMBERSHIPS),
                "12".equals(due) || "18".equals(due) ? Integer.valueOf(due) : null,
                q == null || q.length() > 200 ? null : q, association == null || association.length() > 200 ? null : association);
        model.addAttribute("filter", filter);
        model.addAttribute("structures", structures.list(fed.id(), filter, fed.today()));
        model.addAttribute("departements", structures.departements(fed.id()));
        model.addAttribute("territories", territories.list(fed.id(), fed.today()).stream().filter(Territory::isAt).toList());
        model.addAttribute("kinds", Vocabulary.labels("structure-kind", "cs", "evs"));
        model.addAttribute("statuses", Vocabulary.labels("structure-status", "associatif", "municipal"));
        model.addAttribute("memberships", Vocabulary.labels("structure-membership",
                "prefiguration", "adherent", "reaffiliation", "attendue", "sortie"));
        return "federation/structures";
    }

    @GetMapping("/f/{federation}/structures/{id}")
    String show(FederationScope fed, @PathVariable long id, Model model) {
        return page.render(fed, id, model, null, Map.of(), List.of(), new FieldErrors());
    }

    private static String oneOf(String value, Set<String> allowed) {
        return value != null && allowed.contains(value) ? value : null;
    }

}
