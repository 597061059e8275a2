package fr.trame.attendance;

import fr.trame.form.Refused;
import fr.trame.form.NotFound;
import fr.trame.activities.ActivityService;
import fr.trame.activities.EnrolmentService;
import fr.trame.activities.SessionService;
import fr.trame.centre.CentreScope;
import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
import fr.trame.centre.Role;
import fr.trame.csv.CsvExport;
import fr.trame.people.HouseholdService;
import fr.trame.people.PersonService;
import fr.trame.people.RegisterSearch;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
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
class AttendanceController {

    private final AttendanceService attendance;
    private final SessionService sessions;
    private final HoursService hours;
    private final RegisterSearch search;
    private final PersonService persons;
    private final EnrolmentService enrolments;
    private final HouseholdService households;
    private final ActivityService activities;

    public AttendanceController(AttendanceService attendance, SessionService sessions, HoursService hours,
                                RegisterSearch search, PersonService persons, EnrolmentService enrolments,
                                HouseholdService households,
                                ActivityService activities) {
        this.households = households;
        this.activities = activities;
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.sessions = sessions;
        this.hours = hours;
        this.search = search;
        this.persons = persons;
    }

    /**
     * The sessions of a day. An animateur lands here (see the centre's home) on their own sessions, those of the
     * activities they are referent of, with a link to all; when none of the day's sessions is theirs, all are shown.
     */
    @GetMapping("/c/{centre}/jour")
    String day(CentreScope scope, @RequestParam(required = false) LocalDate date,
               @RequestParam(required = false) String vue, Model model) {
        scope.requireAttendance();
        LocalDate day = date == null ? scope.today() : date;
        List<SessionService.Session> all = sessions.on(scope.id(), day);
        boolean mineAsked = vue == null ? scope.role() == Role.ANIMATEUR : vue.equals("miennes");
        List<SessionService.Session> mine = mineAsked ? sessions.onOfReferent(scope.id(), day, scope.userId()) : List.of();
        boolean showMine = mineAsked && !mine.isEmpty();
        model.addAttribute("day", day);
        model.addAttribute("sessions", showMine ? mine : all);
        model.addAttribute("mine", showMine);
        model.addAttribute("noneOfMine", mineAsked && mine.isEmpty() && !all.isEmpty());
        model.addAttribute("allCount", all.size());
        return "attendance/day";
    }

    @GetMapping("/c/{centre}/seances/{sessionId}")
    String sheet(CentreScope scope, @PathVariable long sessionId, @RequestParam(defaultValue = "") String q, Model model) {
        scope.requireAttendance();
        return sheetPage(scope, session(scope, sessionId), q, model);
    }

    /** The sign-in sheet to print: the same lines, a signature column, no menu. */
    @GetMapping("/c/{centre}/seances/{sessionId}/emargement")
    String signInSheet(CentreScope scope, @PathVariable long sessionId, Model model) {
        scope.requireAttendance();
        model.addAttribute("seance", session(scope, sessionId));
        model.addAttribute("lines", attendance.sheet(scope.id(), sessionId));
        return "attendance/sign-in";
    }

    /**
     * One tap on a name: saved at once. htmx gets back only the line, the counter and the announcement (so the sheet
     * keeps its scroll and the focus); a browser without script comes back to the line on the whole sheet.
     */
    @PostMapping("/c/{centre}/seances/{sessionId}/presences/{personId}")
    String tap(CentreScope scope, @PathVariable long sessionId, @PathVariable long personId,
               @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        scope.requireAttendance();
        SessionService.Session seance = session(scope, sessionId);
        person(scope, personId);
        attendance.cycle(scope.id(), sessionId, personId);
        if (htmx == null) {
            return "redirect:" + scope.base() + "/seances/" + sessionId + "#p-" + personId;
        }
        AttendanceService.Line line = attendance.line(scope.id(), sessionId, personId).orElseThrow();
        return update(scope, seance, List.of(line), line.fullName() + " : " + line.stateWord(), model);
    }

