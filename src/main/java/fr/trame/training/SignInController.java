package fr.trame.training;

import fr.trame.federation.FederationScope;
import fr.trame.form.Forbidden;
import fr.trame.form.Form;
import fr.trame.form.NotFound;
import fr.trame.form.Parse;
import fr.trame.form.Refused;
import fr.trame.training.SignInService.Presence;
import fr.trame.training.SignInService.TypedEvaluation;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Attendance, certificates and evaluations of the federation's sessions. The direction records them; a délégué reads
 * them and prints the sheets and certificates; a reader sees the results only, never a trainee's name.
 */
@Controller
class SignInController {

    /** The most cells a grid may send: a thousand places by a dozen half-days and more. */
    static final int MAX_CELLS = 20_000;

    private final SignInService signIn;
    private final SignInDocuments documents;
    private final TrainingService training;

    SignInController(SignInService signIn, SignInDocuments documents, TrainingService training) {
        this.signIn = signIn;
        this.documents = documents;
        this.training = training;
    }

    private static void requireDirection(FederationScope fed) {
        if (!fed.isDirection()) {
            throw new Forbidden("Seule la direction de la fédération enregistre l'émargement et les évaluations.");
        }
    }

    // --- the sign-in grid

    /** The ticked cells, each {@code <registration>-<half-day>}. */
    static final class GridForm implements Form {
        public List<String> present;

        @Override
        public void validate(Errors errors) {
            if (present != null && present.size() > MAX_CELLS) {
                errors.rejectValue("present", "range", new Object[] {0, MAX_CELLS}, null);
            }
        }

        Set<Presence> presences() {
            Set<Presence> set = new LinkedHashSet<>();
            for (String cell : present == null ? List.<String>of() : present) {
                if (cell == null || !cell.matches("[0-9]{1,18}-[0-9]{1,18}")) {
                    throw new NotFound("Cette case ne désigne pas une personne et une demi-journée de la session.");
                }
                String[] ids = cell.split("-");
                set.add(new Presence(Long.parseLong(ids[0]), Long.parseLong(ids[1])));
            }
            return set;
        }
    }

    @GetMapping("/f/{federation}/formation/sessions/{id}/emargement")
    String grid(FederationScope fed, @PathVariable long id, Model model) {
        fed.requireNames();
        return gridPage(fed, id, null, null, model);
    }

    private String gridPage(FederationScope fed, long id, Set<Presence> typed, String error, Model model) {
        SignInService.Attendance attendance = signIn.attendance(fed.id(), id);
        Set<String> ticked = new LinkedHashSet<>();
        if (typed != null) {
            typed.forEach(p -> ticked.add(p.registrationId() + "-" + p.halfDayId()));
        } else {
            attendance.lines().forEach(l -> l.present().forEach(h -> ticked.add(l.registration().id() + "-" + h)));
        }
        model.addAttribute("attendance", attendance);
        model.addAttribute("trainingSession", attendance.session());
        model.addAttribute("ticked", ticked);
        model.addAttribute("today", fed.today());
        model.addAttribute("canWrite", fed.isDirection() && !attendance.session().cancelled());
        model.addAttribute("gridError", error);
        model.addAttribute("totalHours", attendance.session().hours());
        return "training/emargement";
    }

    @PostMapping("/f/{federation}/formation/sessions/{id}/emargement")
    String record(FederationScope fed, @PathVariable long id, @Validated GridForm form, BindingResult binding, Model model,
                  RedirectAttributes flash) {
        requireDirection(fed);
        if (binding.hasErrors()) {
            return gridPage(fed, id, null, "Rien n'est enregistré : la grille envoyée a plus de " + MAX_CELLS + " cases.", model);
        }
        Set<Presence> presences = form.presences();
        try {
            signIn.recordAttendance(fed.id(), id, presences, fed.today(), fed.userId());
        } catch (Refused e) {
            return gridPage(fed, id, presences, e.getMessage(), model);
        }
        flash.addFlashAttribute("message", "Émargement enregistré : " + presences.size() + " présence(s) signée(s).");
        return "redirect:" + fed.base() + "/formation/sessions/" + id + "/emargement";
    }

    @GetMapping("/f/{federation}/formation/sessions/{id}/emargement.pdf")
    ResponseEntity<byte[]> sheet(FederationScope fed, @PathVariable long id) {
        fed.requireNames();
        return TrainingDocuments.response(documents.sheet(fed.id(), fed.name(), id), "emargement-session-" + id + ".pdf");
    }

    // --- certificates

    @GetMapping("/f/{federation}/formation/inscriptions/{rid}/attestation.pdf")
    ResponseEntity<byte[]> certificate(FederationScope fed, @PathVariable long rid) {
        fed.requireNames();
        SignInService.Certificate certificate = signIn.certificate(fed.id(), rid);
        return TrainingDocuments.response(documents.certificates(fed.name(), List.of(certificate), fed.today()),
                "attestation-" + rid + ".pdf");
    }

    @GetMapping("/f/{federation}/formation/sessions/{id}/attestations.pdf")
    ResponseEntity<byte[]> certificates(FederationScope fed, @PathVariable long id) {
        fed.requireNames();
        return TrainingDocuments.response(documents.certificates(fed.name(), signIn.certificates(fed.id(), id), fed.today()),
                "attestations-session-" + id + ".pdf");
    }


    // --- evaluations

