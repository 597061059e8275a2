package fr.trame.training;

import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The training organisation's core: courses, sessions with their half-days and trainers, registrations with the
 * waiting list. A session has {@code max_participants} places; a registration beyond them waits, and the first one
 * waiting takes a place when someone cancels. Every query takes the federation's id.
 */
@Service
public class TrainingService {

    public static final List<String> AUDIENCES = List.of("salaries", "benevoles", "mixte");
    public static final List<String> MODALITIES = List.of("presentiel", "distanciel", "mixte");
    public static final List<String> PERIODS = List.of("matin", "apres_midi");
    public static final List<String> QUALITIES = List.of("salarie", "benevole", "administrateur");
    public static final List<String> CANCEL_REASONS = List.of("effectif_insuffisant", "formateur_indisponible",
            "demande_structure", "autre");
    public static final Set<String> TRAINER_KINDS = Set.of("interne", "externe");

    public record Course(long id, String title, String audience, String objectives, String prerequisites, String content,
                         BigDecimal durationHours, Long priceCents, String modality, boolean custom, Long requestedBy,
                         boolean archived) {
    }

    public record NewCourse(String title, String audience, String objectives, String prerequisites, String content,
                            BigDecimal durationHours, Long priceCents, String modality, boolean custom, Long requestedBy) {
    }

    public record Trainer(long id, String name, String kind, String organisation, String email) {
    }

    public record HalfDay(long id, LocalDate day, String period, BigDecimal hours) {
    }

    public record NewHalfDay(LocalDate day, String period, BigDecimal hours) {
    }

    /**
     * A session with what its list shows: its first and last day, its hours (the sum of its half-days), places taken
     * and the waiting list's length.
     */
    public record Session(long id, long courseId, String courseTitle, String audience, String place, int minParticipants,
                          int maxParticipants, String status, String cancelReason, String cancelNote, LocalDate cancelledOn,
                          LocalDate firstDay, LocalDate lastDay, BigDecimal hours, int registered, int waiting) {

        public boolean cancelled() {
            return "annulee".equals(status);
        }

        public int placesLeft() {
            return Math.max(0, maxParticipants - registered);
        }
    }

    public record NewSession(long courseId, String place, int minParticipants, int maxParticipants,
                             List<NewHalfDay> halfDays, List<Long> trainerIds) {
    }

    /**
     * A registration. {@code structureId} null: one of the federation's own people. {@code source}: saisie (a name
     * typed), salarie or benevole (taken from the centre's records, {@code sourceId} its row there).
     */
    public record Registration(long id, long sessionId, Long structureId, String structure, String lastName,
                               String firstName, String email, String job, String quality, String source, Long sourceId,
                               String state, boolean viaCentre) {

        public String fullName() {
            return firstName + " " + lastName;
        }
    }

    public record NewRegistration(Long structureId, String lastName, String firstName, String email, String job,
                                  String quality, String source, Long sourceId, boolean viaCentre, Long registeredBy) {
    }

    private final JdbcClient jdbc;

    public TrainingService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- catalogue

    @Transactional
    public long createCourse(long federationId, NewCourse c) {
        try {
            return jdbc.sql("""
                    insert into training_courses (federation_id, title, audience, objectives, prerequisites, content,
                                                  duration_hours, price_cents, modality, custom, requested_by)
                    values (:f, :title, :audience, :objectives, :prerequisites, :content, :hours, :price, :modality,
                            :custom, :requestedBy)
                    returning id""")
                    .param("f", federationId).param("title", c.title().trim()).param("audience", c.audience())
                    .param("objectives", c.objectives()).param("prerequisites", c.prerequisites())
                    .param("content", c.content()).param("hours", c.durationHours()).param("price", c.priceCents())
                    .param("modality", c.modality()).param("custom", c.custom()).param("requestedBy", c.requestedBy())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new Refused("title", "Le catalogue a déjà une formation intitulée « " + c.title().trim() + " ».");
        }
    }

    public Course course(long federationId, long courseId) {
        return jdbc.sql(COURSES + " where federation_id = :f and id = :id")
                .param("f", federationId).param("id", courseId).query(Course.class).optional()
                .orElseThrow(() -> new NotFound("Cette formation n'est pas au catalogue de votre fédération."));
    }

