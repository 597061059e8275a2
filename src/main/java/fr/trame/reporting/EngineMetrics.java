package fr.trame.reporting;

import fr.trame.association.ProjectMetrics;
import fr.trame.reporting.IndicatorService.Section;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The figures of the indicators an objective of the projet social can be measured by. */
@Component
class EngineMetrics implements ProjectMetrics {

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
            private final Map<Section, IndicatorService.Figures> sections = new EnumMap<>(Section.class);
            private final Map<List<Long>, IndicatorService.SetFigures> sets = new HashMap<>();

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
                    IndicatorService.SetFigures figures = sets.get(set);
                    return BigDecimal.valueOf(switch (metric) {
                        case "activities.persons" -> figures.persons();
                        case "activities.presences" -> figures.presences();
                        case "activities.sessions" -> figures.sessions();
                        default -> throw new IllegalArgumentException("indicateur inconnu : " + metric);
                    });
                }
                IndicatorService.Figures figures = sections.get(section(metric));
                return switch (metric) {
                    case "publics.persons" -> BigDecimal.valueOf(figures.publics().persons());
                    case "publics.households" -> BigDecimal.valueOf(figures.publics().households());
                    case "members.memberships" -> BigDecimal.valueOf(figures.members().memberships());
                    case "members.persons" -> BigDecimal.valueOf(figures.members().persons());
                    case "reception.contacts" -> BigDecimal.valueOf(figures.reception().contacts());
                    case "reception.persons" -> BigDecimal.valueOf(figures.reception().persons());
                    case "association.volunteers" -> BigDecimal.valueOf(figures.association().volunteers().volunteers());
                    case "association.volunteerHours" -> figures.association().volunteers().hours();
                    default -> null; // not a figure the engine offers: no value, as for a figure not measured
                };
            }

            /** One engine run for the sections of the metrics asked and, if some count activities, the sets. */
            private void run(Set<String> asked, Collection<List<Long>> activitySets) {
                Set<Section> wanted = EnumSet.noneOf(Section.class);
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
                wanted.forEach(section -> sections.put(section, figures));
                sets.putAll(figures.activitySets());
            }
        };
    }

    /** The engine's section a metric is read from: its first word. */
    private static Section section(String metric) {
        return Section.valueOf(metric.substring(0, metric.indexOf('.')).toUpperCase(Locale.ROOT));
    }
}
