package fr.trame.reporting;

import fr.trame.form.FrenchFormat;
import fr.trame.form.Vocabulary;
import java.util.function.Function;

import fr.trame.centre.CentreScope;
import fr.trame.csv.ListDownload;
import fr.trame.reception.ThemeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import fr.trame.form.Bands;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The year at a glance, beside the year before; every figure of the publics links to the persons behind it. */
@Controller
public class DashboardController {

    /** A figure of the period beside the same period a year before. */
    public record Row(String key, long current, long previous) {
        public String variation() {
            if (previous == 0) {
                return current == 0 ? "=" : "nouveau";
            }
            long percent = Math.round(100.0 * (current - previous) / previous);
            return (percent > 0 ? "+" : "") + FrenchFormat.percent((Number) percent, 0);
        }
    }

    static final Map<String, String> MEMBER_LABELS = Map.of("persons", "Personnes adhérentes", "households",
            "Foyers adhérents", "organisations", "Associations adhérentes", "memberships", "Adhésions",
            "individual", "dont individuelles");
    static final Map<String, String> MEMBER_FIGURES = Map.of("memberships", "adhésions", "households", "foyers adhérents",
            "persons", "personnes couvertes", "individual", "adhésions individuelles", "organisations", "associations adhérentes");
    static final Map<String, String> UNIT_FIGURES = Map.of("persons", "personnes présentes",
            "households", "foyers", "sessions", "séances comptées");

    private final IndicatorService indicators;
    private final DrillDown drillDown;
    private final fr.trame.activities.ActivityService activities;
    private final QualityService quality;
    private final Charts charts;
    private final fr.trame.reception.ThemeService themes;
    private final BandService bands;

    public DashboardController(IndicatorService indicators, QualityService quality, Charts charts,
                               fr.trame.reception.ThemeService themes, BandService bands, DrillDown drillDown,
                               fr.trame.activities.ActivityService activities) {
        this.drillDown = drillDown;
        this.activities = activities;
        this.bands = bands;
        this.themes = themes;
        this.indicators = indicators;
        this.quality = quality;
        this.charts = charts;
    }

