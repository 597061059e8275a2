package fr.trame.federation;

import fr.trame.form.Checks;
import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The meetings of the network and who came. One participation rate everywhere: the member structures of the AT on
 * the meeting's date that were represented, over those member structures ({@link #membersOn}); for a meeting of the
 * whole federation, over all its member structures on that date. A person is a name (compared without case or accents)
 * within one structure: every count of persons or structures is DISTINCT.
 */
@Service
public class MeetingService {

    /** In the order the forms list them. */
    public static final List<String> KINDS = List.of("at_pleniere", "reunion_directions", "reunion_presidences", "groupe_pairs",
            "ag", "ca", "bureau", "autre");
    /** The federation's own bodies: never an AT's. */
    public static final Set<String> FEDERATION_KINDS = Set.of("ag", "ca", "bureau");
    public static final List<String> QUALITIES = List.of("salarie", "benevole", "administrateur");
    /** How many attendance lines one form may send. */
    public static final int MAX_ROWS = 50;

    /** A meeting with its three figures. {@code represented}: member structures represented; {@code others}: the rest. */
    public record Meeting(long id, String kind, LocalDate date, String title, String place, Long territoryId, String territory,
                          int participants, int represented, int members, int directions, int others) {

        /** The participation rate in percent (one decimal), null when the AT has no member structure that day. */
        public BigDecimal rate() {
            return percent(represented, members);
        }

        public BigDecimal directionShare() {
            return percent(directions, members);
        }
    }

    public record Attendee(long id, String name, Long structureId, String structure, String quality, boolean asDirection,
                           boolean member) {
    }

    /** A member structure counted by a meeting's rate, and whether it came. */
    public record MemberStructure(long id, String name, boolean represented, boolean direction) {
    }

    public record NewMeeting(String kind, LocalDate date, String title, String place, Long territoryId) {
    }

    public record NewAttendee(String name, Long structureId, String quality, boolean asDirection) {
    }

    /**
     * Which meetings: a year (null: all), the ATs (null: every one, and the federation's meetings), whether the
     * federation's own meetings (no AT) are included, and a kind (null: all).
     */
    public record Filter(Integer year, Set<Long> territories, boolean federationWide, String kind) {

        public static Filter year(int year) {
            return new Filter(year, null, true, null);
        }
    }

    /**
     * The figures of a year for one AT (null: the federation's own meetings) and one kind. The mean rate is the mean of
     * the meetings' rates; {@code reached}: the structures among the {@code membersAtEnd} member structures on 31/12
     * represented at least once. Persons are counted once over the year, under the quality of their latest attendance
     * (administrateur·rice·s are bénévoles).
     */
    public record YearFigure(Long territoryId, String territory, String kind, int meetings, BigDecimal meanParticipants,
                             BigDecimal meanRate, BigDecimal meanDirectionShare, int reached, int membersAtEnd, int persons,
                             int salaries, int benevoles) {

        public BigDecimal reachedShare() {
            return percent(reached, membersAtEnd);
        }
    }

    /** A person counted by a year's figures: their latest quality and structure, and how many meetings they came to. */
    public record Person(String name, String structure, Long structureId, String quality, int meetings, boolean direction) {
    }

    /** A structure counted by a year's figures: how many of the meetings it was represented at. */
    public record Reached(long id, String name, String territory, boolean memberAtEnd, int meetings) {
    }

    /** One person: the folded name within the structure. */
    static final String PERSON = "trame_fold(trim(a.name)) || '#' || coalesce(a.structure_id::text, '-')";

    private final JdbcClient jdbc;
    private final TerritoryService territories;

    public MeetingService(JdbcClient jdbc, TerritoryService territories) {
        this.jdbc = jdbc;
        this.territories = territories;
    }

    /**
     * THE member structures of an AT on a day (every member structure of the federation when the AT is null): those of
     * the AT whose latest membership row not after that day (an undated row counts from the start) is one of
     * {@link StructureService#MEMBER_STATES} ({@link StructureService#memberOn}). The arguments are SQL expressions.
     */
    static String membersOn(String federation, String territory, String day) {
        return """
                select mo.id from structures mo
                where mo.federation_id = %1$s and (%2$s is null or mo.territory_id = %2$s)
                  and %3$s"""
                .formatted(federation, territory, StructureService.memberOn("mo", day));
    }

