package fr.trame.reporting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records behind a figure of the indicators: each list is built from the same definitions as its figure
 * (the CTEs and per-period tables of {@link IndicatorService}), so its length is the figure.
 */
@Service
class DrillDown {

    /** One record of a list: what to show, the page it opens (below the centre's base path, or null), a detail. */
    public record Item(String label, String path, String detail) {
    }

    /** What a reception list keeps: a theme, a channel, an appointment status, only anonymous contacts. */
    public record ContactFilter(String theme, String channel, String status, boolean anonymousOnly) {
        public static final ContactFilter ALL = new ContactFilter("", "", "", false);
    }

    private static final String PERSON_ITEMS = """
            select p.first_name || ' ' || p.last_name as label, '/personnes/' || p.id as path, %s as detail
            from people_persons p where p.centre_id = :centre and p.id in (%s)
            order by lower(p.last_name), lower(p.first_name), p.id""";

    private static final String HOUSEHOLD_ITEMS = """
            select l.label, '/foyers/' || h.id as path, coalesce(h.address, '') as detail
            from people_households h
            join people_household_labels l on l.centre_id = h.centre_id and l.household_id = h.id
            where h.centre_id = :centre and h.id in (%s)
            order by 1, h.id""";

    private final JdbcClient jdbc;
    private final IndicatorService indicators;

    public DrillDown(JdbcClient jdbc, IndicatorService indicators) {
        this.jdbc = jdbc;
        this.indicators = indicators;
    }

    /** The records behind a figure of {@code members}: memberships, covered households or persons. */
    public List<Item> members(long centreId, LocalDate from, LocalDate to, String figure) {
        String with = "with " + IndicatorService.MEMBERSHIPS + ", " + IndicatorService.COVERED;
        // a profile's breakdown is named with its value: profile.bySex:F, householdsByQfBand:0-300
        String[] breakdown = figure.split(":", 2);
        String value = breakdown.length == 2 ? breakdown[1] : "";
        String sql = switch (breakdown.length == 2 ? breakdown[0] : figure) {
            case "memberships" -> with + memberships("true");
            case "individual" -> with + memberships("m.type = 'individuelle'");
            case "organisations" -> with + memberships("m.type = 'associative'");
            case "households" -> with + HOUSEHOLD_ITEMS.formatted("select household_id from m where type = 'familiale'");
            case "persons" -> with + PERSON_ITEMS.formatted("''", "select person_id from covered");
            case "profile.bySex" -> IndicatorService.MEMBER_PROFILE
                    + PERSON_ITEMS.formatted("''", "select person_id from profiled where sex = :value");
            case "profile.byAgeBand" -> IndicatorService.MEMBER_PROFILE
                    + PERSON_ITEMS.formatted("''", "select person_id from profiled where age_band = :value");
            case "profile.byQfBand" -> IndicatorService.MEMBER_PROFILE
                    + PERSON_ITEMS.formatted("''", "select person_id from profiled where qf_band = :value");
            case "householdsByQfBand" -> IndicatorService.MEMBER_PROFILE
                    + HOUSEHOLD_ITEMS.formatted("select household_id from member_households where qf_band = :value");
            default -> throw new IllegalArgumentException("chiffre inconnu : " + figure);
        };
        Map<String, Object> params = new HashMap<>(IndicatorService.params(centreId, from, to));
        params.put("value", value);
        return items(sql, params);
    }

    private static String memberships(String condition) {
        return """
                select coalesce(m.organisation, (select p.first_name || ' ' || p.last_name from people_persons p
                                                  where p.centre_id = m.centre_id and p.id = m.person_id),
                                (select l.label from people_household_labels l
                                 where l.centre_id = m.centre_id and l.household_id = m.household_id)) as label,
                       case when m.household_id is not null then '/foyers/' || m.household_id
                            when m.person_id is not null then '/personnes/' || m.person_id end as path,
                       'adhésion ' || m.type || ' du ' || to_char(m.start_date, 'DD/MM/YYYY')
                         || ' au ' || to_char(m.end_date, 'DD/MM/YYYY') as detail
                from m where %s order by 1, m.id""".formatted(condition);
    }

