package fr.trame.reporting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/** What makes the figures uncertain, counted and listed so that it can be fixed. */
@Service
class QualityService {

    public record Issue(String code, String label, long count) {
    }

    public record Item(Long personId, Long householdId, Long sessionId, String label, String detail) {
    }

    /**
     * Each check: a label, the SQL listing its records (persons, households or sessions of the centre), their order.
     * The sessions' check probes the attendance index once per session of the period (scalar subqueries): as an anti
     * join, the planner hashes every mark of the centre's whole history.
     */
    private static final Map<String, String[]> CHECKS = new LinkedHashMap<>();

    static {
        CHECKS.put("sans-naissance", new String[] {"Personnes sans date de naissance (âge inconnu)", """
                select p.id as person_id, null::bigint as household_id, null::bigint as session_id,
                       p.first_name || ' ' || p.last_name as label, null as detail
                from people_persons p where p.centre_id = :centre and p.birth_date is null""", "p.last_name, p.first_name"});
        CHECKS.put("sans-sexe", new String[] {"Personnes sans sexe renseigné", """
                select p.id, null::bigint, null::bigint, p.first_name || ' ' || p.last_name, null
                from people_persons p where p.centre_id = :centre and p.sex is null""", "p.last_name, p.first_name"});
        CHECKS.put("sans-quartier", new String[] {"Foyers sans quartier", """
                select null::bigint, h.id, null::bigint, coalesce(h.ref, 'Foyer n° ' || h.id), h.address
                from people_households h where h.centre_id = :centre and h.quartier_id is null""", "h.id"});
        CHECKS.put("sans-qf", new String[] {"Foyers sans quotient familial", """
                select null::bigint, h.id, null::bigint, coalesce(h.ref, 'Foyer n° ' || h.id), h.address
                from people_households h where h.centre_id = :centre
                  and not exists (select 1 from people_qf_history q where q.centre_id = h.centre_id and q.household_id = h.id)
                """, "h.id"});
        CHECKS.put("seances-sans-appel", new String[] {"Séances passées de la période, non annulées, sans appel ni effectif", """
                select null::bigint, null::bigint, se.id, a.name, to_char(se.date, 'DD/MM/YYYY') || ' ' || to_char(se.start_time, 'HH24:MI')
                from activities_sessions se
                join activities_activities a on a.centre_id = se.centre_id and a.id = se.activity_id
                where se.centre_id = :centre and se.cancelled_reason is null
                  and se.date between :from and least(:to, centre_today(:centre) - 1)
                  and (select 1 from attendance_marks at where at.centre_id = se.centre_id and at.session_id = se.id limit 1) is null
                  and (select 1 from attendance_headcounts hc where hc.centre_id = se.centre_id and hc.session_id = se.id
                       limit 1) is null
                """, "se.date, se.start_time"});
    }

    private final JdbcClient jdbc;

    public QualityService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Issue> issues(long centreId, LocalDate from, LocalDate to) {
        return CHECKS.entrySet().stream().map(e -> new Issue(e.getKey(), e.getValue()[0],
                jdbc.sql("select count(*) from (" + e.getValue()[1] + ") x").params(params(centreId, from, to))
                        .query(Long.class).single())).toList();
    }

    public String label(String code) {
        return CHECKS.containsKey(code) ? CHECKS.get(code)[0] : null;
    }

    public List<Item> items(long centreId, String code, LocalDate from, LocalDate to) {
        return jdbc.sql(CHECKS.get(code)[1] + " order by " + CHECKS.get(code)[2] + " limit 500").params(params(centreId, from, to))
                .query((rs, n) -> new Item((Long) rs.getObject(1), (Long) rs.getObject(2), (Long) rs.getObject(3),
                        rs.getString(4), rs.getString(5))).list();
    }

    private static Map<String, Object> params(long centreId, LocalDate from, LocalDate to) {
        return Map.of("centre", centreId, "from", from, "to", to);
    }
}
