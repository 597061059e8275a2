package fr.trame.senacs;

import fr.trame.federation.Federation;
import fr.trame.reporting.AnnualReportService.Chapter;
import fr.trame.reporting.AnnualReportService.Table;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The federation's annual report, built like seed 004: the network, one chapter per AT, training and FOSFORA,
 * programmes by département, SENACS key figures, each with the federation's own text. Every figure is counted in SQL
 * over the views the federation and training modules publish: counts and sums, never a person.
 */
@Service
public class FederationReport {

    /** The report: its chapters as the annual report's renderer prints them. */
    public record Report(Federation federation, int year, List<Chapter> chapters) {
    }

    /** A chapter's key and title, for the texts' edit page. */
    public record ChapterName(String key, String title) {
    }

    static final String NETWORK = "reseau";
    static final String TRAINING = "formation";
    static final String PROGRAMMES = "programmes";
    static final String SENACS = "senacs";
    static final String NO_SENACS = "Aucun questionnaire SENACS transmis pour cette année";

    // the structures members of the network at the year's end: their last membership state by then is a member's (not
    // a departure, nor an awaited membership)
    private static final String MEMBERS = """
            with s as (
              select st.id, st.departement, st.kind, st.territory_id,
                (select m.state from federation_structure_memberships m
                 where m.federation_id = st.federation_id and m.structure_id = st.id
                   and coalesce(m.since, date '-infinity') <= :to
                 order by coalesce(m.since, date '-infinity') desc limit 1) as state,
                (select x.status from federation_structure_statuses x
                 where x.federation_id = st.federation_id and x.structure_id = st.id
                   and coalesce(x.since, date '-infinity') <= :to
                 order by coalesce(x.since, date '-infinity') desc limit 1) as status
              from federation_structures st where st.federation_id = :fed),
            members as (select * from s where state in ('adherent', 'reaffiliation', 'prefiguration'))
            """;

    private final JdbcClient jdbc;
    private final MessageSource messages;

    private final SenacsRollup rollup;