    @GetMapping("/c/{centre}/tableau-de-bord")
    String dashboard(CentreScope scope, @RequestParam(defaultValue = "annee") String type,
                     @RequestParam(required = false) Integer annee, @RequestParam(required = false) LocalDate from,
                     @RequestParam(required = false) LocalDate to, Model model) {
        Period period = period(type, annee, from, to, scope.today());
        Period before = period.previous();
        Indicators cur = indicators.compute(scope.id(), scope.code(), period.from(), period.to());
        Indicators prev = indicators.compute(scope.id(), scope.code(), before.from(), before.to());
        model.addAttribute("type", type);
        model.addAttribute("period", period);
        model.addAttribute("year", annee == null ? defaultYear(type, scope.today()) : annee);
        // distinct members lead; memberships (which a calendar year counts over two seasons) follow, by season
        model.addAttribute("members", rows(memberFigures(cur.members()), memberFigures(prev.members())));
        model.addAttribute("memberLabels", MEMBER_LABELS);
        model.addAttribute("membershipsBySeason", indicators.membershipsBySeason(scope.id(), period.from(), period.to()));
        Publics publics = cur.publics();
        Publics publicsBefore = prev.publics();
        model.addAttribute("publicsTotals", List.of(
                new Row("persons", publics.persons(), publicsBefore.persons()),
                new Row("households", publics.households(), publicsBefore.households())));
        Bands age = bands.age(scope.id());
        Bands qf = bands.qf(scope.id());
        if (!age.equals(Bands.STANDARD_AGE) || !qf.equals(Bands.STANDARD_QF)) {
            // the centre's own bands on its pages; the JSON keeps the standard ones
            publics = publics.inBands(indicators.publicsInBands(scope.id(), period.from(), period.to(), age, qf));
            publicsBefore = publicsBefore.inBands(indicators.publicsInBands(scope.id(), before.from(), before.to(), age, qf));
        }
        Map<String, List<Row>> dimensions = new LinkedHashMap<>();
        Map<String, Map<String, Long>> breakdownsBefore = publicsBefore.breakdowns();
        publics.breakdowns().forEach((d, counts) -> dimensions.put(d, rows(counts, breakdownsBefore.get(d))));
        model.addAttribute("dimensions", dimensions);
        model.addAttribute("sectors", sectorRows(cur, prev));
        Map<String, UnitFigures.Sector> sectorFigures = new LinkedHashMap<>();
        cur.sectors().forEach(sector -> sectorFigures.put(sector.name(), sector));
        model.addAttribute("sectorFigures", sectorFigures);
        Reception reception = cur.reception();
        Reception receptionBefore = prev.reception();
        model.addAttribute("receptionTotals", rows(receptionFigures(reception), receptionFigures(receptionBefore)));
        model.addAttribute("themes", rows(reception.byTheme(), receptionBefore.byTheme()));
        Function<String, String> ageBand = k -> Vocabulary.breakdown("byAgeBand", k);
        Function<String, String> qfBand = k -> Vocabulary.breakdown("byQfBand", k);
        Map<String, String> themeLabels = themes.list(scope.id()).stream()
                .collect(Collectors.toMap(ThemeService.Theme::code, ThemeService.Theme::label));
        Function<String, String> theme = k -> themeLabels.getOrDefault(k, k);
        model.addAttribute("ageChart", charts.bars("Publics par tranche d'âge", AnnualReportService.named(publics.byAgeBand(), ageBand),
                AnnualReportService.named(publicsBefore.byAgeBand(), ageBand), false));
        model.addAttribute("qfChart", charts.bars("Publics par quotient familial", AnnualReportService.named(publics.byQfBand(), qfBand),
                AnnualReportService.named(publicsBefore.byQfBand(), qfBand), false));
        model.addAttribute("themeChart", charts.bars("Accueil : demandes par thème", AnnualReportService.named(reception.byTheme(), theme),
                AnnualReportService.named(receptionBefore.byTheme(), theme), true));
        model.addAttribute("themeLabels", themeLabels);
        model.addAttribute("quality", quality.issues(scope.id(), period.from(), period.to()));
        return "reporting/dashboard";
    }

    /** The persons counted in a figure of the publics: the list's length is the figure. */
    @GetMapping("/c/{centre}/tableau-de-bord/personnes")
    String persons(CentreScope scope, @RequestParam LocalDate from, @RequestParam LocalDate to,
                   @RequestParam(defaultValue = "persons") String dimension, @RequestParam(defaultValue = "") String value,
                   Model model) {
        scope.requirePersonalData();
        try {
            model.addAttribute("persons", indicators.publicsPersons(scope.id(), from, to, dimension, value,
                    bands.age(scope.id()), bands.qf(scope.id())));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        model.addAttribute("period", Period.range(from, to));
        model.addAttribute("dimension", dimension);
        model.addAttribute("value", value);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> persons = (List<Map<String, Object>>) model.getAttribute("persons");
        model.addAttribute(ListDownload.MODEL, new ListDownload(ListDownload.fileName("personnes", from, to),
                List.of("Nom", "Prénom", "Premier contact"), persons.stream()
                .map(p -> List.<Object>of(text(p.get("last_name")), text(p.get("first_name")), text(p.get("first_date")))).toList()));
        return "reporting/persons";
    }

    /** The memberships, households or persons counted in a figure of the membership table. */
    @GetMapping("/c/{centre}/tableau-de-bord/adhesions")
    String members(CentreScope scope, @RequestParam LocalDate from, @RequestParam LocalDate to,
                   @RequestParam(defaultValue = "memberships") String quoi, Model model) {
        scope.requirePersonalData();
        return records(model, Period.range(from, to), "Vie associative : " + MEMBER_FIGURES.get(quoi),
                badRequestUnless(MEMBER_FIGURES.containsKey(quoi), () -> drillDown.members(scope.id(), from, to, quoi)));
    }

    /** The persons, households or sessions counted for a sector. */
    @GetMapping("/c/{centre}/tableau-de-bord/secteur")
    String sector(CentreScope scope, @RequestParam LocalDate from, @RequestParam LocalDate to,
                  @RequestParam String nom, @RequestParam(defaultValue = "persons") String quoi, Model model) {
        scope.requirePersonalData();
        Long id = drillDown.sectorId(scope.id(), nom);
        if (id == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Secteur inconnu : " + nom);
        }
        return records(model, Period.range(from, to), "Secteur " + nom + " : " + unitFigure(quoi),
                badRequestUnless(unitFigure(quoi) != null, () -> drillDown.unit(scope.id(), from, to, "sector_id", id, quoi)));
    }

    /** The persons, households or sessions counted for an activity. */
    @GetMapping("/c/{centre}/tableau-de-bord/activite")
    String activity(CentreScope scope, @RequestParam LocalDate from, @RequestParam LocalDate to, @RequestParam long id,
                    @RequestParam(defaultValue = "persons") String quoi, Model model) {
        scope.requirePersonalData();
        String name = activities.find(scope.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)).name();
        return records(model, Period.range(from, to), name + " : " + unitFigure(quoi),
                badRequestUnless(unitFigure(quoi) != null, () -> drillDown.unit(scope.id(), from, to, "activity_id", id, quoi)));
    }