    /** One line per person holding a place, in parallel lists (the n-th score goes with the n-th registration). */
    static final class EvaluationForm implements Form {
        public List<String> registration;
        public List<String> positioning;
        public List<String> acquired;
        public List<String> satisfaction;
        public List<String> comment;

        @Override
        public void validate(Errors errors) {
            if (registration != null && registration.size() > 1000) {
                errors.rejectValue("registration", "range", new Object[] {0, 1000}, null);
            }
        }

        List<TypedEvaluation> rows() {
            List<TypedEvaluation> rows = new ArrayList<>();
            int n = registration == null ? 0 : registration.size();
            for (int i = 0; i < n; i++) {
                Long id = Parse.id(registration.get(i));
                if (id == null) {
                    throw new NotFound("Cette inscription n'est pas une inscription de cette session.");
                }
                rows.add(new TypedEvaluation(id, value(positioning, i), value(acquired, i), value(satisfaction, i),
                        value(comment, i)));
            }
            return rows;
        }

        private static String value(List<String> list, int i) {
            return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i);
        }
    }

    @GetMapping("/f/{federation}/formation/sessions/{id}/evaluations")
    String evaluations(FederationScope fed, @PathVariable long id, Model model) {
        return evaluationPage(fed, id, null, Map.of(), null, model);
    }

    private String evaluationPage(FederationScope fed, long id, List<TypedEvaluation> typed, Map<String, String> wrong,
                                  String error, Model model) {
        TrainingService.Session session = training.session(fed.id(), id);
        model.addAttribute("trainingSession", session);
        model.addAttribute("results", signIn.ofSession(fed.id(), id));
        model.addAttribute("courseResults", signIn.ofCourse(fed.id(), session.courseId()));
        boolean names = fed.seesNames();
        model.addAttribute("names", names);
        model.addAttribute("canWrite", fed.isDirection() && !session.cancelled());
        model.addAttribute("wrong", wrong);
        model.addAttribute("evaluationError", error);
        List<SignInService.Evaluation> evaluations = names ? signIn.evaluations(fed.id(), id) : List.of();
        model.addAttribute("evaluations", evaluations);
        Map<String, String> values = new HashMap<>();
        if (typed != null) {
            for (TypedEvaluation t : typed) {
                values.put("positioning-" + t.registrationId(), t.positioning().strip());
                values.put("acquired-" + t.registrationId(), t.acquired().strip());
                values.put("satisfaction-" + t.registrationId(), t.satisfaction().strip());
                values.put("comment-" + t.registrationId(), t.comment());
            }
        } else {
            for (SignInService.Evaluation e : evaluations) {
                long r = e.registration().id();
                values.put("positioning-" + r, e.positioning() == null ? "" : e.positioning().toString());
                values.put("acquired-" + r, e.acquired() == null ? "" : e.acquired().toString());
                values.put("satisfaction-" + r, e.satisfaction() == null ? "" : e.satisfaction().toString());
                values.put("comment-" + r, e.comment() == null ? "" : e.comment());
            }
        }
        model.addAttribute("values", values);
        return "training/evaluations-session";
    }

    @PostMapping("/f/{federation}/formation/sessions/{id}/evaluations")
    String saveEvaluations(FederationScope fed, @PathVariable long id, @Validated EvaluationForm form, BindingResult binding,
                           Model model, RedirectAttributes flash) {
        requireDirection(fed);
        if (binding.hasErrors()) {
            return evaluationPage(fed, id, null, Map.of(), "Rien n'est enregistré : 1 000 lignes au plus à la fois.", model);
        }
        List<TypedEvaluation> rows = form.rows();
        int saved;
        try {
            saved = signIn.saveEvaluations(fed.id(), id, rows);
        } catch (SignInService.EvaluationsRefused e) {
            return evaluationPage(fed, id, rows, e.fields(), "Rien n'est enregistré : " + e.getMessage(), model);
        } catch (Refused e) {
            return evaluationPage(fed, id, rows, Map.of(), e.getMessage(), model);
        }
        flash.addFlashAttribute("message", "Évaluations enregistrées : " + saved + " personne(s) évaluée(s).");
        return "redirect:" + fed.base() + "/formation/sessions/" + id + "/evaluations";
    }

    /** The year's results per course and per session; {@code formation} narrows the sessions to one course. */
    @GetMapping("/f/{federation}/formation/evaluations")
    String results(FederationScope fed, @RequestParam(required = false) String annee,
                   @RequestParam(required = false) String formation, Model model) {
        AskedYear asked = AskedYear.of(annee, () -> fed.today().getYear(), "les résultats de ");
        int year = asked.year();
        String notice = asked.notice();
        Long course = Parse.id(formation);
        List<SignInService.Results> sessions = signIn.bySession(fed.id(), year);
        Map<Long, TrainingService.Session> sessionById = training.sessions(fed.id(), year).stream()
                .collect(Collectors.toMap(TrainingService.Session::id, s -> s));
        model.addAttribute("year", year);
        model.addAttribute("notice", notice);
        model.addAttribute("course", course);
        model.addAttribute("courses", signIn.byCourse(fed.id(), year));
        model.addAttribute("sessions", sessions.stream()
                .filter(r -> course == null || sessionById.containsKey(r.key())
                        && course.equals(sessionById.get(r.key()).courseId())).toList());
        model.addAttribute("sessionById", sessionById);
        return "training/evaluations";
    }
}
