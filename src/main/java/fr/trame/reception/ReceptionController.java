package fr.trame.reception;

import fr.trame.centre.CentreScope;
import fr.trame.centre.UserService;
import fr.trame.form.FieldErrors;
import fr.trame.form.Parse;
import fr.trame.people.PersonService;
import fr.trame.people.RegisterSearch;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/** The reception desk: a contact logged in a few taps, today's list, and staff appointments by week. */
@Controller
public class ReceptionController {

    private final ContactService contacts;
    private final ThemeService themes;
    private final RegisterSearch search;
    private final PersonService persons;
    private final UserService users;
    private final CaseService cases;
    private final fr.trame.people.HouseholdService households;

    public ReceptionController(ContactService contacts, ThemeService themes, RegisterSearch search,
                               PersonService persons, UserService users, CaseService cases,
                               fr.trame.people.HouseholdService households) {
        this.households = households;
        this.contacts = contacts;
        this.themes = themes;
        this.search = search;
        this.persons = persons;
        this.users = users;
        this.cases = cases;
    }

    @GetMapping("/c/{centre}/accueil")
    String counter(CentreScope scope, Model model) {
        scope.requireAttendance();
        return counterPage(scope, model, new FieldErrors(), null, "accueil", List.of(), "", "", "");
    }

    /** Persons matching what is typed, as choices of the quick form (htmx). */
    @GetMapping("/c/{centre}/accueil/personnes")
    String personChoices(CentreScope scope, @RequestParam(defaultValue = "") String q, Model model) {
        scope.requireAttendance();
        model.addAttribute("hits", search.persons(scope.id(), q, 8));
        model.addAttribute("personId", null);
        return "reception/counter :: choices";
    }

