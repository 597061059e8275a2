package fr.trame.training;

import fr.trame.form.NotFound;
import fr.trame.form.Parse;
import fr.trame.form.Refused;
import fr.trame.form.Vocabulary;
import fr.trame.training.TrainingService.HalfDay;
import fr.trame.training.TrainingService.Registration;
import fr.trame.training.TrainingService.Session;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Attendance as signed per half-day, the certificates of attendance it gives, and the trainees' evaluations with their
 * results per session and per course. Only the people holding a place (state inscrit) sign and are evaluated; a
 * cancelled session takes neither. Every query takes the federation's id: another federation's session or
 * registration is not found.
 */
@Service
public class SignInService {

    /** One signed presence: a registration present at a half-day. */
    public record Presence(long registrationId, long halfDayId) {
    }

    /** A person of the sign-in grid: the half-days they signed and the hours these make. */
    public record Line(Registration registration, Set<Long> present, BigDecimal hours) {

        public boolean presentAt(long halfDayId) {
            return present.contains(halfDayId);
        }
    }

    /** A session's attendance: its half-days, who holds a place, and how many signed each half-day. */
    public record Attendance(Session session, List<HalfDay> halfDays, List<Line> lines, Map<Long, Integer> presentPerHalfDay) {

        public int presentAt(long halfDayId) {
            return presentPerHalfDay.getOrDefault(halfDayId, 0);
        }

        /** Whether anyone signed at all: a session not cancelled with signed attendance was held. */
        public boolean signed() {
            return presentPerHalfDay.values().stream().anyMatch(n -> n > 0);
        }
    }

    /** What a certificate of attendance states about one person. */
    public record Certificate(Session session, TrainingService.Course course, Registration registration,
                              List<HalfDay> attended, BigDecimal hoursAttended) {
    }

    /** One person's evaluation as recorded (null scores: not answered). */
    public record Evaluation(Registration registration, Integer positioning, Integer acquired, Integer satisfaction,
                             String comment) {
    }

    /** An evaluation as typed in the form, checked by {@link #saveEvaluations}. */
    public record TypedEvaluation(long registrationId, String positioning, String acquired, String satisfaction,
                                  String comment) {
    }

    /** Evaluations refused: the French message of each wrong field, by the field's name in the form. */
    public static final class EvaluationsRefused extends Refused {

        private final Map<String, String> fields;

        EvaluationsRefused(Map<String, String> fields) {
            super(String.join(" ", fields.values()));
            this.fields = Map.copyOf(fields);
        }

        public Map<String, String> fields() {
            return fields;
        }
    }

    /**
     * The evaluation results of a session or a course (key: its id). Definitions, the same for a session and a course
     * (see {@link #RESULTS}): evaluated = people holding a place with an evaluation recorded; each mean is over those
     * who answered that question; progression = the mean of (acquired − positioning) over those who answered both;
     * the satisfaction's answers, mean and rate are those of the view {@code training_satisfactions} (V45), the one
     * definition the figures and the Qualiopi evidence share: answers of people present at one half-day at least, rate
     * = answers of 4 or 5 / those answers, in percent, shown with both counts. Cancelled sessions count for nothing.
     */
    public record Results(long key, String title, int sessions, int evaluated, BigDecimal meanPositioning,
                          BigDecimal meanAcquired, BigDecimal progression, BigDecimal meanSatisfaction, int answered,
                          int satisfied, BigDecimal satisfactionRate) {
    }

    public static final int LOWEST = 1;
    public static final int HIGHEST_SKILL = 4;
    public static final int HIGHEST_SATISFACTION = 5;
    public static final int COMMENT_MAX = 2000;

    private final JdbcClient jdbc;
    private final TrainingService training;

    public SignInService(JdbcClient jdbc, TrainingService training) {
        this.jdbc = jdbc;
        this.training = training;
    }

    // --- attendance

