package fr.trame.reporting;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The figures of a sector or an activity over the period (interchange.md): sessions counted, distinct persons present
 * and their households, presences, hours (2 decimals) and anonymous headcounts. A sector's row and an activity's row
 * have their own fields, in the order of the JSON.
 */
public sealed interface UnitFigures {

    String name();

    long sessions();

    long persons();

    long households();

    long presences();

    BigDecimal hours();

    long anonymous();

    /**
     * A row of {@code sectors}; {@code bySex}, {@code byAgeBand}, {@code byQuartier} and {@code qpv} count its distinct
     * persons, as do {@code newPersons} and {@code disability} (those with a disability; null where withheld); {@code sharedPersons} gives,
     * for each other sector, the persons present in both (zero left out).
     */
    @JsonPropertyOrder(alphabetic = false)
    record Sector(String name, long persons, long households, long sessions, long presences, BigDecimal hours,
                  long anonymous, Map<String, Long> bySex, Map<String, Long> byAgeBand, Map<String, Long> byQuartier,
                  Map<String, Long> qpv, long newPersons, Long disability, Map<String, Long> sharedPersons) implements UnitFigures {
        /** The same row without its disability count (null), for who may not see it. */
        Sector withoutDisability() {
            return new Sector(name, persons, households, sessions, presences, hours, anonymous, bySex, byAgeBand, byQuartier,
                    qpv, newPersons, null, sharedPersons);
        }
    }

    /**
     * A row of {@code activities}; {@code averagePerSession} has 1 decimal. Then (interchange.md, second part) its
     * persons by sex, age band (at their first presence in it), quartier and QPV; those new to the centre; the sessions
     * planned (not cancelled) and cancelled, the hours of those held (2 decimals), its persons by attendance rate.
     */
    @JsonPropertyOrder(alphabetic = false)
    record Activity(String ref, String name, String sector, String kind, long sessions, long persons, long households,
                    long presences, BigDecimal hours, long anonymous, BigDecimal averagePerSession,
                    Map<String, Long> bySex, Map<String, Long> byAgeBand, Map<String, Long> byQuartier, Map<String, Long> qpv,
                    long newPersons, long sessionsPlanned, long sessionsCancelled, BigDecimal sessionHours,
                    Map<String, Long> byAttendanceRate) implements UnitFigures {

        /** How {@link IndicatorService#activityAgeBands} and {@link DrillDown#activityIds} name this activity. */
        public String key() {
            return (ref == null ? "" : ref) + "|" + name;
        }
    }
}
