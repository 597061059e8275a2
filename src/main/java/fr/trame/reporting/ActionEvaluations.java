package fr.trame.reporting;

import fr.trame.form.Vocabulary;
import fr.trame.reporting.AnnualReportService.Chapter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The year's action evaluations (published by activities, partners' names by association), attached to the sector
 * chapters of the annual report; the public reached is the engine's figures of the activity for the year.
 */
@Component
class ActionEvaluations {

    private final JdbcClient jdbc;

    ActionEvaluations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, String ref, String name, String sector, Integer publicExpected, String publicExpectedText,
                       String strengths, String difficulties, String perspectives, String partnersText) {
    }

    /** The chapters, each sector's (key {@code secteur-<name>}) with the evaluations of its activities. */
    List<Chapter> attach(List<Chapter> chapters, long centreId, int year, List<UnitFigures.Activity> figures) {
        List<Row> rows = jdbc.sql("""
                select e.id, a.ref, a.name, s.name as sector, e.public_expected, e.public_expected_text, e.strengths,
                       e.difficulties, e.perspectives, e.partners_text
                from activities_evaluations e
                join activities_activities a on a.centre_id = e.centre_id and a.id = e.activity_id
                join activities_sectors s on s.centre_id = a.centre_id and s.id = a.sector_id
                where e.centre_id = ? and e.year = ? order by lower(a.name), a.id""")
                .params(centreId, year).query(Row.class).list();
        if (rows.isEmpty()) {
            return chapters;
        }
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        Map<Long, List<ActionEvaluation.Objective>> objectives = new HashMap<>();
        jdbc.sql("""
                select evaluation_id, objective, reached, comment from activities_evaluation_objectives
                where centre_id = ? and evaluation_id = any(?) order by evaluation_id, position""")
                .params(centreId, ids)
                .query((rs, n) -> objectives.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new ActionEvaluation.Objective(rs.getString(2), Vocabulary.label("reached", rs.getString(3)),
                                rs.getString(4)))).list();
        Map<Long, List<String>> partners = new HashMap<>();
        jdbc.sql("""
                select ep.evaluation_id, p.name from activities_evaluation_partners ep
                join association_partners p on p.centre_id = ep.centre_id and p.id = ep.partner_id
                where ep.centre_id = ? and ep.evaluation_id = any(?) order by ep.evaluation_id, lower(p.name)""")
                .params(centreId, ids)
                .query((rs, n) -> partners.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
        Map<String, UnitFigures.Activity> byKey = new HashMap<>();
        figures.forEach(f -> byKey.put(f.key(), f));
        Map<String, List<ActionEvaluation>> bySector = new LinkedHashMap<>();
        for (Row r : rows) {
            // an activity with no session held in the year has no line of figures: it reached no one
            UnitFigures.Activity f = byKey.get((r.ref() == null ? "" : r.ref()) + "|" + r.name());
            List<String> named = new ArrayList<>(partners.getOrDefault(r.id(), List.of()));
            if (r.partnersText() != null) {
                named.add(r.partnersText());
            }
            bySector.computeIfAbsent(r.sector(), k -> new ArrayList<>()).add(new ActionEvaluation(r.name(),
                    objectives.getOrDefault(r.id(), List.of()), r.publicExpected(), r.publicExpectedText(),
                    f == null ? 0 : f.persons(), f == null ? 0 : f.presences(), f == null ? 0 : f.sessions(), named,
                    r.strengths(), r.difficulties(), r.perspectives()));
        }
        return chapters.stream().map(c -> {
            List<ActionEvaluation> found = c.key().startsWith("secteur-") ? bySector.get(c.key().substring("secteur-".length()))
                    : null;
            return found == null ? c : new Chapter(c.key(), c.title(), c.text(), c.tables(), c.charts(), found);
        }).toList();
    }
}
