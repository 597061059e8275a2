package fr.trame.training;

import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import fr.trame.training.TrainingService.NewCourse;
import fr.trame.training.TrainingService.NewHalfDay;
import fr.trame.training.TrainingService.Registration;
import fr.trame.training.TrainingService.Trainer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The federation's side of the catalogue beyond the core: editing and archiving a course, a session's places and
 * half-days once planned, which sessions were held, and the custom requests (sur mesure) the centres send.
 * Every query takes the federation's id.
 */
@Service
public class TrainingCatalogueService {

    public static final List<String> REQUEST_STATUSES = List.of("recue", "acceptee", "refusee", "realisee");

    /** A custom request as the lists show it, with the asking structure's name and the course built for it. */
    public record Request(long id, long structureId, String structure, String subject, String audience, String wishedPeriod,
                          Integer expectedPeople, String message, String status, String answer, Long courseId,
                          String courseTitle, OffsetDateTime requestedAt) {
    }

    public record NewRequest(String subject, String audience, String wishedPeriod, Integer expectedPeople, String message) {
    }

    private final JdbcClient jdbc;
    private final TrainingService training;

    public TrainingCatalogueService(JdbcClient jdbc, TrainingService training) {
        this.jdbc = jdbc;
        this.training = training;
    }

    // --- courses

    @Transactional
    public void updateCourse(long federationId, long courseId, NewCourse c) {
        training.course(federationId, courseId);
        try {
            jdbc.sql("""
                    update training_courses set title = :title, audience = :audience, objectives = :objectives,
                           prerequisites = :prerequisites, content = :content, duration_hours = :hours, price_cents = :price,
                           modality = :modality, custom = :custom, requested_by = :requestedBy
                    where federation_id = :f and id = :id""")
                    .param("f", federationId).param("id", courseId).param("title", c.title().trim())
                    .param("audience", c.audience()).param("objectives", c.objectives())
                    .param("prerequisites", c.prerequisites()).param("content", c.content())
                    .param("hours", c.durationHours()).param("price", c.priceCents()).param("modality", c.modality())
                    .param("custom", c.custom()).param("requestedBy", c.custom() ? c.requestedBy() : null).update();
        } catch (DuplicateKeyException e) {
            throw new Refused("title", "Le catalogue a déjà une formation intitulée « " + c.title().trim() + " ».");
        }
    }

    /** Archives a course (it leaves the catalogue's list and takes no new session) or brings it back. */
    @Transactional
    public void archive(long federationId, long courseId, boolean archived) {
        training.course(federationId, courseId);
        jdbc.sql("update training_courses set archived = :a where federation_id = :f and id = :id")
                .param("f", federationId).param("id", courseId).param("a", archived).update();
    }

    /** The trainers of a course's sessions, each once. */
    public List<Trainer> trainersOfCourse(long federationId, long courseId) {
        return jdbc.sql("""
                select distinct t.id, t.name, t.kind, t.organisation, t.email, lower(t.name) as sort
                from training_sessions s
                join training_session_trainers st on st.federation_id = s.federation_id and st.session_id = s.id
                join training_trainers t on t.federation_id = st.federation_id and t.id = st.trainer_id
                where s.federation_id = :f and s.course_id = :c
                order by sort""")
                .param("f", federationId).param("c", courseId).query(Trainer.class).list();
    }

