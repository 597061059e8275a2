package fr.trame.federation;

import fr.trame.form.Vocabulary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Set;

/** The registry: the list of member structures with its filters, and one structure's page. */
@Controller
class StructureController {

    private final StructureService structures;
    private final TerritoryService territories;

    StructureController(StructureService structures, TerritoryService territories) {
        this.structures = structures;
        this.territories = territories;
    }

    @GetMapping("/f/{federation}/structures")
    String list(FederationScope fed, @RequestParam(required = false) String departement,
                @RequestParam(required = false) String territory, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String status, @RequestParam(required = false) String membership,
                @RequestParam(required = false) String due, @RequestParam(required = false) String q, Model model) {
        // a filter value that is not one of the list's choices filters nothing, rather than failing
        StructureFilter filter = new StructureFilter(
                departement != null && departement.length() <= 3 ? departement : null, number(territory),
                oneOf(kind, StructureService.KINDS), oneOf(status, StructureService.STATUSES),
                oneOf(membership, StructureService.MEMBERSHIPS),
                "12".equals(due) || "18".equals(due) ? Integer.valueOf(due) : null,
                q == null || q.length() > 200 ? null : q);
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
        Structure structure = structures.get(fed.id(), id, fed.today());
        model.addAttribute("structure", structure);
        model.addAttribute("statuses", structures.statuses(fed.id(), id));
        model.addAttribute("membershipHistory", structures.memberships(fed.id(), id));
        model.addAttribute("contacts", structures.contacts(fed.id(), id));
        model.addAttribute("agrements", structures.agrements(fed.id(), id));
        model.addAttribute("grids", structures.grids(fed.id(), id));
        model.addAttribute("canEdit", fed.canEdit(structure.territoryId()));
        return "federation/structure";
    }

    private static String oneOf(String value, Set<String> allowed) {
        return value != null && allowed.contains(value) ? value : null;
    }

    private static Long number(String s) {
        return s != null && s.matches("[0-9]{1,18}") ? Long.valueOf(s) : null;
    }
}
