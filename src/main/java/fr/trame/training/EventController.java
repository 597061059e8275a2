package fr.trame.training;

import fr.trame.csv.CsvImportException;
import fr.trame.federation.FederationScope;
import fr.trame.federation.Structure;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureService;
import fr.trame.federation.Territory;
import fr.trame.federation.TerritoryService;
import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Forbidden;
import fr.trame.form.Form;
import fr.trame.form.NotFound;
import fr.trame.form.Parse;
import fr.trame.form.Refused;
import fr.trame.form.Vocabulary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The network's events: the year's list with its figures, an event's page with its figures (each linking to its
 * records), registrations (one at a time, or a CSV file), presence on the day, volunteers' shifts. The direction writes;
 * a délégué registers people of the structures of their ATs; a reader reads figures, never a name.
 */
@Controller
class EventController {

    /** Lines of the presence sheet at once: a sheet posts its ids and the ticked ones, under the request's limits. */
    static final int SHEET = 250;
    /** Lines of the records at once. */
    static final int PAGE = 500;

    private final EventService events;
    private final EventImporter importer;
    private final StructureService structures;
    private final TerritoryService territories;
    private final RegistrableStructures registrable;

    EventController(EventService events, EventImporter importer, StructureService structures, TerritoryService territories,
                    RegistrableStructures registrable) {
        this.events = events;
        this.importer = importer;
        this.structures = structures;
        this.territories = territories;
        this.registrable = registrable;
    }

    // --- the year's list

    @GetMapping("/f/{federation}/evenements")
    String list(FederationScope fed, @RequestParam(required = false) String annee, Model model) {
        return listPage(fed, year(fed, annee, model), model, Map.of("kind", "course"), new FieldErrors());
    }

    private String listPage(FederationScope fed, int year, Model model, Map<String, String> typed, FieldErrors errors) {
        model.addAttribute("year", year);
        model.addAttribute("events", events.list(fed.id(), year));
        model.addAttribute("figures", events.yearFigures(fed.id(), year));
        model.addAttribute("kinds", kinds());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "training/events";
    }

    private static int year(FederationScope fed, String annee, Model model) {
        AskedYear asked = AskedYear.of(annee, () -> fed.today().getYear(), "les événements de ");
        if (asked.notice() != null) {
            model.addAttribute("notice", asked.notice());
        }
        return asked.year();
    }

    static final class NetworkEventForm implements Form {
        public String kind;
        public String title;
        public String startsOn;
        public String endsOn;
        public String place;
        public String description;
        public String capacity;
        private LocalDate start;
        private LocalDate end;
        private Integer places;

        @Override
        public void validate(Errors errors) {
            Checks.choice(errors, "kind", kind, true, EventService.KINDS);
            Checks.text(errors, "title", title, true, 300);
            start = Checks.dateInYears(errors, "startsOn", startsOn, true);
            end = Checks.dateInYears(errors, "endsOn", endsOn, false);
            Checks.notBefore(errors, "endsOn", end, start);
            Checks.text(errors, "place", place, false, 300);
            Checks.text(errors, "description", description, false, 4000);
            places = Checks.integer(errors, "capacity", capacity, false, 1, 100_000);
        }

        EventService.NewEvent toEvent() {
            return new EventService.NewEvent(kind.trim(), Checks.clean(title), start, end == null ? start : end,
                    Checks.clean(place), Checks.clean(description), places);
        }
    }

    @PostMapping("/f/{federation}/evenements")
    String create(FederationScope fed, @Validated NetworkEventForm form, BindingResult binding, Model model,
                  RedirectAttributes flash) {
        fed.requireDirection();
        if (binding.hasErrors()) {
            return listPage(fed, fed.today().getYear(), model, form.typed(), FieldErrors.of(binding));
        }
        try {
            long id = events.create(fed.id(), form.toEvent());
            flash.addFlashAttribute("message", "Événement enregistré : inscrivez les participant·e·s.");
            return "redirect:" + fed.base() + "/evenements/" + id;
        } catch (Refused e) {
            FieldErrors errors = new FieldErrors();
            errors.add(e.field() == null ? "title" : e.field(), e.getMessage());
            return listPage(fed, fed.today().getYear(), model, form.typed(), errors);
        }
    }