    /** Only the lines still "à faire" become present; the answer offers to undo exactly those. */
    @PostMapping("/c/{centre}/seances/{sessionId}/tous-presents")
    String allPresent(CentreScope scope, @PathVariable long sessionId,
                      @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                      RedirectAttributes flash) {
        scope.requireAttendance();
        SessionService.Session seance = session(scope, sessionId);
        List<Long> changed = attendance.allPresent(scope.id(), sessionId);
        String said = changed.isEmpty() ? "Aucune ligne « à faire » : rien n'a changé."
                : changed.size() + (changed.size() > 1 ? " lignes « à faire » notées présentes." : " ligne « à faire » notée présente.")
                  + " Les absents et excusés gardent leur état.";
        if (htmx == null) {
            flash.addFlashAttribute("message", said);
            flash.addFlashAttribute("undoIds", changed);
            return "redirect:" + scope.base() + "/seances/" + sessionId;
        }
        model.addAttribute("undoIds", changed);
        model.addAttribute("undoBar", true);
        return update(scope, seance, attendance.lines(scope.id(), sessionId, changed), said, model);
    }

    @PostMapping("/c/{centre}/seances/{sessionId}/tous-presents/annuler")
    String undoAllPresent(CentreScope scope, @PathVariable long sessionId,
                          @RequestParam(name = "personId", required = false) List<Long> personIds,
                          @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                          RedirectAttributes flash) {
        scope.requireAttendance();
        SessionService.Session seance = session(scope, sessionId);
        List<Long> restored = attendance.undoAllPresent(scope.id(), sessionId, personIds == null ? List.of() : personIds);
        String said = restored.isEmpty() ? "Rien à annuler : ces lignes ont changé depuis."
                : "Annulé : " + restored.size() + (restored.size() > 1 ? " lignes remises" : " ligne remise") + " « à faire ».";
        if (htmx == null) {
            flash.addFlashAttribute("message", said);
            return "redirect:" + scope.base() + "/seances/" + sessionId;
        }
        model.addAttribute("undoIds", List.of());
        model.addAttribute("undoBar", true);
        model.addAttribute("refocus", true);
        return update(scope, seance, attendance.lines(scope.id(), sessionId, restored), said, model);
    }

    @PostMapping("/c/{centre}/seances/{sessionId}/ajout")
    String add(CentreScope scope, @PathVariable long sessionId, @RequestParam long personId,
               @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
               RedirectAttributes flash) {
        scope.requireAttendance();
        SessionService.Session seance = session(scope, sessionId);
        person(scope, personId);
        boolean added = attendance.add(scope.id(), sessionId, personId);
        AttendanceService.Line line = attendance.line(scope.id(), sessionId, personId).orElseThrow();
        String said = added ? line.fullName() + " : " + line.agreed("ajouté") + " à la séance, " + line.stateWord()
                : line.fullName() + " est déjà sur la feuille : " + line.stateWord();
        if (htmx == null) {
            flash.addFlashAttribute("message", said);
            return "redirect:" + scope.base() + "/seances/" + sessionId + "#p-" + personId;
        }
        // the new line takes its place in alphabetical order: the table body is swapped, the page does not move
        model.addAttribute("seance", seance);
        model.addAttribute("lines", attendance.sheet(scope.id(), sessionId));
        model.addAttribute("tally", attendance.tally(scope.id(), sessionId));
        model.addAttribute("announce", said);
        model.addAttribute("added", line);
        return "attendance/sheet :: added";
    }

    /** A child's arrival and departure at a session. */
    static final class TimesForm implements Form {
        public String arrival;
        public String departure;
        /** Read by {@link #validate}. */
        private LocalTime arrivesAt;
        private LocalTime leavesAt;