    public List<Course> courses(long federationId, boolean withArchived) {
        return jdbc.sql(COURSES + " where federation_id = :f and (:all or not archived) order by lower(title)")
                .param("f", federationId).param("all", withArchived).query(Course.class).list();
    }

    private static final String COURSES = """
            select id, title, audience, objectives, prerequisites, content, duration_hours, price_cents, modality, custom,
                   requested_by, archived
            from training_courses""";

    // --- trainers

    @Transactional
    public long createTrainer(long federationId, String name, String kind, String organisation, String email) {
        try {
            return jdbc.sql("""
                    insert into training_trainers (federation_id, name, kind, organisation, email)
                    values (:f, :name, :kind, :organisation, :email) returning id""")
                    .param("f", federationId).param("name", name.trim()).param("kind", kind)
                    .param("organisation", organisation).param("email", email).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new Refused("name", "Un formateur s'appelle déjà « " + name.trim() + " ».");
        }
    }

    public List<Trainer> trainers(long federationId) {
        return jdbc.sql("select id, name, kind, organisation, email from training_trainers where federation_id = :f"
                        + " order by lower(name)")
                .param("f", federationId).query(Trainer.class).list();
    }

    public List<Trainer> trainersOf(long federationId, long sessionId) {
        return jdbc.sql("""
                select t.id, t.name, t.kind, t.organisation, t.email
                from training_session_trainers st
                join training_trainers t on t.federation_id = st.federation_id and t.id = st.trainer_id
                where st.federation_id = :f and st.session_id = :s order by lower(t.name)""")
                .param("f", federationId).param("s", sessionId).query(Trainer.class).list();
    }

    // --- sessions

    /** Plans a session of a course with its half-days (at least one) and trainers. */
    @Transactional
    public long planSession(long federationId, NewSession s) {
        course(federationId, s.courseId());
        if (s.halfDays().isEmpty()) {
            throw new Refused("halfDays", "Une session a au moins une demi-journée.");
        }
        if (s.minParticipants() > s.maxParticipants()) {
            throw new Refused("minParticipants", "Le minimum de participants dépasse le maximum.");
        }
        long id = jdbc.sql("""
                insert into training_sessions (federation_id, course_id, place, min_participants, max_participants)
                values (:f, :course, :place, :min, :max) returning id""")
                .param("f", federationId).param("course", s.courseId()).param("place", s.place())
                .param("min", s.minParticipants()).param("max", s.maxParticipants()).query(Long.class).single();
        for (NewHalfDay h : s.halfDays()) {
            addHalfDay(federationId, id, h);
        }
        Set<Long> ours = s.trainerIds().isEmpty() ? Set.of()
                : trainers(federationId).stream().map(Trainer::id).collect(Collectors.toSet());
        for (Long trainer : s.trainerIds()) {
            if (!ours.contains(trainer)) {
                throw new Refused("trainerIds", "Ce formateur n'est pas celui de votre fédération.");
            }
            jdbc.sql("""
                    insert into training_session_trainers (federation_id, session_id, trainer_id)
                    values (:f, :s, :t) on conflict do nothing""")
                    .param("f", federationId).param("s", id).param("t", trainer).update();
        }
        return id;
    }