    // --- an event

    @GetMapping("/f/{federation}/evenements/{id}")
    String show(FederationScope fed, @PathVariable long id, Model model) {
        return page(fed, id, model, Map.of("quality", "benevole"), new FieldErrors());
    }

    private String page(FederationScope fed, long id, Model model, Map<String, String> typed, FieldErrors errors) {
        EventService.Event event = events.get(fed.id(), id);
        model.addAttribute("event", event);
        model.addAttribute("figures", events.figures(fed.id(), id, EventService.Filter.ALL));
        model.addAttribute("byDepartement", events.byDepartement(fed.id(), id));
        model.addAttribute("byTerritory", events.byTerritory(fed.id(), id));
        model.addAttribute("byQuality", events.byQuality(fed.id(), id));
        model.addAttribute("byCategory", events.byCategory(fed.id(), id));
        model.addAttribute("posts", events.posts(fed.id(), id));
        model.addAttribute("atNames", atNames(fed));
        model.addAttribute("canRegister", fed.isDirection() || fed.isDelegue() && !fed.territories().isEmpty());
        model.addAttribute("registrable", registrable.of(fed));
        model.addAttribute("qualities", qualities());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "training/event";
    }

    static final class EventRegistrationForm implements Form {
        public String structureId;
        public String lastName;
        public String firstName;
        public String quality;
        public String category;
        private Long structure;

        @Override
        public void validate(Errors errors) {
            structure = Checks.id(errors, "structureId", structureId, false);
            Checks.text(errors, "lastName", lastName, true, 100);
            Checks.text(errors, "firstName", firstName, true, 100);
            Checks.choice(errors, "quality", quality, true, EventService.QUALITIES);
            Checks.text(errors, "category", category, false, 60);
        }

        EventService.NewRegistration toRegistration() {
            return new EventService.NewRegistration(structure, lastName.trim(), firstName.trim(), quality.trim(),
                    Checks.clean(category));
        }
    }

    @PostMapping("/f/{federation}/evenements/{id}/inscriptions")
    String register(FederationScope fed, @PathVariable long id, @Validated EventRegistrationForm form, BindingResult binding,
                    Model model, RedirectAttributes flash) {
        events.get(fed.id(), id);
        fed.requireWriter();
        if (!binding.hasFieldErrors("structureId")) {
            requireRegistrable(fed, form.structure);
        }
        if (binding.hasErrors()) {
            return page(fed, id, model, form.typed(), FieldErrors.of(binding));
        }
        try {
            events.register(fed.id(), id, form.toRegistration(), fed.userId() == 0 ? null : fed.userId());
        } catch (Refused e) {
            FieldErrors errors = new FieldErrors();
            errors.add(e.field() == null ? "lastName" : e.field(), e.getMessage());
            return page(fed, id, model, form.typed(), errors);
        }
        flash.addFlashAttribute("message", form.firstName.trim() + " " + form.lastName.trim() + " est inscrit·e.");
        return "redirect:" + fed.base() + "/evenements/" + id + "#inscrire";
    }

    /** The direction registers anyone; a délégué, people of the structures of the ATs they follow. */
    private void requireRegistrable(FederationScope fed, Long structureId) {
        if (structureId == null) {
            if (!fed.isDirection()) {
                fed.requireWriter();
                throw new Forbidden("Seule la direction inscrit des personnes hors du réseau : choisissez la structure.");
            }
            return;
        }
        Structure s;
        try {
            s = structures.get(fed.id(), structureId, fed.today());
        } catch (NotFound e) {
            throw new NotFound("Cette structure n'est pas dans le registre de votre fédération.");
        }
        fed.requireEdit(s.territoryId(), "Cette structure n'est pas dans un territoire qui vous est confié.");
    }

