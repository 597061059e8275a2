package fr.trame.senacs;

import fr.trame.federation.Territory;
import fr.trame.federation.TerritoryService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The federation's roll-up of the submitted SENACS returns ({@code senacs_network_answers}), for a year with the year
 * before beside it, for the whole network, by département or by AT. Each question is added up by its {@code rollup}
 * rule: {@code somme} the sum of the values, {@code oui} the structures answering oui, {@code repartition} the
 * structures per choice (one row per choice), {@code aucun} nothing but the count of structures that answered.
 * The rule of year N's campaign applies to both years. Aggregates only: a return holds no person. A structure has one
 * return a year (its Trame centre's, or else the one the federation entered), so a row of the view is one answer of
 * one structure and the counts need no {@code distinct}.
 * <p>
 * A {@code somme} of persons adds up structures: a person who goes to two structures is counted twice.
 */
@Service
public class SenacsRollup {

    /** The level of the groups: the whole network, each département, each AT. */
    public enum Level {
        RESEAU("reseau"), DEPARTEMENT("departement"), AT("at");

        private final String code;

        Level(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** From the page's parameter; anything else is the whole network. */
        public static Level of(String code) {
            for (Level l : values()) {
                if (l.code.equals(code)) {
                    return l;
                }
            }
            return RESEAU;
        }
    }

    /**
     * One figure: a question (for {@code repartition}, one choice of it) of a group. {@code value} is null for
     * {@code aucun}; {@code answered} the structures that answered the question; N-1 the same a year before (null:
     * no structure answered then).
     */
    public record Row(String code, String section, String wording, String unit, String rollup, String choice,
                      BigDecimal value, long answered, BigDecimal valueN1, Long answeredN1) {

        /** Value minus N-1, when both are there. */
        public BigDecimal difference() {
            return value == null || valueN1 == null ? null : value.subtract(valueN1);
        }
    }

    /**
     * A group (the network, a département, an AT): {@code key} as the page's parameter takes it ({@code ""}: the
     * network, or the structures with no département / no AT), its name, the structures with a submitted return
     * that year and the year before, and its figures in the campaign's order.
     */
    public record Group(String key, String name, long returns, long returnsN1, List<Row> rows) {
    }

    public record Rollup(int year, Level level, Campaign campaign, List<Group> groups) {
    }

    /** A structure behind a figure, with its answer. */
    public record Behind(long structureId, String ref, String name, String departement, String territory,
                         String origin, String value) {
    }

    private final JdbcClient jdbc;
    private final SenacsCampaigns campaigns;
    private final TerritoryService territories;

    /** The key figures of the plaquette and of the federation's annual report, in this order. */
    public static final List<String> KEY_FIGURES = List.of("PUB_PERSONNES", "PUB_FOYERS", "PUB_ADHERENTS_FOYERS", "BEN_TOTAL",
            "BEN_HEURES", "SAL_EFFECTIF", "SAL_ETP", "FIN_PRODUITS", "FIN_PRODUITS_CAF", "PAR_PARTENAIRES");

    public SenacsRollup(JdbcClient jdbc, SenacsCampaigns campaigns, TerritoryService territories) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.territories = territories;
    }

    /** The whole federation: one group. */
    public Rollup federation(long federationId, int year) {
        return rollup(federationId, year, Level.RESEAU);
    }

    public Rollup byDepartement(long federationId, int year) {
        return rollup(federationId, year, Level.DEPARTEMENT);
    }

    public Rollup byTerritory(long federationId, int year) {
        return rollup(federationId, year, Level.AT);
    }

    private record Figure(String grp, int year, String code, String choice, BigDecimal value, long answered) {
    }

    private record Count(String grp, int year, long returns) {
    }

    public Rollup rollup(long federationId, int year, Level level) {
        Campaign campaign = campaigns.forYear(year);
        List<Figure> figures = jdbc.sql(ANSWERS + """
                select grp, year, question_code as code, null as choice,
                       case when rollup = 'somme' then sum(case when rollup = 'somme' then value::numeric end)
                            when rollup = 'oui' then count(*) filter (where value = 'oui') end as value,
                       count(*) as answered
                from a group by grp, year, question_code, rollup
                union all
                select grp, year, question_code, value, count(*), 0
                from a where rollup = 'repartition' group by grp, year, question_code, value""")
                .param("federation", federationId).param("year", year).param("campaign", campaign.id())
                .param("level", level.code()).query(Figure.class).list();
        List<Count> counts = jdbc.sql("""
                select %s as grp, n.year, count(distinct n.structure_id) as returns
                from senacs_network_answers n
                join federation_structures s on s.federation_id = n.federation_id and s.id = n.structure_id
                where n.federation_id = :federation and n.year in (:year, :year - 1)
                group by 1, 2""".formatted(GROUP))
                .param("federation", federationId).param("year", year).param("level", level.code())
                .query(Count.class).list();
        Map<String, Map<String, Figure>> now = index(figures, year);
        Map<String, Map<String, Figure>> before = index(figures, year - 1);
        Map<String, String> names = names(federationId, level);
        TreeMap<String, String> keys = new TreeMap<>();
        counts.forEach(c -> keys.put(c.grp(), names.getOrDefault(c.grp(), c.grp())));
        if (level == Level.RESEAU) {
            keys.put("", "Réseau");
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, String> key : keys.entrySet()) {
            Map<String, Figure> n = now.getOrDefault(key.getKey(), Map.of());
            Map<String, Figure> b = before.getOrDefault(key.getKey(), Map.of());
            List<Row> rows = new ArrayList<>();
            for (Question q : campaign.questions()) {
                List<String> choices = "repartition".equals(q.rollup()) ? q.choices() : Collections.singletonList(null);
                for (String choice : choices) {
                    String id = q.code() + "|" + (choice == null ? "" : choice);
                    Figure fn = n.get(id);
                    Figure fb = b.get(id);
                    Figure an = n.get(q.code() + "|");
                    Figure ab = b.get(q.code() + "|");
                    BigDecimal value = fn == null ? (an == null || "aucun".equals(q.rollup()) ? null : BigDecimal.ZERO) : fn.value();
                    BigDecimal valueN1 = fb == null ? (ab == null || "aucun".equals(q.rollup()) ? null : BigDecimal.ZERO) : fb.value();
                    rows.add(new Row(q.code(), q.section(), q.wording(), q.unit(), q.rollup(), choice, value,
                            an == null ? 0 : an.answered(), valueN1, ab == null ? null : ab.answered()));
                }
            }
            long returns = counts.stream().filter(c -> c.grp().equals(key.getKey()) && c.year() == year)
                    .mapToLong(Count::returns).sum();
            long returnsN1 = counts.stream().filter(c -> c.grp().equals(key.getKey()) && c.year() == year - 1)
                    .mapToLong(Count::returns).sum();
            groups.add(new Group(key.getKey(), key.getValue(), returns, returnsN1, rows));
        }
        return new Rollup(year, level, campaign, groups);
    }

    /**
     * The structures behind a figure of a group: those that answered the question (for a {@code repartition}, that
     * choice; for {@code oui}, with {@code choice} "oui", those answering oui), with their answer.
     */
    public List<Behind> behind(long federationId, int year, Level level, String group, String code, String choice) {
        Map<String, String> ats = names(federationId, Level.AT);
        return jdbc.sql("""
                select n.structure_id, s.ref, s.name, s.departement, s.territory_id::text as territory, n.origin, n.value
                from senacs_network_answers n
                join federation_structures s on s.federation_id = n.federation_id and s.id = n.structure_id
                where n.federation_id = :federation and n.year = :year and n.question_code = :code
                  and n.value is not null and n.value <> ''
                  and (cast(:group as text) is null or %s = :group)
                  and (cast(:choice as text) is null or n.value = :choice)
                order by lower(s.name), s.id""".formatted(GROUP))
                .param("federation", federationId).param("year", year).param("code", code)
                .param("level", level.code()).param("group", level == Level.RESEAU ? null : group)
                .param("choice", choice == null || choice.isBlank() ? null : choice)
                .query((rs, i) -> new Behind(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list().stream().map(b -> new Behind(b.structureId(), b.ref(), b.name(), b.departement(),
                        b.territory() == null ? null : ats.get(b.territory()), b.origin(), b.value()))
                .toList();
    }

    /**
     * One structure's submitted return for the export: its registry columns, where it came from (trame: a Trame
     * centre's frozen return; federation: entered by the federation), its state, and its answers by question code.
     */
    public record Line(String ref, String name, String departement, Long territoryId, String territory, String origin,
                       String state, Map<String, String> answers) {
    }

    /** Every submitted return of the year, one line per structure, in the order of the registry's references. */
    public List<Line> lines(long federationId, int year) {
        Map<String, String> ats = names(federationId, Level.AT);
        return jdbc.sql("""
                select s.ref, s.name, s.departement, s.territory_id::text, n.origin, n.state,
                       array_agg(n.question_code order by n.question_code) as codes,
                       array_agg(n.value order by n.question_code) as answers
                from senacs_network_answers n
                join federation_structures s on s.federation_id = n.federation_id and s.id = n.structure_id
                where n.federation_id = :federation and n.year = :year
                group by s.id, s.ref, s.name, s.departement, s.territory_id, n.origin, n.state
                order by s.ref, s.id""")
                .param("federation", federationId).param("year", year)
                .query((rs, i) -> {
                    String[] codes = (String[]) rs.getArray("codes").getArray();
                    String[] values = (String[]) rs.getArray("answers").getArray();
                    Map<String, String> answers = new LinkedHashMap<>();
                    for (int k = 0; k < codes.length; k++) {
                        answers.put(codes[k], values[k]);
                    }
                    String territory = rs.getString(4);
                    return new Line(rs.getString(1), rs.getString(2), rs.getString(3),
                            territory == null ? null : Long.valueOf(territory), territory == null ? null : ats.get(territory),
                            rs.getString(5), rs.getString(6), answers);
                })
                .list();
    }

    /**
     * One plain scan of the year's submitted answers (their count and the sum of the numeric ones): what the
     * benchmark measures the roll-up against.
     */
    public long scan(long federationId, int year) {
        return jdbc.sql("""
                select count(*) + coalesce(sum(case when value ~ '^-?[0-9]+(\\.[0-9]+)?$' then value::numeric end), 0)::bigint
                from senacs_network_answers where federation_id = ? and year = ?""")
                .params(federationId, year).query(Long.class).single();
    }

    /** The group's name: a département's code as it is, an AT's name. */
    Map<String, String> names(long federationId, Level level) {
        Map<String, String> names = new LinkedHashMap<>();
        if (level == Level.AT) {
            for (Territory t : territories.list(federationId, LocalDate.now())) {
                names.put(Long.toString(t.id()), t.name());
            }
            names.put("", "Sans AT");
        } else if (level == Level.DEPARTEMENT) {
            names.put("", "Département non renseigné");
        } else {
            names.put("", "Réseau");
        }
        return names;
    }

    private static Map<String, Map<String, Figure>> index(List<Figure> figures, int year) {
        return figures.stream().filter(f -> f.year() == year).collect(Collectors.groupingBy(Figure::grp,
                Collectors.toMap(f -> f.code() + "|" + (f.choice() == null ? "" : f.choice()), f -> f)));
    }

    /** The group key of a structure at the asked level ({@code :level}). */
    private static final String GROUP = """
            case cast(:level as text) when 'departement' then coalesce(s.departement, '')
                        when 'at' then coalesce(s.territory_id::text, '') else '' end""";

    /** The answers of N and N-1 with the rule of year N's campaign. */
    private static final String ANSWERS = """
            with a as (
                select %s as grp, n.year, n.structure_id, n.question_code, n.value, q.rollup
                from senacs_network_answers n
                join federation_structures s on s.federation_id = n.federation_id and s.id = n.structure_id
                join senacs_questions q on q.campaign_id = :campaign and q.code = n.question_code
                where n.federation_id = :federation and n.year in (:year, :year - 1)
                  and n.value is not null and n.value <> '')
            """.formatted(GROUP);
}