        @Override
        public void validate(Errors errors) {
            arrivesAt = Checks.time(errors, "arrival", arrival, false);
            leavesAt = Checks.time(errors, "departure", departure, false);
            if (arrivesAt != null && leavesAt != null && !leavesAt.isAfter(arrivesAt)) {
                errors.rejectValue("departure", "departureBeforeArrival");
            }
        }
    }

    @PostMapping("/c/{centre}/seances/{sessionId}/horaires/{personId}")
    String times(CentreScope scope, @PathVariable long sessionId, @PathVariable long personId, @Validated TimesForm form,
                 BindingResult binding, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                 RedirectAttributes flash) {
        scope.requireAttendance();
        SessionService.Session seance = session(scope, sessionId);
        person(scope, personId);
        // one message, the first: the line has room for one
        String error = binding.hasErrors() ? FieldErrors.of(binding).all().values().iterator().next() : null;
        LocalTime a = form.arrivesAt;
        LocalTime d = form.leavesAt;
        String arrival = form.arrival == null ? "" : form.arrival;
        String departure = form.departure == null ? "" : form.departure;
        if (error == null) {
            attendance.setTimes(scope.id(), sessionId, personId, a, d);
        } else {
            model.addAttribute("timesError", error);
            model.addAttribute("typedArrival", arrival);
            model.addAttribute("typedDeparture", departure);
        }
        AttendanceService.Line line = attendance.line(scope.id(), sessionId, personId).orElseThrow();
        String said = error != null ? line.fullName() + " : heures non enregistrées. " + error
                : line.fullName() + " : heures enregistrées ("
                  + (a == null ? "…" : a) + " – " + (d == null ? "…" : d) + "), " + line.stateWord();
        if (htmx == null) {
            if (error == null) {
                flash.addFlashAttribute("message", said);
                return "redirect:" + scope.base() + "/seances/" + sessionId + "#p-" + personId;
            }
            model.addAttribute("timesFor", personId);
            model.addAttribute("error", said);
            return sheetPage(scope, seance, "", model);
        }
        // the times stay open on the line just saved, so the focus stays on its button
        model.addAttribute("timesFor", personId);
        return update(scope, seance, List.of(line), said, model);
    }

    private String sheetPage(CentreScope scope, SessionService.Session seance, String q, Model model) {
        model.addAttribute("seance", seance);
        model.addAttribute("lines", attendance.sheet(scope.id(), seance.id()));
        model.addAttribute("tally", attendance.tally(scope.id(), seance.id()));
        model.addAttribute("q", q);
        model.addAttribute("hits", search.persons(scope.id(), q, 10));
        return "attendance/sheet";
    }

    /** The answer to an htmx action on the sheet: the changed lines, the counter, the announcement (out of band). */
    private String update(CentreScope scope, SessionService.Session seance, List<AttendanceService.Line> changed,
                          String announce, Model model) {
        model.addAttribute("seance", seance);
        model.addAttribute("changed", changed);
        model.addAttribute("tally", attendance.tally(scope.id(), seance.id()));
        model.addAttribute("announce", announce);
        return "attendance/sheet :: update";
    }

    static final class HeadcountForm implements Form {
        public String headcount;

        @Override
        public void validate(Errors errors) {
            if (headcount == null || !headcount.trim().matches("\\d{1,6}")) {
                errors.rejectValue("headcount", "wholeNumber");
            }
        }
    }

    @PostMapping("/c/{centre}/seances/{sessionId}/effectif")
    String headcount(CentreScope scope, @PathVariable long sessionId, @Validated HeadcountForm form, BindingResult binding,
                     RedirectAttributes flash) {
        scope.requireAttendance();
        session(scope, sessionId);
        if (binding.hasErrors()) {
            flash.addFlashAttribute("error", FieldErrors.of(binding).get("headcount"));
        } else {
            attendance.setHeadcount(scope.id(), sessionId, Integer.parseInt(form.headcount.trim()));
            flash.addFlashAttribute("message", "Effectif anonyme enregistré.");
        }
        return "redirect:" + scope.base() + "/seances/" + sessionId;
    }

