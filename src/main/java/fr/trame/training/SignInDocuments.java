package fr.trame.training;

import fr.trame.training.TrainingService.HalfDay;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The printed documents of attendance: the sign-in sheet of a session (a signature box per person and half-day, and
 * one for the trainers) and the certificates of attendance. HTML from Thymeleaf, made into PDF by the report's
 * renderer.
 */
@Component
public class SignInDocuments {

    /** Up to this many half-days, the sheet is upright; beyond, it is landscape. */
    static final int UPRIGHT_HALF_DAYS = 4;
    /** Half-days per landscape page: a longer session has several pages, each with every name. */
    static final int HALF_DAYS_PER_PAGE = 8;

    private final SignInService signIn;
    private final TrainingService training;
    private final TrainingDocuments documents;

    SignInDocuments(SignInService signIn, TrainingService training, TrainingDocuments documents) {
        this.signIn = signIn;
        this.training = training;
        this.documents = documents;
    }

    /** The sign-in sheet to print for a session of the federation. */
    public byte[] sheet(long federationId, String federationName, long sessionId) {
        SignInService.Attendance attendance = signIn.attendance(federationId, sessionId);
        List<HalfDay> halfDays = attendance.halfDays();
        boolean landscape = halfDays.size() > UPRIGHT_HALF_DAYS;
        List<List<HalfDay>> pages = new ArrayList<>();
        int perPage = landscape ? HALF_DAYS_PER_PAGE : UPRIGHT_HALF_DAYS;
        for (int i = 0; i < halfDays.size(); i += perPage) {
            pages.add(halfDays.subList(i, Math.min(halfDays.size(), i + perPage)));
        }
        if (pages.isEmpty()) {
            pages.add(List.of());
        }
        TrainingService.Session session = attendance.session();
        return documents.pdf("training/emargement-pdf", Map.of(
                "federationName", federationName,
                "session", session,
                "course", training.course(federationId, session.courseId()),
                "trainers", training.trainersOf(federationId, sessionId),
                "registrations", signIn.holdingAPlace(federationId, sessionId),
                "pages", pages,
                "landscape", landscape));
    }

    /** The certificates of attendance, one page each, signed for the federation's direction on {@code issuedOn}. */
    public byte[] certificates(String federationName, List<SignInService.Certificate> certificates, LocalDate issuedOn) {
        return documents.pdf("training/attestation-pdf", Map.of(
                "federationName", federationName,
                "certificates", certificates,
                "issuedOn", issuedOn));
    }
}
