package fr.trame.reporting;

import static fr.trame.reporting.JsonMaps.sub;

import fr.trame.association.ProjectMetrics;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    public Evaluation over(long centreId, LocalDate from, LocalDate to, Set<String> metrics, Collection<List<Long>> activitySets) {
        return new Evaluation() {
            private final Map<String, Object> sections = new HashMap<>();
            private final Map<List<Long>, Map<String, Long>> sets = new HashMap<>();

            {
                run(metrics, activitySets);
            }

            @Override
            public BigDecimal value(String metric, List<Long> activities) {
                List<Long> set = List.copyOf(activities);
                boolean activityMetric = metric.startsWith("activities.");
                if (activityMetric ? !sets.containsKey(set) : !sections.containsKey(section(metric))) {
                    run(Set.of(metric), List.of(set));
                }
                if (activityMetric) {
                    return new BigDecimal(sets.get(set).get(metric.substring(11)).toString());
                }
                String[] path = metric.split("\\.");
                Object value = path[0].equals("association") ? sub(sub(sections, "association"), "volunteers")
                        .get(path[1].equals("volunteers") ? "volunteers" : "hours") : sub(sections, path[0]).get(path[1]);
                return value == null ? null : new BigDecimal(value.toString());
            }

            /** One engine run for the sections of the metrics asked and, if some count activities, the sets. */
            private void run(Set<String> asked, Collection<List<Long>> activitySets) {
                Set<String> wanted = new LinkedHashSet<>();
                boolean perActivity = false;
                for (String metric : asked) {
                    if (metric.startsWith("activities.")) {
                        perActivity = true;
                    } else {
                        wanted.add(section(metric));
                    }
                }
                if (wanted.isEmpty() && (!perActivity || activitySets.isEmpty())) {
                    return;
                }
                IndicatorService.Figures figures = indicators.figures(centreId, from, to, wanted,
                        perActivity ? activitySets : List.of());
                sections.putAll(figures.sections());
                sets.putAll(figures.activitySets());
            }
        };
    }

    /** The engine's section a metric is read from: its first word. */
    private static String section(String metric) {
        return metric.substring(0, metric.indexOf('.'));
    }
}