    /** The meetings of the filter with, for each, its member structures, and who came. */
    private static final String SELECTED = """
            with m as (
                select m.* from network_meetings m
                where m.federation_id = :federation
                  and (cast(:year as integer) is null or m.meeting_date between make_date(:year, 1, 1) and make_date(:year, 12, 31))
                  and (cast(:kind as text) is null or m.kind = :kind)
                  and (cast(:territories as bigint[]) is null or m.territory_id = any(cast(:territories as bigint[]))
                       or (:federationWide and m.territory_id is null))
                  and (cast(:id as bigint) is null or m.id = :id)),
            members as (
                select m.id as meeting_id, x.id as structure_id from m cross join lateral (%s) x),
            att as (
                select a.*, (x.structure_id is not null) as member from network_meeting_attendance a
                join m on m.federation_id = a.federation_id and m.id = a.meeting_id
                left join members x on x.meeting_id = a.meeting_id and x.structure_id = a.structure_id),
            per as (
                select m.id, m.kind, m.meeting_date as date, m.title, m.place, m.territory_id, t.name as territory,
                       (select count(distinct %s) from att a where a.meeting_id = m.id) as participants,
                       (select count(distinct a.structure_id) from att a where a.meeting_id = m.id and a.member) as represented,
                       (select count(*) from members x where x.meeting_id = m.id) as members,
                       (select count(distinct a.structure_id) from att a
                        where a.meeting_id = m.id and a.member and a.as_direction) as directions,
                       (select count(distinct a.structure_id) from att a
                        where a.meeting_id = m.id and a.structure_id is not null and not a.member) as others
                from m left join territories t on t.federation_id = m.federation_id and t.id = m.territory_id)
            """.formatted(membersOn("m.federation_id", "m.territory_id", "m.meeting_date"), PERSON);

    private JdbcClient.StatementSpec selected(String sql, long federationId, Filter filter, Long id) {
        return jdbc.sql(SELECTED + sql)
                .param("federation", federationId).param("year", filter.year()).param("kind", filter.kind())
                .param("territories", filter.territories() == null ? null : filter.territories().toArray(Long[]::new))
                .param("federationWide", filter.federationWide()).param("id", id);
    }

    public List<Meeting> list(long federationId, Filter filter) {
        return selected("select * from per order by date desc, id desc", federationId, filter, null)
                .query(Meeting.class).list();
    }

    public Meeting get(long federationId, long id) {
        return selected("select * from per", federationId, new Filter(null, null, true, null), id)
                .query(Meeting.class).optional()
                .orElseThrow(() -> new NotFound("Cette réunion n'existe pas dans cette fédération."));
    }

    /** The meetings coming from that day on, soonest first. */
    public List<Meeting> upcoming(long federationId, LocalDate from, Set<Long> territories, int limit) {
        return selected("select * from per where date >= :from order by date, id limit :limit", federationId,
                new Filter(null, territories, true, null), null).param("from", from).param("limit", limit)
                .query(Meeting.class).list();
    }

    public List<Attendee> attendees(long federationId, long meetingId) {
        return selected("""
                select a.id, a.name, a.structure_id, s.name as structure, a.quality, a.as_direction, a.member
                from att a left join structures s on s.federation_id = a.federation_id and s.id = a.structure_id
                order by s.name nulls last, a.as_direction desc, lower(a.name)""",
                federationId, new Filter(null, null, true, null), meetingId).query(Attendee.class).list();
    }

    /** The structures a meeting's rate counts, each with whether it was represented and its direction came. */
    public List<MemberStructure> memberStructures(long federationId, long meetingId) {
        return selected("""
                select s.id, s.name,
                       exists (select 1 from att a where a.structure_id = s.id) as represented,
                       exists (select 1 from att a where a.structure_id = s.id and a.as_direction) as direction
                from members x join structures s on s.federation_id = :federation and s.id = x.structure_id
                order by 3 desc, lower(s.name)""", federationId, new Filter(null, null, true, null), meetingId)
                .query(MemberStructure.class).list();
    }