    @PostMapping("/c/{centre}/accueil")
    String logContact(CentreScope scope, @RequestParam(required = false) Long personId,
                      @RequestParam(defaultValue = "accueil") String channel,
                      @RequestParam(required = false) List<String> theme,
                      @RequestParam(defaultValue = "") String duration, @RequestParam(defaultValue = "") String note,
                      @RequestParam(defaultValue = "") String orientation, Model model, RedirectAttributes flash) {
        scope.requireAttendance();
        FieldErrors errors = new FieldErrors();
        List<String> chosen = theme == null ? List.of() : theme;
        if (!ThemeService.CHANNELS.contains(channel) || channel.equals("rdv")) {
            errors.add("channel", "Choisissez le canal (les rendez-vous se prennent dans l'agenda).");
        }
        var known = themes.list(scope.id()).stream().map(ThemeService.Theme::code).toList();
        if (chosen.isEmpty() || !known.containsAll(chosen)) {
            errors.add("theme", "Cochez au moins un thème.");
        }
        Integer minutes = null;
        if (!duration.isBlank()) {
            if (duration.trim().matches("\\d{1,4}")) {
                minutes = Integer.parseInt(duration.trim());
            } else {
                errors.add("duration", "Durée en minutes : un nombre entier.");
            }
        }
        if (personId != null && persons.find(scope.id(), personId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (errors.any()) {
            return counterPage(scope, model, errors, personId, channel, chosen, duration, note, orientation);
        }
        contacts.log(scope.id(), new ContactService.NewContact(scope.today(), null, personId, channel, chosen, minutes,
                null, null, blankToNull(note), blankToNull(orientation), scope.userId()));
        flash.addFlashAttribute("message", "Contact enregistré.");
        return "redirect:" + scope.base() + "/accueil";
    }

    @PostMapping("/c/{centre}/accueil/themes")
    String addTheme(CentreScope scope, @RequestParam String label, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        try {
            ThemeService.Theme t = themes.add(scope.id(), label);
            flash.addFlashAttribute("message", "Thème « " + t.label() + " » ajouté (code " + t.code() + " pour les imports).");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + scope.base() + "/accueil";
    }

    /** A staff member's week of appointments, the booking form, and the monthly no-show rates. */
    @GetMapping("/c/{centre}/rdv")
    String agenda(CentreScope scope, @RequestParam(required = false) Long staff,
                  @RequestParam(required = false) LocalDate semaine, @RequestParam(defaultValue = "") String q,
                  Model model) {
        scope.requireAttendance();
        long staffId = staff == null ? scope.userId() : staff;
        LocalDate monday = (semaine == null ? scope.today() : semaine).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        model.addAttribute("staffId", staffId);
        model.addAttribute("staffList", users.usersOfCentre(scope.id()));
        model.addAttribute("monday", monday);
        model.addAttribute("appointments", contacts.appointments(scope.id(), staffId, monday));
        model.addAttribute("themes", themes.list(scope.id()));
        model.addAttribute("rates", contacts.noShowRates(scope.id(), 12));
        model.addAttribute("q", q);
        model.addAttribute("hits", search.persons(scope.id(), q, 8));
        return "reception/agenda";
    }

    @PostMapping("/c/{centre}/rdv")
    String book(CentreScope scope, @RequestParam long staff, @RequestParam long personId, @RequestParam String date,
                @RequestParam String time, @RequestParam(defaultValue = "30") String duration,
                @RequestParam(required = false) List<String> theme, RedirectAttributes flash) {
        scope.requireAttendance();
        persons.find(scope.id(), personId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean staffOfCentre = users.usersOfCentre(scope.id()).stream().anyMatch(u -> u.userId() == staff);
        if (!staffOfCentre) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        LocalDate day;
        LocalTime at;
        try {
            day = Parse.date(date.trim());
            at = LocalTime.parse(time.trim());
        } catch (DateTimeParseException e) {
            flash.addFlashAttribute("error", "Date (JJ/MM/AAAA) ou heure (HH:MM) invalide : le rendez-vous n'est pas pris.");
            return "redirect:" + scope.base() + "/rdv?staff=" + staff;
        }
        List<String> chosen = theme == null || theme.isEmpty() ? List.of("autre") : theme;
        contacts.log(scope.id(), new ContactService.NewContact(day, at, personId, "rdv", chosen,
                duration.matches("\\d{1,3}") ? Integer.parseInt(duration) : 30, "prevu", staff, null, null, scope.userId()));
        flash.addFlashAttribute("message", "Rendez-vous pris le " + day.format(Parse.FRENCH_DATE) + " à " + at + ".");
        return "redirect:" + scope.base() + "/rdv?staff=" + staff + "&semaine=" + day;
    }

    @PostMapping("/c/{centre}/rdv/{id}/statut")
    String setStatus(CentreScope scope, @PathVariable long id, @RequestParam String status, RedirectAttributes flash) {
        scope.requireAttendance();
        ContactService.Contact c = contacts.find(scope.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!ContactService.APPOINTMENT_STATUSES.contains(status)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        contacts.setStatus(scope.id(), id, status);
        flash.addFlashAttribute("message", "Rendez-vous mis à jour.");
        return "redirect:" + scope.base() + "/rdv?staff=" + c.staffUserId() + "&semaine=" + c.date();
    }

    /** Loaded into the person's page: their contacts, and the case files they have (content only for those allowed). */
    @GetMapping("/c/{centre}/personnes/{personId}/accueil")
    String personReception(CentreScope scope, @PathVariable long personId, Model model) {
        scope.requireAttendance();
        persons.find(scope.id(), personId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("personId", personId);
        model.addAttribute("contacts", contacts.ofPerson(scope.id(), personId, 30));
        model.addAttribute("cases", cases.ofPerson(scope, personId));
        return "reception/person";
    }

    /** Loaded into the household's page: the case files of the household and of its members. */
    @GetMapping("/c/{centre}/foyers/{householdId}/accueil")
    String householdReception(CentreScope scope, @PathVariable long householdId, Model model) {
        scope.requireAttendance();
        households.find(scope.id(), householdId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("householdId", householdId);
        model.addAttribute("cases", cases.ofHousehold(scope, householdId));
        return "reception/household";
    }

    private String counterPage(CentreScope scope, Model model, FieldErrors errors, Long personId, String channel,
                               List<String> chosen, String duration, String note, String orientation) {
        model.addAttribute("errors", errors);
        model.addAttribute("themes", themes.list(scope.id()));
        model.addAttribute("channels", ThemeService.CHANNELS.stream().filter(c -> !c.equals("rdv")).toList());
        model.addAttribute("today", contacts.on(scope.id(), scope.today()));
        model.addAttribute("personId", personId);
        model.addAttribute("person", personId == null ? null : persons.find(scope.id(), personId).orElse(null));
        model.addAttribute("channel", channel);
        model.addAttribute("chosen", chosen);
        model.addAttribute("duration", duration);
        model.addAttribute("note", note);
        model.addAttribute("orientation", orientation);
        model.addAttribute("hits", List.of());
        return "reception/counter";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