    public long addHalfDay(long federationId, long sessionId, NewHalfDay h) {
        try {
            return jdbc.sql("""
                    insert into training_half_days (federation_id, session_id, day, period, hours)
                    values (:f, :s, :day, :period, :hours) returning id""")
                    .param("f", federationId).param("s", sessionId).param("day", Date.valueOf(h.day()))
                    .param("period", h.period()).param("hours", h.hours()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new Refused("halfDays", "La demi-journée du " + h.day() + " (" + h.period().replace('_', '-')
                    + ") est déjà dans cette session.");
        }
    }

    public Session session(long federationId, long sessionId) {
        return jdbc.sql(SESSIONS + " where s.federation_id = :f and s.id = :id")
                .param("f", federationId).param("id", sessionId).query(Session.class).optional()
                .orElseThrow(() -> new NotFound("Cette session n'est pas une session de votre fédération."));
    }

    /** The sessions whose first half-day falls in the year, by first day (a session without half-days has no year: left out). */
    public List<Session> sessions(long federationId, int year) {
        return jdbc.sql("select * from (" + SESSIONS + " where s.federation_id = :f) x"
                        + " where extract(year from first_day) = :y order by first_day, id")
                .param("f", federationId).param("y", year).query(Session.class).list();
    }

    public List<Session> sessionsOf(long federationId, long courseId) {
        return jdbc.sql(SESSIONS + " where s.federation_id = :f and s.course_id = :c order by first_day, s.id")
                .param("f", federationId).param("c", courseId).query(Session.class).list();
    }

    private static final String SESSIONS = """
            select s.id, s.course_id, c.title as course_title, c.audience, s.place, s.min_participants,
                   s.max_participants, s.status, s.cancel_reason, s.cancel_note, s.cancelled_on,
                   d.first_day, d.last_day, d.hours,
                   (select count(*) from training_registrations r where r.federation_id = s.federation_id
                        and r.session_id = s.id and r.state = 'inscrit') as registered,
                   (select count(*) from training_registrations r where r.federation_id = s.federation_id
                        and r.session_id = s.id and r.state = 'attente') as waiting
            from training_sessions s
            join training_courses c on c.federation_id = s.federation_id and c.id = s.course_id
            join training_session_spans d on d.federation_id = s.federation_id and d.session_id = s.id""";

    public List<HalfDay> halfDays(long federationId, long sessionId) {
        return jdbc.sql("""
                select id, day, period, hours from training_half_days
                where federation_id = :f and session_id = :s
                order by day, case period when 'matin' then 0 else 1 end""")
                .param("f", federationId).param("s", sessionId).query(HalfDay.class).list();
    }

    @Transactional
    public void confirm(long federationId, long sessionId) {
        Session s = session(federationId, sessionId);
        if (s.cancelled()) {
            throw new Refused("Cette session est annulée : elle ne peut plus être confirmée.");
        }
        jdbc.sql("update training_sessions set status = 'confirmee' where federation_id = :f and id = :id")
                .param("f", federationId).param("id", sessionId).update();
    }

    /** Cancels a session with its reason; its registrations stay, to show whom to tell. */
    @Transactional
    public void cancel(long federationId, long sessionId, String reason, String note, LocalDate on) {
        Session s = session(federationId, sessionId);
        if (s.cancelled()) {
            throw new Refused("Cette session est déjà annulée.");
        }
        if (!CANCEL_REASONS.contains(reason)) {
            throw new Refused("reason", "Choisissez le motif de l'annulation.");
        }
        jdbc.sql("""
                update training_sessions set status = 'annulee', cancel_reason = :reason, cancel_note = :note,
                       cancelled_on = :on
                where federation_id = :f and id = :id""")
                .param("f", federationId).param("id", sessionId).param("reason", reason).param("note", note)
                .param("on", Date.valueOf(on)).update();
    }

    // --- registrations

    /**
     * Registers a person: a place while the session has one, else the waiting list. The session's row is locked so
     * that two registrations at once cannot both take the last place.
     */
    @Transactional
    public Registration register(long federationId, long sessionId, NewRegistration r) {
        Session s = lockedSession(federationId, sessionId);
        if (s.cancelled()) {
            throw new Refused("Cette session est annulée : on ne peut plus s'y inscrire.");
        }
        if (!QUALITIES.contains(r.quality())) {
            throw new Refused("quality", "Choisissez la qualité : salarié·e, bénévole ou administrateur·rice.");
        }
        String state = s.registered() < s.maxParticipants() ? "inscrit" : "attente";
        try {
            long id = jdbc.sql("""
                    insert into training_registrations (federation_id, session_id, structure_id, last_name, first_name,
                                                        email, job, quality, source, source_id, state, registered_by,
                                                        via_centre)
                    values (:f, :s, :structure, :last, :first, :email, :job, :quality, :source, :sourceId, :state, :by,
                            :viaCentre)
                    returning id""")
                    .param("f", federationId).param("s", sessionId).param("structure", r.structureId())
                    .param("last", r.lastName().trim()).param("first", r.firstName().trim()).param("email", r.email())
                    .param("job", r.job()).param("quality", r.quality()).param("source", r.source())
                    .param("sourceId", r.sourceId()).param("state", state).param("by", r.registeredBy())
                    .param("viaCentre", r.viaCentre()).query(Long.class).single();
            return registration(federationId, id);
        } catch (DuplicateKeyException e) {
            throw new Refused("lastName", r.firstName().trim() + " " + r.lastName().trim()
                    + " est déjà inscrit·e à cette session.");
        }
    }

    private Session lockedSession(long federationId, long sessionId) {
        jdbc.sql("select id from training_sessions where federation_id = :f and id = :id for update")
                .param("f", federationId).param("id", sessionId).query(Long.class).optional()
                .orElseThrow(() -> new NotFound("Cette session n'est pas une session de votre fédération."));
        return session(federationId, sessionId);
    }

    public Registration registration(long federationId, long registrationId) {
        return jdbc.sql(REGISTRATIONS + " where r.federation_id = :f and r.id = :id")
                .param("f", federationId).param("id", registrationId).query(Registration.class).optional()
                .orElseThrow(() -> new NotFound("Cette inscription n'existe pas dans votre fédération."));
    }

    /**
     * A session's registrations, places first then the waiting list in its order, cancelled last. {@code structureId}
     * not null: only that structure's (what a centre sees of a session).
     */
    public List<Registration> registrations(long federationId, long sessionId, Long structureId) {
        return jdbc.sql(REGISTRATIONS + """
                 where r.federation_id = :f and r.session_id = :s and (:structure::bigint is null or r.structure_id = :structure)
                 order by case r.state when 'inscrit' then 0 when 'attente' then 1 else 2 end, r.registered_at, r.id""")
                .param("f", federationId).param("s", sessionId).param("structure", structureId)
                .query(Registration.class).list();
    }

    private static final String REGISTRATIONS = """
            select r.id, r.session_id, r.structure_id, st.name as structure, r.last_name, r.first_name, r.email, r.job,
                   r.quality, r.source, r.source_id, r.state, r.via_centre
            from training_registrations r
            left join federation_structures st on st.federation_id = r.federation_id and st.id = r.structure_id
            """;

    /**
     * Cancels a registration. {@code structureId} not null: a centre cancelling, which may only cancel its own. When a
     * place frees up the first one waiting takes it; returns that registration, if any.
     */
    @Transactional
    public Optional<Registration> cancelRegistration(long federationId, long registrationId, Long structureId) {
        Registration seen = registration(federationId, registrationId);
        if (structureId != null && !structureId.equals(seen.structureId())) {
            throw new NotFound("Cette inscription n'existe pas dans votre centre.");
        }
        Session s = lockedSession(federationId, seen.sessionId());
        // read again under the session's lock: another cancellation may have passed in between
        Registration r = registration(federationId, registrationId);
        if ("annule".equals(r.state())) {
            throw new Refused("Cette inscription est déjà annulée.");
        }
        if (signedHalfDays(federationId, registrationId) > 0) {
            throw new Refused(r.fullName() + " a déjà signé la feuille d'émargement de cette session : "
                    + "son inscription ne peut plus être annulée.");
        }
        int cancelled = jdbc.sql("""
                update training_registrations set state = 'annule', cancelled_at = now()
                where federation_id = :f and id = :id and state <> 'annule'""")
                .param("f", federationId).param("id", registrationId).update();
        if (cancelled == 0 || !"inscrit".equals(r.state()) || s.cancelled() || held(federationId, s.id())) {
            return Optional.empty();
        }
        Optional<Long> first = jdbc.sql("""
                select id from training_registrations
                where federation_id = :f and session_id = :s and state = 'attente'
                  and (select count(*) from training_registrations i
                       where i.federation_id = :f and i.session_id = :s and i.state = 'inscrit') < :max
                order by registered_at, id limit 1""")
                .param("f", federationId).param("s", r.sessionId()).param("max", s.maxParticipants())
                .query(Long.class).optional();
        first.ifPresent(id -> jdbc.sql("update training_registrations set state = 'inscrit' where federation_id = :f and id = :id")
                .param("f", federationId).param("id", id).update());
        return first.map(id -> registration(federationId, id));
    }

    private int signedHalfDays(long federationId, long registrationId) {
        return jdbc.sql("select count(*) from training_presences where federation_id = :f and registration_id = :r")
                .param("f", federationId).param("r", registrationId).query(Integer.class).single();
    }

    /** A session someone signed for was held: nobody waiting is moved into it any more. */
    private boolean held(long federationId, long sessionId) {
        return jdbc.sql("""
                select exists (select 1 from training_presences p
                               join training_registrations r on r.federation_id = p.federation_id and r.id = p.registration_id
                               where p.federation_id = :f and r.session_id = :s)""")
                .param("f", federationId).param("s", sessionId).query(Boolean.class).single();
    }
}
