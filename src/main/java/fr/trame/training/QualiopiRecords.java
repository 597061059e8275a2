package fr.trame.training;

import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import fr.trame.training.QualiopiEvidence.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The records Qualiopi asks for that the rest of the training organisation does not keep: complaints and their
 * handling (indicator 31), the needs analysed before a training (4, 10, 26) and the improvement actions (32). Every
 * query takes the federation's id; a structure, session, registration, course or complaint of another federation is
 * refused or not found.
 */
@Service
public class QualiopiRecords {

    public static final List<String> CHANNELS = List.of("courriel", "telephone", "courrier", "entretien", "questionnaire",
            "autre");
    public static final List<String> COMPLAINT_STATUSES = List.of("recue", "en_cours", "traitee");
    public static final List<String> LEVELS = List.of("debutant", "intermediaire", "confirme");
    public static final List<String> SOURCES = List.of("evaluation", "reclamation", "retour_formateur", "conseil_pedagogique",
            "veille", "autre");
    public static final List<String> IMPROVEMENT_STATUSES = List.of("prevue", "en_cours", "realisee");

    /** A complaint as its pages show it; {@code age}: days since it was received, on the day asked. */
    public record Complaint(long id, LocalDate receivedOn, Long structureId, String structure, Long sessionId,
                            String session, String complainant, String channel, String subject, String description,
                            String status, String response, LocalDate handledOn, String actionTaken, int age,
                            long improvements) {

        public boolean handled() {
            return "traitee".equals(status);
        }

        /** Still waiting for its answer more than {@link QualiopiEvidence#ANSWER_DAYS} days after it came. */
        public boolean late() {
            return !handled() && age > QualiopiEvidence.ANSWER_DAYS;
        }
    }

    public record NewComplaint(LocalDate receivedOn, Long structureId, Long sessionId, String complainant, String channel,
                               String subject, String description, String status, String response, LocalDate handledOn,
                               String actionTaken) {
    }

    public record Needs(long id, Long registrationId, Long courseId, String expectations, String level, String constraints,
                        String adaptation, LocalDate recordedOn) {
    }

    public record NewNeeds(String expectations, String level, String constraints, String adaptation, LocalDate recordedOn) {
    }

    public record Improvement(long id, LocalDate decidedOn, String source, Long complaintId, String complaint,
                              Long courseId, String course, String finding, String action, String status,
                              LocalDate doneOn) {
    }

    public record NewImprovement(LocalDate decidedOn, String source, Long complaintId, Long courseId, String finding,
                                 String action, String status, LocalDate doneOn) {
    }

    /** A choice of a form's list: a structure, a session or a complaint, by its id and what the list says. */
    public record Choice(long id, String label) {
    }

    private final JdbcClient jdbc;
    private final QualiopiEvidence evidence;
    private final TrainingService training;

    public QualiopiRecords(JdbcClient jdbc, QualiopiEvidence evidence, TrainingService training) {
        this.jdbc = jdbc;
        this.evidence = evidence;
        this.training = training;
    }

    // --- complaints

    @Transactional
    public long createComplaint(long federationId, NewComplaint c, Long userId) {
        check(federationId, c);
        return jdbc.sql("""
                insert into training_complaints (federation_id, received_on, structure_id, session_id, complainant, channel,
                                                 subject, description, status, response, handled_on, action_taken,
                                                 recorded_by)
                values (:f, :received, :structure, :session, :complainant, :channel, :subject, :description, :status,
                        :response, :handled, :action, :by)
                returning id""")
                .param("f", federationId).param("received", Date.valueOf(c.receivedOn()))
                .param("structure", c.structureId()).param("session", c.sessionId()).param("complainant", c.complainant())
                .param("channel", c.channel()).param("subject", c.subject()).param("description", c.description())
                .param("status", c.status()).param("response", c.response())
                .param("handled", c.handledOn() == null ? null : Date.valueOf(c.handledOn()))
                .param("action", c.actionTaken()).param("by", userId).query(Long.class).single();
    }

