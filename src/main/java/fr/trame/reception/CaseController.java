package fr.trame.reception;

import fr.trame.centre.AuditLog;
import fr.trame.centre.CentreScope;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import fr.trame.form.Parse;
import fr.trame.people.HouseholdService;
import fr.trame.people.PersonService;
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
import java.time.format.DateTimeParseException;

/** Follow-up case files; what they hold is read only through {@link CaseService}, which checks and logs. */
@Controller
public class CaseController {

    private final CaseService cases;
    private final PersonService persons;
    private final HouseholdService households;
    private final UserService users;
    private final AuditLog audit;

    public CaseController(CaseService cases, PersonService persons, HouseholdService households, UserService users,
                          AuditLog audit) {
        this.cases = cases;
        this.persons = persons;
        this.households = households;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/c/{centre}/dossiers/nouveau")
    String newForm(CentreScope scope, @RequestParam(required = false) Long personne,
                   @RequestParam(required = false) Long foyer, Model model) {
        scope.requireAttendance();
        holder(scope, personne, foyer);
        model.addAttribute("personne", personne);
        model.addAttribute("foyer", foyer);
        model.addAttribute("staff", users.usersOfCentre(scope.id()));
        return "reception/case-new";
    }

    @PostMapping("/c/{centre}/dossiers")
    String open(CentreScope scope, @RequestParam(required = false) Long personne, @RequestParam(required = false) Long foyer,
                @RequestParam long referent, @RequestParam String subject, RedirectAttributes flash) {
        scope.requireAttendance();
        holder(scope, personne, foyer);
        if (users.usersOfCentre(scope.id()).stream().noneMatch(u -> u.userId() == referent)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (subject.isBlank()) {
            flash.addFlashAttribute("error", "Indiquez l'objet de l'accompagnement.");
            return "redirect:" + scope.base() + "/dossiers/nouveau?" + (personne != null ? "personne=" + personne : "foyer=" + foyer);
        }
        long id = cases.open(scope, personne, personne == null ? foyer : null, referent, subject, scope.today());
        flash.addFlashAttribute("message", "Dossier ouvert.");
        return "redirect:" + scope.base() + "/dossiers/" + id;
    }

    @GetMapping("/c/{centre}/dossiers/{id}")
    String show(CentreScope scope, @PathVariable long id, Model model) {
        scope.requireAttendance();
        CaseService.CaseFile file = cases.read(scope, id);
        model.addAttribute("file", file);
        model.addAttribute("staff", users.usersOfCentre(scope.id()));
        model.addAttribute("canManage", scope.role() == Role.DIRECTION || file.referentUserId() == scope.userId());
        model.addAttribute("reads", scope.role() == Role.DIRECTION ? audit.ofEntity(scope.id(), "dossier", id) : java.util.List.of());
        return "reception/case";
    }

    @PostMapping("/c/{centre}/dossiers/{id}/etapes")
    String addStep(CentreScope scope, @PathVariable long id, @RequestParam String date, @RequestParam String note,
                   @RequestParam(defaultValue = "") String outcome, RedirectAttributes flash) {
        scope.requireAttendance();
        try {
            LocalDate day = date.isBlank() ? scope.today() : Parse.date(date.trim());
            if (note.isBlank()) {
                flash.addFlashAttribute("error", "La note de l'étape est vide.");
            } else {
                cases.addStep(scope, id, day, note, outcome);
                flash.addFlashAttribute("message", "Étape enregistrée.");
            }
        } catch (DateTimeParseException e) {
            flash.addFlashAttribute("error", "Date invalide : écrivez-la JJ/MM/AAAA.");
        }
        return "redirect:" + scope.base() + "/dossiers/" + id;
    }

    @PostMapping("/c/{centre}/dossiers/{id}/documents")
    String addDocument(CentreScope scope, @PathVariable long id, @RequestParam String name, RedirectAttributes flash) {
        scope.requireAttendance();
        if (!name.isBlank()) {
            cases.addDocument(scope, id, name);
        }
        return "redirect:" + scope.base() + "/dossiers/" + id;
    }

    @PostMapping("/c/{centre}/dossiers/{id}/partages")
    String share(CentreScope scope, @PathVariable long id, @RequestParam long userId, RedirectAttributes flash) {
        scope.requireAttendance();
        cases.share(scope, id, userId);
        flash.addFlashAttribute("message", "Dossier partagé.");
        return "redirect:" + scope.base() + "/dossiers/" + id;
    }

    @PostMapping("/c/{centre}/dossiers/{id}/cloture")
    String close(CentreScope scope, @PathVariable long id, @RequestParam String outcome, RedirectAttributes flash) {
        scope.requireAttendance();
        if (outcome.isBlank()) {
            flash.addFlashAttribute("error", "Indiquez l'issue de l'accompagnement pour clore le dossier.");
        } else {
            cases.close(scope, id, scope.today(), outcome);
            flash.addFlashAttribute("message", "Dossier clos.");
        }
        return "redirect:" + scope.base() + "/dossiers/" + id;
    }

    private void holder(CentreScope scope, Long personne, Long foyer) {
        boolean found = personne != null ? persons.find(scope.id(), personne).isPresent()
                : foyer != null && households.find(scope.id(), foyer).isPresent();
        if (!found) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
