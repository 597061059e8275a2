package fr.trame.reporting;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code reception} object of the indicators: the period's contacts, by theme, channel and appointment status;
 * then (second part) the persons of {@code persons} by sex, age band on their first contact in the period, quartier
 * and QPV of their household, and the case files of the period.
 */
@JsonPropertyOrder(alphabetic = false)
public record Reception(long contacts, long persons, long anonymousContacts, Map<String, Long> byTheme,
                        Map<String, Long> byChannel, Map<String, Long> appointments, Map<String, Long> bySex,
                        Map<String, Long> byAgeBand, Map<String, Long> byQuartier, Map<String, Long> qpv, Cases cases) {

    /**
     * Case files opened in the period, closed in it, active on at least one of its days, and those closed in it by
     * their outcome's code (the centre's list).
     */
    @JsonPropertyOrder(alphabetic = false)
    public record Cases(long opened, long closed, long active, Map<String, Long> byOutcome) {
    }

    /** The persons' breakdowns by their name in the JSON, which is also how the drill-down and the labels name them. */
    public Map<String, Map<String, Long>> breakdowns() {
        Map<String, Map<String, Long>> breakdowns = new LinkedHashMap<>();
        breakdowns.put("bySex", bySex);
        breakdowns.put("byAgeBand", byAgeBand);
        breakdowns.put("byQuartier", byQuartier);
        breakdowns.put("qpv", qpv);
        return breakdowns;
    }
}
