package fr.trame.training;

import java.util.List;

/**
 * The national quality framework a certified training organisation is audited on (référentiel national qualité,
 * décrets 2019-564 and 2019-565, read with the ministry's guide): 7 criteria, 32 indicators. Titles and expected
 * evidence are written here in our own words, for the short trainings a federation gives to the employees and
 * volunteers of its centres ("actions de formation" that prepare to no certification, neither in alternance nor by
 * apprenticeship). For them most indicators apply; two apply only in some cases (12: trainings of more than two days;
 * 27: when part of a training is entrusted to an outside provider); nine never do, each with its reason.
 */
public final class QualiopiFramework {

    private QualiopiFramework() {
    }

    /** Whether the indicator is audited for the federation's trainings. */
    public enum Applicability {
        APPLICABLE("Applicable"), CONDITIONAL("Selon le cas"), NOT_APPLICABLE("Non applicable");

        private final String label;

        Applicability(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Criterion(int number, String title) {
    }

    /**
     * One indicator: its number, criterion, short title, whether it applies (with the reason when it does not, or when
     * it depends), and what the organisation shows the auditor for it.
     */
    public record Indicator(int number, int criterion, String title, Applicability applicability, String reason,
                            String expected) {

        public boolean applies() {
            return applicability != Applicability.NOT_APPLICABLE;
        }
    }

    public static final List<Criterion> CRITERIA = List.of(
            new Criterion(1, "Informer le public sur les prestations, leurs délais d'accès et leurs résultats"),
            new Criterion(2, "Fixer des objectifs précis et adapter les prestations aux publics"),
            new Criterion(3, "Accueillir, accompagner, suivre et évaluer les bénéficiaires"),
            new Criterion(4, "Disposer de moyens pédagogiques, techniques et d'encadrement adaptés"),
            new Criterion(5, "Qualifier les personnels et développer leurs compétences"),
            new Criterion(6, "S'inscrire dans son environnement professionnel"),
            new Criterion(7, "Recueillir les appréciations et les réclamations, et s'en servir pour s'améliorer"));

    private static final String NOT_CERTIFYING = "Les formations du réseau ne préparent à aucune certification "
            + "(RNCP ou répertoire spécifique).";
    private static final String NOT_ALTERNANCE = "Les formations du réseau ne se font ni en alternance ni en situation "
            + "de travail.";
    private static final String CFA_ONLY = "Indicateur propre aux centres de formation d'apprentis (CFA).";

    public static final List<Indicator> INDICATORS = List.of(
            applicable(1, 1, "Une information claire, à jour et accessible sur chaque prestation",
                    "Le catalogue et les fiches programme : public visé, prérequis, objectifs, durée, modalités, tarif, "
                            + "délai d'accès, accessibilité aux personnes handicapées, contact."),
            applicable(2, 1, "Des indicateurs de résultats rendus publics",
                    "Les résultats de l'année, publiés : personnes formées, taux de satisfaction, taux d'achèvement, "
                            + "acquis atteints."),
            notApplicable(3, 1, "Les taux d'obtention des certifications, leurs équivalences et débouchés",
                    NOT_CERTIFYING),
            applicable(4, 2, "L'analyse du besoin de chaque bénéficiaire",
                    "Pour chaque inscrit·e, ses attentes, son niveau, ses contraintes et un éventuel besoin "
                            + "d'adaptation ; pour une formation sur mesure, le besoin de la structure qui la demande."),
            applicable(5, 2, "Des objectifs opérationnels et évaluables",
                    "Les objectifs écrits dans la fiche de chaque formation, que l'évaluation des acquis mesure."),
            applicable(6, 2, "Des contenus et des modalités adaptés aux objectifs et aux publics",
                    "Le programme (contenu) de chaque formation, sa durée et sa modalité (présentiel, à distance)."),
            notApplicable(7, 2, "Des contenus conformes aux exigences de la certification visée", NOT_CERTIFYING),
            applicable(8, 2, "Le positionnement des bénéficiaires à l'entrée",
                    "Le positionnement (auto-évaluation ou questionnaire) de chaque stagiaire avant la formation."),
            applicable(9, 3, "L'information des bénéficiaires sur les conditions de déroulement",
                    "Les convocations (dates, horaires, lieu, accès), le règlement intérieur, le contact à joindre."),
            applicable(10, 3, "Une prestation, un accompagnement et un suivi adaptés aux bénéficiaires",
                    "Les adaptations décidées après l'analyse du besoin, les feuilles d'émargement par demi-journée."),
            applicable(11, 3, "L'évaluation de l'atteinte des objectifs",
                    "L'évaluation des acquis en fin de formation et les attestations de présence."),
            conditional(12, 3, "L'engagement des bénéficiaires et la prévention des abandons",
                    "Ne concerne que les formations de plus de deux jours.",
                    "Le suivi des absences et des interruptions de parcours, les relances faites."),
            notApplicable(13, 3, "La coordination avec l'employeur dans les formations en alternance", NOT_ALTERNANCE),
            notApplicable(14, 3, "L'exercice de la citoyenneté par les apprentis", CFA_ONLY),
            notApplicable(15, 3, "Les droits et devoirs des apprentis, la santé et la sécurité au travail", CFA_ONLY),
            notApplicable(16, 3, "Les conditions de présentation à la certification", NOT_CERTIFYING),
            applicable(17, 4, "Des moyens humains et techniques adaptés, dans un environnement approprié",
                    "Les formateurs désignés pour chaque session, les lieux, les salles et le matériel."),
            applicable(18, 4, "La coordination des intervenants internes et externes",
                    "Qui fait quoi : responsable pédagogique, formateurs de chaque session, réunions de préparation."),
            applicable(19, 4, "Des ressources pédagogiques mises à disposition des bénéficiaires",
                    "Les programmes, les supports remis, les ressources à distance."),
            notApplicable(20, 4, "Un personnel dédié à la mobilité, un référent handicap, un conseil de perfectionnement",
                    CFA_ONLY + " Un référent handicap reste conseillé."),
            applicable(21, 5, "Des compétences des intervenants vérifiées et entretenues",
                    "Les CV, diplômes et expériences des formateurs, leurs formations suivies (hors Trame)."),
            applicable(22, 5, "Le développement des compétences des salariés de l'organisme",
                    "Le plan de développement des compétences de l'équipe et les formations qu'elle a suivies."),
            applicable(23, 6, "Une veille légale et réglementaire",
                    "Les sources suivies, les changements repérés et ce qu'ils ont changé aux formations."),
            applicable(24, 6, "Une veille sur les compétences, les métiers et les emplois des secteurs concernés",
                    "Les évolutions des métiers de l'animation et de la vie associative suivies, et leur effet sur l'offre."),
            applicable(25, 6, "Une veille sur les innovations pédagogiques et technologiques",
                    "Les méthodes et outils nouveaux repérés et essayés."),
            applicable(26, 6, "Les expertises et réseaux mobilisés pour accueillir les personnes handicapées",
                    "Les adaptations prévues pour les personnes handicapées et les partenaires sollicités."),
            conditional(27, 6, "Le respect du référentiel par les sous-traitants",
                    "Seulement quand une formation est confiée à un intervenant extérieur.",
                    "Les conventions avec les intervenants extérieurs et la façon dont leur travail est suivi."),
            notApplicable(28, 6, "Les partenaires socio-économiques des formations en situation de travail",
                    NOT_ALTERNANCE),
            notApplicable(29, 6, "L'insertion professionnelle ou la poursuite d'études des apprentis", CFA_ONLY),
            applicable(30, 7, "Le recueil des appréciations des parties prenantes",
                    "Les questionnaires de satisfaction des stagiaires, et l'avis des structures et des formateurs."),
            applicable(31, 7, "Le traitement des difficultés, réclamations et aléas",
                    "Le registre des réclamations : réception, réponse, date de traitement, suite donnée."),
            applicable(32, 7, "Des mesures d'amélioration tirées des appréciations et des réclamations",
                    "Le plan d'amélioration : constats, actions décidées, leur état."));

    public static Indicator indicator(int number) {
        return INDICATORS.get(number - 1);
    }

    public static Criterion criterion(int number) {
        return CRITERIA.get(number - 1);
    }

    private static Indicator applicable(int number, int criterion, String title, String expected) {
        return new Indicator(number, criterion, title, Applicability.APPLICABLE, null, expected);
    }

    private static Indicator conditional(int number, int criterion, String title, String reason, String expected) {
        return new Indicator(number, criterion, title, Applicability.CONDITIONAL, reason, expected);
    }

    private static Indicator notApplicable(int number, int criterion, String title, String reason) {
        return new Indicator(number, criterion, title, Applicability.NOT_APPLICABLE, reason, null);
    }
}
