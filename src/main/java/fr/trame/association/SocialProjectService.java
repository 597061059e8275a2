package fr.trame.association;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** Axes, objectives and indicators of a project, the actual values being those of the year. */
    public List<Axis> axes(long centreId, long projectId, int year) {
        ProjectMetrics.Evaluation engine = metrics.over(centreId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        Map<Long, Axis> axes = new LinkedHashMap<>();
        jdbc.sql("select id, position, title from project_axes where centre_id = ? and project_id = ? order by position")
                .params(centreId, projectId)
                .query((rs, n) -> axes.put(rs.getLong(1), new Axis(rs.getLong(1), rs.getInt(2), rs.getString(3), new ArrayList<>())))
                .list();
        jdbc.sql("""
                select o.id, o.axis_id, o.title from project_objectives o join project_axes x on x.centre_id = o.centre_id and x.id = o.axis_id
                where o.centre_id = ? and x.project_id = ? order by o.id""").params(centreId, projectId)
                .query((rs, n) -> {
                    long objective = rs.getLong(1);
                    List<Map<String, Object>> activities = jdbc.sql("""
                            select a.id, a.name from objective_activities oa join activities a on a.centre_id = oa.centre_id and a.id = oa.activity_id
                            where oa.centre_id = ? and oa.objective_id = ? order by a.name""").params(centreId, objective).query().listOfRows();
                    List<Long> activityIds = activities.stream().map(a -> ((Number) a.get("id")).longValue()).toList();
                    List<Indicator> indicators = jdbc.sql("""
                            select i.id, i.label, i.metric, i.target,
                                   (select v.value from objective_indicator_values v where v.centre_id = i.centre_id
                                      and v.indicator_id = i.id and v.year = ?) as typed
                            from objective_indicators i where i.centre_id = ? and i.objective_id = ? order by i.id""")
                            .params(year, centreId, objective).query((r, i) -> {
                                String metric = r.getString("metric");
                                BigDecimal actual = metric == null ? r.getBigDecimal("typed")
                                        : engine.value(metric, activityIds);
                                return new Indicator(r.getLong("id"), r.getString("label"), metric, r.getBigDecimal("target"),
                                        actual, metric != null);
                            }).list();
                    List<String> sheets = jdbc.sql("select title from action_sheets where centre_id = ? and objective_id = ? order by id")
                            .params(centreId, objective).query(String.class).list();
                    axes.get(rs.getLong(2)).objectives().add(new Objective(objective, rs.getString(3), sheets, activities, indicators));
                    return null;
                }).list();
        return new ArrayList<>(axes.values());
    }
}
