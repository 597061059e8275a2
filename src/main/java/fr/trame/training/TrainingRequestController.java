package fr.trame.training;

import fr.trame.centre.CentreScope;
import fr.trame.federation.FederationScope;
import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
import fr.trame.form.Refused;
import fr.trame.form.Vocabulary;
import fr.trame.training.TrainingCatalogueService.NewRequest;
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

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Custom trainings (sur mesure): a centre attached to a federation asks for one; the federation lists the requests,
 * answers them and builds the course. A centre sees only its own requests.
 */
@Controller
class TrainingRequestController {

    private final TrainingCatalogueService catalogue;
    private final CentreMembership memberships;

    TrainingRequestController(TrainingCatalogueService catalogue, CentreMembership memberships) {
        this.catalogue = catalogue;
        this.memberships = memberships;
    }

    // --- the federation's side

    @GetMapping("/f/{federation}/formation/demandes")
    String list(FederationScope fed, Model model) {
        model.addAttribute("requests", catalogue.requests(fed.id(), null));
        model.addAttribute("statuses", statuses());
        model.addAttribute("audiences", audiences());
        model.addAttribute("zone", ZoneId.of("Europe/Paris"));
        return "training/requests";
    }

    @PostMapping("/f/{federation}/formation/demandes/{id}")
    String answer(FederationScope fed, @PathVariable long id, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String comment, RedirectAttributes flash) {
        fed.requireDirection();
        catalogue.request(fed.id(), id);
        String answer = Checks.clean(comment);
        if (answer != null && answer.codePointCount(0, answer.length()) > 4000) {
            flash.addFlashAttribute("error", "La réponse compte " + answer.length() + " caractères : 4 000 au plus.");
        } else {
            try {
                catalogue.answer(fed.id(), id, status == null ? "" : status.trim(), answer);
                flash.addFlashAttribute("message", "Réponse enregistrée : demande « "
                        + Vocabulary.label("request-status", status.trim()).toLowerCase() + " ».");
            } catch (Refused e) {
                flash.addFlashAttribute("error", e.getMessage());
            }
        }
        return "redirect:" + fed.base() + "/formation/demandes#demande-" + id;
    }

    // --- the centre's side

    static final class RequestForm implements Form {
        public String subject;
        public String audience;
        public String wishedPeriod;
        public String expectedPeople;
        public String description;
        private Integer people;

        @Override
        public void validate(Errors errors) {
            Checks.text(errors, "subject", subject, true, 300);
            Checks.choice(errors, "audience", audience, true, TrainingService.AUDIENCES);
            Checks.text(errors, "wishedPeriod", wishedPeriod, false, 200);
            people = Checks.integer(errors, "expectedPeople", expectedPeople, false, 1, 1000);
            Checks.text(errors, "description", description, false, 4000);
        }

        NewRequest toRequest() {
            return new NewRequest(Checks.clean(subject), audience.trim(), Checks.clean(wishedPeriod), people,
                    Checks.clean(description));
        }
    }

    @GetMapping("/c/{centre}/formations/demandes/nouvelle")
    String centreForm(CentreScope scope, Model model) {
        scope.requireDirection();
        Map<String, String> typed = new HashMap<>();
        typed.put("audience", "salaries");
        return centrePage(scope, model, typed, new FieldErrors());
    }

    private String centrePage(CentreScope scope, Model model, Map<String, String> typed, FieldErrors errors) {
        Optional<CentreMembership.Membership> m = memberships.of(scope.id());
        if (m.isEmpty()) {
            return "training/centre-not-attached";
        }
        model.addAttribute("membership", m.get());
        model.addAttribute("requests", catalogue.requests(m.get().federationId(), m.get().structureId()));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("audiences", audiences());
        return "training/centre-request";
    }

    @PostMapping("/c/{centre}/formations/demandes")
    String centreCreate(CentreScope scope, @Validated RequestForm form, BindingResult binding, Model model,
                        RedirectAttributes flash) {
        scope.requireDirection();
        Optional<CentreMembership.Membership> m = memberships.of(scope.id());
        if (m.isEmpty() || binding.hasErrors()) {
            return centrePage(scope, model, form.typed(), FieldErrors.of(binding));
        }
        catalogue.createRequest(m.get().federationId(), m.get().structureId(), form.toRequest(),
                scope.userId() == 0 ? null : scope.userId());
        flash.addFlashAttribute("message", "Demande envoyée à " + m.get().federationName() + " : sa réponse s'affichera ici.");
        return "redirect:" + scope.base() + "/formations/demandes/nouvelle#mes-demandes";
    }

    private static Map<String, String> statuses() {
        return Vocabulary.labels("request-status", TrainingCatalogueService.REQUEST_STATUSES.toArray(String[]::new));
    }

    private static Map<String, String> audiences() {
        return Vocabulary.labels("training-audience", TrainingService.AUDIENCES.toArray(String[]::new));
    }
}
