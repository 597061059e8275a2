package fr.trame.privacy;

import fr.trame.form.NotFound;
import fr.trame.activities.EnrolmentService;
import fr.trame.association.VolunteerService;
import fr.trame.centre.AuditLog;
import fr.trame.centre.CentreScope;
import fr.trame.people.HouseholdService;
import fr.trame.people.MembershipService;
import fr.trame.people.PersonService;
import fr.trame.reception.CaseService;
import fr.trame.reception.ContactService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The erasure right, by anonymisation: what identifies the person goes, the rows the figures count stay, so every figure
 * of the indicators is the same before and after, except the person's disability answer and situation flags, which go
 * (a health datum and identifying details have no place on an anonymous record). Each module erases its own part; see
 * {@link #anonymise}.
 */
@Service
public class ErasureService {

    private final PersonService persons;
    private final HouseholdService households;
    private final EnrolmentService enrolments;
    private final ContactService contacts;
    private final CaseService cases;
    private final VolunteerService volunteers;
    private final MembershipService memberships;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    public ErasureService(PersonService persons, HouseholdService households, EnrolmentService enrolments,
                          ContactService contacts, CaseService cases, VolunteerService volunteers,
                          MembershipService memberships, AuditLog audit, JdbcClient jdbc) {
        this.memberships = memberships;
        this.persons = persons;
        this.households = households;
        this.enrolments = enrolments;
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
        return !eraseAll(scope, Map.of(personId, reason)).isEmpty();
    }

    /**
     * Anonymises, all or nothing and set-based, the persons given with the reason written for each in the audit log
     * once committed; those unknown or already anonymised are left out. Returns the ids anonymised.
     */
    @Transactional
    public Set<Long> eraseAll(CentreScope scope, Map<Long, String> reasons) {
        scope.requireDirection();
        Map<Long, LocalDate> births = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        jdbc.sql("""
                select id, birth_date from people_persons
                where centre_id = ? and id = any(?) and anonymised_at is null order by id""")
                .params(scope.id(), reasons.keySet().toArray(Long[]::new))
                .query(rs -> {
                    ids.add(rs.getLong("id"));
                    births.put(rs.getLong("id"), rs.getObject("birth_date", LocalDate.class));
                });
        if (ids.isEmpty()) {
            return Set.of();
        }
        anonymise(scope.id(), ids, keptBirthDates(scope.id(), births));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                ids.forEach(id -> audit.record(scope.id(), scope.userId(), "anonymisation", "personne", id, reasons.get(id)));
            }
        });
        return new LinkedHashSet<>(ids);
    }

    /**
     * Removed: names (replaced by « Personne anonymisée »), reference, phone, e-mail, school, school level, situation
     * of disability and situation flags (sensitive or identifying: the figures then count them as unknown), consents, the free
     * texts of contacts, case files, enrolments, volunteering and membership cancellations, running enrolments; and, once
     * everyone in a household is anonymised, its address, reference, CAF number, notes and the contents of its case files.
     * Kept: sex, the birth date as coarse as the figures allow ({@link #keptBirthDate}), household links, quartier, QPV
     * and QF, memberships, attendance, contact dates, channels and themes, case, step and document rows, volunteering
     * and mandates.
     * Each owner does its part for all the persons at once, in this transaction.
     */
    private void anonymise(long centreId, List<Long> ids, Map<Long, LocalDate> keptBirthDates) {
        enrolments.endAllOf(centreId, ids);
        persons.anonymise(centreId, ids, keptBirthDates);
        List<Long> forgotten = households.forgetWhenEveryoneAnonymised(centreId, ids);
        contacts.forgetNotes(centreId, ids);
        cases.anonymise(centreId, ids, forgotten);
        volunteers.forgetSkills(centreId, ids);
        memberships.forgetCancelReasons(centreId, ids, forgotten);
    }

    /** {@link #keptBirthDates} of one person. */
    LocalDate keptBirthDate(long centreId, long personId, LocalDate birthDate) {
        if (birthDate == null) {
            return null;
        }
        return keptBirthDates(centreId, Map.of(personId, birthDate)).get(personId);
    }

    /**
     * For each person, the earliest day of the birth year that gives them the same age on every day Trame computes it:
     * the age in whole years (indicators, the centre's and activities' age bands) and the sixth birthday (ACM hours), on
     * each of their attendance and contact dates, the only days their age is taken on (first contact of a period,
     * presence). Candidates are 1 January and the day after each of those days' anniversaries in the birth year, where
     * the age can change; the birth date itself always qualifies. A person with few dates keeps little more than their
     * birth year. A person without a birth date maps to none.
     */
    Map<Long, LocalDate> keptBirthDates(long centreId, Map<Long, LocalDate> birthDates) {
        Map<Long, LocalDate> kept = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        List<String> births = new ArrayList<>();
        birthDates.forEach((id, birth) -> {
            if (birth != null) {
                ids.add(id);
                births.add(birth.toString());
            }
        });
        if (ids.isEmpty()) {
            return kept;
        }
        // the same expressions as the figures', so PostgreSQL's own age() decides (leap days included)
        jdbc.sql("""
                with b as (
                    select person_id, cast(birth as date) as birth
                    from unnest(cast(:ids as bigint[]), cast(:births as text[])) as x(person_id, birth)),
                days as (
                    select at.person_id, se.date as day from attendance_marks at
                    join activities_sessions se on se.centre_id = at.centre_id and se.id = at.session_id
                    where at.centre_id = :centre and at.person_id in (select person_id from b)
                    union
                    select person_id, date from reception_contacts
                    where centre_id = :centre and person_id in (select person_id from b)),
                candidates as (
                    select person_id, date_trunc('year', birth)::date as x from b
                    union
                    select b.person_id,
                           (d.day - make_interval(years => (extract(year from d.day) - extract(year from b.birth))::int))::date + 1
                    from days d join b on b.person_id = d.person_id
                    union
                    select person_id, birth from b)
                select b.person_id, min(c.x) as kept from candidates c join b on b.person_id = c.person_id
                where c.x between date_trunc('year', b.birth)::date and b.birth
                  and not exists (
                      select 1 from days d
                      where d.person_id = b.person_id
                        and (extract(year from age(d.day, c.x)) <> extract(year from age(d.day, b.birth))
                             or (d.day < (c.x + interval '6 years')::date) <> (d.day < (b.birth + interval '6 years')::date)))
                group by b.person_id""")
                .param("centre", centreId).param("ids", ids.toArray(Long[]::new)).param("births", births.toArray(String[]::new))
                .query(rs -> {
                    kept.put(rs.getLong("person_id"), rs.getObject("kept", LocalDate.class));
                });
        return kept;
    }
}
