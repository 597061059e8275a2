package fr.trame.reporting;

import fr.trame.association.Association;
import fr.trame.association.AssociationIndicators;
import fr.trame.form.Bands;
import fr.trame.reception.CaseService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The indicators of interchange.md, each defined once, as SQL aggregates over the records. The period is
 * {@code [from, to]}, both days included. Cancelled sessions never count.
 */
@Service
public class IndicatorService {

    static final List<String> SEXES = List.of("F", "M", "inconnu");
    static final List<String> YES_NO = List.of("oui", "non", "inconnu");
    static final List<String> SECTOR_COUNTS = List.of("0", "1", "2", "3+");
    static final List<String> AGE_BANDS = List.of("0-2", "3-5", "6-11", "12-17", "18-25", "26-59", "60+", "inconnu");
    static final List<String> QF_BANDS = List.of("0-300", "301-600", "601-900", "901-1200", "1201-1500", "1501-1800",
            "1801+", "inconnu");

    /** Age band of a birth date on a day, in whole years. */
    static final String AGE_BAND = """
            case when %1$s is null then 'inconnu'
                 else case when extract(year from age(%2$s, %1$s)) <= 2 then '0-2'
                           when extract(year from age(%2$s, %1$s)) <= 5 then '3-5'
                           when extract(year from age(%2$s, %1$s)) <= 11 then '6-11'
                           when extract(year from age(%2$s, %1$s)) <= 17 then '12-17'
                           when extract(year from age(%2$s, %1$s)) <= 25 then '18-25'
                           when extract(year from age(%2$s, %1$s)) <= 59 then '26-59'
                           else '60+' end end""";

    /** Each household's QF known on the period's last day, else the first recorded, as CTE {@code qf_known}. */
    static final String QF_KNOWN = """
            qf_known as (
                select distinct on (q.household_id) q.household_id, q.amount_euros
                from people_qf_history q where q.centre_id = :centre
                order by q.household_id, (q.valid_from <= :to) desc,
                         case when q.valid_from <= :to then q.valid_from end desc, q.valid_from, q.id desc)""";

    /**
     * The principal household of each person of {@code persons} (a table or CTE with {@code person_id}), its quartier,
     * QPV answer and QF (the QF known on the period's last day, else the first recorded), as a query of
     * {@code (person_id, quartier, qpv, qf)}.
     */
    private static String householdsOf(String persons) {
        return """
                with principal as (
                    select distinct on (hm.person_id) hm.person_id, hm.household_id
                    from people_household_members hm join %s f on f.person_id = hm.person_id
                    where hm.centre_id = :centre order by hm.person_id, hm.principal desc, hm.id),
                %s
                select pr.person_id, qu.name as quartier,
                       case when coalesce(h.qpv, qu.qpv) is null then 'inconnu' when coalesce(h.qpv, qu.qpv) then 'oui'
                            else 'non' end as qpv,
                       qk.amount_euros as qf
                from principal pr
                join people_households h on h.centre_id = :centre and h.id = pr.household_id
                left join territory_quartiers qu on qu.centre_id = h.centre_id and qu.id = h.quartier_id
                left join qf_known qk on qk.household_id = h.id""".formatted(persons, QF_KNOWN);
    }

    /** The reached persons' households, kept by {@link #prepare}, as CTE {@code hh(person_id, quartier, qpv, qf)}. */
    static final String HOUSEHOLD_OF = "hh as (select person_id, quartier, qpv, qf from {households})";

    static final String QF_BAND = """
            case when hh.qf is null then 'inconnu' when hh.qf <= 300 then '0-300' when hh.qf <= 600 then '301-600'
                 when hh.qf <= 900 then '601-900' when hh.qf <= 1200 then '901-1200' when hh.qf <= 1500 then '1201-1500'
                 when hh.qf <= 1800 then '1501-1800' else '1801+' end""";

    /** Households a person belongs to on a given day (a child in shared custody belongs to two). */
    static final String HOUSEHOLDS_ON = """
            select hm.household_id from people_household_members hm
            where hm.centre_id = :centre and hm.person_id = %1$s
              and (hm.start_date is null or hm.start_date <= %2$s) and (hm.end_date is null or hm.end_date >= %2$s)""";

    /** Memberships running on at least one day of the period, as CTE {@code m}. */
    static final String MEMBERSHIPS = """
            m as (select * from people_memberships where centre_id = :centre and start_date <= :to and end_date >= :from
                  and cancelled_at is null)""";

    /**
     * Persons a membership of {@code m} covers, as CTE {@code covered(person_id, start_date, household_id)} (with
     * repeats): the members of a household with a familiale membership on its first day (with that household), and
     * individual members (no household); {@code start_date} is the membership's.
     */
    static final String COVERED = """
            covered as (
                select hm.person_id, m.start_date, m.household_id from m
                join people_household_members hm on hm.centre_id = m.centre_id
                  and hm.household_id = m.household_id
                  and (hm.start_date is null or hm.start_date <= m.start_date)
                  and (hm.end_date is null or hm.end_date >= m.start_date)
                where m.type = 'familiale'
                union all
                select m.person_id, m.start_date, null::bigint from m where m.type = 'individuelle')
            """;

    /**
     * The one definition of a new person (interchange.md {@code newPersons}): no {@code present} attendance at a session
     * (not cancelled) and no reception contact dated before {@code :from}, ever, in this centre. It is decided once per
     * reached person when {@link #prepare} builds {@code {firsts}}; the centre's, the sectors' and the activities' figures
     * apply this condition to their persons (all reached in the period), uncorrelated so that it is hashed once.
     */
    static final String NEW_PERSON = "(%1$s in (select nf.person_id from {firsts} nf where nf.new_person))";

    /** Whether the reached person {@code r.person_id} was never present nor seen at the reception before {@code :from}. */
    private static final String NEVER_BEFORE = """
            not exists (select 1 from attendance_marks nat
                        join activities_sessions nse on nse.centre_id = nat.centre_id and nse.id = nat.session_id
                        where nat.centre_id = :centre and nat.person_id = r.person_id and nat.status = 'present'
                          and nse.cancelled_reason is null and nse.date < :from)
            and not exists (select 1 from reception_contacts nc
                            where nc.centre_id = :centre and nc.person_id = r.person_id and nc.date < :from)""";

