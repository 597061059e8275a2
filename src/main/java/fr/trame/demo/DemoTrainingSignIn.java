package fr.trame.demo;

import fr.trame.training.SignInService;
import fr.trame.training.SignInService.Presence;
import fr.trame.training.SignInService.TypedEvaluation;
import fr.trame.training.TrainingService;
import fr.trame.training.TrainingService.HalfDay;
import fr.trame.training.TrainingService.Session;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The signed attendance and the evaluations of the sessions already held, written through {@link SignInService}: for
 * every session not cancelled whose last half-day has passed, most people sign every half-day (a few miss one, fewer
 * never come), and about nine in ten fill in the evaluation, mostly satisfied, with skills acquired above their
 * positioning. It reads the sessions and registrations that the training's other demo parts wrote: it comes after
 * them ({@code @Order}: after the sessions' part, before the funds', whose allocations count presences), and does
 * nothing when there is no session.
 */
@Component
@Order(200)
public class DemoTrainingSignIn implements FederationDemoPart {

    private static final String[] COMMENTS = {"Des outils concrets, que j'utiliserai dès la rentrée.",
        "Très bon échange entre centres.", "Un peu court pour tout voir.", "Formatrice à l'écoute.",
        "J'aurais aimé plus d'exemples.", "Clair et bien rythmé."};

    private final TrainingService training;
    private final SignInService signIn;

    public DemoTrainingSignIn(TrainingService training, SignInService signIn) {
        this.training = training;
        this.signIn = signIn;
    }

    @Override
    public void fill(long federationId, LocalDate today, Random random) {
        for (int year = today.getYear() - 2; year <= today.getYear(); year++) {
            for (Session s : training.sessions(federationId, year)) {
                if (!s.cancelled() && s.lastDay() != null && s.lastDay().isBefore(today)) {
                    held(federationId, s, today, random);
                }
            }
        }
    }

    private void held(long federationId, Session session, LocalDate today, Random random) {
        List<HalfDay> halfDays = training.halfDays(federationId, session.id());
        List<TrainingService.Registration> people = signIn.holdingAPlace(federationId, session.id());
        Set<Presence> presences = new HashSet<>();
        List<TypedEvaluation> evaluations = new ArrayList<>();
        for (TrainingService.Registration r : people) {
            if (random.nextInt(100) < 3) {
                continue;
            }
            for (HalfDay h : halfDays) {
                if (random.nextInt(100) >= 6) {
                    presences.add(new Presence(r.id(), h.id()));
                }
            }
            if (random.nextInt(100) < 90) {
                int before = 1 + random.nextInt(3);
                int after = Math.min(4, before + random.nextInt(3));
                int satisfaction = random.nextInt(100) < 88 ? 4 + random.nextInt(2) : 2 + random.nextInt(2);
                String comment = random.nextInt(100) < 25 ? COMMENTS[random.nextInt(COMMENTS.length)] : "";
                evaluations.add(new TypedEvaluation(r.id(), String.valueOf(before), String.valueOf(after),
                        String.valueOf(satisfaction), comment));
            }
        }
        signIn.recordAttendance(federationId, session.id(), presences, today, null);
        signIn.saveEvaluations(federationId, session.id(), evaluations);
    }
}
