package fr.trame.reporting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import fr.trame.association.Association;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The indicators of interchange.md for a centre and a period, as {@link IndicatorService#compute} computes them.
 * Jackson writes it as the JSON of {@code report indicators}: each record's components in their declared order
 * ({@code alphabetic = false}; Jackson 3 would sort them otherwise), dates as {@code YYYY-MM-DD}. {@code schoolsBySector}
 * (each sector's persons by school and class, {@link IndicatorService}) is the annual report's, not in the JSON.
 */
@JsonPropertyOrder(alphabetic = false)
public record Indicators(String centre, LocalDate from, LocalDate to, Members members, Publics publics,
                         List<UnitFigures.Sector> sectors, List<UnitFigures.Activity> activities, Reception reception,
                         Association association,
                         @JsonIgnore Map<String, Map<String, Map<String, Long>>> schoolsBySector) {

    /**
     * The same figures with the disability counts withheld (null): the API serves them only to who holds the disability
     * permission, never to the federation.
     */
    public Indicators withoutDisability() {
        return new Indicators(centre, from, to, members, publics.withoutDisability(),
                sectors.stream().map(UnitFigures.Sector::withoutDisability).toList(), activities, reception, association,
                schoolsBySector);
    }
}