    @Transactional
    public void updateComplaint(long federationId, long id, NewComplaint c) {
        if (!complaintExists(federationId, id)) {
            throw new NotFound("Cette réclamation n'existe pas dans votre fédération.");
        }
        check(federationId, c);
        jdbc.sql("""
                update training_complaints set received_on = :received, structure_id = :structure, session_id = :session,
                       complainant = :complainant, channel = :channel, subject = :subject, description = :description,
                       status = :status, response = :response, handled_on = :handled, action_taken = :action
                where federation_id = :f and id = :id""")
                .param("f", federationId).param("id", id).param("received", Date.valueOf(c.receivedOn()))
                .param("structure", c.structureId()).param("session", c.sessionId()).param("complainant", c.complainant())
                .param("channel", c.channel()).param("subject", c.subject()).param("description", c.description())
                .param("status", c.status()).param("response", c.response())
                .param("handled", c.handledOn() == null ? null : Date.valueOf(c.handledOn()))
                .param("action", c.actionTaken()).update();
    }

    /** The rules the form cannot see alone: what the complaint is about must be the federation's; treated = answered. */
    private void check(long federationId, NewComplaint c) {
        if (!CHANNELS.contains(c.channel())) {
            throw new Refused("channel", "Choisissez par quel moyen la réclamation est arrivée.");
        }
        if (!COMPLAINT_STATUSES.contains(c.status())) {
            throw new Refused("status", "Choisissez l'état de la réclamation.");
        }
        if (c.structureId() != null && !structureExists(federationId, c.structureId())) {
            throw new Refused("structureId", "Cette structure n'est pas une structure de votre fédération.");
        }
        if (c.sessionId() != null && !sessionExists(federationId, c.sessionId())) {
            throw new Refused("sessionId", "Cette session n'est pas une session de votre fédération.");
        }
        if ("traitee".equals(c.status())) {
            if (c.response() == null) {
                throw new Refused("response", "Une réclamation traitée a une réponse : écrivez celle qui a été donnée.");
            }
            if (c.handledOn() == null) {
                throw new Refused("handledOn", "Indiquez la date à laquelle la réponse a été donnée.");
            }
        } else if (c.handledOn() != null) {
            throw new Refused("handledOn", "Une date de traitement ne va qu'avec l'état « traitée » : changez l'état ou "
                    + "effacez la date.");
        }
        if (c.handledOn() != null && c.handledOn().isBefore(c.receivedOn())) {
            throw new Refused("handledOn", "La réponse ne peut pas précéder la réception de la réclamation.");
        }
    }

    public Complaint complaint(long federationId, long id, LocalDate today) {
        return jdbc.sql(QualiopiEvidence.complaintsWhere("c.id = :id") + "select * from q")
                .param("f", federationId).param("id", id).param("today", Date.valueOf(today))
                .query(Complaint.class).optional()
                .orElseThrow(() -> new NotFound("Cette réclamation n'existe pas dans votre fédération."));
    }

    public List<Complaint> complaints(long federationId, Period period, LocalDate today, QualiopiLists.Complaints list) {
        return evidence.list(QualiopiEvidence.COMPLAINTS, "q", list, "received_on desc, id desc", federationId, period, today)
                .query(Complaint.class).list();
    }

    // --- needs analyses

    public Optional<Needs> needsOfRegistration(long federationId, long registrationId) {
        return jdbc.sql(NEEDS + " where federation_id = :f and registration_id = :r")
                .param("f", federationId).param("r", registrationId).query(Needs.class).optional();
    }

    public Optional<Needs> needsOfCourse(long federationId, long courseId) {
        return jdbc.sql(NEEDS + " where federation_id = :f and course_id = :c")
                .param("f", federationId).param("c", courseId).query(Needs.class).optional();
    }

    private static final String NEEDS = """
            select id, registration_id, course_id, expectations, level, constraints, adaptation, recorded_on
            from training_needs""";

    /** Records (or replaces) the needs analysed for one registration. */
    @Transactional
    public void saveNeedsOfRegistration(long federationId, long registrationId, NewNeeds n, Long userId) {
        training.registration(federationId, registrationId);
        checkLevel(n);
        jdbc.sql("""
                insert into training_needs (federation_id, registration_id, expectations, level, constraints, adaptation,
                                            recorded_on, recorded_by)
                values (:f, :r, :expectations, :level, :constraints, :adaptation, :on, :by)
                on conflict (federation_id, registration_id) where registration_id is not null do update
                set expectations = excluded.expectations, level = excluded.level, constraints = excluded.constraints,
                    adaptation = excluded.adaptation, recorded_on = excluded.recorded_on, recorded_by = excluded.recorded_by""")
                .param("f", federationId).param("r", registrationId).param("expectations", n.expectations())
                .param("level", n.level()).param("constraints", n.constraints()).param("adaptation", n.adaptation())
                .param("on", Date.valueOf(n.recordedOn())).param("by", userId).update();
    }

