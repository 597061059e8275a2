package fr.trame.attendance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attendance sheet of a session: the enrolled persons and anyone added, each present, absent or excusé (or not
 * yet taken), with optional arrival and departure times; an anonymous headcount for open events.
 */
@Service
public class AttendanceService {

    public record Line(long personId, String lastName, String firstName, LocalDate birthDate, boolean enrolled,
                       String status, LocalTime arrival, LocalTime departure) {
    }

    public record PersonAttendance(long sessionId, String activityName, LocalDate date, LocalTime startTime,
                                   LocalTime endTime, String status, LocalTime arrival, LocalTime departure) {
    }

    private final JdbcClient jdbc;

    public AttendanceService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Enrolled persons of the session's activity, and persons with a row on this session though not enrolled. */
    public List<Line> sheet(long centreId, long sessionId) {
        return jdbc.sql("""
                with se as (select centre_id, id, activity_id from sessions where centre_id = :centre and id = :session),
                people as (
                    select e.person_id, true as enrolled from enrolments e join se on e.centre_id = se.centre_id
                      and e.activity_id = se.activity_id where e.status = 'inscrit'
                    union
                    select at.person_id, false from attendance at join se on at.centre_id = se.centre_id
                      and at.session_id = se.id)
                select p.id as person_id, p.last_name, p.first_name, p.birth_date, bool_or(pe.enrolled) as enrolled,
                       at.status, at.arrival, at.departure
                from people pe
                join persons p on p.centre_id = :centre and p.id = pe.person_id
                left join attendance at on at.centre_id = :centre and at.session_id = :session and at.person_id = p.id
                group by p.id, p.last_name, p.first_name, p.birth_date, at.status, at.arrival, at.departure
                order by lower(p.last_name), lower(p.first_name)""")
                .param("centre", centreId).param("session", sessionId).query(Line.class).list();
    }

    public Optional<Line> line(long centreId, long sessionId, long personId) {
        return sheet(centreId, sessionId).stream().filter(l -> l.personId() == personId).findFirst();
    }

    /** One tap: not taken → présent → absent → excusé → présent. Returns the new status. */
    @Transactional
    public String cycle(long centreId, long sessionId, long personId) {
        return jdbc.sql("""
                insert into attendance (centre_id, session_id, person_id, status) values (?, ?, ?, 'present')
                on conflict (centre_id, session_id, person_id) do update set status =
                    case attendance.status when 'present' then 'absent' when 'absent' then 'excuse' else 'present' end
                returning status""")
                .params(centreId, sessionId, personId).query(String.class).single();
    }

    /** Saves many statuses of one session in one statement (the "tous présents" button, a whole sheet). */
    @Transactional
    public int save(long centreId, long sessionId, Map<Long, String> statusByPerson) {
        if (statusByPerson.isEmpty()) {
            return 0;
        }
        Long[] persons = statusByPerson.keySet().toArray(Long[]::new);
        String[] statuses = java.util.Arrays.stream(persons).map(statusByPerson::get).toArray(String[]::new);
        return jdbc.sql("""
                insert into attendance (centre_id, session_id, person_id, status)
                select :centre, :session, p, s from unnest(:persons::bigint[], :statuses::text[]) as x(p, s)
                on conflict (centre_id, session_id, person_id) do update set status = excluded.status
                where attendance.status is distinct from excluded.status""")
                .param("centre", centreId).param("session", sessionId)
                .param("persons", persons).param("statuses", statuses).update();
    }

    /** Everyone enrolled is present; persons added by hand keep their status. */
    @Transactional
    public int allPresent(long centreId, long sessionId) {
        return jdbc.sql("""
                insert into attendance (centre_id, session_id, person_id, status)
                select e.centre_id, se.id, e.person_id, 'present'
                from sessions se join enrolments e on e.centre_id = se.centre_id and e.activity_id = se.activity_id
                where se.centre_id = ? and se.id = ? and e.status = 'inscrit'
                on conflict (centre_id, session_id, person_id) do update set status = 'present'
                where attendance.status <> 'present'""")
                .params(centreId, sessionId).update();
    }

    @Transactional
    public void setTimes(long centreId, long sessionId, long personId, LocalTime arrival, LocalTime departure) {
        jdbc.sql("""
                insert into attendance (centre_id, session_id, person_id, status, arrival, departure)
                values (?, ?, ?, 'present', ?, ?)
                on conflict (centre_id, session_id, person_id) do update
                set arrival = excluded.arrival, departure = excluded.departure""")
                .params(centreId, sessionId, personId, arrival, departure).update();
    }

    /** Sets the anonymous headcount; zero or less removes it. */
    @Transactional
    public void setHeadcount(long centreId, long sessionId, int headcount) {
        if (headcount <= 0) {
            jdbc.sql("delete from headcounts where centre_id = ? and session_id = ?").params(centreId, sessionId).update();
            return;
        }
        jdbc.sql("""
                insert into headcounts (centre_id, session_id, headcount) values (?, ?, ?)
                on conflict (centre_id, session_id) do update set headcount = excluded.headcount""")
                .params(centreId, sessionId, headcount).update();
    }

    public List<PersonAttendance> ofPerson(long centreId, long personId, int limit) {
        return jdbc.sql("""
                select se.id as session_id, a.name as activity_name, se.date, se.start_time, se.end_time, at.status,
                       at.arrival, at.departure
                from attendance at
                join sessions se on se.centre_id = at.centre_id and se.id = at.session_id
                join activities a on a.centre_id = se.centre_id and a.id = se.activity_id
                where at.centre_id = ? and at.person_id = ? order by se.date desc, se.start_time desc limit ?""")
                .params(centreId, personId, limit).query(PersonAttendance.class).list();
    }
}
