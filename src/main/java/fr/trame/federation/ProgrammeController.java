package fr.trame.federation;

import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
import fr.trame.form.Parse;
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

import java.util.List;

/**
 * Programmes: the list, one programme's page (funders, participants, projects, the table by département). The
 * direction keeps them; a délégué adds participants and projects for the structures of their ATs; a reader reads.
 */
@Controller
class ProgrammeController {

    private final ProgrammeService programmes;
    private final StructureService structures;

    ProgrammeController(ProgrammeService programmes, StructureService structures) {
        this.programmes = programmes;
        this.structures = structures;
    }

    @GetMapping("/f/{federation}/programmes")
    String list(FederationScope fed, Model model) {
        model.addAttribute("programmes", programmes.list(fed.id()));
        model.addAttribute("kinds", Vocabulary.labels("programme-kind", "numerique", "retraite", "sante", "vacances", "autre"));
        return "federation/programmes";
    }

    static final class ProgrammeForm implements Form {
        public String name;
        public String kind;
        public String startYear;
        public String endYear;
        public String description;
        private ProgrammeService.NewProgramme programme;

        @Override
        public void validate(Errors errors) {
            String n = Checks.text(errors, "name", name, true, 200);
            String k = Checks.choice(errors, "kind", kind, true, ProgrammeService.KINDS);
            Integer start = Checks.integer(errors, "startYear", startYear, true, Parse.FIRST_REPORT_YEAR, Parse.LAST_REPORT_YEAR);
            Integer end = Checks.integer(errors, "endYear", endYear, false, Parse.FIRST_REPORT_YEAR, Parse.LAST_REPORT_YEAR);
            if (start != null && end != null && end < start) {
                errors.rejectValue("endYear", "endBeforeStart");
            }
            String d = Checks.text(errors, "description", description, false, 4000);
            programme = errors.hasErrors() ? null : new ProgrammeService.NewProgramme(n, k, start, end == null ? start : end, d);
        }
    }

    @PostMapping("/f/{federation}/programmes")
    String create(FederationScope fed, @Validated ProgrammeForm form, BindingResult binding, RedirectAttributes flash) {
        fed.requireDirection();
        if (binding.hasErrors()) {
            return refused(fed, form, binding, flash, "/programmes");
        }
        long id = programmes.create(fed.id(), form.programme);
        flash.addFlashAttribute("message", "Programme « " + form.programme.name() + " » créé.");
        return "redirect:" + fed.base() + "/programmes/" + id;
    }

    @GetMapping("/f/{federation}/programmes/{id}")
    String show(FederationScope fed, @PathVariable long id, @RequestParam(required = false) String departement,
                @RequestParam(required = false) String theme, Model model) {
        ProgrammeService.Programme programme = programmes.get(fed.id(), id);
        ProgrammeService.Table table = programmes.table(fed.id(), id);
        // a filter that is not one of the table's columns or themes filters nothing
        String dep = departement != null && table.departements().contains(departement) ? departement : null;
        String th = theme != null && ProgrammeService.THEMES.contains(theme) ? theme : null;
        List<ProgrammeService.Project> projects = programmes.projects(fed.id(), id, dep, th);
        model.addAttribute("programme", programme);
        model.addAttribute("funders", programmes.funders(fed.id(), id));
        model.addAttribute("participants", programmes.participants(fed.id(), id));
        model.addAttribute("table", table);
        model.addAttribute("departement", dep);
        model.addAttribute("theme", th);
        model.addAttribute("projects", projects);
        model.addAttribute("withProjects", programmes.structuresWithProjects(fed.id(), id, dep, th));
        model.addAttribute("themes", Vocabulary.labels("project-theme", ProgrammeService.THEMES.toArray(String[]::new)));
        // the structures this user may add: all for the direction, those of their ATs for a délégué
        model.addAttribute("editable", fed.isDirection() || fed.isDelegue()
                ? structures.list(fed.id(), StructureFilter.ALL, fed.today()).stream().filter(s -> fed.canEdit(s.territoryId())).toList()
                : List.of());
        return "federation/programme";
    }

