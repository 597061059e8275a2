package fr.trame.association;

import fr.trame.csv.CentreImport;
import fr.trame.csv.CsvColumns;
import fr.trame.csv.CsvTable;
import fr.trame.csv.ImportResult;
import fr.trame.csv.PgCopy;
import fr.trame.form.Parse;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static fr.trame.csv.CsvColumns.LABEL;
import static fr.trame.csv.CsvColumns.SHORT;

/**
 * social-project.csv (docs/formats.md): the projet social, one line per objective, with its axis, its project and the
 * activities linked to it. Project, axis and objective are known by their titles (letter case aside): re-importing the
 * same file changes nothing; links already made and not in the file are kept.
 */
@Service
@Order(150)
public class SocialProjectImporter implements CentreImport {

    static final CsvColumns COLUMNS = new CsvColumns()
            .required("project", LABEL).required("start_year", SHORT).optional("end_year", SHORT)
            .required("axis", LABEL).required("objective", 500).optional("activity_refs", 2000);

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public SocialProjectImporter(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public String kind() {
        return "social-project";
    }

    @Override
    public String label() {
        return "Projet social : axes et objectifs (social-project.csv)";
    }

    @Override
    public String columns() {
        return "project (titre), start_year, axis, objective (obligatoires) ; end_year (défaut : start_year + 3),"
                + " activity_refs (activités liées à l'objectif, séparées par des virgules).";
    }

    @Override
    public boolean directionOnly() {
        return true;
    }

    @Override
    @Transactional
    public ImportResult importCsv(long centreId, InputStream in) {
        CsvTable table = CsvTable.read(in, COLUMNS);
        List<Object[]> objectives = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        Map<String, Object[]> projects = new HashMap<>(); // project → (start, end, line)
        Map<String, Long> lines = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String project = row.required("project");
            Integer start = year(row, "start_year");
            if (row.isEmpty("start_year")) {
                row.error("start_year", "valeur obligatoire manquante");
            }
            Integer end = year(row, "end_year");
            if (start != null && end != null && end < start) {
                row.error("end_year", "l'année de fin précède l'année de début");
            }
            String axis = row.required("axis");
            String objective = row.required("objective");
            if (project != null && start != null) {
                Object[] earlier = projects.putIfAbsent(project.toLowerCase(Locale.ROOT), new Object[] {start, end, row.line()});
                if (earlier != null) {
                    if (!earlier[0].equals(start)) {
                        row.error("start_year", "le projet « " + project + " » commence en " + earlier[0] + " ligne " + earlier[2]);
                    }
                    if (end != null && earlier[1] == null) {
                        earlier[1] = end;
                    } else if (end != null && !earlier[1].equals(end)) {
                        row.error("end_year", "le projet « " + project + " » finit en " + earlier[1] + " dans une ligne précédente");
                    }
                }
            }
            if (project != null && axis != null && objective != null) {
                Long first = lines.putIfAbsent(String.join("|", project, axis, objective).toLowerCase(Locale.ROOT), row.line());
                if (first != null) {
                    row.error("objective", "cet objectif (même projet, même axe) figure déjà ligne " + first);
                }
            }
            for (String ref : AssociationCsv.list(row.text("activity_refs"))) {
                links.add(new Object[] {row.line(), ref});
            }
            objectives.add(new Object[] {row.line(), project, start, end, axis, objective, null, null, null});
        }
        PgCopy.stage(jdbc, dataSource, "stage_objectives", """
                line bigint, project text, start_year integer, end_year integer, axis text, objective text,
                project_id bigint, axis_id bigint, objective_id bigint""", objectives);
        PgCopy.stage(jdbc, dataSource, "stage_objective_links", "line bigint, activity_ref text", links);
        table.unknownReferences(jdbc, """
                select l.line, 'activity_refs', l.activity_ref from stage_objective_links l
                where not exists (select 1 from activities_activities a where a.centre_id = :centre and a.ref = l.activity_ref)
                order by 1""", centreId, Map.of("activity_refs", "activité"), " (importez d'abord activities.csv)");
        table.throwIfErrors();
        return merge(centreId, objectives.size());
    }

