package fr.trame.training;

import fr.trame.centre.CentreScope;
import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import fr.trame.form.Vocabulary;
import fr.trame.training.CentreMembership.Membership;
import fr.trame.training.CentreTrainingService.Pick;
import fr.trame.training.CentreTrainingService.Registered;
import fr.trame.training.TrainingService.Session;
import org.springframework.http.ResponseEntity;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The federation's trainings from a Trame centre: the sessions open to it with their places left, one session with
 * its programme and the centre's own registrations, the registration form, the centre's registrations and their
 * documents. Read by those who see personal data, written by the centre's direction; a centre that is no structure
 * of a federation is told so.
 */
@Controller
class CentreTrainingController {

    private final CentreMembership memberships;
    private final CentreTrainingService centres;
    private final TrainingService training;
    private final RegistrationDocuments documents;

    CentreTrainingController(CentreMembership memberships, CentreTrainingService centres, TrainingService training,
                             RegistrationDocuments documents) {
        this.memberships = memberships;
        this.centres = centres;
        this.training = training;
        this.documents = documents;
    }

    private Membership member(CentreScope scope) {
        return memberships.of(scope.id()).orElseThrow(() -> new NotFound(
                "Votre centre n'est rattaché à aucune fédération dans Trame : il n'a pas de formations du réseau."));
    }

    @GetMapping("/c/{centre}/formations")
    String list(CentreScope scope, Model model) {
        scope.requirePersonalData();
        Optional<Membership> m = memberships.of(scope.id());
        model.addAttribute("membership", m.orElse(null));
        model.addAttribute("today", scope.today());
        if (m.isPresent()) {
            model.addAttribute("sessions", centres.openSessions(m.get(), scope.today()));
            model.addAttribute("registrations", centres.ownRegistrations(m.get()));
        }
        return "training/centre-sessions";
    }

    @GetMapping("/c/{centre}/formations/sessions/{id}")
    String session(CentreScope scope, @PathVariable long id, Model model) {
        scope.requirePersonalData();
        return sessionPage(scope, member(scope), id, model, Map.of(), new FieldErrors(), null);
    }

    private String sessionPage(CentreScope scope, Membership m, long id, Model model, Map<String, String> typed,
                               FieldErrors errors, String formError) {
        Session s = centres.session(m, id);
        model.addAttribute("membership", m);
        model.addAttribute("today", scope.today());
        model.addAttribute("sess", s);
        model.addAttribute("course", training.course(m.federationId(), s.courseId()));
        model.addAttribute("halfDays", training.halfDays(m.federationId(), id));
        model.addAttribute("trainers", training.trainersOf(m.federationId(), id));
        List<CentreTrainingService.OwnRegistration> own = centres.ownRegistrations(m, id);
        model.addAttribute("registrations", own);
        // the people of the records already registered (or waiting): offered, but marked and not selectable
        model.addAttribute("taken", own.stream().filter(r -> !"annule".equals(r.state()) && r.sourceId() != null)
                .map(r -> r.source() + ":" + r.sourceId()).collect(Collectors.toSet()));
        boolean open = !s.cancelled() && (s.lastDay() == null || !s.lastDay().isBefore(scope.today()));
        model.addAttribute("open", open);
        model.addAttribute("canRegister", open && scope.canDirect());
        if (open && scope.canDirect()) {
            model.addAttribute("employees", centres.employees(scope.id(), scope.today()));
            model.addAttribute("volunteers", centres.volunteers(scope.id(), scope.today()));
        }
        Map<String, String> shown = new HashMap<>(typed);
        shown.putIfAbsent("quality", "");
        model.addAttribute("typed", shown);
        model.addAttribute("errors", errors);
        model.addAttribute("formError", formError);
        model.addAttribute("qualities", Vocabulary.labels("attendee-quality", TrainingService.QUALITIES.toArray(String[]::new)));
        return "training/centre-session";
    }

    /** A person of the centre's records ({@code person} = salarie:12, benevole:34) or a name typed. */
    static final class CentreRegistrationForm implements Form {
        static final Pattern PERSON = Pattern.compile("(salarie|benevole):([0-9]{1,18})");

