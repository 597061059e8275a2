package fr.trame.privacy;

import fr.trame.centre.CentreScope;
import fr.trame.form.Parse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retention limit: the CNIL's reference for social accompaniment keeps a person's data two years after the last
 * dealing with them. Lists the persons Trame has not dealt with for two years, and anonymises them on confirmation.
 */
@Service
public class RetentionService {

    public static final Period RETENTION = Period.ofYears(2);

    public record Inactive(long personId, String lastName, String firstName, LocalDate createdOn,
                           LocalDate lastActivity) {
    }

    /**
     * Every day Trame dealt with a person, as {@code activity(person_id, day)}. A relation still running counts as
     * today: an open case file, a running enrolment in an activity not archived, a volunteer record or a mandate
     * without an end. Read-only, over the views the owners publish; anonymising goes through the owners.
     */
    private static final String ACTIVITY = """
            case_holders as (
                select c.id, c.person_id from reception_cases c where c.centre_id = :centre and c.person_id is not null
                union all
                select c.id, hm.person_id from reception_cases c
                join people_household_members hm on hm.centre_id = c.centre_id and hm.household_id = c.household_id
                where c.centre_id = :centre and c.person_id is null),
            activity(person_id, day) as (
                select id, created_at::date from people_person_records where centre_id = :centre
                union all
                select at.person_id, se.date from attendance_marks at
                join activities_sessions se on se.centre_id = at.centre_id and se.id = at.session_id
                where at.centre_id = :centre
                union all
                select person_id, date from reception_contacts where centre_id = :centre and person_id is not null
                union all
                select person_id, end_date from people_memberships where centre_id = :centre and person_id is not null
                union all
                select hm.person_id, m.end_date from people_memberships m
                join people_household_members hm on hm.centre_id = m.centre_id and hm.household_id = m.household_id
                where m.centre_id = :centre and m.type = 'familiale'
                union all
                select e.person_id, case when e.status <> 'annule' and not a.archived then :today
                                         else coalesce(e.ended_at, e.requested_at)::date end
                from activities_enrolments e join activities_activities a on a.centre_id = e.centre_id and a.id = e.activity_id
                where e.centre_id = :centre
                union all
                select h.person_id, coalesce(c.closed_on, :today) from case_holders h
                join reception_cases c on c.centre_id = :centre and c.id = h.id
                union all
                select h.person_id, s.date from case_holders h
                join reception_case_steps s on s.centre_id = :centre and s.case_id = h.id
                union all
                select v.person_id, coalesce(v.end_date, :today) from association_volunteers v where v.centre_id = :centre
                union all
                select v.person_id, vh.date from association_volunteer_hours vh
                join association_volunteers v on v.centre_id = vh.centre_id and v.id = vh.volunteer_id
                where vh.centre_id = :centre
                union all
                select person_id, coalesce(end_date, :today) from association_mandates where centre_id = :centre and person_id is not null)
            """;

    private final JdbcClient jdbc;
    private final ErasureService erasure;

    public RetentionService(JdbcClient jdbc, ErasureService erasure) {
        this.jdbc = jdbc;
        this.erasure = erasure;
    }

    /** Persons not yet anonymised whose last dealing (their creation included) is more than two years before today. */
    public List<Inactive> inactive(CentreScope scope, LocalDate today) {
        scope.requireDirection();
        return jdbc.sql("with " + ACTIVITY + """
                select p.id as person_id, p.last_name, p.first_name, r.created_at::date as created_on,
                       max(a.day) as last_activity
                from people_persons p
                join people_person_records r on r.centre_id = p.centre_id and r.id = p.id
                join activity a on a.person_id = p.id
                where p.centre_id = :centre and p.anonymised_at is null
                group by p.id, p.last_name, p.first_name, r.created_at
                having max(a.day) < :since
                order by last_activity, lower(p.last_name), lower(p.first_name), p.id""")
                .param("centre", scope.id()).param("today", today).param("since", today.minus(RETENTION))
                .query(Inactive.class).list();
    }

    /**
     * Anonymises, in one transaction, the inactive persons among {@code chosen} (all of them when null): a person who
     * became active since the list was shown is left alone. Returns those anonymised.
     */
    @Transactional
    public List<Inactive> anonymise(CentreScope scope, LocalDate today, Collection<Long> chosen) {
        List<Inactive> done = inactive(scope, today).stream()
                .filter(p -> chosen == null || chosen.contains(p.personId())).toList();
        Map<Long, String> reasons = new LinkedHashMap<>();
        for (Inactive p : done) {
            reasons.put(p.personId(), "durée de conservation dépassée (dernière activité le "
                    + p.lastActivity().format(Parse.FRENCH_DATE) + ")");
        }
        erasure.eraseAll(scope, reasons);
        return done;
    }
}