    /** A year's figures by AT and kind (the filter's year is required). */
    public List<YearFigure> yearFigures(long federationId, Filter filter) {
        if (filter.year() == null) {
            throw new IllegalArgumentException("a year's figures need the year");
        }
        return selected("""
                , g as (
                    select territory_id, territory, kind, count(*) as meetings,
                           round(avg(participants), 1) as mean_participants,
                           round(avg(case when members > 0 then 100.0 * represented / members end), 1) as mean_rate,
                           round(avg(case when members > 0 then 100.0 * directions / members end), 1) as mean_direction_share
                    from per group by territory_id, territory, kind),
                latest as (
                    select distinct on (p.territory_id, p.kind, %s) p.territory_id, p.kind, a.quality
                    from att a join per p on p.id = a.meeting_id
                    order by p.territory_id, p.kind, %s, p.date desc, a.id desc),
                ends as (
                    select g.territory_id, g.kind, e.id as structure_id from g
                    cross join lateral (%s) e)
                select g.*,
                       (select count(distinct a.structure_id) from att a join per p on p.id = a.meeting_id
                        join ends e on e.territory_id is not distinct from g.territory_id and e.kind = g.kind
                                   and e.structure_id = a.structure_id
                        where p.territory_id is not distinct from g.territory_id and p.kind = g.kind) as reached,
                       (select count(*) from ends e where e.territory_id is not distinct from g.territory_id and e.kind = g.kind)
                           as members_at_end,
                       (select count(*) from latest l where l.territory_id is not distinct from g.territory_id and l.kind = g.kind)
                           as persons,
                       (select count(*) from latest l where l.territory_id is not distinct from g.territory_id and l.kind = g.kind
                           and l.quality = 'salarie') as salaries,
                       (select count(*) from latest l where l.territory_id is not distinct from g.territory_id and l.kind = g.kind
                           and l.quality in ('benevole', 'administrateur')) as benevoles
                from g order by g.territory nulls first, array_position(cast(:kinds as text[]), g.kind)"""
                .formatted(PERSON, PERSON, membersOn(":federation", "g.territory_id", "make_date(:year, 12, 31)")),
                federationId, filter, null).param("kinds", KINDS.toArray(String[]::new)).query(YearFigure.class).list();
    }

    /** The distinct persons behind a year's figures, with their latest quality and structure. */
    public List<Person> persons(long federationId, Filter filter) {
        return selected("""
                , latest as (
                    select distinct on (%s) %s as person, a.name, a.structure_id, a.quality
                    from att a join per p on p.id = a.meeting_id
                    order by %s, p.date desc, a.id desc)
                select l.name, s.name as structure, l.structure_id, l.quality,
                       (select count(distinct a.meeting_id) from att a where %s = l.person) as meetings,
                       exists (select 1 from att a where %s = l.person and a.as_direction) as direction
                from latest l left join structures s on s.federation_id = :federation and s.id = l.structure_id
                order by l.quality, lower(l.name)""".formatted(PERSON, PERSON, PERSON, PERSON, PERSON),
                federationId, filter, null).query(Person.class).list();
    }

    /** The distinct structures represented at the filter's meetings, and whether each is a member of its AT on 31/12. */
    public List<Reached> structuresReached(long federationId, Filter filter, LocalDate end) {
        return selected("""
                select s.id, s.name, t.name as territory,
                       s.id in (%s) as member_at_end,
                       count(distinct a.meeting_id) as meetings
                from att a join structures s on s.federation_id = a.federation_id and s.id = a.structure_id
                left join territories t on t.federation_id = s.federation_id and t.id = s.territory_id
                group by s.id, s.name, t.name, s.territory_id
                order by lower(t.name), lower(s.name)""".formatted(membersOn(":federation", "s.territory_id", "cast(:end as date)")),
                federationId, filter, null).param("end", end).query(Reached.class).list();
    }

