package fr.trame.catalogue;

import fr.trame.catalogue.CatalogueFormat.Field;
import fr.trame.catalogue.CatalogueSearch.Facet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Figures over the published catalogue, computed in SQL: values per facet, and how filled in each field is. */
@Component
class CatalogueStatistics {

    private final JdbcClient jdbc;

    CatalogueStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many published actions have each value of each facet (the 50 most frequent), by facet title. */
    Map<String, List<Map<String, Object>>> facetCounts() {
        Map<String, List<Map<String, Object>>> counts = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            counts.put(facet.title(), jdbc.sql("""
                    select v as value, count(*) as actions from catalogue_actions,
                        lateral (select distinct v from unnest(%s) v where v <> '') x
                    where published group by v order by count(*) desc, v limit 50""".formatted(facet.values))
                    .query().listOfRows());
        }
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
