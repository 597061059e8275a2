package fr.trame.association;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The association's bodies (AG, CA, Bureau, commissions), their mandates and their meetings. */
@Service
public class GovernanceService {

    public static final List<String> KINDS = List.of("ag", "ca", "bureau", "commission");
    public static final List<String> ROLES = List.of("president", "vice_president", "tresorier", "secretaire", "membre");
    public static final List<String> COLLEGES = List.of("habitant", "partenaire", "institution");

    public record Body(long id, String kind, String name) {
    }

    public record Mandate(long id, long bodyId, String bodyName, String bodyKind, Long personId, String name, String role, String college,
                          LocalDate startDate, LocalDate endDate, Boolean livesInTerritory, Boolean qpv) {
    }

    public record NewMandate(long bodyId, Long personId, String outsiderName, String role, String college,
                             LocalDate startDate, LocalDate endDate, Boolean livesInTerritory, Boolean qpv) {
    }

    public record Meeting(long id, long bodyId, String bodyName, String bodyKind, LocalDate date, String agenda,
                          String decisions, String minutes, Integer quorum, long present, long expected) {
        /** Reached when a quorum is set and enough members were present; null when no quorum is set. */
        public Boolean quorumReached() {
            return quorum == null ? null : present >= quorum;
        }
    }

    /** A member expected at a meeting (mandate running on its date), and whether they came. */
    public record Seat(long mandateId, String name, String role, boolean present) {
    }

    /** A mandate holder's recorded presence or absence at a meeting. */
    public record Presence(LocalDate date, boolean present) {
    }

    private static final String MANDATE_NAME = """
            coalesce(m.outsider_name, (select p.first_name || ' ' || p.last_name from people_persons p
                                       where p.centre_id = m.centre_id and p.id = m.person_id))""";

    private final JdbcClient jdbc;

    public GovernanceService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The centre's bodies; the AG, the CA and the Bureau exist from the start. */
    @Transactional
    public List<Body> bodies(long centreId) {
        jdbc.sql("""
                insert into bodies (centre_id, kind, name)
                select :centre, k, n from (values ('ag', 'Assemblée générale'), ('ca', 'Conseil d''administration'),
                                                 ('bureau', 'Bureau')) d(k, n)
                where not exists (select 1 from bodies where centre_id = :centre)""").param("centre", centreId).update();
        return jdbc.sql("select id, kind, name from bodies where centre_id = ?"
                        + " order by array_position(array['ag','ca','bureau','commission'], kind), name")
                .param(centreId).query(Body.class).list();
    }

    public long createBody(long centreId, String kind, String name) {
        return jdbc.sql("insert into bodies (centre_id, kind, name) values (?, ?, ?)"
                        + " on conflict (centre_id, name) do update set kind = excluded.kind returning id")
                .params(centreId, kind, name).query(Long.class).single();
    }

    public Optional<Body> body(long centreId, long id) {
        return jdbc.sql("select id, kind, name from bodies where centre_id = ? and id = ?").params(centreId, id)
                .query(Body.class).optional();
    }

    /** Mandates of the centre, the running ones on {@code day} when given. */
    public List<Mandate> mandates(long centreId, LocalDate day) {
        return jdbc.sql(MANDATES + """
                  and (cast(:day as date) is null or (m.start_date <= :day and (m.end_date is null or m.end_date >= :day)))
                order by array_position(array['ag','ca','bureau','commission'], b.kind), b.name,
                         array_position(array['president','vice_president','tresorier','secretaire','membre'], m.role), name""")
                .param("centre", centreId).param("day", day).query(Mandate.class).list();
    }

    /** The mandates a person of the register held or holds, oldest first. */
    public List<Mandate> mandatesOf(long centreId, long personId) {
        return jdbc.sql(MANDATES + " and m.person_id = :person order by m.start_date, m.id")
                .param("centre", centreId).param("person", personId).query(Mandate.class).list();
    }

    private static final String MANDATES = "select m.id, m.body_id, b.name as body_name, b.kind as body_kind, m.person_id, "
            + MANDATE_NAME + " " + """
             as name, m.role, m.college, m.start_date, m.end_date, m.lives_in_territory, m.qpv
            from mandates m join bodies b on b.centre_id = m.centre_id and b.id = m.body_id
            where m.centre_id = :centre
            """;

