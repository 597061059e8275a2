package fr.trame.reporting;

import fr.trame.activities.ActivityReach;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The public an activity reached in a calendar year, from the engine's figures of a set of activities. */
@Component
class EngineActivityReach implements ActivityReach {

    private final IndicatorService indicators;

    EngineActivityReach(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @Override
    public Reached reached(long centreId, long activityId, int year) {
        List<Long> set = List.of(activityId);
        IndicatorService.SetFigures f = indicators.figures(centreId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                Set.of(), List.of(set)).activitySets().get(set);
        return new Reached(f.persons(), f.presences(), f.sessions());
    }
}
