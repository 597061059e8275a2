package fr.trame.federation;

import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The meetings of the network: the list with a year's figures, one meeting with its attendance and figures, the forms.
 * The direction writes every meeting, a délégué those of the ATs they follow; the reader reads.
 */
@Controller
class MeetingController {

    /** Blank attendance lines the form offers. */
    static final int BLANK_ROWS = 8;

    private final MeetingService meetings;
    private final TerritoryService territories;
    private final StructureService structures;

    MeetingController(MeetingService meetings, TerritoryService territories, StructureService structures) {
        this.meetings = meetings;
        this.territories = territories;
        this.structures = structures;
    }

    /** What the list is narrowed to, as the page's filter says it. */
    record Selection(int year, String territory, String kind, MeetingService.Filter filter, String notice) {
    }

    Selection selection(FederationScope fed, String annee, String territoire, String type) {
        String notice = null;
        int year = fed.today().getYear();
        if (annee != null && !annee.isBlank()) {
            Integer asked = Parse.reportYear(annee);
            if (asked != null) {
                year = asked;
            } else {
                notice = "L'année « " + abbreviated(annee) + " » n'est pas une année entre " + Parse.FIRST_REPORT_YEAR + " et "
                        + Parse.LAST_REPORT_YEAR + " : voici " + year + ".";
            }
        }
        String kind = type != null && MeetingService.KINDS.contains(type) ? type : null;
        String t = territoire == null || territoire.isBlank() ? (fed.isDelegue() ? "miens" : "tous") : territoire.trim();
        MeetingService.Filter filter;
        if (t.equals("miens") && fed.isDelegue()) {
            filter = new MeetingService.Filter(year, fed.territories(), false, kind);
        } else if (t.equals("federation")) {
            filter = new MeetingService.Filter(year, Set.of(), true, kind);
        } else if (t.matches("[0-9]{1,18}")) {
            filter = new MeetingService.Filter(year, Set.of(Long.valueOf(t)), false, kind);
        } else {
            t = "tous";
            filter = new MeetingService.Filter(year, null, true, kind);
        }
        return new Selection(year, t, kind, filter, notice);
    }

    @GetMapping("/f/{federation}/reunions")
    String list(FederationScope fed, @RequestParam(required = false) String annee, @RequestParam(required = false) String territoire,
                @RequestParam(required = false) String type, Model model) {
        Selection selection = selection(fed, annee, territoire, type);
        model.addAttribute("selection", selection);
        model.addAttribute("meetings", meetings.list(fed.id(), selection.filter()));
        model.addAttribute("figures", meetings.yearFigures(fed.id(), selection.filter()));
        model.addAttribute("ats", ats(fed));
        model.addAttribute("kinds", kinds());
        model.addAttribute("canCreate", fed.isDirection() || fed.isDelegue() && !fed.territories().isEmpty());
        return "federation/meetings";
    }

    /** The distinct persons and structures behind a year's figures. */
    @GetMapping("/f/{federation}/reunions/participants")
    String participants(FederationScope fed, @RequestParam(required = false) String annee,
                        @RequestParam(required = false) String territoire, @RequestParam(required = false) String type, Model model) {
        Selection selection = selection(fed, annee, territoire, type);
        model.addAttribute("selection", selection);
        model.addAttribute("persons", meetings.persons(fed.id(), selection.filter()));
        model.addAttribute("reached", meetings.structuresReached(fed.id(), selection.filter(), LocalDate.of(selection.year(), 12, 31)));
        model.addAttribute("ats", ats(fed));
        model.addAttribute("kinds", kinds());
        return "federation/meeting-participants";
    }

    static final class NetworkMeetingForm implements Form {
        public String kind;
        public String date;
        public String title;
        public String place;
        public String territoryId;
        /** Read by {@link #validate}. */
        private Long territory;
        private LocalDate day;

        @Override
        public void validate(Errors errors) {
            Checks.choice(errors, "kind", kind, true, MeetingService.KINDS);
            day = Checks.dateInYears(errors, "date", date, true);
            Checks.text(errors, "title", title, true, 300);
            Checks.text(errors, "place", place, false, 300);
            territory = Checks.id(errors, "territoryId", territoryId, false);
            if (territory != null && kind != null && MeetingService.FEDERATION_KINDS.contains(kind.trim())) {
                errors.rejectValue("territoryId", "federationOnly");
            }
        }

        MeetingService.NewMeeting toMeeting() {
            return new MeetingService.NewMeeting(kind.trim(), day, Checks.clean(title), Checks.clean(place), territory);
        }
    }

    @GetMapping("/f/{federation}/reunions/nouvelle")
    String createForm(FederationScope fed, @RequestParam(required = false) String territoire, Model model) {
        fed.requireWriter();
        Map<String, String> typed = new HashMap<>();
        typed.put("kind", "at_pleniere");
        if (territoire != null && territoire.matches("[0-9]{1,18}")) {
            typed.put("territoryId", territoire);
        } else if (fed.isDelegue() && fed.territories().size() == 1) {
            typed.put("territoryId", String.valueOf(fed.territories().iterator().next()));
        }
        return createPage(fed, model, typed, new FieldErrors());
    }