    /**
     * The records behind a figure of a sector ({@code unit} is {@code sector_id}) or an activity ({@code activity_id}):
     * {@code persons} present, their {@code households} on their first presence, the {@code sessions} counted, or the
     * persons of one value of a breakdown ({@code bySex:F}, {@code byAgeBand:6-11}, age on their first presence there).
     */
    @Transactional
    public List<Item> unit(long centreId, LocalDate from, LocalDate to, String unit, long unitId, String figure) {
        if (!unit.equals("sector_id") && !unit.equals("activity_id")) {
            throw new IllegalArgumentException(unit);
        }
        String firsts = "with " + IndicatorService.HOUSEHOLD_OF
                + ", firsts as (select person_id, min(first_date) as first_date from {presences} where " + unit
                + " = :unit group by 1) ";
        String[] breakdown = figure.split(":", 2);
        String sql = switch (breakdown[0]) {
            case "persons" -> firsts + personsOfUnit("true");
            case "newPersons" -> firsts + personsOfUnit(IndicatorService.NEW_PERSON.formatted("f.person_id"));
            case "byQuartier" -> firsts + personsOfUnit(
                    "coalesce((select hh.quartier from hh where hh.person_id = f.person_id), 'inconnu') = :value");
            case "qpv" -> firsts + personsOfUnit("coalesce((select hh.qpv from hh where hh.person_id = f.person_id), 'inconnu') = :value");
            case "sharedPersons" -> firsts + personsOfUnit("""
                    exists (select 1 from {presences} o join activities_sectors s on s.centre_id = :centre and s.id = o.sector_id
                            where o.person_id = f.person_id and s.name = :value and o.sector_id <> f.unit_id)""")
                    .replace("f.unit_id", unit.equals("sector_id") ? ":unit" : "-1");
            case "bySex" -> firsts + personsOfUnit("coalesce(p.sex, 'inconnu') = :value");
            // as IndicatorService.schoolsBySector counts them: persons whose school (class) is recorded, by its value
            case "school", "schoolLevel" -> firsts + personsOfUnit("""
                    exists (select 1 from people_person_details d where d.centre_id = :centre and d.person_id = f.person_id
                            and %s = :value)""".formatted(breakdown[0].equals("school") ? "d.school" : "d.school_level"));
            case "byAgeBand" -> firsts + personsOfUnit(IndicatorService.AGE_BAND.formatted("p.birth_date", "f.first_date") + " = :value");
            case "households" -> firsts + HOUSEHOLD_ITEMS.formatted("select x.household_id from firsts f, lateral ("
                    + IndicatorService.HOUSEHOLDS_ON.formatted("f.person_id", "f.first_date") + ") x");
            case "sessions" -> """
                    select a.name || ', ' || to_char(se.date, 'DD/MM/YYYY') as label, '/seances/' || se.id as path,
                           to_char(se.start_time, 'HH24:MI') || '–' || to_char(se.end_time, 'HH24:MI') as detail
                    from {held} h join activities_sessions se on se.centre_id = :centre and se.id = h.id
                    join activities_activities a on a.centre_id = :centre and a.id = se.activity_id
                    where h.counted and h.%s = :unit order by se.date, se.start_time, a.name""".formatted(unit);
            // planned: every session of the period not cancelled ({held}), held or not yet
            case "planned" -> """
                    select a.name || ', ' || to_char(se.date, 'DD/MM/YYYY') as label, '/seances/' || se.id as path,
                           to_char(se.start_time, 'HH24:MI') || '–' || to_char(se.end_time, 'HH24:MI')
                           || case when h.counted then ', tenue' else ', sans présence saisie' end as detail
                    from {held} h join activities_sessions se on se.centre_id = :centre and se.id = h.id
                    join activities_activities a on a.centre_id = :centre and a.id = se.activity_id
                    where h.%s = :unit order by se.date, se.start_time, a.name""".formatted(unit);
            case "cancelled" -> """
                    select a.name || ', ' || to_char(se.date, 'DD/MM/YYYY') as label, '/seances/' || se.id as path,
                           'annulée : ' || se.cancelled_reason as detail
                    from activities_sessions se join activities_activities a on a.centre_id = :centre and a.id = se.activity_id
                    where se.centre_id = :centre and se.cancelled_reason is not null and se.date between :from and :to
                      and a.%s = :unit order by se.date, se.start_time, a.name""".formatted(unit.equals("sector_id") ? "sector_id" : "id");
            // the persons of one attendance-rate band, by the figure's own description of them
            case "byAttendanceRate" -> IndicatorService.ACTIVITY_PERSONS + """
                    select p.first_name || ' ' || p.last_name as label, '/personnes/' || p.id as path,
                           ap.presences || ' présence(s) sur ' || hc.n || ' séance(s) tenue(s)' as detail
                    from described d join {presences} ap on ap.activity_id = d.activity_id and ap.person_id = d.person_id
                    join held_count hc on hc.activity_id = d.activity_id
                    join people_persons p on p.centre_id = :centre and p.id = d.person_id
                    where d.activity_id = :unit and d.rate_band = :value and :isActivity
                    order by lower(p.last_name), lower(p.first_name), p.id""";
            default -> throw new IllegalArgumentException("chiffre inconnu : " + figure);
        };
        Map<String, Object> params = new HashMap<>(IndicatorService.params(centreId, from, to));
        params.put("isActivity", unit.equals("activity_id"));
        params.put("unit", unitId);
        params.put("value", breakdown.length == 2 ? breakdown[1] : "");
        indicators.prepare(centreId, from, to);
        return items(sql, params);
    }

