package fr.trame.association;

import fr.trame.centre.CentreScope;
import fr.trame.form.FormReader;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The bodies, their members and their meetings; direction keeps them, staff read them. */
@Controller
public class GovernanceController {

    private final GovernanceService governance;
    private final AssociationIndicators indicators;

    public GovernanceController(GovernanceService governance, AssociationIndicators indicators) {
        this.governance = governance;
        this.indicators = indicators;
    }

    @GetMapping("/c/{centre}/instances")
    String page(CentreScope scope, @RequestParam(required = false) Integer annee, Model model) {
        scope.requirePersonalData();
        return page(scope, annee == null ? scope.today().getYear() : annee, model, new FormReader(Map.of()), new FormReader(Map.of()));
    }

    private String page(CentreScope scope, int year, Model model, FormReader mandateForm, FormReader meetingForm) {
        model.addAttribute("year", year);
        model.addAttribute("bodies", governance.bodies(scope.id()));
        model.addAttribute("mandates", governance.mandates(scope.id(), scope.today()));
        model.addAttribute("meetings", governance.meetings(scope.id(), year));
        model.addAttribute("figures", indicators.compute(scope.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).governance());
        model.addAttribute("mandateForm", mandateForm.values());
        model.addAttribute("meetingForm", meetingForm.values());
        model.addAttribute("errors", mandateForm.ok() ? meetingForm.errors() : mandateForm.errors());
        model.addAttribute("roles", GovernanceService.ROLES);
        model.addAttribute("colleges", GovernanceService.COLLEGES);
        model.addAttribute("kinds", GovernanceService.KINDS);
        return "association/governance";
    }

    @PostMapping("/c/{centre}/instances/organes")
    String createBody(CentreScope scope, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        String kind = f.choice("kind", "le type d'instance", true, GovernanceService.KINDS);
        String name = f.text("name", "le nom de l'instance", true);
        return FormOutcome.saveAndReturn(scope, f, flash, "/instances",
                () -> governance.createBody(scope.id(), kind, name), "Instance « " + name + " » enregistrée.");
    }

    @PostMapping("/c/{centre}/instances/mandats")
    String createMandate(CentreScope scope, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        Long body = f.id("bodyId", "l'instance", true);
        Long person = f.id("personId", "la personne", false);
        String outsider = f.text("outsiderName", "le nom", false);
        if (person == null && outsider == null) {
            f.errors().add("personId", "Choisissez une personne du registre ou écrivez le nom d'une personne extérieure.");
        }
        String role = f.choice("role", "la fonction", true, GovernanceService.ROLES);
        String college = f.choice("college", "le collège", true, GovernanceService.COLLEGES);
        LocalDate start = f.date("startDate", "le début du mandat", true);
        LocalDate end = f.date("endDate", "la fin du mandat", false);
        f.notBefore("endDate", end, start);
        if (body != null && governance.body(scope.id(), body).isEmpty()) {
            f.errors().add("bodyId", "Choisissez l'instance dans la liste.");
        }
        if (!f.ok()) {
            return page(scope, scope.today().getYear(), model, f, new FormReader(Map.of()));
        }
        governance.createMandate(scope.id(), new GovernanceService.NewMandate(body, person, person == null ? outsider : null,
                role, college, start, end, yesNo(form.get("livesInTerritory")), yesNo(form.get("qpv"))));
        flash.addFlashAttribute("message", "Mandat enregistré.");
        return "redirect:" + scope.base() + "/instances";
    }

    @PostMapping("/c/{centre}/instances/mandats/{id}/fin")
    String endMandate(CentreScope scope, @PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        LocalDate end = f.date("endDate", "la fin du mandat", true);
        return FormOutcome.updateAndReturn(scope, f, flash, "/instances",
                () -> governance.endMandate(scope.id(), id, end), "Fin du mandat enregistrée.");
    }

    @PostMapping("/c/{centre}/instances/reunions")
    String createMeeting(CentreScope scope, @RequestParam Map<String, String> form, Model model) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        Long body = f.id("bodyId", "l'instance", true);
        LocalDate date = f.date("date", "la date de la réunion", true);
        Integer quorum = f.integer("quorum", "le quorum", false, 0, 500);
        String agenda = f.text("agenda", "l'ordre du jour", false);
        if (body != null && governance.body(scope.id(), body).isEmpty()) {
            f.errors().add("bodyId", "Choisissez l'instance dans la liste.");
        }
        if (!f.ok()) {
            return page(scope, scope.today().getYear(), model, new FormReader(Map.of()), f);
        }
        long id = governance.createMeeting(scope.id(), body, date, agenda, quorum);
        return "redirect:" + scope.base() + "/instances/reunions/" + id;
    }

    @GetMapping("/c/{centre}/instances/reunions/{id}")
    String meeting(CentreScope scope, @PathVariable long id, Model model) {
        scope.requirePersonalData();
        model.addAttribute("meeting", governance.meeting(scope.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("seats", governance.seats(scope.id(), id));
        return "association/meeting";
    }

    /** Who came, the quorum, the decisions and the minutes, saved in one go. */
    @PostMapping("/c/{centre}/instances/reunions/{id}")
    String recordMeeting(CentreScope scope, @PathVariable long id, @RequestParam Map<String, String> form,
                         @RequestParam(name = "present", required = false) List<Long> present, Model model,
                         RedirectAttributes flash) {
        scope.requireDirection();
        GovernanceService.Meeting meeting = governance.meeting(scope.id(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        FormReader f = new FormReader(form);
        Integer quorum = f.integer("quorum", "le quorum", false, 0, 500);
        if (!f.ok()) {
            model.addAttribute("meeting", meeting);
            model.addAttribute("seats", governance.seats(scope.id(), id));
            model.addAttribute("errors", f.errors());
            return "association/meeting";
        }
        Set<Long> came = present == null ? Set.of() : present.stream().collect(Collectors.toSet());
        governance.recordMeeting(scope.id(), id, came, f.text("decisions", "", false), f.text("minutes", "", false), quorum);
        flash.addFlashAttribute("message", "Réunion enregistrée : " + came.size() + " présent(s).");
        return "redirect:" + scope.base() + "/instances/reunions/" + id;
    }

    private static Boolean yesNo(String value) {
        return value == null || value.isBlank() ? null : value.equals("oui");
    }
}
