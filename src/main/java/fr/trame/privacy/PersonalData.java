package fr.trame.privacy;

import fr.trame.activities.EnrolmentService;
import fr.trame.association.GovernanceService;
import fr.trame.association.VolunteerService;
import fr.trame.attendance.AttendanceService;
import fr.trame.people.FlagService;
import fr.trame.people.HouseholdService;
import fr.trame.people.MembershipService;
import fr.trame.people.PersonService;
import fr.trame.reception.CaseService;
import fr.trame.reception.ContactService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything Trame holds on one person, as given to them on an access request (RGPD art. 15): the structure of the JSON
 * export (docs/formats.md) and what the PDF prints. Its own records, so the format does not follow the services' ones.
 */
record PersonalData(String format, int version, OffsetDateTime generatedAt, String generatedBy, Centre centre,
                           Identity person, List<Household> households, List<Consent> consents,
                           List<Membership> memberships, List<Enrolment> enrolments, List<Attendance> attendance,
                           List<Contact> contacts, List<CaseFile> cases, Volunteer volunteer, List<Mandate> mandates) {

    public static final String FORMAT = "trame-donnees-personnelles";
    public static final int VERSION = 1;

    public record Centre(String code, String name) {
    }

    /**
     * {@code disability}: oui, non or inconnu; null with {@code disabilityWithheld} when the user who exports does not
     * hold the disability permission (the answer is then given by someone who does).
     */
    public record Identity(long id, String ref, String lastName, String firstName, String sex, LocalDate birthDate,
                           String phone, String email, String school, String schoolLevel, List<Flag> flags,
                           String disability, boolean disabilityWithheld, OffsetDateTime createdAt,
                           OffsetDateTime anonymisedAt) {
        static Identity of(PersonService.Person p, List<FlagService.Flag> flags, boolean withDisability, Boolean disability) {
            return new Identity(p.id(), p.ref(), p.lastName(), p.firstName(), p.sex(), p.birthDate(), p.phone(),
                    p.email(), p.school(), p.schoolLevel(), flags.stream().map(f -> new Flag(f.code(), f.label())).toList(),
                    withDisability ? (disability == null ? "inconnu" : disability ? "oui" : "non") : null,
                    !withDisability, p.createdAt(), p.anonymisedAt());
        }
    }

    /** A situation flag of the centre the person has. */
    public record Flag(String code, String label) {
    }

    /** A household the person is or was linked to, with what the household's record says of where they live. */
    public record Household(long householdId, String role, boolean principal, LocalDate startDate, LocalDate endDate,
                            String address, String postcode, String commune, String quartier, Boolean qpv,
                            String cafNumber, String notes, List<Qf> qf) {
        static Household of(PersonService.Link link, HouseholdService.Household h, List<HouseholdService.QfValue> qf) {
            return new Household(link.householdId(), link.role(), link.principal(), link.startDate(), link.endDate(),
                    h.address(), h.postcode(), h.commune(), h.quartierName(), h.effectiveQpv(), h.cafNumber(), h.notes(),
                    qf.stream().map(q -> new Qf(q.validFrom(), q.amountEuros(), q.source())).toList());
        }
    }

    public record Qf(LocalDate validFrom, int amountEuros, String source) {
    }

    public record Consent(String kind, boolean granted, LocalDate givenOn) {
        static Consent of(PersonService.Consent c) {
            return new Consent(c.kind(), c.granted(), c.givenOn());
        }
    }

    /** The person's own memberships and the familiale ones of their households that cover them. */
    public record Membership(long id, String ref, String type, Long householdId, LocalDate startDate, LocalDate endDate,
                             Integer amountCents, boolean paid, LocalDate paidOn, String paymentMode,
                             OffsetDateTime cancelledAt, String cancelReason) {
        static Membership of(MembershipService.Membership m) {
            return new Membership(m.id(), m.ref(), m.type(), m.householdId(), m.startDate(), m.endDate(),
                    m.amountCents(), m.paid(), m.paidOn(), m.paymentMode(), m.cancelledAt(), m.cancelReason());
        }
    }

    public record Enrolment(String activity, String status, OffsetDateTime requestedAt, String ageOverrideReason) {
        static Enrolment of(EnrolmentService.Enrolment e) {
            return new Enrolment(e.activityName(), e.status(), e.requestedAt(), e.ageOverrideReason());
        }
    }

    public record Attendance(String activity, LocalDate date, LocalTime startTime, LocalTime endTime, String status,
                             LocalTime arrival, LocalTime departure) {
        static Attendance of(AttendanceService.PersonAttendance a) {
            return new Attendance(a.activityName(), a.date(), a.startTime(), a.endTime(), a.status(), a.arrival(),
                    a.departure());
        }
    }

    public record Contact(LocalDate date, LocalTime startsAt, String channel, String themes, Integer durationMin,
                          String status, String staff, String note, String orientation) {
        static Contact of(ContactService.Contact c) {
            return new Contact(c.date(), c.startsAt(), c.channel(), c.themes(), c.durationMin(), c.status(),
                    c.staffName(), c.note(), c.orientation());
        }
    }

    /**
     * A case file of the person or of their household ({@code holder}: personne, foyer). {@code readable} false: the
     * requesting user may not read it (CaseService's rule), so its outcome, steps and documents are null.
     */
    public record CaseFile(long id, String holder, String subject, String referent, LocalDate openedOn,
                           LocalDate closedOn, boolean readable, String outcome, List<Step> steps,
                           List<Document> documents) {
        static CaseFile unreadable(CaseService.Summary s) {
            return new CaseFile(s.id(), holder(s), s.subject(), s.referentName(), s.openedOn(), s.closedOn(), false,
                    null, null, null);
        }

        static CaseFile of(CaseService.Summary s, CaseService.CaseFile f) {
            return new CaseFile(f.id(), holder(s), f.subject(), f.referentName(), f.openedOn(), f.closedOn(), true,
                    f.outcome(),
                    f.steps().stream().map(t -> new Step(t.date(), t.note(), t.outcome(), t.authorName())).toList(),
                    f.documents().stream().map(d -> new Document(d.name(), d.addedOn())).toList());
        }

        private static String holder(CaseService.Summary s) {
            return s.ofHousehold() ? "foyer" : "personne";
        }
    }

    public record Step(LocalDate date, String note, String outcome, String author) {
    }

    public record Document(String name, LocalDate addedOn) {
    }

    public record Volunteer(List<String> categories, String skills, LocalDate startDate, LocalDate endDate,
                            List<VolunteerHours> hours) {
        static Volunteer of(VolunteerService.Volunteer v, List<VolunteerService.Hours> hours) {
            return new Volunteer(v.categories(), v.skills(), v.startDate(), v.endDate(),
                    hours.stream().map(h -> new VolunteerHours(h.date(), h.hours(), h.activity(), h.event())).toList());
        }
    }

    public record VolunteerHours(LocalDate date, BigDecimal hours, String activity, String event) {
    }

    public record Mandate(String body, String role, String college, LocalDate startDate, LocalDate endDate,
                          Boolean livesInTerritory, Boolean qpv, List<MeetingPresence> meetings) {
        static Mandate of(GovernanceService.Mandate m, List<GovernanceService.Presence> presences) {
            return new Mandate(m.bodyName(), m.role(), m.college(), m.startDate(), m.endDate(), m.livesInTerritory(),
                    m.qpv(), presences.stream().map(p -> new MeetingPresence(p.date(), p.present())).toList());
        }
    }

    public record MeetingPresence(LocalDate date, boolean present) {
    }
}
