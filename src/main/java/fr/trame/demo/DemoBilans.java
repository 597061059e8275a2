package fr.trame.demo;

import fr.trame.activities.EvaluationService;
import fr.trame.activities.EvaluationService.Objective;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demonstration centre's action evaluations (fiches bilan): four actions, last year's and this year's, written
 * through the activities module's service once the offer and the partners' directory exist.
 */
@Component
class DemoBilans {

    private record Sheet(String ref, int expected, String expectedText, List<Objective> objectives, List<String> partners,
                         String partnersText, String strengths, String difficulties, String perspectives) {
    }

    private static final List<Sheet> SHEETS = List.of(
            new Sheet("ACM-MER", 180, "Enfants de 4 à 11 ans du quartier, le mercredi", List.of(
                    new Objective("Proposer chaque mercredi un projet mené de bout en bout par les enfants", "atteint",
                            "Trois projets exposés dans le hall"),
                    new Objective("Associer les parents aux temps forts", "partiel", "Bonne venue aux expositions, peu aux ateliers"),
                    new Objective("Accueillir des enfants en situation de handicap", "non_atteint", "Pas d'animateur formé cette année")),
                    List.of("CAF des Bouches-du-Rhône", "Ville d'Istres"), "Ludothèque municipale",
                    "Des enfants fiers de montrer leurs réalisations ; une équipe stable sur l'année.",
                    "Locaux trop petits les jours de pluie ; recrutement difficile des animateurs.",
                    "Ateliers parents-enfants un mercredi par mois ; former un animateur à l'accueil du handicap."),
            new Sheet("CLAS-PRIM", 30, "Élèves d'élémentaire repérés avec les écoles", List.of(
                    new Objective("Aider chaque enfant à s'organiser dans son travail", "atteint", null),
                    new Objective("Rencontrer chaque famille au moins deux fois dans l'année", "partiel",
                            "Deux tiers des familles rencontrées")),
                    List.of("CAF des Bouches-du-Rhône"), "Écoles élémentaires du quartier",
                    "Un lien régulier avec les enseignants.", "Des bénévoles moins présents au second trimestre.",
                    "Un temps d'accueil des parents à la sortie, chaque vendredi."),
            new Sheet("PARENTS", 40, "Parents du quartier, en particulier ceux qui viennent peu au centre", List.of(
                    new Objective("Offrir un lieu d'échange libre entre parents", "atteint", null),
                    new Objective("Faire émerger des projets portés par les parents", "partiel", "Une sortie organisée par eux")),
                    List.of("Ville d'Istres"), null,
                    "Des parents qui reviennent et amènent d'autres parents.", "Horaires peu adaptés aux parents qui travaillent.",
                    "Un café des parents le samedi matin, à l'essai."),
            new Sheet("FLE-A1", 18, "Adultes allophones débutants", List.of(
                    new Objective("Se présenter et faire ses démarches simples en français", "atteint", null),
                    new Objective("Orienter vers une formation qualifiante", "non_atteint", "Aucune place ouverte cette année")),
                    List.of(), "Bénévoles de l'association de quartier",
                    "Une forte assiduité, un groupe solidaire.", "Une liste d'attente qui s'allonge.",
                    "Ouvrir un second groupe le soir."));

    private final EvaluationService evaluations;
    private final JdbcClient jdbc;

    DemoBilans(EvaluationService evaluations, JdbcClient jdbc) {
        this.evaluations = evaluations;
        this.jdbc = jdbc;
    }

    /** The sheets of last year and this year, for the activities and partners the demo has. */
    void fill(long centreId, int year) {
        Map<String, Long> partnerIds = new HashMap<>();
        evaluations.partners(centreId).forEach(p -> partnerIds.put(p.name(), p.id()));
        for (Sheet s : SHEETS) {
            Long activity = jdbc.sql("select id from activities_activities where centre_id = ? and ref = ?")
                    .params(centreId, s.ref()).query(Long.class).optional().orElse(null);
            if (activity == null) {
                continue;
            }
            List<Long> partners = s.partners().stream().filter(partnerIds::containsKey).map(partnerIds::get).toList();
            for (int y : List.of(year - 1, year)) {
                evaluations.save(centreId, activity, y, new EvaluationService.Values(s.expected(), s.expectedText(),
                        s.objectives(), partners, s.partnersText(), s.strengths(), s.difficulties(), s.perspectives()), 0);
            }
        }
    }
}
