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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A structure's agréments and their renewals (milestones and who attended for the federation), the calendar of the
 * CAF agréments coming to their end, and the year's renewals per AT. The direction and the AT's délégué write.
 */
@Controller
class RenewalController {

    private final StructureService structures;
    private final AgrementService agrements;
    private final RenewalService renewals;
    private final FederationService federations;
    private final TerritoryService territories;

    RenewalController(StructureService structures, AgrementService agrements, RenewalService renewals,
                      FederationService federations, TerritoryService territories) {
        this.structures = structures;
        this.agrements = agrements;
        this.renewals = renewals;
        this.federations = federations;
        this.territories = territories;
    }

    @GetMapping("/f/{federation}/structures/{id}/agrements")
    String page(FederationScope fed, @PathVariable long id, Model model) {
        return page(fed, id, model, null, Map.of(), Set.of(), new FieldErrors());
    }

    /** The page; {@code which} names the form that was sent and failed, so that it alone shows what was typed. */
    private String page(FederationScope fed, long id, Model model, String which, Map<String, String> typed,
                        Set<String> typedAttendees, FieldErrors errors) {
        Structure structure = structures.get(fed.id(), id, fed.today());
        model.addAttribute("structure", structure);
        model.addAttribute("agrements", structures.agrements(fed.id(), id));
        List<RenewalService.RenewalFile> files = renewals.forStructure(fed.id(), id);
        model.addAttribute("renewals", files);
        // the agréments with a renewal running are not offered to launch another
        model.addAttribute("renewing", files.stream().filter(f -> f.renewal().isOpen()).map(f -> f.renewal().agrementId()).toList());
        model.addAttribute("members", federations.members(fed.id()).stream().filter(FederationService.Member::enabled).toList());
        model.addAttribute("canEdit", fed.canEdit(structure.territoryId()));
        model.addAttribute("kinds", Vocabulary.labels("agrement-kind", AgrementService.KINDS.toArray(String[]::new)));
        model.addAttribute("milestoneKinds", Vocabulary.labels("milestone-kind",
                RenewalService.MILESTONES.stream().filter(k -> !k.equals("lancement")).toArray(String[]::new)));
        model.addAttribute("outcomes", Vocabulary.labels("renewal-outcome", RenewalService.OUTCOMES.toArray(String[]::new)));
        model.addAttribute("which", which);
        model.addAttribute("form", typed);
        model.addAttribute("typedAttendees", typedAttendees);
        model.addAttribute("errors", errors);
        return "federation/agrements";
    }

    /** An agrément typed in: its kind, for another issuer its label, its dates. */
    static final class StructureAgrementForm implements Form {
        public String kind;
        public String label;
        public String start;
        public String end;

        @Override
        public void validate(Errors errors) {
            Checks.choice(errors, "kind", kind, true, AgrementService.KINDS);
            if (label != null && label.trim().length() > 200) {
                errors.rejectValue("label", "tooLong", new Object[] {200}, null);
            }
            LocalDate s = Checks.date(errors, "start", start, true);
            LocalDate e = Checks.date(errors, "end", end, true);
            Checks.notBefore(errors, "end", e, s);
        }
    }

    @PostMapping("/f/{federation}/structures/{id}/agrements")
    String addAgrement(FederationScope fed, @PathVariable long id, @Validated StructureAgrementForm form, BindingResult binding,
                       Model model, RedirectAttributes flash) {
        requireEdit(fed, id);
        return outcome(fed, id, model, flash, "agrement", form, binding, Set.of(), () -> {
            agrements.add(fed.id(), id, form.kind, form.label, Checks.date(form.start), Checks.date(form.end));
            return "Agrément enregistré.";
        }, "#agrements");
    }

    @PostMapping("/f/{federation}/structures/{id}/agrements/{agrementId}")
    String correctAgrement(FederationScope fed, @PathVariable long id, @PathVariable long agrementId,
                           @Validated StructureAgrementForm form, BindingResult binding, Model model, RedirectAttributes flash) {
        requireEdit(fed, id);
        return outcome(fed, id, model, flash, "agrement-" + agrementId, form, binding, Set.of(), () -> {
            agrements.correct(fed.id(), id, agrementId, form.kind, form.label, Checks.date(form.start), Checks.date(form.end));
            return "Agrément corrigé.";
        }, "#agrements");
    }

    /** The launch of a renewal: the agrément it renews, the day, a note and who attended. */
    static final class RenewalOpenForm implements Form {
        public String agrementId;
        public String date;
        public String note;
        public String[] attendees;

        @Override
        public void validate(Errors errors) {
            Checks.id(errors, "agrementId", agrementId, true);
            Checks.date(errors, "date", date, true);
            Checks.text(errors, "note", note, false, 2000);
            attendeeIds(errors, attendees);
        }
    }

    @PostMapping("/f/{federation}/structures/{id}/renouvellements")
    String open(FederationScope fed, @PathVariable long id, @Validated RenewalOpenForm form, BindingResult binding, Model model,
                RedirectAttributes flash) {
        requireEdit(fed, id);
        return outcome(fed, id, model, flash, "ouvrir", form, binding, typed(form.attendees), () -> {
            renewals.open(fed.id(), id, Long.parseLong(form.agrementId.trim()), Checks.date(form.date), form.note,
                    attendeeIds(binding, form.attendees));
            return "Renouvellement lancé.";
        }, "#renouvellements");
    }

