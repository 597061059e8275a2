package fr.trame.reporting;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;
import fr.trame.centre.CentreScope;
import fr.trame.form.Bands;
import fr.trame.form.FrenchFormat;
import fr.trame.form.Vocabulary;
import fr.trame.reception.CaseOutcomeService;
import fr.trame.reception.ThemeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The year at a glance, beside the year before; every figure of the publics links to the persons behind it. */
@Controller
class DashboardController {

    static final String[] MEMBER_ORDER = {"persons", "households", "organisations", "memberships", "individual"};
    static final Map<String, String> MEMBER_LABELS = Vocabulary.labels("members", MEMBER_ORDER);

    private final IndicatorService indicators;
    private final QualityService quality;
    private final Charts charts;
    private final ThemeService themes;
    private final BandService bands;
    private final CaseOutcomeService outcomes;
    private final DrillDown drillDown;
    private final DashboardFigures figures;

    DashboardController(IndicatorService indicators, QualityService quality, Charts charts, ThemeService themes, BandService bands,
                        CaseOutcomeService outcomes, DrillDown drillDown, DashboardFigures figures) {
        this.figures = figures;
        this.outcomes = outcomes;
        this.drillDown = drillDown;
        this.indicators = indicators;
        this.quality = quality;
        this.charts = charts;
        this.themes = themes;
        this.bands = bands;
    }

    @GetMapping("/c/{centre}/tableau-de-bord")
    String dashboard(CentreScope scope, @RequestParam(defaultValue = "annee") String type,
                     @RequestParam(required = false) Integer annee, @RequestParam(required = false) LocalDate from,
                     @RequestParam(required = false) LocalDate to, Model model) {
        Period period = period(type, annee, from, to, scope.today());
        Period before = period.previous();
        Indicators cur = figures.compute(scope.id(), scope.code(), period.from(), period.to());
        Indicators prev = figures.compute(scope.id(), scope.code(), before.from(), before.to());
        model.addAttribute("type", type);
        model.addAttribute("period", period);
        model.addAttribute("year", annee == null ? defaultYear(type, scope.today()) : annee);
        Links links = new Links(scope.base(), period, scope.role().seesPersonalData());
        // distinct members lead; memberships (which a calendar year counts over two seasons) follow, by season
        model.addAttribute("members", figures(memberFigures(cur.members()), memberFigures(prev.members()), MEMBER_LABELS::get,
                k -> links.to("adhesions", "quoi", k)));
        model.addAttribute("membershipsBySeason", indicators.membershipsBySeason(scope.id(), period.from(), period.to()));
        Publics publics = cur.publics();
        Publics publicsBefore = prev.publics();
        model.addAttribute("publicsTotals", List.of(
                Figure.of(Vocabulary.label("persons"), new YearOnYear("persons", publics.persons(), publicsBefore.persons()),
                        links.to("personnes")),
                Figure.of(Vocabulary.label("households"), new YearOnYear("households", publics.households(),
                        publicsBefore.households()), links.to("foyers"))));
        Bands age = bands.age(scope.id());
        Bands qf = bands.qf(scope.id());
        if (!age.equals(Bands.STANDARD_AGE) || !qf.equals(Bands.STANDARD_QF)) {
            // the centre's own bands on its pages; the JSON keeps the standard ones
            publics = publics.inBands(indicators.publicsInBands(scope.id(), period.from(), period.to(), age, qf));
            publicsBefore = publicsBefore.inBands(indicators.publicsInBands(scope.id(), before.from(), before.to(), age, qf));
        }
        model.addAttribute("dimensions", dimensions(publics.breakdowns(), publicsBefore.breakdowns(), links, "personnes"));
        model.addAttribute("sectors", sectorRows(cur, prev));
        Map<String, UnitFigures.Sector> sectorFigures = new LinkedHashMap<>();
        cur.sectors().forEach(sector -> sectorFigures.put(sector.name(), sector));
        model.addAttribute("sectorFigures", sectorFigures);
        Reception reception = cur.reception();
        Reception receptionBefore = prev.reception();
        Function<String, String> ageBand = k -> Vocabulary.breakdown("byAgeBand", k);
        Function<String, String> qfBand = k -> Vocabulary.breakdown("byQfBand", k);
        Map<String, String> themeLabels = themes.list(scope.id()).stream()
                .collect(Collectors.toMap(ThemeService.Theme::code, ThemeService.Theme::label));
        Function<String, String> theme = k -> themeLabels.getOrDefault(k, k);
        List<Figure> receptionFigures = new ArrayList<>(figures(receptionFigures(reception), receptionFigures(receptionBefore),
                Vocabulary::label, k -> k.equals("persons") ? links.to("accueil-personnes")
                        : links.to("contacts", "anonymes", String.valueOf(k.equals("anonymousContacts")))));
        receptionFigures.addAll(figures(reception.byTheme(), receptionBefore.byTheme(), k -> "Thème : " + theme.apply(k),
                k -> links.to("contacts", "theme", k)));
        model.addAttribute("reception", receptionFigures);
        model.addAttribute("ageChart", charts.bars("Publics par tranche d'âge", AnnualReportService.named(publics.byAgeBand(), ageBand),
                AnnualReportService.named(publicsBefore.byAgeBand(), ageBand), false));
        model.addAttribute("qfChart", charts.bars("Publics par quotient familial", AnnualReportService.named(publics.byQfBand(), qfBand),
                AnnualReportService.named(publicsBefore.byQfBand(), qfBand), false));
        model.addAttribute("themeChart", charts.bars("Accueil : demandes par thème", AnnualReportService.named(reception.byTheme(), theme),
                AnnualReportService.named(receptionBefore.byTheme(), theme), true));
        receptionSecondPart(scope, period, links, reception, receptionBefore, model);
        // counted over the period like the figures, and kept with them; the list behind each count is read live
        model.addAttribute("quality", figures.kept("qualité", scope.id(), period.from(), period.to(),
                () -> quality.issues(scope.id(), period.from(), period.to())));
        model.addAttribute("profileCards", profileCards(cur, prev, links, indicators.flagLabels(scope.id()), scope.seesDisability()));
        model.addAttribute("sectorDetails", cur.sectors().stream().map(sector -> sectorDetail(links, sector)).toList());
        return "reporting/dashboard";
    }

