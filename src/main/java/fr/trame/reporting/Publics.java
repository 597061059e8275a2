package fr.trame.reporting;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code publics} object of the indicators: the persons reached in the period, their households, and the persons
 * counted by each breakdown (sex, age band, quartier, QPV, QF band); then (second part) the new persons, the persons by
 * number of sectors, by disability answer and by situation flag; in the order the JSON gives the keys.
 */
@JsonPropertyOrder(alphabetic = false)
public record Publics(long persons, long households, Map<String, Long> bySex, Map<String, Long> byAgeBand,
                      Map<String, Long> byQuartier, Map<String, Long> qpv, Map<String, Long> byQfBand,
                      long newPersons, Map<String, Long> bySectorCount, Map<String, Long> disability,
                      Map<String, Long> byFlag) {

    /** The breakdowns by their name in the JSON, which is also how the drill-down and the labels name them. */
    public Map<String, Map<String, Long>> breakdowns() {
        Map<String, Map<String, Long>> breakdowns = new LinkedHashMap<>();
        breakdowns.put("bySex", bySex);
        breakdowns.put("byAgeBand", byAgeBand);
        breakdowns.put("byQuartier", byQuartier);
        breakdowns.put("qpv", qpv);
        breakdowns.put("byQfBand", byQfBand);
        return breakdowns;
    }

    /** The same publics counted by a centre's own age and QF bands (its pages and report; the JSON keeps the standard ones). */
    public Publics inBands(BandCounts bands) {
        return new Publics(persons, households, bySex, bands.byAgeBand(), byQuartier, qpv, bands.byQfBand(), newPersons,
                bySectorCount, disability, byFlag);
    }

    /** The same publics without the disability counts (null), for who may not see them. */
    Publics withoutDisability() {
        return new Publics(persons, households, bySex, byAgeBand, byQuartier, qpv, byQfBand, newPersons, bySectorCount, null,
                byFlag);
    }

    /** Reached persons by a centre's own age and QF bands. */
    public record BandCounts(Map<String, Long> byAgeBand, Map<String, Long> byQfBand) {
    }
}