    /** How many sessions each course has (cancelled ones included, whatever their year), by course id; none: absent. */
    public Map<Long, Long> sessionsPerCourse(long federationId) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("select course_id, count(*) from training_sessions where federation_id = :f group by course_id")
                .param("f", federationId)
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2))).list();
        return counts;
    }

    /** How many sessions each trainer is on, by trainer id. */
    public Map<Long, Integer> sessionsPerTrainer(long federationId) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("select trainer_id, count(*) from training_session_trainers where federation_id = :f group by trainer_id")
                .param("f", federationId)
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
        return counts;
    }

    // --- sessions

    /**
     * The sessions of the federation that were held: not cancelled, with at least one presence signed by a registration
     * not cancelled ({@code held} of the view training_session_facts, the one definition).
     */
    public Set<Long> heldSessions(long federationId) {
        return new HashSet<>(jdbc.sql("select session_id from training_session_facts where federation_id = :f and held")
                .param("f", federationId).query(Long.class).list());
    }

    /** Whether one session was held, as {@link #heldSessions} defines it (false for another federation's). */
    public boolean held(long federationId, long sessionId) {
        return jdbc.sql("select held from training_session_facts where federation_id = :f and session_id = :s")
                .param("f", federationId).param("s", sessionId).query(Boolean.class).optional().orElse(false);
    }

    /** The signed presences of each half-day of a session, by half-day id (absent: none signed). */
    public Map<Long, Integer> presencesPerHalfDay(long federationId, long sessionId) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("""
                select h.id, count(*)
                from training_half_days h
                join training_presences p on p.federation_id = h.federation_id and p.half_day_id = h.id
                where h.federation_id = :f and h.session_id = :s
                group by h.id""")
                .param("f", federationId).param("s", sessionId)
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
        return counts;
    }

    /**
     * Changes a session's number of places. Raising it gives the new places to the waiting list in its order; it
     * cannot go under the places already taken nor under the minimum. Returns those who got a place.
     */
    @Transactional
    public List<Registration> setMaxParticipants(long federationId, long sessionId, int max) {
        jdbc.sql("select id from training_sessions where federation_id = :f and id = :id for update")
                .param("f", federationId).param("id", sessionId).query(Long.class).optional()
                .orElseThrow(() -> new NotFound("Cette session n'est pas une session de votre fédération."));
        TrainingService.Session s = training.session(federationId, sessionId);
        if (s.cancelled()) {
            throw new Refused("maxParticipants", "Cette session est annulée : ses places ne changent plus.");
        }
        if (max < s.minParticipants()) {
            throw new Refused("maxParticipants", "Le maximum ne peut pas être inférieur au minimum de participants ("
                    + s.minParticipants() + ").");
        }
        if (max < s.registered()) {
            throw new Refused("maxParticipants", s.registered() + " personnes ont déjà une place : le maximum ne peut pas"
                    + " descendre sous ce nombre. Annulez d'abord des inscriptions.");
        }
        jdbc.sql("update training_sessions set max_participants = :max where federation_id = :f and id = :id")
                .param("f", federationId).param("id", sessionId).param("max", max).update();
        List<Long> promoted = jdbc.sql("""
                select id from training_registrations
                where federation_id = :f and session_id = :s and state = 'attente'
                order by registered_at, id limit :n""")
                .param("f", federationId).param("s", sessionId).param("n", max - s.registered()).query(Long.class).list();
        for (Long id : promoted) {
            jdbc.sql("update training_registrations set state = 'inscrit' where federation_id = :f and id = :id")
                    .param("f", federationId).param("id", id).update();
        }
        return promoted.stream().map(id -> training.registration(federationId, id)).toList();
    }

    @Transactional
    public long addHalfDay(long federationId, long sessionId, NewHalfDay h) {
        if (training.session(federationId, sessionId).cancelled()) {
            throw new Refused("day", "Cette session est annulée : ses demi-journées ne changent plus.");
        }
        return training.addHalfDay(federationId, sessionId, h);
    }

    /** Removes a half-day on which nobody has signed; a session keeps at least one. */
    @Transactional
    public void removeHalfDay(long federationId, long sessionId, long halfDayId) {
        training.session(federationId, sessionId);
        List<TrainingService.HalfDay> days = training.halfDays(federationId, sessionId);
        if (days.stream().noneMatch(d -> d.id() == halfDayId)) {
            throw new NotFound("Cette demi-journée n'est pas dans cette session.");
        }
        if (presencesPerHalfDay(federationId, sessionId).containsKey(halfDayId)) {
            throw new Refused("Des présences sont signées sur cette demi-journée : elle ne peut plus être retirée.");
        }
        if (days.size() == 1) {
            throw new Refused("C'est la seule demi-journée de la session : ajoutez-en une autre avant de la retirer.");
        }
        jdbc.sql("delete from training_half_days where federation_id = :f and session_id = :s and id = :id")
                .param("f", federationId).param("s", sessionId).param("id", halfDayId).update();
    }

    // --- custom requests

    @Transactional
    public long createRequest(long federationId, long structureId, NewRequest r, Long userId) {
        return jdbc.sql("""
                insert into training_requests (federation_id, structure_id, subject, audience, wished_period,
                                               expected_people, message, requested_by)
                values (:f, :structure, :subject, :audience, :period, :people, :message, :by) returning id""")
                .param("f", federationId).param("structure", structureId).param("subject", r.subject().trim())
                .param("audience", r.audience()).param("period", r.wishedPeriod()).param("people", r.expectedPeople())
                .param("message", r.message()).param("by", userId).query(Long.class).single();
    }

    /** The federation's requests, the newest first; {@code structureId} not null: only that structure's. */
    public List<Request> requests(long federationId, Long structureId) {
        return jdbc.sql(REQUESTS + """
                 where q.federation_id = :f and (:structure::bigint is null or q.structure_id = :structure)
                 order by q.requested_at desc, q.id desc""")
                .param("f", federationId).param("structure", structureId).query(Request.class).list();
    }

    public Request request(long federationId, long requestId) {
        return jdbc.sql(REQUESTS + " where q.federation_id = :f and q.id = :id")
                .param("f", federationId).param("id", requestId).query(Request.class).optional()
                .orElseThrow(() -> new NotFound("Cette demande n'est pas une demande faite à votre fédération."));
    }

    private static final String REQUESTS = """
            select q.id, q.structure_id, st.name as structure, q.subject, q.audience, q.wished_period, q.expected_people,
                   q.message, q.status, q.answer, q.course_id, c.title as course_title, q.requested_at
            from training_requests q
            join federation_structures st on st.federation_id = q.federation_id and st.id = q.structure_id
            left join training_courses c on c.federation_id = q.federation_id and c.id = q.course_id
            """;

    @Transactional
    public void answer(long federationId, long requestId, String status, String answer) {
        request(federationId, requestId);
        if (!REQUEST_STATUSES.contains(status)) {
            throw new Refused("status", "Choisissez la suite donnée à la demande dans la liste.");
        }
        jdbc.sql("update training_requests set status = :status, answer = :answer where federation_id = :f and id = :id")
                .param("f", federationId).param("id", requestId).param("status", status).param("answer", answer).update();
    }

    /**
     * Creates the course a centre's request asked for and links it to the request, in one transaction: a request not
     * of the federation is not found before anything is written.
     */
    @Transactional
    public long createCourseForRequest(long federationId, long requestId, NewCourse course) {
        request(federationId, requestId);
        long id = training.createCourse(federationId, course);
        linkCourse(federationId, requestId, id);
        return id;
    }

    /** Records the course built for a request; a request still only received is then accepted. */
    @Transactional
    public void linkCourse(long federationId, long requestId, long courseId) {
        request(federationId, requestId);
        training.course(federationId, courseId);
        jdbc.sql("""
                update training_requests set course_id = :c,
                       status = case status when 'recue' then 'acceptee' else status end
                where federation_id = :f and id = :id""")
                .param("f", federationId).param("id", requestId).param("c", courseId).update();
    }

    /** The first day of the federation's sessions, for the year selector: the years that have sessions. */
    public List<Integer> years(long federationId, LocalDate today) {
        List<Integer> years = jdbc.sql("""
                select distinct extract(year from day)::int from training_half_days where federation_id = :f order by 1""")
                .param("f", federationId).query(Integer.class).list();
        Set<Integer> all = new HashSet<>(years);
        all.add(today.getYear());
        return all.stream().sorted().toList();
    }
}
