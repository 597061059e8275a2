package fr.trame.training;

import fr.trame.reporting.ReportRenderer;
import fr.trame.training.TrainingService.HalfDay;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    private final TemplateEngine templates;
    private final ReportRenderer renderer;
    private final ApplicationContext application;

    public SignInDocuments(SignInService signIn, TrainingService training, TemplateEngine templates, ReportRenderer renderer,
                           ApplicationContext application) {
        this.signIn = signIn;
        this.training = training;
        this.templates = templates;
        this.renderer = renderer;
        this.application = application;
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
        return pdf("training/emargement-pdf", Map.of(
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
        return pdf("training/attestation-pdf", Map.of(
                "federationName", federationName,
                "certificates", certificates,
                "issuedOn", issuedOn));
    }

    private byte[] pdf(String template, Map<String, Object> variables) {
        Context context = new Context(Locale.FRANCE);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        variables.forEach(context::setVariable);
        return renderer.pdf(templates.process(template, context));
    }
}
