package fr.trame.training;

import fr.trame.federation.FederationScope;
import fr.trame.federation.Structure;
import fr.trame.federation.StructureService;
import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
import fr.trame.form.NotFound;
import fr.trame.form.Parse;
import fr.trame.form.Refused;
import fr.trame.form.Vocabulary;
import fr.trame.training.TrainingService.Course;
import fr.trame.training.TrainingService.NewHalfDay;
import fr.trame.training.TrainingService.NewRegistration;
import fr.trame.training.TrainingService.NewSession;
import fr.trame.training.TrainingService.Registration;
import fr.trame.training.TrainingService.Session;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A session of the catalogue: its planning (place, places, half-days, trainers), its page with its status and
 * registrations, the federation's registration form. The direction manages it; a délégué registers people of the
 * structures of their ATs; a reader sees how many are registered, never who.
 */
@Controller
class TrainingSessionController {

    /** Blank half-day rows the planning form offers. */
    static final int BLANK_DAYS = 4;
    static final int MAX_DAYS = 40;
    static final BigDecimal MIN_HOURS = new BigDecimal("0.5");
    static final BigDecimal MAX_HOURS = new BigDecimal("6");

    private final TrainingService training;
    private final TrainingCatalogueService catalogue;
    private final StructureService structures;
    private final RegistrableStructures registrable;
    private final SignInService signIn;

    TrainingSessionController(TrainingService training, TrainingCatalogueService catalogue, StructureService structures,
                              RegistrableStructures registrable, SignInService signIn) {
        this.training = training;
        this.catalogue = catalogue;
        this.structures = structures;
        this.registrable = registrable;
        this.signIn = signIn;
    }

    /** One half-day row as typed. */
    record DayRow(String day, String period, String hours) {
    }

    /** The planning form: the half-days in parallel lists (the n-th day with the n-th period and hours). */
    static final class SessionForm implements Form {
        public String courseId;
        public String place;
        public String minParticipants;
        public String maxParticipants;
        public List<String> day;
        public List<String> period;
        public List<String> hours;
        public List<String> trainerIds;
        private Integer min;
        private Integer max;
        private Long course;

        @Override
        public void validate(Errors errors) {
            course = Checks.id(errors, "courseId", courseId, true);
            Checks.text(errors, "place", place, false, 300);
            min = Checks.integer(errors, "minParticipants", minParticipants, true, 0, 1000);
            max = Checks.integer(errors, "maxParticipants", maxParticipants, true, 1, 1000);
            if (min != null && max != null && min > max) {
                errors.rejectValue("minParticipants", "minOverMax");
            }
        }

        List<DayRow> rows() {
            List<DayRow> rows = new ArrayList<>();
            int n = day == null ? 0 : Math.min(day.size(), MAX_DAYS);
            for (int i = 0; i < n; i++) {
                rows.add(new DayRow(value(day, i), value(period, i), value(hours, i)));
            }
            return rows;
        }

        Set<String> trainers() {
            return trainerIds == null ? Set.of() : new HashSet<>(trainerIds);
        }
    }

