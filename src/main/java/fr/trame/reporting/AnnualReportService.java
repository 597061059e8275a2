package fr.trame.reporting;

import fr.trame.association.Association;
import fr.trame.attendance.HoursService;
import fr.trame.centre.Centre;
import fr.trame.form.Bands;
import fr.trame.form.FrenchFormat;
import fr.trame.form.Parse;
import fr.trame.form.Vocabulary;
import fr.trame.reception.CaseOutcomeService;
import fr.trame.reception.ThemeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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
        /** Nothing to draw: every bar of both years is zero (a sector whose activities held no session, say). */
        public boolean isEmpty() {
            return current.values().stream().allMatch(v -> v == 0) && previous.values().stream().allMatch(v -> v == 0);
        }
    }

    /**
     * The report: its chapters and, before them, its key figures (the year beside the year before). {@code highlights}
     * is empty when a caller builds a report of chapters only.
     */
    public record Report(Centre centre, int year, String moral, List<Chapter> chapters, List<Highlight> highlights) {
        public Report(Centre centre, int year, String moral, List<Chapter> chapters) {
            this(centre, year, moral, chapters, List.of());
        }
    }

    /**
     * A key figure of the report's « Chiffres clés »: the year's value, the year before's, and the page listing the
     * records it counts (below the centre's base path; null where there is none).
     */
    public record Highlight(String label, Number current, Number previous, String link) {
        /** The year's value minus the year before's, in the values' own precision. */
        public BigDecimal difference() {
            if (current == null || previous == null) {
                return null;
            }
            return new BigDecimal(current.toString()).subtract(new BigDecimal(previous.toString()));
        }

        /** The change in percent of the year before, 1 decimal; null without a year before to compare with. */
        public BigDecimal changePercent() {
            BigDecimal difference = difference();
            if (difference == null || new BigDecimal(previous.toString()).signum() == 0) {
                return null;
            }
            return difference.multiply(BigDecimal.valueOf(100)).divide(new BigDecimal(previous.toString()), 1, RoundingMode.HALF_UP);
        }
    }

    private final IndicatorService indicators;
    private final JdbcClient jdbc;
    private final BandService bands;
    private final DrillDown drillDown;
    private final AssociationChapters association;
    private final ThemeService themes;
    private final CaseOutcomeService outcomes;
    private final Monthly monthly;
    private final ActionEvaluations evaluations;
    private final Fork fork;

    AnnualReportService(IndicatorService indicators, JdbcClient jdbc, BandService bands, DrillDown drillDown,
                        AssociationChapters association, ThemeService themes, CaseOutcomeService outcomes,
                        Monthly monthly, ActionEvaluations evaluations, Fork fork) {
        this.fork = fork;
        this.outcomes = outcomes;
        this.monthly = monthly;
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
                        Publics publicsBefore, Map<String, String> texts, Map<String, Map<YearMonth, Long>> sectorMonths,
                        List<List<Object>> caf) {
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

    /** The report without the disability counts, as for who does not hold that permission. */
    public Report build(Centre centre, int year) {
        return build(centre, year, false);
    }

    /**
     * The centre's annual report; {@code withDisability} prints the centre's disability counts (numbers only, no list,
     * no sector's), for who holds the disability permission or the command line's administrator.
     */
    public Report build(Centre centre, int year, boolean withDisability) {
        Period period = Period.calendarYear(year);
        Period before = period.previous();
        // the year before, and the figures that scan the attendance of their own, on a second connection meanwhile
        Fork.Task<Indicators> previous = fork.start(() -> indicators.compute(centre.id(), centre.code(), before.from(),
                before.to()));
        Fork.Task<Map<String, Map<YearMonth, Long>>> sectorMonths = fork.start(() -> monthly.presencesBySector(centre.id(),
                period.from(), period.to()));
        Fork.Task<List<List<Object>>> caf = fork.start(() -> cafAnnex(centre.id(), period.from(), period.to()));
        Indicators cur = indicators.compute(centre.id(), centre.code(), period.from(), period.to());
        Indicators prev = previous.join();
        if (!withDisability) {
            cur = cur.withoutDisability();
            prev = prev.withoutDisability();
        }
        Publics publics = cur.publics();
        Publics publicsBefore = prev.publics();
        Bands age = bands.age(centre.id());
        Bands qf = bands.qf(centre.id());
        if (!age.equals(Bands.STANDARD_AGE) || !qf.equals(Bands.STANDARD_QF)) {
            // the report speaks in the centre's own bands
            publics = publics.inBands(indicators.publicsInBands(centre.id(), period.from(), period.to(), age, qf));
            publicsBefore = publicsBefore.inBands(indicators.publicsInBands(centre.id(), before.from(), before.to(), age, qf));
        }
        Year y = new Year(centre, year, period, cur, prev, publics, publicsBefore, texts(centre.id(), year),
                sectorMonths.join(), caf.join());
        Association asso = cur.association();
        Association assoBefore = prev.association();
        List<Chapter> chapters = new ArrayList<>();
        chapters.add(identity(y));
        chapters.add(associativeLife(y));
        chapters.add(publicsChapter(y));
        chapters.addAll(evaluations.attach(sectorChapters(y), centre.id(), year, cur.activities()));
        chapters.add(receptionChapter(y));
        List<Table> staff = association.humanResources(asso, assoBefore, year);
        chapters.add(y.chapter("ressources-humaines", "Ressources humaines", staff,
                List.of(chartOf(staff, "Contrats au 31 décembre", -1))));
        List<Table> volunteering = association.volunteering(asso, assoBefore, year);
        chapters.add(y.chapter("benevolat", "Bénévolat", volunteering,
                List.of(chartOf(volunteering, "Bénévoles par catégorie (un bénévole peut en avoir plusieurs)", 2))));
        List<Table> partners = association.partnerships(centre.id(), asso, assoBefore, year);
        chapters.add(y.chapter("partenariats", "Partenariats", partners, List.of(chartOf(partners, "Partenaires par type", -1))));
        chapters.add(y.chapter("financement", "Financement", association.funding(asso, year),
                List.of(association.fundingChart(asso, assoBefore))));
        chapters.add(cafChapter(y));
        return new Report(centre, year, y.texts().get("moral"), chapters, highlights(y));
    }

    /**
     * The « Chiffres clés » page: the figures a director opens the general assembly with, each as the engine computes
     * it for the year and the year before. Presences, sessions and hours are the sum of the sectors' rows (every
     * activity belongs to one sector), not a count of their own.
     */
    private List<Highlight> highlights(Year y) {
        Period period = y.period();
        Indicators cur = y.cur();
        Indicators prev = y.prev();
        Association a = cur.association();
        Association a1 = prev.association();
        String sessions = drill(period, "seances");
        String year = "?annee=" + y.year();
        // presences and hours have no list of their own length: the dashboard's sectors lead to their records
        String bySector = "/tableau-de-bord?type=annee&annee=" + y.year();
        return List.of(
                new Highlight("Personnes adhérentes", cur.members().persons(), prev.members().persons(),
                        drill(period, "adhesions", "quoi", "persons")),
                new Highlight("Foyers adhérents", cur.members().households(), prev.members().households(),
                        drill(period, "adhesions", "quoi", "households")),
                new Highlight("Personnes touchées", y.publics().persons(), y.publicsBefore().persons(), drill(period, "personnes")),
                new Highlight("dont nouvelles au centre", y.publics().newPersons(), y.publicsBefore().newPersons(),
                        drill(period, "personnes", "dimension", "newPersons", "value", "oui")),
                new Highlight("Foyers touchés", y.publics().households(), y.publicsBefore().households(), drill(period, "foyers")),
                new Highlight("Présences aux activités", sum(cur, UnitFigures::presences), sum(prev, UnitFigures::presences), bySector),
                new Highlight("Séances tenues", sum(cur, UnitFigures::sessions), sum(prev, UnitFigures::sessions), sessions),
                new Highlight("Heures de présence", hours(cur), hours(prev), bySector),
                new Highlight("Contacts d'accueil", cur.reception().contacts(), prev.reception().contacts(), drill(period, "contacts")),
                new Highlight("Dossiers d'accompagnement actifs", cur.reception().cases().active(), prev.reception().cases().active(),
                        drill(period, "dossiers", "quoi", "active")),
                new Highlight("Bénévoles", a.volunteers().volunteers(), a1.volunteers().volunteers(), "/benevoles" + year),
                new Highlight("Heures de bénévolat", a.volunteers().hours(), a1.volunteers().hours(), "/benevoles" + year),
                new Highlight("Salariés (ETP)", a.staff().etp(), a1.staff().etp(), "/equipe" + year),
                new Highlight("Budget : produits (€)", a.funding().products(), a1.funding().products(), "/financements" + year));
    }

    private static long sum(Indicators indicators, ToLongFunction<UnitFigures> figure) {
        return indicators.sectors().stream().mapToLong(figure).sum();
    }

    private static BigDecimal hours(Indicators indicators) {
        return indicators.sectors().stream().map(UnitFigures::hours).reduce(new BigDecimal("0.00"), BigDecimal::add);
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
                        List.of("Numéro RNA", centre.rna() == null ? "—" : centre.rna()),
                        List.of("Date de création", centre.createdOn() == null ? "—" : centre.createdOn().format(Parse.FRENCH_DATE)),
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
        return y.chapter("vie-associative", "Vie associative", associative,
                List.of(chartOf(associative, "Conseil d'administration au 31 décembre, par collège", 3)));
    }

    private Chapter publicsChapter(Year y) {
        Map<String, String> titles = Vocabulary.labels("indicator", "bySex", "byAgeBand", "byQuartier", "qpv", "byQfBand");
        Map<String, Map<String, Long>> now = y.publics().breakdowns();
        Map<String, Map<String, Long>> before = y.publicsBefore().breakdowns();
        List<Table> tables = new ArrayList<>();
        titles.forEach((d, title) -> tables.add(share(title, now.get(d), before.get(d), y.n(), y.n1(),
                key -> Vocabulary.breakdown(d, key), key -> drill(y.period(), "personnes", "dimension", d, "value", key))));
        tables.addAll(publicsSecondPart(y));
        Function<String, String> age = k -> Vocabulary.breakdown("byAgeBand", k);
        Function<String, String> qf = k -> Vocabulary.breakdown("byQfBand", k);
        Function<String, String> sex = k -> Vocabulary.breakdown("bySex", k);
        Function<String, String> quartier = k -> Vocabulary.breakdown("byQuartier", k);
        return y.chapter("publics", "Profil des publics", tables, List.of(
                new ChartData("Publics par tranche d'âge", named(y.publics().byAgeBand(), age),
                        named(y.publicsBefore().byAgeBand(), age), false),
                new ChartData("Publics par sexe", named(y.publics().bySex(), sex), named(y.publicsBefore().bySex(), sex), true),
                new ChartData("Publics par quartier", named(y.publics().byQuartier(), quartier),
                        named(y.publicsBefore().byQuartier(), quartier), true),
                new ChartData("Publics par quotient familial", named(y.publics().byQfBand(), qf),
                        named(y.publicsBefore().byQfBand(), qf), false)));
    }

    /**
     * The publics chapter's second part (interchange.md): new and returning persons, persons by number of sectors,
     * the disability counts (when kept: numbers only, never a sector's nor a list), situation flags, then the members'
     * profile and member households by QF.
     */
    private List<Table> publicsSecondPart(Year y) {
        Period period = y.period();
        Publics p = y.cur().publics();
        Publics p1 = y.prev().publics();
        List<Table> tables = new ArrayList<>();
        tables.add(compare("Nouveaux publics", y.n(), y.n1(), List.of(
                new Line(Vocabulary.label("newPerson", "oui"), p.newPersons(), p1.newPersons(),
                        drill(period, "personnes", "dimension", "newPersons", "value", "oui")),
                new Line(Vocabulary.label("newPerson", "non"), p.persons() - p.newPersons(), p1.persons() - p1.newPersons(),
                        drill(period, "personnes", "dimension", "newPersons", "value", "non")))));
        tables.add(share("Personnes par nombre de secteurs fréquentés", p.bySectorCount(), p1.bySectorCount(), y.n(), y.n1(),
                k -> Vocabulary.label("sectorCount", k), k -> drill(period, "personnes", "dimension", "bySectorCount", "value", k)));
        if (p.disability() != null) {
            tables.add(share("Situation de handicap déclarée (nombres seulement)", p.disability(), p1.disability(), y.n(), y.n1(),
                    k -> Vocabulary.label("disabilityCounted", k), k -> null));
        }
        if (!p.byFlag().isEmpty()) {
            Map<String, String> flags = indicators.flagLabels(y.centre().id());
            tables.add(share("Situations particulières (une personne peut en avoir plusieurs)", p.byFlag(), p1.byFlag(), y.n(),
                    y.n1(), k -> flags.getOrDefault(k, k), k -> drill(period, "personnes", "dimension", "byFlag", "value", k)));
        }
        Members.Profile profile = y.cur().members().profile();
        Members.Profile before = y.prev().members().profile();
        Map<String, String> titles = Map.of("bySex", "Personnes adhérentes par sexe",
                "byAgeBand", "Personnes adhérentes par tranche d'âge (au début de l'année ou de l'adhésion)",
                "byQfBand", "Personnes adhérentes par quotient familial");
        profile.breakdowns().forEach((d, counts) -> tables.add(share(titles.get(d), counts, before.breakdowns().get(d), y.n(), y.n1(),
                k -> Vocabulary.breakdown(d, k), k -> drill(period, "adhesions", "quoi", "profile." + d + ":" + k))));
        tables.add(share("Foyers adhérents par quotient familial", y.cur().members().householdsByQfBand(),
                y.prev().members().householdsByQfBand(), y.n(), y.n1(), k -> Vocabulary.breakdown("byQfBand", k),
                k -> drill(period, "adhesions", "quoi", "householdsByQfBand:" + k)));
        return tables;
    }

    /** A sector's quartiers, QPV, new persons and the persons it shares with the other sectors (interchange.md). */
    private static List<Table> sectorSecondPart(Period period, String n, UnitFigures.Sector sector) {
        String name = sector.name();
        Function<String, String> page = quoi -> drill(period, "secteur", "nom", name, "quoi", quoi);
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("Nouveaux publics du secteur", List.of("", n), List.of(
                List.of("Personnes présentes", sector.persons()),
                List.of("dont nouvelles (jamais venues au centre avant " + n + ")", sector.newPersons())),
                List.of(inColumn1(page.apply("persons")), inColumn1(page.apply("newPersons")))));
        if (!sector.byQuartier().isEmpty()) {
            tables.add(share("Quartier (du foyer)", sector.byQuartier(), null, n, null, Vocabulary::label,
                    k -> page.apply("byQuartier:" + k)));
        }
        tables.add(share("Domicile en QPV", sector.qpv(), null, n, null, Vocabulary::label, k -> page.apply("qpv:" + k)));
        if (!sector.sharedPersons().isEmpty()) {
            List<List<Object>> rows = new ArrayList<>();
            List<List<String>> links = new ArrayList<>();
            sector.sharedPersons().forEach((other, count) -> {
                rows.add(List.of(other, count));
                links.add(inColumn1(page.apply("sharedPersons:" + other)));
            });
            tables.add(new Table("Personnes aussi présentes dans un autre secteur", List.of("Secteur", n), rows, links));
        }
        return tables;
    }

    /** One chapter per sector: its activities' figures and total, its persons by sex and age, activities' own bands. */
    private List<Chapter> sectorChapters(Year y) {
        Period period = y.period();
        String n = y.n();
        Map<String, Map<String, Long>> activityBands = indicators.activityAgeBands(y.centre().id(), period.from(), period.to());
        Map<String, Long> activityIds = drillDown.activityIds(y.centre().id());
        Map<String, Map<String, Map<String, Long>>> schools = y.cur().schoolsBySector();
        Map<String, Map<String, Long>> participants = indicators.participantOutcomes(y.centre().id(), period.from(), period.to());
        Map<String, String> outcomeNames = participants.isEmpty() ? Map.of() : outcomes.labels(y.centre().id());
        Map<String, Map<YearMonth, Long>> months = y.sectorMonths();
        Map<String, UnitFigures.Sector> before = new LinkedHashMap<>();
        y.prev().sectors().forEach(s -> before.put(s.name(), s));
        List<Chapter> chapters = new ArrayList<>();
        for (UnitFigures.Sector sector : y.cur().sectors()) {
            String name = sector.name();
            List<UnitFigures.Activity> activities = y.cur().activities().stream().filter(a -> name.equals(a.sector())).toList();
            List<List<Object>> rows = new ArrayList<>();
            List<List<String>> links = new ArrayList<>();
            for (UnitFigures.Activity a : activities) {
                rows.add(List.of(a.name(), a.sessions(), a.persons(), a.households(), a.presences(), a.hours(), a.anonymous(),
                        a.averagePerSession()));
                Long id = activityIds.get(a.key()); // none: no link rather than a link to id=null
                links.add(unitLinks(q -> id == null ? null : drill(period, "activite", "id", String.valueOf(id), "quoi", q)));
            }
            rows.add(List.of("Total du secteur", sector.sessions(), sector.persons(), sector.households(), sector.presences(),
                    sector.hours(), sector.anonymous(), ""));
            links.add(unitLinks(q -> drill(period, "secteur", "nom", name, "quoi", q)));
            UnitFigures.Sector last = before.get(name);
            // a sector new this year had nobody the year before: zeros, so that its charts and tables still compare
            Map<String, Long> sexBefore = last == null ? zeroed(sector.bySex()) : last.bySex();
            Map<String, Long> ageBefore = last == null ? zeroed(sector.byAgeBand()) : last.byAgeBand();
            Function<String, String> sexName = sex -> Vocabulary.breakdown("bySex", sex);
            Function<String, String> ageName = band -> Vocabulary.breakdown("byAgeBand", band);
            List<ChartData> charts = List.of(
                    new ChartData("Secteur " + name + " : publics par tranche d'âge", named(sector.byAgeBand(), ageName),
                            named(ageBefore, ageName), false),
                    new ChartData("Secteur " + name + " : publics par sexe", named(sector.bySex(), sexName),
                            named(sexBefore, sexName), true),
                    byMonth("Secteur " + name + " : présences par mois", months.getOrDefault(name, Map.of()), y.year()));
            List<Table> tables = new ArrayList<>(List.of(
                    new Table("Activités", List.of("Activité", "Séances", "Personnes", "Foyers", "Présences", "Heures",
                            "Effectif anonyme", "Moyenne par séance"), rows, links),
                    share("Sexe", sector.bySex(), sexBefore, n, y.n1(), sexName,
                            sex -> drill(period, "secteur", "nom", name, "quoi", "bySex:" + sex)),
                    share("Tranche d'âge (à la première présence)", sector.byAgeBand(), ageBefore, n, y.n1(), ageName,
                            band -> drill(period, "secteur", "nom", name, "quoi", "byAgeBand:" + band))));
            tables.addAll(sectorSecondPart(period, n, sector));
            schools.getOrDefault(name, Map.of()).forEach((dimension, counts) -> tables.add(share(
                    dimension.equals("school") ? "École (personnes dont l'école est connue)"
                            : "Classe (personnes dont la classe est connue)",
                    counts, null, n, null, value -> drill(period, "secteur", "nom", name, "quoi", dimension + ":" + value))));
            tables.addAll(activitySessions(period, activities, activityIds));
            for (UnitFigures.Activity a : activities) {
                if (participants.containsKey(a.key())) {
                    Long id = activityIds.get(a.key());
                    tables.add(share("Issues des participants de « " + a.name() + " » (notées en " + n + ")",
                            participants.get(a.key()), null, n, null, code -> outcomeNames.getOrDefault(code, code),
                            code -> id == null ? null
                                    : drill(period, "activite", "id", String.valueOf(id), "quoi", "outcome:" + code)));
                }
                if (activityBands.containsKey(a.key())) {
                    tables.add(share("Âges dans « " + a.name() + " » (tranches de l'activité)", activityBands.get(a.key()),
                            null, n, null, band -> Vocabulary.breakdown("byAgeBand", band), band -> null));
                }
            }
            chapters.add(y.chapter("secteur-" + name, "Secteur " + name, tables, charts));
        }
        return chapters;
    }

    /**
     * A sector's activities by their sessions (planned, held, cancelled, hours held), by the regularity of their
     * persons (share of the held sessions they were present at) and by their publics (sex, QPV, new to the centre; age
     * band; quartier).
     */
    private static List<Table> activitySessions(Period period, List<UnitFigures.Activity> activities, Map<String, Long> ids) {
        List<List<Object>> sessions = new ArrayList<>();
        List<List<String>> sessionLinks = new ArrayList<>();
        List<List<Object>> publics = new ArrayList<>();
        List<List<String>> publicsLinks = new ArrayList<>();
        for (UnitFigures.Activity a : activities) {
            String id = String.valueOf(ids.get(a.key()));
            Function<String, String> link = q -> drill(period, "activite", "id", id, "quoi", q);
            sessions.add(List.of(a.name(), a.sessionsPlanned(), a.sessions(), a.sessionsCancelled(), a.sessionHours()));
            sessionLinks.add(Arrays.asList(null, link.apply("planned"), link.apply("sessions"), link.apply("cancelled"), null));
            publics.add(List.of(a.name(), a.bySex().get("F"), a.bySex().get("M"), a.bySex().get("inconnu"), a.qpv().get("oui"),
                    a.qpv().get("non"), a.qpv().get("inconnu"), a.newPersons()));
            publicsLinks.add(Arrays.asList(null, link.apply("bySex:F"), link.apply("bySex:M"), link.apply("bySex:inconnu"),
                    link.apply("qpv:oui"), link.apply("qpv:non"), link.apply("qpv:inconnu"), link.apply("newPersons")));
        }
        List<String> quartiers = quartierColumns(activities);
        return List.of(
                new Table("Séances des activités", List.of("Activité", "Prévues", "Tenues", "Annulées", "Heures de séance"),
                        sessions, sessionLinks),
                byKeys("Assiduité : personnes selon la part des séances tenues où elles étaient présentes", period, activities, ids,
                        "byAttendanceRate", IndicatorService.RATE_BANDS, b -> b.replace("-", " à ") + " %",
                        UnitFigures.Activity::byAttendanceRate),
                new Table("Publics des activités", List.of("Activité", "Femmes", "Hommes", "Sexe non renseigné", "QPV : oui",
                        "QPV : non", "QPV non renseigné", "Nouvelles au centre"), publics, publicsLinks),
                byKeys("Âges des publics des activités (à leur première présence)", period, activities, ids, "byAgeBand",
                        IndicatorService.AGE_BANDS, b -> Vocabulary.breakdown("byAgeBand", b), UnitFigures.Activity::byAgeBand),
                byKeys("Quartiers des publics des activités (du foyer)", period, activities, ids, "byQuartier", quartiers,
                        Vocabulary::label, UnitFigures.Activity::byQuartier));
    }

    /** The quartiers met among these activities' persons, by name, then unknown: the columns of a table by quartier. */
    static List<String> quartierColumns(List<UnitFigures.Activity> activities) {
        List<String> quartiers = new ArrayList<>(activities.stream().flatMap(a -> a.byQuartier().keySet().stream())
                .filter(q -> !q.equals("inconnu")).collect(Collectors.toCollection(TreeSet::new)));
        quartiers.add("inconnu");
        return quartiers;
    }

    /**
     * The activities by the keys of one of their breakdowns ({@code dimension}), a column each under its French name,
     * each count opening the list of its persons.
     */
    private static Table byKeys(String title, Period period, List<UnitFigures.Activity> activities, Map<String, Long> ids,
                                String dimension, List<String> keys, Function<String, String> name,
                                Function<UnitFigures.Activity, Map<String, Long>> counts) {
        List<String> header = new ArrayList<>(List.of("Activité"));
        keys.forEach(k -> header.add(name.apply(k)));
        List<List<Object>> rows = new ArrayList<>();
        List<List<String>> links = new ArrayList<>();
        for (UnitFigures.Activity a : activities) {
            String id = String.valueOf(ids.get(a.key()));
            List<Object> row = new ArrayList<>(List.of(a.name()));
            List<String> rowLinks = new ArrayList<>(Arrays.asList((String) null));
            for (String k : keys) {
                row.add(counts.apply(a).getOrDefault(k, 0L));
                rowLinks.add(drill(period, "activite", "id", id, "quoi", dimension + ":" + k));
            }
            rows.add(row);
            links.add(rowLinks);
        }
        return new Table(title, header, rows, links);
    }

    private Chapter receptionChapter(Year y) {
        Period period = y.period();
        Reception r = y.cur().reception();
        Reception r1 = y.prev().reception();
        Map<String, String> themeNames = new LinkedHashMap<>();
        themes.list(y.centre().id()).forEach(t -> themeNames.put(t.code(), t.label()));
        Function<String, String> theme = code -> themeNames.getOrDefault(code, code);
        Map<String, String> outcomeNames = outcomes.labels(y.centre().id());
        Function<String, String> outcome = code -> outcomeNames.getOrDefault(code, code);
        List<Table> tables = new ArrayList<>(List.of(
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
                        status -> drill(period, "contacts", "canal", "rdv", "statut", status))));
        // the persons of the reception by profile (age on their first contact of the year), then the case files
        Map<String, Map<String, Long>> before = r1.breakdowns();
        r.breakdowns().forEach((d, counts) -> tables.add(share("Personnes venues à l'accueil — " + Vocabulary.label("indicator", d),
                counts, before.get(d), y.n(), y.n1(), key -> Vocabulary.breakdown(d, key),
                key -> drill(period, "accueil-personnes", "dimension", d, "value", key))));
        tables.add(compare("Dossiers d'accompagnement", y.n(), y.n1(), List.of(
                new Line("Ouverts dans l'année", r.cases().opened(), r1.cases().opened(), drill(period, "dossiers", "quoi", "opened")),
                new Line("Clos dans l'année", r.cases().closed(), r1.cases().closed(), drill(period, "dossiers", "quoi", "closed")),
                new Line("Actifs (ouverts au moins un jour de l'année)", r.cases().active(), r1.cases().active(),
                        drill(period, "dossiers", "quoi", "active")))));
        if (!r.cases().byOutcome().isEmpty() || !r1.cases().byOutcome().isEmpty()) {
            tables.add(share("Dossiers clos par issue", r.cases().byOutcome(), r1.cases().byOutcome(), y.n(), y.n1(), outcome,
                    code -> drill(period, "dossiers", "quoi", "closed", "issue", code)));
        }
        List<ChartData> charts = new ArrayList<>(List.of(
                new ChartData("Demandes par thème", named(r.byTheme(), theme), named(r1.byTheme(), theme), true),
                byMonth("Contacts d'accueil par mois", monthly.contacts(y.centre().id(), period.from(), period.to()), y.year()),
                chartOf(tables, "Personnes venues à l'accueil — " + Vocabulary.label("indicator", "bySex"), 3),
                chartOf(tables, "Personnes venues à l'accueil — " + Vocabulary.label("indicator", "byAgeBand"), 3)));
        if (!r.cases().byOutcome().isEmpty()) {
            charts.add(new ChartData("Dossiers clos par issue", named(r.cases().byOutcome(), outcome),
                    named(r1.cases().byOutcome(), outcome), true));
        }
        return y.chapter("accueil", "Accueil et accompagnement", tables, charts);
    }

    private Chapter cafChapter(Year y) {
        return y.chapter("annexe-caf", "Annexe CAF : heures réalisées à l'accueil de loisirs",
                List.of(new Table("Heures par mois, tranche d'âge et activité", List.of("Mois", "Activité", "Tranche d'âge",
                        "Enfants", "Présences", "Heures"), y.caf().stream()
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
        // a '+' left in a query reads back as a space: "3+" and "60+" keep theirs encoded
        return uri.encode().toUriString().replace("+", "%2B");
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

    /**
     * A chart of the chapter's table of counts of this title: its rows' labels and the year's column (1), beside the
     * year before's ({@code previousColumn}, or none when -1).
     */
    static ChartData chartOf(List<Table> tables, String title, int previousColumn) {
        Table table = tables.stream().filter(t -> t.title().equals(title)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("pas de tableau « " + title + " »"));
        Map<String, Long> current = new LinkedHashMap<>();
        Map<String, Long> previous = new LinkedHashMap<>();
        for (List<Object> row : table.rows()) {
            current.put(String.valueOf(row.get(0)), ((Number) row.get(1)).longValue());
            if (previousColumn > 0) {
                previous.put(String.valueOf(row.get(0)), ((Number) row.get(previousColumn)).longValue());
            }
        }
        return new ChartData(title, current, previous, true);
    }

    /** A row of the CAF annex with its month in words (« mars 2026 »), for the report; the CSV keeps 2026-03. */
    private static List<Object> monthInWords(List<Object> row) {
        List<Object> printed = new ArrayList<>(row);
        printed.set(0, FrenchFormat.month((String) row.get(0)));
        return printed;
    }

    /** A year's months (« janv. » to « déc. ») beside the same months a year before, for a chart. */
    static ChartData byMonth(String title, Map<YearMonth, Long> counts, int year) {
        Map<String, Long> current = new LinkedHashMap<>();
        Map<String, Long> previous = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            String month = YearMonth.of(year, m).getMonth().getDisplayName(TextStyle.SHORT, Locale.FRENCH);
            current.put(month, counts.getOrDefault(YearMonth.of(year, m), 0L));
            previous.put(month, counts.getOrDefault(YearMonth.of(year - 1, m), 0L));
        }
        return new ChartData(title, current, previous, false);
    }

    private static Map<String, Long> zeroed(Map<String, Long> counts) {
        Map<String, Long> zeros = new LinkedHashMap<>();
        counts.keySet().forEach(k -> zeros.put(k, 0L));
        return zeros;
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
