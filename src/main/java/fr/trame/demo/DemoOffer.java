package fr.trame.demo;

import fr.trame.activities.ActivityImporter;
import fr.trame.activities.ActivityService;
import fr.trame.activities.EnrolmentService;
import fr.trame.activities.SessionService;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.attendance.AttendanceService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static fr.trame.demo.DemoService.utf8;

/**
 * The demonstration centre's offer: a year of activities up to today, and their planned sessions to the end of the
 * season: weekly workshops (three groups each at size S, nine at M), the accueil de loisirs and youth sector, an outing
 * and a party. Activities go in as activities.csv, the one-off sessions' sheets as attendance.csv; schedules, sessions,
 * enrolments, cancellations and the year of weekly marks through the activities and attendance services, set-based.
 */
@Component
class DemoOffer {

    private final ActivityImporter activityImporter;
    private final ActivityService activities;
    private final SessionService sessions;
    private final EnrolmentService enrolments;
    private final AttendanceImporter attendanceImporter;
    private final AttendanceService attendance;
    private final JdbcClient jdbc;

    DemoOffer(ActivityImporter activityImporter, ActivityService activities, SessionService sessions,
              EnrolmentService enrolments, AttendanceImporter attendanceImporter, AttendanceService attendance,
              JdbcClient jdbc) {
        this.attendance = attendance;
        this.activityImporter = activityImporter;
        this.activities = activities;
        this.sessions = sessions;
        this.enrolments = enrolments;
        this.attendanceImporter = attendanceImporter;
        this.jdbc = jdbc;
    }

