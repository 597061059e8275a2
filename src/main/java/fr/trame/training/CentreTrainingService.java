package fr.trame.training;

import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import fr.trame.training.CentreMembership.Membership;
import fr.trame.training.TrainingService.NewRegistration;
import fr.trame.training.TrainingService.Registration;
import fr.trame.training.TrainingService.Session;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The federation's trainings as a Trame centre sees them: the sessions still to come with their places left, its
 * people to register (from its staff and volunteers, or a name typed), and its own registrations only. Another
 * structure's registrations are never read here, not even their names; a session built on request for another
 * structure is not shown.
 */
@Service
public class CentreTrainingService {

    /** Someone of the centre's records: an employee ({@code salarie}) or a volunteer ({@code benevole}). */
    public record Candidate(String source, long id, String lastName, String firstName, String email, boolean board) {

        /** The value of the form's choice: {@code salarie:12}. */
        public String key() {
            return source + ":" + id;
        }

        public String label() {
            return lastName + " " + firstName;
        }

        /** The quality a registration takes by default: an employee's is salarié·e, a board member's administrateur·rice. */
        public String defaultQuality() {
            return "salarie".equals(source) ? "salarie" : board ? "administrateur" : "benevole";
        }
    }

    /** A person chosen in the centre's records: {@code source} salarie or benevole, {@code id} their row there. */
    public record Pick(String source, long id) {
    }

    /** What the centre asks: a person picked, or (pick null) a name typed; quality null takes the record's. */
    public record Request(Pick pick, String lastName, String firstName, String email, String job, String quality) {
    }

    /** A registration made, and its place on the waiting list when it waits. */
    public record Registered(Registration registration, Integer waitingPosition) {

        public boolean waiting() {
            return waitingPosition != null;
        }
    }

    /** One of the centre's registrations, with its session and, while it waits, its place on the waiting list. */
    public record OwnRegistration(long id, long sessionId, String courseTitle, String sessionStatus, LocalDate firstDay,
                                  LocalDate lastDay, String place, String lastName, String firstName, String email,
                                  String job, String quality, String source, Long sourceId, String state,
                                  Integer waitingPosition,
                                  OffsetDateTime registeredAt) {

        public String fullName() {
            return firstName + " " + lastName;
        }

        /** A convocation goes to a person with a place in a session that is not cancelled. */
        public boolean convocable() {
            return "inscrit".equals(state) && !"annulee".equals(sessionStatus);
        }

        /** The centre may withdraw a registration until the session's last day has passed. */
        public boolean cancellable(LocalDate today) {
            return !"annule".equals(state) && (lastDay == null || !lastDay.isBefore(today));
        }
    }

    private final JdbcClient jdbc;
    private final TrainingService training;

    public CentreTrainingService(JdbcClient jdbc, TrainingService training) {
        this.jdbc = jdbc;
        this.training = training;
    }

    /**
     * The federation's sessions a centre may still join: not cancelled, not over (running ones included), by first
     * day. A session of a course built on request for another structure is left out.
     */
    public List<Session> openSessions(Membership m, LocalDate today) {
        return jdbc.sql("""
                select * from (
                    select s.id, s.course_id, c.title as course_title, c.audience, s.place, s.min_participants,
                           s.max_participants, s.status, s.cancel_reason, s.cancel_note, s.cancelled_on,
                           d.first_day, d.last_day, d.hours,
                           (select count(*) from training_registrations r where r.federation_id = s.federation_id
                                and r.session_id = s.id and r.state = 'inscrit') as registered,
                           (select count(*) from training_registrations r where r.federation_id = s.federation_id
                                and r.session_id = s.id and r.state = 'attente') as waiting
                    from training_sessions s
                    join training_courses c on c.federation_id = s.federation_id and c.id = s.course_id
                    join training_session_spans d on d.federation_id = s.federation_id and d.session_id = s.id
                    where s.federation_id = :f and s.status <> 'annulee'
                      and (not c.custom or c.requested_by = :structure)
                ) x
                where last_day >= :today
                order by first_day, id""")
                .param("f", m.federationId()).param("structure", m.structureId()).param("today", Date.valueOf(today))
                .query(Session.class).list();
    }