    /** A person's disability answer as the key {@code publics.disability} counts it by: oui, non, inconnu. */
    static final String DISABILITY = "case when %1$s is null then 'inconnu' when %1$s then 'oui' else 'non' end";

    /**
     * Each person of {@code members.persons} with the values {@code members.profile} counts them by, as CTEs ending
     * in {@code profiled(person_id, sex, age_band, qf_band)}, and each household of {@code members.households} with
     * its QF band, {@code member_households(household_id, qf_band)}: age on the later of {@code :from} and the
     * earliest start of their memberships of the period; QF of the household of a familiale membership (the
     * earliest), else of their principal household; QF known on the period's last day, else the first recorded.
     */
    static final String MEMBER_PROFILE = """
            with %s, %s,
            member as (
                select person_id, greatest(cast(:from as date), min(start_date)) as on_date,
                       (array_agg(household_id order by start_date, household_id)
                          filter (where household_id is not null))[1] as household_id
                from covered group by person_id),
            principal as (
                select distinct on (hm.person_id) hm.person_id, hm.household_id
                from people_household_members hm join member mb on mb.person_id = hm.person_id
                where hm.centre_id = :centre order by hm.person_id, hm.principal desc, hm.id),
            %s,
            profiled as (
                select mb.person_id, coalesce(p.sex, 'inconnu') as sex, %s as age_band, %s as qf_band
                from member mb join people_persons p on p.centre_id = :centre and p.id = mb.person_id
                left join principal pr on pr.person_id = mb.person_id
                left join qf_known hh_qf on hh_qf.household_id = coalesce(mb.household_id, pr.household_id)
                cross join lateral (select hh_qf.amount_euros as qf) hh),
            member_households as (
                select mh.household_id, %s as qf_band
                from (select distinct household_id from m where type = 'familiale') mh
                left join qf_known hh_qf on hh_qf.household_id = mh.household_id
                cross join lateral (select hh_qf.amount_euros as qf) hh)
            """.formatted(MEMBERSHIPS, COVERED.strip(), QF_KNOWN, AGE_BAND.formatted("p.birth_date", "mb.on_date"), QF_BAND,
            QF_BAND);

    /** The buckets of {@code byAttendanceRate}: share of the activity's held sessions a person was present at. */
    static final List<String> RATE_BANDS = List.of("0-24", "25-49", "50-74", "75-99", "100");

    private final JdbcClient jdbc;
    private final AssociationIndicators association;
    private final AtomicLong passes = new AtomicLong();
    private final Fork fork;

    IndicatorService(JdbcClient jdbc, AssociationIndicators association, Fork fork) {
        this.jdbc = jdbc;
        this.fork = fork;
        this.association = association;
    }

    /**
     * The whole indicator set. The members', the reception's and the association's figures read none of the period's
     * tables: they are computed on a second connection (when the pool has one to spare) while this one builds the
     * period's tables and reads the rest from them.
     */
    @Transactional
    public Indicators compute(long centreId, String centreCode, LocalDate from, LocalDate to) {
        Fork.Task<Members> members = fork.start(() -> members(centreId, from, to));
        Fork.Task<Reception> reception = fork.start(() -> reception(centreId, from, to));
        Fork.Task<Association> associative = fork.start(() -> association.compute(centreId, from, to));
        prepare(centreId, from, to);
        Publics publics = publics(centreId, from, to);
        List<UnitFigures.Sector> sectors = sectors(centreId, from, to);
        List<UnitFigures.Activity> activities = activities(centreId, from, to);
        return new Indicators(centreCode, from, to, members.join(), publics, sectors, activities, reception.join(),
                associative.join(), schoolsBySector(centreId, from, to));
    }

    /** The sections of the indicators {@link #figures} can compute alone, as {@link Indicators} names them. */
    public enum Section { MEMBERS, PUBLICS, RECEPTION, ASSOCIATION }

    /** The figures of a set of activities taken together: distinct persons present, presences, sessions counted. */
    public record SetFigures(long persons, long presences, long sessions) {
    }

    /**
     * What a projet social's indicators are measured by, over one period: the sections asked for (the others are
     * null) and the figures of each set of activities asked for.
     */
    public record Figures(Members members, Publics publics, Reception reception, Association association,
                          Map<List<Long>, SetFigures> activitySets) {
    }

    /**
     * The sections asked for and the figures of each set of activities (an objective's), in one pass: however many
     * objectives, the period's attendance is gathered once; when {@code publics} is not asked, only that of the sets'
     * activities.
     */
    @Transactional
    public Figures figures(long centreId, LocalDate from, LocalDate to, Set<Section> sections, Collection<List<Long>> activitySets) {
        List<List<Long>> sets = activitySets.stream().map(List::copyOf).distinct().toList();
        if (sections.contains(Section.PUBLICS)) {
            prepare(centreId, from, to);
        } else if (!sets.isEmpty()) {
            prepare(centreId, from, to, sets.stream().flatMap(List::stream).distinct().toArray(Long[]::new));
        }
        return new Figures(
                sections.contains(Section.MEMBERS) ? members(centreId, from, to) : null,
                sections.contains(Section.PUBLICS) ? publics(centreId, from, to) : null,
                sections.contains(Section.RECEPTION) ? reception(centreId, from, to) : null,
                sections.contains(Section.ASSOCIATION) ? association.compute(centreId, from, to) : null,
                sets.isEmpty() ? Map.of() : activitySets(sets));
    }

