package fr.trame.demo;

import fr.trame.training.QualiopiEvidence;
import fr.trame.training.QualiopiEvidence.Period;
import fr.trame.training.QualiopiLists;
import fr.trame.training.QualiopiRecords;
import fr.trame.training.QualiopiRecords.Choice;
import fr.trame.training.QualiopiRecords.NewComplaint;
import fr.trame.training.QualiopiRecords.NewImprovement;
import fr.trame.training.QualiopiRecords.NewNeeds;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * The Qualiopi records of the training organisation over the last twelve months: the needs of about a third of the
 * trainees registered (a few with an adaptation), those of the custom courses, seven complaints (five answered, one
 * in progress, one left unanswered for more than 30 days) and the improvement actions drawn from them, from the
 * evaluations, the trainers and the watch. It runs after the parts that plan sessions and register people; without
 * them it still writes the complaints and the actions.
 */
@Component
@Order(300)
public class DemoTrainingQualiopi implements FederationDemoPart {

    private static final String[] EXPECTATIONS = {"Mieux accueillir les familles", "Savoir animer une réunion",
        "Comprendre le rôle d'un administrateur", "Monter un projet avec les habitants", "Tenir le budget d'une activité",
        "Accompagner les bénévoles", "Connaître les dispositifs de la CAF"};
    private static final String[] ADAPTATIONS = {"Documents en gros caractères", "Salle accessible en fauteuil",
        "Pauses plus fréquentes", "Interprète en langue des signes"};
    private static final String[][] COMPLAINTS = {
        {"Salle trop petite pour le groupe", "Nous changeons de salle pour les prochaines sessions.",
            "Réserver une salle adaptée au nombre d'inscrits"},
        {"Convocation reçue trop tard", "La convocation partira désormais trois semaines avant.",
            "Envoyer les convocations trois semaines avant la session"},
        {"Support de formation non remis", "Le support vous a été envoyé par courriel.", null},
        {"Horaires non respectés", "Le formateur a été prévenu ; les horaires seront tenus.", null},
        {"Contenu trop théorique", "Le programme fait plus de place aux cas pratiques.",
            "Ajouter des cas pratiques au programme"},
        {"Attestation de présence manquante", null, null},
        {"Parking inaccessible le matin", null, null}};

    private final QualiopiRecords records;
    private final QualiopiEvidence evidence;

    public DemoTrainingQualiopi(QualiopiRecords records, QualiopiEvidence evidence) {
        this.records = records;
        this.evidence = evidence;
    }

    @Override
    public void fill(long federationId, LocalDate today, Random random) {
        Period year = new Period(today.minusYears(1), today);
        for (QualiopiEvidence.RegistrationRow r : evidence.registrations(federationId, year, today,
                QualiopiLists.Registrations.CONVOQUEES)) {
            if (random.nextInt(3) == 0 && r.firstDay() != null && !r.firstDay().isAfter(today.plusDays(14))) {
                String adaptation = random.nextInt(15) == 0 ? ADAPTATIONS[random.nextInt(ADAPTATIONS.length)] : null;
                LocalDate on = r.firstDay().minusDays(7 + random.nextInt(14));
                records.saveNeedsOfRegistration(federationId, r.id(), new NewNeeds(EXPECTATIONS[random.nextInt(EXPECTATIONS.length)],
                        QualiopiRecords.LEVELS.get(random.nextInt(3)), random.nextInt(4) == 0 ? "Disponible le matin seulement" : null,
                        adaptation, on.isAfter(today) ? today : on), null);
            }
        }
        for (QualiopiEvidence.CourseRow c : evidence.courses(federationId, year, today, QualiopiLists.Courses.SUR_MESURE)) {
            records.saveNeedsOfCourse(federationId, c.id(), new NewNeeds("Former l'équipe de " + (c.requestedBy() == null
                    ? "la structure" : c.requestedBy()) + " à son projet", "intermediaire", null, null, today.minusMonths(2)), null);
        }

        List<Choice> structures = records.structures(federationId);
        List<Choice> sessions = records.sessions(federationId);
        for (int i = 0; i < COMPLAINTS.length; i++) {
            String[] c = COMPLAINTS[i];
            // the first five are answered, the sixth is in progress, the last one still waits for its answer
            LocalDate received = i < 5 ? today.minusDays(330 - 60L * i) : i == 5 ? today.minusDays(12) : today.minusDays(45);
            boolean answered = c[1] != null;
            LocalDate handled = answered ? received.plusDays(3 + random.nextInt(20)) : null;
            Long structure = structures.isEmpty() ? null : structures.get(random.nextInt(structures.size())).id();
            Long session = sessions.isEmpty() ? null : sessions.get(random.nextInt(sessions.size())).id();
            long id = records.createComplaint(federationId, new NewComplaint(received, structure, session, "Un·e stagiaire",
                    QualiopiRecords.CHANNELS.get(random.nextInt(QualiopiRecords.CHANNELS.size())), c[0], null,
                    answered ? "traitee" : i == 5 ? "en_cours" : "recue", c[1], handled, c[2]), null);
            if (c[2] != null) {
                LocalDate decided = handled.plusDays(5);
                boolean done = decided.plusDays(30).isBefore(today);
                records.createImprovement(federationId, new NewImprovement(decided, "reclamation", id, null, c[0], c[2],
                        done ? "realisee" : "en_cours", done ? decided.plusDays(30) : null), null);
            }
        }
        records.createImprovement(federationId, new NewImprovement(today.minusMonths(8), "evaluation", null, null,
                "Satisfaction plus basse sur les séquences à distance", "Raccourcir les séquences à distance à deux heures",
                "realisee", today.minusMonths(6)), null);
        records.createImprovement(federationId, new NewImprovement(today.minusMonths(3), "retour_formateur", null, null,
                "Groupes trop hétérogènes", "Proposer un positionnement avant l'inscription", "en_cours", null), null);
        records.createImprovement(federationId, new NewImprovement(today.minusMonths(5), "veille", null, null,
                "Nouvelle circulaire de la CNAF sur l'animation de la vie sociale", "Mettre à jour la formation des nouveaux "
                + "administrateurs", "prevue", null), null);
        records.createImprovement(federationId, new NewImprovement(today.minusMonths(10), "conseil_pedagogique", null, null,
                "Questionnaire de satisfaction trop long", "Ramener le questionnaire à dix questions", "realisee",
                today.minusMonths(9)), null);
    }
}