    /** A session of the centre's federation it may see; else (another federation's, another structure's custom) 404. */
    public Session session(Membership m, long sessionId) {
        Session s = training.session(m.federationId(), sessionId);
        TrainingService.Course course = training.course(m.federationId(), s.courseId());
        if (course.custom() && !Long.valueOf(m.structureId()).equals(course.requestedBy())) {
            throw new NotFound("Cette session n'est pas une session de votre fédération.");
        }
        return s;
    }

    /** The centre's employees today (a contract running on that day; former ones are left out), by name. */
    public List<Candidate> employees(long centreId, LocalDate today) {
        return jdbc.sql(EMPLOYEES + " order by lower(e.last_name), lower(e.first_name), e.id")
                .param("c", centreId).param("today", Date.valueOf(today)).query(Candidate.class).list();
    }

    private static final String EMPLOYEES = """
            select 'salarie' as source, e.id, e.last_name, e.first_name, null::text as email, false as board
            from association_employees e
            where e.centre_id = :c
              and exists (select 1 from association_contract_periods k where k.centre_id = e.centre_id
                              and k.employee_id = e.id and k.start_date <= :today
                              and (k.end_date is null or k.end_date >= :today))""";

    /** The centre's volunteers today (not gone, not anonymised), those holding a mandate marked as board members. */
    public List<Candidate> volunteers(long centreId, LocalDate today) {
        return jdbc.sql(VOLUNTEERS + " order by lower(p.last_name), lower(p.first_name), v.id")
                .param("c", centreId).param("today", Date.valueOf(today)).query(Candidate.class).list();
    }

    private static final String VOLUNTEERS = """
            select 'benevole' as source, v.id, p.last_name, p.first_name, p.email,
                   exists (select 1 from association_mandates md where md.centre_id = v.centre_id
                               and md.person_id = v.person_id and md.start_date <= :today
                               and (md.end_date is null or md.end_date >= :today)) as board
            from association_volunteers v
            join people_persons p on p.centre_id = v.centre_id and p.id = v.person_id
            where v.centre_id = :c and (v.end_date is null or v.end_date >= :today) and p.anonymised_at is null""";

    /** One person of the centre's records, or 404 when the centre has no such current employee or volunteer. */
    public Candidate candidate(long centreId, Pick pick, LocalDate today) {
        Optional<Candidate> found = "salarie".equals(pick.source())
                ? jdbc.sql(EMPLOYEES + " and e.id = :id")
                        .param("c", centreId).param("id", pick.id()).param("today", Date.valueOf(today))
                        .query(Candidate.class).optional()
                : "benevole".equals(pick.source())
                ? jdbc.sql(VOLUNTEERS + " and v.id = :id")
                        .param("c", centreId).param("id", pick.id()).param("today", Date.valueOf(today))
                        .query(Candidate.class).optional()
                : Optional.empty();
        return found.orElseThrow(() -> new NotFound("Cette personne n'est pas dans les fichiers de votre centre."));
    }

    /**
     * Registers a person of the centre to a session of its federation: a place while there is one, else the waiting
     * list (the core's rule). A person picked must be in the centre's records; their quality follows them (an
     * employee is salarié·e, a volunteer bénévole or administrateur·rice).
     */
    @Transactional
    public Registered register(long centreId, Membership m, long sessionId, LocalDate today, Request request,
                               Long userId) {
        Session s = session(m, sessionId);
        if (s.lastDay() != null && s.lastDay().isBefore(today)) {
            throw new Refused("Cette session est terminée : on ne peut plus s'y inscrire.");
        }
        String lastName = request.lastName();
        String firstName = request.firstName();
        String email = request.email();
        String quality = request.quality();
        String source = "saisie";
        Long sourceId = null;
        if (request.pick() != null) {
            Candidate c = candidate(centreId, request.pick(), today);
            lastName = c.lastName();
            firstName = c.firstName();
            email = email != null ? email : c.email();
            source = c.source();
            sourceId = c.id();
            if (quality == null) {
                quality = c.defaultQuality();
            } else if ("salarie".equals(source) && !"salarie".equals(quality)) {
                throw new Refused("quality", "Une personne de l'équipe salariée s'inscrit comme salarié·e.");
            } else if ("benevole".equals(source) && "salarie".equals(quality)) {
                throw new Refused("quality", "Un·e bénévole du centre s'inscrit comme bénévole ou administrateur·rice.");
            }
        } else if (quality == null) {
            throw new Refused("quality", "Choisissez la qualité : salarié·e, bénévole ou administrateur·rice.");
        }
        Registration r = training.register(m.federationId(), sessionId, new NewRegistration(m.structureId(), lastName,
                firstName, email, request.job(), quality, source, sourceId, true, userId));
        return new Registered(r, "attente".equals(r.state()) ? waitingPosition(m.federationId(), r.id()).orElse(null) : null);
    }

