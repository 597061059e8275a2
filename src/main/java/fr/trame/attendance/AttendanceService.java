package fr.trame.attendance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The attendance sheet of a session: the enrolled persons and anyone added, each present, absent or excusé (or not
 * yet taken), with optional arrival and departure times; an anonymous headcount for open events.
 */
@Service
public class AttendanceService {

    public record Line(long personId, String lastName, String firstName, LocalDate birthDate, boolean enrolled,
                       String status, LocalTime arrival, LocalTime departure, String sex) {

        public String fullName() {
            return firstName + " " + lastName;
        }

        /** The state as said of this person ("Hélène Martin : présente"): agreed with the sex when it is known. */
        public String stateWord() {
            if (status == null) {
                return "à faire";
            }
            return agreed(switch (status) {
                case "present" -> "présent";
                case "absent" -> "absent";
                default -> "excusé";
            });
        }

        /** A participle agreed with the person: "ajoutée" for a woman; the masculine when the sex is unknown. */
        public String agreed(String masculine) {
            return "F".equals(sex) ? masculine + "e" : masculine;
        }
    }

    /** How many of the sheet's lines are present, out of all its lines. */
    public record Tally(long present, long total) {
    }

    public record PersonAttendance(long sessionId, String activityName, LocalDate date, LocalTime startTime,
                                   LocalTime endTime, String status, LocalTime arrival, LocalTime departure) {
    }

    private final JdbcClient jdbc;

    public AttendanceService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The persons of a sheet: enrolled in the session's activity, or with a row on this session though not enrolled. */
    private static final String SHEET_PEOPLE = """
            with se as (select centre_id, id, activity_id from activities_sessions where centre_id = :centre and id = :session),
            people as (
                select e.person_id, true as enrolled from activities_enrolments e join se on e.centre_id = se.centre_id
                  and e.activity_id = se.activity_id where e.status = 'inscrit'
                union
                select at.person_id, false from attendance at join se on at.centre_id = se.centre_id
                  and at.session_id = se.id)
            """;

    /** Enrolled persons of the session's activity, and persons with a row on this session though not enrolled. */
    public List<Line> sheet(long centreId, long sessionId) {
        return jdbc.sql(SHEET_PEOPLE + """
                select p.id as person_id, p.last_name, p.first_name, p.birth_date, p.sex, bool_or(pe.enrolled) as enrolled,
                       at.status, at.arrival, at.departure
                from people pe
                join people_persons p on p.centre_id = :centre and p.id = pe.person_id
                left join attendance at on at.centre_id = :centre and at.session_id = :session and at.person_id = p.id
                group by p.id, p.last_name, p.first_name, p.birth_date, p.sex, at.status, at.arrival, at.departure
                order by lower(p.last_name), lower(p.first_name), p.id""")
                .param("centre", centreId).param("session", sessionId).query(Line.class).list();
    }

    /** The counter of the sheet: present lines out of all lines. */
    public Tally tally(long centreId, long sessionId) {
        return jdbc.sql(SHEET_PEOPLE + """
                select count(distinct pe.person_id) filter (where at.status = 'present') as present,
                       count(distinct pe.person_id) as total
                from people pe
                join people_persons p on p.centre_id = :centre and p.id = pe.person_id
                left join attendance at on at.centre_id = :centre and at.session_id = :session and at.person_id = p.id""")
                .param("centre", centreId).param("session", sessionId).query(Tally.class).single();
    }

    /** The given lines of the sheet, in the sheet's order. */
    public List<Line> lines(long centreId, long sessionId, Collection<Long> personIds) {
        Set<Long> wanted = Set.copyOf(personIds);
        return sheet(centreId, sessionId).stream().filter(l -> wanted.contains(l.personId())).toList();
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
        String[] statuses = Arrays.stream(persons).map(statusByPerson::get).toArray(String[]::new);
        return jdbc.sql("""
                insert into attendance (centre_id, session_id, person_id, status)
                select :centre, :session, p, s from unnest(:persons::bigint[], :statuses::text[]) as x(p, s)
                on conflict (centre_id, session_id, person_id) do update set status = excluded.status
                where attendance.status is distinct from excluded.status""")
                .param("centre", centreId).param("session", sessionId)
                .param("persons", persons).param("statuses", statuses).update();
    }