    static final class FunderForm implements Form {
        public String funder;
        public String amount;
        private Long cents;

        @Override
        public void validate(Errors errors) {
            String f = Checks.text(errors, "funder", funder, true, 200);
            cents = Checks.cents(errors, "amount", amount, true);
        }
    }

    @PostMapping("/f/{federation}/programmes/{id}/financeurs")
    String addFunder(FederationScope fed, @PathVariable long id, @Validated FunderForm form, BindingResult binding,
                     RedirectAttributes flash) {
        fed.requireDirection();
        programmes.get(fed.id(), id);
        if (binding.hasErrors()) {
            return refused(fed, form, binding, flash, "/programmes/" + id + "#financeurs");
        }
        programmes.addFunder(fed.id(), id, form.funder, form.cents);
        flash.addFlashAttribute("message", "Financeur « " + form.funder.trim() + " » enregistré.");
        return "redirect:" + fed.base() + "/programmes/" + id + "#financeurs";
    }

    static final class ParticipantForm implements Form {
        public String structureId;
        private Long structure;

        @Override
        public void validate(Errors errors) {
            structure = Checks.id(errors, "structureId", structureId, true);
        }
    }

    @PostMapping("/f/{federation}/programmes/{id}/participants")
    String addParticipant(FederationScope fed, @PathVariable long id, @Validated ParticipantForm form, BindingResult binding,
                          RedirectAttributes flash) {
        fed.requireWriter();
        programmes.get(fed.id(), id);
        if (binding.hasErrors()) {
            return refused(fed, form, binding, flash, "/programmes/" + id + "#participants");
        }
        Structure structure = structures.get(fed.id(), form.structure, fed.today());
        fed.requireEdit(structure.territoryId());
        programmes.addParticipant(fed.id(), id, structure.id(), fed.today());
        flash.addFlashAttribute("message", structure.name() + " participe au programme.");
        return "redirect:" + fed.base() + "/programmes/" + id + "#participants";
    }

    static final class ProgrammeProjectForm implements Form {
        public String structureId;
        public String title;
        public String theme;
        public String amount;
        private ProgrammeService.NewProject project;

        @Override
        public void validate(Errors errors) {
            Long structure = Checks.id(errors, "structureId", structureId, true);
            String t = Checks.text(errors, "title", title, true, 300);
            String th = Checks.choice(errors, "theme", theme, true, ProgrammeService.THEMES);
            Long cents = Checks.cents(errors, "amount", amount, true);
            project = errors.hasErrors() ? null : new ProgrammeService.NewProject(structure, t, th, cents);
        }
    }

    @PostMapping("/f/{federation}/programmes/{id}/projets")
    String addProject(FederationScope fed, @PathVariable long id, @Validated ProgrammeProjectForm form, BindingResult binding,
                      RedirectAttributes flash) {
        fed.requireWriter();
        programmes.get(fed.id(), id);
        if (binding.hasErrors()) {
            return refused(fed, form, binding, flash, "/programmes/" + id + "#nouveau-projet");
        }
        Structure structure = structures.get(fed.id(), form.project.structureId(), fed.today());
        fed.requireEdit(structure.territoryId());
        programmes.addProject(fed.id(), id, form.project, fed.today());
        flash.addFlashAttribute("message", "Projet « " + form.project.title() + " » de " + structure.name() + " enregistré.");
        return "redirect:" + fed.base() + "/programmes/" + id + "#projets";
    }

    /** Nothing saved: what is wrong, and what was typed, back on the page. */
    static String refused(FederationScope fed, Form form, BindingResult binding, RedirectAttributes flash, String page) {
        flash.addFlashAttribute("error", "Rien n'est enregistré : " + String.join(" ", FieldErrors.of(binding).all().values()));
        flash.addFlashAttribute("typed", form.typed());
        return "redirect:" + fed.base() + page;
    }
}