    public Attendance attendance(long federationId, long sessionId) {
        Session session = training.session(federationId, sessionId);
        List<HalfDay> halfDays = training.halfDays(federationId, sessionId);
        Map<Long, Set<Long>> present = new HashMap<>();
        for (Presence p : presences(federationId, sessionId)) {
            present.computeIfAbsent(p.registrationId(), k -> new HashSet<>()).add(p.halfDayId());
        }
        Map<Long, BigDecimal> hours = hoursAttended(federationId, sessionId);
        List<Line> lines = holdingAPlace(federationId, sessionId).stream()
                .map(r -> new Line(r, present.getOrDefault(r.id(), Set.of()), hours.getOrDefault(r.id(), BigDecimal.ZERO)))
                .toList();
        return new Attendance(session, halfDays, lines, presentPerHalfDay(federationId, sessionId));
    }

    /** The people holding a place in the session: who signs and is evaluated. */
    public List<Registration> holdingAPlace(long federationId, long sessionId) {
        return training.registrations(federationId, sessionId, null).stream().filter(r -> "inscrit".equals(r.state())).toList();
    }

    /** The presences signed by the people holding a place. */
    public List<Presence> presences(long federationId, long sessionId) {
        return jdbc.sql("""
                select p.registration_id, p.half_day_id
                from training_presences p
                join training_registrations r on r.federation_id = p.federation_id and r.id = p.registration_id
                where p.federation_id = :f and r.session_id = :s and r.state = 'inscrit'""")
                .param("f", federationId).param("s", sessionId).query(Presence.class).list();
    }

    /**
     * The one definition of hours attended: per registration chosen by {@code %s}, the sum of the hours of the half-days
     * it signed (0 for none).
     */
    private static final String HOURS_ATTENDED = """
            select r.id, coalesce(sum(h.hours), 0) as hours
            from training_registrations r
            left join training_presences p on p.federation_id = r.federation_id and p.registration_id = r.id
            left join training_half_days h on h.federation_id = p.federation_id and h.id = p.half_day_id
            where r.federation_id = :f and %s
            group by r.id""";