    /** A milestone of a running renewal; a decision also says the outcome and, granted, the new agrément's dates. */
    static final class MilestoneForm implements Form {
        public String kind;
        public String date;
        public String note;
        public String[] attendees;
        public String outcome;
        public String newStart;
        public String newEnd;

        @Override
        public void validate(Errors errors) {
            Checks.choice(errors, "kind", kind, true, RenewalService.MILESTONES);
            Checks.date(errors, "date", date, true);
            Checks.text(errors, "note", note, false, 2000);
            attendeeIds(errors, attendees);
            if ("decision".equals(Checks.clean(kind))) {
                String o = Checks.choice(errors, "outcome", outcome, true, RenewalService.OUTCOMES);
                boolean granted = "accorde".equals(o);
                LocalDate s = Checks.date(errors, "newStart", newStart, granted);
                LocalDate e = Checks.date(errors, "newEnd", newEnd, granted);
                Checks.notBefore(errors, "newEnd", e, s);
            }
        }
    }

    @PostMapping("/f/{federation}/structures/{id}/renouvellements/{renewalId}/etapes")
    String addMilestone(FederationScope fed, @PathVariable long id, @PathVariable long renewalId, @Validated MilestoneForm form,
                        BindingResult binding, Model model, RedirectAttributes flash) {
        requireEdit(fed, id);
        renewals.renewal(fed.id(), id, renewalId); // 404 before anything else when it is not this structure's
        return outcome(fed, id, model, flash, "etape-" + renewalId, form, binding, typed(form.attendees), () -> {
            String kind = form.kind.trim();
            RenewalService.Decision decision = "decision".equals(kind)
                    ? new RenewalService.Decision(form.outcome.trim(), Checks.date(form.newStart), Checks.date(form.newEnd)) : null;
            renewals.addMilestone(fed.id(), id, renewalId, kind, Checks.date(form.date), form.note,
                    attendeeIds(binding, form.attendees), decision);
            return "decision".equals(kind) ? "Décision enregistrée : le renouvellement est clos." : "Étape enregistrée.";
        }, "#renouvellement-" + renewalId);
    }

    /** Saved and said so (back to the page), or the page again with what is wrong beside its field and what was typed. */
    private String outcome(FederationScope fed, long id, Model model, RedirectAttributes flash, String which, Form form,
                           BindingResult binding, Set<String> typedAttendees, Supplier<String> save, String anchor) {
        FieldErrors errors = FieldErrors.of(binding);
        if (!errors.any()) {
            try {
                flash.addFlashAttribute("message", save.get());
                return "redirect:" + fed.base() + "/structures/" + id + "/agrements" + anchor;
            } catch (Refused e) {
                errors.add(e.field() == null ? "form" : e.field(), e.getMessage());
            }
        }
        model.addAttribute("error", "Rien n'est enregistré : " + String.join(" ", errors.all().values()));
        return page(fed, id, model, which, form.typed(), typedAttendees, errors);
    }

    private void requireEdit(FederationScope fed, long structureId) {
        fed.requireEdit(structures.get(fed.id(), structureId, fed.today()).territoryId());
    }

    private static List<Long> attendeeIds(Errors errors, String[] attendees) {
        List<Long> ids = new ArrayList<>();
        if (attendees == null) {
            return ids;
        }
        for (String a : attendees) {
            if (a == null || !a.trim().matches("[0-9]{1,18}")) {
                if (!errors.hasFieldErrors("attendees")) {
                    errors.rejectValue("attendees", "choice");
                }
            } else {
                ids.add(Long.valueOf(a.trim()));
            }
        }
        return ids;
    }

    private static Set<String> typed(String[] attendees) {
        return attendees == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(attendees));
    }

    @GetMapping("/f/{federation}/renouvellements")
    String calendar(FederationScope fed, @RequestParam(required = false) String mois,
                    @RequestParam(required = false) String territoire, @RequestParam(required = false) String departement,
                    Model model) {
        int months = "12".equals(mois) ? 12 : 18;
        Long territory = territoire != null && territoire.matches("[0-9]{1,18}") ? Long.valueOf(territoire) : null;
        String dep = departement != null && departement.matches("2A|2B|[0-9]{2,3}") ? departement : null;
        LocalDate today = fed.today();
        model.addAttribute("months", months);
        model.addAttribute("until", today.plusMonths(months));
        model.addAttribute("territory", territory);
        model.addAttribute("departement", dep);
        model.addAttribute("groups", renewals.calendar(fed.id(), today, months, territory, dep, fed.territories()));
        model.addAttribute("territories", territories.list(fed.id(), today).stream().filter(Territory::isAt).toList());
        model.addAttribute("departements", structures.departements(fed.id()));
        model.addAttribute("year", today.getYear());
        return "federation/renewals";
    }

    @GetMapping("/f/{federation}/renouvellements/annee")
    String year(FederationScope fed, @RequestParam(required = false) String annee, Model model) {
        int year = Parse.reportYear(annee, fed.today().getYear());
        model.addAttribute("year", year);
        model.addAttribute("lines", renewals.year(fed.id(), year));
        Map<Long, List<RenewalService.YearMilestone>> byAt = new LinkedHashMap<>();
        renewals.yearMilestones(fed.id(), year).forEach(m -> byAt.computeIfAbsent(m.territoryId(), k -> new ArrayList<>()).add(m));
        model.addAttribute("milestonesByAt", byAt);
        return "federation/renewals-year";
    }
}
