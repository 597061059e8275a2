package fr.trame.catalogue;

import fr.trame.catalogue.CatalogueFormat.Field;
import fr.trame.catalogue.CatalogueFormat.Kind;
import fr.trame.catalogue.CatalogueSearch.Facet;
import fr.trame.centre.CentreScope;
import fr.trame.centre.Role;
import fr.trame.form.FieldErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The actions catalogue: search with facets, an action's page, a centre's own actions, import, statistics. */
@Controller
public class CatalogueController {

    private final CatalogueService catalogue;
    private final CatalogueSearch search;
    private final CatalogueLinks links;

    public CatalogueController(CatalogueService catalogue, CatalogueSearch search, CatalogueLinks links) {
        this.catalogue = catalogue;
        this.search = search;
        this.links = links;
    }

    @GetMapping("/c/{centre}/catalogue")
    String list(CentreScope scope, @RequestParam MultiValueMap<String, String> params, Model model) {
        Map<Facet, List<String>> chosen = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            List<String> values = params.getOrDefault(facet.param(), List.of()).stream().filter(v -> !v.isBlank()).toList();
            if (!values.isEmpty()) {
                chosen.put(facet, values);
            }
        }
        String text = params.getFirst("q") == null ? "" : params.getFirst("q").trim();
        int page = parsePage(params.getFirst("page"));
        boolean mine = "1".equals(params.getFirst("mien"));
        CatalogueSearch.Criteria criteria = new CatalogueSearch.Criteria(text, chosen, mine, page);
        model.addAttribute("criteria", criteria);
        model.addAttribute("result", search.search(scope.id(), criteria));
        model.addAttribute("facets", Facet.values());
        model.addAttribute("links", new SearchLinks(scope.base() + "/catalogue", text, chosen, mine));
        model.addAttribute("canWrite", scope.role().takesAttendance());
        model.addAttribute("canImport", canImport(scope));
        return "catalogue/list";
    }

    @GetMapping("/c/{centre}/catalogue/{id:[0-9]+}")
    String show(CentreScope scope, @PathVariable long id, @RequestParam(required = false) Integer annee, Model model) {
        Map<String, Object> action = catalogue.find(scope.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean own = Long.valueOf(scope.id()).equals(action.get("owner_centre_id"));
        int year = annee == null ? scope.today().getYear() : annee;
        model.addAttribute("action", action);
        model.addAttribute("shown", shown(action));
        model.addAttribute("own", own);
        model.addAttribute("year", year);
        if (own) {
            model.addAttribute("linked", links.linked(scope.id(), id, year));
            model.addAttribute("activityChoices", links.activityChoices(scope.id()));
            model.addAttribute("objectiveChoices", links.objectives(scope.id(), year));
        }
        return "catalogue/show";
    }

    @GetMapping("/c/{centre}/catalogue/nouvelle")
    String newForm(CentreScope scope, Model model) {
        requireWriter(scope);
        Map<String, List<String>> typed = new LinkedHashMap<>();
        typed.put(Field.STRUCTURE.name(), List.of(scope.name()));
        return form(model, null, "", "", typed, new FieldErrors());
    }

    @PostMapping("/c/{centre}/catalogue/nouvelle")
    String create(CentreScope scope, @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes flash) {
        requireWriter(scope);
        return save(scope, null, form, model, flash);
    }

    @GetMapping("/c/{centre}/catalogue/{id:[0-9]+}/modifier")
    String editForm(CentreScope scope, @PathVariable long id, Model model) {
        requireWriter(scope);
        Map<String, Object> action = ownAction(scope, id);
        Map<String, List<String>> typed = new LinkedHashMap<>();
        for (Field field : Field.values()) {
            Object value = action.get(field.column());
            if (value instanceof List<?> list) {
                typed.put(field.name(), list.stream().map(Object::toString).toList());
            } else if (value != null) {
                typed.put(field.name(), List.of(value.toString()));
            }
        }
        return form(model, id, (String) action.get("title"), (String) action.get("departement"), typed, new FieldErrors());
    }

    @PostMapping("/c/{centre}/catalogue/{id:[0-9]+}/modifier")
    String update(CentreScope scope, @PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
                  RedirectAttributes flash) {
        requireWriter(scope);
        ownAction(scope, id);
        return save(scope, id, form, model, flash);
    }

    @PostMapping("/c/{centre}/catalogue/{id:[0-9]+}/publication")
    String publish(CentreScope scope, @PathVariable long id, @RequestParam boolean publier, RedirectAttributes flash) {
        scope.requireDirection();
        if (!catalogue.publish(scope.id(), id, publier)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        flash.addFlashAttribute("message", publier ? "L'action est publiée : les autres centres la voient dans le catalogue."
                : "L'action est retirée du catalogue : seul votre centre la voit.");
        return "redirect:" + scope.base() + "/catalogue/" + id;
    }

    @PostMapping("/c/{centre}/catalogue/{id:[0-9]+}/activites")
    String linkActivity(CentreScope scope, @PathVariable long id, @RequestParam long activityId) {
        requireWriter(scope);
        links.linkActivity(scope.id(), id, activityId);
        return "redirect:" + scope.base() + "/catalogue/" + id + "#liens";
    }

    @PostMapping("/c/{centre}/catalogue/{id:[0-9]+}/activites/{activityId}/retirer")
    String unlinkActivity(CentreScope scope, @PathVariable long id, @PathVariable long activityId) {
        requireWriter(scope);
        links.unlinkActivity(scope.id(), id, activityId);
        return "redirect:" + scope.base() + "/catalogue/" + id + "#liens";
    }

    @PostMapping("/c/{centre}/catalogue/{id:[0-9]+}/objectifs")
    String linkObjective(CentreScope scope, @PathVariable long id, @RequestParam long objectiveId) {
        requireWriter(scope);
        links.linkObjective(scope.id(), id, objectiveId);
        return "redirect:" + scope.base() + "/catalogue/" + id + "#liens";
    }

    @PostMapping("/c/{centre}/catalogue/{id:[0-9]+}/objectifs/{objectiveId}/retirer")
    String unlinkObjective(CentreScope scope, @PathVariable long id, @PathVariable long objectiveId) {
        requireWriter(scope);
        links.unlinkObjective(scope.id(), id, objectiveId);
        return "redirect:" + scope.base() + "/catalogue/" + id + "#liens";
    }

    @GetMapping("/c/{centre}/catalogue/import")
    String importForm(CentreScope scope) {
        requireImporter(scope);
        return "catalogue/import";
    }

    @PostMapping("/c/{centre}/catalogue/import")
    String importFile(CentreScope scope, @RequestParam(value = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        requireImporter(scope);
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "Rien n'est importé : choisissez le fichier du catalogue (il est vide ou absent).");
            return "catalogue/import";
        }
        try {
            model.addAttribute("report", catalogue.importText(CatalogueFormat.decode(file.getBytes())));
        } catch (CatalogueFormat.FormatException e) {
            model.addAttribute("error", "Rien n'est importé. Le fichier « " + file.getOriginalFilename()
                    + " » ne suit pas le format du catalogue, " + e.getMessage());
        }
        return "catalogue/import";
    }

    @GetMapping("/c/{centre}/catalogue/statistiques")
    String statistics(CentreScope scope, Model model) {
        model.addAttribute("facetCounts", catalogue.facetCounts());
        model.addAttribute("fillRates", catalogue.fillRates());
        return "catalogue/statistics";
    }

    /** A field of the action form: how it is typed in, and the values it offers. */
    public record FormField(String name, String label, String widget, List<String> choices, boolean required) {
    }

    /** A field of an action as its page shows it: a text kept line for line, or a list of values. */
    public record Shown(String label, String text, List<String> values) {
    }

    /** The action's filled-in fields, in the order of the format. */
    private static List<Shown> shown(Map<String, Object> action) {
        List<Shown> shown = new ArrayList<>();
        for (Field field : Field.values()) {
            Object value = action.get(field.column());
            if (value instanceof List<?> list && !list.isEmpty()) {
                shown.add(new Shown(field.label(), null, list.stream().map(Object::toString).toList()));
            } else if (value instanceof String text && !text.isBlank()) {
                shown.add(new Shown(field.label(), field == Field.STRUCTURE && action.get("departement") != null
                        ? text + " - " + action.get("departement") : text, List.of()));
            }
        }
        return shown;
    }

    /** Reads the form, saves when it is right; else the form again with what was typed and what is wrong. */
    private String save(CentreScope scope, Long id, MultiValueMap<String, String> form, Model model, RedirectAttributes flash) {
        FieldErrors errors = new FieldErrors();
        String title = clean(form.getFirst("title"));
        String departement = clean(form.getFirst("departement"));
        Map<String, List<String>> typed = new LinkedHashMap<>();
        Map<Field, List<String>> values = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            List<String> raw = form.getOrDefault(field.name(), List.of()).stream().map(CatalogueController::clean)
                    .filter(v -> !v.isEmpty()).toList();
            typed.put(field.name(), raw);
            if (field == Field.STRUCTURE) {
                values.put(field, raw.isEmpty() ? List.of() : List.of(raw.get(0) + (departement.isEmpty() ? "" : " - " + departement)));
            } else if (field.kind == Kind.FREE) {
                values.put(field, raw.isEmpty() ? List.of() : List.of(raw.get(0).split("\n", -1)));
            } else {
                values.put(field, raw);
            }
        }
        if (title.isEmpty()) {
            errors.add("title", "Indiquez le titre de l'action.");
        }
        if (title.contains("\n")) {
            errors.add("title", "Le titre tient sur une ligne.");
        }
        requireOne(errors, values, Field.STRUCTURE, "Indiquez la structure qui mène l'action.");
        requireOne(errors, values, Field.STATUS, "Choisissez le statut de l'action.");
        requireOne(errors, values, Field.DIMENSION, "Choisissez la dimension de l'action.");
        if (values.get(Field.STATUS).contains("Terminée") && values.get(Field.END_REASON).isEmpty()) {
            errors.add(Field.END_REASON.name(), "Une action terminée dit pourquoi elle s'est arrêtée.");
        }
        if (!errors.any()) {
            try {
                long saved = catalogue.saveOwn(scope.id(), id, title, values);
                flash.addFlashAttribute("message", id == null
                        ? "Action enregistrée. Elle reste un brouillon de votre centre jusqu'à sa publication."
                        : "Action enregistrée.");
                return "redirect:" + scope.base() + "/catalogue/" + saved;
            } catch (CatalogueService.OwnActionException e) {
                errors.add(e.field() == null ? "title" : e.field().name(), e.getMessage().substring(0, 1).toUpperCase()
                        + e.getMessage().substring(1));
            }
        }
        model.addAttribute("error", "Rien n'est enregistré : corrigez les champs signalés.");
        return form(model, id, title, departement, typed, errors);
    }

    private String form(Model model, Long id, String title, String departement, Map<String, List<String>> typed, FieldErrors errors) {
        model.addAttribute("actionId", id);
        model.addAttribute("pageTitle", id == null ? "Écrire une action de notre centre" : "Modifier l'action");
        model.addAttribute("title", title);
        model.addAttribute("departement", departement == null ? "" : departement);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        List<FormField> fields = new ArrayList<>();
        for (Field field : Field.values()) {
            String vocabulary = field.vocabulary();
            String widget = field == Field.STRUCTURE ? "structure" : field.kind == Kind.FREE ? "text"
                    : field.kind == Kind.CHOICE && field != Field.PUBLIC ? "select" : "checks";
            fields.add(new FormField(field.name(), field.label(), widget, vocabulary == null ? List.of() : catalogue.vocabulary(vocabulary),
                    List.of(Field.STRUCTURE, Field.STATUS, Field.DIMENSION).contains(field)));
        }
        model.addAttribute("fields", fields);
        return "catalogue/form";
    }

    private static void requireOne(FieldErrors errors, Map<Field, List<String>> values, Field field, String message) {
        if (values.get(field).isEmpty()) {
            errors.add(field.name(), message);
        }
    }

    /** Text as typed, with Windows line ends made plain and the blank lines at its end dropped. */
    private static String clean(String value) {
        return value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
    }

    private Map<String, Object> ownAction(CentreScope scope, long id) {
        Map<String, Object> action = catalogue.find(scope.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!Long.valueOf(scope.id()).equals(action.get("owner_centre_id"))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Cette action appartient à un autre centre.");
        }
        return action;
    }

    /** Staff who work with the public write their centre's actions; the federation reads them. */
    private static void requireWriter(CentreScope scope) {
        if (!scope.role().takesAttendance()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Votre rôle ne permet pas d'écrire une action.");
        }
    }

    /** The shared catalogue is loaded by direction, administrators and the federation. */
    private static boolean canImport(CentreScope scope) {
        return scope.canDirect() || scope.role() == Role.FEDERATION;
    }

    private static void requireImporter(CentreScope scope) {
        if (!canImport(scope)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Votre rôle ne permet pas d'importer un catalogue.");
        }
    }

    private static int parsePage(String page) {
        try {
            return page == null ? 1 : Math.max(1, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The addresses of the list page with one facet value added or removed, or another page, the rest kept. */
    public record SearchLinks(String base, String text, Map<Facet, List<String>> chosen, boolean mine) {

        public String toggle(Facet facet, String value) {
            Map<Facet, List<String>> next = new EnumMap<>(Facet.class);
            next.putAll(chosen);
            List<String> values = new ArrayList<>(next.getOrDefault(facet, List.of()));
            if (!values.remove(value)) {
                values.add(value);
            }
            next.put(facet, values);
            return url(next, mine, 1);
        }

        public String page(int page) {
            return url(chosen, mine, page);
        }

        public String mineToggled() {
            return url(chosen, !mine, 1);
        }

        private String url(Map<Facet, List<String>> facets, boolean onlyMine, int page) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(base);
            if (!text.isEmpty()) {
                uri.queryParam("q", text);
            }
            facets.forEach((facet, values) -> values.forEach(v -> uri.queryParam(facet.param(), v)));
            if (onlyMine) {
                uri.queryParam("mien", "1");
            }
            if (page > 1) {
                uri.queryParam("page", page);
            }
            return uri.encode().build().toUriString();
        }
    }
}
