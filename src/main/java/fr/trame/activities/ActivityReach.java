package fr.trame.activities;

/**
 * The public an activity reached in a calendar year, as the indicator engine counts it. Implemented by the reporting
 * module, which owns the definitions, so that this module does not depend on it (as {@code ProjectMetrics}).
 */
public interface ActivityReach {

    /** Distinct persons present, presences and sessions held (counted) at the activity in the year. */
    record Reached(long persons, long presences, long sessions) {
    }

    Reached reached(long centreId, long activityId, int year);
}