    /**
     * The activities table of the dashboard, which the page asks for once shown: each activity's sessions (planned,
     * held, cancelled), hours and regularity over the page's period, from the same kept figures.
     */
    @GetMapping("/c/{centre}/tableau-de-bord/activites")
    String activities(CentreScope scope, @RequestParam LocalDate from, @RequestParam LocalDate to, Model model) {
        Period period = period("libre", null, from, to, scope.today());
        Indicators cur = figures.compute(scope.id(), scope.code(), period.from(), period.to());
        Links links = new Links(scope.base(), period, scope.role().seesPersonalData());
        model.addAttribute("activityRows", activityRows(links, cur.activities(), drillDown.activityIds(scope.id())));
        model.addAttribute("rateBands", IndicatorService.RATE_BANDS);
        model.addAttribute("period", period);
        return "reporting/dashboard-activities :: activities";
    }

    /**
     * The activities' publics (sex, age band, quartier, QPV, new persons), the section under the activities table,
     * asked for when it scrolls into view: as large again, and not what most visits come for.
     */
    @GetMapping("/c/{centre}/tableau-de-bord/activites-publics")
    String activityPublics(CentreScope scope, @RequestParam LocalDate from, @RequestParam LocalDate to, Model model) {
        Period period = period("libre", null, from, to, scope.today());
        Indicators cur = figures.compute(scope.id(), scope.code(), period.from(), period.to());
        Links links = new Links(scope.base(), period, scope.role().seesPersonalData());
        List<String> quartiers = AnnualReportService.quartierColumns(cur.activities());
        model.addAttribute("publicsHeader", publicsHeader(quartiers));
        model.addAttribute("publicRows", publicRows(links, cur.activities(), drillDown.activityIds(scope.id()), quartiers));
        return "reporting/dashboard-activities :: publics";
    }

    /** A cell of a table: its figure as printed, its drill-down (or null: no list, or not for this user). */
    record Cell(String text, String link) {
    }

    /** An activity's row of the sessions and attendance table. */
    record ActivityRow(String name, List<Cell> cells) {
    }

