package fr.trame.attendance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Hours attended: a presence counts its session's length, or arrival to departure when both are known. For ACM
 * activities, the month's hours per child and per age group (under 6 / 6 and over, age on the session's date): the
 * base of the CAF prestation de service.
 */
@Service
public class HoursService {

    public record ChildHours(long personId, String lastName, String firstName, String ageGroup, long presences,
                             BigDecimal hours) {
    }

    public record GroupHours(String ageGroup, long children, long presences, BigDecimal hours) {
    }

    /** SQL for the hours of one attendance row {@code at} of session {@code se}. */
    public static final String PRESENCE_HOURS = """
            extract(epoch from (case when at.arrival is not null and at.departure is not null
                                     then at.departure - at.arrival else se.end_time - se.start_time end)) / 3600.0""";

    private static final String MONTH_ROWS = """
            select p.id as person_id, p.last_name, p.first_name,
                   case when p.birth_date is null then 'inconnu'
                        when se.date < (p.birth_date + interval '6 years')::date then 'moins de 6 ans'
                        else '6 ans et plus' end as age_group,
                   """ + PRESENCE_HOURS + """
             as hours
            from attendance at
            join activities_sessions se on se.centre_id = at.centre_id and se.id = at.session_id
            join activities_activities a on a.centre_id = se.centre_id and a.id = se.activity_id
            join people_persons p on p.centre_id = at.centre_id and p.id = at.person_id
            where at.centre_id = :centre and at.status = 'present' and a.kind = 'acm' and se.cancelled_reason is null
              and se.date >= :from and se.date < :to
            """;

    private final JdbcClient jdbc;

    public HoursService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ChildHours> acmByChild(long centreId, YearMonth month) {
        return jdbc.sql("select person_id, last_name, first_name, age_group, count(*) as presences,"
                        + " round(sum(hours), 2) as hours from (" + MONTH_ROWS + ") r"
                        + " group by person_id, last_name, first_name, age_group order by lower(last_name), lower(first_name), age_group")
                .param("centre", centreId).param("from", month.atDay(1)).param("to", month.plusMonths(1).atDay(1))
                .query(ChildHours.class).list();
    }

    public List<GroupHours> acmByAgeGroup(long centreId, YearMonth month) {
        return jdbc.sql("select age_group, count(distinct person_id) as children, count(*) as presences,"
                        + " round(sum(hours), 2) as hours from (" + MONTH_ROWS + ") r group by age_group order by age_group desc")
                .param("centre", centreId).param("from", month.atDay(1)).param("to", month.plusMonths(1).atDay(1))
                .query(GroupHours.class).list();
    }
}