    /** A year of a projet social, as the reports ask for them. */
    private static Integer year(CsvTable.Row row, String column) {
        Integer year = row.wholeNumber(column, 0);
        if (year != null && (year < Parse.FIRST_REPORT_YEAR || year > Parse.LAST_REPORT_YEAR)) {
            row.error(column, "année « " + year + " » hors de " + Parse.FIRST_REPORT_YEAR + "–" + Parse.LAST_REPORT_YEAR);
            return null;
        }
        return year;
    }

    private ImportResult merge(long centreId, int rows) {
        Map<String, Integer> changes = new LinkedHashMap<>();
        // one set of years per project: the file's end year where any line gives one
        jdbc.sql("""
                update stage_objectives s set end_year = (select max(o.end_year) from stage_objectives o
                                                          where lower(o.project) = lower(s.project))""").update();
        jdbc.sql(FIND_PROJECTS).param("centre", centreId).update();
        changes.put("projet(s) social(aux) mis à jour", jdbc.sql("""
                update social_projects p set start_year = s.start_year,
                    end_year = coalesce(s.end_year, case when p.end_year >= s.start_year then p.end_year else s.start_year + 3 end)
                from (select distinct project_id, start_year, end_year from stage_objectives) s
                where p.centre_id = :centre and p.id = s.project_id
                  and (p.start_year, p.end_year) is distinct from (s.start_year,
                       coalesce(s.end_year, case when p.end_year >= s.start_year then p.end_year else s.start_year + 3 end))""")
                .param("centre", centreId).update());
        changes.put("projet(s) social(aux) créé(s)", jdbc.sql("""
                insert into social_projects (centre_id, title, start_year, end_year)
                select distinct on (lower(project)) :centre, project, start_year, coalesce(end_year, start_year + 3)
                from stage_objectives where project_id is null order by lower(project), line""")
                .param("centre", centreId).update());
        jdbc.sql(FIND_PROJECTS).param("centre", centreId).update();
        jdbc.sql(FIND_AXES).param("centre", centreId).update();
        changes.put("axe(s) créé(s)", jdbc.sql("""
                insert into project_axes (centre_id, project_id, position, title)
                select :centre, n.project_id,
                       coalesce((select max(x.position) from project_axes x where x.centre_id = :centre
                                 and x.project_id = n.project_id), 0) + row_number() over (partition by n.project_id order by n.line),
                       n.axis
                from (select distinct on (project_id, lower(axis)) project_id, axis, line from stage_objectives
                      where axis_id is null order by project_id, lower(axis), line) n""").param("centre", centreId).update());
        jdbc.sql(FIND_AXES).param("centre", centreId).update();
        jdbc.sql(FIND_OBJECTIVES).param("centre", centreId).update();
        changes.put("objectif(s) créé(s)", jdbc.sql("""
                insert into project_objectives (centre_id, axis_id, title)
                select :centre, axis_id, objective from stage_objectives where objective_id is null order by line""")
                .param("centre", centreId).update());
        jdbc.sql(FIND_OBJECTIVES).param("centre", centreId).update();
        changes.put("activité(s) liée(s) à un objectif", jdbc.sql("""
                insert into objective_activities (centre_id, objective_id, activity_id)
                select distinct :centre, s.objective_id, a.id from stage_objective_links l
                join stage_objectives s on s.line = l.line
                join activities_activities a on a.centre_id = :centre and a.ref = l.activity_ref
                on conflict do nothing""").param("centre", centreId).update());
        return new ImportResult(rows, changes);
    }

    private static final String FIND_PROJECTS = """
            update stage_objectives s set project_id = (select min(p.id) from social_projects p
                where p.centre_id = :centre and lower(p.title) = lower(s.project))""";

    private static final String FIND_AXES = """
            update stage_objectives s set axis_id = (select min(x.id) from project_axes x
                where x.centre_id = :centre and x.project_id = s.project_id and lower(x.title) = lower(s.axis))""";

    private static final String FIND_OBJECTIVES = """
            update stage_objectives s set objective_id = (select min(o.id) from project_objectives o
                where o.centre_id = :centre and o.axis_id = s.axis_id and lower(o.title) = lower(s.objective))""";
}