    /** Loaded into the person's page: their enrolments and latest attendance. */
    @GetMapping("/c/{centre}/personnes/{personId}/activites")
    String personActivities(CentreScope scope, @PathVariable long personId, Model model) {
        scope.requirePersonalData();
        PersonService.Person person = persons.find(scope.id(), personId)
                .orElseThrow(() -> new NotFound("Personne introuvable."));
        model.addAttribute("enrolments", enrolments.ofPerson(scope.id(), personId));
        model.addAttribute("history", attendance.ofPerson(scope.id(), personId, 50));
        // enrol from here: the open activities, for this person (an anonymised person is never enrolled again)
        model.addAttribute("openActivities", activities.choices(scope.id()));
        model.addAttribute("enrolWho", person.anonymised() ? List.of()
                : List.of(new EnrolChoice(personId, person.firstName() + " " + person.lastName())));
        model.addAttribute("returnTo", scope.base() + "/personnes/" + personId + "#activites");
        return "attendance/person-activities";
    }

    /** Loaded into the household's page: its members' enrolments. */
    @GetMapping("/c/{centre}/foyers/{householdId}/activites")
    String householdActivities(CentreScope scope, @PathVariable long householdId, Model model) {
        scope.requirePersonalData();
        households.find(scope.id(), householdId)
                .orElseThrow(() -> new NotFound("Foyer introuvable."));
        model.addAttribute("enrolments", enrolments.ofHousehold(scope.id(), householdId));
        model.addAttribute("history", List.of());
        model.addAttribute("openActivities", activities.choices(scope.id()));
        model.addAttribute("enrolWho", households.members(scope.id(), householdId).stream()
                .filter(m -> m.current(scope.today()) && !m.anonymised())
                .map(m -> new EnrolChoice(m.personId(), m.firstName() + " " + m.lastName())).toList());
        model.addAttribute("returnTo", scope.base() + "/foyers/" + householdId + "#activites");
        return "attendance/person-activities";
    }

    @GetMapping("/c/{centre}/acm/heures")
    String acmHours(CentreScope scope, @RequestParam(required = false) String mois, Model model) {
        scope.requirePersonalData();
        YearMonth month = month(mois, scope.today());
        model.addAttribute("month", month);
        model.addAttribute("children", hours.acmByChild(scope.id(), month));
        model.addAttribute("groups", hours.acmByAgeGroup(scope.id(), month));
        return "attendance/acm-hours";
    }

    @GetMapping("/c/{centre}/acm/heures.csv")
    ResponseEntity<byte[]> acmHoursCsv(CentreScope scope, @RequestParam(required = false) String mois) {
        scope.requirePersonalData();
        YearMonth month = month(mois, scope.today());
        byte[] csv = CsvExport.forExcel(List.of("nom", "prenom", "tranche_age", "presences", "heures"),
                hours.acmByChild(scope.id(), month).stream()
                        .map(c -> Arrays.<Object>asList(c.lastName(), c.firstName(), c.ageGroup(), c.presences(), c.hours())).toList());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"heures-acm-" + month + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv);
    }

    private static YearMonth month(String mois, LocalDate today) {
        try {
            return mois == null || mois.isBlank() ? YearMonth.from(today) : YearMonth.parse(mois);
        } catch (DateTimeParseException e) {
            throw new Refused("Mois invalide : AAAA-MM attendu.");
        }
    }

    /** Attendance rows carry no foreign key: the person is checked to be of this centre before any write. */
    /** A person the enrolment form of a person's or household's page offers. */
    public record EnrolChoice(long personId, String name) {
    }

    private void person(CentreScope scope, long personId) {
        persons.find(scope.id(), personId)
                .orElseThrow(() -> new NotFound("Personne introuvable."));
    }

    private SessionService.Session session(CentreScope scope, long sessionId) {
        return sessions.find(scope.id(), sessionId)
                .orElseThrow(() -> new NotFound("Séance introuvable."));
    }
}
