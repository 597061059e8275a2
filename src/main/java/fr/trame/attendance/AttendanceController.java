package fr.trame.attendance;

import fr.trame.activities.EnrolmentService;
import fr.trame.activities.SessionService;
import fr.trame.centre.CentreScope;
import fr.trame.csv.CsvExport;
import fr.trame.people.PersonService;
import fr.trame.people.RegisterSearch;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** The attendance sheet (each tap saved at once), the day view of sessions, and the ACM monthly hours. */
@Controller
public class AttendanceController {

    private final AttendanceService attendance;
    private final SessionService sessions;
    private final HoursService hours;
    private final RegisterSearch search;
    private final PersonService persons;
    private final EnrolmentService enrolments;
    private final fr.trame.people.HouseholdService households;
    private final fr.trame.activities.ActivityService activities;

    public AttendanceController(AttendanceService attendance, SessionService sessions, HoursService hours,
                                RegisterSearch search, PersonService persons, EnrolmentService enrolments,
                                fr.trame.people.HouseholdService households,
                                fr.trame.activities.ActivityService activities) {
        this.households = households;
        this.activities = activities;
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.sessions = sessions;
        this.hours = hours;
        this.search = search;
        this.persons = persons;
    }

    @GetMapping("/c/{centre}/jour")
    String day(CentreScope scope, @RequestParam(required = false) LocalDate date, Model model) {
        scope.requireAttendance();
        LocalDate day = date == null ? LocalDate.now() : date;
        model.addAttribute("day", day);
        model.addAttribute("sessions", sessions.on(scope.id(), day));
        return "attendance/day";
    }

    @GetMapping("/c/{centre}/seances/{sessionId}")
    String sheet(CentreScope scope, @PathVariable long sessionId, @RequestParam(defaultValue = "") String q, Model model) {
        scope.requireAttendance();
        model.addAttribute("seance", session(scope, sessionId));
        model.addAttribute("lines", attendance.sheet(scope.id(), sessionId));
        model.addAttribute("q", q);
        model.addAttribute("hits", search.persons(scope.id(), q, 10));
        return "attendance/sheet";
    }

    /** One tap on a name: saved at once; htmx gets the line back, a browser without script the whole sheet. */
    @PostMapping("/c/{centre}/seances/{sessionId}/presences/{personId}")
    String tap(CentreScope scope, @PathVariable long sessionId, @PathVariable long personId,
               @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        scope.requireAttendance();
        session(scope, sessionId);
        person(scope, personId);
        attendance.cycle(scope.id(), sessionId, personId);
        if (htmx == null) {
            return "redirect:" + scope.base() + "/seances/" + sessionId;
        }
        model.addAttribute("seance", session(scope, sessionId));
        model.addAttribute("line", attendance.line(scope.id(), sessionId, personId).orElseThrow());
        return "attendance/sheet :: line";
    }

    @PostMapping("/c/{centre}/seances/{sessionId}/tous-presents")
    String allPresent(CentreScope scope, @PathVariable long sessionId, RedirectAttributes flash) {
        scope.requireAttendance();
        session(scope, sessionId);
        attendance.allPresent(scope.id(), sessionId);
        flash.addFlashAttribute("message", "Tous les inscrits sont notés présents.");
        return "redirect:" + scope.base() + "/seances/" + sessionId;
    }

    @PostMapping("/c/{centre}/seances/{sessionId}/ajout")
    String add(CentreScope scope, @PathVariable long sessionId, @RequestParam long personId, RedirectAttributes flash) {
        scope.requireAttendance();
        session(scope, sessionId);
        person(scope, personId);
        attendance.save(scope.id(), sessionId, java.util.Map.of(personId, "present"));
        flash.addFlashAttribute("message", "Personne ajoutée à la séance (présente).");
        return "redirect:" + scope.base() + "/seances/" + sessionId;
    }

    @PostMapping("/c/{centre}/seances/{sessionId}/horaires/{personId}")
    String times(CentreScope scope, @PathVariable long sessionId, @PathVariable long personId,
                 @RequestParam(defaultValue = "") String arrival, @RequestParam(defaultValue = "") String departure,
                 RedirectAttributes flash) {
        scope.requireAttendance();
        session(scope, sessionId);
        person(scope, personId);
        try {
            LocalTime a = arrival.isBlank() ? null : LocalTime.parse(arrival);
            LocalTime d = departure.isBlank() ? null : LocalTime.parse(departure);
            if (a != null && d != null && !d.isAfter(a)) {
                flash.addFlashAttribute("error", "L'heure de départ doit suivre l'heure d'arrivée.");
            } else {
                attendance.setTimes(scope.id(), sessionId, personId, a, d);
            }
        } catch (DateTimeParseException e) {
            flash.addFlashAttribute("error", "Heures invalides : écrivez-les HH:MM.");
        }
        return "redirect:" + scope.base() + "/seances/" + sessionId;
    }