    @PostMapping("/f/{federation}/evenements/{id}/import")
    String importFile(FederationScope fed, @PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file,
                      Model model) {
        events.get(fed.id(), id);
        fed.requireWriter();
        if (file == null || file.isEmpty()) {
            model.addAttribute("refusal", CsvImportException.wholeFile("aucun fichier choisi, ou fichier vide"));
        } else {
            model.addAttribute("fileName", file.getOriginalFilename());
            EventImporter.Importer who = new EventImporter.Importer(fed.isDirection() ? null : Set.copyOf(fed.territories()),
                    fed.userId() == 0 ? null : fed.userId());
            try (InputStream in = file.getInputStream()) {
                model.addAttribute("result", importer.importCsv(fed.id(), id, in, who));
            } catch (CsvImportException e) {
                model.addAttribute("refusal", e);
            } catch (IOException e) {
                model.addAttribute("refusal", CsvImportException.wholeFile("fichier illisible : " + e.getMessage()));
            }
        }
        return page(fed, id, model, Map.of("quality", "benevole"), new FieldErrors());
    }

    // --- the records behind the figures

    @GetMapping("/f/{federation}/evenements/{id}/inscriptions")
    String records(FederationScope fed, @PathVariable long id, @RequestParam Map<String, String> params, Model model) {
        EventService.Event event = events.get(fed.id(), id);
        EventService.Filter filter = filter(params);
        int page = page(params.get("page"));
        model.addAttribute("event", event);
        model.addAttribute("filter", filter);
        model.addAttribute("figures", events.figures(fed.id(), id, filter));
        model.addAttribute("structureLines", events.structures(fed.id(), id, filter));
        boolean names = fed.seesNames();
        model.addAttribute("seesNames", names);
        model.addAttribute("registrations", names ? events.registrations(fed.id(), id, filter, PAGE, page * PAGE) : List.of());
        model.addAttribute("page", page);
        model.addAttribute("pageSize", PAGE);
        model.addAttribute("atNames", atNames(fed));
        model.addAttribute("filterLabel", filterLabel(filter, atNames(fed)));
        return "training/event-records";
    }

    /** The filter of the records' URL; a value that can't be one is not found, rather than silently ignored. */
    static EventService.Filter filter(Map<String, String> params) {
        String departement = param(params, "departement");
        if (departement != null && !departement.matches("-|2A|2B|[0-9]{2,3}")) {
            throw new NotFound("Ce département n'existe pas.");
        }
        String quality = param(params, "qualite");
        if (quality != null && !EventService.QUALITIES.contains(quality)) {
            throw new NotFound("Cette qualité n'existe pas.");
        }
        String presence = param(params, "presence");
        if (presence != null && !EventService.PRESENCES.contains(presence)) {
            throw new NotFound("Ce pointage n'existe pas.");
        }
        String category = param(params, "categorie");
        if (category != null && category.length() > 60) {
            throw new NotFound("Cette catégorie n'existe pas.");
        }
        return new EventService.Filter(departement, number(params, "at"), number(params, "structure"), quality, presence,
                category);
    }

