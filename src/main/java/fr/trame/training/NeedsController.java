package fr.trame.training;

import fr.trame.federation.FederationScope;
import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
import fr.trame.form.Parse;
import fr.trame.form.Refused;
import fr.trame.form.Vocabulary;
import fr.trame.training.QualiopiRecords.Needs;
import fr.trame.training.QualiopiRecords.NewNeeds;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The needs analysed before a training (Qualiopi indicators 4, 10 and 26): for one registration, what the person
 * expects, where they start from, their constraints and what is adapted for them; for a custom course, the same for
 * the structure that asked for it. The direction's only.
 */
@Controller
class NeedsController {

    private final QualiopiRecords records;
    private final TrainingService training;

    NeedsController(QualiopiRecords records, TrainingService training) {
        this.records = records;
        this.training = training;
    }

    static final class NeedsForm implements Form {
        public String expectations;
        public String level;
        public String constraints;
        public String adaptation;
        public String recordedOn;
        private NewNeeds read;

        @Override
        public void validate(Errors errors) {
            String expects = Checks.text(errors, "expectations", expectations, true, 4000);
            String from = Checks.choice(errors, "level", level, false, QualiopiRecords.LEVELS);
            String limits = Checks.text(errors, "constraints", constraints, false, 2000);
            String adapted = Checks.text(errors, "adaptation", adaptation, false, 2000);
            LocalDate on = Checks.dateInYears(errors, "recordedOn", recordedOn, true);
            read = new NewNeeds(expects, from, limits, adapted, on);
        }
    }

    @GetMapping("/f/{federation}/formation/inscriptions/{rid}/besoins")
    String ofRegistration(FederationScope fed, @PathVariable long rid, Model model) {
        fed.requireDirection();
        return registrationPage(fed, rid, model, typed(fed, records.needsOfRegistration(fed.id(), rid)), new FieldErrors());
    }

    private String registrationPage(FederationScope fed, long rid, Model model, Map<String, String> typed, FieldErrors errors) {
        TrainingService.Registration r = training.registration(fed.id(), rid);
        model.addAttribute("registration", r);
        model.addAttribute("trainingSession", training.session(fed.id(), r.sessionId()));
        model.addAttribute("action", fed.base() + "/formation/inscriptions/" + rid + "/besoins");
        return page(model, typed, errors);
    }

    @PostMapping("/f/{federation}/formation/inscriptions/{rid}/besoins")
    String saveOfRegistration(FederationScope fed, @PathVariable long rid, @Validated NeedsForm form, BindingResult binding,
                              Model model, RedirectAttributes flash) {
        fed.requireDirection();
        training.registration(fed.id(), rid);
        FieldErrors errors = errors(fed, form, binding);
        if (!errors.any()) {
            try {
                records.saveNeedsOfRegistration(fed.id(), rid, form.read, user(fed));
                flash.addFlashAttribute("message", "Analyse du besoin enregistrée.");
                return "redirect:" + fed.base() + "/formation/inscriptions/" + rid + "/besoins";
            } catch (Refused e) {
                errors.add(e.field() == null ? "expectations" : e.field(), e.getMessage());
            }
        }
        return registrationPage(fed, rid, model, form.typed(), errors);
    }

    @GetMapping("/f/{federation}/formation/qualiopi/besoins/formation/{courseId}")
    String ofCourse(FederationScope fed, @PathVariable long courseId, Model model) {
        fed.requireDirection();
        records.customCourse(fed.id(), courseId);
        return coursePage(fed, courseId, model, typed(fed, records.needsOfCourse(fed.id(), courseId)), new FieldErrors());
    }

    private String coursePage(FederationScope fed, long courseId, Model model, Map<String, String> typed, FieldErrors errors) {
        TrainingService.Course course = records.customCourse(fed.id(), courseId);
        model.addAttribute("course", course);
        model.addAttribute("requestedBy", course.requestedBy() == null ? null : records.structures(fed.id()).stream()
                .filter(s -> s.id() == course.requestedBy()).map(QualiopiRecords.Choice::label).findFirst().orElse(null));
        model.addAttribute("action", fed.base() + "/formation/qualiopi/besoins/formation/" + courseId);
        return page(model, typed, errors);
    }

    @PostMapping("/f/{federation}/formation/qualiopi/besoins/formation/{courseId}")
    String saveOfCourse(FederationScope fed, @PathVariable long courseId, @Validated NeedsForm form, BindingResult binding,
                        Model model, RedirectAttributes flash) {
        fed.requireDirection();
        records.customCourse(fed.id(), courseId);
        FieldErrors errors = errors(fed, form, binding);
        if (!errors.any()) {
            try {
                records.saveNeedsOfCourse(fed.id(), courseId, form.read, user(fed));
                flash.addFlashAttribute("message", "Analyse du besoin enregistrée.");
                return "redirect:" + fed.base() + "/formation/qualiopi/besoins/formation/" + courseId;
            } catch (Refused e) {
                errors.add(e.field() == null ? "expectations" : e.field(), e.getMessage());
            }
        }
        return coursePage(fed, courseId, model, form.typed(), errors);
    }

    private static String page(Model model, Map<String, String> typed, FieldErrors errors) {
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("levels", Vocabulary.labels("needs-level", QualiopiRecords.LEVELS.toArray(String[]::new)));
        return "training/needs";
    }

    private static Map<String, String> typed(FederationScope fed, Optional<Needs> saved) {
        Map<String, String> typed = new HashMap<>();
        typed.put("recordedOn", fed.today().format(Parse.FRENCH_DATE));
        saved.ifPresent(n -> {
            typed.put("expectations", n.expectations());
            typed.put("level", n.level() == null ? "" : n.level());
            typed.put("constraints", ComplaintController.nullToEmpty(n.constraints()));
            typed.put("adaptation", ComplaintController.nullToEmpty(n.adaptation()));
            typed.put("recordedOn", n.recordedOn().format(Parse.FRENCH_DATE));
            typed.put("saved", "oui");
        });
        return typed;
    }

    private static FieldErrors errors(FederationScope fed, NeedsForm form, BindingResult binding) {
        FieldErrors errors = FieldErrors.of(binding);
        if (!binding.hasErrors() && form.read.recordedOn().isAfter(fed.today())) {
            errors.add("recordedOn", "La date de l'analyse est après aujourd'hui.");
        }
        return errors;
    }

    private static Long user(FederationScope fed) {
        return fed.userId() == 0 ? null : fed.userId();
    }
}
