package fr.trame.activities;

import fr.trame.form.NotFound;
import fr.trame.centre.CentreScope;
import fr.trame.csv.ListDownload;
import fr.trame.centre.UserService;
import fr.trame.form.FieldErrors;
import fr.trame.form.Checks;
import fr.trame.form.Form;
import fr.trame.form.Parse;
import fr.trame.form.Refused;
import fr.trame.form.Vocabulary;
import fr.trame.people.MembershipService;
import fr.trame.people.PersonService;
import fr.trame.people.RegisterSearch;
import fr.trame.reception.CaseOutcomeService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

@Controller
class ActivityController {

    private final ActivityService activities;
    private final SectorService sectors;
    private final SessionService sessions;
    private final EnrolmentService enrolments;
    private final CaseOutcomeService outcomes;
    private final UserService users;
    private final MembershipService memberships;
    private final RegisterSearch search;
    private final PersonService persons;

    public ActivityController(ActivityService activities, SectorService sectors, SessionService sessions,
                              EnrolmentService enrolments, UserService users, MembershipService memberships,
                              RegisterSearch search, PersonService persons, CaseOutcomeService outcomes) {
        this.outcomes = outcomes;
        this.persons = persons;
        this.activities = activities;
        this.sectors = sectors;
        this.sessions = sessions;
        this.enrolments = enrolments;
        this.users = users;
        this.memberships = memberships;
        this.search = search;
    }

    @GetMapping("/c/{centre}/activites")
    String list(CentreScope scope, Model model) {
        scope.requireAttendance();
        model.addAttribute("activities", activities.list(scope.id()));
        return "activities/list";
    }

    @GetMapping("/c/{centre}/activites/nouvelle")
    String newForm(CentreScope scope, Model model) {
        scope.requireRegisterEdit();
        return form(scope, model, new ActivityForm(), new FieldErrors(), null);
    }

    @PostMapping("/c/{centre}/activites/nouvelle")
    String create(CentreScope scope, @Validated @ModelAttribute("form") ActivityForm form, BindingResult binding, Model model,
                  RedirectAttributes flash) {
        scope.requireRegisterEdit();
        checkReferent(scope, form, binding);
        if (binding.hasErrors()) {
            return form(scope, model, form, FieldErrors.of(binding), null);
        }
        long id = activities.create(scope.id(), form.values());
        flash.addFlashAttribute("message", "Activité créée. Ajoutez ses horaires.");
        return "redirect:" + scope.base() + "/activites/" + id;
    }

    @GetMapping("/c/{centre}/activites/{id}/modifier")
    String editForm(CentreScope scope, @PathVariable long id, Model model) {
        scope.requireRegisterEdit();
        return form(scope, model, ActivityForm.of(activity(scope, id)), new FieldErrors(), id);
    }

    @PostMapping("/c/{centre}/activites/{id}/modifier")
    String update(CentreScope scope, @PathVariable long id, @Validated @ModelAttribute("form") ActivityForm form,
                  BindingResult binding, Model model, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        activity(scope, id);
        checkReferent(scope, form, binding);
        if (binding.hasErrors()) {
            return form(scope, model, form, FieldErrors.of(binding), id);
        }
        activities.update(scope.id(), id, form.values());
        flash.addFlashAttribute("message", "Activité enregistrée.");
        return "redirect:" + scope.base() + "/activites/" + id;
    }