    /** Records (or replaces) the needs of the structure that asked for a custom course. */
    @Transactional
    public void saveNeedsOfCourse(long federationId, long courseId, NewNeeds n, Long userId) {
        customCourse(federationId, courseId);
        checkLevel(n);
        jdbc.sql("""
                insert into training_needs (federation_id, course_id, expectations, level, constraints, adaptation,
                                            recorded_on, recorded_by)
                values (:f, :c, :expectations, :level, :constraints, :adaptation, :on, :by)
                on conflict (federation_id, course_id) where course_id is not null do update
                set expectations = excluded.expectations, level = excluded.level, constraints = excluded.constraints,
                    adaptation = excluded.adaptation, recorded_on = excluded.recorded_on, recorded_by = excluded.recorded_by""")
                .param("f", federationId).param("c", courseId).param("expectations", n.expectations())
                .param("level", n.level()).param("constraints", n.constraints()).param("adaptation", n.adaptation())
                .param("on", Date.valueOf(n.recordedOn())).param("by", userId).update();
    }

    /** A custom course of the federation (sur mesure): the only courses whose needs are a structure's. */
    public TrainingService.Course customCourse(long federationId, long courseId) {
        TrainingService.Course course = training.course(federationId, courseId);
        if (!course.custom()) {
            throw new NotFound("Cette formation n'est pas une formation sur mesure : le besoin s'analyse pour chaque inscrit·e.");
        }
        return course;
    }

    private static void checkLevel(NewNeeds n) {
        if (n.level() != null && !LEVELS.contains(n.level())) {
            throw new Refused("level", "Choisissez le niveau dans la liste.");
        }
    }

    // --- improvement actions

    @Transactional
    public long createImprovement(long federationId, NewImprovement i, Long userId) {
        check(federationId, i);
        return jdbc.sql("""
                insert into training_improvements (federation_id, decided_on, source, complaint_id, course_id, finding,
                                                   action, status, done_on, recorded_by)
                values (:f, :decided, :source, :complaint, :course, :finding, :action, :status, :done, :by)
                returning id""")
                .param("f", federationId).param("decided", Date.valueOf(i.decidedOn())).param("source", i.source())
                .param("complaint", i.complaintId()).param("course", i.courseId()).param("finding", i.finding())
                .param("action", i.action()).param("status", i.status())
                .param("done", i.doneOn() == null ? null : Date.valueOf(i.doneOn())).param("by", userId)
                .query(Long.class).single();
    }

    @Transactional
    public void updateImprovement(long federationId, long id, NewImprovement i) {
        improvement(federationId, id);
        check(federationId, i);
        jdbc.sql("""
                update training_improvements set decided_on = :decided, source = :source, complaint_id = :complaint,
                       course_id = :course, finding = :finding, action = :action, status = :status, done_on = :done
                where federation_id = :f and id = :id""")
                .param("f", federationId).param("id", id).param("decided", Date.valueOf(i.decidedOn()))
                .param("source", i.source()).param("complaint", i.complaintId()).param("course", i.courseId())
                .param("finding", i.finding()).param("action", i.action()).param("status", i.status())
                .param("done", i.doneOn() == null ? null : Date.valueOf(i.doneOn())).update();
    }

