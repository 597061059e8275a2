package fr.trame.reporting;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import fr.trame.association.Association;

import java.time.LocalDate;
import java.util.List;

/**
 * The indicators of interchange.md for a centre and a period, as {@link IndicatorService#compute} computes them.
 * Jackson writes it as the JSON of {@code report indicators}: each record's components in their declared order
 * ({@code alphabetic = false}; Jackson 3 would sort them otherwise), dates as {@code YYYY-MM-DD}.
 */
@JsonPropertyOrder(alphabetic = false)
public record Indicators(String centre, LocalDate from, LocalDate to, Members members, Publics publics,
                         List<UnitFigures.Sector> sectors, List<UnitFigures.Activity> activities, Reception reception,
                         Association association) {

    /**
     * The same figures with the disability counts withheld (null): the API serves them only to who holds the disability
     * permission, never to the federation.
     */
    public Indicators withoutDisability() {
        return new Indicators(centre, from, to, members, publics.withoutDisability(),
                sectors.stream().map(UnitFigures.Sector::withoutDisability).toList(), activities, reception, association);
    }
}