    /** Hours attended per person holding a place: the sum of the hours of the half-days they signed. */
    public Map<Long, BigDecimal> hoursAttended(long federationId, long sessionId) {
        return jdbc.sql(HOURS_ATTENDED.formatted("r.session_id = :s and r.state = 'inscrit'"))
                .param("f", federationId).param("s", sessionId)
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getBigDecimal("hours"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** People holding a place who signed each half-day of the session (0 for a half-day nobody signed). */
    public Map<Long, Integer> presentPerHalfDay(long federationId, long sessionId) {
        return jdbc.sql("""
                select h.id, count(r.id) as present
                from training_half_days h
                left join training_presences p on p.federation_id = h.federation_id and p.half_day_id = h.id
                left join training_registrations r on r.federation_id = p.federation_id and r.id = p.registration_id
                                                   and r.state = 'inscrit'
                where h.federation_id = :f and h.session_id = :s
                group by h.id""")
                .param("f", federationId).param("s", sessionId)
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getInt("present"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Records the session's attendance as the grid shows it, in one go: the presences given are signed, the others of
     * the people holding a place are removed. All or nothing: a person without a place (waiting list, cancelled), a
     * half-day still to come, or a cancelled session refuses the whole grid; a registration or half-day of another
     * session or federation is not found.
     */
    @Transactional
    public void recordAttendance(long federationId, long sessionId, Set<Presence> ticked, LocalDate today, Long recordedBy) {
        // lock first, then read: a cancellation passing in between is seen
        jdbc.sql("select id from training_sessions where federation_id = :f and id = :s for update")
                .param("f", federationId).param("s", sessionId).query(Long.class).optional()
                .orElseThrow(() -> new NotFound("Cette session n'est pas une session de votre fédération."));
        Session session = training.session(federationId, sessionId);
        if (session.cancelled()) {
            throw new Refused("Cette session est annulée : on n'y signe pas de présence.");
        }
        Map<Long, Registration> registrations = training.registrations(federationId, sessionId, null).stream()
                .collect(Collectors.toMap(Registration::id, Function.identity()));
        Map<Long, HalfDay> halfDays = training.halfDays(federationId, sessionId).stream()
                .collect(Collectors.toMap(HalfDay::id, Function.identity()));
        for (Presence p : ticked) {
            Registration r = registrations.get(p.registrationId());
            if (r == null) {
                throw new NotFound("Cette inscription n'est pas une inscription de cette session.");
            }
            HalfDay h = halfDays.get(p.halfDayId());
            if (h == null) {
                throw new NotFound("Cette demi-journée n'est pas une demi-journée de cette session.");
            }
            if (!"inscrit".equals(r.state())) {
                throw new Refused(r.fullName() + (r.state().equals("attente") ? " est sur la liste d'attente"
                        : " a annulé son inscription") + " : seules les personnes inscrites signent la feuille. Rien n'est enregistré.");
            }
            if (h.day().isAfter(today)) {
                throw new Refused("La demi-journée du " + halfDayLabel(h) + " n'a pas encore eu lieu : personne ne peut "
                        + "encore l'avoir signée. Rien n'est enregistré.");
            }
        }
        Set<Presence> existing = new HashSet<>(presences(federationId, sessionId));
        for (Presence p : existing) {
            if (!ticked.contains(p)) {
                jdbc.sql("delete from training_presences where federation_id = :f and registration_id = :r and half_day_id = :h")
                        .param("f", federationId).param("r", p.registrationId()).param("h", p.halfDayId()).update();
            }
        }
        for (Presence p : ticked) {
            if (!existing.contains(p)) {
                jdbc.sql("""
                        insert into training_presences (federation_id, registration_id, half_day_id, recorded_by)
                        values (:f, :r, :h, :by)""")
                        .param("f", federationId).param("r", p.registrationId()).param("h", p.halfDayId())
                        .param("by", recordedBy).update();
            }
        }
    }

    /** "04/03/2024 (matin)". */
    public static String halfDayLabel(HalfDay h) {
        return h.day().format(Parse.FRENCH_DATE) + " (" + Vocabulary.label("half-day", h.period()).toLowerCase() + ")";
    }

    // --- certificates

    /** What one person's certificate states; refused for someone who signed no half-day. */
    public Certificate certificate(long federationId, long registrationId) {
        Registration r = training.registration(federationId, registrationId);
        Certificate c = certificateOf(federationId, r);
        if (c.attended().isEmpty()) {
            throw new Refused(r.fullName() + " n'a signé aucune demi-journée de cette session : il n'y a pas "
                    + "d'attestation d'assiduité à délivrer.");
        }
        return c;
    }

    /** The certificates of a session: one per person holding a place who signed at least one half-day. */
    public List<Certificate> certificates(long federationId, long sessionId) {
        training.session(federationId, sessionId);
        List<Certificate> all = holdingAPlace(federationId, sessionId).stream()
                .map(r -> certificateOf(federationId, r)).filter(c -> !c.attended().isEmpty()).toList();
        if (all.isEmpty()) {
            throw new Refused("Personne n'a encore signé de demi-journée de cette session : il n'y a pas d'attestation "
                    + "d'assiduité à délivrer.");
        }
        return all;
    }

    private Certificate certificateOf(long federationId, Registration r) {
        Session session = training.session(federationId, r.sessionId());
        List<HalfDay> attended = jdbc.sql("""
                select h.id, h.day, h.period, h.hours
                from training_presences p
                join training_half_days h on h.federation_id = p.federation_id and h.id = p.half_day_id
                where p.federation_id = :f and p.registration_id = :r
                order by h.day, case h.period when 'matin' then 0 else 1 end""")
                .param("f", federationId).param("r", r.id()).query(HalfDay.class).list();
        BigDecimal hours = jdbc.sql(HOURS_ATTENDED.formatted("r.id = :r")).param("f", federationId).param("r", r.id())
                .query((rs, n) -> rs.getBigDecimal("hours")).single();
        return new Certificate(session, training.course(federationId, session.courseId()), r, attended, hours);
    }

    // --- evaluations

    /** The evaluation of each person holding a place, in the order of the registrations. */
    public List<Evaluation> evaluations(long federationId, long sessionId) {
        training.session(federationId, sessionId);
        Map<Long, Object[]> recorded = new HashMap<>();
        jdbc.sql("""
                select e.registration_id, e.positioning, e.acquired, e.satisfaction, e.comment
                from training_evaluations e
                join training_registrations r on r.federation_id = e.federation_id and r.id = e.registration_id
                where e.federation_id = :f and r.session_id = :s""")
                .param("f", federationId).param("s", sessionId)
                .query(rs -> {
                    recorded.put(rs.getLong(1), new Object[] {rs.getObject(2), rs.getObject(3), rs.getObject(4), rs.getString(5)});
                });
        List<Evaluation> list = new ArrayList<>();
        for (Registration r : holdingAPlace(federationId, sessionId)) {
            Object[] v = recorded.get(r.id());
            list.add(v == null ? new Evaluation(r, null, null, null, null)
                    : new Evaluation(r, score(v[0]), score(v[1]), score(v[2]), (String) v[3]));
        }
        return list;
    }

    private static Integer score(Object v) {
        return v == null ? null : ((Number) v).intValue();
    }

    /**
     * Saves the evaluations typed for the session, all or nothing: a score out of its range (1 to 4 before and after,
     * 1 to 5 for satisfaction) refuses the whole form, naming the person and the question. A row left blank removes
     * that person's evaluation. Form fields: {@code positioning-<id>}, {@code acquired-<id>}, {@code satisfaction-<id>},
     * {@code comment-<id>}.
     */
    @Transactional
    public int saveEvaluations(long federationId, long sessionId, List<TypedEvaluation> rows) {
        Session session = training.session(federationId, sessionId);
        if (session.cancelled()) {
            throw new Refused("Cette session est annulée : elle n'a pas d'évaluations.");
        }
        Map<Long, Registration> registrations = training.registrations(federationId, sessionId, null).stream()
                .collect(Collectors.toMap(Registration::id, Function.identity()));
        Map<String, String> wrong = new LinkedHashMap<>();
        List<Evaluation> checked = new ArrayList<>();
        for (TypedEvaluation row : rows) {
            Registration r = registrations.get(row.registrationId());
            if (r == null) {
                throw new NotFound("Cette inscription n'est pas une inscription de cette session.");
            }
            if (!"inscrit".equals(r.state())) {
                throw new Refused(r.fullName() + " n'a pas de place dans cette session : on n'évalue que les personnes "
                        + "inscrites. Rien n'est enregistré.");
            }
            Integer positioning = score(wrong, r, "positioning", "positionnement avant la formation", row.positioning(),
                    HIGHEST_SKILL);
            Integer acquired = score(wrong, r, "acquired", "acquis après la formation", row.acquired(), HIGHEST_SKILL);
            Integer satisfaction = score(wrong, r, "satisfaction", "satisfaction", row.satisfaction(), HIGHEST_SATISFACTION);
            String comment = row.comment() == null ? null : row.comment().replace('\0', ' ').strip();
            if (comment != null && comment.length() > COMMENT_MAX) {
                wrong.put("comment-" + r.id(), r.fullName() + ", commentaire : il dépasse " + COMMENT_MAX + " caractères.");
            }
            checked.add(new Evaluation(r, positioning, acquired, satisfaction, comment == null || comment.isEmpty() ? null : comment));
        }
        if (!wrong.isEmpty()) {
            throw new EvaluationsRefused(wrong);
        }
        int saved = 0;
        for (Evaluation e : checked) {
            if (e.positioning() == null && e.acquired() == null && e.satisfaction() == null && e.comment() == null) {
                jdbc.sql("delete from training_evaluations where federation_id = :f and registration_id = :r")
                        .param("f", federationId).param("r", e.registration().id()).update();
                continue;
            }
            jdbc.sql("""
                    insert into training_evaluations (federation_id, registration_id, positioning, acquired, satisfaction, comment)
                    values (:f, :r, :positioning, :acquired, :satisfaction, :comment)
                    on conflict (federation_id, registration_id) do update
                    set positioning = excluded.positioning, acquired = excluded.acquired,
                        satisfaction = excluded.satisfaction, comment = excluded.comment, recorded_at = now()""")
                    .param("f", federationId).param("r", e.registration().id()).param("positioning", e.positioning())
                    .param("acquired", e.acquired()).param("satisfaction", e.satisfaction()).param("comment", e.comment())
                    .update();
            saved++;
        }
        return saved;
    }

    private static Integer score(Map<String, String> wrong, Registration r, String field, String question, String typed,
                                 int highest) {
        String v = typed == null ? "" : typed.replace('\0', ' ').strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.matches("[0-9]{1,3}")) {
            int n = Integer.parseInt(v);
            if (n >= LOWEST && n <= highest) {
                return n;
            }
        }
        String shown = v.length() > 12 ? v.substring(0, 12) + "…" : v;
        wrong.put(field + "-" + r.id(), r.fullName() + ", " + question + " : une note de " + LOWEST + " à " + highest
                + " est attendue, pas « " + shown + " ».");
        return null;
    }

    // --- results

    /**
     * The one definition of the results (see {@link Results}): over the sessions chosen by {@code %2$s}, not cancelled,
     * grouped by {@code %1$s} (the session or the course). Means are rounded to 2 places, the rate to 1.
     */
    private static final String RESULTS = """
            with chosen as (
                select s.id as session_id, s.course_id, c.title
                from training_sessions s
                join training_courses c on c.federation_id = s.federation_id and c.id = s.course_id
                where s.federation_id = :f and s.status <> 'annulee' and %2$s
            ), answers as (
                select ch.session_id, ch.course_id, ch.title, e.registration_id, e.positioning, e.acquired,
                       a.satisfaction, a.satisfied
                from chosen ch
                left join training_registrations r on r.federation_id = :f and r.session_id = ch.session_id
                                                   and r.state = 'inscrit'
                left join training_evaluations e on e.federation_id = r.federation_id and e.registration_id = r.id
                left join training_satisfactions a on a.federation_id = e.federation_id and a.registration_id = e.registration_id
            )
            select %1$s as key, title, count(distinct session_id) as sessions,
                   count(registration_id) as evaluated,
                   round(avg(positioning), 2) as mean_positioning,
                   round(avg(acquired), 2) as mean_acquired,
                   round(avg(acquired - positioning), 2) as progression,
                   round(avg(satisfaction), 2) as mean_satisfaction,
                   count(satisfaction) as answered,
                   count(*) filter (where satisfied) as satisfied,
                   round(100.0 * count(*) filter (where satisfied) / nullif(count(satisfaction), 0), 1) as satisfaction_rate
            from answers
            group by %1$s, title
            order by lower(title), %1$s""";

    private static final String IN_YEAR = """
            extract(year from (select first_day from training_session_spans sp
                               where sp.federation_id = s.federation_id and sp.session_id = s.id)) = :y""";

    /** The results of one session (zeros and no means when nobody is evaluated, or the session is cancelled). */
    public Results ofSession(long federationId, long sessionId) {
        Session s = training.session(federationId, sessionId);
        return jdbc.sql(RESULTS.formatted("session_id", "s.id = :s")).param("f", federationId).param("s", sessionId)
                .query(Results.class).optional()
                .orElse(new Results(sessionId, s.courseTitle(), 0, 0, null, null, null, null, 0, 0, null));
    }

    /** The results of a course over all its sessions, whatever their year. */
    public Results ofCourse(long federationId, long courseId) {
        TrainingService.Course c = training.course(federationId, courseId);
        return jdbc.sql(RESULTS.formatted("course_id", "s.course_id = :c")).param("f", federationId).param("c", courseId)
                .query(Results.class).optional()
                .orElse(new Results(courseId, c.title(), 0, 0, null, null, null, null, 0, 0, null));
    }

    /** The results of each session of the year (its first half-day in it), cancelled ones left out. */
    public List<Results> bySession(long federationId, int year) {
        return jdbc.sql(RESULTS.formatted("session_id", IN_YEAR)).param("f", federationId).param("y", year)
                .query(Results.class).list();
    }

    /** The results of each course over all its sessions of the year. */
    public List<Results> byCourse(long federationId, int year) {
        return jdbc.sql(RESULTS.formatted("course_id", IN_YEAR)).param("f", federationId).param("y", year)
                .query(Results.class).list();
    }
}