    /** The place of a registration on its session's waiting list (1 = the next to get a place), if it waits. */
    public Optional<Integer> waitingPosition(long federationId, long registrationId) {
        return jdbc.sql(POSITIONS + " select position from positions where id = :id")
                .param("f", federationId).param("id", registrationId).query(Integer.class).optional();
    }

    /** The waiting lists of the federation's sessions, everyone's, in order: what positions are counted over. */
    private static final String POSITIONS = """
            with positions as (
                select id, (row_number() over (partition by session_id order by registered_at, id))::int as position
                from training_registrations where federation_id = :f and state = 'attente')""";

    /** The centre's registrations across its federation's sessions, the latest sessions first. */
    public List<OwnRegistration> ownRegistrations(Membership m) {
        return jdbc.sql(POSITIONS + OWN + " where r.federation_id = :f and r.structure_id = :structure"
                        + " order by first_day desc nulls last, s.id desc,"
                        + " case r.state when 'inscrit' then 0 when 'attente' then 1 else 2 end, p.position,"
                        + " lower(r.last_name), lower(r.first_name)")
                .param("f", m.federationId()).param("structure", m.structureId()).query(OwnRegistration.class).list();
    }

    /** The centre's registrations to one session. */
    public List<OwnRegistration> ownRegistrations(Membership m, long sessionId) {
        return jdbc.sql(POSITIONS + OWN + " where r.federation_id = :f and r.structure_id = :structure"
                        + " and r.session_id = :s"
                        + " order by case r.state when 'inscrit' then 0 when 'attente' then 1 else 2 end, p.position,"
                        + " lower(r.last_name), lower(r.first_name)")
                .param("f", m.federationId()).param("structure", m.structureId()).param("s", sessionId)
                .query(OwnRegistration.class).list();
    }

    /** One of the centre's registrations; another structure's, or another federation's, is not found. */
    public OwnRegistration ownRegistration(Membership m, long registrationId) {
        return jdbc.sql(POSITIONS + OWN + " where r.federation_id = :f and r.structure_id = :structure and r.id = :id")
                .param("f", m.federationId()).param("structure", m.structureId()).param("id", registrationId)
                .query(OwnRegistration.class).optional()
                .orElseThrow(() -> new NotFound("Cette inscription n'est pas une inscription de votre centre."));
    }

    private static final String OWN = """
             select r.id, r.session_id, c.title as course_title, s.status as session_status,
                   d.first_day, d.last_day, s.place, r.last_name, r.first_name, r.email, r.job, r.quality, r.source, r.source_id, r.state,
                   p.position as waiting_position, r.registered_at
            from training_registrations r
            join training_sessions s on s.federation_id = r.federation_id and s.id = r.session_id
            join training_courses c on c.federation_id = s.federation_id and c.id = s.course_id
            join training_session_spans d on d.federation_id = s.federation_id and d.session_id = s.id
            left join positions p on p.id = r.id
            """;

    /**
     * Withdraws one of the centre's registrations (not once the session is over). Returns whether a place freed up
     * went to the first one waiting, whoever's they are (their name is not told to the centre).
     */
    @Transactional
    public boolean cancel(Membership m, long registrationId, LocalDate today) {
        OwnRegistration r = ownRegistration(m, registrationId);
        if ("annule".equals(r.state())) {
            throw new Refused("Cette inscription est déjà annulée.");
        }
        if (!r.cancellable(today)) {
            throw new Refused("Cette session est terminée : l'inscription ne peut plus être annulée.");
        }
        return training.cancelRegistration(m.federationId(), registrationId, m.structureId()).isPresent();
    }
}