    private static String value(List<String> list, int i) {
        return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i).trim();
    }

    /**
     * Reads a half-day row: its date, period and hours, or adds a French message naming the line to {@code wrong}.
     */
    static NewHalfDay readDay(DayRow row, String line, List<String> wrong) {
        LocalDate day = Checks.date(row.day());
        int before = wrong.size();
        if (day == null) {
            wrong.add(line + "« " + shown(row.day()) + " » n'est pas une date : écrivez JJ/MM/AAAA.");
        } else if (day.getYear() < Parse.FIRST_REPORT_YEAR || day.getYear() > Parse.LAST_REPORT_YEAR) {
            wrong.add(line + "le " + day.format(Parse.FRENCH_DATE) + " n'est pas une date de formation : l'année doit être entre "
                    + Parse.FIRST_REPORT_YEAR + " et " + Parse.LAST_REPORT_YEAR + ".");
        }
        if (!TrainingService.PERIODS.contains(row.period())) {
            wrong.add(line + "choisissez le matin ou l'après-midi.");
        }
        BigDecimal h = null;
        try {
            h = new BigDecimal(row.hours().replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            wrong.add(line + "« " + shown(row.hours()) + " » n'est pas un nombre d'heures (par exemple 3,5).");
        }
        if (h != null && (h.compareTo(MIN_HOURS) < 0 || h.compareTo(MAX_HOURS) > 0 || h.stripTrailingZeros().scale() > 2)) {
            wrong.add(line + "une demi-journée compte entre 0,5 et 6 heures (« " + shown(row.hours()) + " »).");
            h = null;
        }
        return wrong.size() == before ? new NewHalfDay(day, row.period(), h) : null;
    }

    private static String shown(String s) {
        return AskedYear.shown(s);
    }

    @GetMapping("/f/{federation}/formation/sessions/nouvelle")
    String planForm(FederationScope fed, @RequestParam(required = false) String formation, Model model) {
        fed.requireDirection();
        Long courseId = Parse.id(formation);
        Course course = courseId == null ? null : training.course(fed.id(), courseId);
        Map<String, String> typed = new HashMap<>();
        typed.put("courseId", course == null ? "" : String.valueOf(course.id()));
        typed.put("minParticipants", "4");
        typed.put("maxParticipants", "12");
        return planPage(fed, model, typed, new FieldErrors(), List.of(), Set.of(), null);
    }

    private String planPage(FederationScope fed, Model model, Map<String, String> typed, FieldErrors errors,
                            List<DayRow> rows, Set<String> ticked, String daysError) {
        List<DayRow> shown = new ArrayList<>(rows);
        while (shown.size() < BLANK_DAYS) {
            shown.add(new DayRow("", shown.size() % 2 == 0 ? "matin" : "apres_midi", "3,5"));
        }
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("rows", shown);
        model.addAttribute("ticked", ticked);
        model.addAttribute("daysError", daysError);
        model.addAttribute("courses", training.courses(fed.id(), false));
        model.addAttribute("trainers", training.trainers(fed.id()));
        model.addAttribute("periods", periods());
        return "training/session-new";
    }

    @PostMapping("/f/{federation}/formation/sessions")
    String plan(FederationScope fed, @Validated SessionForm form, BindingResult binding, Model model, RedirectAttributes flash) {
        fed.requireDirection();
        FieldErrors errors = FieldErrors.of(binding);
        List<DayRow> typedRows = form.rows();
        List<DayRow> kept = new ArrayList<>();
        List<NewHalfDay> days = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        if (form.day != null && form.day.size() > MAX_DAYS) {
            wrong.add(MAX_DAYS + " demi-journées au plus à la fois.");
        }
        for (int i = 0; i < typedRows.size(); i++) {
            DayRow row = typedRows.get(i);
            if (row.day().isEmpty()) {
                continue;
            }
            kept.add(row);
            NewHalfDay h = readDay(row, "Ligne " + (i + 1) + " : ", wrong);
            if (h != null) {
                days.add(h);
            }
        }
        if (kept.isEmpty() && wrong.isEmpty()) {
            wrong.add("Indiquez au moins une demi-journée (sa date, matin ou après-midi, ses heures).");
        }
        Set<String> seen = new HashSet<>();
        for (NewHalfDay h : days) {
            if (!seen.add(h.day() + h.period())) {
                wrong.add("Le " + h.day().format(Parse.FRENCH_DATE) + " ("
                        + Vocabulary.label("half-day", h.period()).toLowerCase() + ") est écrit deux fois.");
            }
        }
        List<Long> trainerIds = new ArrayList<>();
        Set<Long> known = new HashSet<>(training.trainers(fed.id()).stream().map(TrainingService.Trainer::id).toList());
        for (String t : form.trainers()) {
            Long id = Parse.id(t);
            if (id == null || !known.contains(id)) {
                errors.add("trainerIds", "Cochez les formateurs dans la liste.");
            } else {
                trainerIds.add(id);
            }
        }
        String daysError = wrong.isEmpty() ? null : String.join(" ", new LinkedHashSet<>(wrong));
        if (form.course != null && !errors.has("courseId")) {
            try {
                if (training.course(fed.id(), form.course).archived()) {
                    errors.add("courseId", "Cette formation est archivée : remettez-la au catalogue pour la planifier.");
                }
            } catch (NotFound e) {
                errors.add("courseId", "Choisissez la formation dans la liste.");
            }
        }
        if (errors.any() || daysError != null) {
            return planPage(fed, model, form.typed(), errors, kept.isEmpty() ? typedRows : kept, form.trainers(), daysError);
        }
        try {
            long id = training.planSession(fed.id(), new NewSession(form.course, Checks.clean(form.place), form.min, form.max,
                    days, trainerIds));
            flash.addFlashAttribute("message", "Session planifiée : " + days.size() + " demi-journée(s).");
            return "redirect:" + fed.base() + "/formation/sessions/" + id;
        } catch (Refused e) {
            if ("halfDays".equals(e.field())) {
                return planPage(fed, model, form.typed(), errors, kept, form.trainers(), e.getMessage());
            }
            errors.add(e.field() == null ? "place" : e.field(), e.getMessage());
            return planPage(fed, model, form.typed(), errors, kept, form.trainers(), null);
        }
    }

    // --- the session's page

    @GetMapping("/f/{federation}/formation/sessions/{id}")
    String show(FederationScope fed, @PathVariable long id, Model model) {
        Map<String, String> typed = new HashMap<>();
        typed.put("quality", "salarie");
        return page(fed, id, model, typed, new FieldErrors());
    }

    private String page(FederationScope fed, long id, Model model, Map<String, String> typed, FieldErrors errors) {
        Session session = training.session(fed.id(), id);
        boolean reader = !fed.seesNames();
        List<Registration> registrations = training.registrations(fed.id(), id, null);
        model.addAttribute("ts", session);
        model.addAttribute("course", training.course(fed.id(), session.courseId()));
        model.addAttribute("halfDays", training.halfDays(fed.id(), id));
        model.addAttribute("signed", catalogue.presencesPerHalfDay(fed.id(), id));
        // an attestation exists only for whom signed at least one half-day (the PDF refuses the others)
        Set<Long> attested = new HashSet<>();
        signIn.presences(fed.id(), id).forEach(p -> attested.add(p.registrationId()));
        model.addAttribute("attested", attested);
        model.addAttribute("trainers", training.trainersOf(fed.id(), id));
        model.addAttribute("held", catalogue.held(fed.id(), id));
        model.addAttribute("reader", reader);
        model.addAttribute("manage", fed.isDirection());
        model.addAttribute("cancelledCount", registrations.stream().filter(r -> "annule".equals(r.state())).count());
        // a reader sees the counts only: the names are not even handed to the page
        model.addAttribute("registrations", reader ? List.of() : registrations);
        List<Structure> registrable = this.registrable.of(fed);
        model.addAttribute("registrable", registrable);
        model.addAttribute("canRegister", !session.cancelled() && (fed.isDirection() || !registrable.isEmpty()));
        model.addAttribute("editableStructures", fed.isDirection() ? null
                : new HashSet<>(registrable.stream().map(Structure::id).toList()));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("qualities", Vocabulary.labels("attendee-quality", TrainingService.QUALITIES.toArray(String[]::new)));
        model.addAttribute("reasons", Vocabulary.labels("cancel-reason", TrainingService.CANCEL_REASONS.toArray(String[]::new)));
        model.addAttribute("periods", periods());
        return "training/session";
    }

    @PostMapping("/f/{federation}/formation/sessions/{id}/confirmer")
    String confirm(FederationScope fed, @PathVariable long id, RedirectAttributes flash) {
        fed.requireDirection();
        try {
            training.confirm(fed.id(), id);
            flash.addFlashAttribute("message", "Session confirmée.");
        } catch (Refused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + fed.base() + "/formation/sessions/" + id;
    }

    @PostMapping("/f/{federation}/formation/sessions/{id}/annuler")
    String cancel(FederationScope fed, @PathVariable long id, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String note, RedirectAttributes flash) {
        fed.requireDirection();
        training.session(fed.id(), id);
        String n = Checks.clean(note);
        if (n != null && n.length() > 1000) {
            flash.addFlashAttribute("error", "La note d'annulation compte " + n.length() + " caractères : 1 000 au plus.");
        } else if (reason == null || !TrainingService.CANCEL_REASONS.contains(reason)) {
            flash.addFlashAttribute("error", "Rien n'est annulé : choisissez le motif de l'annulation dans la liste.");
        } else {
            try {
                training.cancel(fed.id(), id, reason, n, fed.today());
                flash.addFlashAttribute("message", "Session annulée (" + Vocabulary.label("cancel-reason", reason).toLowerCase()
                        + ") : prévenez les personnes inscrites.");
            } catch (Refused e) {
                flash.addFlashAttribute("error", e.getMessage());
            }
        }
        return "redirect:" + fed.base() + "/formation/sessions/" + id;
    }

    @PostMapping("/f/{federation}/formation/sessions/{id}/places")
    String places(FederationScope fed, @PathVariable long id, @RequestParam(required = false) String maxParticipants,
                  RedirectAttributes flash) {
        fed.requireDirection();
        training.session(fed.id(), id);
        String v = Checks.clean(maxParticipants);
        if (v == null || !v.matches("[0-9]{1,4}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > 1000) {
            flash.addFlashAttribute("error", "Le maximum de participants est un nombre entier entre 1 et 1 000"
                    + (v == null ? "." : " (« " + shown(v) + " »)."));
            return "redirect:" + fed.base() + "/formation/sessions/" + id;
        }
        try {
            List<Registration> promoted = catalogue.setMaxParticipants(fed.id(), id, Integer.parseInt(v));
            flash.addFlashAttribute("message", "Maximum porté à " + v + " participant·e·s."
                    + (promoted.isEmpty() ? "" : " " + promoted.size() + " personne(s) de la liste d'attente obtiennent une place"
                    + " : " + String.join(", ", promoted.stream().map(Registration::fullName).toList()) + "."));
        } catch (Refused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + fed.base() + "/formation/sessions/" + id;
    }

    @PostMapping("/f/{federation}/formation/sessions/{id}/demi-journees")
    String addDay(FederationScope fed, @PathVariable long id, @RequestParam(required = false) String day,
                  @RequestParam(required = false) String period, @RequestParam(required = false) String hours,
                  RedirectAttributes flash) {
        fed.requireDirection();
        training.session(fed.id(), id);
        List<String> wrong = new ArrayList<>();
        NewHalfDay h = readDay(new DayRow(day == null ? "" : day.trim(), period == null ? "" : period.trim(),
                hours == null ? "" : hours.trim()), "", wrong);
        if (h == null) {
            flash.addFlashAttribute("error", "Demi-journée non ajoutée : " + String.join(" ", wrong));
        } else {
            try {
                catalogue.addHalfDay(fed.id(), id, h);
                flash.addFlashAttribute("message", "Demi-journée du " + h.day().format(Parse.FRENCH_DATE) + " ajoutée.");
            } catch (Refused e) {
                flash.addFlashAttribute("error", e.getMessage());
            }
        }
        return "redirect:" + fed.base() + "/formation/sessions/" + id + "#demi-journees";
    }

    @PostMapping("/f/{federation}/formation/sessions/{id}/demi-journees/{halfDay}/retirer")
    String removeDay(FederationScope fed, @PathVariable long id, @PathVariable long halfDay, RedirectAttributes flash) {
        fed.requireDirection();
        try {
            catalogue.removeHalfDay(fed.id(), id, halfDay);
            flash.addFlashAttribute("message", "Demi-journée retirée.");
        } catch (Refused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + fed.base() + "/formation/sessions/" + id + "#demi-journees";
    }

    // --- registrations by the federation

    static final class RegistrationForm implements Form {
        public String structureId;
        public String lastName;
        public String firstName;
        public String email;
        public String job;
        public String quality;
        private Long structure;

        @Override
        public void validate(Errors errors) {
            structure = Checks.id(errors, "structureId", structureId, false);
            Checks.text(errors, "lastName", lastName, true, 100);
            Checks.text(errors, "firstName", firstName, true, 100);
            Checks.text(errors, "email", email, false, 200);
            Checks.email(errors, "email", email);
            Checks.text(errors, "job", job, false, 200);
            Checks.choice(errors, "quality", quality, true, TrainingService.QUALITIES);
        }
    }

    @PostMapping("/f/{federation}/formation/sessions/{id}/inscriptions")
    String register(FederationScope fed, @PathVariable long id, @Validated RegistrationForm form, BindingResult binding,
                    Model model, RedirectAttributes flash) {
        fed.requireWriter();
        training.session(fed.id(), id);
        Long territory = null;
        if (form.structure != null) {
            territory = structures.get(fed.id(), form.structure, fed.today()).territoryId();
        }
        if (form.structure == null && !binding.hasFieldErrors("structureId")) {
            fed.requireEdit(null, "Les personnes de la fédération sont inscrites par la direction : choisissez une structure"
                    + " de vos territoires.");
        } else if (form.structure != null) {
            fed.requireEdit(territory, "Cette structure n'est pas dans une assemblée territoriale qui vous est confiée :"
                    + " vous ne pouvez pas y inscrire quelqu'un.");
        }
        if (binding.hasErrors()) {
            return page(fed, id, model, form.typed(), FieldErrors.of(binding));
        }
        try {
            Registration r = training.register(fed.id(), id, new NewRegistration(form.structure, form.lastName.trim(),
                    form.firstName.trim(), Checks.clean(form.email), Checks.clean(form.job), form.quality.trim(), "saisie",
                    null, false, fed.userId() == 0 ? null : fed.userId()));
            flash.addFlashAttribute("message", r.fullName() + ("attente".equals(r.state())
                    ? " est sur la liste d'attente : la session est complète." : " est inscrit·e à la session."));
        } catch (Refused e) {
            FieldErrors errors = new FieldErrors();
            errors.add(e.field() == null ? "lastName" : e.field(), e.getMessage());
            return page(fed, id, model, form.typed(), errors);
        }
        return "redirect:" + fed.base() + "/formation/sessions/" + id + "#inscriptions";
    }

    @PostMapping("/f/{federation}/formation/sessions/{id}/inscriptions/{registration}/annuler")
    String cancelRegistration(FederationScope fed, @PathVariable long id, @PathVariable long registration,
                              RedirectAttributes flash) {
        fed.requireWriter();
        Registration r = training.registration(fed.id(), registration);
        if (r.sessionId() != id) {
            throw new NotFound("Cette inscription n'est pas une inscription de cette session.");
        }
        Long territory = r.structureId() == null ? null : structures.get(fed.id(), r.structureId(), fed.today()).territoryId();
        fed.requireEdit(territory, "Cette inscription n'est pas celle d'une structure de vos territoires.");
        try {
            Optional<Registration> promoted = training.cancelRegistration(fed.id(), registration, null);
            flash.addFlashAttribute("message", "Inscription de " + r.fullName() + " annulée."
                    + promoted.map(p -> " " + p.fullName() + ", première sur la liste d'attente, prend la place.").orElse(""));
        } catch (Refused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + fed.base() + "/formation/sessions/" + id + "#inscriptions";
    }

    private static Map<String, String> periods() {
        return Vocabulary.labels("half-day", TrainingService.PERIODS.toArray(String[]::new));
    }
}