    private String createPage(FederationScope fed, Model model, Map<String, String> typed, FieldErrors errors) {
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("editableAts", editableAts(fed));
        model.addAttribute("kinds", kinds());
        return "federation/meeting-new";
    }

    @PostMapping("/f/{federation}/reunions")
    String create(FederationScope fed, @Validated NetworkMeetingForm form, BindingResult binding, Model model,
                  RedirectAttributes flash) {
        fed.requireWriter();
        if (!binding.hasFieldErrors("territoryId")) {
            requireEdit(fed, form.territory);
        }
        if (binding.hasErrors()) {
            return createPage(fed, model, form.typed(), FieldErrors.of(binding));
        }
        try {
            long id = meetings.create(fed.id(), form.toMeeting());
            flash.addFlashAttribute("message", "Réunion enregistrée : ajoutez les participant·e·s.");
            return "redirect:" + fed.base() + "/reunions/" + id;
        } catch (Refused e) {
            FieldErrors errors = new FieldErrors();
            errors.add(e.field() == null ? "title" : e.field(), e.getMessage());
            return createPage(fed, model, form.typed(), errors);
        }
    }

    @GetMapping("/f/{federation}/reunions/{id}")
    String show(FederationScope fed, @PathVariable long id, Model model) {
        return page(fed, id, model, null, new FieldErrors(), List.of(), null);
    }

    private String page(FederationScope fed, long id, Model model, Map<String, String> typed, FieldErrors errors,
                        List<Row> rows, String rowsError) {
        MeetingService.Meeting meeting = meetings.get(fed.id(), id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("attendees", meetings.attendees(fed.id(), id));
        model.addAttribute("memberStructures", meetings.memberStructures(fed.id(), id));
        model.addAttribute("canEdit", fed.canEdit(meeting.territoryId()));
        model.addAttribute("typed", typed != null ? typed : Map.of("kind", meeting.kind(),
                "date", meeting.date().format(Parse.FRENCH_DATE),
                "title", meeting.title(), "place", meeting.place() == null ? "" : meeting.place(),
                "territoryId", meeting.territoryId() == null ? "" : String.valueOf(meeting.territoryId())));
        model.addAttribute("errors", errors);
        List<Row> shown = new ArrayList<>(rows);
        while (shown.size() < BLANK_ROWS) {
            shown.add(new Row("", "", "benevole", false));
        }
        model.addAttribute("rows", shown);
        model.addAttribute("rowsError", rowsError);
        model.addAttribute("editableAts", editableAts(fed));
        model.addAttribute("kinds", kinds());
        model.addAttribute("qualities", Vocabulary.labels("attendee-quality", MeetingService.QUALITIES.toArray(String[]::new)));
        // the AT's structures first, then the rest of the network
        List<Structure> all = structures.list(fed.id(), StructureFilter.ALL, meeting.date());
        model.addAttribute("atStructures", all.stream().filter(s -> meeting.territoryId() != null
                && meeting.territoryId().equals(s.territoryId())).sorted(Comparator.comparing(Structure::name)).toList());
        model.addAttribute("otherStructures", all.stream().filter(s -> meeting.territoryId() == null
                || !meeting.territoryId().equals(s.territoryId())).sorted(Comparator.comparing(Structure::name)).toList());
        return "federation/meeting";
    }

    @PostMapping("/f/{federation}/reunions/{id}")
    String update(FederationScope fed, @PathVariable long id, @Validated NetworkMeetingForm form, BindingResult binding,
                  Model model, RedirectAttributes flash) {
        MeetingService.Meeting meeting = meetings.get(fed.id(), id);
        requireEdit(fed, meeting.territoryId());
        if (!binding.hasFieldErrors("territoryId")) {
            requireEdit(fed, form.territory);
        }
        if (binding.hasErrors()) {
            return page(fed, id, model, form.typed(), FieldErrors.of(binding), List.of(), null);
        }
        try {
            meetings.update(fed.id(), id, form.toMeeting());
        } catch (Refused e) {
            FieldErrors errors = new FieldErrors();
            errors.add(e.field() == null ? "title" : e.field(), e.getMessage());
            return page(fed, id, model, form.typed(), errors, List.of(), null);
        }
        flash.addFlashAttribute("message", "Réunion modifiée.");
        return "redirect:" + fed.base() + "/reunions/" + id;
    }

    @PostMapping("/f/{federation}/reunions/{id}/supprimer")
    String delete(FederationScope fed, @PathVariable long id, RedirectAttributes flash) {
        requireEdit(fed, meetings.get(fed.id(), id).territoryId());
        meetings.delete(fed.id(), id);
        flash.addFlashAttribute("message", "Réunion supprimée, avec ses présences.");
        return "redirect:" + fed.base() + "/reunions";
    }

    /** One attendance line as typed. */
    record Row(String name, String structureId, String quality, boolean direction) {
    }

    /**
     * Several attendance lines at once, in parallel lists (the n-th name goes with the n-th structure and quality);
     * {@code direction} holds the numbers of the lines ticked. Lines without a name are skipped.
     */
    static final class AttendanceForm implements Form {
        public List<String> name;
        public List<String> structureId;
        public List<String> quality;
        public List<String> direction;

        @Override
        public void validate(Errors errors) {
            if (name != null && name.size() > MeetingService.MAX_ROWS) {
                errors.rejectValue("name", "range", new Object[] {1, MeetingService.MAX_ROWS}, null);
            }
        }

        List<Row> rows() {
            List<Row> rows = new ArrayList<>();
            Set<String> ticked = direction == null ? Set.of() : new HashSet<>(direction);
            int n = name == null ? 0 : Math.min(name.size(), MeetingService.MAX_ROWS);
            for (int i = 0; i < n; i++) {
                rows.add(new Row(value(name, i), value(structureId, i), value(quality, i), ticked.contains(String.valueOf(i))));
            }
            return rows;
        }

        private static String value(List<String> list, int i) {
            return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i).trim();
        }
    }

