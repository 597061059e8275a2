package fr.trame.senacs;

import fr.trame.csv.CsvColumns;
import fr.trame.csv.CsvTable;
import fr.trame.form.NotFound;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SENACS questionnaires. Each file {@code senacs/campagne-YYYY-VERSION.csv} of the classpath is one campaign, asking
 * about the figures of year YYYY and the years after it until a later campaign; next year's questions are a new file.
 * A file is loaded into the database the first time a campaign is asked for, once: a campaign already there is kept as
 * it is, since returns refer to its questions.
 */
@Service
public class SenacsCampaigns {

    static final Pattern FILE = Pattern.compile("campagne-(\\d{4})-([A-Za-z0-9.]+)\\.csv");
    static final Set<String> ROLLUPS = Set.of("somme", "oui", "repartition", "aucun");
    private static final CsvColumns COLUMNS = new CsvColumns()
            .required("section", CsvColumns.SHORT).required("section_title", CsvColumns.LABEL)
            .required("code", CsvColumns.SHORT).required("wording", 500).required("type", CsvColumns.SHORT)
            .optional("unit", CsvColumns.SHORT).optional("choices", CsvColumns.LABEL).optional("figure", CsvColumns.REFERENCE)
            .required("rollup", CsvColumns.SHORT);

    private final JdbcClient jdbc;
    private final Map<Long, Campaign> byId = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    private final TransactionTemplate ownTransaction;

    public SenacsCampaigns(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The campaign that asks about {@code year}: the latest version of the latest campaign year ≤ {@code year}. */
    @Transactional
    public Campaign forYear(int year) {
        loadFiles();
        Long id = jdbc.sql("select id from senacs_campaigns where year <= ? order by year desc, version desc limit 1")
                .param(year).query(Long.class).optional()
                .orElseThrow(() -> new NotFound("Aucun questionnaire SENACS ne porte sur l'année " + year + "."));
        return byId(id);
    }

    public Campaign byId(long id) {
        return byId.computeIfAbsent(id, this::read);
    }

    private Campaign read(long id) {
        Map<String, List<Question>> questions = new LinkedHashMap<>();
        jdbc.sql("""
                select q.code, q.section_code, q.wording, q.type, q.unit, q.choices, q.figure, q.rollup
                from senacs_questions q join senacs_sections s on s.campaign_id = q.campaign_id and s.code = q.section_code
                where q.campaign_id = ? order by s.position, q.position""").param(id)
                .query((rs, n) -> {
                    Array choices = rs.getArray("choices");
                    Question q = new Question(rs.getString("code"), rs.getString("section_code"), rs.getString("wording"),
                            Question.Type.of(rs.getString("type")), rs.getString("unit"),
                            choices == null ? List.of() : Arrays.asList((String[]) choices.getArray()),
                            rs.getString("figure"), rs.getString("rollup"));
                    return questions.computeIfAbsent(q.section(), k -> new ArrayList<>()).add(q);
                }).list();
        List<Campaign.Section> sections = jdbc.sql("select code, title from senacs_sections where campaign_id = ? order by position")
                .param(id).query((rs, n) -> new Campaign.Section(rs.getString(1), rs.getString(2),
                        List.copyOf(questions.getOrDefault(rs.getString(1), List.of())))).list();
        return jdbc.sql("select year, version, title from senacs_campaigns where id = ?").param(id)
                .query((rs, n) -> new Campaign(id, rs.getInt(1), rs.getString(2), rs.getString(3), sections)).single();
    }

    /**
     * Loads the classpath's campaign files not yet in the database (concurrent starts insert each once), in a
     * transaction of its own: the first reader may be a read-only one (the federation's report).
     */
    private void loadFiles() {
        if (loaded) {
            return;
        }
        ownTransaction.executeWithoutResult(status -> loadFilesNow());
        loaded = true;
    }

    private void loadFilesNow() {
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:senacs/campagne-*.csv")) {
                Matcher m = FILE.matcher(file.getFilename());
                if (m.matches()) {
                    try (InputStream in = file.getInputStream()) {
                        load(Integer.parseInt(m.group(1)), m.group(2), "senacs/" + file.getFilename(), in);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads one questionnaire file, unless a campaign of that year and version is there already; a bad file loads nothing. */
    void load(int year, String version, String source, InputStream in) {
        CsvTable table = CsvTable.read(in, COLUMNS);
        List<Question> questions = new ArrayList<>();
        List<String> types = new ArrayList<>();
        Map<String, String> sections = new LinkedHashMap<>();
        Set<String> codes = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            String section = row.required("section");
            String title = row.required("section_title");
            String code = row.required("code");
            String wording = row.required("wording");
            String type = row.required("type");
            String rollup = row.oneOf("rollup", ROLLUPS);
            String choices = row.text("choices");
            if (code != null && !codes.add(code)) {
                row.error("code", "question « " + code + " » en double");
            }
            if (type != null && Arrays.stream(Question.Type.values()).noneMatch(t -> t.code().equals(type))) {
                row.error("type", "type inconnu « " + type + " »");
            } else if ("choix".equals(type) && choices == null) {
                row.error("choices", "une question à choix donne ses choix, séparés par |");
            }
            if (section != null && title != null) {
                sections.putIfAbsent(section, title);
            }
            if (section != null && code != null && wording != null && type != null && rollup != null) {
                questions.add(new Question(code, section, wording, null, row.text("unit"),
                        choices == null ? List.of() : List.of(choices.split("\\|")), row.text("figure"), rollup));
                types.add(type);
            }
        }
        table.throwIfErrors();
        Long id = jdbc.sql("""
                insert into senacs_campaigns (year, version, title, source) values (?, ?, ?, ?)
                on conflict (year, version) do nothing returning id""")
                .params(year, version, "Questionnaire SENACS " + year + " (version " + version + ")", source)
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            return;
        }
        int position = 0;
        for (Map.Entry<String, String> section : sections.entrySet()) {
            jdbc.sql("insert into senacs_sections (campaign_id, code, position, title) values (?, ?, ?, ?)")
                    .params(id, section.getKey(), ++position, section.getValue()).update();
        }
        position = 0;
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            jdbc.sql("""
                    insert into senacs_questions (campaign_id, code, section_code, position, wording, type, unit, choices,
                                                  figure, rollup)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, q.code(), q.section(), ++position, q.wording(), types.get(i), q.unit(),
                            q.choices().isEmpty() ? null : q.choices().toArray(String[]::new), q.figure(), q.rollup())
                    .update();
        }
    }
}
