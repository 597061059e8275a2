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
        jdbc.sql("""
                select s.name, to_char(se.date, 'YYYY-MM') as month, count(*) as presences
                from activities_sessions se
                join activities_activities a on a.centre_id = se.centre_id and a.id = se.activity_id
                join activities_sectors s on s.centre_id = a.centre_id and s.id = a.sector_id
                join attendance_marks at on at.centre_id = se.centre_id and at.session_id = se.id
                where se.centre_id = :centre and se.cancelled_reason is null and at.status = 'present'
                  and (se.date between :from and :to or se.date between :fromBefore and :toBefore)
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
