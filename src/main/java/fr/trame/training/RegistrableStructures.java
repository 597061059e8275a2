package fr.trame.training;

import fr.trame.federation.FederationScope;
import fr.trame.federation.Structure;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureService;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/** The structures a user may register people of, to a session or an event: one rule for both. */
@Component
class RegistrableStructures {

    private final StructureService structures;

    RegistrableStructures(StructureService structures) {
        this.structures = structures;
    }

    /** All for the direction, those of the ATs they follow for a délégué, none for a reader; by name. */
    List<Structure> of(FederationScope fed) {
        if (!fed.isDirection() && !fed.isDelegue()) {
            return List.of();
        }
        return structures.list(fed.id(), StructureFilter.ALL, fed.today()).stream()
                .filter(s -> fed.canEdit(s.territoryId()))
                .sorted(Comparator.comparing(Structure::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}