    /**
     * The activities table, its figures formatted and its links built here once per cell: the page's largest table
     * (an M centre's 150 activities, ten links each) costs the template a loop, not ten expressions per cell.
     */
    private static List<ActivityRow> activityRows(Links links, List<UnitFigures.Activity> activities, Map<String, Long> ids) {
        List<ActivityRow> rows = new ArrayList<>(activities.size());
        for (UnitFigures.Activity a : activities) {
            Long id = ids.get(a.key());
            // the activity's link built once, each cell's figure appended (its names are ours: nothing to encode)
            String activity = id == null ? null : links.to("activite", "id", String.valueOf(id));
            String base = activity == null ? null : activity + "&quoi=";
            Function<String, String> link = quoi -> base == null ? null : base + quoi;
            List<Cell> cells = new ArrayList<>();
            cells.add(new Cell(FrenchFormat.integer(a.persons()), link.apply("persons")));
            cells.add(new Cell(FrenchFormat.integer(a.sessionsPlanned()), link.apply("planned")));
            cells.add(new Cell(FrenchFormat.integer(a.sessions()), link.apply("sessions")));
            cells.add(new Cell(FrenchFormat.integer(a.sessionsCancelled()), link.apply("cancelled")));
            cells.add(new Cell(FrenchFormat.decimal(a.sessionHours(), 2), null));
            for (String band : IndicatorService.RATE_BANDS) {
                cells.add(new Cell(FrenchFormat.integer(a.byAttendanceRate().get(band)), link.apply("byAttendanceRate:" + band)));
            }
            rows.add(new ActivityRow(a.name(), cells));
        }
        return rows;
    }

    /** The columns of the activities' publics table: sex, age bands, the quartiers met (then unknown), QPV, new persons. */
    private static List<String> publicsHeader(List<String> quartiers) {
        List<String> header = new ArrayList<>(List.of("Femmes", "Hommes", "Sexe non renseigné"));
        IndicatorService.AGE_BANDS.forEach(b -> header.add(b.equals("inconnu") ? "Âge non renseigné"
                : Vocabulary.breakdown("byAgeBand", b)));
        quartiers.forEach(q -> header.add(q.equals("inconnu") ? "Quartier non renseigné" : q));
        header.addAll(List.of("QPV : oui", "Nouvelles au centre"));
        return header;
    }

    /** Each activity's persons by sex, age band, quartier and QPV, and those new to the centre, each with its list. */
    private static List<ActivityRow> publicRows(Links links, List<UnitFigures.Activity> activities, Map<String, Long> ids,
                                                List<String> quartiers) {
        List<ActivityRow> rows = new ArrayList<>(activities.size());
        for (UnitFigures.Activity a : activities) {
            Long id = ids.get(a.key());
            String activity = id == null ? null : links.to("activite", "id", String.valueOf(id));
            Function<String, String> link = quoi -> activity == null ? null
                    // a '+' left in a query reads back as a space: « 60+ » keeps its own encoded
                    : activity + "&quoi=" + UriUtils.encodeQueryParam(quoi, StandardCharsets.UTF_8).replace("+", "%2B");
            List<Cell> cells = new ArrayList<>();
            for (String sex : IndicatorService.SEXES) {
                cells.add(new Cell(FrenchFormat.integer(a.bySex().get(sex)), link.apply("bySex:" + sex)));
            }
            for (String band : IndicatorService.AGE_BANDS) {
                cells.add(new Cell(FrenchFormat.integer(a.byAgeBand().get(band)), link.apply("byAgeBand:" + band)));
            }
            for (String q : quartiers) {
                cells.add(new Cell(FrenchFormat.integer(a.byQuartier().getOrDefault(q, 0L)), link.apply("byQuartier:" + q)));
            }
            cells.add(new Cell(FrenchFormat.integer(a.qpv().get("oui")), link.apply("qpv:oui")));
            cells.add(new Cell(FrenchFormat.integer(a.newPersons()), link.apply("newPersons")));
            rows.add(new ActivityRow(a.name(), cells));
        }
        return rows;
    }

    /**
     * A row of a figures' card as printed: its French label, the figure, last year's and the change, and the figure's
     * list (or null: none, or not for this user). Formatted here once: the template only prints them.
     */
    record Figure(String label, String current, String previous, String variation, String link) {
        static Figure of(String label, YearOnYear f, String link) {
            return new Figure(label, FrenchFormat.integer(f.current()), FrenchFormat.integer(f.previous()), f.variation(), link);
        }
    }

    /** The drill-down links of a page: of its period, below the centre's base path; none for who may not see persons. */
    private record Links(String base, Period period, boolean shown) {
        String to(String page, String... parameters) {
            return shown ? base + drill(period, page, parameters) : null;
        }
    }

