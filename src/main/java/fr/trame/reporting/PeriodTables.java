package fr.trame.reporting;

/**
 * The temporary tables one pass over a period's attendance builds ({@link IndicatorService#prepare}), which the
 * figures and the drill-down lists are then read from, in the same transaction. SQL names them by placeholder,
 * {@code {presences}}, {@code {firsts}}, {@code {held}} and {@code {households}}, and {@link #in} puts in their names.
 */
final class PeriodTables {

    /** Present rows of the period aggregated per activity and person: first date, presences, hours. */
    static final String PRESENCES = "period_presences_by_activity_person";

    /** Each person reached in the period (present at an activity or named on a contact) and their first contact. */
    static final String FIRST_CONTACTS = "period_first_contacts";

    /** Each reached person's principal household: its quartier, QPV answer and QF (indicators' rule). */
    static final String HOUSEHOLDS = "period_reached_households";

    /** Sessions dated in the period and not cancelled, and whether they count (attendance or a headcount). */
    static final String SESSIONS_HELD = "period_sessions_held";

    private PeriodTables() {
    }

    /** The SQL with the tables' names in place of their placeholders. */
    static String in(String sql) {
        return sql.replace("{presences}", PRESENCES).replace("{firsts}", FIRST_CONTACTS).replace("{held}", SESSIONS_HELD)
                .replace("{households}", HOUSEHOLDS);
    }
}
