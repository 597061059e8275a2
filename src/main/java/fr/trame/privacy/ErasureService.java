package fr.trame.privacy;

import fr.trame.form.NotFound;
import fr.trame.activities.EnrolmentService;
import fr.trame.association.VolunteerService;
import fr.trame.attendance.AttendanceService;
import fr.trame.centre.AuditLog;
import fr.trame.centre.CentreScope;
import fr.trame.people.HouseholdService;
import fr.trame.people.PersonService;
import fr.trame.reception.CaseService;
import fr.trame.reception.ContactService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * The erasure right, by anonymisation: what identifies the person goes, the rows the figures count stay, so every figure
 * of the indicators is the same before and after. Each module erases its own part; see {@link #anonymise}.
 */
@Service
public class ErasureService {

    private final PersonService persons;
    private final HouseholdService households;
    private final EnrolmentService enrolments;
    private final AttendanceService attendance;
    private final ContactService contacts;
    private final CaseService cases;
    private final VolunteerService volunteers;
    private final fr.trame.people.MembershipService memberships;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    public ErasureService(PersonService persons, HouseholdService households, EnrolmentService enrolments,
                          AttendanceService attendance, ContactService contacts, CaseService cases,
                          VolunteerService volunteers, fr.trame.people.MembershipService memberships, AuditLog audit,
                          JdbcClient jdbc) {
        this.memberships = memberships;
        this.persons = persons;
        this.households = households;
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.contacts = contacts;
        this.cases = cases;
        this.volunteers = volunteers;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * Anonymises the person, all or nothing; {@code reason} goes to the audit log, written once the transaction is
     * committed (so the log never shows an erasure that did not happen). False when they already were anonymised.
     * Direction and administrators only.
     */
    @Transactional
    public boolean erase(CentreScope scope, long personId, String reason) {
        scope.requireDirection();
        PersonService.Person person = persons.find(scope.id(), personId)
                .orElseThrow(() -> new NotFound("Personne introuvable."));
        if (person.anonymised()) {
            return false;
        }
        anonymise(scope.id(), person);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                audit.record(scope.id(), scope.userId(), "anonymisation", "personne", personId, reason);
            }
        });
        return true;
    }

    /**
     * Removed: names (replaced by « Personne anonymisée »), reference, phone, e-mail, school level, consents, the free
     * texts of contacts, case files, enrolments, volunteering and membership cancellations, running enrolments; and, once everyone in a household
     * is anonymised, its address, reference, CAF number, notes and the contents of its case files. Kept: sex, the birth
     * date as coarse as the figures allow ({@link #keptBirthDate}), household links, quartier, QPV and QF, memberships,
     * attendance, contact dates, channels and themes, case, step and document rows, volunteering and mandates.
     */
    private void anonymise(long centreId, PersonService.Person person) {
        long id = person.id();
        enrolments.endAllOf(centreId, id);
        persons.anonymise(centreId, id, keptBirthDate(centreId, id, person.birthDate()));
        List<Long> forgotten = households.forgetWhenEveryoneAnonymised(centreId, id);
        contacts.forgetNotes(centreId, id);
        cases.anonymise(centreId, id, forgotten);
        volunteers.forgetSkills(centreId, id);
        memberships.forgetCancelReasons(centreId, id, forgotten);
    }

    /**
     * The earliest day of the birth year that gives the person the same age on every day Trame computes it: the age in
     * whole years (indicators, the centre's and activities' age bands) and the sixth birthday (ACM hours), on each of
     * their attendance and contact dates, the only days their age is taken on (first contact of a period, presence).
     * Candidates are 1 January and the day after each of those days' anniversaries in the birth year, where the age can
     * change; the birth date itself always qualifies. A person with few dates keeps little more than their birth year.
     */
    LocalDate keptBirthDate(long centreId, long personId, LocalDate birthDate) {
        if (birthDate == null) {
            return null;
        }
        String[] days = Stream.concat(
                        attendance.ofPerson(centreId, personId, Integer.MAX_VALUE).stream().map(AttendanceService.PersonAttendance::date),
                        contacts.ofPerson(centreId, personId, Integer.MAX_VALUE).stream().map(ContactService.Contact::date))
                .distinct().map(LocalDate::toString).toArray(String[]::new);
        // the same expressions as the figures', so PostgreSQL's own age() decides (leap days included)
        return jdbc.sql("""
                with b as (select cast(:birth as date) as birth),
                days as (select distinct cast(d as date) as day from unnest(cast(:days as text[])) d),
                candidates as (
                    select date_trunc('year', birth)::date as x from b
                    union
                    select (d.day - make_interval(years => (extract(year from d.day) - extract(year from b.birth))::int))::date + 1
                    from days d, b
                    union
                    select birth from b)
                select min(c.x) from candidates c, b
                where c.x between date_trunc('year', b.birth)::date and b.birth
                  and not exists (
                      select 1 from days d
                      where extract(year from age(d.day, c.x)) <> extract(year from age(d.day, b.birth))
                         or (d.day < (c.x + interval '6 years')::date) <> (d.day < (b.birth + interval '6 years')::date))""")
                .param("days", days).param("birth", birthDate).query(LocalDate.class).single();
    }
}