    @PostMapping("/f/{federation}/reunions/{id}/presences")
    String addAttendees(FederationScope fed, @PathVariable long id, @Validated AttendanceForm form, BindingResult binding,
                        Model model, RedirectAttributes flash) {
        MeetingService.Meeting meeting = meetings.get(fed.id(), id);
        requireEdit(fed, meeting.territoryId());
        List<Row> typed = form.rows();
        if (binding.hasErrors()) {
            return page(fed, id, model, null, new FieldErrors(), typed,
                    "Rien n'est enregistré : " + MeetingService.MAX_ROWS + " lignes au plus à la fois.");
        }
        List<MeetingService.NewAttendee> rows = new ArrayList<>();
        List<Row> kept = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            Row row = typed.get(i);
            if (row.name().isEmpty()) {
                continue;
            }
            Long structure = null;
            if (!row.structureId().isEmpty()) {
                if (row.structureId().matches("[0-9]{1,18}")) {
                    structure = Long.valueOf(row.structureId());
                } else {
                    wrong.add("Ligne " + (i + 1) + " : choisissez la structure dans la liste.");
                }
            }
            kept.add(row);
            rows.add(new MeetingService.NewAttendee(row.name(), structure, row.quality(), row.direction()));
        }
        if (!wrong.isEmpty()) {
            return page(fed, id, model, null, new FieldErrors(), kept, "Rien n'est enregistré : " + String.join(" ", wrong));
        }
        if (rows.isEmpty()) {
            return page(fed, id, model, null, new FieldErrors(), typed, "Rien n'est enregistré : écrivez au moins un nom.");
        }
        int added;
        try {
            added = meetings.addAttendees(fed.id(), id, rows);
        } catch (Refused e) {
            return page(fed, id, model, null, new FieldErrors(), kept, "Rien n'est enregistré. " + e.getMessage());
        }
        int already = rows.size() - added;
        flash.addFlashAttribute("message", added + " participant·e(s) ajouté·e(s)"
                + (already > 0 ? " ; " + already + " déjà inscrit·e(s) à cette réunion, non ajouté·e(s) deux fois." : "."));
        return "redirect:" + fed.base() + "/reunions/" + id + "#presences";
    }

    @PostMapping("/f/{federation}/reunions/{id}/presences/{attendee}/supprimer")
    String removeAttendee(FederationScope fed, @PathVariable long id, @PathVariable long attendee, RedirectAttributes flash) {
        requireEdit(fed, meetings.get(fed.id(), id).territoryId());
        meetings.removeAttendee(fed.id(), id, attendee);
        flash.addFlashAttribute("message", "Présence retirée.");
        return "redirect:" + fed.base() + "/reunions/" + id + "#presences";
    }

    /** The direction writes every meeting; a délégué those of the ATs they follow (not the federation's own). */
    private static void requireEdit(FederationScope fed, Long territoryId) {
        fed.requireEdit(territoryId, "Cette réunion ne concerne pas une assemblée territoriale qui vous est confiée.");
    }

    private List<Territory> ats(FederationScope fed) {
        return territories.list(fed.id(), fed.today()).stream().filter(Territory::isAt).toList();
    }

    private List<Territory> editableAts(FederationScope fed) {
        return ats(fed).stream().filter(t -> fed.canEdit(t.id())).toList();
    }

    private static Map<String, String> kinds() {
        return Vocabulary.labels("meeting-kind", MeetingService.KINDS.toArray(String[]::new));
    }

    private static String abbreviated(String s) {
        String v = s.replace('\0', ' ').trim();
        return v.length() > 20 ? v.substring(0, 20) + "…" : v;
    }
}