    private void check(long federationId, NewImprovement i) {
        if (!SOURCES.contains(i.source())) {
            throw new Refused("source", "Choisissez d'où vient l'action dans la liste.");
        }
        if (!IMPROVEMENT_STATUSES.contains(i.status())) {
            throw new Refused("status", "Choisissez l'état de l'action dans la liste.");
        }
        if (i.complaintId() != null) {
            if (!complaintExists(federationId, i.complaintId())) {
                throw new Refused("complaintId", "Cette réclamation n'existe pas dans votre fédération.");
            }
            if (!"reclamation".equals(i.source())) {
                throw new Refused("source", "Une action liée à une réclamation a pour origine « Réclamation ».");
            }
        }
        if (i.courseId() != null && !courseExists(federationId, i.courseId())) {
            throw new Refused("courseId", "Cette formation n'est pas au catalogue de votre fédération.");
        }
        if ("realisee".equals(i.status()) && i.doneOn() == null) {
            throw new Refused("doneOn", "Indiquez la date à laquelle l'action a été réalisée.");
        }
        if (!"realisee".equals(i.status()) && i.doneOn() != null) {
            throw new Refused("doneOn", "Une date de réalisation ne va qu'avec l'état « réalisée » : changez l'état ou "
                    + "effacez la date.");
        }
        if (i.doneOn() != null && i.doneOn().isBefore(i.decidedOn())) {
            throw new Refused("doneOn", "L'action ne peut pas être réalisée avant d'avoir été décidée.");
        }
    }

    public Improvement improvement(long federationId, long id) {
        return jdbc.sql(QualiopiEvidence.improvementsWhere("i.id = :id") + "select * from i")
                .param("f", federationId).param("id", id).query(Improvement.class).optional()
                .orElseThrow(() -> new NotFound("Cette action d'amélioration n'existe pas dans votre fédération."));
    }

    public List<Improvement> improvements(long federationId, Period period, LocalDate today, QualiopiLists.Improvements list) {
        return evidence.list(QualiopiEvidence.IMPROVEMENTS, "i", list, "decided_on desc, id desc", federationId, period, today)
                .query(Improvement.class).list();
    }

    /** The improvement actions decided on a complaint, whenever they were. */
    public List<Improvement> improvementsOf(long federationId, long complaintId) {
        return jdbc.sql(QualiopiEvidence.improvementsWhere("i.complaint_id = :c") + "select * from i order by decided_on, id")
                .param("f", federationId).param("c", complaintId).query(Improvement.class).list();
    }

    // --- the forms' lists

    public List<Choice> structures(long federationId) {
        return jdbc.sql("select id, name as label from federation_structures where federation_id = :f order by lower(name), id")
                .param("f", federationId).query(Choice.class).list();
    }

    /** The sessions a complaint may be about: the latest first, each with its course and first day. */
    public List<Choice> sessions(long federationId) {
        return jdbc.sql("""
                select s.id, c.title || coalesce(' — ' || to_char(d.first_day, 'DD/MM/YYYY'), '') as label
                from training_sessions s
                join training_courses c on c.federation_id = s.federation_id and c.id = s.course_id
                join training_session_spans d on d.federation_id = s.federation_id and d.session_id = s.id
                where s.federation_id = :f
                order by d.first_day desc nulls first, s.id desc
                limit 500""")
                .param("f", federationId).query(Choice.class).list();
    }

    public List<Choice> complaintChoices(long federationId) {
        return jdbc.sql("""
                select id, to_char(received_on, 'DD/MM/YYYY') || ' — ' || subject as label
                from training_complaints where federation_id = :f order by received_on desc, id desc limit 500""")
                .param("f", federationId).query(Choice.class).list();
    }

    public List<Choice> courseChoices(long federationId) {
        return jdbc.sql("select id, title as label from training_courses where federation_id = :f order by lower(title), id")
                .param("f", federationId).query(Choice.class).list();
    }

    private boolean structureExists(long federationId, long id) {
        return exists("select exists (select 1 from federation_structures where federation_id = :f and id = :id)", federationId, id);
    }

    private boolean sessionExists(long federationId, long id) {
        return exists("select exists (select 1 from training_sessions where federation_id = :f and id = :id)", federationId, id);
    }

    private boolean complaintExists(long federationId, long id) {
        return exists("select exists (select 1 from training_complaints where federation_id = :f and id = :id)", federationId, id);
    }

    private boolean courseExists(long federationId, long id) {
        return exists("select exists (select 1 from training_courses where federation_id = :f and id = :id)", federationId, id);
    }

    private boolean exists(String sql, long federationId, long id) {
        return jdbc.sql(sql).param("f", federationId).param("id", id).query(Boolean.class).single();
    }
}
