package fr.trame.reporting;

import fr.trame.form.NotFound;
import fr.trame.activities.ActivityService;
import fr.trame.centre.CentreScope;
import fr.trame.csv.ListDownload;
import fr.trame.form.Vocabulary;
import fr.trame.reception.CaseOutcomeService;
import fr.trame.reception.CaseService;
import fr.trame.reception.ThemeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The records behind each figure of the dashboard and the report: the list's length is the figure. */
@Controller
class DrillDownController {

    static final Map<String, String> MEMBER_FIGURES = Vocabulary.labels("memberRecords", DashboardController.MEMBER_ORDER);
    static final Map<String, String> UNIT_FIGURES = Vocabulary.labels("unitRecords", "persons", "households", "sessions",
            "planned", "cancelled");
    /** A sector's or an activity's persons by one value of a breakdown: {@code quoi=bySex:F}. */
    static final Map<String, String> UNIT_BREAKDOWNS = Map.of("bySex", "sexe", "byAgeBand", "tranche d'âge",
            "byQuartier", "quartier", "qpv", "domicile en QPV", "sharedPersons", "aussi présentes dans le secteur",
            "school", "école", "schoolLevel", "classe");
    /** The values a breakdown may take, where they are a fixed set: any other is no figure (400), not an empty list. */
    static final Map<String, List<String>> UNIT_VALUES = Map.of("bySex", IndicatorService.SEXES, "byAgeBand",
            IndicatorService.AGE_BANDS, "qpv", IndicatorService.YES_NO);
    /** The members' profile by one value: {@code quoi=profile.bySex:F}, {@code quoi=householdsByQfBand:0-300}. */
    static final Map<String, String> MEMBER_BREAKDOWNS = Map.of("profile.bySex", "personnes adhérentes par sexe",
            "profile.byAgeBand", "personnes adhérentes par tranche d'âge", "profile.byQfBand", "personnes adhérentes par QF",
            "householdsByQfBand", "foyers adhérents par QF");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final List<String> RECEPTION_BREAKDOWNS = List.of("bySex", "byAgeBand", "byQuartier", "qpv");
    static final Map<String, CaseService.PeriodFigure> CASE_FIGURES = Map.of("opened", CaseService.PeriodFigure.OPENED,
            "closed", CaseService.PeriodFigure.CLOSED, "active", CaseService.PeriodFigure.ACTIVE);
    static final Map<String, String> CASE_TITLES = Map.of("opened", "ouverts", "closed", "clos", "active", "actifs");

    private final IndicatorService indicators;
    private final DrillDown drillDown;
    private final ActivityService activities;
    private final ThemeService themes;
    private final BandService bands;
    private final CaseService cases;
    private final CaseOutcomeService outcomes;

    DrillDownController(IndicatorService indicators, DrillDown drillDown, ActivityService activities, ThemeService themes,
                        BandService bands, CaseService cases, CaseOutcomeService outcomes) {
        this.cases = cases;
        this.outcomes = outcomes;
        this.indicators = indicators;
        this.drillDown = drillDown;
        this.activities = activities;
        this.themes = themes;
        this.bands = bands;
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
        model.addAttribute("valueLabel", switch (dimension) {
            case "newPersons" -> Vocabulary.label("newPerson", value);
            case "bySectorCount" -> Vocabulary.label("sectorCount", value);
            case "byFlag" -> indicators.flagLabels(scope.id()).getOrDefault(value, value);
            default -> null;
        });
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
        String figure = memberFigure(quoi);
        return records(model, Period.range(from, to), "Vie associative : " + figure,
                badRequestUnless(figure != null, () -> drillDown.members(scope.id(), from, to, quoi)));
    }

    /** The persons, households or sessions counted for a sector. */
    @GetMapping("/c/{centre}/tableau-de-bord/secteur")
    String sector(CentreScope scope, @RequestParam LocalDate from, @RequestParam LocalDate to,
                  @RequestParam String nom, @RequestParam(defaultValue = "persons") String quoi, Model model) {
        scope.requirePersonalData();
        Long id = drillDown.sectorId(scope.id(), nom);
        if (id == null) {
            throw new NotFound("Secteur inconnu : " + nom);
        }
        return records(model, Period.range(from, to), "Secteur " + nom + " : " + unitFigure(quoi),
                badRequestUnless(unitFigure(quoi) != null, () -> drillDown.unit(scope.id(), from, to, "sector_id", id, quoi)));
    }

    /** The persons, households or sessions counted for an activity. */
    @GetMapping("/c/{centre}/tableau-de-bord/activite")
    String activity(CentreScope scope, @RequestParam LocalDate from, @RequestParam LocalDate to, @RequestParam long id,
                    @RequestParam(defaultValue = "persons") String quoi, Model model) {
        scope.requirePersonalData();
        String name = activities.find(scope.id(), id).orElseThrow(() -> new NotFound()).name();
        if (quoi.startsWith("outcome:")) {
            String code = quoi.substring("outcome:".length());
            return records(model, Period.range(from, to), name + " : participants (issue : "
                    + outcomes.labels(scope.id()).getOrDefault(code, code) + ")",
                    drillDown.participantsWithOutcome(scope.id(), from, to, id, code));
        }
        return records(model, Period.range(from, to), name + " : " + unitFigure(quoi),
                badRequestUnless(unitFigure(quoi) != null, () -> drillDown.unit(scope.id(), from, to, "activity_id", id, quoi)));
    }