    private static String personsOfUnit(String condition) {
        return """
                select p.first_name || ' ' || p.last_name as label, '/personnes/' || p.id as path,
                       'première présence le ' || to_char(f.first_date, 'DD/MM/YYYY') as detail
                from firsts f join people_persons p on p.centre_id = :centre and p.id = f.person_id
                where %s order by lower(p.last_name), lower(p.first_name), p.id""".formatted(condition);
    }

    /** The sector of this name, if the centre has one. */
    public Long sectorId(long centreId, String name) {
        return jdbc.sql("select id from activities_sectors where centre_id = ? and name = ?").params(centreId, name)
                .query(Long.class).optional().orElse(null);
    }

    /** Activities by the key {@link UnitFigures.Activity#key} gives them in the indicators. */
    public Map<String, Long> activityIds(long centreId) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select coalesce(ref, '') || '|' || name, id from activities_activities where centre_id = ?").param(centreId)
                .query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2))).list();
        return ids;
    }

    /**
     * The sessions behind the report's presences, sessions and hours of all sectors: those counted (attendance or a
     * headcount), each with its presences.
     */
    @Transactional
    public List<Item> sessions(long centreId, LocalDate from, LocalDate to) {
        indicators.prepare(centreId, from, to);
        return items("""
                select a.name || ', ' || to_char(se.date, 'DD/MM/YYYY') as label, '/seances/' || se.id as path,
                       to_char(se.start_time, 'HH24:MI') || '–' || to_char(se.end_time, 'HH24:MI') || ', '
                       || (select count(*) from attendance_marks at where at.centre_id = se.centre_id and at.session_id = se.id
                           and at.status = 'present') || ' présence(s)' as detail
                from {held} h join activities_sessions se on se.centre_id = :centre and se.id = h.id
                join activities_activities a on a.centre_id = :centre and a.id = se.activity_id
                where h.counted order by se.date, se.start_time, a.name""", IndicatorService.params(centreId, from, to));
    }

    /** The households behind {@code publics.households}: of each reached person, on their first contact. */
    @Transactional
    public List<Item> publicsHouseholds(long centreId, LocalDate from, LocalDate to) {
        indicators.prepare(centreId, from, to);
        return items(HOUSEHOLD_ITEMS.formatted("select x.household_id from {firsts} f, lateral ("
                + IndicatorService.HOUSEHOLDS_ON.formatted("f.person_id", "f.first_date") + ") x"),
                IndicatorService.params(centreId, from, to));
    }

    /** The persons behind {@code reception.persons}: those named on a contact of the period. */
    public List<Item> receptionPersons(long centreId, LocalDate from, LocalDate to) {
        return items(PERSON_ITEMS.formatted(
                "(select count(*) || ' contact(s)' from reception_contacts c where c.centre_id = p.centre_id and c.person_id = p.id"
                        + " and c.date between :from and :to)",
                "select person_id from reception_contacts where centre_id = :centre and date between :from and :to"),
                IndicatorService.params(centreId, from, to));
    }

    /**
     * The persons behind a breakdown of {@code reception.persons} ({@code bySex}, {@code byAgeBand}, {@code byQuartier},
     * {@code qpv}) for one of its values: the same described persons as the figure.
     */
    public List<Item> receptionPersons(long centreId, LocalDate from, LocalDate to, String dimension, String value) {
        String column = switch (dimension) {
            case "bySex" -> "sex";
            case "byAgeBand" -> "age_band";
            case "byQuartier" -> "quartier";
            case "qpv" -> "qpv";
            default -> throw new IllegalArgumentException("dimension inconnue : " + dimension);
        };
        Map<String, Object> params = new HashMap<>(IndicatorService.params(centreId, from, to));
        params.put("value", value);
        return items(IndicatorService.receptionDescribed() + """
                select d.first_name || ' ' || d.last_name as label, '/personnes/' || d.person_id as path,
                       'premier contact le ' || to_char(d.first_date, 'DD/MM/YYYY') as detail
                from described d where d.%s = :value
                order by lower(d.last_name), lower(d.first_name), d.person_id""".formatted(column), params);
    }

    /** The participants of an activity whose outcome (insertion workshops) was recorded in the period as this one. */
    public List<Item> participantsWithOutcome(long centreId, LocalDate from, LocalDate to, long activityId, String outcome) {
        Map<String, Object> params = new HashMap<>(IndicatorService.params(centreId, from, to));
        params.put("activity", activityId);
        params.put("outcome", outcome);
        return items("""
                select p.first_name || ' ' || p.last_name as label, '/personnes/' || p.id as path,
                       'issue notée le ' || to_char(e.outcome_on, 'DD/MM/YYYY') as detail
                from activities_enrolment_outcomes e join people_persons p on p.centre_id = e.centre_id and p.id = e.person_id
                where e.centre_id = :centre and e.activity_id = :activity and e.outcome_code = :outcome
                  and e.outcome_on between :from and :to
                order by lower(p.last_name), lower(p.first_name), e.id""", params);
    }

    /** The contacts behind a figure of {@code reception}. */
    public List<Map<String, Object>> contacts(long centreId, LocalDate from, LocalDate to, ContactFilter filter) {
        return jdbc.sql("""
                select c.id, to_char(c.date, 'DD/MM/YYYY') as date, c.channel, c.status, c.person_id,
                       (select p.first_name || ' ' || p.last_name from people_persons p
                        where p.centre_id = c.centre_id and p.id = c.person_id) as person
                from reception_contacts c
                where c.centre_id = :centre and c.date between :from and :to
                  and (:theme = '' or exists (select 1 from reception_contact_themes ct where ct.centre_id = c.centre_id
                                             and ct.contact_id = c.id and ct.theme = :theme))
                  and (:channel = '' or c.channel = :channel)
                  and (:status = '' or c.status = :status)
                  and (not :anonymous or c.person_id is null)
                order by c.date, c.id""").params(IndicatorService.params(centreId, from, to))
                .param("theme", filter.theme()).param("channel", filter.channel()).param("status", filter.status())
                .param("anonymous", filter.anonymousOnly()).query().listOfRows();
    }

    private List<Item> items(String sql, Map<String, Object> params) {
        return jdbc.sql(PeriodTables.in(sql)).params(params)
                .query((rs, n) -> new Item(rs.getString("label"), rs.getString("path"), rs.getString("detail"))).list();
    }
}
