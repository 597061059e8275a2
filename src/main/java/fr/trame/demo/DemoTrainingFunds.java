package fr.trame.demo;

import fr.trame.training.FundService;
import fr.trame.training.FundService.NewLine;
import fr.trame.training.TrainingService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The FOSFORA envelope of the demo's training year, shaped like seed 004's 2023: 70 700 € with 5 % for the national
 * federation, the lines of its table (catalogue, custom trainings, the administrators' conference, the welcome day,
 * mixed trainings, SDPA, AMEPP, the congress, the internal seminar) over the sessions the training part planned. It runs
 * after the parts that plan, sign and evaluate the sessions (its order, 900, is the highest) and only reads them: the
 * year is the one (of the last three) with the most sessions; with none, the envelope has its fixed line only. Every
 * amount is then computed from the signed presences.
 */
@Component
@Order(900)
public class DemoTrainingFunds implements FederationDemoPart {

    /** A line of the seed's table and how to recognise its sessions (by the course's title, its audience, custom). */
    private record Rule(String label, String rule, long rateCents, Long ceilingCents, String[] words, String audience,
                        Boolean custom) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("Conférence des administrateurs", "par_session", 120_000, null, words("conférence"), null, null),
            new Rule("Journée d'accueil des nouveaux", "par_session", 120_000, null, words("accueil des nouveaux", "journée d'accueil"),
                    null, null),
            new Rule("Séminaire mixte administrateurs et salariés", "par_session", 120_000, null, words("séminaire"), null, null),
            new Rule("Formation Soutien au Développement du Pouvoir d'Agir (SDPA)", "par_demi_journee", 22_500, 360_000L,
                    words("pouvoir d'agir", "sdpa"), null, null),
            new Rule("AMEPP — accompagnement méthodologique à l'élaboration participative de projets", "par_demi_journee", 22_500,
                    3_285_000L, words("amepp", "élaboration participative"), null, null),
            new Rule("Formation bénévoles sur mesure", "par_session", 45_000, null, words(), "benevoles", true),
            new Rule("Formation des bénévoles (catalogue)", "par_session", 45_000, null, words(), "benevoles", false),
            new Rule("Formations mixtes", "par_benevole", 7_000, 433_000L, words(), "mixte", null));

    private final TrainingService training;
    private final FundService funds;

    public DemoTrainingFunds(TrainingService training, FundService funds) {
        this.training = training;
        this.funds = funds;
    }

    @Override
    public void fill(long federationId, LocalDate today, Random random) {
        int year = today.getYear() - 1;
        List<TrainingService.Session> sessions = List.of();
        for (int y = today.getYear() - 2; y <= today.getYear(); y++) {
            List<TrainingService.Session> found = training.sessions(federationId, y);
            if (found.size() > sessions.size()) {
                sessions = found;
                year = y;
            }
        }
        long fund = funds.createFund(federationId, "FOSFORA", "cotisations",
                "Fonds de soutien à la formation des acteurs bénévoles, alimenté par une partie des cotisations des centres "
                        + "sociaux adhérents ; sa gestion est déléguée à la fédération.");
        long envelope = funds.createEnvelope(federationId, fund, year, 7_070_000, 500, null,
                "Enveloppe " + year + " ; 5 % reversés à la fédération nationale.");

        Map<Long, TrainingService.Course> courses = training.courses(federationId, true).stream()
                .collect(Collectors.toMap(TrainingService.Course::id, Function.identity()));
        Map<Rule, List<Long>> byRule = new LinkedHashMap<>();
        RULES.forEach(r -> byRule.put(r, new ArrayList<>()));
        for (TrainingService.Session s : sessions) {
            TrainingService.Course course = courses.get(s.courseId());
            String title = course.title().toLowerCase(Locale.FRENCH);
            for (Rule r : RULES) {
                boolean byWord = r.words().length > 0 && Arrays.stream(r.words()).anyMatch(title::contains);
                boolean byAudience = r.words().length == 0 && r.audience().equals(course.audience())
                        && (r.custom() == null || r.custom() == course.custom());
                if (byWord || byAudience) {
                    byRule.get(r).add(s.id());
                    break;
                }
            }
        }
        for (Rule r : RULES) {
            List<Long> ids = byRule.get(r);
            if (ids.isEmpty()) {
                continue;
            }
            long line = funds.createLine(federationId, envelope, new NewLine(r.label(), r.rule(), r.rateCents(), r.ceilingCents(),
                    null));
            funds.attachAll(federationId, line, ids);
        }
        funds.createLine(federationId, envelope, new NewLine("Congrès (financement spécifique)", "forfait", 1_000_000, null, null));
    }

    private static String[] words(String... words) {
        return words;
    }
}
