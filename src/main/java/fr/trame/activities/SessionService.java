package fr.trame.activities;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Schedules and sessions. A weekly schedule creates its planned sessions at once, skipping (or keeping only) the school
 * holidays of the centre's zone; a session is held when it has attendance or a headcount, cancelled with a reason.
 */
@Service
public class SessionService {

    public static final List<String> HOLIDAY_RULES = List.of("hors_vacances", "vacances_seulement", "toutes");

    public record Schedule(long id, List<Integer> weekdays, LocalTime startTime, LocalTime endTime, LocalDate fromDate,
                           LocalDate toDate, String holidays, long sessions) {
    }

    public record Session(long id, long activityId, String activityName, String kind, LocalDate date,
                          LocalTime startTime, LocalTime endTime, String cancelledReason, long enrolled, long present,
                          long recorded, Integer headcount) {
        public boolean cancelled() {
            return cancelledReason != null;
        }

        public boolean held() {
            return !cancelled() && (recorded > 0 || headcount != null);
        }
    }

    private static final String SESSION_SELECT = """
            select se.id, se.activity_id, a.name as activity_name, a.kind, se.date, se.start_time, se.end_time,
                   se.cancelled_reason,
                   (select count(*) from enrolments e where e.centre_id = se.centre_id and e.activity_id = se.activity_id
                      and e.status = 'inscrit') as enrolled,
                   (select count(*) from attendance_marks at where at.centre_id = se.centre_id and at.session_id = se.id
                      and at.status = 'present') as present,
                   (select count(*) from attendance_marks at where at.centre_id = se.centre_id and at.session_id = se.id) as recorded,
                   (select h.headcount from attendance_headcounts h where h.centre_id = se.centre_id and h.session_id = se.id) as headcount
            from sessions se join activities a on a.centre_id = se.centre_id and a.id = se.activity_id
            """;

    private final JdbcClient jdbc;

    public SessionService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a weekly schedule and its sessions; returns how many sessions it planned. */
    @Transactional
    public int addWeekly(long centreId, long activityId, List<Integer> weekdays, LocalTime start, LocalTime end,
                         LocalDate from, LocalDate to, String holidays) {
        String days = weekdays.stream().map(String::valueOf).collect(Collectors.joining(","));
        long scheduleId = jdbc.sql("""
                insert into schedules (centre_id, activity_id, weekdays, start_time, end_time, from_date, to_date, holidays)
                values (?, ?, string_to_array(?, ',')::smallint[], ?, ?, ?, ?, ?) returning id""")
                .params(centreId, activityId, days, start, end, from, to, holidays).query(Long.class).single();
        return jdbc.sql("""
                insert into sessions (centre_id, activity_id, schedule_id, date, start_time, end_time)
                select s.centre_id, s.activity_id, s.id, d::date, s.start_time, s.end_time
                from schedules s
                cross join generate_series(s.from_date, s.to_date, interval '1 day') d
                where s.centre_id = :centre and s.id = :schedule
                  and extract(isodow from d)::smallint = any (s.weekdays)
                  and case s.holidays
                        when 'toutes' then true
                        else (exists (select 1 from school_holidays h join centre_centres c on c.school_zone = h.zone
                                      where c.id = s.centre_id and d >= h.start_date and d < h.end_date))
                             = (s.holidays = 'vacances_seulement')
                      end
                on conflict (centre_id, activity_id, date, start_time) do nothing""")
                .param("centre", centreId).param("schedule", scheduleId).update();
    }

    /** A session named by an import file: its activity's reference, date, start and end. */
    public record Named(String activityRef, LocalDate date, LocalTime start, LocalTime end) {
    }

    /**
     * Creates the sessions named that do not exist yet, in one statement (an import's whole set at once), in the
     * caller's transaction; an unknown activity reference is skipped. Returns the ids of those this call created: a
     * session another transaction created meanwhile is not among them.
     */
    @Transactional
    public Set<Long> createMissing(long centreId, Collection<Named> sessions) {
        return jdbc.sql("""
                insert into sessions (centre_id, activity_id, date, start_time, end_time)
                select distinct :centre, a.id, n.date::date, n.start_time::time, n.end_time::time
                from unnest(:refs::text[], :dates::text[], :starts::text[], :ends::text[]) as n(ref, date, start_time, end_time)
                join activities a on a.centre_id = :centre and a.ref = n.ref
                on conflict (centre_id, activity_id, date, start_time) do nothing
                returning id""")
                .param("centre", centreId)
                .param("refs", sessions.stream().map(Named::activityRef).toArray(String[]::new))
                .param("dates", sessions.stream().map(n -> n.date().toString()).toArray(String[]::new))
                .param("starts", sessions.stream().map(n -> n.start().toString()).toArray(String[]::new))
                .param("ends", sessions.stream().map(n -> n.end().toString()).toArray(String[]::new))
                .query(Long.class).set();
    }

    @Transactional
    public long addOneOff(long centreId, long activityId, LocalDate date, LocalTime start, LocalTime end) {
        return jdbc.sql("""
                insert into sessions (centre_id, activity_id, date, start_time, end_time) values (?, ?, ?, ?, ?)
                on conflict (centre_id, activity_id, date, start_time) do update set end_time = excluded.end_time
                returning id""")
                .params(centreId, activityId, date, start, end).query(Long.class).single();
    }

    @Transactional
    public void cancel(long centreId, long sessionId, String reason) {
        jdbc.sql("update sessions set cancelled_reason = ? where centre_id = ? and id = ?")
                .params(reason, centreId, sessionId).update();
    }

    public List<Schedule> schedules(long centreId, long activityId) {
        return jdbc.sql("""
                select s.id, s.weekdays, s.start_time, s.end_time, s.from_date, s.to_date, s.holidays,
                       (select count(*) from sessions se where se.centre_id = s.centre_id and se.schedule_id = s.id) as sessions
                from schedules s where s.centre_id = ? and s.activity_id = ? order by s.from_date, s.id""")
                .params(centreId, activityId)
                .query((rs, n) -> new Schedule(rs.getLong("id"),
                        Arrays.stream((Short[]) rs.getArray("weekdays").getArray()).map(Short::intValue).toList(),
                        rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class),
                        rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
                        rs.getString("holidays"), rs.getLong("sessions")))
                .list();
    }

    public List<Session> ofActivity(long centreId, long activityId) {
        return jdbc.sql(SESSION_SELECT + " where se.centre_id = ? and se.activity_id = ? order by se.date, se.start_time")
                .params(centreId, activityId).query(Session.class).list();
    }

    public List<Session> on(long centreId, LocalDate date) {
        return jdbc.sql(SESSION_SELECT + " where se.centre_id = ? and se.date = ? order by se.start_time, a.name")
                .params(centreId, date).query(Session.class).list();
    }

    /** The sessions of a day whose activity has this user as referent: an animateur's own sessions. */
    public List<Session> onOfReferent(long centreId, LocalDate date, long userId) {
        return jdbc.sql(SESSION_SELECT + """
                 where se.centre_id = ? and se.date = ? and a.referent_user_id = ?
                order by se.start_time, a.name""")
                .params(centreId, date, userId).query(Session.class).list();
    }

    public Optional<Session> find(long centreId, long sessionId) {
        return jdbc.sql(SESSION_SELECT + " where se.centre_id = ? and se.id = ?").params(centreId, sessionId)
                .query(Session.class).optional();
    }
}
