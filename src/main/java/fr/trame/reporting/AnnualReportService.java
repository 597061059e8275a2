package fr.trame.reporting;

import fr.trame.association.Association;
import fr.trame.attendance.HoursService;
import fr.trame.centre.Centre;
import fr.trame.form.Bands;
import fr.trame.form.FrenchFormat;
import fr.trame.form.Vocabulary;
import fr.trame.reception.ThemeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.web.util.UriComponentsBuilder;
import java.util.Arrays;

/**
 * The annual activity report of a centre, built like the reports centres write by hand, but with every number taken
 * from the indicator engine (or, for the CAF annex, from SQL over the same records), and the director's own texts.
 */
@Service
public class AnnualReportService {

    /**
     * A table as printed: a title, a header, rows of cells, and for some cells the drill-down listing the records the
     * number counts (a path below the centre's base, same row and column; missing or null where there is none).
     */
    public record Table(String title, List<String> header, List<List<Object>> rows, List<List<String>> links) {
        public Table(String title, List<String> header, List<List<Object>> rows) {
            this(title, header, rows, List.of());
        }

        public String link(int row, int column) {
            List<String> cells = row < links.size() ? links.get(row) : null;
            return cells == null || column >= cells.size() ? null : cells.get(column);
        }
    }

    /**
     * A chapter: its key (for the director's text), title, text, tables and charts (N and N-1 values), and for a
     * sector the evaluation grids of its actions, printed after its tables.
     */
    public record Chapter(String key, String title, String text, List<Table> tables, List<ChartData> charts,
                          List<ActionEvaluation> evaluations) {
        public Chapter(String key, String title, String text, List<Table> tables, List<ChartData> charts) {
            this(key, title, text, tables, charts, List.of());
        }
    }

    public record ChartData(String title, Map<String, Long> current, Map<String, Long> previous, boolean horizontal) {
    }

    public record Report(Centre centre, int year, String moral, List<Chapter> chapters) {
    }

    private final IndicatorService indicators;
    private final JdbcClient jdbc;
    private final BandService bands;
    private final DrillDown drillDown;
    private final AssociationChapters association;
    private final ThemeService themes;
    private final ActionEvaluations evaluations;

    public AnnualReportService(IndicatorService indicators, JdbcClient jdbc, BandService bands, DrillDown drillDown,
                               AssociationChapters association, ThemeService themes, ActionEvaluations evaluations) {
        this.evaluations = evaluations;
        this.themes = themes;
        this.association = association;
        this.drillDown = drillDown;
        this.bands = bands;
        this.indicators = indicators;
        this.jdbc = jdbc;
    }

    /** The figures a report is built from: the year's and the year before's, publics in the centre's own bands. */
    private record Year(Centre centre, int year, Period period, Indicators cur, Indicators prev, Publics publics,
                        Publics publicsBefore, Map<String, String> texts) {
        String n() {
            return String.valueOf(year);
        }

        String n1() {
            return String.valueOf(year - 1);
        }

        Chapter chapter(String key, String title, List<Table> tables, List<ChartData> charts) {
            return new Chapter(key, title, texts.get(key), tables, charts);
        }
    }

