package fr.trame.association;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's figures an objective of the projet social can be measured by. Implemented by the reporting module,
 * which owns the definitions, so that this module does not depend on it.
 */
public interface ProjectMetrics {

    /** The figures offered, code → French label. */
    Map<String, String> offered();

    /**
     * The figures of one period for the metrics and activity sets given, computed together in one engine run
     * whatever the number of objectives: a page asks for all of its objectives' figures at once.
     */
    Evaluation over(long centreId, LocalDate from, LocalDate to, Set<String> metrics, Collection<List<Long>> activitySets);

    interface Evaluation {
        /**
         * The figure; the {@code activities.*} ones count only the objective's activities. A metric or set that was
         * not asked for is computed on its own, in another run.
         */
        BigDecimal value(String metric, List<Long> objectiveActivities);
    }
}