        public String person;
        public String lastName;
        public String firstName;
        public String email;
        public String job;
        public String quality;
        /** Read by {@link #validate}. */
        private CentreTrainingService.Request request;

        @Override
        public void validate(Errors errors) {
            Pick pick = null;
            String p = Checks.clean(person);
            if (p != null) {
                Matcher matcher = PERSON.matcher(p);
                if (matcher.matches()) {
                    pick = new Pick(matcher.group(1), Long.parseLong(matcher.group(2)));
                } else {
                    errors.rejectValue("person", "choice");
                }
            }
            String last = null;
            String first = null;
            if (p == null) {
                last = Checks.text(errors, "lastName", lastName, true, 100);
                first = Checks.text(errors, "firstName", firstName, true, 100);
            }
            String mail = Checks.text(errors, "email", email, false, 200);
            Checks.email(errors, "email", mail);
            String work = Checks.text(errors, "job", job, false, 200);
            String q = Checks.choice(errors, "quality", quality, p == null, TrainingService.QUALITIES);
            request = new CentreTrainingService.Request(pick, last, first, mail, work, q);
        }
    }

    @PostMapping("/c/{centre}/formations/sessions/{id}/inscriptions")
    String register(CentreScope scope, @PathVariable long id, @Validated CentreRegistrationForm form, BindingResult binding,
                    Model model, RedirectAttributes flash) {
        scope.requireDirection();
        Membership m = member(scope);
        centres.session(m, id);
        if (binding.hasErrors()) {
            return sessionPage(scope, m, id, model, form.typed(), FieldErrors.of(binding), null);
        }
        Registered done;
        try {
            done = centres.register(scope.id(), m, id, scope.today(), form.request, scope.userId() == 0 ? null : scope.userId());
        } catch (Refused e) {
            if (e.field() == null) {
                return sessionPage(scope, m, id, model, form.typed(), new FieldErrors(), e.getMessage());
            }
            FieldErrors errors = new FieldErrors();
            errors.add(form.request.pick() != null && e.field().equals("lastName") ? "person" : e.field(), e.getMessage());
            return sessionPage(scope, m, id, model, form.typed(), errors, null);
        }
        TrainingService.Registration r = done.registration();
        flash.addFlashAttribute("message", r.fullName() + (done.waiting()
                ? " est sur liste d'attente (position " + done.waitingPosition() + ") : la session est complète."
                : " est inscrit·e."));
        return "redirect:" + scope.base() + "/formations/sessions/" + id + "#inscriptions";
    }

    @PostMapping("/c/{centre}/formations/inscriptions/{rid}/annuler")
    String cancel(CentreScope scope, @PathVariable long rid, @RequestParam(required = false) String returnTo,
                  RedirectAttributes flash) {
        scope.requireDirection();
        Membership m = member(scope);
        CentreTrainingService.OwnRegistration r = centres.ownRegistration(m, rid);
        String back = scope.pageOrElse(returnTo, "/formations#inscriptions");
        try {
            boolean promoted = centres.cancel(m, rid, scope.today());
            flash.addFlashAttribute("message", "L'inscription de " + r.fullName() + " est annulée."
                    + (promoted ? " Sa place revient à la première personne de la liste d'attente." : ""));
        } catch (Refused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + back;
    }

    @GetMapping("/c/{centre}/formations/inscriptions/{rid}/confirmation.pdf")
    ResponseEntity<byte[]> confirmation(CentreScope scope, @PathVariable long rid) {
        scope.requirePersonalData();
        Membership m = member(scope);
        centres.ownRegistration(m, rid);
        return TrainingDocuments.response(documents.confirmation(m.federationId(), rid, scope.today()),
                "confirmation-inscription-" + rid + ".pdf");
    }

    @GetMapping("/c/{centre}/formations/inscriptions/{rid}/convocation.pdf")
    ResponseEntity<byte[]> convocation(CentreScope scope, @PathVariable long rid) {
        scope.requirePersonalData();
        Membership m = member(scope);
        centres.ownRegistration(m, rid);
        return TrainingDocuments.response(documents.convocation(m.federationId(), rid, scope.today()), "convocation-" + rid + ".pdf");
    }
}
