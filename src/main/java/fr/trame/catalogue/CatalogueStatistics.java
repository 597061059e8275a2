package fr.trame.catalogue;

import fr.trame.catalogue.CatalogueFormat.Field;
import fr.trame.catalogue.CatalogueSearch.Facet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Figures over the published catalogue, computed in SQL: values per facet, and how filled in each field is. */
@Component
class CatalogueStatistics {

    private final JdbcClient jdbc;

    CatalogueStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How many published actions have each value of each facet (the 50 most frequent), by facet title: one statement,
     * one pass over the catalogue, each action counted once per value.
     */
    Map<String, List<Map<String, Object>>> facetCounts() {
        Facet[] facets = Facet.values();
        StringJoiner values = new StringJoiner(" union all ");
        for (Facet facet : facets) {
            values.add("select " + facet.ordinal() + " as facet, v from unnest(" + facet.values + ") v");
        }
        Map<String, List<Map<String, Object>>> counts = new LinkedHashMap<>();
        for (Facet facet : facets) {
            counts.put(facet.title(), new ArrayList<>());
        }
        jdbc.sql("""
                with pairs as (
                    select distinct a.id, f.facet, f.v from catalogue_actions a, lateral (%s) f
                    where a.published and f.v <> ''),
                counted as (select facet, v, count(*) as actions from pairs group by facet, v),
                ranked as (select facet, v, actions, row_number() over (partition by facet order by actions desc, v) as n
                           from counted)
                select facet, v, actions from ranked where n <= 50 order by facet, n""".formatted(values))
                .query((rs, row) -> {
                    Map<String, Object> count = new LinkedHashMap<>();
                    count.put("value", rs.getString("v"));
                    count.put("actions", rs.getLong("actions"));
                    return counts.get(facets[rs.getInt("facet")].title()).add(count);
                }).list();
        return counts;
    }

    /** For each field of the format, how many published actions have it filled in, and the share; one statement. */
    List<Map<String, Object>> fillRates() {
        StringBuilder select = new StringBuilder("select count(*) as total");
        for (Field field : Field.values()) {
            String column = field.column();
            select.append(", count(*) filter (where ")
                    .append(field.storedAsList() ? "cardinality(" + column + ") > 0" : "trim(" + column + ") <> ''")
                    .append(") as ").append(column);
        }
        Map<String, Object> counts = jdbc.sql(select + " from catalogue_actions where published").query().singleRow();
        long total = ((Number) counts.get("total")).longValue();
        List<Map<String, Object>> rates = new ArrayList<>();
        for (Field field : Field.values()) {
            long filled = ((Number) counts.get(field.column())).longValue();
            rates.add(Map.of("field", field.label(), "filled", filled, "total", total,
                    "percent", total == 0 ? 0 : Math.round(100.0 * filled / total)));
        }
        return rates;
    }
}
