package fr.trame.association;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The engine's figures an objective of the projet social can be measured by. Implemented by the reporting module,
 * which owns the definitions, so that this module does not depend on it.
 */
public interface ProjectMetrics {

    /** The figures offered, code → French label. */
    Map<String, String> offered();

    /** The figures of one period; each is computed at most once. */
    Evaluation over(long centreId, LocalDate from, LocalDate to);

    interface Evaluation {
        /** The figure; the {@code activities.*} ones count only the objective's activities. */
        BigDecimal value(String metric, List<Long> objectiveActivities);
    }
}
