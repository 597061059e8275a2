package fr.trame.training;

/**
 * The lists of records behind the Qualiopi evidence: each one a SQL condition on one set of rows of the period (its
 * sessions, registrations, courses, trainers, complaints, improvement actions), named by the slug its page takes. The
 * page's figures are counts of these very conditions, so that a figure and the list it links to always agree.
 */
public final class QualiopiLists {

    private QualiopiLists() {
    }

    /** What a list is: its slug in the URL, its SQL condition on the set's rows, and its title on the page. */
    public record Definition(String slug, String predicate, String title) {
    }

    /** One list, by its {@link Definition}. */
    public interface Listing {
        Definition definition();

        default String slug() {
            return definition().slug();
        }

        default String predicate() {
            return definition().predicate();
        }

        default String title() {
            return definition().title();
        }

        /** The column its count goes to. */
        default String key() {
            return slug().replace('-', '_');
        }
    }

    /** Sessions whose first half-day falls in the period. */
    public enum Sessions implements Listing {
        PERIODE("periode", "true", "Sessions de la période"),
        MAINTENUES("maintenues", "status <> 'annulee'", "Sessions maintenues (non annulées)"),
        // held: training_session_facts' one definition (not cancelled, a presence signed by a registration not cancelled)
        TENUES("tenues", "held", "Sessions tenues (émargement signé)"),
        ANNULEES("annulees", "status = 'annulee'", "Sessions annulées"),
        SANS_EMARGEMENT("sans-emargement", "status <> 'annulee' and not held and last_day < :today",
                "Sessions passées sans émargement enregistré"),
        SANS_SATISFACTION("sans-satisfaction", "held and satisfactions = 0",
                "Sessions tenues sans aucune satisfaction recueillie"),
        AVEC_FORMATEUR("avec-formateur", "status <> 'annulee' and trainers > 0", "Sessions dont les formateurs sont désignés"),
        SANS_FORMATEUR("sans-formateur", "status <> 'annulee' and trainers = 0", "Sessions maintenues sans formateur désigné"),
        SANS_LIEU("sans-lieu", "status <> 'annulee' and coalesce(trim(place), '') = '' and modality <> 'distanciel'",
                "Sessions en présentiel sans lieu indiqué"),
        LONGUES("longues", "status <> 'annulee' and days > 2", "Sessions de plus de deux jours"),
        SOUS_TRAITEES("sous-traitees", "status <> 'annulee' and external_trainers > 0",
                "Sessions confiées en tout ou partie à un intervenant extérieur");

        private final Definition definition;

        Sessions(String slug, String predicate, String title) {
            definition = new Definition(slug, predicate, title);
        }

        @Override
        public Definition definition() {
            return definition;
        }
    }

    /** The registrations with a place (inscrit) in the sessions of the period that are not cancelled. */
    public enum Registrations implements Listing {
        CONVOQUEES("convoquees", "true", "Inscrit·e·s convoqué·e·s aux sessions de la période"),
        FORMEES("formees", "present > 0", "Stagiaires formé·e·s (présent·e·s au moins une demi-journée)"),
        ACHEVEES("achevees", "present > 0 and present >= half_days", "Stagiaires présent·e·s à toutes les demi-journées"),
        POSITIONNEES("positionnees", "present > 0 and positioning is not null", "Stagiaires positionné·e·s à l'entrée"),
        SANS_POSITIONNEMENT("sans-positionnement", "present > 0 and positioning is null",
                "Stagiaires formé·e·s sans positionnement à l'entrée"),
        EVALUEES("evaluees", "present > 0 and acquired is not null", "Stagiaires dont les acquis sont évalués"),
        SANS_EVALUATION("sans-evaluation", "present > 0 and acquired is null", "Stagiaires formé·e·s sans évaluation des acquis"),
        ACQUIS("acquis", "present > 0 and acquired >= 3", "Stagiaires ayant atteint les objectifs (acquis 3 ou 4 sur 4)"),
        // satisfied: from the view training_satisfactions (V45), the one definition of the satisfaction rate; null when
        // the answer is not counted (none, or nobody present)
        SATISFACTION("satisfaction", "satisfied is not null", "Stagiaires ayant donné leur satisfaction"),
        SATISFAITES("satisfaites", "satisfied", "Stagiaires satisfait·e·s (4 ou 5 sur 5)"),
        BESOINS("besoins", "needs_id is not null", "Inscrit·e·s dont le besoin est analysé"),
        SANS_BESOINS("sans-besoins", "needs_id is null", "Inscrit·e·s sans analyse du besoin"),
        ADAPTATIONS("adaptations", "nullif(trim(adaptation), '') is not null", "Inscrit·e·s pour qui une adaptation est prévue"),
        EQUIPE("equipe", "structure_id is null and present > 0", "Personnes de la fédération formées"),
        LONGUES("longues", "days > 2 and present > 0", "Stagiaires des sessions de plus de deux jours"),
        INTERROMPUES("interrompues", "days > 2 and present > 0 and present < half_days",
                "Stagiaires absent·e·s à une partie d'une session de plus de deux jours");

        private final Definition definition;

        Registrations(String slug, String predicate, String title) {
            definition = new Definition(slug, predicate, title);
        }

        @Override
        public Definition definition() {
            return definition;
        }
    }

