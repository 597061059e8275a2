package fr.trame.training;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training organisation's figures for a year, each defined once here in SQL over the module's published views
 * (V42, docs/training.md « Formation »). A session belongs to the year of its first half-day. Every count of
 * structures or persons is a count of distinct ones over the registrations.
 */
@Service
public class TrainingFigures {

    /** The figures of one year. Hours are in hours; {@code satisfiedShare} is a share (0 to 1) or null. */
    public record Figures(int year, long held, long cancelled, long notHeld, long structures, List<Departement> departements,
                          long persons, Map<String, Long> personsByQuality, List<CourseRow> courses, BigDecimal traineeHours,
                          BigDecimal sessionHours, long answered, BigDecimal meanSatisfaction, BigDecimal satisfiedShare) {

        public long byQuality(String quality) {
            return personsByQuality.getOrDefault(quality, 0L);
        }

        /** The satisfaction rate in percent (the share of answers at 4 or 5), or null without an answer. */
        public BigDecimal satisfiedPercent() {
            return satisfiedShare == null ? null : satisfiedShare.movePointRight(2);
        }

        public Departement departement(String code) {
            return departements.stream().filter(d -> d.departement().equals(code)).findFirst()
                    .orElse(new Departement(code, 0, 0));
        }

        public long structuresIn(String departement) {
            return departements.stream().filter(d -> d.departement().equals(departement)).mapToLong(Departement::structures)
                    .findFirst().orElse(0);
        }
    }

    /** Distinct structures trained (and distinct persons trained from them) in one département. */
    public record Departement(String departement, long structures, long persons) {
    }

    /** One course of the year: held sessions, distinct persons trained by quality and in all, trainee-hours. */
    public record CourseRow(long courseId, String title, String audience, long sessions, long salaries, long benevoles,
                            long administrateurs, long persons, BigDecimal traineeHours) {
    }

    /** A held session with its figures. */
    public record HeldSession(long sessionId, long courseId, String title, String audience, LocalDate firstDay, LocalDate lastDay,
                              BigDecimal hours, long structures, long persons, BigDecimal traineeHours, long answered,
                              BigDecimal meanSatisfaction, BigDecimal satisfiedShare) {

        public BigDecimal satisfiedPercent() {
            return satisfiedShare == null ? null : satisfiedShare.movePointRight(2);
        }
    }

    /** A cancelled session of the year with its reason and the registrations it had when cancelled. */
    public record CancelledSession(long sessionId, String title, LocalDate firstDay, String reason, String note,
                                   LocalDate cancelledOn, long registrations) {
    }

    /** A structure trained in the year with its sessions; {@code persons} distinct persons over all its sessions. */
    public record TrainedStructure(long structureId, String name, String departement, long sessions, long persons,
                                   BigDecimal traineeHours, List<StructureSession> sessionList) {
    }

    /** One session a structure had people trained in, and how many of them. */
    public record StructureSession(long sessionId, String title, LocalDate firstDay, long persons) {
    }

    /** A person trained (what the direction and the délégués read; a reader gets {@link StructureCount} instead). */
    public record TrainedPerson(String lastName, String firstName, Long structureId, String structure, String quality,
                                long sessions, BigDecimal hours) {
    }

    /** Distinct persons trained per structure, for a course or a quality: what a reader reads, without names. */
    public record StructureCount(Long structureId, String structure, String departement, long persons, BigDecimal hours) {
    }

    /**
     * The year's sessions (first half-day in the year) and its trained participations: a registration not cancelled
     * with at least one presence, in a held session (not cancelled, at least one presence). :f and :y are bound by
     * the caller.
     */
    private static final String YEAR = """
            with s as materialized (
                select * from training_session_facts
                where federation_id = :f and extract(year from first_day) = :y),
            t as materialized (
                select p.*, st.departement
                from training_participations p
                join s on s.session_id = p.session_id and s.held
                left join federation_structures st on st.federation_id = p.federation_id and st.id = p.structure_id
                where p.federation_id = :f and p.state <> 'annule' and p.present_half_days > 0)
            """;

    private final JdbcClient jdbc;