    /** The households counted in {@code publics.households}. */
    @GetMapping("/c/{centre}/tableau-de-bord/foyers")
    String households(CentreScope scope, @RequestParam LocalDate from, @RequestParam LocalDate to, Model model) {
        scope.requirePersonalData();
        return records(model, Period.range(from, to), "Foyers touchés", drillDown.publicsHouseholds(scope.id(), from, to));
    }

    /** The persons counted in {@code reception.persons}. */
    @GetMapping("/c/{centre}/tableau-de-bord/accueil-personnes")
    String receptionPersons(CentreScope scope, @RequestParam LocalDate from, @RequestParam LocalDate to, Model model) {
        scope.requirePersonalData();
        return records(model, Period.range(from, to), "Personnes venues à l'accueil", drillDown.receptionPersons(scope.id(), from, to));
    }

    /** The contacts counted in a reception figure. */
    @GetMapping("/c/{centre}/tableau-de-bord/contacts")
    String contacts(CentreScope scope, @RequestParam LocalDate from, @RequestParam LocalDate to,
                    @RequestParam(defaultValue = "") String theme, @RequestParam(defaultValue = "") String canal,
                    @RequestParam(defaultValue = "") String statut, @RequestParam(defaultValue = "false") boolean anonymes,
                    Model model) {
        scope.requirePersonalData();
        List<Map<String, Object>> contacts = drillDown.contacts(scope.id(), from, to,
                new DrillDown.ContactFilter(theme, canal, statut, anonymes));
        model.addAttribute("contacts", contacts);
        model.addAttribute(ListDownload.MODEL, new ListDownload(ListDownload.fileName("contacts", from, to),
                List.of("Date", "Canal", "Personne"), contacts.stream()
                .map(c -> List.<Object>of(text(c.get("date")), fr.trame.form.Vocabulary.label(text(c.get("channel"))), text(c.get("person")))).toList()));
        model.addAttribute("period", Period.range(from, to));
        model.addAttribute("theme", theme.isEmpty() ? "" : themes.list(scope.id()).stream().filter(t -> t.code().equals(theme))
                .map(fr.trame.reception.ThemeService.Theme::label).findFirst().orElse(theme));
        model.addAttribute("canal", canal);
        model.addAttribute("statut", statut);
        return "reporting/contacts";
    }

