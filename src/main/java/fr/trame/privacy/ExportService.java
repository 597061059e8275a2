package fr.trame.privacy;

import fr.trame.form.NotFound;
import fr.trame.activities.EnrolmentService;
import fr.trame.association.GovernanceService;
import fr.trame.association.VolunteerService;
import fr.trame.attendance.AttendanceService;
import fr.trame.centre.AuditLog;
import fr.trame.centre.CentreScope;
import fr.trame.people.FlagService;
import fr.trame.people.HouseholdService;
import fr.trame.people.MembershipService;
import fr.trame.people.PersonService;
import fr.trame.reception.CaseService;
import fr.trame.reception.ContactService;
import fr.trame.reporting.ReportRenderer;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The access right: everything Trame holds on a person, read through each module's service, so case files follow
 * CaseService's rule (content only for their referent, those they are shared with and direction, each read logged).
 * Each export is written to the audit log. The situation of disability is in it only when the user who exports holds
 * its permission (a read, logged as such); otherwise the export says it is withheld.
 */
@Service
public class ExportService {

    public enum Format { JSON, PDF }

    private final PersonService persons;
    private final HouseholdService households;
    private final MembershipService memberships;
    private final EnrolmentService enrolments;
    private final AttendanceService attendance;
    private final ContactService contacts;
    private final CaseService cases;
    private final VolunteerService volunteers;
    private final GovernanceService governance;
    private final FlagService flags;
    private final AuditLog audit;
    private final TemplateEngine templates;
    private final ReportRenderer renderer;
    private final ApplicationContext application;
    private final JsonMapper json = JsonMapper.builder().build();

    public ExportService(PersonService persons, HouseholdService households, MembershipService memberships,
                         EnrolmentService enrolments, AttendanceService attendance, ContactService contacts,
                         CaseService cases, VolunteerService volunteers, GovernanceService governance, FlagService flags,
                         AuditLog audit, TemplateEngine templates, ReportRenderer renderer, ApplicationContext application) {
        this.flags = flags;
        this.persons = persons;
        this.households = households;
        this.memberships = memberships;
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.contacts = contacts;
        this.cases = cases;
        this.volunteers = volunteers;
        this.governance = governance;
        this.audit = audit;
        this.templates = templates;
        this.renderer = renderer;
        this.application = application;
    }

    /**
     * The export as a file's bytes; the person must be of the scope's centre (else 404). Direction and administrators
     * only: answering an access request is the controller's act (identity checked, third parties' data left out).
     */
    public byte[] export(CentreScope scope, long personId, Format format) {
        scope.requireDirection();
        PersonalData data = collect(scope, personId);
        byte[] bytes = format == Format.JSON ? json.writerWithDefaultPrettyPrinter().writeValueAsBytes(data)
                : renderer.pdf(html(data, scope.zone()));
        audit.record(scope.id(), scope.userId(), "export RGPD", "personne", personId, format.name().toLowerCase());
        if (scope.seesDisability()) {
            audit.record(scope.id(), scope.userId(), "lecture de la situation de handicap", "personne", personId,
                    "export RGPD");
        }
        return bytes;
    }

    PersonalData collect(CentreScope scope, long personId) {
        long centre = scope.id();
        PersonService.Person person = persons.find(centre, personId)
                .orElseThrow(() -> new NotFound("Personne introuvable."));
        List<PersonalData.Household> links = persons.links(centre, personId).stream()
                .map(l -> PersonalData.Household.of(l, households.find(centre, l.householdId()).orElseThrow(),
                        households.qfHistory(centre, l.householdId())))
                .toList();
        List<PersonalData.CaseFile> files = cases.ofPerson(scope, personId).stream()
                .map(s -> s.readable() ? PersonalData.CaseFile.of(s, cases.read(scope, s.id()))
                        : PersonalData.CaseFile.unreadable(s))
                .toList();
        PersonalData.Volunteer volunteer = volunteers.ofPerson(centre, personId, scope.today().getYear())
                .map(v -> PersonalData.Volunteer.of(v, volunteers.allHours(centre, v.id()))).orElse(null);
        return new PersonalData(PersonalData.FORMAT, PersonalData.VERSION, OffsetDateTime.now(scope.zone()), scope.userName(),
                new PersonalData.Centre(scope.code(), scope.name()),
                PersonalData.Identity.of(person, flags.ofPerson(centre, personId), scope.seesDisability(),
                        scope.seesDisability() ? persons.disability(centre, personId) : null), links,
                persons.consents(centre, personId).stream().map(PersonalData.Consent::of).toList(),
                memberships.ofPerson(centre, personId).stream().map(PersonalData.Membership::of).toList(),
                enrolments.ofPerson(centre, personId).stream().map(PersonalData.Enrolment::of).toList(),
                attendance.ofPerson(centre, personId, Integer.MAX_VALUE).stream().map(PersonalData.Attendance::of).toList(),
                contacts.ofPerson(centre, personId, Integer.MAX_VALUE).stream().map(PersonalData.Contact::of).toList(),
                files, volunteer,
                governance.mandatesOf(centre, personId).stream()
                        .map(m -> PersonalData.Mandate.of(m, governance.presencesOf(centre, m.id()))).toList());
    }

    /** The printable document, in French; templates format values with the same {@code @fmt} as the pages. */
    String html(PersonalData data, ZoneId zone) {
        Context context = new Context(Locale.FRANCE);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        context.setVariable("data", data);
        context.setVariable("zone", zone);
        return templates.process("privacy/export", context);
    }
}
