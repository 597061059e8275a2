package fr.trame.reporting;

import static fr.trame.reporting.JsonMaps.list;
import static fr.trame.reporting.JsonMaps.sub;

import fr.trame.attendance.HoursService;
import fr.trame.centre.Centre;
import fr.trame.form.Bands;
import fr.trame.form.FrenchFormat;
import fr.trame.form.Vocabulary;
import fr.trame.reception.ThemeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.web.util.UriComponentsBuilder;

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

    /** A chapter: its key (for the director's text), title, text, tables and charts (N and N-1 values). */
    public record Chapter(String key, String title, String text, List<Table> tables, List<ChartData> charts) {
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

    public AnnualReportService(IndicatorService indicators, JdbcClient jdbc, BandService bands, DrillDown drillDown,
                               AssociationChapters association, ThemeService themes) {
        this.themes = themes;
        this.association = association;
        this.drillDown = drillDown;
        this.bands = bands;
        this.indicators = indicators;
        this.jdbc = jdbc;
    }

    public Report build(Centre centre, int year) {
        Period period = Period.calendarYear(year);
        Period before = period.previous();
        Map<String, Object> cur = indicators.compute(centre.id(), centre.code(), period.from(), period.to());
        Map<String, Object> prev = indicators.compute(centre.id(), centre.code(), before.from(), before.to());
        Map<String, String> texts = texts(centre.id(), year);
        List<Chapter> chapters = new ArrayList<>();
        String n = String.valueOf(year);
        String n1 = String.valueOf(year - 1);

        Map<String, Object> publics = sub(cur, "publics");
        Map<String, Object> publicsBefore = sub(prev, "publics");
        Bands age = bands.age(centre.id());
        Bands qf = bands.qf(centre.id());
        if (!age.equals(Bands.STANDARD_AGE) || !qf.equals(Bands.STANDARD_QF)) {
            // the report speaks in the centre's own bands
            publics.putAll(indicators.publicsInBands(centre.id(), period.from(), period.to(), age, qf));
            publicsBefore.putAll(indicators.publicsInBands(centre.id(), before.from(), before.to(), age, qf));
        }
        Map<String, Map<String, Long>> activityBands = indicators.activityAgeBands(centre.id(), period.from(), period.to());
        Map<String, Long> activityIds = drillDown.activityIds(centre.id());
        Map<String, Object> reception = sub(cur, "reception");
        Map<String, Object> members = sub(cur, "members");
        Map<String, Object> membersBefore = sub(prev, "members");
        Map<String, Object> asso = sub(cur, "association");
        Map<String, Object> assoBefore = sub(prev, "association");
        List<Table> identity = new ArrayList<>(List.of(
                new Table("Le centre", List.of("", ""), List.of(
                        List.of("Nom", centre.name()),
                        List.of("Adresse", join(centre.address(), centre.postcode(), centre.commune())),
                        List.of("SIRET", centre.siret() == null ? "—" : centre.siret()),
                        List.of("Contact", join(centre.phone(), centre.email())))),
                // members first: a calendar year overlaps two seasons, so its memberships count most members twice
                new Table("L'année en chiffres", List.of("", n, n1), List.of(
                        List.of("Personnes adhérentes", members.get("persons"), membersBefore.get("persons")),
                        List.of("Foyers adhérents", members.get("households"), membersBefore.get("households")),
                        List.of("Associations adhérentes", members.get("organisations"), membersBefore.get("organisations")),
                        List.of("Personnes touchées", publics.get("persons"), publicsBefore.get("persons")),
                        List.of("Foyers touchés", publics.get("households"), publicsBefore.get("households")),
                        List.of("Contacts d'accueil", reception.get("contacts"), sub(prev, "reception").get("contacts"))),
                        List.of(inColumn1(drill(period, "adhesions", "quoi", "persons")),
                                inColumn1(drill(period, "adhesions", "quoi", "households")),
                                inColumn1(drill(period, "adhesions", "quoi", "organisations")),
                                inColumn1(drill(period, "personnes")),
                                inColumn1(drill(period, "foyers")), inColumn1(drill(period, "contacts")))),
                bySeason(centre.id(), period, n)));
        identity.addAll(association.identity(centre.id(), year, asso));
        chapters.add(new Chapter("identite", "Fiche d'identité", texts.get("identite"), identity, List.of()));

        List<Table> associative = new ArrayList<>(List.of(
                compare("Adhérents", List.of("persons", "households", "organisations", "individual", "memberships"),
                        List.of("Personnes adhérentes (couvertes)", "Foyers adhérents (familiales)", "Associations adhérentes",
                                "Adhésions individuelles", "Adhésions sur l'année (toutes saisons)"), members, membersBefore,
                        n, n1, key -> drill(period, "adhesions", "quoi", key)),
                bySeason(centre.id(), period, n)));
        associative.addAll(association.governance(centre.id(), year, asso, assoBefore));
        chapters.add(new Chapter("vie-associative", "Vie associative", texts.get("vie-associative"), associative, List.of()));

        List<Table> publicTables = new ArrayList<>();
        for (String d : List.of("bySex", "byAgeBand", "byQuartier", "qpv", "byQfBand")) {
            publicTables.add(share(Vocabulary.label("indicator", d), sub(publics, d), sub(publicsBefore, d), n, n1,
                    key -> Vocabulary.breakdown(d, key), key -> drill(period, "personnes", "dimension", d, "value", key)));
        }
        chapters.add(new Chapter("publics", "Profil des publics", texts.get("publics"), publicTables, List.of(
                new ChartData("Publics par tranche d'âge", named(sub(publics, "byAgeBand"), k -> Vocabulary.breakdown("byAgeBand", k)),
                        named(sub(publicsBefore, "byAgeBand"), k -> Vocabulary.breakdown("byAgeBand", k)), false),
                new ChartData("Publics par quotient familial", named(sub(publics, "byQfBand"), k -> Vocabulary.breakdown("byQfBand", k)),
                        named(sub(publicsBefore, "byQfBand"), k -> Vocabulary.breakdown("byQfBand", k)), false))));

        List<Map<String, Object>> activities = list(cur, "activities");
        for (Map<String, Object> sector : list(cur, "sectors")) {
            String name = (String) sector.get("name");
            List<List<Object>> rows = new ArrayList<>();
            List<List<String>> links = new ArrayList<>();
            for (Map<String, Object> a : activities) {
                if (name.equals(a.get("sector"))) {
                    rows.add(List.of(a.get("name"), a.get("sessions"), a.get("persons"), a.get("households"),
                            a.get("presences"), a.get("hours"), a.get("anonymous"), a.get("averagePerSession")));
                    String id = String.valueOf(activityIds.get(IndicatorService.activityKey(a)));
                    links.add(unitLinks(q -> drill(period, "activite", "id", id, "quoi", q)));
                }
            }
            rows.add(List.of("Total du secteur", sector.get("sessions"), sector.get("persons"), sector.get("households"),
                    sector.get("presences"), sector.get("hours"), sector.get("anonymous"), ""));
            links.add(unitLinks(q -> drill(period, "secteur", "nom", name, "quoi", q)));
            String key = "secteur-" + name;
            List<Table> tables = new ArrayList<>(List.of(
                    new Table("Activités", List.of("Activité", "Séances", "Personnes", "Foyers", "Présences", "Heures",
                            "Effectif anonyme", "Moyenne par séance"), rows, links),
                    share("Sexe", sub(sector, "bySex"), null, n, null, sex -> Vocabulary.breakdown("bySex", sex),
                            sex -> drill(period, "secteur", "nom", name, "quoi", "bySex:" + sex)),
                    share("Tranche d'âge (à la première présence)", sub(sector, "byAgeBand"), null, n, null,
                            band -> Vocabulary.breakdown("byAgeBand", band),
                            band -> drill(period, "secteur", "nom", name, "quoi", "byAgeBand:" + band))));
            for (Map<String, Object> a : activities) {
                String activity = IndicatorService.activityKey(a);
                if (name.equals(a.get("sector")) && activityBands.containsKey(activity)) {
                    tables.add(share("Âges dans « " + a.get("name") + " » (tranches de l'activité)", activityBands.get(activity),
                            null, n, null, band -> Vocabulary.breakdown("byAgeBand", band), band -> null));
                }
            }
            chapters.add(new Chapter(key, "Secteur " + name, texts.get(key), tables, List.of()));
        }

        Map<String, Object> receptionBefore = sub(prev, "reception");
        Map<String, String> themeNames = new LinkedHashMap<>();
        themes.list(centre.id()).forEach(t -> themeNames.put(t.code(), t.label()));
        Function<String, String> theme = code -> themeNames.getOrDefault(code, code);
        chapters.add(new Chapter("accueil", "Accueil et accompagnement", texts.get("accueil"), List.of(
                compare("Accueil", List.of("contacts", "persons", "anonymousContacts"),
                        List.of("Contacts", "Personnes distinctes", "Contacts anonymes"), reception, receptionBefore, n, n1,
                        key -> switch (key) {
                            case "persons" -> drill(period, "accueil-personnes");
                            case "anonymousContacts" -> drill(period, "contacts", "anonymes", "true");
                            default -> drill(period, "contacts");
                        }),
                share("Demandes par thème (un contact peut en avoir plusieurs)", sub(reception, "byTheme"), sub(receptionBefore, "byTheme"),
                        n, n1, theme, code -> drill(period, "contacts", "theme", code)),
                share("Contacts par canal", sub(reception, "byChannel"), sub(receptionBefore, "byChannel"), n, n1,
                        Vocabulary::label, channel -> drill(period, "contacts", "canal", channel)),
                share("Rendez-vous", sub(reception, "appointments"), sub(receptionBefore, "appointments"), n, n1,
                        Vocabulary::label, status -> drill(period, "contacts", "canal", "rdv", "statut", status))),
                List.of(new ChartData("Demandes par thème", named(sub(reception, "byTheme"), theme),
                        named(sub(receptionBefore, "byTheme"), theme), true))));

        chapters.add(new Chapter("ressources-humaines", "Ressources humaines", texts.get("ressources-humaines"),
                association.humanResources(asso, assoBefore, year), List.of()));
        chapters.add(new Chapter("benevolat", "Bénévolat", texts.get("benevolat"), association.volunteering(asso, assoBefore, year), List.of()));
        chapters.add(new Chapter("partenariats", "Partenariats", texts.get("partenariats"),
                association.partnerships(centre.id(), asso, assoBefore, year), List.of()));
        chapters.add(new Chapter("financement", "Financement", texts.get("financement"), association.funding(asso, year),
                List.of(association.fundingChart(asso))));

        chapters.add(new Chapter("annexe-caf", "Annexe CAF : heures réalisées à l'accueil de loisirs", texts.get("annexe-caf"),
                List.of(new Table("Heures par mois, tranche d'âge et activité", List.of("Mois", "Activité", "Tranche d'âge",
                        "Enfants", "Présences", "Heures"), cafAnnex(centre.id(), period.from(), period.to()).stream()
                        .map(AnnualReportService::monthInWords).toList())), List.of()));
        return new Report(centre, year, texts.get("moral"), chapters);
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
                from attendance at
                join sessions se on se.centre_id = at.centre_id and se.id = at.session_id
                join activities a on a.centre_id = se.centre_id and a.id = se.activity_id
                join persons p on p.centre_id = at.centre_id and p.id = at.person_id
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

    static Table compare(String title, List<String> keys, List<String> labels, Map<String, Object> cur,
                                 Map<String, Object> prev, String n, String n1, Function<String, String> link) {
        List<List<Object>> rows = new ArrayList<>();
        List<List<String>> links = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            rows.add(List.of(labels.get(i), cur.get(keys.get(i)), prev.get(keys.get(i))));
            links.add(inColumn1(link.apply(keys.get(i))));
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
        return java.util.Arrays.asList(null, link);
    }

    /** Links of an activity row: sessions, persons and households (columns 1 to 3). */
    private static List<String> unitLinks(Function<String, String> figure) {
        return java.util.Arrays.asList(null, figure.apply("sessions"), figure.apply("persons"), figure.apply("households"));
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
        return String.join(" ", java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
    }


}