    /** The cards of a breakdown per dimension (bySex, byQuartier…), each figure leading to the persons of its value. */
    private static Map<String, List<Figure>> dimensions(Map<String, Map<String, Long>> cur, Map<String, Map<String, Long>> prev,
                                                        Links links, String page) {
        Map<String, List<Figure>> cards = new LinkedHashMap<>();
        cur.forEach((d, counts) -> cards.put(d, figures(counts, prev.get(d), k -> Vocabulary.breakdown(d, k),
                k -> links.to(page, "dimension", d, "value", k))));
        return cards;
    }

    /** A sector's second-part figures: new persons, persons in QPV, with a disability, by quartier, shared. */
    record SectorDetail(String name, Figure newPersons, Figure qpv, long disability, List<Figure> byQuartier,
                        List<Figure> shared) {
    }

    /**
     * The cards of the members' profile and the publics' second part (interchange.md), each a title and its rows. The
     * disability counts have no drill-down: who has a disability is listed only to the users allowed to see it (its own
     * permission), which the dashboard's lists do not check; and even the counts (near a person in a small group) only
     * to those users.
     */
    private static Map<String, List<Figure>> profileCards(Indicators cur, Indicators prev, Links links, Map<String, String> flags,
                                                          boolean withDisability) {
        Members.Profile profile = cur.members().profile();
        Members.Profile before = prev.members().profile();
        Map<String, List<Figure>> cards = new LinkedHashMap<>();
        Map<String, String> titles = Map.of("bySex", "Personnes adhérentes par sexe",
                "byAgeBand", "Personnes adhérentes par tranche d'âge", "byQfBand", "Personnes adhérentes par quotient familial");
        profile.breakdowns().forEach((d, counts) -> cards.put(titles.get(d), figures(counts, before.breakdowns().get(d),
                k -> Vocabulary.breakdown(d, k), k -> links.to("adhesions", "quoi", "profile." + d + ":" + k))));
        cards.put("Foyers adhérents par quotient familial", figures(cur.members().householdsByQfBand(),
                prev.members().householdsByQfBand(), k -> Vocabulary.breakdown("byQfBand", k),
                k -> links.to("adhesions", "quoi", "householdsByQfBand:" + k)));
        Publics p = cur.publics();
        Publics p1 = prev.publics();
        Map<String, Long> fresh = new LinkedHashMap<>(Map.of("oui", p.newPersons()));
        fresh.put("non", p.persons() - p.newPersons());
        Map<String, Long> fresh1 = Map.of("oui", p1.newPersons(), "non", p1.persons() - p1.newPersons());
        cards.put("Nouveaux publics", figures(fresh, fresh1, k -> Vocabulary.label("newPerson", k),
                k -> links.to("personnes", "dimension", "newPersons", "value", k)));
        cards.put("Personnes par nombre de secteurs fréquentés", figures(p.bySectorCount(), p1.bySectorCount(),
                k -> Vocabulary.label("sectorCount", k), k -> links.to("personnes", "dimension", "bySectorCount", "value", k)));
        if (withDisability) {
            cards.put("Situation de handicap (personnes)", figures(p.disability(), p1.disability(),
                    k -> Vocabulary.label("disabilityCounted", k), k -> null));
        }
        cards.put("Situations particulières", figures(p.byFlag(), p1.byFlag(), k -> flags.getOrDefault(k, k),
                k -> links.to("personnes", "dimension", "byFlag", "value", k)));
        return cards;
    }

    private static SectorDetail sectorDetail(Links links, UnitFigures.Sector s) {
        Function<String, String> page = quoi -> links.to("secteur", "nom", s.name(), "quoi", quoi);
        return new SectorDetail(s.name(),
                Figure.of("", new YearOnYear("newPersons", s.newPersons(), 0), page.apply("newPersons")),
                Figure.of("", new YearOnYear("qpv", s.qpv().getOrDefault("oui", 0L), 0), page.apply("qpv:oui")),
                s.disability(),
                figures(s.byQuartier(), Map.of(), Vocabulary::label, k -> page.apply("byQuartier:" + k)),
                figures(s.sharedPersons(), Map.of(), Function.identity(), k -> page.apply("sharedPersons:" + k)));
    }

    private static List<Figure> figures(Map<String, Long> cur, Map<String, Long> prev, Function<String, String> label,
                                        Function<String, String> link) {
        return rows(cur, prev).stream().map(r -> Figure.of(label.apply(r.key()), r, link.apply(r.key()))).toList();
    }