    public TrainingFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Figures year(long federationId, int year) {
        record Totals(long held, long cancelled, long notHeld, BigDecimal sessionHours) {
        }
        // actions held: sessions of the year not cancelled with a presence; cancelled: status annulee; not held: the
        // others (to come, or attendance not signed yet); session-hours: the half-days of the held sessions
        Totals totals = jdbc.sql(YEAR + """
                select count(*) filter (where held) as held,
                       count(*) filter (where status = 'annulee') as cancelled,
                       count(*) filter (where not held and status <> 'annulee') as not_held,
                       coalesce(sum(hours) filter (where held), 0) as session_hours
                from s""").param("f", federationId).param("y", year).query(Totals.class).single();
        record Trained(long structures, long persons, BigDecimal traineeHours) {
        }
        // distinct structures trained, in all (a structure once however many sessions); distinct persons trained;
        // trainee-hours: the sum, over the presences of trained registrations, of each half-day's hours
        Trained trained = jdbc.sql(YEAR + """
                select count(distinct structure_id) as structures, count(distinct person_no) as persons,
                       coalesce(sum(hours_attended), 0) as trainee_hours
                from t""").param("f", federationId).param("y", year).query(Trained.class).single();
        // the same per département of the structure (the federation's own people are in no département)
        List<Departement> departements = jdbc.sql(YEAR + """
                select departement, count(distinct structure_id) as structures, count(distinct person_no) as persons
                from t where structure_id is not null
                group by departement order by departement""")
                .param("f", federationId).param("y", year).query(Departement.class).list();
        // distinct persons per quality: a person registered as bénévole then as administrateur counts in both
        Map<String, Long> byQuality = new LinkedHashMap<>();
        for (String q : TrainingService.QUALITIES) {
            byQuality.put(q, 0L);
        }
        record QualityCount(String quality, long persons) {
        }
        jdbc.sql(YEAR + "select quality, count(distinct person_no) as persons from t group by quality")
                .param("f", federationId).param("y", year).query(QualityCount.class).list()
                .forEach(q -> byQuality.put(q.quality(), q.persons()));
        // distinct persons per course and quality
        List<CourseRow> courses = jdbc.sql(YEAR + """
                select c.id as course_id, c.title, c.audience,
                       (select count(*) from s where s.course_id = c.id and s.held) as sessions,
                       count(distinct t.person_no) filter (where t.quality = 'salarie') as salaries,
                       count(distinct t.person_no) filter (where t.quality = 'benevole') as benevoles,
                       count(distinct t.person_no) filter (where t.quality = 'administrateur') as administrateurs,
                       count(distinct t.person_no) as persons, coalesce(sum(t.hours_attended), 0) as trainee_hours
                from t
                join training_courses c on c.federation_id = t.federation_id and c.id = t.course_id
                group by c.id, c.title, c.audience
                order by lower(c.title)""")
                .param("f", federationId).param("y", year).query(CourseRow.class).list();
        record Satisfaction(long answered, BigDecimal mean, BigDecimal share) {
        }
        // satisfaction: the answers of the persons trained (registrations above), as the view training_satisfactions
        // defines them once (V45); their mean; the satisfaction rate, the share of those answers that are 4 or 5
        Satisfaction sat = jdbc.sql(YEAR + """
                select count(e.satisfaction) as answered, round(avg(e.satisfaction), 2) as mean,
                       round(count(*) filter (where e.satisfied)::numeric / nullif(count(e.satisfaction), 0), 4) as share
                from training_satisfactions e
                join t on t.registration_id = e.registration_id
                where e.federation_id = :f""")
                .param("f", federationId).param("y", year).query(Satisfaction.class).single();
        return new Figures(year, totals.held(), totals.cancelled(), totals.notHeld(), trained.structures(), departements,
                trained.persons(), byQuality, courses, trained.traineeHours(), totals.sessionHours(), sat.answered(),
                sat.mean(), sat.share());
    }

    /** The year to show when none is asked: the latest up to {@code today}'s year with a held session, else that year. */
    public int latestYear(long federationId, LocalDate today) {
        return jdbc.sql("""
                select coalesce(max(extract(year from first_day))::int, :y) from training_session_facts
                where federation_id = :f and held and extract(year from first_day) <= :y""")
                .param("f", federationId).param("y", today.getYear()).query(Integer.class).single();
    }

    /** The held sessions of the year with their figures, by first day. */
    public List<HeldSession> heldSessions(long federationId, int year, Long courseId) {
        return jdbc.sql(YEAR + """
                select s.session_id, s.course_id, c.title, s.audience, s.first_day, s.last_day, s.hours,
                       (select count(distinct structure_id) from t where t.session_id = s.session_id) as structures,
                       (select count(distinct person_no) from t where t.session_id = s.session_id) as persons,
                       (select coalesce(sum(hours_attended), 0) from t where t.session_id = s.session_id) as trainee_hours,
                       e.answered, e.mean as mean_satisfaction, e.share as satisfied_share
                from s
                join training_courses c on c.federation_id = s.federation_id and c.id = s.course_id
                left join lateral (
                    select count(x.satisfaction) as answered, round(avg(x.satisfaction), 2) as mean,
                           round(count(*) filter (where x.satisfied)::numeric / nullif(count(x.satisfaction), 0), 4) as share
                    from training_satisfactions x
                    join t on t.registration_id = x.registration_id
                    where x.federation_id = s.federation_id and x.session_id = s.session_id) e on true
                where s.held and (cast(:course as bigint) is null or s.course_id = :course)
                order by s.first_day, s.session_id""")
                .param("f", federationId).param("y", year).param("course", courseId).query(HeldSession.class).list();
    }

