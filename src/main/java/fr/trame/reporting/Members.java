package fr.trame.reporting;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code members} object of the indicators: memberships overlapping the period and whom they cover; the covered
 * persons' profile and the member households by QF band (interchange.md, second part).
 */
@JsonPropertyOrder(alphabetic = false)
public record Members(long memberships, long households, long persons, long individual, long organisations,
                      Profile profile, Map<String, Long> householdsByQfBand) {

    /** The persons of {@code members.persons} by sex, age band and QF band. */
    @JsonPropertyOrder(alphabetic = false)
    public record Profile(Map<String, Long> bySex, Map<String, Long> byAgeBand, Map<String, Long> byQfBand) {

        /** The breakdowns by their name in the JSON, which is also how the drill-down and the labels name them. */
        public Map<String, Map<String, Long>> breakdowns() {
            Map<String, Map<String, Long>> breakdowns = new LinkedHashMap<>();
            breakdowns.put("bySex", bySex);
            breakdowns.put("byAgeBand", byAgeBand);
            breakdowns.put("byQfBand", byQfBand);
            return breakdowns;
        }
    }
}