    public Report build(Centre centre, int year) {
        Period period = Period.calendarYear(year);
        Period before = period.previous();
        Indicators cur = indicators.compute(centre.id(), centre.code(), period.from(), period.to());
        Indicators prev = indicators.compute(centre.id(), centre.code(), before.from(), before.to());
        Publics publics = cur.publics();
        Publics publicsBefore = prev.publics();
        Bands age = bands.age(centre.id());
        Bands qf = bands.qf(centre.id());
        if (!age.equals(Bands.STANDARD_AGE) || !qf.equals(Bands.STANDARD_QF)) {
            // the report speaks in the centre's own bands
            publics = publics.inBands(indicators.publicsInBands(centre.id(), period.from(), period.to(), age, qf));
            publicsBefore = publicsBefore.inBands(indicators.publicsInBands(centre.id(), before.from(), before.to(), age, qf));
        }
        Year y = new Year(centre, year, period, cur, prev, publics, publicsBefore, texts(centre.id(), year));
        Association asso = cur.association();
        Association assoBefore = prev.association();
        List<Chapter> chapters = new ArrayList<>();
        chapters.add(identity(y));
        chapters.add(associativeLife(y));
        chapters.add(publicsChapter(y));
        chapters.addAll(evaluations.attach(sectorChapters(y), centre.id(), year, cur.activities()));
        chapters.add(receptionChapter(y));
        chapters.add(y.chapter("ressources-humaines", "Ressources humaines", association.humanResources(asso, assoBefore, year),
                List.of()));
        chapters.add(y.chapter("benevolat", "Bénévolat", association.volunteering(asso, assoBefore, year), List.of()));
        chapters.add(y.chapter("partenariats", "Partenariats", association.partnerships(centre.id(), asso, assoBefore, year), List.of()));
        chapters.add(y.chapter("financement", "Financement", association.funding(asso, year), List.of(association.fundingChart(asso))));
        chapters.add(cafChapter(y));
        return new Report(centre, year, y.texts().get("moral"), chapters);
    }

    private Chapter identity(Year y) {
        Period period = y.period();
        Members members = y.cur().members();
        Members membersBefore = y.prev().members();
        Centre centre = y.centre();
        List<Table> identity = new ArrayList<>(List.of(
                new Table("Le centre", List.of("", ""), List.of(
                        List.of("Nom", centre.name()),
                        List.of("Adresse", join(centre.address(), centre.postcode(), centre.commune())),
                        List.of("SIRET", centre.siret() == null ? "—" : centre.siret()),
                        List.of("Contact", join(centre.phone(), centre.email())))),
                // members first: a calendar year overlaps two seasons, so its memberships count most members twice
                compare("L'année en chiffres", y.n(), y.n1(), List.of(
                        new Line("Personnes adhérentes", members.persons(), membersBefore.persons(),
                                drill(period, "adhesions", "quoi", "persons")),
                        new Line("Foyers adhérents", members.households(), membersBefore.households(),
                                drill(period, "adhesions", "quoi", "households")),
                        new Line("Associations adhérentes", members.organisations(), membersBefore.organisations(),
                                drill(period, "adhesions", "quoi", "organisations")),
                        new Line("Personnes touchées", y.publics().persons(), y.publicsBefore().persons(), drill(period, "personnes")),
                        new Line("Foyers touchés", y.publics().households(), y.publicsBefore().households(), drill(period, "foyers")),
                        new Line("Contacts d'accueil", y.cur().reception().contacts(), y.prev().reception().contacts(),
                                drill(period, "contacts")))),
                bySeason(centre.id(), period, y.n())));
        identity.addAll(association.identity(centre.id(), y.year(), y.cur().association()));
        return y.chapter("identite", "Fiche d'identité", identity, List.of());
    }

    private Chapter associativeLife(Year y) {
        Period period = y.period();
        Members m = y.cur().members();
        Members m1 = y.prev().members();
        List<Table> associative = new ArrayList<>(List.of(
                compare("Adhérents", y.n(), y.n1(), List.of(
                        new Line("Personnes adhérentes (couvertes)", m.persons(), m1.persons(),
                                drill(period, "adhesions", "quoi", "persons")),
                        new Line("Foyers adhérents (familiales)", m.households(), m1.households(),
                                drill(period, "adhesions", "quoi", "households")),
                        new Line("Associations adhérentes", m.organisations(), m1.organisations(),
                                drill(period, "adhesions", "quoi", "organisations")),
                        new Line("Adhésions individuelles", m.individual(), m1.individual(),
                                drill(period, "adhesions", "quoi", "individual")),
                        new Line("Adhésions sur l'année (toutes saisons)", m.memberships(), m1.memberships(),
                                drill(period, "adhesions", "quoi", "memberships")))),
                bySeason(y.centre().id(), period, y.n())));
        associative.addAll(association.governance(y.centre().id(), y.year(), y.cur().association(), y.prev().association()));
        return y.chapter("vie-associative", "Vie associative", associative, List.of());
    }