    void fill(long centreId, DemoData.Size size, LocalDate today, LocalDate seasonEnd) {
        int groups = size == DemoData.Size.S ? 3 : 9;
        double enrolFactor = size == DemoData.Size.S ? 2.0 : 4.0;
        List<DemoActivities.Template> offer = DemoActivities.offer(groups);
        StringBuilder csv = new StringBuilder("activity_ref;name;sector;kind;public;capacity\n");
        for (DemoActivities.Template t : offer) {
            csv.append(t.ref()).append(';').append(t.name()).append(';').append(t.sector()).append(';').append(t.kind())
                    .append(';').append(t.publicLabel()).append(';').append(t.capacity() == null ? "" : t.capacity()).append('\n');
        }
        activityImporter.importCsv(centreId, utf8(csv.toString()));
        Map<String, ActivityService.Activity> imported = activities.list(centreId).stream()
                .collect(Collectors.toMap(ActivityService.Activity::ref, Function.identity()));
        LocalDate from = today.minusYears(1);
        OffsetDateTime requested = OffsetDateTime.now().minusDays(300);
        for (DemoActivities.Template t : offer) {
            ActivityService.Activity a = imported.get(t.ref());
            long activityId = a.id();
            // the age range and place, which activities.csv does not carry
            activities.update(centreId, activityId, new ActivityService.Values(a.ref(), a.name(), a.sectorId(), a.kind(),
                    a.publicLabel(), t.ageMin(), t.ageMax(), a.capacity(), "Centre social", a.referentUserId(),
                    a.priceNote(), a.seasonId(), a.ageBands()));
            LocalTime start = LocalTime.parse(t.start());
            LocalTime end = LocalTime.parse(t.end());
            switch (t.holidays()) {
                case "juin" -> sessions.addOneOff(centreId, activityId, lastSaturday(from.getMonthValue() > 6
                        ? from.getYear() + 1 : from.getYear(), 6), start, end);
                case "juillet" -> sessions.addOneOff(centreId, activityId, lastSaturday(from.getMonthValue() > 7
                        ? from.getYear() + 1 : from.getYear(), 7).minusWeeks(2), start, end);
                default -> sessions.addWeekly(centreId, activityId,
                        Arrays.stream(t.weekdays().split(",")).map(Integer::valueOf).toList(), start, end,
                        from, seasonEnd, t.holidays());
            }
            int enrolled = (int) Math.round(t.enrolledAtS()
                    * (t.kind().equals("acm") ? (size == DemoData.Size.S ? 1 : 4) : enrolFactor));
            // the same children attend the accueil de loisirs on Wednesdays and in holidays
            String seed = t.ref().startsWith("ACM") ? "ACM" : t.ref();
            List<Long> chosen = jdbc.sql("""
                    select p.id from people_persons p
                    where p.centre_id = :centre and p.birth_date is not null
                      and (:min::int is null or p.birth_date <= current_date - make_interval(years => :min::int))
                      and (:max::int is null or p.birth_date > current_date - make_interval(years => :max::int + 1))
                    order by hashtext(p.id || :seed) limit :n""")
                    .param("centre", centreId).param("min", t.ageMin()).param("max", t.ageMax()).param("seed", seed)
                    .param("n", enrolled).query(Long.class).list();
            enrolments.enrolAll(centreId, activityId, chosen, requested);
        }
        // one past session in fifty cancelled, for a reason
        jdbc.sql("""
                select se.id, (array['Animateur absent', 'Intempéries', 'Salle indisponible'])[1 + abs(hashtext(se.id::text)) % 3]
                       as reason
                from activities_sessions se
                join activities_activities a on a.centre_id = se.centre_id and a.id = se.activity_id
                where se.centre_id = ? and se.date < current_date and a.kind not in ('evenement', 'sortie')
                  and abs(hashtext(se.id::text || 'annule')) % 50 = 0 order by se.id""")
                .param(centreId).query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("reason"))).list()
                .forEach(c -> sessions.cancel(centreId, c.getKey(), c.getValue()));
        // statistics that see this centre's sessions and enrolments (ANALYZE counts the rows of its own transaction):
        // in a database that already holds a centre, the planner would otherwise take this one for empty
        jdbc.sql("analyze").update();
        // activity by activity, so that no more than one activity's year of marks is held at once
        jdbc.sql("select id from activities_activities where centre_id = ? and kind not in ('sortie', 'evenement') order by id")
                .param(centreId).query(Long.class).list()
                .forEach(activityId -> attendance.recordAll(centreId, regularMarks(centreId, activityId)));
        attendanceImporter.importCsv(centreId, utf8(oneOffSheetsCsv(centreId)));
    }

    /** Who came, and the status of each person, at a session of the year: the same draw for every kind of activity. */
    private static final String MARKS = """
            select se.id as session_id, e.person_id, a.id as activity_id, a.ref as activity_ref, a.kind, se.date,
                   to_char(se.start_time, 'HH24:MI') as start_time, to_char(se.end_time, 'HH24:MI') as end_time,
                   case when a.kind in ('acm', 'permanence') or x.h < 78 then 'present' when x.h < 92 then 'absent'
                        else 'excuse' end as status
            from activities_sessions se
            join activities_activities a on a.centre_id = se.centre_id and a.id = se.activity_id
            join activities_enrolments e on e.centre_id = se.centre_id and e.activity_id = se.activity_id
                                        and e.status = 'inscrit'
            cross join lateral (select abs(hashtext(se.id || ':' || e.person_id)) % 100 as h) x
            where se.centre_id = :centre and se.date < current_date and se.cancelled_reason is null
              and (a.kind not in ('acm', 'permanence', 'evenement')
                   or (a.kind in ('acm', 'permanence')
                       and x.h < case a.ref when 'ACM-MER' then 14 when 'ACM-VAC' then 28 else 20 end))
            """;

    /**
     * An activity's year of marks (some 600,000 for all at size M), for the attendance service to record at once:
     * every enrolled person of a workshop present, absent or excused; at the accueil de loisirs only the children who
     * came that day, at a permanence those who came to it that week.
     */
    private List<AttendanceService.Mark> regularMarks(long centreId, long activityId) {
        return jdbc.sql("select session_id, person_id, status from (" + MARKS + ") m where m.activity_id = :activity")
                .param("centre", centreId).param("activity", activityId)
                .query((rs, n) -> new AttendanceService.Mark(rs.getLong("session_id"), rs.getLong("person_id"),
                        rs.getString("status")))
                .list();
    }

    /** The one-off sessions' sheets as attendance.csv, as a centre brings them in: the outing's marks, the party's headcount. */
    private String oneOffSheetsCsv(long centreId) {
        StringBuilder csv = new StringBuilder("activity_ref;date;start;end;person_ref;status;headcount\n");
        jdbc.sql("""
                select m.activity_ref, m.date, m.start_time, m.end_time, p.ref as person_ref, m.status, null::int as headcount
                from (""" + MARKS + """
                ) m join people_persons p on p.centre_id = :centre and p.id = m.person_id
                where m.kind = 'sortie'
                union all
                select a.ref, se.date, to_char(se.start_time, 'HH24:MI'), to_char(se.end_time, 'HH24:MI'), null, null,
                       550 + abs(hashtext(se.id::text)) % 80
                from activities_sessions se
                join activities_activities a on a.centre_id = se.centre_id and a.id = se.activity_id
                where se.centre_id = :centre and a.kind = 'evenement' and se.date < current_date""")
                .param("centre", centreId)
                .query(rs -> {
                    csv.append(rs.getString("activity_ref")).append(';').append(rs.getString("date")).append(';')
                            .append(rs.getString("start_time")).append(';').append(rs.getString("end_time")).append(';');
                    String person = rs.getString("person_ref");
                    if (person != null) {
                        csv.append(person).append(';').append(rs.getString("status")).append(";\n");
                    } else {
                        csv.append(";;").append(rs.getInt("headcount")).append('\n');
                    }
                });
        return csv.toString();
    }

    private static LocalDate lastSaturday(int year, int month) {
        LocalDate d = LocalDate.of(year, month, 1).plusMonths(1).minusDays(1);
        while (d.getDayOfWeek() != DayOfWeek.SATURDAY) {
            d = d.minusDays(1);
        }
        return d;
    }
}
