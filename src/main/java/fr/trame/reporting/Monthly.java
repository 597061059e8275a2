package fr.trame.reporting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report's month-by-month figures, of a period and of the same period a year before, each in one set-based query
 * over both years (not a pass of {@link IndicatorService#prepare}: the engine's tables hold no dates).
 * A presence is counted as {@code presences} counts it: a present mark on a session of the period that was not cancelled.
 */
@Service
public class Monthly {

    private final JdbcClient jdbc;

    public Monthly(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sector name → month → presences, for the months of the period and of the period a year before. */
    public Map<String, Map<YearMonth, Long>> presencesBySector(long centreId, LocalDate from, LocalDate to) {
        Map<String, Map<YearMonth, Long>> bySector = new LinkedHashMap<>();
        // counted per session first, then per sector and month: the month and the names for a few thousand sessions,
        // not for each of the hundreds of thousands of marks (four times faster on an M centre)
        jdbc.sql("""
                with per_session as (
                    select at.session_id, count(*) as presences
                    from attendance_marks at
                    join activities_sessions se on se.centre_id = at.centre_id and se.id = at.session_id
                    where at.centre_id = :centre and at.status = 'present' and se.cancelled_reason is null
                      and (se.date between :from and :to or se.date between :fromBefore and :toBefore)
                    group by 1)
                select s.name, to_char(se.date, 'YYYY-MM') as month, sum(ps.presences) as presences
                from per_session ps
                join activities_sessions se on se.centre_id = :centre and se.id = ps.session_id
                join activities_activities a on a.centre_id = se.centre_id and a.id = se.activity_id
                join activities_sectors s on s.centre_id = a.centre_id and s.id = a.sector_id
                group by 1, 2 order by 1, 2""")
                .params(params(centreId, from, to))
                .query((rs, n) -> bySector.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(YearMonth.parse(rs.getString(2)), rs.getLong(3))).list();
        return bySector;
    }

    /** Month → reception contacts, for the months of the period and of the period a year before. */
    public Map<YearMonth, Long> contacts(long centreId, LocalDate from, LocalDate to) {
        Map<YearMonth, Long> byMonth = new LinkedHashMap<>();
        jdbc.sql("""
                select to_char(date, 'YYYY-MM'), count(*) from reception_contacts
                where centre_id = :centre and (date between :from and :to or date between :fromBefore and :toBefore)
                group by 1 order by 1""")
                .params(params(centreId, from, to))
                .query((rs, n) -> byMonth.put(YearMonth.parse(rs.getString(1)), rs.getLong(2))).list();
        return byMonth;
    }

    private static Map<String, Object> params(long centreId, LocalDate from, LocalDate to) {
        return Map.of("centre", centreId, "from", from, "to", to, "fromBefore", from.minusYears(1), "toBefore", to.minusYears(1));
    }
}
