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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accompaniments: the list with its filters, one accompaniment with its steps and sharing, the form that opens one
 * from a structure's page, the figures per AT and year, and the direction's journal of the confidential ones.
 */
@Controller
class AccompanimentController {


    private final AccompanimentService accompaniments;
    private final StructureService structures;
    private final TerritoryService territories;
    private final NetworkAudit audit;

    AccompanimentController(AccompanimentService accompaniments, StructureService structures, TerritoryService territories,
                            NetworkAudit audit) {
        this.accompaniments = accompaniments;
        this.structures = structures;
        this.territories = territories;
        this.audit = audit;
    }

    /** A délégué sees the ATs they follow unless they ask for another or for all ({@code territoire=tous}). */
    @GetMapping("/f/{federation}/accompagnements")
    String list(FederationScope fed, @RequestParam(required = false) String territoire,
                @RequestParam(required = false) String type, @RequestParam(required = false) String etat,
                @RequestParam(required = false) String annee, @RequestParam(required = false) String structure, Model model) {
        Long structureId = Parse.id(structure);
        // a structure's accompaniments are shown whatever its AT; a value that is not a choice shows every AT
        String territory = territoire == null ? (fed.isDelegue() && structureId == null ? "mes" : "tous") : territoire;
        Long territoryId = Parse.id(territory);
        Set<Long> ats = territoryId != null ? Set.of(territoryId) : "aucun".equals(territory) ? Set.of(0L)
                : "mes".equals(territory) && fed.isDelegue() ? fed.territories() : null;
        if (ats == null) {
            territory = "tous";
        }
        Integer year = Parse.reportYear(annee);
        AccompanimentService.Filter filter = new AccompanimentService.Filter(ats,
                type != null && AccompanimentService.KINDS.contains(type) ? type : null,
                "ouverts".equals(etat) || "clos".equals(etat) ? etat : null, year, structureId);
        model.addAttribute("accompaniments", accompaniments.list(fed, filter));
        model.addAttribute("filter", filter);
        model.addAttribute("territory", territory);
        model.addAttribute("territories", territories.list(fed.id(), fed.today()).stream().filter(Territory::isAt).toList());
        model.addAttribute("kinds", kinds());
        if (structureId != null) {
            Structure s = structures.get(fed.id(), structureId, fed.today());
            model.addAttribute("structure", s);
            model.addAttribute("canOpen", fed.canEdit(s.territoryId()));
        }
        return "federation/accompaniments";
    }

    @GetMapping("/f/{federation}/accompagnements/chiffres")
    String figures(FederationScope fed, @RequestParam(required = false) String annee, Model model) {
        int year = Parse.reportYear(annee, fed.today().getYear());
        List<Territory> ats = territories.list(fed.id(), fed.today()).stream().filter(Territory::isAt).toList();
        model.addAttribute("figures", accompaniments.figures(fed, year, ats));
        model.addAttribute("kinds", kinds());
        model.addAttribute("years", List.of(fed.today().getYear() - 3, fed.today().getYear() - 2, fed.today().getYear() - 1,
                fed.today().getYear()));
        return "federation/accompaniment-figures";
    }

    @GetMapping("/f/{federation}/accompagnements/{id}")
    String show(FederationScope fed, @PathVariable long id, Model model) {
        return page(fed, id, model, new FollowUpStepForm(), null, new FieldErrors());
    }

    private String page(FederationScope fed, long id, Model model, FollowUpStepForm step, AccompanimentForm edit, FieldErrors errors) {
        AccompanimentService.Accompaniment a = accompaniments.read(fed, id);
        model.addAttribute("a", a);
        model.addAttribute("step", step);
        model.addAttribute("edit", edit != null ? edit : AccompanimentForm.of(a));
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", kinds());
        if (a.canWrite()) {
            model.addAttribute("delegues", accompaniments.delegues(fed.id()));
        }
        if (a.canShare()) {
            model.addAttribute("candidates", accompaniments.shareCandidates(fed, id));
        }
        return "federation/accompaniment";
    }

    @GetMapping("/f/{federation}/structures/{id}/accompagnements/nouveau")
    String newForm(FederationScope fed, @PathVariable long id, Model model) {
        Structure structure = structures.get(fed.id(), id, fed.today());
        fed.requireEdit(structure.territoryId());
        AccompanimentForm form = new AccompanimentForm();
        form.openedOn = fed.today().format(Parse.FRENCH_DATE);
        List<AccompanimentService.Share> delegues = accompaniments.delegues(fed.id());
        Long follower = fed.isDelegue() ? Long.valueOf(fed.userId())
                : territories.list(fed.id(), fed.today()).stream().filter(t -> t.id() == orZero(structure.territoryId()))
                .map(Territory::delegueId).filter(d -> d != null).findFirst().orElse(fed.userId());
        form.delegueId = String.valueOf(follower);
        return newPage(structure, form, new FieldErrors(), delegues, model);
    }

    private String newPage(Structure structure, AccompanimentForm form, FieldErrors errors,
                           List<AccompanimentService.Share> delegues, Model model) {
        model.addAttribute("structure", structure);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("delegues", delegues);
        model.addAttribute("kinds", kinds());
        return "federation/accompaniment-new";
    }

    @PostMapping("/f/{federation}/structures/{id}/accompagnements")
    String open(FederationScope fed, @PathVariable long id, @Validated AccompanimentForm form, BindingResult binding,
                Model model, RedirectAttributes flash) {
        Structure structure = structures.get(fed.id(), id, fed.today());
        fed.requireEdit(structure.territoryId());
        FieldErrors errors = FieldErrors.of(binding);
        if (!errors.any()) {
            try {
                long created = accompaniments.open(fed, id, form.values());
                flash.addFlashAttribute("message", "Accompagnement ouvert.");
                return "redirect:" + fed.base() + "/accompagnements/" + created;
            } catch (Refused e) {
                errors.add(e.field() == null ? "title" : e.field(), e.getMessage());
            }
        }
        return newPage(structure, form, errors, accompaniments.delegues(fed.id()), model);
    }