    @PostMapping("/c/{centre}/seances/{sessionId}/effectif")
    String headcount(CentreScope scope, @PathVariable long sessionId, @RequestParam String headcount,
                     RedirectAttributes flash) {
        scope.requireAttendance();
        session(scope, sessionId);
        String v = headcount.trim();
        if (!v.matches("\\d{1,6}")) {
            flash.addFlashAttribute("error", "Effectif : nombre entier attendu.");
        } else {
            attendance.setHeadcount(scope.id(), sessionId, Integer.parseInt(v));
            flash.addFlashAttribute("message", "Effectif anonyme enregistré.");
        }
        return "redirect:" + scope.base() + "/seances/" + sessionId;
    }

    /** Loaded into the person's page: their enrolments and latest attendance. */
    @GetMapping("/c/{centre}/personnes/{personId}/activites")
    String personActivities(CentreScope scope, @PathVariable long personId, Model model) {
        scope.requirePersonalData();
        PersonService.Person person = persons.find(scope.id(), personId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Personne introuvable."));
        model.addAttribute("enrolments", enrolments.ofPerson(scope.id(), personId));
        model.addAttribute("history", attendance.ofPerson(scope.id(), personId, 50));
        // enrol from here: the open activities, for this person (an anonymised person is never enrolled again)
        model.addAttribute("openActivities", activities.list(scope.id()));
        model.addAttribute("enrolWho", person.anonymised() ? java.util.List.of()
                : java.util.List.of(new EnrolChoice(personId, person.firstName() + " " + person.lastName())));
        model.addAttribute("returnTo", scope.base() + "/personnes/" + personId + "#activites");
        return "attendance/person-activities";
    }

    /** Loaded into the household's page: its members' enrolments. */
    @GetMapping("/c/{centre}/foyers/{householdId}/activites")
    String householdActivities(CentreScope scope, @PathVariable long householdId, Model model) {
        scope.requirePersonalData();
        households.find(scope.id(), householdId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Foyer introuvable."));
        model.addAttribute("enrolments", enrolments.ofHousehold(scope.id(), householdId));
        model.addAttribute("history", java.util.List.of());
        model.addAttribute("openActivities", activities.list(scope.id()));
        model.addAttribute("enrolWho", households.members(scope.id(), householdId).stream()
                .filter(fr.trame.people.HouseholdService.Member::current)
                .map(m -> new EnrolChoice(m.personId(), m.firstName() + " " + m.lastName())).toList());
        model.addAttribute("returnTo", scope.base() + "/foyers/" + householdId + "#activites");
        return "attendance/person-activities";
    }

    @GetMapping("/c/{centre}/acm/heures")
    String acmHours(CentreScope scope, @RequestParam(required = false) String mois, Model model) {
        scope.requirePersonalData();
        YearMonth month = month(mois);
        model.addAttribute("month", month);
        model.addAttribute("children", hours.acmByChild(scope.id(), month));
        model.addAttribute("groups", hours.acmByAgeGroup(scope.id(), month));
        return "attendance/acm-hours";
    }

    @GetMapping("/c/{centre}/acm/heures.csv")
    ResponseEntity<byte[]> acmHoursCsv(CentreScope scope, @RequestParam(required = false) String mois) {
        scope.requirePersonalData();
        YearMonth month = month(mois);
        byte[] csv = CsvExport.forExcel(List.of("nom", "prenom", "tranche_age", "presences", "heures"),
                hours.acmByChild(scope.id(), month).stream()
                        .map(c -> Arrays.<Object>asList(c.lastName(), c.firstName(), c.ageGroup(), c.presences(), c.hours())).toList());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"heures-acm-" + month + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv);
    }

    private static YearMonth month(String mois) {
        try {
            return mois == null || mois.isBlank() ? YearMonth.now() : YearMonth.parse(mois);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Mois invalide : AAAA-MM attendu.");
        }
    }

    /** Attendance rows carry no foreign key: the person is checked to be of this centre before any write. */
    /** A person the enrolment form of a person's or household's page offers. */
    public record EnrolChoice(long personId, String name) {
    }

    private void person(CentreScope scope, long personId) {
        persons.find(scope.id(), personId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Personne introuvable."));
    }

    private SessionService.Session session(CentreScope scope, long sessionId) {
        return sessions.find(scope.id(), sessionId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Séance introuvable."));
    }
}
