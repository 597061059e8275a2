package fr.trame.activities;

import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import fr.trame.reception.CaseOutcomeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Inscriptions with capacity enforced: enrolments of one activity are serialised by a lock on the activity's row, so
 * parallel requests never exceed its capacity; beyond it, people wait in order and the first is promoted when a place
 * frees. An age outside the activity's limits needs a reason.
 */
@Service
public class EnrolmentService {

    public enum Outcome { INSCRIT, ATTENTE, DEJA_INSCRIT, AGE_HORS_LIMITES }

    public record Result(Outcome outcome, String message) {
    }

    /**
     * {@code waitRank} is the place in the waiting list (1 is next), null for others; {@code phone} is the person's,
     * else a responsable's of their principal household (to call a child's parent when a place frees).
     */
    public record Enrolment(long id, long activityId, String activityName, long personId, String lastName,
                            String firstName, LocalDate birthDate, String status, OffsetDateTime requestedAt,
                            String ageOverrideReason, Long waitRank, String phone, String outcomeCode) {
    }

    private static final String SELECT = """
            select e.id, e.activity_id, a.name as activity_name, e.person_id, p.last_name, p.first_name, p.birth_date,
                   e.status, e.requested_at, e.age_override_reason,
                   case when e.status = 'attente' then (select count(*) from enrolments w
                        where w.centre_id = e.centre_id and w.activity_id = e.activity_id and w.status = 'attente'
                          and (w.requested_at, w.id) <= (e.requested_at, e.id)) end as wait_rank,
                   coalesce(p.phone, (select r.phone from people_household_members hm
                        join people_household_members rm on rm.centre_id = hm.centre_id and rm.household_id = hm.household_id
                             and rm.role = 'responsable' and rm.end_date is null
                        join people_persons r on r.centre_id = rm.centre_id and r.id = rm.person_id and r.phone is not null
                        where hm.centre_id = e.centre_id and hm.person_id = e.person_id and hm.end_date is null
                        order by hm.principal desc, r.id limit 1)) as phone,
                   e.outcome_code
            from enrolments e
            join activities a on a.centre_id = e.centre_id and a.id = e.activity_id
            join people_persons p on p.centre_id = e.centre_id and p.id = e.person_id
            """;

    private final JdbcClient jdbc;
    private final CaseOutcomeService outcomes;

    public EnrolmentService(JdbcClient jdbc, CaseOutcomeService outcomes) {
        this.jdbc = jdbc;
        this.outcomes = outcomes;
    }

    /**
     * Records (or, with an empty code, clears) a participant's outcome (an insertion workshop's), one of the centre's
     * outcomes, on that day (kept when the same outcome is given again). Another centre's enrolment is not found; a
     * code outside the list is refused.
     */
    @Transactional
    public void setOutcome(long centreId, long enrolmentId, String code, LocalDate on) {
        Enrolment enrolment = find(centreId, enrolmentId).orElseThrow(() -> new NotFound("Inscription introuvable."));
        String chosen = code == null || code.isBlank() ? null : code.trim();
        // an outcome archived since it was noted may be kept, not newly chosen
        if (chosen != null && !chosen.equals(enrolment.outcomeCode()) && outcomes.choosable(centreId, chosen).isEmpty()) {
            throw new Refused("Choisissez l'issue du participant dans la liste du centre (ou aucune).");
        }
        jdbc.sql("""
                update enrolments set outcome_on = case when cast(:code as text) is null then null
                                                        when outcome_code is not distinct from :code then outcome_on
                                                        else cast(:on as date) end,
                                      outcome_code = :code
                where centre_id = :centre and id = :id""")
                .param("code", chosen).param("on", on).param("centre", centreId).param("id", enrolmentId).update();
    }

    @Transactional
    public Result enrol(long centreId, long activityId, long personId, String ageOverrideReason) {
        // the lock that makes "count, then insert" safe against parallel enrolments
        Integer[] limits = jdbc.sql("select capacity, age_min, age_max from activities where centre_id = ? and id = ? for update")
                .params(centreId, activityId)
                .query((rs, n) -> new Integer[] {(Integer) rs.getObject(1), (Integer) rs.getObject(2), (Integer) rs.getObject(3)})
                .single();
        boolean already = jdbc.sql("""
                select exists (select 1 from enrolments where centre_id = ? and activity_id = ? and person_id = ?
                               and status <> 'annule')""")
                .params(centreId, activityId, personId).query(Boolean.class).single();
        if (already) {
            return new Result(Outcome.DEJA_INSCRIT, "Cette personne est déjà inscrite ou en liste d'attente.");
        }
        String reason = ageOverrideReason == null || ageOverrideReason.isBlank() ? null : ageOverrideReason.trim();
        Optional<LocalDate> birth = jdbc.sql("select birth_date from people_persons where centre_id = ? and id = ?")
                .params(centreId, personId).query(LocalDate.class).optional();
        if (reason == null && birth.isPresent() && (limits[1] != null || limits[2] != null)) {
            int age = Period.between(birth.get(),
                    jdbc.sql("select centre_today(?)").param(centreId).query(LocalDate.class).single()).getYears();
            if ((limits[1] != null && age < limits[1]) || (limits[2] != null && age > limits[2])) {
                return new Result(Outcome.AGE_HORS_LIMITES, "Âge " + age + " ans hors des limites de l'activité ("
                        + (limits[1] == null ? "" : limits[1]) + "–" + (limits[2] == null ? "" : limits[2])
                        + " ans) : indiquez la raison pour inscrire quand même.");
            }
        }
        long enrolled = jdbc.sql("select count(*) from enrolments where centre_id = ? and activity_id = ? and status = 'inscrit'")
                .params(centreId, activityId).query(Long.class).single();
        boolean full = limits[0] != null && enrolled >= limits[0];
        jdbc.sql("""
                insert into enrolments (centre_id, activity_id, person_id, status, age_override_reason)
                values (?, ?, ?, ?, ?)""")
                .params(centreId, activityId, personId, full ? "attente" : "inscrit", reason).update();
        return full ? new Result(Outcome.ATTENTE, "Activité complète : inscription en liste d'attente.")
                : new Result(Outcome.INSCRIT, "Inscription enregistrée.");
    }