    @Transactional
    public long create(long federationId, NewMeeting meeting) {
        check(federationId, meeting);
        return jdbc.sql("""
                insert into network_meetings (federation_id, kind, meeting_date, title, place, territory_id)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(federationId, meeting.kind(), meeting.date(), meeting.title().trim(), Checks.clean(meeting.place()),
                        meeting.territoryId()).query(Long.class).single();
    }

    @Transactional
    public void update(long federationId, long id, NewMeeting meeting) {
        check(federationId, meeting);
        int n = jdbc.sql("""
                update network_meetings set kind = ?, meeting_date = ?, title = ?, place = ?, territory_id = ?
                where federation_id = ? and id = ?""")
                .params(meeting.kind(), meeting.date(), meeting.title().trim(), Checks.clean(meeting.place()),
                        meeting.territoryId(), federationId, id).update();
        if (n == 0) {
            throw new NotFound("Cette réunion n'existe pas dans cette fédération.");
        }
    }

    @Transactional
    public void delete(long federationId, long id) {
        if (jdbc.sql("delete from network_meetings where federation_id = ? and id = ?").params(federationId, id).update() == 0) {
            throw new NotFound("Cette réunion n'existe pas dans cette fédération.");
        }
    }

    private void check(long federationId, NewMeeting meeting) {
        if (!KINDS.contains(meeting.kind())) {
            throw new Refused("kind", "Type de réunion inconnu.");
        }
        if (meeting.date() == null || meeting.date().getYear() < Checks.FIRST_YEAR || meeting.date().getYear() > Checks.LAST_YEAR) {
            throw new Refused("date", "La date de la réunion doit tomber entre " + Checks.FIRST_YEAR + " et " + Checks.LAST_YEAR + ".");
        }
        if (meeting.title() == null || meeting.title().isBlank() || meeting.title().trim().length() > 300) {
            throw new Refused("title", "L'intitulé est obligatoire (300 caractères au plus).");
        }
        if (meeting.place() != null && meeting.place().trim().length() > 300) {
            throw new Refused("place", "Le lieu : 300 caractères au plus.");
        }
        if (meeting.territoryId() != null) {
            if (FEDERATION_KINDS.contains(meeting.kind())) {
                throw new Refused("territoryId",
                        "Une AG, un CA ou un Bureau concerne toute la fédération : pas d'assemblée territoriale.");
            }
            if (!territories.isOfKind(federationId, meeting.territoryId(), "at")) {
                throw new Refused("territoryId", "Cette assemblée territoriale n'existe pas dans cette fédération.");
            }
        }
    }

    /**
     * Records several persons at once (set-based). A person already recorded at this meeting is not added twice.
     * Returns how many were added. Refuses the whole list, naming the line, when one line is wrong.
     */
    @Transactional
    public int addAttendees(long federationId, long meetingId, List<NewAttendee> rows) {
        if (rows.size() > 10_000) {
            throw new Refused("Trop de lignes à la fois.");
        }
        return addAttendees(federationId, Map.of(meetingId, rows));
    }

    /** The same for several meetings in one statement (the demonstration's volume). */
    @Transactional
    public int addAttendees(long federationId, Map<Long, List<NewAttendee>> byMeeting) {
        Set<Long> structureIds = new HashSet<>();
        List<String> errors = new ArrayList<>();
        List<Long> meetingIds = new ArrayList<>();
        List<NewAttendee> rows = new ArrayList<>();
        byMeeting.forEach((meeting, list) -> {
            for (int i = 0; i < list.size(); i++) {
                NewAttendee row = list.get(i);
                String line = "Ligne " + (i + 1) + " : ";
                if (row.name() == null || row.name().isBlank() || row.name().trim().length() > 200) {
                    errors.add(line + "le nom est obligatoire (200 caractères au plus).");
                }
                if (!QUALITIES.contains(row.quality())) {
                    errors.add(line + "choisissez la qualité (salarié·e, bénévole, administrateur·rice).");
                }
                if (row.asDirection() && row.structureId() == null) {
                    errors.add(line + "une personne vient comme direction d'une structure : choisissez la structure.");
                }
                if (row.structureId() != null) {
                    structureIds.add(row.structureId());
                }
                meetingIds.add(meeting);
                rows.add(row);
            }
        });
        if (!errors.isEmpty()) {
            throw new Refused(String.join(" ", errors));
        }
        long meetings = jdbc.sql("select count(*) from network_meetings where federation_id = ? and id = any(?)")
                .params(federationId, byMeeting.keySet().toArray(Long[]::new)).query(Long.class).single();
        if (meetings != byMeeting.size()) {
            throw new NotFound("Cette réunion n'existe pas dans cette fédération.");
        }
        long known = jdbc.sql("select count(*) from structures where federation_id = ? and id = any(?)")
                .params(federationId, structureIds.toArray(Long[]::new)).query(Long.class).single();
        if (known != structureIds.size()) {
            throw new Refused("Une structure choisie n'existe pas dans cette fédération.");
        }
        return jdbc.sql("""
                insert into network_meeting_attendance (federation_id, meeting_id, name, structure_id, quality, as_direction)
                select :federation, r.meeting_id, trim(r.name), r.structure_id, r.quality, r.as_direction
                from unnest(cast(:meetings as bigint[]), cast(:names as text[]), cast(:structures as bigint[]),
                            cast(:qualities as text[]), cast(:directions as boolean[]))
                     as r(meeting_id, name, structure_id, quality, as_direction)
                on conflict do nothing""")
                .param("federation", federationId)
                .param("meetings", meetingIds.toArray(Long[]::new))
                .param("names", rows.stream().map(NewAttendee::name).toArray(String[]::new))
                .param("structures", rows.stream().map(NewAttendee::structureId).toArray(Long[]::new))
                .param("qualities", rows.stream().map(NewAttendee::quality).toArray(String[]::new))
                .param("directions", rows.stream().map(NewAttendee::asDirection).toArray(Boolean[]::new))
                .update();
    }

    @Transactional
    public void removeAttendee(long federationId, long meetingId, long attendeeId) {
        int n = jdbc.sql("delete from network_meeting_attendance where federation_id = ? and meeting_id = ? and id = ?")
                .params(federationId, meetingId, attendeeId).update();
        if (n == 0) {
            throw new NotFound("Cette présence n'existe pas pour cette réunion.");
        }
    }

    static BigDecimal percent(long part, long total) {
        return total == 0 ? null : BigDecimal.valueOf(part * 1000 / total + (part * 1000 % total * 2 >= total ? 1 : 0), 1);
    }
}