    @GetMapping("/c/{centre}/activites/{id}")
    String show(CentreScope scope, @PathVariable long id, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "false") boolean issues, Model model) {
        scope.requireAttendance();
        model.addAttribute("askOutcomes", issues);
        return showPage(scope, id, q, model, new FieldErrors(), Map.of(), List.of(), null);
    }

    /**
     * The participant's outcome (insertion workshops): one of the centre's outcomes, or none; recorded on today's date.
     */
    @PostMapping("/c/{centre}/inscriptions/{enrolmentId}/issue")
    String enrolmentOutcome(CentreScope scope, @PathVariable long enrolmentId, @RequestParam(defaultValue = "") String outcome,
                            RedirectAttributes flash) {
        scope.requireRegisterEdit();
        EnrolmentService.Enrolment e = enrolments.find(scope.id(), enrolmentId).orElseThrow(ActivityController::notFound);
        try {
            enrolments.setOutcome(scope.id(), enrolmentId, outcome, scope.today());
            flash.addFlashAttribute("message", outcome.isBlank() ? "Issue de " + e.firstName() + " " + e.lastName() + " effacée."
                    : "Issue de " + e.firstName() + " " + e.lastName() + " enregistrée.");
        } catch (Refused refused) {
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + scope.base() + "/activites/" + e.activityId() + "?issues=true#inscriptions";
    }

    private String showPage(CentreScope scope, long id, String q, Model model, FieldErrors errors, Map<String, String> typed,
                            List<Integer> typedWeekdays, String openForm) {
        ActivityService.Activity activity = activity(scope, id);
        List<SessionService.Session> all = sessions.ofActivity(scope.id(), id);
        model.addAttribute("activity", activity);
        model.addAttribute("schedules", sessions.schedules(scope.id(), id));
        model.addAttribute("sessions", all);
        model.addAttribute("heldCount", all.stream().filter(SessionService.Session::held).count());
        model.addAttribute("cancelledCount", all.stream().filter(SessionService.Session::cancelled).count());
        List<EnrolmentService.Enrolment> enrolled = enrolments.ofActivity(scope.id(), id);
        model.addAttribute("enrolments", enrolled);
        // insertion workshops record each participant's outcome: no kind says which activity is one, so the column shows
        // once an outcome is recorded, or on demand
        boolean outcomesShown = Boolean.TRUE.equals(model.getAttribute("askOutcomes"))
                || enrolled.stream().anyMatch(e -> e.outcomeCode() != null);
        model.addAttribute("outcomesShown", outcomesShown);
        model.addAttribute("outcomes", outcomesShown ? outcomes.all(scope.id()) : List.of());
        model.addAttribute(ListDownload.MODEL, new ListDownload("inscriptions-" + activity.name(), List.of("Nom", "Prénom",
                "Naissance", "Statut", "Rang d'attente", "Demande", "Téléphone", "Dérogation d'âge"), enrolled.stream()
                .map(e -> Arrays.<Object>asList(e.lastName(), e.firstName(), e.birthDate(),
                        Vocabulary.label(e.status()), e.waitRank(),
                        e.requestedAt() == null ? null : e.requestedAt().atZoneSameInstant(scope.zone()).toLocalDate(),
                        e.phone(), e.ageOverrideReason())).toList()));
        model.addAttribute("q", q);
        RegisterSearch.Found<RegisterSearch.PersonHit> found = search.findPersons(scope.id(), q, 10);
        model.addAttribute("hits", found.hits());
        model.addAttribute("more", found.moreMessage());
        model.addAttribute("holidayRules", SessionService.HOLIDAY_RULES);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("typedWeekdays", typedWeekdays);
        model.addAttribute("openForm", openForm);
        return "activities/show";
    }

    /** A weekly schedule: the days, the hours, the period and the rule of the school holidays. */
    static final class ScheduleForm implements Form {
        public List<String> weekdays;
        public String start;
        public String end;
        public String from;
        public String to;
        public String holidays;
        /** Read by {@link #validate}. */
        private final List<Integer> days = new ArrayList<>();
        private LocalTime startsAt;
        private LocalTime endsAt;
        private LocalDate first;
        private LocalDate last;

        @Override
        public void validate(Errors errors) {
            days.clear();
            for (String d : weekdays == null ? List.<String>of() : weekdays) {
                if (d.matches("[1-7]")) {
                    days.add(Integer.parseInt(d));
                } else if (!errors.hasFieldErrors("weekdays")) {
                    errors.rejectValue("weekdays", "choice");
                }
            }
            if (days.isEmpty() && !errors.hasFieldErrors("weekdays")) {
                errors.rejectValue("weekdays", "oneWeekday");
            }
            startsAt = Checks.time(errors, "start", start, true);
            endsAt = Checks.time(errors, "end", end, true);
            first = Checks.date(errors, "from", from, true);
            last = Checks.date(errors, "to", to, true);
            Checks.choice(errors, "holidays", holidays, true, SessionService.HOLIDAY_RULES);
            if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
                errors.rejectValue("end", "endBeforeStartTime");
            }
            Checks.notBefore(errors, "to", last, first);
            if (first != null && last != null && first.plusYears(2).isBefore(last)) {
                errors.rejectValue("to", "twoYears");
            }
        }
    }

    /** A weekly schedule; when something is wrong, the form comes back as typed, the field named. */
    @PostMapping("/c/{centre}/activites/{id}/horaires")
    String addSchedule(CentreScope scope, @PathVariable long id, @Validated ScheduleForm form, BindingResult binding, Model model,
                       RedirectAttributes flash) {
        scope.requireRegisterEdit();
        activity(scope, id);
        if (binding.hasErrors()) {
            return showPage(scope, id, "", model, FieldErrors.of(binding), form.typed(), form.days, "horaire");
        }
        int planned = sessions.addWeekly(scope.id(), id, form.days, form.startsAt, form.endsAt, form.first, form.last,
                form.holidays.trim());
        flash.addFlashAttribute("message", planned + " séance(s) planifiée(s).");
        return "redirect:" + scope.base() + "/activites/" + id + "#seances";
    }

    static final class SessionForm implements Form {
        public String date;
        public String sessionStart;
        public String sessionEnd;
        /** Read by {@link #validate}. */
        private LocalDate day;
        private LocalTime startsAt;
        private LocalTime endsAt;

        @Override
        public void validate(Errors errors) {
            day = Checks.date(errors, "date", date, true);
            startsAt = Checks.time(errors, "sessionStart", sessionStart, true);
            endsAt = Checks.time(errors, "sessionEnd", sessionEnd, true);
            if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
                errors.rejectValue("sessionEnd", "endBeforeStartTime");
            }
        }
    }

    @PostMapping("/c/{centre}/activites/{id}/seances")
    String addSession(CentreScope scope, @PathVariable long id, @Validated SessionForm form, BindingResult binding, Model model) {
        scope.requireAttendance();
        activity(scope, id);
        if (binding.hasErrors()) {
            return showPage(scope, id, "", model, FieldErrors.of(binding), form.typed(), List.of(), "seance");
        }
        long sessionId = sessions.addOneOff(scope.id(), id, form.day, form.startsAt, form.endsAt);
        return "redirect:" + scope.base() + "/seances/" + sessionId;
    }

    @PostMapping("/c/{centre}/seances/{sessionId}/annuler")
    String cancelSession(CentreScope scope, @PathVariable long sessionId, @RequestParam String reason,
                         RedirectAttributes flash) {
        scope.requireAttendance();
        SessionService.Session session = sessions.find(scope.id(), sessionId).orElseThrow(ActivityController::notFound);
        if (reason.isBlank()) {
            flash.addFlashAttribute("error", "Indiquez la raison de l'annulation.");
        } else {
            sessions.cancel(scope.id(), sessionId, reason.trim());
            flash.addFlashAttribute("message", "Séance du " + session.date().format(Parse.FRENCH_DATE) + " annulée.");
        }
        return "redirect:" + scope.base() + "/activites/" + session.activityId() + "#seances";
    }

    @PostMapping("/c/{centre}/activites/{id}/inscriptions")
    String enrol(CentreScope scope, @PathVariable long id, @RequestParam long personId,
                 @RequestParam(defaultValue = "") String ageOverrideReason, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        activity(scope, id);
        EnrolmentService.Result result = enrolments.enrol(scope.id(), id, personId, ageOverrideReason);
        if (result.outcome() == EnrolmentService.Outcome.AGE_HORS_LIMITES) {
            flash.addFlashAttribute("error", result.message());
            flash.addFlashAttribute("ageCheckPersonId", personId);
        } else {
            flash.addFlashAttribute(result.outcome() == EnrolmentService.Outcome.DEJA_INSCRIT ? "error" : "message",
                    result.message());
        }
        return "redirect:" + scope.base() + "/activites/" + id + "#inscriptions";
    }

    /**
     * Enrols a person from their person or household page (the same rules as from the activity: capacity, waiting
     * list, age limits), then goes back there.
     */
    @PostMapping("/c/{centre}/personnes/inscription")
    String enrolFromRegister(CentreScope scope, @RequestParam(required = false) Long personId,
                             @RequestParam(required = false) Long activityId,
                             @RequestParam(defaultValue = "") String ageOverrideReason,
                             @RequestParam(defaultValue = "") String returnTo, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        String back = scope.pageOrElse(returnTo, "/foyers");
        if (personId == null || activityId == null) {
            flash.addFlashAttribute("error", personId == null ? "Personne : choisissez qui inscrire."
                    : "Activité : choisissez l'activité.");
            return "redirect:" + back;
        }
        var person = persons.find(scope.id(), personId).orElseThrow(ActivityController::notFound);
        if (person.anonymised()) {
            flash.addFlashAttribute("error", "Personne anonymisée : elle ne s'inscrit plus aux activités.");
            return "redirect:" + back;
        }
        ActivityService.Activity activity = activity(scope, activityId);
        EnrolmentService.Result result = enrolments.enrol(scope.id(), activityId, personId, ageOverrideReason);
        flash.addFlashAttribute(result.outcome() == EnrolmentService.Outcome.INSCRIT
                        || result.outcome() == EnrolmentService.Outcome.ATTENTE ? "message" : "error",
                activity.name() + ", " + person.firstName() + " " + person.lastName() + " : " + result.message());
        return "redirect:" + back;
    }

    @PostMapping("/c/{centre}/inscriptions/{enrolmentId}/annuler")
    String cancelEnrolment(CentreScope scope, @PathVariable long enrolmentId, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        EnrolmentService.Enrolment e = enrolments.find(scope.id(), enrolmentId).orElseThrow(ActivityController::notFound);
        var promoted = enrolments.cancel(scope.id(), enrolmentId);
        flash.addFlashAttribute("message", "Inscription annulée." + (promoted.isPresent()
                ? " La première personne en liste d'attente prend la place." : ""));
        return "redirect:" + scope.base() + "/activites/" + e.activityId() + "#inscriptions";
    }

    @GetMapping("/c/{centre}/secteurs")
    String sectors(CentreScope scope, Model model) {
        scope.requireAttendance();
        model.addAttribute("sectors", sectors.list(scope.id()));
        return "activities/sectors";
    }

    @PostMapping("/c/{centre}/secteurs")
    String addSector(CentreScope scope, @RequestParam(defaultValue = "") String name, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        if (name.isBlank()) {
            flash.addFlashAttribute("error", "Indiquez le nom du nouveau secteur.");
        } else {
            sectors.findOrCreate(scope.id(), name);
            flash.addFlashAttribute("message", "Secteur « " + name.trim() + " » enregistré.");
        }
        return "redirect:" + scope.base() + "/secteurs";
    }

    @PostMapping("/c/{centre}/secteurs/{sectorId}")
    String renameSector(CentreScope scope, @PathVariable long sectorId, @RequestParam(defaultValue = "") String name,
                        RedirectAttributes flash) {
        scope.requireRegisterEdit();
        if (name.isBlank()) {
            flash.addFlashAttribute("error", "Indiquez le nouveau nom du secteur : un secteur garde toujours un nom.");
        } else {
            try {
                if (!sectors.rename(scope.id(), sectorId, name)) {
                    throw notFound();
                }
                flash.addFlashAttribute("message", "Secteur renommé.");
            } catch (IllegalArgumentException e) {
                flash.addFlashAttribute("error", e.getMessage());
            }
        }
        return "redirect:" + scope.base() + "/secteurs";
    }

    private ActivityService.Activity activity(CentreScope scope, long id) {
        return activities.find(scope.id(), id).orElseThrow(ActivityController::notFound);
    }

    /** The referent is one of this centre's staff: an id of another centre's user would show that user's name. */
    private void checkReferent(CentreScope scope, ActivityForm form, Errors errors) {
        Long referent = form.getReferentUserId();
        if (referent != null && !users.isStaffOf(scope.id(), referent)) {
            errors.rejectValue("referentUserId", "referent");
        }
    }

    private String form(CentreScope scope, Model model, ActivityForm form, FieldErrors errors, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("activityId", id);
        model.addAttribute("sectors", sectors.list(scope.id()));
        model.addAttribute("kinds", ActivityService.KINDS);
        model.addAttribute("publics", ActivityService.PUBLICS);
        model.addAttribute("staff", users.staffOfCentre(scope.id()));
        model.addAttribute("seasons", memberships.seasons(scope.id()));
        return "activities/form";
    }

    static NotFound notFound() {
        return new NotFound("Fiche introuvable.");
    }
}
