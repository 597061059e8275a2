package fr.trame.training;

import fr.trame.federation.FederationScope;
import fr.trame.federation.Structure;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureService;
import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
import fr.trame.form.FrenchFormat;
import fr.trame.form.NotFound;
import fr.trame.form.Parse;
import fr.trame.form.Refused;
import fr.trame.form.Vocabulary;
import fr.trame.training.TrainingService.Course;
import fr.trame.training.TrainingService.NewCourse;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The federation's training organisation, its catalogue side: the year's sessions, the catalogue of courses, the
 * trainers. Everyone of the federation reads; the direction writes.
 */
@Controller
class TrainingCatalogueController {

    private final TrainingService training;
    private final TrainingCatalogueService catalogue;
    private final StructureService structures;

    TrainingCatalogueController(TrainingService training, TrainingCatalogueService catalogue, StructureService structures) {
        this.training = training;
        this.catalogue = catalogue;
        this.structures = structures;
    }

    // --- the hub: the year's sessions

    @GetMapping("/f/{federation}/formation")
    String hub(FederationScope fed, @RequestParam(required = false) String annee, Model model) {
        AskedYear asked = AskedYear.of(annee, () -> fed.today().getYear(), "les sessions de ");
        int year = asked.year();
        String notice = asked.notice();
        List<Session> sessions = training.sessions(fed.id(), year);
        model.addAttribute("year", year);
        model.addAttribute("notice", notice);
        model.addAttribute("years", catalogue.years(fed.id(), fed.today()));
        model.addAttribute("sessions", sessions);
        model.addAttribute("held", catalogue.heldSessions(fed.id()));
        model.addAttribute("cancelled", sessions.stream().filter(Session::cancelled).count());
        return "training/hub";
    }

    // --- the catalogue

    @GetMapping("/f/{federation}/formation/catalogue")
    String list(FederationScope fed, @RequestParam(required = false, name = "public") String audience,
                @RequestParam(required = false) String archives, Model model) {
        String chosen = audience != null && TrainingService.AUDIENCES.contains(audience) ? audience : null;
        boolean withArchived = "oui".equals(archives);
        List<Course> courses = training.courses(fed.id(), withArchived).stream()
                .filter(c -> chosen == null || c.audience().equals(chosen)).toList();
        model.addAttribute("courses", courses);
        model.addAttribute("sessionCounts", catalogue.sessionsPerCourse(fed.id()));
        model.addAttribute("audience", chosen);
        model.addAttribute("withArchived", withArchived);
        model.addAttribute("audiences", audiences());
        model.addAttribute("structureNames", structureNames(fed));
        return "training/catalogue";
    }

    @GetMapping("/f/{federation}/formation/catalogue/{id}")
    String course(FederationScope fed, @PathVariable long id, Model model) {
        Course course = training.course(fed.id(), id);
        model.addAttribute("course", course);
        model.addAttribute("sessions", training.sessionsOf(fed.id(), id));
        model.addAttribute("held", catalogue.heldSessions(fed.id()));
        model.addAttribute("trainers", catalogue.trainersOfCourse(fed.id(), id));
        model.addAttribute("requester", course.requestedBy() == null ? null
                : structures.get(fed.id(), course.requestedBy(), fed.today()));
        return "training/course";
    }

    /** What the course form sends; the hours and the price as typed, read by {@link #validate}. */
    static final class CourseForm implements Form {
        public String title;
        public String audience;
        public String objectives;
        public String prerequisites;
        public String content;
        public String durationHours;
        public String price;
        public String modality;
        public String custom;
        public String requestedBy;
        public String requestId;
        private BigDecimal hours;
        private Long cents;
        private Long structure;

        @Override
        public void validate(Errors errors) {
            Checks.text(errors, "title", title, true, 300);
            Checks.choice(errors, "audience", audience, true, TrainingService.AUDIENCES);
            Checks.text(errors, "objectives", objectives, false, 4000);
            Checks.text(errors, "prerequisites", prerequisites, false, 2000);
            Checks.text(errors, "content", content, false, 8000);
            hours = Checks.decimal(errors, "durationHours", durationHours, true, new BigDecimal("0.5"), new BigDecimal("1000"));
            if (hours != null && hours.stripTrailingZeros().scale() > 2) {
                errors.rejectValue("durationHours", "number");
                hours = null;
            }
            cents = Checks.cents(errors, "price", price, false);
            if (cents != null && (cents < 0 || cents > 100_000_000L)) {
                errors.rejectValue("price", "range", new Object[] {"0 €", FrenchFormat.euros(100_000_000L)}, null);
                cents = null;
            }
            Checks.choice(errors, "modality", modality, true, TrainingService.MODALITIES);
            structure = Checks.id(errors, "requestedBy", requestedBy, isCustom());
        }

