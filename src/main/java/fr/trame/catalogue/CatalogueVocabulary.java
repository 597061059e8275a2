package fr.trame.catalogue;

import fr.trame.catalogue.CatalogueFormat.Field;
import fr.trame.catalogue.CatalogueFormat.Parsed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The values each choice field of the catalogue has taken: grown by the import, offered by the form. */
@Component
class CatalogueVocabulary {

    private final JdbcClient jdbc;

    CatalogueVocabulary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The values of one vocabulary, in order. */
    List<String> values(String kind) {
        return jdbc.sql("select value from catalogue_vocabulary where kind = ? order by lower(value)").param(kind)
                .query(String.class).list();
    }

    /**
     * Adds the values no vocabulary has yet, in one statement; each is reported with the first record using it
     * ({@code where} names a record).
     */
    List<String> addNew(List<Parsed> records, Function<Parsed, String> where) {
        Map<List<String>, String> firstUse = new LinkedHashMap<>();
        for (Parsed record : records) {
            for (Field field : Field.values()) {
                if (field.vocabulary() != null) {
                    String kind = field.vocabulary();
                    record.get(field).forEach(value -> firstUse.putIfAbsent(List.of(kind, value), where.apply(record)));
                }
            }
        }
        Set<List<String>> added = new HashSet<>(jdbc.sql("""
                insert into catalogue_vocabulary (kind, value) select * from unnest(?::text[], ?::text[])
                on conflict do nothing returning kind, value""")
                .params(firstUse.keySet().stream().map(k -> k.get(0)).toArray(String[]::new),
                        firstUse.keySet().stream().map(k -> k.get(1)).toArray(String[]::new))
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).list());
        List<String> reported = new ArrayList<>();
        firstUse.forEach((key, record) -> {
            if (added.contains(key)) {
                reported.add(key.get(0) + " « " + key.get(1) + " », " + record);
            }
        });
        return reported;
    }
}