    /**
     * "Tous présents": the enrolled persons still "à faire" (no row yet) become present; absents, excusés and anyone
     * already noted keep their state. Returns the persons it changed, which {@link #undoAllPresent} takes back.
     */
    @Transactional
    public List<Long> allPresent(long centreId, long sessionId) {
        return jdbc.sql("""
                insert into attendance (centre_id, session_id, person_id, status)
                select e.centre_id, se.id, e.person_id, 'present'
                from activities_sessions se join activities_enrolments e on e.centre_id = se.centre_id and e.activity_id = se.activity_id
                where se.centre_id = ? and se.id = ? and e.status = 'inscrit'
                on conflict (centre_id, session_id, person_id) do nothing
                returning person_id""")
                .params(centreId, sessionId).query(Long.class).list();
    }

    /**
     * Undoes a "tous présents": the rows it created go back to "à faire", which was their state before it. A row
     * changed since (tapped to absent, times written) is a later decision and stays. Returns the persons restored.
     */
    @Transactional
    public List<Long> undoAllPresent(long centreId, long sessionId, Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                delete from attendance
                where centre_id = :centre and session_id = :session and person_id = any (:persons::bigint[])
                  and status = 'present' and arrival is null and departure is null
                returning person_id""")
                .param("centre", centreId).param("session", sessionId)
                .param("persons", personIds.toArray(Long[]::new)).query(Long.class).list();
    }

    /** A person added to the sheet is present, unless already noted (their state is kept). True when added. */
    @Transactional
    public boolean add(long centreId, long sessionId, long personId) {
        return jdbc.sql("""
                insert into attendance (centre_id, session_id, person_id, status) values (?, ?, ?, 'present')
                on conflict (centre_id, session_id, person_id) do nothing""")
                .params(centreId, sessionId, personId).update() == 1;
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
                join activities_sessions se on se.centre_id = at.centre_id and se.id = at.session_id
                join activities_activities a on a.centre_id = se.centre_id and a.id = se.activity_id
                where at.centre_id = ? and at.person_id = ? order by se.date desc, se.start_time desc limit ?""")
                .params(centreId, personId, limit).query(PersonAttendance.class).list();
    }

    /** A person's status at a session: {@code present}, {@code absent} or {@code excuse}. */
    public record Mark(long sessionId, long personId, String status) {
    }

    /**
     * Records many sheets' marks at once, set-based, for attendance taken over from earlier sheets (the
     * demonstration's year); a mark already there takes the new status. Returns how many rows were written.
     */
    @Transactional
    public int recordAll(long centreId, List<Mark> marks) {
        Long[] sessions = new Long[marks.size()];
        Long[] persons = new Long[marks.size()];
        String[] statuses = new String[marks.size()];
        for (int i = 0; i < marks.size(); i++) {
            sessions[i] = marks.get(i).sessionId();
            persons[i] = marks.get(i).personId();
            statuses[i] = marks.get(i).status();
        }
        return jdbc.sql("""
                insert into attendance (centre_id, session_id, person_id, status)
                select :centre, m.session_id, m.person_id, m.status
                from unnest(cast(:sessions as bigint[]), cast(:persons as bigint[]), cast(:statuses as text[]))
                     as m(session_id, person_id, status)
                -- the table has no foreign keys: only this centre's sessions and persons are written
                join activities_sessions se on se.centre_id = :centre and se.id = m.session_id
                join people_persons p on p.centre_id = :centre and p.id = m.person_id
                on conflict (centre_id, session_id, person_id) do update set status = excluded.status
                where attendance.status is distinct from excluded.status""")
                .param("centre", centreId).param("sessions", sessions).param("persons", persons)
                .param("statuses", statuses).update();
    }
}