    /** The households counted in {@code publics.households}. */
    @GetMapping("/c/{centre}/tableau-de-bord/foyers")
    String households(CentreScope scope, @RequestParam LocalDate from, @RequestParam LocalDate to, Model model) {
        scope.requirePersonalData();
        return records(model, Period.range(from, to), "Foyers touchés", drillDown.publicsHouseholds(scope.id(), from, to));
    }

    /** The sessions behind the report's presences, sessions and hours of all sectors. */
    @GetMapping("/c/{centre}/tableau-de-bord/seances")
    String sessions(CentreScope scope, @RequestParam LocalDate from, @RequestParam LocalDate to, Model model) {
        scope.requirePersonalData();
        return records(model, Period.range(from, to), "Séances tenues", drillDown.sessions(scope.id(), from, to));
    }

    /** The persons counted in {@code reception.persons}, or in one value of one of its breakdowns. */
    @GetMapping("/c/{centre}/tableau-de-bord/accueil-personnes")
    String receptionPersons(CentreScope scope, @RequestParam LocalDate from, @RequestParam LocalDate to,
                            @RequestParam(defaultValue = "") String dimension, @RequestParam(defaultValue = "") String value,
                            Model model) {
        scope.requirePersonalData();
        if (dimension.isEmpty()) {
            return records(model, Period.range(from, to), "Personnes venues à l'accueil",
                    drillDown.receptionPersons(scope.id(), from, to));
        }
        badRequestUnless(RECEPTION_BREAKDOWNS.contains(dimension), () -> null);
        return records(model, Period.range(from, to), "Personnes venues à l'accueil — " + Vocabulary.label("indicator", dimension)
                        + " : " + Vocabulary.breakdown(dimension, value),
                drillDown.receptionPersons(scope.id(), from, to, dimension, value));
    }

    /**
     * The case files behind a figure of {@code reception.cases} ({@code quoi}: opened, closed, active; {@code issue}: an
     * outcome of the closed ones): only those the user may open are listed (CaseService's rule), the others counted.
     */
    @GetMapping("/c/{centre}/tableau-de-bord/dossiers")
    String caseFiles(CentreScope scope, @RequestParam LocalDate from, @RequestParam LocalDate to,
                     @RequestParam(defaultValue = "active") String quoi, @RequestParam(defaultValue = "") String issue, Model model) {
        scope.requireAttendance();
        CaseService.PeriodFigure figure = badRequestUnless(CASE_FIGURES.containsKey(quoi), () -> CASE_FIGURES.get(quoi));
        if (!issue.isEmpty() && figure != CaseService.PeriodFigure.CLOSED) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Chiffre inconnu.");
        }
        CaseService.CountedFiles files = cases.countedIn(scope, from, to, figure, issue);
        String title = "Dossiers d'accompagnement " + CASE_TITLES.get(quoi)
                + (issue.isEmpty() ? "" : " — issue : " + outcomes.labels(scope.id()).getOrDefault(issue, issue));
        List<DrillDown.Item> items = files.readable().stream().map(c -> new DrillDown.Item(c.holder() + " — " + c.subject(),
                "/dossiers/" + c.id(), "ouvert le " + c.openedOn().format(DAY)
                + (c.closedOn() == null ? ", en cours" : ", clos le " + c.closedOn().format(DAY) + " : " + c.outcome())
                + " (" + c.referentName() + ")")).toList();
        model.addAttribute("hidden", files.hidden());
        return records(model, Period.range(from, to), title, items);
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
                .map(c -> List.<Object>of(text(c.get("date")), Vocabulary.label(text(c.get("channel"))), text(c.get("person")))).toList()));
        model.addAttribute("period", Period.range(from, to));
        model.addAttribute("theme", theme.isEmpty() ? "" : themes.list(scope.id()).stream().filter(t -> t.code().equals(theme))
                .map(ThemeService.Theme::label).findFirst().orElse(theme));
        model.addAttribute("canal", canal);
        model.addAttribute("statut", statut);
        return "reporting/contacts";
    }

    /** How a figure of a sector or an activity is named, or null when it is not one. */
    private static String unitFigure(String figure) {
        String[] breakdown = figure.split(":", 2);
        if (breakdown.length == 2 && breakdown[0].equals("byAttendanceRate") && IndicatorService.RATE_BANDS.contains(breakdown[1])) {
            return "personnes présentes à " + breakdown[1] + " % des séances tenues";
        }
        if (breakdown.length == 2 && UNIT_BREAKDOWNS.containsKey(breakdown[0])
                && UNIT_VALUES.getOrDefault(breakdown[0], List.of(breakdown[1])).contains(breakdown[1])) {
            return "personnes présentes (" + UNIT_BREAKDOWNS.get(breakdown[0]) + " : "
                    + Vocabulary.breakdown(breakdown[0], breakdown[1]) + ")";
        }
        return figure.equals("newPersons") ? "personnes nouvelles" : UNIT_FIGURES.get(figure);
    }

    /** How a figure of the membership table or of the members' profile is named, or null when it is not one. */
    private static String memberFigure(String figure) {
        String[] breakdown = figure.split(":", 2);
        if (breakdown.length == 2 && MEMBER_BREAKDOWNS.containsKey(breakdown[0])) {
            return MEMBER_BREAKDOWNS.get(breakdown[0]) + " : "
                    + Vocabulary.breakdown(breakdown[0].replace("profile.", "").replace("householdsBy", "by"), breakdown[1]);
        }
        return MEMBER_FIGURES.get(figure);
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

    private static <T> T badRequestUnless(boolean known, Supplier<T> list) {
        if (!known) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Chiffre inconnu.");
        }
        return list.get();
    }
}
