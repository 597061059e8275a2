package fr.trame.reporting;

import fr.trame.form.NotFound;
import fr.trame.activities.ActivityService;
import fr.trame.centre.CentreScope;
import fr.trame.csv.ListDownload;
import fr.trame.form.Vocabulary;
import fr.trame.reception.ThemeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The records behind each figure of the dashboard and the report: the list's length is the figure. */
@Controller
class DrillDownController {

    static final Map<String, String> MEMBER_FIGURES = Vocabulary.labels("memberRecords", DashboardController.MEMBER_ORDER);
    static final Map<String, String> UNIT_FIGURES = Vocabulary.labels("unitRecords", "persons", "households", "sessions");

    private final IndicatorService indicators;
    private final DrillDown drillDown;
    private final ActivityService activities;
    private final ThemeService themes;
    private final BandService bands;

    DrillDownController(IndicatorService indicators, DrillDown drillDown, ActivityService activities, ThemeService themes,
                        BandService bands) {
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

    private static <T> T badRequestUnless(boolean known, Supplier<T> list) {
        if (!known) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Chiffre inconnu.");
        }
        return list.get();
    }
}