    /** A drill-down page of this period, below the centre's base path. */
    static String drill(Period period, String page, String... parameters) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/tableau-de-bord/" + page)
                .queryParam("from", period.from()).queryParam("to", period.to());
        for (int i = 0; i < parameters.length; i += 2) {
            uri.queryParam(parameters[i], parameters[i + 1]);
        }
        // a '+' left in a query reads back as a space: "3+" and "60+" keep theirs encoded
        return uri.encode().toUriString().replace("+", "%2B");
    }

    /** The reception's persons by profile, its case files, and the insertion workshops' participants by outcome. */
    private void receptionSecondPart(CentreScope scope, Period period, Links links, Reception reception, Reception before,
                                     Model model) {
        model.addAttribute("receptionDimensions", dimensions(reception.breakdowns(), before.breakdowns(), links, "accueil-personnes"));
        Map<String, String> outcomeLabels = outcomes.labels(scope.id());
        List<Figure> cases = new ArrayList<>(figures(caseFigures(reception.cases()), caseFigures(before.cases()),
                k -> Vocabulary.label("caseFigure", k), k -> links.to("dossiers", "quoi", k)));
        cases.addAll(figures(reception.cases().byOutcome(), before.cases().byOutcome(),
                k -> "Clos — " + outcomeLabels.getOrDefault(k, k), k -> links.to("dossiers", "quoi", "closed", "issue", k)));
        model.addAttribute("cases", cases);
        Map<String, Map<String, Long>> participants = indicators.participantOutcomes(scope.id(), period.from(), period.to());
        Map<String, Long> ids = participants.isEmpty() ? Map.of() : drillDown.activityIds(scope.id());
        List<ParticipantOutcome> rows = new ArrayList<>();
        participants.forEach((activity, counts) -> counts.forEach((code, n) -> rows.add(new ParticipantOutcome(
                activity.substring(activity.indexOf('|') + 1), ids.get(activity), code, outcomeLabels.getOrDefault(code, code), n))));
        model.addAttribute("participantOutcomes", rows);
    }

    /** A row of the insertion workshops' table: an activity, an outcome, its participants. */
    record ParticipantOutcome(String activity, Long activityId, String code, String label, long participants) {
    }

    /** The case-file totals of the table (the keys name their labels and drill-downs). */
    private static Map<String, Long> caseFigures(Reception.Cases c) {
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("opened", c.opened());
        figures.put("closed", c.closed());
        figures.put("active", c.active());
        return figures;
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static Period period(String type, Integer year, LocalDate from, LocalDate to, LocalDate today) {
        int y = year == null ? defaultYear(type, today) : year;
        return switch (type) {
            case "scolaire" -> Period.schoolYear(y);
            case "libre" -> {
                if (from == null || to == null) {
                    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Indiquez le début et la fin de la période.");
                }
                if (to.isBefore(from)) {
                    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "La fin de la période (" + to.format(DAY)
                            + ") précède son début (" + from.format(DAY) + ").");
                }
                yield Period.range(from, to);
            }
            default -> Period.calendarYear(y);
        };
    }

    /** The period shown first: the current calendar or school year at the centre. */
    private static int defaultYear(String type, LocalDate today) {
        return type.equals("scolaire") ? (today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1) : today.getYear();
    }

    private static List<YearOnYear> sectorRows(Indicators cur, Indicators prev) {
        Map<String, Long> now = new LinkedHashMap<>();
        Map<String, Long> before = new LinkedHashMap<>();
        cur.sectors().forEach(s -> now.put(s.name(), s.persons()));
        prev.sectors().forEach(s -> before.put(s.name(), s.persons()));
        return rows(now, before);
    }

    /** The membership figures in the order of the table: distinct members first (the keys name their labels). */
    private static Map<String, Long> memberFigures(Members m) {
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("persons", m.persons());
        figures.put("households", m.households());
        figures.put("organisations", m.organisations());
        figures.put("memberships", m.memberships());
        figures.put("individual", m.individual());
        return figures;
    }

    /** The reception totals of the table (the keys name their labels and drill-downs). */
    private static Map<String, Long> receptionFigures(Reception r) {
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("contacts", r.contacts());
        figures.put("persons", r.persons());
        figures.put("anonymousContacts", r.anonymousContacts());
        return figures;
    }

    private static List<YearOnYear> rows(Map<String, Long> cur, Map<String, Long> prev) {
        List<YearOnYear> rows = new ArrayList<>();
        cur.forEach((k, v) -> rows.add(new YearOnYear(k, v, prev.getOrDefault(k, 0L))));
        prev.forEach((k, v) -> {
            if (!cur.containsKey(k)) {
                rows.add(new YearOnYear(k, 0, v));
            }
        });
        return rows;
    }
}