    /** The cancelled sessions of the year, their reason and the registrations (not cancelled themselves) they had. */
    public List<CancelledSession> cancelledSessions(long federationId, int year) {
        return jdbc.sql(YEAR + """
                select s.session_id, c.title, s.first_day, s.cancel_reason as reason, x.cancel_note as note, s.cancelled_on,
                       (select count(*) from training_participations p where p.federation_id = s.federation_id
                            and p.session_id = s.session_id and p.state <> 'annule') as registrations
                from s
                join training_courses c on c.federation_id = s.federation_id and c.id = s.course_id
                join training_sessions x on x.federation_id = s.federation_id and x.id = s.session_id
                where s.status = 'annulee'
                order by s.first_day, s.session_id""")
                .param("f", federationId).param("y", year).query(CancelledSession.class).list();
    }

    /**
     * The structures trained in the year (in one département when it is given), with the sessions each had people
     * trained in: the list behind the count of distinct structures.
     */
    public List<TrainedStructure> trainedStructures(long federationId, int year, String departement) {
        record Row(long structureId, String name, String departement, long sessions, long persons, BigDecimal traineeHours,
                   long sessionId, String title, LocalDate firstDay, long sessionPersons) {
        }
        List<Row> rows = jdbc.sql(YEAR + """
                , per_structure as (
                    select structure_id, count(distinct session_id) as sessions, count(distinct person_no) as persons,
                           sum(hours_attended) as trainee_hours
                    from t where structure_id is not null group by structure_id),
                per_session as (
                    select structure_id, session_id, count(distinct person_no) as persons
                    from t where structure_id is not null group by structure_id, session_id)
                select st.id as structure_id, st.name, st.departement, a.sessions, a.persons, a.trainee_hours,
                       b.session_id, c.title, s.first_day, b.persons as session_persons
                from per_structure a
                join federation_structures st on st.federation_id = :f and st.id = a.structure_id
                join per_session b on b.structure_id = a.structure_id
                join s on s.session_id = b.session_id
                join training_courses c on c.federation_id = :f and c.id = s.course_id
                where cast(:d as text) is null or st.departement = :d
                order by lower(st.name), st.id, s.first_day, s.session_id""")
                .param("f", federationId).param("y", year).param("d", departement).query(Row.class).list();
        Map<Long, TrainedStructure> byId = new LinkedHashMap<>();
        for (Row r : rows) {
            byId.computeIfAbsent(r.structureId(), id -> new TrainedStructure(id, r.name(), r.departement(), r.sessions(),
                    r.persons(), r.traineeHours(), new ArrayList<>()))
                    .sessionList().add(new StructureSession(r.sessionId(), r.title(), r.firstDay(), r.sessionPersons()));
        }
        return List.copyOf(byId.values());
    }

    /**
     * The persons trained in the year, for one course and one quality when given: their name as first registered,
     * structure, sessions and hours. Only for those who may read trainees' names.
     */
    public List<TrainedPerson> trainedPersons(long federationId, int year, Long courseId, String quality) {
        return jdbc.sql(YEAR + """
                , picked as (
                    select * from t
                    where (cast(:course as bigint) is null or course_id = :course) and (cast(:q as text) is null or quality = :q))
                select (array_agg(r.last_name order by r.id))[1] as last_name,
                       (array_agg(r.first_name order by r.id))[1] as first_name, p.structure_id,
                       min(st.name) as structure, string_agg(distinct p.quality, ', ') as quality,
                       count(distinct p.session_id) as sessions, sum(p.hours_attended) as hours
                from picked p
                join training_registrations r on r.federation_id = p.federation_id and r.id = p.registration_id
                left join federation_structures st on st.federation_id = p.federation_id and st.id = p.structure_id
                group by p.person_no, p.structure_id
                order by lower((array_agg(r.last_name order by r.id))[1]), lower((array_agg(r.first_name order by r.id))[1]),
                         p.structure_id""")
                .param("f", federationId).param("y", year).param("course", courseId).param("q", quality)
                .query(TrainedPerson.class).list();
    }

    /** The same persons counted per structure (distinct), without any name: what a reader reads. */
    public List<StructureCount> trainedPersonsByStructure(long federationId, int year, Long courseId, String quality) {
        return jdbc.sql(YEAR + """
                select t.structure_id, coalesce(min(st.name), 'La fédération') as structure, min(t.departement) as departement,
                       count(distinct t.person_no) as persons, sum(t.hours_attended) as hours
                from t
                left join federation_structures st on st.federation_id = t.federation_id and st.id = t.structure_id
                where (cast(:course as bigint) is null or t.course_id = :course) and (cast(:q as text) is null or t.quality = :q)
                group by t.structure_id
                order by lower(coalesce(min(st.name), '')), t.structure_id""")
                .param("f", federationId).param("y", year).param("course", courseId).param("q", quality)
                .query(StructureCount.class).list();
    }
}
