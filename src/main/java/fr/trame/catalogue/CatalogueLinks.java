package fr.trame.catalogue;

import fr.trame.form.NotFound;
import fr.trame.activities.ActivityService;
import fr.trame.association.ProjectMetrics;
import fr.trame.association.SocialProjectService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A centre's own action linked to its activities and to objectives of its projet social, and the figures of those
 * for a year: persons, presences and sessions from the indicator engine, the objectives' indicators with their target.
 */
@Service
public class CatalogueLinks {

    /** A linked activity and its figures over the year. */
    public record LinkedActivity(long id, String name, BigDecimal persons, BigDecimal presences, BigDecimal sessions) {
    }

    /** The linked activities together: distinct persons over all of them, presences and sessions summed. */
    public record Totals(BigDecimal persons, BigDecimal presences, BigDecimal sessions) {
    }

    public record Linked(List<LinkedActivity> activities, Totals totals, List<SocialProjectService.Objective> objectives) {
    }

    private final JdbcClient jdbc;
    private final ActivityService activities;
    private final SocialProjectService project;
    private final ProjectMetrics metrics;

    public CatalogueLinks(JdbcClient jdbc, ActivityService activities, SocialProjectService project, ProjectMetrics metrics) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.project = project;
        this.metrics = metrics;
    }

    public void linkActivity(long centreId, long actionId, long activityId) {
        requireOwn(centreId, actionId);
        if (activities.choices(centreId).stream().noneMatch(a -> a.id() == activityId)) {
            throw new NotFound();
        }
        jdbc.sql("insert into catalogue_action_activities (centre_id, action_id, activity_id) values (?, ?, ?) on conflict do nothing")
                .params(centreId, actionId, activityId).update();
    }

    public void unlinkActivity(long centreId, long actionId, long activityId) {
        jdbc.sql("delete from catalogue_action_activities where centre_id = ? and action_id = ? and activity_id = ?")
                .params(centreId, actionId, activityId).update();
    }

    public void linkObjective(long centreId, long actionId, long objectiveId) {
        requireOwn(centreId, actionId);
        try {
            jdbc.sql("insert into catalogue_action_objectives (centre_id, action_id, objective_id) values (?, ?, ?) on conflict do nothing")
                    .params(centreId, actionId, objectiveId).update();
        } catch (DataIntegrityViolationException e) {
            // the foreign key (centre_id, objective_id): no such objective in this centre
            throw new NotFound();
        }
    }

    public void unlinkObjective(long centreId, long actionId, long objectiveId) {
        jdbc.sql("delete from catalogue_action_objectives where centre_id = ? and action_id = ? and objective_id = ?")
                .params(centreId, actionId, objectiveId).update();
    }

    /** The centre's activities and objectives linked to the action, with their figures for the year. */
    @Transactional
    public Linked linked(long centreId, long actionId, int year) {
        // the action's links, both kinds in one statement
        List<List<Long>> links = jdbc.sql("""
                select array(select activity_id from catalogue_action_activities where centre_id = :centre and action_id = :action),
                       array(select objective_id from catalogue_action_objectives where centre_id = :centre and action_id = :action)""")
                .param("centre", centreId).param("action", actionId)
                .query((rs, n) -> List.of(ids(rs.getArray(1)), ids(rs.getArray(2)))).single();
        List<Long> activityIds = links.get(0);
        List<ActivityService.Activity> shown = activities.list(centreId).stream().filter(a -> activityIds.contains(a.id())).toList();
        // each linked activity and all of them together, in one engine run
        List<List<Long>> sets = new ArrayList<>();
        shown.forEach(a -> sets.add(List.of(a.id())));
        sets.add(activityIds);
        ProjectMetrics.Evaluation figures = metrics.over(centreId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                Set.of("activities.persons", "activities.presences", "activities.sessions"), sets);
        List<LinkedActivity> linked = new ArrayList<>();
        for (ActivityService.Activity activity : shown) {
            List<Long> one = List.of(activity.id());
            linked.add(new LinkedActivity(activity.id(), activity.name(), figures.value("activities.persons", one),
                    figures.value("activities.presences", one), figures.value("activities.sessions", one)));
        }
        Totals totals = new Totals(figures.value("activities.persons", activityIds),
                figures.value("activities.presences", activityIds), figures.value("activities.sessions", activityIds));
        return new Linked(linked, totals, project.objectives(centreId, year, links.get(1)));
    }

    /** The objectives of the projet social in force in the year that an action can be linked to (no figures computed). */
    public List<SocialProjectService.ObjectiveChoice> objectives(long centreId, int year) {
        return project.objectiveChoices(centreId, year);
    }

    public Map<Long, String> activityChoices(long centreId) {
        Map<Long, String> choices = new LinkedHashMap<>();
        activities.choices(centreId).forEach(a -> choices.put(a.id(), a.name()));
        return choices;
    }

    private static List<Long> ids(Array array) throws SQLException {
        return List.of((Long[]) array.getArray());
    }

    private void requireOwn(long centreId, long actionId) {
        if (!jdbc.sql("select exists (select 1 from catalogue_actions where id = ? and owner_centre_id = ?)")
                .params(actionId, centreId).query(Boolean.class).single()) {
            throw new NotFound();
        }
    }
}
