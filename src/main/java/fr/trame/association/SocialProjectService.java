package fr.trame.association;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
                    : actual.multiply(BigDecimal.valueOf(100)).divide(target, 0, RoundingMode.HALF_UP).intValue();
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
        return jdbc.sql("insert into objective_indicators (centre_id, objective_id, label, metric, target)"
                        + " values (?, ?, ?, ?, ?) returning id")
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

    /** One row of a project's tree: an axis, one of its objectives (or none) and one of its indicators (or none). */
    private record TreeRow(long axisId, int position, String axisTitle, Long objectiveId, String objectiveTitle,
                           List<String> sheets, List<Map<String, Object>> activities, Long indicatorId, String label,
                           String metric, BigDecimal target, BigDecimal typed) {
    }

    /**
     * A project's axes and objectives (all, or only those given), read in one statement; then every engine figure of
     * every objective is computed in one evaluation, and the tree is put together without another query.
     */
    private List<Axis> load(long centreId, long projectId, int year, Collection<Long> only) {
        List<TreeRow> rows = jdbc.sql("""
                select x.id as axis_id, x.position, x.title as axis_title, o.id as objective_id, o.title as objective_title,
                       s.titles as sheets, l.ids as activity_ids, l.names as activity_names,
                       i.id as indicator_id, i.label, i.metric, i.target, v.value as typed
                from project_axes x
                left join project_objectives o on o.centre_id = x.centre_id and o.axis_id = x.id
                     and (cast(:only as bigint[]) is null or o.id = any (:only))
                left join lateral (
                    select array_agg(sh.title order by sh.id) as titles from action_sheets sh
                    where sh.centre_id = o.centre_id and sh.objective_id = o.id) s on true
                left join lateral (
                    select array_agg(a.id order by a.name, a.id) as ids, array_agg(a.name order by a.name, a.id) as names
                    from objective_activities oa join activities_activities a on a.centre_id = oa.centre_id and a.id = oa.activity_id
                    where oa.centre_id = o.centre_id and oa.objective_id = o.id) l on true
                left join objective_indicators i on i.centre_id = o.centre_id and i.objective_id = o.id
                left join objective_indicator_values v on v.centre_id = i.centre_id and v.indicator_id = i.id and v.year = :year
                where x.centre_id = :centre and x.project_id = :project
                order by x.position, x.id, o.id, i.id""")
                .param("centre", centreId).param("project", projectId).param("year", year)
                .param("only", only == null ? null : only.toArray(Long[]::new))
                .query((rs, n) -> new TreeRow(rs.getLong("axis_id"), rs.getInt("position"), rs.getString("axis_title"),
                        (Long) rs.getObject("objective_id"), rs.getString("objective_title"),
                        array(rs.getArray("sheets"), String.class), activities(rs.getArray("activity_ids"), rs.getArray("activity_names")),
                        (Long) rs.getObject("indicator_id"), rs.getString("label"), rs.getString("metric"),
                        rs.getBigDecimal("target"), rs.getBigDecimal("typed")))
                .list();

        // the engine's figures of all the objectives at once: the metrics used, and the activity set of each objective
        Set<String> used = new HashSet<>();
        Map<Long, List<Long>> activitySets = new HashMap<>();
        for (TreeRow r : rows) {
            if (r.metric() != null) {
                used.add(r.metric());
                if (r.metric().startsWith("activities.")) {
                    activitySets.put(r.objectiveId(), activityIds(r.activities()));
                }
            }
        }
        ProjectMetrics.Evaluation engine = metrics.over(centreId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                used, activitySets.values());

        Map<Long, Axis> axes = new LinkedHashMap<>();
        Map<Long, Objective> objectives = new HashMap<>();
        for (TreeRow r : rows) {
            Axis axis = axes.computeIfAbsent(r.axisId(), id -> new Axis(id, r.position(), r.axisTitle(), new ArrayList<>()));
            if (r.objectiveId() == null) {
                continue;
            }
            Objective objective = objectives.computeIfAbsent(r.objectiveId(), id -> {
                Objective o = new Objective(id, r.objectiveTitle(), r.sheets(), r.activities(), new ArrayList<>());
                axis.objectives().add(o);
                return o;
            });
            if (r.indicatorId() != null) {
                objective.indicators().add(new Indicator(r.indicatorId(), r.label(), r.metric(), r.target(),
                        r.metric() == null ? r.typed() : engine.value(r.metric(), activityIds(r.activities())), r.metric() != null));
            }
        }
        if (only != null) {
            axes.values().removeIf(a -> a.objectives().isEmpty());
        }
        return new ArrayList<>(axes.values());
    }

    private static <T> List<T> array(Array sql, Class<T> type) throws SQLException {
        return sql == null ? List.of() : Arrays.stream((Object[]) sql.getArray()).map(type::cast).toList();
    }

    private static List<Map<String, Object>> activities(Array ids, Array names) throws SQLException {
        List<Long> id = array(ids, Long.class);
        List<String> name = array(names, String.class);
        List<Map<String, Object>> activities = new ArrayList<>();
        for (int i = 0; i < id.size(); i++) {
            Map<String, Object> activity = new LinkedHashMap<>();
            activity.put("id", id.get(i));
            activity.put("name", name.get(i));
            activities.add(activity);
        }
        return activities;
    }

    private static List<Long> activityIds(List<Map<String, Object>> activities) {
        return activities == null ? List.of() : activities.stream().map(a -> (Long) a.get("id")).toList();
    }
}