    /** Ends an enrolment; if it held a place, the first person waiting takes it. */
    @Transactional
    public Optional<Long> cancel(long centreId, long enrolmentId) {
        Enrolment e = find(centreId, enrolmentId).orElseThrow();
        jdbc.sql("select 1 from activities where centre_id = ? and id = ? for update").params(centreId, e.activityId())
                .query().listOfRows();
        jdbc.sql("update enrolments set status = 'annule', ended_at = now() where centre_id = ? and id = ?")
                .params(centreId, enrolmentId).update();
        if (!e.status().equals("inscrit")) {
            return Optional.empty();
        }
        Optional<Long> promoted = jdbc.sql("""
                select id from enrolments where centre_id = ? and activity_id = ? and status = 'attente'
                order by requested_at, id limit 1""")
                .params(centreId, e.activityId()).query(Long.class).optional();
        promoted.ifPresent(id -> jdbc.sql("update enrolments set status = 'inscrit' where centre_id = ? and id = ?")
                .params(centreId, id).update());
        return promoted;
    }

    public Optional<Enrolment> find(long centreId, long id) {
        return jdbc.sql(SELECT + " where e.centre_id = ? and e.id = ?").params(centreId, id).query(Enrolment.class).optional();
    }

    /** Enrolled first (by name), then the waiting list in order. */
    public List<Enrolment> ofActivity(long centreId, long activityId) {
        return jdbc.sql(SELECT + """
                 where e.centre_id = ? and e.activity_id = ? and e.status <> 'annule'
                 order by e.status desc, case when e.status = 'attente' then e.requested_at end, e.id, p.last_name, p.first_name""")
                .params(centreId, activityId).query(Enrolment.class).list();
    }

    /** Current enrolments of the household's current members. */
    public List<Enrolment> ofHousehold(long centreId, long householdId) {
        return jdbc.sql(SELECT + """
                 where e.centre_id = ? and e.status <> 'annule' and e.person_id in (
                     select hm.person_id from people_household_members hm where hm.centre_id = e.centre_id
                     and hm.household_id = ? and hm.end_date is null)
                 order by p.first_name, a.name""")
                .params(centreId, householdId).query(Enrolment.class).list();
    }

    public List<Enrolment> ofPerson(long centreId, long personId) {
        return jdbc.sql(SELECT + " where e.centre_id = ? and e.person_id = ? order by e.requested_at desc")
                .params(centreId, personId).query(Enrolment.class).list();
    }

    /**
     * Persons who leave for good (anonymised, privacy): each running enrolment ends as if cancelled at the desk (the
     * waiting list moves up), and the free-text age override reasons are erased.
     */
    @Transactional
    public void endAllOf(long centreId, Collection<Long> personIds) {
        Long[] ids = personIds.toArray(Long[]::new);
        jdbc.sql("select id from enrolments where centre_id = ? and person_id = any(?) and status <> 'annule' order by id")
                .params(centreId, ids).query(Long.class).list()
                .forEach(id -> cancel(centreId, id)); // one by one: each cancellation moves its own waiting list up
        jdbc.sql("""
                update enrolments set age_override_reason = null
                where centre_id = ? and person_id = any(?) and age_override_reason is not null""")
                .params(centreId, ids).update();
    }

    /**
     * Enrols these persons in the activity at once, set-based, as asked at {@code requestedAt}: for a list drawn up
     * beforehand (the demonstration's), so no capacity or age check; those already enrolled or waiting are skipped.
     * Returns how many were enrolled.
     */
    @Transactional
    public int enrolAll(long centreId, long activityId, Collection<Long> personIds, OffsetDateTime requestedAt) {
        return jdbc.sql("""
                insert into enrolments (centre_id, activity_id, person_id, status, requested_at)
                select :centre, :activity, p.id, 'inscrit', :at
                from unnest(cast(:persons as bigint[])) with ordinality as p(id, n)
                where not exists (select 1 from enrolments e where e.centre_id = :centre and e.activity_id = :activity
                                  and e.person_id = p.id and e.status <> 'annule')
                order by p.n""")
                .param("centre", centreId).param("activity", activityId).param("at", requestedAt)
                .param("persons", personIds.toArray(Long[]::new)).update();
    }
}
