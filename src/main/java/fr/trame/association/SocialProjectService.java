package fr.trame.association;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The projet social: a four-year period, its axes, their objectives and fiches-actions; activities are linked to
 * objectives, and each objective's indicators have a target and an actual value, taken from the engine when the
 * indicator is one of its figures ({@link ProjectMetrics}), typed in otherwise.
 */
@Service
public class SocialProjectService {

    public record Project(long id, String title, int startYear, int endYear) {
    }

    public record Axis(long id, int position, String title, List<Objective> objectives) {
    }

    public record Objective(long id, String title, List<String> sheets, List<Map<String, Object>> activities,
                            List<Indicator> indicators) {
    }

    /** An indicator and its value for the year shown; {@code fromEngine} when Trame computed it. */
    public record Indicator(long id, String label, String metric, BigDecimal target, BigDecimal actual, boolean fromEngine) {
        public Integer percent() {
            return target == null || actual == null || target.signum() == 0 ? null
                    : actual.multiply(BigDecimal.valueOf(100)).divide(target, 0, java.math.RoundingMode.HALF_UP).intValue();
        }
    }

    private final JdbcClient jdbc;
    private final ProjectMetrics metrics;

    public SocialProjectService(JdbcClient jdbc, ProjectMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /** The project covering the year, else the latest one. */
    public Optional<Project> current(long centreId, int year) {
        return jdbc.sql("""
                select id, title, start_year, end_year from social_projects where centre_id = ?
                order by (? between start_year and end_year) desc, start_year desc limit 1""")
                .params(centreId, year).query(Project.class).optional();
    }

    public long createProject(long centreId, String title, int startYear) {
        return jdbc.sql("insert into social_projects (centre_id, title, start_year, end_year) values (?, ?, ?, ?) returning id")
                .params(centreId, title, startYear, startYear + 3).query(Long.class).single();
    }

    public long addAxis(long centreId, long projectId, String title) {
        return jdbc.sql("""
                insert into project_axes (centre_id, project_id, position, title)
                values (?, ?, (select coalesce(max(position), 0) + 1 from project_axes where centre_id = ? and project_id = ?), ?)
                returning id""").params(centreId, projectId, centreId, projectId, title).query(Long.class).single();
    }

    public long addObjective(long centreId, long axisId, String title) {
        return jdbc.sql("insert into project_objectives (centre_id, axis_id, title) values (?, ?, ?) returning id")
                .params(centreId, axisId, title).query(Long.class).single();
    }

    public void addSheet(long centreId, long objectiveId, String title, String description) {
        jdbc.sql("insert into action_sheets (centre_id, objective_id, title, description) values (?, ?, ?, ?)")
                .params(centreId, objectiveId, title, description).update();
    }

    public void linkActivity(long centreId, long objectiveId, long activityId) {
        jdbc.sql("insert into objective_activities (centre_id, objective_id, activity_id) values (?, ?, ?) on conflict do nothing")
                .params(centreId, objectiveId, activityId).update();
    }

    public long addIndicator(long centreId, long objectiveId, String label, String metric, BigDecimal target) {
        return jdbc.sql("insert into objective_indicators (centre_id, objective_id, label, metric, target) values (?, ?, ?, ?, ?) returning id")
                .params(centreId, objectiveId, label, metric, target).query(Long.class).single();
    }

    /** The actual value of an indicator the engine does not compute. */
    public void saveValue(long centreId, long indicatorId, int year, BigDecimal value) {
        jdbc.sql("""
                insert into objective_indicator_values (centre_id, indicator_id, year, value) values (?, ?, ?, ?)
                on conflict (centre_id, indicator_id, year) do update set value = excluded.value""")
                .params(centreId, indicatorId, year, value).update();
    }

    /** An objective of the project in force, without its figures: what a form offers to link to. */
    public record ObjectiveChoice(long id, String title) {
    }

    /** The objectives of the project covering the year (else the latest), in order, without computing anything. */
    public List<ObjectiveChoice> objectiveChoices(long centreId, int year) {
        return current(centreId, year).map(p -> jdbc.sql("""
                select o.id, o.title from project_objectives o join project_axes x on x.centre_id = o.centre_id and x.id = o.axis_id
                where o.centre_id = ? and x.project_id = ? order by x.position, o.id""").params(centreId, p.id())
                .query(ObjectiveChoice.class).list()).orElse(List.of());
    }

    /** Axes, objectives and indicators of a project, the actual values being those of the year. */
    public List<Axis> axes(long centreId, long projectId, int year) {
        return load(centreId, projectId, year, null);
    }

    /** Those of the objectives given that belong to the project covering the year (else the latest), with their figures. */
    public List<Objective> objectives(long centreId, int year, Collection<Long> objectiveIds) {
        if (objectiveIds.isEmpty()) {
            return List.of();
        }
        return current(centreId, year).map(p -> load(centreId, p.id(), year, objectiveIds).stream()
                .flatMap(a -> a.objectives().stream()).toList()).orElse(List.of());
    }

    /**
     * A project's axes and objectives (all, or only those given), read by a few set-based queries, every engine figure
     * of every objective computed in one evaluation.
     */
    private List<Axis> load(long centreId, long projectId, int year, Collection<Long> only) {
        Map<String, Object> params = new HashMap<>();
        params.put("centre", centreId);
        params.put("project", projectId);
        params.put("year", year);
        params.put("only", only == null ? null : only.toArray(Long[]::new));
        String objectivesOf = """
                select o.id from project_objectives o join project_axes x on x.centre_id = o.centre_id and x.id = o.axis_id
                where o.centre_id = :centre and x.project_id = :project""" + (only == null ? "" : " and o.id = any(:only)");
        Map<Long, Axis> axes = new LinkedHashMap<>();
        jdbc.sql("select id, position, title from project_axes where centre_id = :centre and project_id = :project order by position")
                .params(params)
                .query((rs, n) -> axes.put(rs.getLong(1), new Axis(rs.getLong(1), rs.getInt(2), rs.getString(3), new ArrayList<>())))
                .list();
        Map<Long, List<Map<String, Object>>> activities = new HashMap<>();
        jdbc.sql("""
                select oa.objective_id, a.id, a.name from objective_activities oa
                join activities a on a.centre_id = oa.centre_id and a.id = oa.activity_id
                where oa.centre_id = :centre and oa.objective_id in (%s) order by a.name""".formatted(objectivesOf))
                .params(params).query((rs, n) -> {
                    Map<String, Object> activity = new LinkedHashMap<>();
                    activity.put("id", rs.getLong(2));
                    activity.put("name", rs.getString(3));
                    return activities.computeIfAbsent(rs.getLong(1), o -> new ArrayList<>()).add(activity);
                }).list();
        record Row(long objective, long id, String label, String metric, BigDecimal target, BigDecimal typed) {
        }
        Map<Long, List<Row>> rows = new HashMap<>();
        jdbc.sql("""
                select i.objective_id, i.id, i.label, i.metric, i.target, v.value as typed
                from objective_indicators i
                left join objective_indicator_values v on v.centre_id = i.centre_id and v.indicator_id = i.id and v.year = :year
                where i.centre_id = :centre and i.objective_id in (%s) order by i.id""".formatted(objectivesOf))
                .params(params).query((rs, n) -> rows.computeIfAbsent(rs.getLong(1), o -> new ArrayList<>())
                        .add(new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                                rs.getBigDecimal(6)))).list();
        Map<Long, List<String>> sheets = new HashMap<>();
        jdbc.sql("select objective_id, title from action_sheets where centre_id = :centre and objective_id in (%s) order by id"
                        .formatted(objectivesOf))
                .params(params).query((rs, n) -> sheets.computeIfAbsent(rs.getLong(1), o -> new ArrayList<>()).add(rs.getString(2)))
                .list();

        // the engine's figures of all the objectives at once: the metrics used, and the activity set of each objective
        Set<String> used = new HashSet<>();
        Map<Long, List<Long>> activitySets = new HashMap<>();
        rows.forEach((objective, indicators) -> indicators.stream().filter(r -> r.metric() != null).forEach(r -> {
            used.add(r.metric());
            if (r.metric().startsWith("activities.")) {
                activitySets.put(objective, activityIds(activities.get(objective)));
            }
        }));
        ProjectMetrics.Evaluation engine = metrics.over(centreId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                used, activitySets.values());
        jdbc.sql("""
                select o.id, o.axis_id, o.title from project_objectives o join project_axes x on x.centre_id = o.centre_id and x.id = o.axis_id
                where o.centre_id = :centre and x.project_id = :project%s order by o.id""".formatted(only == null ? "" : " and o.id = any(:only)"))
                .params(params).query((rs, n) -> {
                    long objective = rs.getLong(1);
                    List<Map<String, Object>> linked = activities.getOrDefault(objective, List.of());
                    List<Indicator> indicators = rows.getOrDefault(objective, List.of()).stream().map(r -> new Indicator(r.id(),
                            r.label(), r.metric(), r.target(),
                            r.metric() == null ? r.typed() : engine.value(r.metric(), activityIds(linked)), r.metric() != null)).toList();
                    axes.get(rs.getLong(2)).objectives().add(new Objective(objective, rs.getString(3),
                            sheets.getOrDefault(objective, List.of()), linked, indicators));
                    return null;
                }).list();
        if (only != null) {
            axes.values().removeIf(a -> a.objectives().isEmpty());
        }
        return new ArrayList<>(axes.values());
    }

    private static List<Long> activityIds(List<Map<String, Object>> activities) {
        return activities == null ? List.of() : activities.stream().map(a -> (Long) a.get("id")).toList();
    }
}