    /** Every set's figures in one query, over the sets numbered by their position. */
    private Map<List<Long>, SetFigures> activitySets(List<List<Long>> sets) {
        List<Integer> numbers = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int n = 0; n < sets.size(); n++) {
            for (Long id : sets.get(n)) {
                numbers.add(n);
                ids.add(id);
            }
        }
        Map<List<Long>, SetFigures> figures = new LinkedHashMap<>();
        sql("""
                with member as (select distinct n, activity_id from unnest(:numbers, :ids) as m(n, activity_id)),
                present as (select m.n, count(distinct ap.person_id) as persons, sum(ap.presences) as presences
                            from member m join {presences} ap on ap.activity_id = m.activity_id group by m.n),
                held as (select m.n, count(*) as sessions
                         from member m join {held} h on h.activity_id = m.activity_id and h.counted group by m.n)
                select s.n, coalesce(p.persons, 0) as persons, coalesce(p.presences, 0) as presences,
                       coalesce(h.sessions, 0) as sessions
                from generate_series(0, :last) as s(n)
                left join present p on p.n = s.n left join held h on h.n = s.n""")
                .param("numbers", numbers.toArray(Integer[]::new)).param("ids", ids.toArray(Long[]::new))
                .param("last", sets.size() - 1)
                .query((rs, row) -> figures.put(sets.get(rs.getInt("n")),
                        new SetFigures(rs.getLong("persons"), rs.getLong("presences"), rs.getLong("sessions")))).list();
        return figures;
    }

    /** How many times the engine gathered a period's attendance ({@link #prepare}); the tests keep pages at one. */
    public long passes() {
        return passes.get();
    }

    /**
     * One pass over the period's attendance builds the small tables of {@link PeriodTables} the figures are computed
     * from: present rows aggregated per activity and person, each reached person's first contact, the sessions held.
     */
    void prepare(long centreId, LocalDate from, LocalDate to) {
        prepare(centreId, from, to, null);
    }

    /**
     * The same tables, limited to some activities' sessions when {@code only} is given: each of those activities has
     * the rows of a whole pass, and the first contacts, which need every activity, are not gathered.
     */
    private void prepare(long centreId, LocalDate from, LocalDate to, Long[] only) {
        passes.incrementAndGet();
        String activities = only == null ? "" : " and se.activity_id = any(:only)";
        Map<String, Object> params = new HashMap<>(params(centreId, from, to));
        if (only != null) {
            params.put("only", only);
        }
        sql("drop table if exists {presences}; drop table if exists {firsts}; drop table if exists {held};"
                + " drop table if exists {households}").update();
        // enough memory to aggregate a large centre's year in one hash table, for this transaction only
        jdbc.sql("select set_config('work_mem', '64MB', true)").query().listOfRows();
        sql("""
                create temp table {presences} on commit drop as
                with held as materialized (
                    select se.id, se.activity_id, se.date, extract(epoch from (se.end_time - se.start_time))::int as seconds
                    from activities_sessions se
                    where se.centre_id = :centre and se.cancelled_reason is null and se.date between :from and :to%s),
                -- grouped on two keys over whole seconds, the sector and the hours put in after: cheaper to aggregate
                per_person as (
                    select h.activity_id, at.person_id, min(h.date) as first_date, count(*) as presences,
                           sum(h.seconds) as seconds
                    from held h join attendance_marks at on at.centre_id = :centre and at.session_id = h.id
                    where at.status = 'present'
                    group by 1, 2)
                select pp.activity_id, a.sector_id, pp.person_id, pp.first_date, pp.presences, pp.seconds / 3600.0 as hours
                from per_person pp join activities_activities a on a.centre_id = :centre and a.id = pp.activity_id"""
                .formatted(activities)).params(params).update();
        if (only == null) {
            sql("""
                    create temp table {firsts} on commit drop as
                    select r.person_id, r.first_date, %s as new_person
                    from (select person_id, min(first_date) as first_date from (
                            select person_id, first_date from {presences}
                            union all
                            select c.person_id, c.date from reception_contacts c
                            where c.centre_id = :centre and c.person_id is not null and c.date between :from and :to) x
                          group by person_id) r""".formatted(NEVER_BEFORE)).params(params).update();
        }
        // sessions held in the period (not cancelled), and whether they count: attendance or a headcount
        sql("""
                create temp table {held} on commit drop as
                select se.id, a.id as activity_id, a.sector_id,
                       (exists (select 1 from attendance_marks at where at.centre_id = se.centre_id and at.session_id = se.id)
                        or exists (select 1 from attendance_headcounts hc
                                   where hc.centre_id = se.centre_id and hc.session_id = se.id)) as counted
                from activities_sessions se join activities_activities a on a.centre_id = se.centre_id and a.id = se.activity_id
                where se.centre_id = :centre and se.cancelled_reason is null and se.date between :from and :to%s"""
                .formatted(activities)).params(params).update();
        if (only == null) {
            sql("create temp table {households} on commit drop as " + householdsOf("{firsts}")).params(params).update();
        }
        sql(only == null ? "analyze {presences}; analyze {firsts}; analyze {held}; analyze {households}"
                : "analyze {presences}; analyze {held}").update();
    }

    /** The persons behind a figure of {@code publics}: all reached persons, or those of one value of a dimension. */
    @Transactional
    public List<Map<String, Object>> publicsPersons(long centreId, LocalDate from, LocalDate to, String dimension, String value,
                                                    Bands ageBands, Bands qfBands) {
        String column = switch (dimension) {
            case "persons" -> null;
            case "bySex" -> "sex";
            case "byAgeBand" -> ageBands.sql("age_years");
            case "byQuartier" -> "quartier";
            case "qpv" -> "qpv";
            case "byQfBand" -> qfBands.sql("qf_value");
            case "newPersons" -> "new_person";
            case "bySectorCount" -> "sector_count";
            case "byFlag" -> "byFlag";
            // no "disability": who has a disability is listed only to the users allowed to see it (its own permission)
            default -> throw new IllegalArgumentException("dimension inconnue : " + dimension);
        };
        String condition = column == null ? "" : column.equals("byFlag") ? " " + """
                where exists (select 1 from people_person_flags pf
                              join people_situation_flags sf on sf.centre_id = pf.centre_id and sf.id = pf.flag_id
                              where pf.centre_id = :centre and pf.person_id = described.person_id and sf.code = :value)"""
                : " where " + column + " = :value";
        prepare(centreId, from, to);
        return sql(described() + " select person_id, last_name, first_name, to_char(first_date, 'DD/MM/YYYY') as first_date"
                        + " from described" + condition
                        + " order by lower(last_name), lower(first_name)")
                .params(params(centreId, from, to)).param("value", value == null ? "" : value).query().listOfRows();
    }

    /**
     * Reached persons of the period (same first contact as {@code publics.persons}) with no presence and no reception
     * contact before the period: the persons new to the centre that year (SENACS).
     */
    @Transactional
    public long newPersons(long centreId, LocalDate from, LocalDate to) {
        prepare(centreId, from, to);
        return sql("select count(*) from {firsts} f where " + NEW_PERSON.formatted("f.person_id"))
                .params(params(centreId, from, to)).query(Long.class).single();
    }

    /** Publics by the centre's own age and QF bands, for its pages and report (same persons, same first contact). */
    @Transactional
    public Publics.BandCounts publicsInBands(long centreId, LocalDate from, LocalDate to, Bands age, Bands qf) {
        prepare(centreId, from, to);
        return new Publics.BandCounts(
                counts(described() + " select " + age.sql("age_years") + ", count(*) from described group by 1",
                        centreId, from, to, age.labels()),
                counts(described() + " select " + qf.sql("qf_value") + ", count(*) from described group by 1",
                        centreId, from, to, qf.labels()));
    }

    /**
     * Persons of each activity that has its own age bands, by those bands, age at their first presence in the
     * activity: activity key ({@link UnitFigures.Activity#key}) → band → persons.
     */
    @Transactional
    public Map<String, Map<String, Long>> activityAgeBands(long centreId, LocalDate from, LocalDate to) {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        boolean any = jdbc.sql("select exists (select 1 from activities_activities where centre_id = ? and age_bands is not null)")
                .param(centreId).query(Boolean.class).single();
        if (!any) {
            return result;
        }
        prepare(centreId, from, to);
        jdbc.sql("select coalesce(ref, '') || '|' || name, age_bands from activities_activities"
                        + " where centre_id = :centre and age_bands is not null")
                .params(params(centreId, from, to))
                .query((rs, n) -> result.put(rs.getString(1), zeros(new Bands(Arrays.stream(
                        (Integer[]) rs.getArray(2).getArray()).mapToInt(Integer::intValue).toArray()).labels()))).list();
        sql("""
                select coalesce(a.ref, '') || '|' || a.name,
                       case when p.birth_date is null then 'inconnu'
                            else (select case when w.i < cardinality(a.age_bands) then a.age_bands[w.i] || '-' || (a.age_bands[w.i + 1] - 1)
                                              else a.age_bands[w.i] || '+' end
                                  from (select width_bucket(extract(year from age(ap.first_date, p.birth_date))::int, a.age_bands) as i) w)
                       end as band,
                       count(*)
                from {presences} ap
                join activities_activities a on a.centre_id = :centre and a.id = ap.activity_id and a.age_bands is not null
                join people_persons p on p.centre_id = :centre and p.id = ap.person_id
                group by 1, 2""").params(params(centreId, from, to))
                .query((rs, n) -> result.get(rs.getString(1)).put(rs.getString(2), rs.getLong(3))).list();
        return result;
    }

    /** Each reached person with the values publics counts them by: one definition for the figures and their lists. */
    private static String described() {
        return """
                with %s,
                described as (
                    select p.id as person_id, p.last_name, p.first_name, f.first_date,
                           extract(year from age(f.first_date, p.birth_date))::int as age_years, hh.qf as qf_value,
                           coalesce(p.sex, 'inconnu') as sex, %s as age_band, coalesce(hh.quartier, 'inconnu') as quartier,
                           coalesce(hh.qpv, 'inconnu') as qpv, %s as qf_band,
                           case when %s then 'oui' else 'non' end as new_person,
                           case when sc.sectors is null then '0' when sc.sectors >= 3 then '3+' else sc.sectors::text end
                             as sector_count,
                           %s as disability
                    from {firsts} f join people_persons p on p.centre_id = :centre and p.id = f.person_id
                    left join hh on hh.person_id = f.person_id
                    left join (select person_id, count(distinct sector_id) as sectors from {presences} group by 1) sc
                      on sc.person_id = f.person_id
                    left join people_person_details d on d.centre_id = :centre and d.person_id = f.person_id)
                """.formatted(HOUSEHOLD_OF, AGE_BAND.formatted("p.birth_date", "f.first_date"), QF_BAND,
                NEW_PERSON.formatted("f.person_id"), DISABILITY.formatted("d.disability"));
    }

    /** The labels of the centre's situation flags by code (archived ones included: a person may still carry one). */
    public Map<String, String> flagLabels(long centreId) {
        Map<String, String> labels = new LinkedHashMap<>();
        jdbc.sql("select code, label from people_situation_flags where centre_id = ? order by lower(label), code").param(centreId)
                .query((rs, n) -> labels.put(rs.getString(1), rs.getString(2))).list();
        return labels;
    }

    /** Memberships of one season, for the report: the count of those overlapping a period, season by season. */
    public record SeasonCount(String season, long memberships) {
    }

    /**
     * The memberships counted by {@code members.memberships} for the period, split by the season each belongs to:
     * a calendar year overlaps two seasons, and their sum is not a number of members.
     */
    public List<SeasonCount> membershipsBySeason(long centreId, LocalDate from, LocalDate to) {
        return jdbc.sql("with " + MEMBERSHIPS + """
                select coalesce(s.label, 'sans saison') as season, count(*) as memberships
                from m left join people_seasons s on s.centre_id = m.centre_id and s.id = m.season_id
                group by s.label, s.start_date order by s.start_date nulls last""")
                .param("centre", centreId).param("from", from).param("to", to).query(SeasonCount.class).list();
    }

    private Members members(long centreId, LocalDate from, LocalDate to) {
        Map<String, Map<String, Long>> dimensions = new LinkedHashMap<>();
        dimensions.put("bySex", zeros(SEXES));
        dimensions.put("byAgeBand", zeros(AGE_BANDS));
        dimensions.put("byQfBand", zeros(QF_BANDS));
        dimensions.put("householdsByQfBand", zeros(QF_BANDS));
        jdbc.sql(MEMBER_PROFILE + """
                select case when grouping(sex) = 0 then 'bySex' when grouping(age_band) = 0 then 'byAgeBand' else 'byQfBand' end,
                       coalesce(sex, age_band, qf_band), count(*)
                from profiled group by grouping sets ((sex), (age_band), (qf_band))
                union all
                select 'householdsByQfBand', qf_band, count(*) from member_households group by 2""")
                .params(params(centreId, from, to))
                .query((rs, n) -> dimensions.get(rs.getString(1)).put(rs.getString(2), rs.getLong(3))).list();
        Members.Profile profile = new Members.Profile(dimensions.get("bySex"), dimensions.get("byAgeBand"),
                dimensions.get("byQfBand"));
        return jdbc.sql("with " + MEMBERSHIPS + ", " + COVERED + """
                select count(*) as memberships,
                       count(distinct household_id) filter (where type = 'familiale') as households,
                       (select count(distinct person_id) from covered) as persons,
                       count(*) filter (where type = 'individuelle') as individual,
                       count(*) filter (where type = 'associative') as organisations
                from m""").param("centre", centreId).param("from", from).param("to", to)
                .query((rs, n) -> new Members(rs.getLong("memberships"), rs.getLong("households"), rs.getLong("persons"),
                        rs.getLong("individual"), rs.getLong("organisations"), profile,
                        dimensions.get("householdsByQfBand"))).single();
    }

    private Publics publics(long centreId, LocalDate from, LocalDate to) {
        long persons = sql("select count(*) from {firsts}").query(Long.class).single();
        long households = sql("select count(distinct h.household_id) from {firsts} f, lateral ("
                        + HOUSEHOLDS_ON.formatted("f.person_id", "f.first_date") + ") h")
                .params(params(centreId, from, to)).query(Long.class).single();
        Map<String, Map<String, Long>> dimensions = new LinkedHashMap<>();
        dimensions.put("bySex", zeros(SEXES));
        dimensions.put("byAgeBand", zeros(AGE_BANDS));
        dimensions.put("byQuartier", new LinkedHashMap<>());
        dimensions.put("qpv", zeros(YES_NO));
        dimensions.put("byQfBand", zeros(QF_BANDS));
        dimensions.put("newPersons", zeros(List.of("oui", "non")));
        dimensions.put("bySectorCount", zeros(SECTOR_COUNTS));
        dimensions.put("disability", zeros(YES_NO));
        sql(described() + """
                select case when grouping(sex) = 0 then 'bySex' when grouping(age_band) = 0 then 'byAgeBand'
                            when grouping(quartier) = 0 then 'byQuartier' when grouping(qpv) = 0 then 'qpv'
                            when grouping(qf_band) = 0 then 'byQfBand' when grouping(new_person) = 0 then 'newPersons'
                            when grouping(sector_count) = 0 then 'bySectorCount' else 'disability' end,
                       coalesce(sex, age_band, quartier, qpv, qf_band, new_person, sector_count, disability), count(*)
                from described
                group by grouping sets ((sex), (age_band), (quartier), (qpv), (qf_band), (new_person), (sector_count), (disability))
                order by 1, (coalesce(sex, age_band, quartier, qpv, qf_band) = 'inconnu'), 2""")
                .params(params(centreId, from, to))
                .query((rs, n) -> dimensions.get(rs.getString(1)).put(rs.getString(2), rs.getLong(3))).list();
        // every flag the centre offers, then any archived one still carried; the flags' order is their label's
        Map<String, Long> byFlag = new LinkedHashMap<>();
        sql("""
                select sf.code, count(distinct pf.person_id) from people_situation_flags sf
                left join (people_person_flags pf join {firsts} f on f.person_id = pf.person_id)
                  on pf.centre_id = sf.centre_id and pf.flag_id = sf.id
                where sf.centre_id = :centre
                group by sf.code, sf.label, sf.archived having not sf.archived or count(pf.person_id) > 0
                order by lower(sf.label), sf.code""").params(params(centreId, from, to))
                .query((rs, n) -> byFlag.put(rs.getString(1), rs.getLong(2))).list();
        return new Publics(persons, households, dimensions.get("bySex"), dimensions.get("byAgeBand"),
                dimensions.get("byQuartier"), dimensions.get("qpv"), dimensions.get("byQfBand"),
                dimensions.get("newPersons").get("oui"), dimensions.get("bySectorCount"), dimensions.get("disability"), byFlag);
    }

    /**
     * Figures per sector or per activity ({@code unit} is {@code sector_id} or {@code activity_id}), as grouped
     * aggregates: sessions with attendance or a headcount, distinct persons present, presences, hours (session lengths
     * of present rows), anonymous headcounts, and the distinct households of the persons on their first presence there.
     * An activity whose sessions of the period were all cancelled has its row too (its {@code sessionsCancelled}).
     */
    private String unitFigures(String unit) {
        String cancelledToo = unit.equals("activity_id") ? " union select activity_id from activities_sessions"
                + " where centre_id = :centre and cancelled_reason is not null and date between :from and :to" : "";
        return """
                with held as (select * from {held}),
                counted as (select * from {held} where counted),
                firsts as (select {u} as unit, person_id, min(first_date) as first_date from {presences} group by 1, 2)
                select u.unit,
                       coalesce(s.sessions, 0) as sessions, coalesce(p.persons, 0) as persons,
                       coalesce(hh.households, 0) as households, coalesce(p.presences, 0) as presences,
                       coalesce(p.hours, 0) as hours, coalesce(hc.anonymous, 0) as anonymous
                from (select distinct {u} as unit from held%s) u
                left join (select {u} as unit, count(*) as sessions from counted group by 1) s on s.unit = u.unit
                left join (select {u} as unit, count(distinct person_id) as persons, sum(presences) as presences,
                                  round(sum(hours), 2) as hours from {presences} group by 1) p on p.unit = u.unit
                left join (select h.{u} as unit, sum(hc.headcount) as anonymous from attendance_headcounts hc
                           join held h on h.id = hc.session_id where hc.centre_id = :centre group by 1) hc on hc.unit = u.unit
                left join (select f.unit, count(distinct x.household_id) as households from firsts f,
                           lateral (%s) x group by 1) hh on hh.unit = u.unit
                """.replace("{u}", unit).formatted(cancelledToo, HOUSEHOLDS_ON.formatted("f.person_id", "f.first_date"));
    }

    private List<UnitFigures.Sector> sectors(long centreId, LocalDate from, LocalDate to) {
        String firsts = "with firsts as (select sector_id, person_id, min(first_date) as first_date from {presences} group by 1, 2) ";
        Map<Long, Map<String, Long>> bySex = grouped(firsts + """
                select f.sector_id, coalesce(p.sex, 'inconnu'), count(*) from firsts f
                join people_persons p on p.centre_id = :centre and p.id = f.person_id group by 1, 2""", centreId, from, to,
                List.of("F", "M", "inconnu"));
        Map<Long, Map<String, Long>> byAge = grouped(firsts + """
                select f.sector_id, %s, count(*) from firsts f
                join people_persons p on p.centre_id = :centre and p.id = f.person_id group by 1, 2"""
                .formatted(AGE_BAND.formatted("p.birth_date", "f.first_date")), centreId, from, to, AGE_BANDS);
        // each sector's persons by their household's values, how many are new, how many have a disability
        Map<Long, Map<String, Long>> byQuartier = new HashMap<>();
        Map<Long, Map<String, Long>> qpv = new HashMap<>();
        Map<Long, long[]> newAndDisability = new HashMap<>();
        sql(sectorPersons() + """
                select sector_id, grouping(quartier) = 0 as by_quartier, coalesce(quartier, qpv) as value, count(*),
                       count(*) filter (where new_person), count(*) filter (where disability)
                from sector_persons group by grouping sets ((sector_id, quartier), (sector_id, qpv), (sector_id))
                order by 1, 2, (coalesce(quartier, qpv) = 'inconnu'), 3""").params(params(centreId, from, to))
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    if (rs.getString(3) == null) {
                        newAndDisability.put(id, new long[] {rs.getLong(5), rs.getLong(6)});
                    } else if (rs.getBoolean(2)) {
                        byQuartier.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(rs.getString(3), rs.getLong(4));
                    } else {
                        qpv.computeIfAbsent(id, k -> zeros(YES_NO)).put(rs.getString(3), rs.getLong(4));
                    }
                    return null;
                }).list();
        Map<Long, Map<String, Long>> shared = new HashMap<>();
        sql("""
                with sp as (select distinct sector_id, person_id from {presences})
                select a.sector_id, s.name, count(*) from sp a join sp b on b.person_id = a.person_id and b.sector_id <> a.sector_id
                join activities_sectors s on s.centre_id = :centre and s.id = b.sector_id
                group by 1, 2 order by 1, 2""").params(params(centreId, from, to))
                .query((rs, n) -> shared.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3)))
                .list();
        return sql("select s.name, f.* from (" + unitFigures("sector_id") + ") f"
                        + " join activities_sectors s on s.centre_id = :centre and s.id = f.unit order by s.name")
                .params(params(centreId, from, to)).query((rs, n) -> {
                    long id = rs.getLong("unit");
                    long[] counts = newAndDisability.getOrDefault(id, new long[2]);
                    return new UnitFigures.Sector(rs.getString("name"), rs.getLong("persons"), rs.getLong("households"),
                            rs.getLong("sessions"), rs.getLong("presences"), rs.getBigDecimal("hours").setScale(2, RoundingMode.HALF_UP),
                            rs.getLong("anonymous"), bySex.getOrDefault(id, zeros(SEXES)),
                            byAge.getOrDefault(id, zeros(AGE_BANDS)), byQuartier.getOrDefault(id, new LinkedHashMap<>()),
                            qpv.getOrDefault(id, zeros(YES_NO)), counts[0], counts[1], shared.getOrDefault(id, new LinkedHashMap<>()));
                }).list();
    }

    /**
     * Each sector's distinct persons with their principal household's quartier and QPV answer (as {@code publics}),
     * whether they are new ({@link #NEW_PERSON}) and have a disability, as CTE
     * {@code sector_persons(sector_id, person_id, quartier, qpv, new_person, disability)}; needs the whole pass.
     */
    static String sectorPersons() {
        return """
                with %s,
                sector_persons as (
                    select sp.sector_id, sp.person_id, coalesce(hh.quartier, 'inconnu') as quartier,
                           coalesce(hh.qpv, 'inconnu') as qpv, %s as new_person, coalesce(d.disability, false) as disability
                    from (select distinct sector_id, person_id from {presences}) sp
                    left join hh on hh.person_id = sp.person_id
                    left join people_person_details d on d.centre_id = :centre and d.person_id = sp.person_id)
                """.formatted(HOUSEHOLD_OF, NEW_PERSON.formatted("sp.person_id"));
    }

    private List<UnitFigures.Activity> activities(long centreId, LocalDate from, LocalDate to) {
        Map<Long, Map<String, Map<String, Long>>> described = activityDescribed(centreId, from, to);
        Map<Long, long[]> sessions = new HashMap<>();
        Map<Long, BigDecimal> sessionHours = new HashMap<>();
        // planned = not cancelled ({held} holds every such session of the period); cancelled read beside, same period
        sql("""
                select a.id, coalesce(p.planned, 0), coalesce(c.cancelled, 0), coalesce(p.hours, 0)
                from activities_activities a
                left join (select h.activity_id, count(*) as planned,
                                  round(sum(extract(epoch from (se.end_time - se.start_time)) / 3600.0)
                                        filter (where h.counted), 2) as hours
                           from {held} h join activities_sessions se on se.centre_id = :centre and se.id = h.id
                           group by 1) p on p.activity_id = a.id
                left join (select activity_id, count(*) as cancelled from activities_sessions
                           where centre_id = :centre and cancelled_reason is not null and date between :from and :to
                           group by 1) c on c.activity_id = a.id
                where a.centre_id = :centre and (p.planned is not null or c.cancelled is not null)""")
                .params(params(centreId, from, to)).query((rs, n) -> {
                    sessions.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    sessionHours.put(rs.getLong(1), rs.getBigDecimal(4));
                    return null;
                }).list();
        return sql("select a.ref, a.name, s.name as sector, a.kind, f.* from (" + unitFigures("activity_id") + ") f"
                        + " join activities_activities a on a.centre_id = :centre and a.id = f.unit"
                        + " join activities_sectors s on s.centre_id = a.centre_id and s.id = a.sector_id"
                        + " order by a.ref nulls last, a.name")
                .params(params(centreId, from, to)).query((rs, n) -> {
                    long id = rs.getLong("unit");
                    long held = rs.getLong("sessions");
                    long presences = rs.getLong("presences");
                    long anonymous = rs.getLong("anonymous");
                    BigDecimal average = held == 0 ? BigDecimal.ZERO.setScale(1)
                            : BigDecimal.valueOf(presences + anonymous).divide(BigDecimal.valueOf(held), 1, RoundingMode.HALF_UP);
                    Map<String, Map<String, Long>> d = described.getOrDefault(id, activityDimensions());
                    long[] planned = sessions.getOrDefault(id, new long[2]);
                    return new UnitFigures.Activity(rs.getString("ref"), rs.getString("name"), rs.getString("sector"),
                            rs.getString("kind"), held, rs.getLong("persons"), rs.getLong("households"), presences,
                            rs.getBigDecimal("hours").setScale(2, RoundingMode.HALF_UP), anonymous, average,
                            d.get("bySex"), d.get("byAgeBand"), d.get("byQuartier"), d.get("qpv"),
                            d.get("newPersons").getOrDefault("n", 0L), planned[0], planned[1],
                            sessionHours.getOrDefault(id, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP),
                            d.get("byAttendanceRate"));
                }).list();
    }

    /** The keys each activity's breakdowns start with (0 when absent); {@code byQuartier} lists those met. */
    private static Map<String, Map<String, Long>> activityDimensions() {
        Map<String, Map<String, Long>> d = new LinkedHashMap<>();
        d.put("bySex", zeros(List.of("F", "M", "inconnu")));
        d.put("byAgeBand", zeros(AGE_BANDS));
        d.put("byQuartier", new LinkedHashMap<>());
        d.put("qpv", zeros(List.of("oui", "non", "inconnu")));
        d.put("newPersons", zeros(List.of("n")));
        d.put("byAttendanceRate", zeros(RATE_BANDS));
        return d;
    }

    /**
     * Each activity's distinct persons described once ({@link #ACTIVITY_PERSONS}) and counted by every dimension in
     * one grouped query: activity id → dimension → key → persons.
     */
    private Map<Long, Map<String, Map<String, Long>>> activityDescribed(long centreId, LocalDate from, LocalDate to) {
        Map<Long, Map<String, Map<String, Long>>> result = new HashMap<>();
        sql(ACTIVITY_PERSONS + """
                select activity_id,
                       case when grouping(sex) = 0 then 'bySex' when grouping(age_band) = 0 then 'byAgeBand'
                            when grouping(quartier) = 0 then 'byQuartier' when grouping(qpv) = 0 then 'qpv'
                            when grouping(rate_band) = 0 then 'byAttendanceRate' else 'newPersons' end,
                       coalesce(sex, age_band, quartier, qpv, rate_band, 'n'), count(*)
                from described
                group by grouping sets ((activity_id, sex), (activity_id, age_band), (activity_id, quartier),
                                        (activity_id, qpv), (activity_id, rate_band), (activity_id, is_new))
                having grouping(is_new) = 1 or is_new
                order by 1, 2, (coalesce(sex, age_band, quartier, qpv, rate_band, 'n') = 'inconnu'), 3""")
                .params(params(centreId, from, to))
                .query((rs, n) -> result.computeIfAbsent(rs.getLong(1), a -> activityDimensions())
                        .get(rs.getString(2)).put(rs.getString(3), rs.getLong(4))).list();
        return result;
    }

    /**
     * Each activity's distinct persons (present at least once in the period) with what its figures count them by:
     * sex, age band at their first presence in it, their household's quartier and QPV as {@code publics}
     * ({@link #HOUSEHOLD_OF}), whether they are new to the centre ({@link #newPerson}), and the band of the share of
     * the activity's held sessions they were present at, in percent rounded down.
     */
    static final String ACTIVITY_PERSONS = """
            with %s,
            held_count as (select activity_id, count(*) as n from {held} where counted group by 1),
            described as (
                select ap.activity_id, ap.person_id, coalesce(p.sex, 'inconnu') as sex, %s as age_band,
                       coalesce(hh.quartier, 'inconnu') as quartier, coalesce(hh.qpv, 'inconnu') as qpv,
                       (%s) as is_new,
                       case when ap.presences * 100 / hc.n >= 100 then '100' when ap.presences * 100 / hc.n >= 75 then '75-99'
                            when ap.presences * 100 / hc.n >= 50 then '50-74' when ap.presences * 100 / hc.n >= 25 then '25-49'
                            else '0-24' end as rate_band
                from {presences} ap
                join people_persons p on p.centre_id = :centre and p.id = ap.person_id
                join held_count hc on hc.activity_id = ap.activity_id
                left join hh on hh.person_id = ap.person_id)
            """.formatted(HOUSEHOLD_OF, AGE_BAND.formatted("p.birth_date", "ap.first_date"), NEW_PERSON.formatted("ap.person_id"));

    private Reception reception(long centreId, LocalDate from, LocalDate to) {
        Map<String, Long> byTheme = counts("""
                select ct.theme, count(*) from reception_contacts c
                join reception_contact_themes ct on ct.centre_id = c.centre_id and ct.contact_id = c.id
                where c.centre_id = :centre and c.date between :from and :to group by 1 order by 1""", centreId, from, to, List.of());
        Map<String, Long> byChannel = counts("""
                select channel, count(*) from reception_contacts where centre_id = :centre and date between :from and :to
                group by 1 order by 1""", centreId, from, to, List.of());
        Map<String, Long> appointments = counts("""
                select status, count(*) from reception_contacts where centre_id = :centre and date between :from and :to
                  and channel = 'rdv' and status in ('honore', 'non_honore', 'annule') group by 1""", centreId, from, to,
                List.of("honore", "non_honore", "annule"));
        Map<String, Map<String, Long>> persons = receptionPersons(centreId, from, to);
        return jdbc.sql("""
                select count(*) as contacts, count(distinct person_id) as persons,
                       count(*) filter (where person_id is null) as anonymous_contacts
                from reception_contacts where centre_id = :centre and date between :from and :to""")
                .params(params(centreId, from, to))
                .query((rs, n) -> new Reception(rs.getLong("contacts"), rs.getLong("persons"), rs.getLong("anonymous_contacts"),
                        byTheme, byChannel, appointments, persons.get("bySex"), persons.get("byAgeBand"),
                        persons.get("byQuartier"), persons.get("qpv"), cases(centreId, from, to))).single();
    }

    /**
     * The persons named on a contact of the period ({@code reception.persons}), each with their first contact in the
     * period and the values they are counted by: sex, age band on that day, their household's quartier and QPV answer
     * (principal household, as in {@code publics}). Needs none of the period's tables.
     */
    static String receptionDescribed() {
        return """
                with reached as (
                    select person_id, min(date) as first_date from reception_contacts
                    where centre_id = :centre and person_id is not null and date between :from and :to group by 1),
                %s,
                described as (
                    select p.id as person_id, p.last_name, p.first_name, f.first_date,
                           coalesce(p.sex, 'inconnu') as sex, %s as age_band, coalesce(hh.quartier, 'inconnu') as quartier,
                           coalesce(hh.qpv, 'inconnu') as qpv
                    from reached f join people_persons p on p.centre_id = :centre and p.id = f.person_id
                    left join hh on hh.person_id = f.person_id)
                """.formatted("hh as (" + householdsOf("reached") + ")", AGE_BAND.formatted("p.birth_date", "f.first_date"));
    }

    /** reception.bySex, byAgeBand, byQuartier and qpv, in one grouped query. */
    private Map<String, Map<String, Long>> receptionPersons(long centreId, LocalDate from, LocalDate to) {
        Map<String, Map<String, Long>> dimensions = new LinkedHashMap<>();
        dimensions.put("bySex", zeros(List.of("F", "M", "inconnu")));
        dimensions.put("byAgeBand", zeros(AGE_BANDS));
        dimensions.put("byQuartier", new LinkedHashMap<>());
        dimensions.put("qpv", zeros(List.of("oui", "non", "inconnu")));
        jdbc.sql(receptionDescribed() + """
                select case when grouping(sex) = 0 then 'bySex' when grouping(age_band) = 0 then 'byAgeBand'
                            when grouping(quartier) = 0 then 'byQuartier' else 'qpv' end,
                       coalesce(sex, age_band, quartier, qpv), count(*)
                from described group by grouping sets ((sex), (age_band), (quartier), (qpv))
                order by 1, (coalesce(sex, age_band, quartier, qpv) = 'inconnu'), 2""")
                .params(params(centreId, from, to))
                .query((rs, n) -> dimensions.get(rs.getString(1)).put(rs.getString(2), rs.getLong(3))).list();
        return dimensions;
    }

    /** reception.cases, over the case files reception publishes with their outcome (no subject, no person). */
    private Reception.Cases cases(long centreId, LocalDate from, LocalDate to) {
        Map<String, Long> byOutcome = counts("""
                select c.outcome, count(*) from reception_case_outcomes c
                left join reception_outcomes o on o.centre_id = c.centre_id and o.code = c.outcome
                where c.centre_id = :centre and c.%s
                group by c.outcome, o.position order by o.position nulls last, c.outcome"""
                .formatted(CaseService.PeriodFigure.CLOSED.sql()), centreId, from, to, List.of());
        return jdbc.sql("select count(*) filter (where %s), count(*) filter (where %s), count(*) filter (where %s)"
                        .formatted(CaseService.PeriodFigure.OPENED.sql(), CaseService.PeriodFigure.CLOSED.sql(),
                                CaseService.PeriodFigure.ACTIVE.sql())
                        + " from reception_case_outcomes where centre_id = :centre")
                .params(params(centreId, from, to))
                .query((rs, n) -> new Reception.Cases(rs.getLong(1), rs.getLong(2), rs.getLong(3), byOutcome)).single();
    }

    /**
     * Participants' outcomes (insertion workshops) recorded in the period, per activity: activity key
     * ({@link UnitFigures.Activity#key}) → outcome code → participants, activities with none left out.
     */
    @Transactional
    public Map<String, Map<String, Long>> participantOutcomes(long centreId, LocalDate from, LocalDate to) {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        jdbc.sql("""
                select coalesce(a.ref, '') || '|' || a.name, e.outcome_code, count(*)
                from activities_enrolment_outcomes e
                join activities_activities a on a.centre_id = e.centre_id and a.id = e.activity_id
                left join reception_outcomes o on o.centre_id = e.centre_id and o.code = e.outcome_code
                where e.centre_id = :centre and e.outcome_on between :from and :to
                group by 1, 2, o.position order by 1, o.position nulls last, 2""")
                .params(params(centreId, from, to))
                .query((rs, n) -> result.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getLong(3))).list();
        return result;
    }

    /** School levels in the order of French schooling; a level not listed comes after them, alphabetically. */
    private static final String SCHOOL_LEVELS = "array['TPS', 'PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2', '6e', '5e',"
            + " '4e', '3e', '2de', '1re', 'Tle']";

    /**
     * Each sector's persons (present in the period) whose school or class is recorded, by school and by class: sector
     * name → {@code school} or {@code schoolLevel} → value → persons. A person without one is not counted in it. Read
     * from the pass's tables: the report's, not the JSON's.
     */
    private Map<String, Map<String, Map<String, Long>>> schoolsBySector(long centreId, LocalDate from, LocalDate to) {
        Map<String, Map<String, Map<String, Long>>> result = new LinkedHashMap<>();
        sql("""
                select s.name, x.dimension, x.value, count(*)
                from (select distinct sector_id, person_id from {presences}) sp
                join people_person_details d on d.centre_id = :centre and d.person_id = sp.person_id
                join activities_sectors s on s.centre_id = :centre and s.id = sp.sector_id
                cross join lateral (values ('school', d.school), ('schoolLevel', d.school_level)) x(dimension, value)
                where x.value is not null
                group by 1, 2, 3
                order by 1, 2, array_position(%s, x.value) nulls last, lower(x.value)""".formatted(SCHOOL_LEVELS))
                .params(params(centreId, from, to))
                .query((rs, n) -> result.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new LinkedHashMap<>()).put(rs.getString(3), rs.getLong(4)))
                .list();
        return result;
    }

    /** (group, key, count) rows as a map of ordered maps; the given keys come first, with 0 when absent. */
    private Map<Long, Map<String, Long>> grouped(String sql, long centreId, LocalDate from, LocalDate to, List<String> keys) {
        Map<Long, Map<String, Long>> groups = new LinkedHashMap<>();
        sql(sql).params(params(centreId, from, to)).query((rs, n) ->
                groups.computeIfAbsent(rs.getLong(1), g -> zeros(keys)).put(rs.getString(2), rs.getLong(3))).list();
        return groups;
    }

    private static Map<String, Long> zeros(List<String> keys) {
        Map<String, Long> m = new LinkedHashMap<>();
        keys.forEach(k -> m.put(k, 0L));
        return m;
    }

    /** (key, count) rows as an ordered map; the given keys come first, with 0 when absent. */
    private Map<String, Long> counts(String sql, long centreId, LocalDate from, LocalDate to, List<String> keys) {
        Map<String, Long> counts = zeros(keys);
        sql(sql).params(params(centreId, from, to))
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** A statement over the period's tables ({@link PeriodTables}). */
    private JdbcClient.StatementSpec sql(String sql) {
        return jdbc.sql(PeriodTables.in(sql));
    }

    static Map<String, Object> params(long centreId, LocalDate from, LocalDate to) {
        return Map.of("centre", centreId, "from", from, "to", to);
    }
}