    /** The federation's courses, with the sessions of the period that are not cancelled. */
    public enum Courses implements Listing {
        CATALOGUE("catalogue", "not archived and not custom", "Formations publiées au catalogue"),
        FICHES_COMPLETES("fiches-completes", "not archived and not custom and has_objectives and has_content and has_prerequisites",
                "Formations du catalogue à la fiche complète (objectifs, programme, prérequis)"),
        FICHES_INCOMPLETES("fiches-incompletes",
                "not archived and not custom and not (has_objectives and has_content and has_prerequisites)",
                "Formations du catalogue à la fiche incomplète (objectifs, programme ou prérequis manquants)"),
        DONNEES("donnees", "sessions > 0", "Formations données sur la période"),
        AVEC_OBJECTIFS("avec-objectifs", "sessions > 0 and has_objectives", "Formations données dont les objectifs sont écrits"),
        SANS_OBJECTIFS("sans-objectifs", "(sessions > 0 or not archived and not custom) and not has_objectives",
                "Formations sans objectifs écrits (au catalogue ou données sur la période)"),
        AVEC_PROGRAMME("avec-programme", "sessions > 0 and has_content", "Formations données dont le programme est écrit"),
        SANS_PROGRAMME("sans-programme", "(sessions > 0 or not archived and not custom) and not has_content",
                "Formations sans programme écrit (au catalogue ou données sur la période)"),
        A_DISTANCE("a-distance", "sessions > 0 and modality <> 'presentiel'",
                "Formations données à distance ou en partie à distance"),
        SUR_MESURE("sur-mesure", "sessions > 0 and custom", "Formations sur mesure données sur la période"),
        SUR_MESURE_ANALYSEES("sur-mesure-analysees", "sessions > 0 and custom and has_needs",
                "Formations sur mesure dont le besoin de la structure est analysé"),
        SUR_MESURE_SANS_BESOINS("sur-mesure-sans-besoins", "sessions > 0 and custom and not has_needs",
                "Formations sur mesure sans analyse du besoin");

        private final Definition definition;

        Courses(String slug, String predicate, String title) {
            definition = new Definition(slug, predicate, title);
        }

        @Override
        public Definition definition() {
            return definition;
        }
    }

    /** The federation's trainers, with the sessions of the period (not cancelled) they are named for. */
    public enum Trainers implements Listing {
        PERIODE("periode", "sessions > 0", "Formateurs et formatrices des sessions de la période"),
        INTERNES("internes", "sessions > 0 and kind = 'interne'", "Formateurs et formatrices internes de la période"),
        EXTERNES("externes", "sessions > 0 and kind = 'externe'", "Intervenant·e·s extérieur·e·s de la période");

        private final Definition definition;

        Trainers(String slug, String predicate, String title) {
            definition = new Definition(slug, predicate, title);
        }

        @Override
        public Definition definition() {
            return definition;
        }
    }

    /** The complaints received in the period. */
    public enum Complaints implements Listing {
        RECUES("recues", "true", "Réclamations reçues sur la période"),
        TRAITEES("traitees", "status = 'traitee'", "Réclamations traitées (réponse donnée)"),
        OUVERTES("ouvertes", "status <> 'traitee'", "Réclamations en attente de réponse"),
        EN_RETARD("en-retard", "status <> 'traitee' and :today - received_on > 30",
                "Réclamations sans réponse plus de 30 jours après leur réception"),
        DANS_LES_DELAIS("dans-les-delais", "status = 'traitee' and handled_on - received_on <= 30",
                "Réclamations traitées en 30 jours ou moins"),
        SUIVIES("suivies", "improvements > 0", "Réclamations suivies d'une action d'amélioration");

        private final Definition definition;

        Complaints(String slug, String predicate, String title) {
            definition = new Definition(slug, predicate, title);
        }

        @Override
        public Definition definition() {
            return definition;
        }
    }

    /** The improvement actions decided in the period. */
    public enum Improvements implements Listing {
        TOUTES("toutes", "true", "Actions d'amélioration décidées sur la période"),
        PREVUES("prevues", "status = 'prevue'", "Actions d'amélioration prévues"),
        EN_COURS("en-cours", "status = 'en_cours'", "Actions d'amélioration en cours"),
        REALISEES("realisees", "status = 'realisee'", "Actions d'amélioration réalisées"),
        EVALUATION("evaluation", "source = 'evaluation'", "Actions issues des évaluations des stagiaires"),
        RECLAMATION("reclamation", "source = 'reclamation'", "Actions issues des réclamations"),
        RETOUR_FORMATEUR("retour-formateur", "source = 'retour_formateur'", "Actions issues des retours des formateurs"),
        CONSEIL_PEDAGOGIQUE("conseil-pedagogique", "source = 'conseil_pedagogique'", "Actions issues du conseil pédagogique"),
        VEILLE("veille", "source = 'veille'", "Actions issues de la veille");

        private final Definition definition;

        Improvements(String slug, String predicate, String title) {
            definition = new Definition(slug, predicate, title);
        }

        @Override
        public Definition definition() {
            return definition;
        }
    }

    /** The list of that slug, or null when the slug is none of them. */
    public static <E extends Enum<E> & Listing> E bySlug(Class<E> kind, String slug) {
        for (E e : kind.getEnumConstants()) {
            if (e.slug().equals(slug)) {
                return e;
            }
        }
        return null;
    }
}
