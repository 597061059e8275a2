package fr.trame.activities;

import fr.trame.centre.CentreScope;
import fr.trame.centre.Role;
import fr.trame.form.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The evaluation of an action (« fiche bilan »), per activity and calendar year: objectives and whether they were
 * reached, the public expected, partners, strengths, difficulties and perspectives. The public reached is not stored:
 * {@link ActivityReach} computes it.
 */
@Service
public class EvaluationService {

    /** Whether an objective was reached: {@code code.reached.*}. */
    public static final List<String> REACHED = List.of("atteint", "partiel", "non_atteint");

    public record Objective(String objective, String reached, String comment) {
    }

    public record Values(Integer publicExpected, String publicExpectedText, List<Objective> objectives, List<Long> partnerIds,
                         String partnersText, String strengths, String difficulties, String perspectives) {
    }

    public record Evaluation(long id, long activityId, int year, Values values, OffsetDateTime updatedAt, String updatedBy) {
    }

    public record Partner(long id, String name) {
    }

    private final JdbcClient jdbc;

    public EvaluationService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Who writes an activity's evaluation: the direction and the activity's referent; when it has no referent, any
     * animateur. The others (accueil) read it.
     */
    public static boolean mayEdit(CentreScope scope, ActivityService.Activity activity) {
        if (scope.canDirect()) {
            return true;
        }
        Long referent = activity.referentUserId();
        return referent == null ? scope.role() == Role.ANIMATEUR : referent == scope.userId();
    }

    public Optional<Evaluation> find(long centreId, long activityId, int year) {
        return jdbc.sql("""
                select e.id, e.public_expected, e.public_expected_text, e.partners_text, e.strengths, e.difficulties,
                       e.perspectives, e.updated_at, u.display_name
                from activity_evaluations e left join centre_users u on u.id = e.updated_by
                where e.centre_id = ? and e.activity_id = ? and e.year = ?""")
                .params(centreId, activityId, year)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    return new Evaluation(id, activityId, year, new Values(rs.getObject("public_expected", Integer.class),
                            rs.getString("public_expected_text"), objectives(centreId, id), partnerIds(centreId, id),
                            rs.getString("partners_text"), rs.getString("strengths"), rs.getString("difficulties"),
                            rs.getString("perspectives")), rs.getObject("updated_at", OffsetDateTime.class),
                            rs.getString("display_name"));
                }).optional();
    }

    /** The years the activity has an evaluation for, latest first. */
    public List<Integer> years(long centreId, long activityId) {
        return jdbc.sql("select year from activity_evaluations where centre_id = ? and activity_id = ? order by year desc")
                .params(centreId, activityId).query(Integer.class).list();
    }

    /** The centre's partners to choose from (association's directory). */
    public List<Partner> partners(long centreId) {
        return jdbc.sql("select id, name from association_partners where centre_id = ? order by lower(name), id")
                .param(centreId).query(Partner.class).list();
    }

    /**
     * Writes the year's evaluation, replacing its objectives and partners. A partner that is not one of the centre's
     * is a {@link NotFound}, as another centre's record always is.
     */
    @Transactional
    public long save(long centreId, long activityId, int year, Values v, long userId) {
        List<Long> partners = new ArrayList<>(new LinkedHashSet<>(v.partnerIds()));
        long known = partners.isEmpty() ? 0 : jdbc.sql("""
                select count(*) from association_partners where centre_id = ? and id = any(?)""")
                .params(centreId, partners.toArray(Long[]::new)).query(Long.class).single();
        if (known != partners.size()) {
            throw new NotFound("Partenaire introuvable.");
        }
        Long by = userId == 0 ? null : userId;
        long id = jdbc.sql("""
                insert into activity_evaluations (centre_id, activity_id, year, public_expected, public_expected_text,
                        strengths, difficulties, perspectives, partners_text, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (centre_id, activity_id, year) do update set public_expected = excluded.public_expected,
                    public_expected_text = excluded.public_expected_text, strengths = excluded.strengths,
                    difficulties = excluded.difficulties, perspectives = excluded.perspectives,
                    partners_text = excluded.partners_text, updated_by = excluded.updated_by, updated_at = now()
                returning id""")
                .params(centreId, activityId, year, v.publicExpected(), v.publicExpectedText(), v.strengths(),
                        v.difficulties(), v.perspectives(), v.partnersText(), by)
                .query(Long.class).single();
        jdbc.sql("delete from evaluation_objectives where centre_id = ? and evaluation_id = ?").params(centreId, id).update();
        jdbc.sql("delete from evaluation_partners where centre_id = ? and evaluation_id = ?").params(centreId, id).update();
        int position = 1;
        for (Objective o : v.objectives()) {
            jdbc.sql("""
                    insert into evaluation_objectives (centre_id, evaluation_id, position, objective, reached, comment)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(centreId, id, position++, o.objective(), o.reached(), o.comment()).update();
        }
        if (!partners.isEmpty()) {
            jdbc.sql("""
                    insert into evaluation_partners (centre_id, evaluation_id, partner_id)
                    select ?, ?, unnest(?::bigint[])""")
                    .params(centreId, id, partners.toArray(Long[]::new)).update();
        }
        return id;
    }

    private List<Objective> objectives(long centreId, long evaluationId) {
        return jdbc.sql("""
                select objective, reached, comment from evaluation_objectives
                where centre_id = ? and evaluation_id = ? order by position""")
                .params(centreId, evaluationId).query(Objective.class).list();
    }

    private List<Long> partnerIds(long centreId, long evaluationId) {
        return jdbc.sql("select partner_id from evaluation_partners where centre_id = ? and evaluation_id = ? order by partner_id")
                .params(centreId, evaluationId).query(Long.class).list();
    }
}