    private Chapter publicsChapter(Year y) {
        Map<String, String> titles = Vocabulary.labels("indicator", "bySex", "byAgeBand", "byQuartier", "qpv", "byQfBand");
        Map<String, Map<String, Long>> now = y.publics().breakdowns();
        Map<String, Map<String, Long>> before = y.publicsBefore().breakdowns();
        List<Table> tables = new ArrayList<>();
        titles.forEach((d, title) -> tables.add(share(title, now.get(d), before.get(d), y.n(), y.n1(),
                key -> Vocabulary.breakdown(d, key), key -> drill(y.period(), "personnes", "dimension", d, "value", key))));
        Function<String, String> age = k -> Vocabulary.breakdown("byAgeBand", k);
        Function<String, String> qf = k -> Vocabulary.breakdown("byQfBand", k);
        return y.chapter("publics", "Profil des publics", tables, List.of(
                new ChartData("Publics par tranche d'âge", named(y.publics().byAgeBand(), age),
                        named(y.publicsBefore().byAgeBand(), age), false),
                new ChartData("Publics par quotient familial", named(y.publics().byQfBand(), qf),
                        named(y.publicsBefore().byQfBand(), qf), false)));
    }

    /** One chapter per sector: its activities' figures and total, its persons by sex and age, activities' own bands. */
    private List<Chapter> sectorChapters(Year y) {
        Period period = y.period();
        String n = y.n();
        Map<String, Map<String, Long>> activityBands = indicators.activityAgeBands(y.centre().id(), period.from(), period.to());
        Map<String, Long> activityIds = drillDown.activityIds(y.centre().id());
        List<Chapter> chapters = new ArrayList<>();
        for (UnitFigures.Sector sector : y.cur().sectors()) {
            String name = sector.name();
            List<UnitFigures.Activity> activities = y.cur().activities().stream().filter(a -> name.equals(a.sector())).toList();
            List<List<Object>> rows = new ArrayList<>();
            List<List<String>> links = new ArrayList<>();
            for (UnitFigures.Activity a : activities) {
                rows.add(List.of(a.name(), a.sessions(), a.persons(), a.households(), a.presences(), a.hours(), a.anonymous(),
                        a.averagePerSession()));
                String id = String.valueOf(activityIds.get(a.key()));
                links.add(unitLinks(q -> drill(period, "activite", "id", id, "quoi", q)));
            }
            rows.add(List.of("Total du secteur", sector.sessions(), sector.persons(), sector.households(), sector.presences(),
                    sector.hours(), sector.anonymous(), ""));
            links.add(unitLinks(q -> drill(period, "secteur", "nom", name, "quoi", q)));
            List<Table> tables = new ArrayList<>(List.of(
                    new Table("Activités", List.of("Activité", "Séances", "Personnes", "Foyers", "Présences", "Heures",
                            "Effectif anonyme", "Moyenne par séance"), rows, links),
                    share("Sexe", sector.bySex(), null, n, null, sex -> Vocabulary.breakdown("bySex", sex),
                            sex -> drill(period, "secteur", "nom", name, "quoi", "bySex:" + sex)),
                    share("Tranche d'âge (à la première présence)", sector.byAgeBand(), null, n, null,
                            band -> Vocabulary.breakdown("byAgeBand", band),
                            band -> drill(period, "secteur", "nom", name, "quoi", "byAgeBand:" + band))));
            for (UnitFigures.Activity a : activities) {
                if (activityBands.containsKey(a.key())) {
                    tables.add(share("Âges dans « " + a.name() + " » (tranches de l'activité)", activityBands.get(a.key()),
                            null, n, null, band -> Vocabulary.breakdown("byAgeBand", band), band -> null));
                }
            }
            chapters.add(y.chapter("secteur-" + name, "Secteur " + name, tables, List.of()));
        }
        return chapters;
    }

