package fr.trame.reporting;

import static fr.trame.reporting.JsonMaps.sub;

import fr.trame.association.ProjectMetrics;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of the indicators an objective of the projet social can be measured by. */
@Component
public class EngineMetrics implements ProjectMetrics {

    private static final Map<String, String> OFFERED = new LinkedHashMap<>();

    static {
        OFFERED.put("publics.persons", "Personnes touchées");
        OFFERED.put("publics.households", "Foyers touchés");
        OFFERED.put("members.memberships", "Adhésions");
        OFFERED.put("members.persons", "Personnes couvertes par une adhésion");
        OFFERED.put("reception.contacts", "Contacts d'accueil");
        OFFERED.put("reception.persons", "Personnes venues à l'accueil");
        OFFERED.put("activities.persons", "Personnes présentes aux activités de l'objectif");
        OFFERED.put("activities.presences", "Présences aux activités de l'objectif");
        OFFERED.put("activities.sessions", "Séances des activités de l'objectif");
        OFFERED.put("association.volunteers", "Bénévoles");
        OFFERED.put("association.volunteerHours", "Heures de bénévolat");
    }

    private final IndicatorService indicators;

    public EngineMetrics(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @Override
    public Map<String, String> offered() {
        return OFFERED;
    }

    @Override
    public Evaluation over(long centreId, LocalDate from, LocalDate to) {
        return new Evaluation() {
            private Map<String, Object> json;
            // persons, presences and sessions of a set of activities come in one pass: asked for one, keep all three
            private final Map<List<Long>, Map<String, Long>> sets = new java.util.HashMap<>();

            @Override
            public BigDecimal value(String metric, List<Long> activities) {
                if (metric.startsWith("activities.")) {
                    return new BigDecimal(sets.computeIfAbsent(List.copyOf(activities),
                            ids -> indicators.activitySet(centreId, from, to, ids)).get(metric.substring(11)).toString());
                }
                if (json == null) {
                    json = indicators.compute(centreId, "", from, to);
                }
                String[] path = metric.split("\\.");
                Object value = path[0].equals("association") ? sub(sub(json, "association"), "volunteers")
                        .get(path[1].equals("volunteers") ? "volunteers" : "hours") : sub(json, path[0]).get(path[1]);
                return value == null ? null : new BigDecimal(value.toString());
            }
        };
    }

}