    public FederationReport(JdbcClient jdbc, MessageSource messages, SenacsRollup rollup) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.rollup = rollup;
    }

    @Transactional(readOnly = true)
    public Report build(Federation federation, int year) {
        Map<String, Object> p = params(federation.id(), year);
        Map<String, String> texts = texts(federation.id(), year);
        List<Chapter> chapters = new ArrayList<>();
        chapters.add(network(p, texts));
        for (ChapterName at : territories(federation.id())) {
            chapters.add(territory(p, texts, at));
        }
        chapters.add(training(p, texts));
        chapters.add(programmes(p, texts));
        chapters.add(senacs(federation.id(), year, texts));
        return new Report(federation, year, chapters);
    }

    /** The chapters' keys and titles, in the report's order. */
    public List<ChapterName> chapterNames(long federationId) {
        List<ChapterName> names = new ArrayList<>();
        names.add(new ChapterName(NETWORK, "Le réseau"));
        names.addAll(territories(federationId));
        names.add(new ChapterName(TRAINING, "La formation et le FOSFORA"));
        names.add(new ChapterName(PROGRAMMES, "Les programmes par département"));
        names.add(new ChapterName(SENACS, "Les chiffres clés SENACS"));
        return names;
    }

    /**
     * The SENACS key figures of the network's submitted returns (label, value rows). Empty until the roll-up is wired
     * here: the chapter then says that no questionnaire was transmitted.
     */
    public List<List<Object>> senacsKeyFigures(long federationId, int year) {
        SenacsRollup.Rollup network = rollup.federation(federationId, year);
        if (network.groups().isEmpty() || network.groups().get(0).returns() == 0) {
            return List.of();
        }
        Map<String, SenacsRollup.Row> byCode = new LinkedHashMap<>();
        network.groups().get(0).rows().forEach(r -> byCode.putIfAbsent(r.code(), r));
        return SenacsRollup.KEY_FIGURES.stream().map(byCode::get).filter(Objects::nonNull)
                .map(r -> List.<Object>of(r.wording() + (r.unit() == null ? "" : " (" + r.unit() + ")"),
                        r.value() == null ? "" : r.value(), r.valueN1() == null ? "" : r.valueN1(), r.answered()))
                .toList();
    }

    // --- the chapters

    private Chapter network(Map<String, Object> p, Map<String, String> texts) {
        Table byDepartement = new Table("Structures membres au 31 décembre, par département",
                List.of("Département", "Centres sociaux", "EVS", "Associatifs", "Municipaux", "Total"),
                rows(MEMBERS + """
                        select coalesce(departement, 'Total'), count(*) filter (where kind = 'cs'),
                               count(*) filter (where kind = 'evs'), count(*) filter (where status = 'associatif'),
                               count(*) filter (where status = 'municipal'), count(*)
                        from members group by rollup (departement) order by departement nulls last
                        """, p));
        Table moves = new Table("Arrivées et départs de l'année", List.of("Mouvement", "Structures"),
                rows("""
                        select label, n from (
                          select 1 as o, 'Arrivées (adhésion)' as label, count(distinct structure_id) filter (where state = 'adherent') as n
                          from federation_structure_memberships where federation_id = :fed and since between :from and :to
                          union all
                          select 2, 'Départs (sortie)', count(distinct structure_id) filter (where state = 'sortie')
                          from federation_structure_memberships where federation_id = :fed and since between :from and :to) x
                        order by o
                        """, p));
        return new Chapter(NETWORK, "Le réseau", texts.get(NETWORK), List.of(byDepartement, moves), List.of());
    }

    private Chapter territory(Map<String, Object> yearParams, Map<String, String> texts, ChapterName at) {
        Map<String, Object> p = new HashMap<>(yearParams);
        p.put("t", Long.parseLong(at.key().substring("at-".length())));
        Table structures = new Table("Structures membres au 31 décembre",
                List.of("Département", "Centres sociaux", "EVS", "Total"),
                rows(MEMBERS + """
                        select coalesce(departement, 'Total'), count(*) filter (where kind = 'cs'),
                               count(*) filter (where kind = 'evs'), count(*)
                        from members where territory_id = :t group by rollup (departement) order by departement nulls last
                        """, p));
        List<List<Object>> meetingRows = rows("""
                select m.kind, count(distinct m.id), count(distinct p.structure_id), coalesce(sum(p.persons), 0)
                from federation_network_meetings m
                left join federation_network_meeting_participation p on p.federation_id = m.federation_id and p.meeting_id = m.id
                where m.federation_id = :fed and m.territory_id = :t and m.meeting_date between :from and :to
                group by rollup (m.kind) order by m.kind nulls last
                """, p);
        Table meetings = new Table("Réunions et participation",
                List.of("Réunion", "Réunions", "Structures représentées", "Personnes présentes"),
                labelled(meetingRows, "code.meeting-kind."));
        Table renewals = new Table("Renouvellements d'agrément",
                List.of("Renouvellements", "Ouverts dans l'année", "Accordés dans l'année", "Refusés dans l'année",
                        "En cours au 31 décembre"),
                rows("""
                        select 'Renouvellements', count(*) filter (where r.opened_on between :from and :to),
                               count(*) filter (where r.closed_on between :from and :to and r.outcome = 'accorde'),
                               count(*) filter (where r.closed_on between :from and :to and r.outcome = 'refuse'),
                               count(*) filter (where r.opened_on <= :to and (r.closed_on is null or r.closed_on > :to))
                        from federation_renewals r
                        join federation_structures s on s.federation_id = r.federation_id and s.id = r.structure_id
                        where r.federation_id = :fed and s.territory_id = :t
                        """, p));
        Table accompaniments = new Table("Accompagnements",
                List.of("Accompagnement", "Ouverts dans l'année", "Clos dans l'année", "En cours au 31 décembre"),
                labelled(rows("""
                        select a.kind, count(*) filter (where a.opened_on between :from and :to),
                               count(*) filter (where a.closed_on between :from and :to),
                               count(*) filter (where a.closed_on is null or a.closed_on > :to)
                        from federation_accompaniments a
                        join federation_structures s on s.federation_id = a.federation_id and s.id = a.structure_id
                        where a.federation_id = :fed and s.territory_id = :t and a.opened_on <= :to
                          and (a.closed_on is null or a.closed_on >= :from)
                        group by rollup (a.kind) order by a.kind nulls last
                        """, p), "code.accompaniment-kind."));
        Table projects = new Table("Projets coopératifs (programmes de l'année)",
                List.of("Programme", "Projets", "Structures", "Montant (€)"),
                rows("""
                        select coalesce(g.name, 'Total'), count(*), count(distinct j.structure_id),
                               round(sum(j.amount_cents) / 100.0, 2)
                        from federation_programme_projects j
                        join federation_programmes g on g.federation_id = j.federation_id and g.id = j.programme_id
                        join federation_structures s on s.federation_id = j.federation_id and s.id = j.structure_id
                        where j.federation_id = :fed and s.territory_id = :t and g.start_year <= :year and g.end_year >= :year
                        group by rollup (g.name) order by g.name nulls last
                        """, p));
        return new Chapter(at.key(), at.title(), texts.get(at.key()),
                List.of(structures, meetings, renewals, accompaniments, projects), List.of());
    }

    private Chapter training(Map<String, Object> p, Map<String, String> texts) {
        Table sessions = new Table("Actions et sessions de l'année (sessions non annulées)",
                List.of("Chiffre", "Valeur"),
                pairs(rows("""
                        select count(distinct course_id), count(*), count(*) filter (where held), coalesce(sum(hours), 0)
                        from training_session_facts
                        where federation_id = :fed and status <> 'annulee' and first_day between :from and :to
                        """, p), "Actions de formation", "Sessions", "Sessions tenues", "Heures de formation"));
        Table trained = new Table("Personnes et structures formées", List.of("Chiffre", "Valeur"),
                pairs(rows("""
                        select count(distinct r.person_no) filter (where r.present_half_days > 0),
                               count(distinct r.structure_id) filter (where r.present_half_days > 0),
                               count(*) filter (where r.state <> 'annule'), coalesce(sum(r.hours_attended), 0)
                        from training_participations r
                        join training_session_facts f on f.federation_id = r.federation_id and f.session_id = r.session_id
                        where r.federation_id = :fed and f.status <> 'annulee' and f.first_day between :from and :to
                        """, p), "Personnes formées (distinctes)", "Structures formées", "Inscriptions",
                        "Heures stagiaires"));
        Table satisfaction = new Table("Satisfaction des stagiaires", List.of("Chiffre", "Valeur"),
                pairs(rows("""
                        select count(*), count(*) filter (where x.satisfied),
                               round(100.0 * count(*) filter (where x.satisfied) / nullif(count(*), 0), 1),
                               round(avg(x.satisfaction), 2)
                        from training_satisfactions x
                        join training_session_facts f on f.federation_id = x.federation_id and f.session_id = x.session_id
                        where x.federation_id = :fed and f.first_day between :from and :to
                        """, p), "Réponses", "Satisfaits (4 ou 5 sur 5)", "Taux de satisfaction (%)", "Note moyenne (sur 5)"));
        Table funds = new Table("Fonds de formation (FOSFORA) : enveloppe de l'année",
                List.of("Fonds", "Enveloppe (€)", "Prélèvement national (€)", "Disponible (€)", "Lignes d'affectation"),
                rows("""
                        select fund_name, round(amount_cents / 100.0, 2), round(levy_due_cents / 100.0, 2),
                               round((amount_cents - levy_due_cents) / 100.0, 2), lines
                        from training_fund_envelope_facts where federation_id = :fed and year = :year order by fund_name
                        """, p));
        return new Chapter(TRAINING, "La formation et le FOSFORA", texts.get(TRAINING),
                List.of(sessions, trained, satisfaction, funds), List.of());
    }

    private Chapter programmes(Map<String, Object> p, Map<String, String> texts) {
        Table list = new Table("Programmes de l'année", List.of("Programme", "Période", "Financements (€)", "Projets"),
                rows("""
                        select g.name, g.start_year || '–' || g.end_year, round(g.funded_cents / 100.0, 2),
                               (select count(*) from federation_programme_projects j
                                where j.federation_id = g.federation_id and j.programme_id = g.id)
                        from federation_programmes g
                        where g.federation_id = :fed and g.start_year <= :year and g.end_year >= :year order by g.name
                        """, p));
        Table byDepartement = new Table("Projets par département",
                List.of("Département", "Programme", "Projets", "Structures", "Montant (€)"),
                rows("""
                        select coalesce(s.departement, 'Total'), coalesce(g.name, case when s.departement is null then ''
                               else 'Tous programmes' end), count(*), count(distinct j.structure_id),
                               round(sum(j.amount_cents) / 100.0, 2)
                        from federation_programme_projects j
                        join federation_programmes g on g.federation_id = j.federation_id and g.id = j.programme_id
                        join federation_structures s on s.federation_id = j.federation_id and s.id = j.structure_id
                        where j.federation_id = :fed and g.start_year <= :year and g.end_year >= :year
                        group by rollup (s.departement, g.name) order by s.departement nulls last, g.name nulls last
                        """, p));
        return new Chapter(PROGRAMMES, "Les programmes par département", texts.get(PROGRAMMES),
                List.of(list, byDepartement), List.of());
    }

    private Chapter senacs(long federationId, int year, Map<String, String> texts) {
        List<List<Object>> figures = senacsKeyFigures(federationId, year);
        Table table = new Table(figures.isEmpty() ? NO_SENACS : "Chiffres clés des questionnaires transmis",
                List.of("Chiffre clé", "Année", "Année précédente", "Structures ayant répondu"), figures);
        return new Chapter(SENACS, "Les chiffres clés SENACS", texts.get(SENACS), List.of(table), List.of());
    }

    // --- the texts

    public Map<String, String> texts(long federationId, int year) {
        Map<String, String> texts = new LinkedHashMap<>();
        jdbc.sql("select chapter, body from senacs_report_texts where federation_id = ? and year = ?")
                .params(federationId, year).query(rs -> {
                    texts.put(rs.getString(1), rs.getString(2));
                });
        return texts;
    }

    /** Saves a chapter's text; an empty text removes it. */
    @Transactional
    public void saveText(long federationId, int year, String chapter, String body, long userId) {
        if (body == null || body.isBlank()) {
            jdbc.sql("delete from senacs_report_texts where federation_id = ? and year = ? and chapter = ?")
                    .params(federationId, year, chapter).update();
            return;
        }
        jdbc.sql("""
                insert into senacs_report_texts (federation_id, year, chapter, body, updated_by) values (?, ?, ?, ?, ?)
                on conflict (federation_id, year, chapter) do update set body = excluded.body, updated_at = now(),
                    updated_by = excluded.updated_by
                """).params(federationId, year, chapter, body.strip(), userId).update();
    }

    // --- helpers

    private List<ChapterName> territories(long federationId) {
        return jdbc.sql("select id, name from federation_territories where federation_id = ? and kind = 'at' order by name, id")
                .param(federationId)
                .query((rs, i) -> new ChapterName("at-" + rs.getLong(1), "Assemblée territoriale " + rs.getString(2))).list();
    }

    private static Map<String, Object> params(long federationId, int year) {
        Map<String, Object> p = new HashMap<>();
        p.put("fed", federationId);
        p.put("year", year);
        p.put("from", LocalDate.of(year, 1, 1));
        p.put("to", LocalDate.of(year, 12, 31));
        return p;
    }

    private List<List<Object>> rows(String sql, Map<String, Object> p) {
        return jdbc.sql(sql).params(p).query((rs, i) -> row(rs)).list();
    }

    private static List<Object> row(ResultSet rs) throws SQLException {
        int n = rs.getMetaData().getColumnCount();
        List<Object> cells = new ArrayList<>(n);
        for (int c = 1; c <= n; c++) {
            cells.add(rs.getObject(c));
        }
        return cells;
    }

    /** The first cell of each row, a code, as its French label; the rollup's null code is the total. */
    private List<List<Object>> labelled(List<List<Object>> rows, String prefix) {
        return rows.stream().map(r -> {
            List<Object> cells = new ArrayList<>(r);
            Object code = cells.get(0);
            cells.set(0, code == null ? "Total" : messages.getMessage(prefix + code, null, code.toString(), Locale.FRANCE));
            return cells;
        }).toList();
    }

    /** A one-row result as label, value rows. */
    private static List<List<Object>> pairs(List<List<Object>> oneRow, String... labels) {
        List<Object> values = oneRow.get(0);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            List<Object> cells = new ArrayList<>();
            cells.add(labels[i]);
            cells.add(values.get(i));
            rows.add(cells);
        }
        return rows;
    }
}
