package fr.trame.training;

import fr.trame.federation.FederationService;
import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import fr.trame.training.TrainingService.Course;
import fr.trame.training.TrainingService.HalfDay;
import fr.trame.training.TrainingService.Registration;
import fr.trame.training.TrainingService.Session;
import fr.trame.training.TrainingService.Trainer;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The registration's documents, printed from HTML (openhtmltopdf): the confirmation of a registration (its state,
 * the waiting list's place included) and the convocation of a person with a place in a session that is not
 * cancelled, one page per person for a whole session.
 */
@Service
public class RegistrationDocuments {

    /** One person on a document, with their place on the waiting list while they wait. */
    public record Person(Registration registration, Integer waitingPosition) {

        public boolean waiting() {
            return "attente".equals(registration.state());
        }

        public boolean cancelled() {
            return "annule".equals(registration.state());
        }
    }

    /** What a document prints: the session, its course, half-days and trainers, and the persons it is for. */
    public record Sheet(String federationName, Session session, Course course, List<HalfDay> halfDays,
                        List<Trainer> trainers, List<Person> persons, LocalDate issuedOn) {

        /** The trainers one can write to: the federation's contact for the session. */
        public List<Trainer> contacts() {
            return trainers.stream().filter(t -> t.email() != null && !t.email().isBlank()).toList();
        }
    }

    private final TrainingService training;
    private final CentreTrainingService centres;
    private final FederationService federations;
    private final TrainingDocuments documents;

    RegistrationDocuments(TrainingService training, CentreTrainingService centres, FederationService federations,
                          TrainingDocuments documents) {
        this.training = training;
        this.centres = centres;
        this.federations = federations;
        this.documents = documents;
    }

    /** The confirmation of a registration of the federation, whatever its state (it says it). */
    public byte[] confirmation(long federationId, long registrationId, LocalDate today) {
        Registration r = training.registration(federationId, registrationId);
        Person person = new Person(r, centres.waitingPosition(federationId, r.id()).orElse(null));
        return pdf("training/confirmation", sheet(federationId, r.sessionId(), List.of(person), today));
    }

    /** The convocation of one registered person; a person waiting or cancelled, or a cancelled session, is refused. */
    public byte[] convocation(long federationId, long registrationId, LocalDate today) {
        Registration r = training.registration(federationId, registrationId);
        Session s = training.session(federationId, r.sessionId());
        if (s.cancelled()) {
            throw new Refused("Cette session est annulée : il n'y a pas de convocation.");
        }
        if ("attente".equals(r.state())) {
            throw new Refused(r.fullName() + " est sur liste d'attente : la convocation viendra avec une place.");
        }
        if ("annule".equals(r.state())) {
            throw new Refused("L'inscription de " + r.fullName() + " est annulée : il n'y a pas de convocation.");
        }
        return pdf("training/convocation", sheet(federationId, s.id(), List.of(new Person(r, null)), today));
    }

    /** The convocations of a session, one page per person with a place. */
    public byte[] convocations(long federationId, long sessionId, LocalDate today) {
        Session s = training.session(federationId, sessionId);
        if (s.cancelled()) {
            throw new Refused("Cette session est annulée : il n'y a pas de convocation.");
        }
        List<Person> persons = training.registrations(federationId, sessionId, null).stream()
                .filter(r -> "inscrit".equals(r.state())).map(r -> new Person(r, null)).toList();
        if (persons.isEmpty()) {
            throw new Refused("Personne n'a encore de place dans cette session : il n'y a pas de convocation.");
        }
        return pdf("training/convocation", sheet(federationId, sessionId, persons, today));
    }

    private Sheet sheet(long federationId, long sessionId, List<Person> persons, LocalDate today) {
        Session s = training.session(federationId, sessionId);
        String federation = federations.findById(federationId).orElseThrow(NotFound::new).name();
        return new Sheet(federation, s, training.course(federationId, s.courseId()), training.halfDays(federationId, sessionId),
                training.trainersOf(federationId, sessionId), persons, today);
    }

    private byte[] pdf(String template, Sheet sheet) {
        return documents.pdf(template, Map.of("sheet", sheet));
    }
}