    /** The meetings where the mandate's presence was recorded, oldest first. */
    public List<Presence> presencesOf(long centreId, long mandateId) {
        return jdbc.sql("""
                select mt.date, a.present from meeting_attendance a
                join meetings mt on mt.centre_id = a.centre_id and mt.id = a.meeting_id
                where a.centre_id = ? and a.mandate_id = ? order by mt.date, mt.id""")
                .params(centreId, mandateId).query(Presence.class).list();
    }

    public long createMandate(long centreId, NewMandate m) {
        return jdbc.sql("""
                insert into mandates (centre_id, body_id, person_id, outsider_name, role, college, start_date, end_date,
                                      lives_in_territory, qpv)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(centreId, m.bodyId(), m.personId(), m.outsiderName(), m.role(), m.college(), m.startDate(),
                        m.endDate(), m.livesInTerritory(), m.qpv())
                .query(Long.class).single();
    }

    public boolean endMandate(long centreId, long mandateId, LocalDate end) {
        return 0 < jdbc.sql("update mandates set end_date = greatest(start_date, ?) where centre_id = ? and id = ?")
                .params(end, centreId, mandateId).update();
    }

    /** Meetings of a year, latest first, with the attendance counted. */
    public List<Meeting> meetings(long centreId, int year) {
        return jdbc.sql(MEETINGS + " where mt.centre_id = ? and extract(year from mt.date) = ? order by mt.date desc, mt.id desc")
                .params(centreId, year).query(Meeting.class).list();
    }

    public Optional<Meeting> meeting(long centreId, long id) {
        return jdbc.sql(MEETINGS + " where mt.centre_id = ? and mt.id = ?").params(centreId, id).query(Meeting.class).optional();
    }

    private static final String MEETINGS = """
            select mt.id, mt.body_id, b.name as body_name, b.kind as body_kind, mt.date, mt.agenda, mt.decisions, mt.minutes,
                   mt.quorum,
                   (select count(*) from meeting_attendance a where a.centre_id = mt.centre_id and a.meeting_id = mt.id
                      and a.present) as present,
                   (select count(*) from mandates m where m.centre_id = mt.centre_id and m.body_id = mt.body_id
                      and m.start_date <= mt.date and (m.end_date is null or m.end_date >= mt.date)) as expected
            from meetings mt join bodies b on b.centre_id = mt.centre_id and b.id = mt.body_id""";

    public long createMeeting(long centreId, long bodyId, LocalDate date, String agenda, Integer quorum) {
        return jdbc.sql("insert into meetings (centre_id, body_id, date, agenda, quorum) values (?, ?, ?, ?, ?) returning id")
                .params(centreId, bodyId, date, agenda, quorum).query(Long.class).single();
    }

    /** The members expected at a meeting: the body's mandates running on its date. */
    public List<Seat> seats(long centreId, long meetingId) {
        return jdbc.sql("select m.id as mandate_id, " + MANDATE_NAME + " " + """
                 as name, m.role, coalesce(a.present, false) as present
                """ + SEATS + """
                left join meeting_attendance a on a.centre_id = mt.centre_id and a.meeting_id = mt.id and a.mandate_id = m.id
                where mt.centre_id = ? and mt.id = ?
                order by array_position(array['president','vice_president','tresorier','secretaire','membre'], m.role), 2""")
                .params(centreId, meetingId).query(Seat.class).list();
    }

    /** A meeting {@code mt} and its seats {@code m}: the mandates of its body running on its date. */
    private static final String SEATS = """
            from meetings mt
            join mandates m on m.centre_id = mt.centre_id and m.body_id = mt.body_id
                 and m.start_date <= mt.date and (m.end_date is null or m.end_date >= mt.date)
            """;

    /** Records who came (the others were absent), the decisions and the minutes: every seat in one statement. */
    @Transactional
    public void recordMeeting(long centreId, long meetingId, Set<Long> presentMandates, String decisions, String minutes,
                              Integer quorum) {
        jdbc.sql("update meetings set decisions = ?, minutes = ?, quorum = ? where centre_id = ? and id = ?")
                .params(decisions, minutes, quorum, centreId, meetingId).update();
        jdbc.sql("insert into meeting_attendance (centre_id, meeting_id, mandate_id, present)"
                        + " select mt.centre_id, mt.id, m.id, m.id = any (:present::bigint[]) " + SEATS + """
                        where mt.centre_id = :centre and mt.id = :meeting
                        on conflict (centre_id, meeting_id, mandate_id) do update set present = excluded.present""")
                .param("centre", centreId).param("meeting", meetingId).param("present", presentMandates.toArray(Long[]::new))
                .update();
    }
}