        boolean isCustom() {
            return custom != null && !custom.isBlank();
        }

        NewCourse toCourse() {
            return new NewCourse(Checks.clean(title), audience.trim(), Checks.clean(objectives), Checks.clean(prerequisites),
                    Checks.clean(content), hours, cents, modality.trim(), isCustom(), isCustom() ? structure : null);
        }
    }

    @GetMapping("/f/{federation}/formation/catalogue/nouvelle")
    String createForm(FederationScope fed, @RequestParam(required = false) String demande, Model model) {
        fed.requireDirection();
        Map<String, String> typed = new HashMap<>();
        typed.put("audience", "mixte");
        typed.put("modality", "presentiel");
        Long requestId = Parse.id(demande);
        if (demande != null && !demande.isBlank()) {
            if (requestId == null) {
                throw new NotFound("Cette demande n'est pas une demande faite à votre fédération.");
            }
            TrainingCatalogueService.Request r = catalogue.request(fed.id(), requestId);
            typed.put("title", r.subject());
            typed.put("audience", r.audience());
            typed.put("objectives", r.message() == null ? "" : r.message());
            typed.put("custom", "oui");
            typed.put("requestedBy", String.valueOf(r.structureId()));
            typed.put("requestId", String.valueOf(r.id()));
            model.addAttribute("request", r);
        }
        return formPage(fed, model, typed, new FieldErrors(), null);
    }

    private String formPage(FederationScope fed, Model model, Map<String, String> typed, FieldErrors errors, Course course) {
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("course", course);
        model.addAttribute("audiences", audiences());
        model.addAttribute("modalities", Vocabulary.labels("training-modality", TrainingService.MODALITIES.toArray(String[]::new)));
        model.addAttribute("structures", structures.list(fed.id(), StructureFilter.ALL, fed.today()).stream()
                .sorted(Comparator.comparing(Structure::name, String.CASE_INSENSITIVE_ORDER)).toList());
        return "training/course-form";
    }

    @PostMapping("/f/{federation}/formation/catalogue")
    String create(FederationScope fed, @Validated CourseForm form, BindingResult binding, Model model, RedirectAttributes flash) {
        fed.requireDirection();
        FieldErrors errors = FieldErrors.of(binding);
        Long requestId = Parse.id(form.requestId);
        checkStructure(fed, form, errors);
        if (errors.any()) {
            return formPage(fed, model, form.typed(), errors, null);
        }
        try {
            long id = requestId == null ? training.createCourse(fed.id(), form.toCourse())
                    : catalogue.createCourseForRequest(fed.id(), requestId, form.toCourse());
            flash.addFlashAttribute("message", "Formation ajoutée au catalogue : planifiez-en une session.");
            return "redirect:" + fed.base() + "/formation/catalogue/" + id;
        } catch (Refused e) {
            errors.add(e.field() == null ? "title" : e.field(), e.getMessage());
            return formPage(fed, model, form.typed(), errors, null);
        }
    }

    @GetMapping("/f/{federation}/formation/catalogue/{id}/modifier")
    String editForm(FederationScope fed, @PathVariable long id, Model model) {
        fed.requireDirection();
        Course c = training.course(fed.id(), id);
        Map<String, String> typed = new HashMap<>();
        typed.put("title", c.title());
        typed.put("audience", c.audience());
        typed.put("objectives", c.objectives() == null ? "" : c.objectives());
        typed.put("prerequisites", c.prerequisites() == null ? "" : c.prerequisites());
        typed.put("content", c.content() == null ? "" : c.content());
        typed.put("durationHours", FrenchFormat.input(c.durationHours(), 2));
        typed.put("price", c.priceCents() == null ? "" : FrenchFormat.input(BigDecimal.valueOf(c.priceCents(), 2), 2));
        typed.put("modality", c.modality());
        typed.put("custom", c.custom() ? "oui" : "");
        typed.put("requestedBy", c.requestedBy() == null ? "" : String.valueOf(c.requestedBy()));
        return formPage(fed, model, typed, new FieldErrors(), c);
    }