    private Chapter receptionChapter(Year y) {
        Period period = y.period();
        Reception r = y.cur().reception();
        Reception r1 = y.prev().reception();
        Map<String, String> themeNames = new LinkedHashMap<>();
        themes.list(y.centre().id()).forEach(t -> themeNames.put(t.code(), t.label()));
        Function<String, String> theme = code -> themeNames.getOrDefault(code, code);
        return y.chapter("accueil", "Accueil et accompagnement", List.of(
                compare("Accueil", y.n(), y.n1(), List.of(
                        new Line("Contacts", r.contacts(), r1.contacts(), drill(period, "contacts")),
                        new Line("Personnes distinctes", r.persons(), r1.persons(), drill(period, "accueil-personnes")),
                        new Line("Contacts anonymes", r.anonymousContacts(), r1.anonymousContacts(),
                                drill(period, "contacts", "anonymes", "true")))),
                share("Demandes par thème (un contact peut en avoir plusieurs)", r.byTheme(), r1.byTheme(), y.n(), y.n1(), theme,
                        code -> drill(period, "contacts", "theme", code)),
                share("Contacts par canal", r.byChannel(), r1.byChannel(), y.n(), y.n1(), Vocabulary::label,
                        channel -> drill(period, "contacts", "canal", channel)),
                share("Rendez-vous", r.appointments(), r1.appointments(), y.n(), y.n1(), Vocabulary::label,
                        status -> drill(period, "contacts", "canal", "rdv", "statut", status))),
                List.of(new ChartData("Demandes par thème", named(r.byTheme(), theme), named(r1.byTheme(), theme), true)));
    }

    private Chapter cafChapter(Year y) {
        return y.chapter("annexe-caf", "Annexe CAF : heures réalisées à l'accueil de loisirs",
                List.of(new Table("Heures par mois, tranche d'âge et activité", List.of("Mois", "Activité", "Tranche d'âge",
                        "Enfants", "Présences", "Heures"), cafAnnex(y.centre().id(), y.period().from(), y.period().to()).stream()
                        .map(AnnualReportService::monthInWords).toList())), List.of());
    }