    private static String param(Map<String, String> params, String name) {
        String v = params.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static Long number(Map<String, String> params, String name) {
        String v = param(params, name);
        if (v == null) {
            return null;
        }
        if (!v.matches("[0-9]{1,18}")) {
            throw new NotFound("Ce filtre ne désigne rien.");
        }
        return Long.valueOf(v);
    }

    private static int page(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        if (!text.trim().matches("[0-9]{1,5}")) {
            throw new NotFound("Cette page n'existe pas.");
        }
        return Integer.parseInt(text.trim());
    }

    private static String filterLabel(EventService.Filter f, Map<String, String> ats) {
        List<String> parts = new ArrayList<>();
        if (f.departement() != null) {
            parts.add(f.departement().equals("-") ? "hors du réseau et individuels" : "département " + f.departement());
        }
        if (f.territoryId() != null) {
            parts.add(f.territoryId() == 0 ? "structures sans AT" : "AT " + ats.getOrDefault(String.valueOf(f.territoryId()), "?"));
        }
        if (f.quality() != null) {
            parts.add(Vocabulary.label("event-quality", f.quality()));
        }
        if (f.presence() != null) {
            parts.add(Vocabulary.label("event-presence", f.presence()));
        }
        if (f.category() != null) {
            parts.add(f.category().equals("-") ? "sans catégorie" : "catégorie « " + f.category() + " »");
        }
        return String.join(" · ", parts);
    }

    // --- presence on the day

    @GetMapping("/f/{federation}/evenements/{id}/presences")
    String sheet(FederationScope fed, @PathVariable long id, @RequestParam(required = false) String structure,
                 @RequestParam(required = false) String page, Model model) {
        fed.requireDirection();
        EventService.Event event = events.get(fed.id(), id);
        Map<String, String> params = new HashMap<>();
        params.put("structure", structure);
        EventService.Filter filter = filter(params);
        int p = page(page);
        model.addAttribute("event", event);
        model.addAttribute("structureId", filter.structureId());
        model.addAttribute("page", p);
        model.addAttribute("sheet", SHEET);
        model.addAttribute("figures", events.figures(fed.id(), id, filter));
        model.addAttribute("structureLines", events.structures(fed.id(), id, EventService.Filter.ALL));
        model.addAttribute("registrations", events.registrations(fed.id(), id, filter, SHEET, p * SHEET));
        return "training/event-presences";
    }

    /** The sheet as sent: the ids it showed, and those ticked present. */
    static final class PresenceForm implements Form {
        public List<String> shown;
        public List<String> present;
        public String structure;
        public String page;

        @Override
        public void validate(Errors errors) {
            if (shown != null && shown.size() > SHEET) {
                errors.rejectValue("shown", "range", new Object[] {1, SHEET}, null);
            }
        }

        static List<Long> ids(List<String> values) {
            List<Long> ids = new ArrayList<>();
            for (String v : values == null ? List.<String>of() : values) {
                Long id = Parse.id(v);
                if (id == null) {
                    throw new NotFound("Une ligne de la feuille ne désigne aucune inscription.");
                }
                ids.add(id);
            }
            return ids;
        }
    }

    @PostMapping("/f/{federation}/evenements/{id}/presences")
    String mark(FederationScope fed, @PathVariable long id, @Validated PresenceForm form, BindingResult binding,
                RedirectAttributes flash) {
        fed.requireDirection();
        events.get(fed.id(), id);
        if (binding.hasErrors()) {
            throw new Refused("Une feuille compte " + SHEET + " lignes au plus.");
        }
        List<Long> shown = PresenceForm.ids(form.shown);
        List<Long> present = PresenceForm.ids(form.present);
        int n = events.markPresence(fed.id(), id, shown, present);
        flash.addFlashAttribute("message", "Présences enregistrées : " + present.size() + " présent·e(s) et "
                + (n - present.size()) + " absent·e(s) sur cette feuille.");
        String back = fed.base() + "/evenements/" + id + "/presences";
        List<String> query = new ArrayList<>();
        if (form.structure != null && form.structure.matches("[0-9]{1,18}")) {
            query.add("structure=" + form.structure);
        }
        if (form.page != null && form.page.matches("[0-9]{1,5}")) {
            query.add("page=" + form.page);
        }
        return "redirect:" + back + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    // --- volunteers' shifts

    @GetMapping("/f/{federation}/evenements/{id}/benevoles")
    String shifts(FederationScope fed, @PathVariable long id, Model model) {
        EventService.Event event = events.get(fed.id(), id);
        return shiftsPage(fed, event, model, Map.of("day", event.startsOn().format(Parse.FRENCH_DATE)), new FieldErrors());
    }

    private String shiftsPage(FederationScope fed, EventService.Event event, Model model, Map<String, String> typed,
                              FieldErrors errors) {
        model.addAttribute("event", event);
        model.addAttribute("posts", events.posts(fed.id(), event.id()));
        boolean names = fed.seesNames();
        model.addAttribute("seesNames", names);
        model.addAttribute("shifts", names ? events.shifts(fed.id(), event.id()) : List.of());
        List<EventService.Overlap> overlaps = events.overlaps(fed.id(), event.id(), null);
        model.addAttribute("overlapCount", overlaps.size());
        model.addAttribute("overlaps", names ? overlaps : List.of());
        model.addAttribute("structures", structures.list(fed.id(), StructureFilter.ALL, fed.today()).stream()
                .sorted(Comparator.comparing(Structure::name)).toList());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "training/event-shifts";
    }

    static final class EventShiftForm implements Form {
        public String personName;
        public String structureId;
        public String post;
        public String day;
        public String start;
        public String end;
        private Long structure;
        private LocalDateTime from;
        private LocalDateTime to;

        @Override
        public void validate(Errors errors) {
            Checks.text(errors, "personName", personName, true, 200);
            structure = Checks.id(errors, "structureId", structureId, false);
            Checks.text(errors, "post", post, true, 100);
            LocalDate d = Checks.dateInYears(errors, "day", day, true);
            LocalTime a = Checks.time(errors, "start", start, true);
            LocalTime b = Checks.time(errors, "end", end, true);
            if (d != null && a != null && b != null) {
                from = d.atTime(a);
                // a shift ending at or before its start goes on past midnight
                to = b.isAfter(a) ? d.atTime(b) : d.plusDays(1).atTime(b);
            }
        }

        EventService.NewShift toShift() {
            return new EventService.NewShift(personName.trim(), structure, post.trim(), from, to);
        }
    }

    @PostMapping("/f/{federation}/evenements/{id}/benevoles")
    String addShift(FederationScope fed, @PathVariable long id, @Validated EventShiftForm form, BindingResult binding,
                    Model model, RedirectAttributes flash) {
        fed.requireDirection();
        EventService.Event event = events.get(fed.id(), id);
        if (binding.hasErrors()) {
            return shiftsPage(fed, event, model, form.typed(), FieldErrors.of(binding));
        }
        List<EventService.Overlap> overlaps;
        try {
            overlaps = events.addShifts(fed.id(), id, List.of(form.toShift()));
        } catch (Refused e) {
            FieldErrors errors = new FieldErrors();
            errors.add(e.field() == null ? "personName" : e.field(), e.getMessage());
            return shiftsPage(fed, event, model, form.typed(), errors);
        }
        flash.addFlashAttribute("message", "Créneau enregistré : " + form.personName.trim() + ", " + form.post.trim() + ".");
        if (!overlaps.isEmpty()) {
            flash.addFlashAttribute("warning", form.personName.trim() + " a déjà un créneau à ces heures-là ("
                    + overlaps.size() + " chevauchement(s)) : voyez la liste des chevauchements.");
        }
        return "redirect:" + fed.base() + "/evenements/" + id + "/benevoles";
    }

    // --- shared

    /** The ATs' names by id, as text (the keys of the breakdowns). */
    private Map<String, String> atNames(FederationScope fed) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Territory t : territories.list(fed.id(), fed.today())) {
            names.put(String.valueOf(t.id()), t.name());
        }
        return names;
    }

    private static Map<String, String> kinds() {
        return Vocabulary.labels("event-kind", EventService.KINDS.toArray(String[]::new));
    }

    private static Map<String, String> qualities() {
        return Vocabulary.labels("event-quality", EventService.QUALITIES.toArray(String[]::new));
    }
}