    @PostMapping("/f/{federation}/formation/catalogue/{id}")
    String update(FederationScope fed, @PathVariable long id, @Validated CourseForm form, BindingResult binding, Model model,
                  RedirectAttributes flash) {
        fed.requireDirection();
        Course c = training.course(fed.id(), id);
        FieldErrors errors = FieldErrors.of(binding);
        checkStructure(fed, form, errors);
        if (errors.any()) {
            return formPage(fed, model, form.typed(), errors, c);
        }
        try {
            catalogue.updateCourse(fed.id(), id, form.toCourse());
        } catch (Refused e) {
            errors.add(e.field() == null ? "title" : e.field(), e.getMessage());
            return formPage(fed, model, form.typed(), errors, c);
        }
        flash.addFlashAttribute("message", "Formation modifiée.");
        return "redirect:" + fed.base() + "/formation/catalogue/" + id;
    }

    @PostMapping("/f/{federation}/formation/catalogue/{id}/archiver")
    String archive(FederationScope fed, @PathVariable long id, @RequestParam(required = false) String retour,
                   RedirectAttributes flash) {
        fed.requireDirection();
        boolean back = "oui".equals(retour);
        catalogue.archive(fed.id(), id, !back);
        flash.addFlashAttribute("message", back ? "Formation remise au catalogue."
                : "Formation archivée : elle n'est plus proposée, ses sessions restent.");
        return "redirect:" + fed.base() + "/formation/catalogue/" + id;
    }

    /** A custom course names a structure of this federation's registry. */
    private void checkStructure(FederationScope fed, CourseForm form, FieldErrors errors) {
        if (form.isCustom() && form.structure != null) {
            try {
                structures.get(fed.id(), form.structure, fed.today());
            } catch (NotFound e) {
                errors.add("requestedBy", "Choisissez dans la liste la structure qui demande cette formation.");
            }
        }
    }

    // --- trainers

    static final class TrainerForm implements Form {
        public String name;
        public String kind;
        public String organisation;
        public String email;

        @Override
        public void validate(Errors errors) {
            Checks.text(errors, "name", name, true, 200);
            Checks.choice(errors, "kind", kind, true, TrainingService.TRAINER_KINDS);
            Checks.text(errors, "organisation", organisation, false, 200);
            Checks.text(errors, "email", email, false, 200);
            Checks.email(errors, "email", email);
        }
    }

    @GetMapping("/f/{federation}/formation/formateurs")
    String trainers(FederationScope fed, Model model) {
        Map<String, String> typed = new HashMap<>();
        typed.put("kind", "interne");
        return trainersPage(fed, model, typed, new FieldErrors());
    }

    private String trainersPage(FederationScope fed, Model model, Map<String, String> typed, FieldErrors errors) {
        model.addAttribute("trainers", training.trainers(fed.id()));
        model.addAttribute("sessionsPerTrainer", catalogue.sessionsPerTrainer(fed.id()));
        model.addAttribute("kinds", Vocabulary.labels("trainer-kind", "interne", "externe"));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "training/trainers";
    }

    @PostMapping("/f/{federation}/formation/formateurs")
    String addTrainer(FederationScope fed, @Validated TrainerForm form, BindingResult binding, Model model,
                      RedirectAttributes flash) {
        fed.requireDirection();
        if (binding.hasErrors()) {
            return trainersPage(fed, model, form.typed(), FieldErrors.of(binding));
        }
        try {
            training.createTrainer(fed.id(), form.name.trim(), form.kind.trim(), Checks.clean(form.organisation),
                    Checks.clean(form.email));
        } catch (Refused e) {
            FieldErrors errors = new FieldErrors();
            errors.add(e.field() == null ? "name" : e.field(), e.getMessage());
            return trainersPage(fed, model, form.typed(), errors);
        }
        flash.addFlashAttribute("message", "Formateur ajouté : " + form.name.trim() + ".");
        return "redirect:" + fed.base() + "/formation/formateurs";
    }

    private Map<String, String> audiences() {
        return Vocabulary.labels("training-audience", TrainingService.AUDIENCES.toArray(String[]::new));
    }

    private Map<Long, String> structureNames(FederationScope fed) {
        Map<Long, String> names = new HashMap<>();
        for (Structure s : structures.list(fed.id(), StructureFilter.ALL, fed.today())) {
            names.put(s.id(), s.name());
        }
        return names;
    }
}