    /** Hours attended at ACM activities, by month, activity and age group (under 6 / 6 and over on the session's date). */
    public List<List<Object>> cafAnnex(long centreId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select to_char(se.date, 'YYYY-MM') as month, a.name,
                       case when p.birth_date is null then 'inconnu'
                            when se.date < (p.birth_date + interval '6 years')::date then 'moins de 6 ans'
                            else '6 ans et plus' end as age_group,
                       count(distinct at.person_id) as children, count(*) as presences,
                       round(sum(""" + HoursService.PRESENCE_HOURS + """
                ), 2) as hours
                from attendance_marks at
                join activities_sessions se on se.centre_id = at.centre_id and se.id = at.session_id
                join activities_activities a on a.centre_id = se.centre_id and a.id = se.activity_id
                join people_persons p on p.centre_id = at.centre_id and p.id = at.person_id
                where at.centre_id = ? and at.status = 'present' and a.kind = 'acm' and se.cancelled_reason is null
                  and se.date between ? and ?
                group by 1, 2, 3 order by 1, 2, 3 desc""")
                .params(centreId, from, to)
                .query((rs, i) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getBigDecimal(6)))
                .list();
    }

    public Map<String, String> texts(long centreId, int year) {
        Map<String, String> texts = new LinkedHashMap<>();
        jdbc.sql("select chapter, body from report_texts where centre_id = ? and year = ?").params(centreId, year)
                .query((rs, n) -> texts.put(rs.getString(1), rs.getString(2))).list();
        return texts;
    }

    @Transactional
    public void saveText(long centreId, int year, String chapter, String body) {
        if (body == null || body.isBlank()) {
            jdbc.sql("delete from report_texts where centre_id = ? and year = ? and chapter = ?").params(centreId, year, chapter).update();
            return;
        }
        jdbc.sql("""
                insert into report_texts (centre_id, year, chapter, body) values (?, ?, ?, ?)
                on conflict (centre_id, year, chapter) do update set body = excluded.body, updated_at = now()""")
                .params(centreId, year, chapter, body.trim()).update();
    }

    /** A line of a comparison table: its label, the year's and the year before's value, the year's drill-down or null. */
    record Line(String label, Object current, Object previous, String link) {
        Line(String label, Object current, Object previous) {
            this(label, current, previous, null);
        }
    }

    static Table compare(String title, String n, String n1, List<Line> lines) {
        List<List<Object>> rows = new ArrayList<>();
        List<List<String>> links = new ArrayList<>();
        for (Line line : lines) {
            rows.add(List.of(line.label(), line.current(), line.previous()));
            links.add(inColumn1(line.link()));
        }
        return new Table(title, List.of("", n, n1), rows, links);
    }

    /** The year's memberships season by season, beside the members they make. */
    private Table bySeason(long centreId, Period period, String n) {
        List<List<Object>> rows = new ArrayList<>();
        for (IndicatorService.SeasonCount c : indicators.membershipsBySeason(centreId, period.from(), period.to())) {
            rows.add(List.of("Saison " + c.season(), c.memberships()));
        }
        return new Table("Adhésions par saison (en cours en " + n + ")", List.of("", "Adhésions"), rows);
    }

    /** The dashboard's drill-down page for a figure of this period. */
    private static String drill(Period period, String page, String... parameters) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/tableau-de-bord/" + page)
                .queryParam("from", period.from()).queryParam("to", period.to());
        for (int i = 0; i < parameters.length; i += 2) {
            uri.queryParam(parameters[i], parameters[i + 1]);
        }
        return uri.encode().toUriString();
    }

    private static List<String> inColumn1(String link) {
        return Arrays.asList(null, link);
    }

    /** Links of an activity row: sessions, persons and households (columns 1 to 3). */
    private static List<String> unitLinks(Function<String, String> figure) {
        return Arrays.asList(null, figure.apply("sessions"), figure.apply("persons"), figure.apply("households"));
    }

    /** Counts with their share of the total, beside last year's when given; the keys are shown as they are. */
    static Table share(String title, Map<String, Long> cur, Map<String, Long> prev, String n, String n1,
                               Function<String, String> link) {
        return share(title, cur, prev, n, n1, Function.identity(), link);
    }

    /** Counts with their share of the total, beside last year's when given; {@code name} gives a key's French name. */
    static Table share(String title, Map<String, Long> cur, Map<String, Long> prev, String n, String n1,
                       Function<String, String> name, Function<String, String> link) {
        long total = cur.values().stream().mapToLong(Long::longValue).sum();
        List<List<Object>> rows = new ArrayList<>();
        List<List<String>> links = new ArrayList<>();
        Map<String, Long> all = new LinkedHashMap<>(cur);
        if (prev != null) {
            prev.keySet().forEach(k -> all.putIfAbsent(k, 0L));
        }
        all.forEach((k, v) -> {
            List<Object> row = new ArrayList<>(List.of(name.apply(k), v, FrenchFormat.share(v, total)));
            if (prev != null) {
                row.add(prev.getOrDefault(k, 0L));
            }
            rows.add(row);
            links.add(inColumn1(link.apply(k)));
        });
        return new Table(title, prev == null ? List.of("", n, "%") : List.of("", n, "%", n1), rows, links);
    }

    /** A row of the CAF annex with its month in words (« mars 2026 »), for the report; the CSV keeps 2026-03. */
    private static List<Object> monthInWords(List<Object> row) {
        List<Object> printed = new ArrayList<>(row);
        printed.set(0, FrenchFormat.month((String) row.get(0)));
        return printed;
    }

    /** The same counts under their French names, for a chart. */
    static Map<String, Long> named(Map<String, Long> counts, Function<String, String> name) {
        Map<String, Long> named = new LinkedHashMap<>();
        counts.forEach((k, v) -> named.merge(name.apply(k), v, Long::sum));
        return named;
    }

    private static String join(String... parts) {
        return String.join(" ", Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
    }


}
