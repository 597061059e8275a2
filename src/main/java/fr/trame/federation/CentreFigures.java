package fr.trame.federation;

import java.time.LocalDate;

/**
 * A few aggregates of a member centre that runs Trame, for its structure's page: counts only, never a person.
 * Implemented by the reporting module, which owns the indicators' definitions, so that this module does not depend
 * on it (as association's ProjectMetrics).
 */
public interface CentreFigures {

    /**
     * The figures of a period, inclusive: memberships overlapping it and the distinct households and persons they
     * cover (members.*), distinct persons and households reached (publics.*), reception contacts and the distinct
     * persons they concern (reception.*), as interchange.md defines them.
     */
    record Figures(LocalDate from, LocalDate to, long memberships, long memberHouseholds, long memberPersons,
                   long reachedPersons, long reachedHouseholds, long receptionContacts, long receptionPersons) {
    }

    /** The last twelve months up to today, today included. */
    Figures lastTwelveMonths(long centreId, LocalDate today);
}