    @PostMapping("/f/{federation}/accompagnements/{id}")
    String update(FederationScope fed, @PathVariable long id, @Validated AccompanimentForm form, BindingResult binding,
                  Model model, RedirectAttributes flash) {
        fed.requireWriter();
        FieldErrors errors = FieldErrors.of(binding);
        if (!errors.any()) {
            try {
                accompaniments.update(fed, id, form.values());
                flash.addFlashAttribute("message", "Accompagnement enregistré.");
                return "redirect:" + fed.base() + "/accompagnements/" + id;
            } catch (Refused e) {
                errors.add(e.field() == null ? "title" : e.field(), e.getMessage());
            }
        }
        return page(fed, id, model, new FollowUpStepForm(), form, errors);
    }

    @PostMapping("/f/{federation}/accompagnements/{id}/etapes")
    String addStep(FederationScope fed, @PathVariable long id, @Validated FollowUpStepForm form, BindingResult binding, Model model,
                   RedirectAttributes flash) {
        fed.requireWriter();
        FieldErrors errors = FieldErrors.of(binding);
        if (!errors.any()) {
            try {
                accompaniments.addStep(fed, id, form.day, form.note, form.nextStep);
                flash.addFlashAttribute("message", "Étape ajoutée.");
                return "redirect:" + fed.base() + "/accompagnements/" + id + "#etapes";
            } catch (Refused e) {
                errors.add(e.field() == null ? "note" : e.field(), e.getMessage());
            }
        }
        return page(fed, id, model, form, null, errors);
    }

    @PostMapping("/f/{federation}/accompagnements/{id}/partages")
    String share(FederationScope fed, @PathVariable long id, @RequestParam(required = false) String user, RedirectAttributes flash) {
        fed.requireWriter();
        Long userId = Parse.id(user);
        if (userId == null) {
            throw new Refused("user", "Choisissez la personne avec qui partager l'accompagnement.");
        }
        String name = accompaniments.share(fed, id, userId);
        flash.addFlashAttribute("message", "Accompagnement partagé avec " + name + ".");
        return "redirect:" + fed.base() + "/accompagnements/" + id + "#partage";
    }

    @PostMapping("/f/{federation}/accompagnements/{id}/partages/{user}/retirer")
    String unshare(FederationScope fed, @PathVariable long id, @PathVariable long user, RedirectAttributes flash) {
        fed.requireWriter();
        accompaniments.unshare(fed, id, user);
        flash.addFlashAttribute("message", "Partage retiré.");
        return "redirect:" + fed.base() + "/accompagnements/" + id + "#partage";
    }

    @GetMapping("/f/{federation}/journal")
    String journal(FederationScope fed, @RequestParam(required = false) String accompagnement, Model model) {
        fed.requireDirection();
        Long id = Parse.id(accompagnement);
        model.addAttribute("entries", audit.journal(fed, id == null ? null : AccompanimentService.ENTITY, id, 500));
        model.addAttribute("accompaniment", id);
        model.addAttribute("zone", ZoneId.of("Europe/Paris"));
        return "federation/journal";
    }

    /** Opening an accompaniment, or its new values. Dates typed JJ/MM/AAAA. */
    static final class AccompanimentForm implements Form {
        public String kind;
        public String title;
        public String delegueId;
        public String openedOn;
        public String closedOn;
        public boolean veille;
        private Long delegue;
        private LocalDate opened;
        private LocalDate closed;

        static AccompanimentForm of(AccompanimentService.Accompaniment a) {
            AccompanimentForm f = new AccompanimentForm();
            f.kind = a.kind();
            f.title = a.title();
            f.delegueId = String.valueOf(a.delegueId());
            f.openedOn = a.openedOn().format(Parse.FRENCH_DATE);
            f.closedOn = a.closedOn() == null ? null : a.closedOn().format(Parse.FRENCH_DATE);
            f.veille = a.confidential();
            return f;
        }

        @Override
        public void validate(Errors errors) {
            Checks.choice(errors, "kind", kind, true, AccompanimentService.KINDS);
            Checks.text(errors, "title", title, true, AccompanimentService.TITLE_MAX);
            delegue = Checks.id(errors, "delegueId", delegueId, true);
            opened = Checks.date(errors, "openedOn", openedOn, true);
            closed = Checks.date(errors, "closedOn", closedOn, false);
        }

        AccompanimentService.Values values() {
            return new AccompanimentService.Values(kind, title, delegue, opened, closed, veille);
        }
    }

    /** A step: its day, what was done, what comes next. */
    static final class FollowUpStepForm implements Form {
        public String date;
        /** What was done: named {@code note} to be a long field (RequestLimits). */
        public String note;
        public String nextStep;
        private LocalDate day;

        @Override
        public void validate(Errors errors) {
            day = Checks.date(errors, "date", date, true);
            Checks.text(errors, "note", note, true, AccompanimentService.NOTE_MAX);
            Checks.text(errors, "nextStep", nextStep, false, AccompanimentService.NEXT_STEP_MAX);
        }
    }

    private static Map<String, String> kinds() {
        return Vocabulary.labels("accompaniment-kind", AccompanimentService.KINDS.toArray(String[]::new));
    }

    private static long orZero(Long id) {
        return id == null ? 0 : id;
    }

}
