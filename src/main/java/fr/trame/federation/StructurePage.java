package fr.trame.federation;

import fr.trame.form.FieldErrors;
import fr.trame.form.Vocabulary;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One structure's page, shown after a GET or after a form of it was refused: then that form ({@code posted}) shows
 * what was typed and its messages beside the fields, the others the record as it is.
 */
@Component
class StructurePage {

    private final StructureService structures;
    private final StructureEditService edits;
    private final TerritoryService territories;
    private final CentreFigures figures;

    StructurePage(StructureService structures, StructureEditService edits, TerritoryService territories,
                  CentreFigures figures) {
        this.structures = structures;
        this.edits = edits;
        this.territories = territories;
        this.figures = figures;
    }

    String render(FederationScope fed, long id, Model model, String posted, Map<String, String> typed,
                  List<String> typedGrids, FieldErrors errors) {
        Structure structure = structures.get(fed.id(), id, fed.today());
        model.addAttribute("structure", structure);
        model.addAttribute("statuses", structures.statuses(fed.id(), id));
        model.addAttribute("membershipHistory", structures.memberships(fed.id(), id));
        model.addAttribute("contacts", structures.contacts(fed.id(), id));
        model.addAttribute("agrements", structures.agrements(fed.id(), id));
        model.addAttribute("grids", structures.grids(fed.id(), id));
        model.addAttribute("sameAssociation", structures.sameAssociation(fed.id(), id));
        boolean canEdit = fed.canEdit(structure.territoryId());
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("posted", posted == null ? "" : posted);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("blank", Map.of());
        structures.centreId(fed.id(), id)
                .ifPresent(centre -> model.addAttribute("figures", figures.lastTwelveMonths(centre, fed.today())));
        if (canEdit) {
            model.addAttribute("identity", posted != null && posted.equals("fiche") ? typed : identity(structure));
            model.addAttribute("checkedGrids", posted != null && posted.equals("fiche") ? typedGrids
                    : structures.gridIds(fed.id(), id).stream().map(String::valueOf).toList());
            List<Territory> all = territories.list(fed.id(), fed.today());
            // a délégué moves a structure only between the ATs they follow; the direction anywhere
            model.addAttribute("ats", all.stream().filter(Territory::isAt)
                    .filter(t -> fed.follows(t.id()) || t.id() == (structure.territoryId() == null ? -1 : structure.territoryId()))
                    .toList());
            model.addAttribute("networks", all.stream().filter(t -> !t.isAt()).toList());
            model.addAttribute("kinds", Vocabulary.labels("structure-kind", "cs", "evs"));
            model.addAttribute("statusChoices", Vocabulary.labels("structure-status", "associatif", "municipal"));
            model.addAttribute("membershipChoices", Vocabulary.labels("structure-membership",
                    "prefiguration", "adherent", "reaffiliation", "attendue", "sortie"));
            model.addAttribute("functions", Vocabulary.labels("contact-function", "direction", "presidence"));
            if (fed.canLinkCentres()) {
                model.addAttribute("unlinked", edits.unlinkedCentres());
            }
        }
        return "federation/structure";
    }

    private static Map<String, String> identity(Structure s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("kind", s.kind());
        m.put("departement", s.departement());
        m.put("commune", orEmpty(s.commune()));
        m.put("epci", orEmpty(s.epci()));
        m.put("cafAntenna", orEmpty(s.cafAntenna()));
        m.put("managingAssociation", orEmpty(s.managingAssociation()));
        m.put("territoryId", s.territoryId() == null ? "" : String.valueOf(s.territoryId()));
        return m;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