    /** How a figure of a sector or an activity is named, or null when it is not one. */
    private static String unitFigure(String figure) {
        String[] breakdown = figure.split(":", 2);
        if (breakdown.length == 2 && (breakdown[0].equals("bySex") || breakdown[0].equals("byAgeBand"))) {
            return "personnes présentes (" + (breakdown[0].equals("bySex") ? "sexe" : "tranche d'âge") + " : " + breakdown[1] + ")";
        }
        return UNIT_FIGURES.get(figure);
    }

    private static String records(Model model, Period period, String title, List<DrillDown.Item> items) {
        model.addAttribute("period", period);
        model.addAttribute("title", title);
        model.addAttribute("items", items);
        model.addAttribute(ListDownload.MODEL, new ListDownload(ListDownload.fileName(title, period.from(), period.to()),
                List.of(title, "Détail"), items.stream().map(i -> List.<Object>of(i.label(), text(i.detail()))).toList()));
        return "reporting/records";
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static <T> T badRequestUnless(boolean known, java.util.function.Supplier<T> list) {
        if (!known) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Chiffre inconnu.");
        }
        return list.get();
    }

    @GetMapping("/c/{centre}/tranches")
    String bandsForm(CentreScope scope, Model model) {
        model.addAttribute("age", bands.age(scope.id()).text());
        model.addAttribute("qf", bands.qf(scope.id()).text());
        model.addAttribute("canWrite", scope.canDirect());
        return "reporting/bands";
    }

    @org.springframework.web.bind.annotation.PostMapping("/c/{centre}/tranches")
    String saveBands(CentreScope scope, @RequestParam String age, @RequestParam String qf, Model model,
                     org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
        scope.requireDirection();
        fr.trame.form.FieldErrors errors = new fr.trame.form.FieldErrors();
        Bands ageBands = null;
        Bands qfBands = null;
        try {
            ageBands = Bands.parse(age);
        } catch (IllegalArgumentException e) {
            errors.add("age", "Âges : " + e.getMessage());
        }
        try {
            qfBands = Bands.parse(qf);
        } catch (IllegalArgumentException e) {
            errors.add("qf", "QF : " + e.getMessage());
        }
        if (errors.any()) {
            model.addAttribute("age", age);
            model.addAttribute("qf", qf);
            model.addAttribute("errors", errors);
            model.addAttribute("canWrite", true);
            return "reporting/bands";
        }
        bands.save(scope.id(), "age", ageBands.equals(Bands.STANDARD_AGE) ? null : ageBands);
        bands.save(scope.id(), "qf", qfBands.equals(Bands.STANDARD_QF) ? null : qfBands);
        flash.addFlashAttribute("message", "Tranches enregistrées.");
        return "redirect:" + scope.base() + "/tranches";
    }

    @GetMapping("/c/{centre}/qualite")
    String qualityList(CentreScope scope, @RequestParam String quoi, @RequestParam LocalDate from,
                       @RequestParam LocalDate to, Model model) {
        scope.requirePersonalData();
        String label = quality.label(quoi);
        if (label == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("label", label);
        model.addAttribute("items", quality.items(scope.id(), quoi, from, to));
        return "reporting/quality";
    }

    private static Period period(String type, Integer year, LocalDate from, LocalDate to, LocalDate today) {
        int y = year == null ? defaultYear(type, today) : year;
        return switch (type) {
            case "scolaire" -> Period.schoolYear(y);
            case "libre" -> {
                if (from == null || to == null || to.isBefore(from)) {
                    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Indiquez le début et la fin de la période.");
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

    private static List<Row> sectorRows(Indicators cur, Indicators prev) {
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

    private static List<Row> rows(Map<String, Long> cur, Map<String, Long> prev) {
        List<Row> rows = new ArrayList<>();
        cur.forEach((k, v) -> rows.add(new Row(k, v, prev.getOrDefault(k, 0L))));
        prev.forEach((k, v) -> {
            if (!cur.containsKey(k)) {
                rows.add(new Row(k, 0, v));
            }
        });
        return rows;
    }
}
