package fr.trame.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated catalogue actions in the national text format, for the demonstration and the benchmark: titles, texts
 * and choices drawn from the kinds of actions centres run, both apostrophe styles, optional labels now and then.
 */
public final class DemoCatalogue {

    private static final String[] THEMES = {"Accompagnement à la scolarité", "Jardin partagé", "Café des parents",
            "Atelier numérique", "Repair café", "Sorties familiales", "Ateliers sociolinguistiques", "Fête de quartier",
            "Permanence d'accès aux droits", "Chantier jeunes", "Épicerie solidaire", "Marche bleue des seniors",
            "Ludothèque itinérante", "Conseil d'habitants", "Lieu d'accueil enfants-parents", "Vacances en famille",
            "Atelier cuisine du monde", "Aide aux devoirs", "Jeunes reporters", "Troc de vêtements"};
    private static final String[] PLACES = {"du quartier", "des Tilleuls", "de la Plaine", "au pied des immeubles",
            "en centre-bourg", "du Vieux Moulin", "des Hauts", "intergénérationnel", "l’été", "d'hiver"};
    private static final String[] SENTENCES = {
            "Les familles se retrouvent chaque semaine autour d'un projet qu'elles ont choisi ensemble.",
            "L’action est née d’une demande des parents lors d'un café du samedi matin.",
            "Des bénévoles accompagnent les enfants dans leurs devoirs et leur donnent le goût de la lecture.",
            "Les habitants ont aménagé des bacs de culture au pied des immeubles avec le bailleur.",
            "Un animateur et deux bénévoles préparent les séances avec les participants.",
            "Les seniors isolés sont invités à des sorties et à des repas partagés.",
            "Les jeunes ont monté leur projet de séjour et cherché eux-mêmes les financements.",
            "L'atelier aide chacun à faire ses démarches en ligne et à gagner en autonomie.",
            "La fête a réuni plus de trois cents habitants et une quinzaine d’associations.",
            "Le groupe se réunit au centre social le mardi soir, hors vacances scolaires.",
            "Les partenaires se retrouvent trois fois par an pour faire le point et ajuster l'action.",
            "Les participants apprennent le français à partir de situations de la vie quotidienne.",
            "La ludothèque passe dans les écoles et les squares pendant les vacances.",
            "Les parents ont pris confiance et animent désormais certaines séances.",
            "Un bilan est écrit avec les habitants à la fin de chaque saison."};
    private static final String[] STATUSES = {"En cours", "En cours", "En cours", "Terminée"};
    private static final String[] DIMENSIONS = {"Accompagnement de projets", "Citoyenneté", "Services"};
    private static final String[] KEYWORDS = {"Culture", "Démocratie & citoyenneté", "Emploi, économie", "Environnement",
            "Intégration", "Mixité sociale", "Parentalité", "Santé", "Solidarité", "Viellissement",
            "alphabétisation & apprentissage du français", "intergénérationnel", "mobilité / transport",
            "vacances / loisirs", "éducation / scolarité"};
    private static final String[] PUBLICS = {"Adultes", "Enfance", "Jeunesse", "Petite enfance", "Seniors",
            "Tous publics", "familles"};
    private static final String[] INITIATIVES = {"Le centre social", "Un groupe d'habitants", "Un habitant",
            "Un ou plusieurs partenaire(s)", "Autre"};
    private static final String[] TERRITORIES = {"Un quartier", "Plusieurs quartiers", "Une commune"};
    private static final String[] PARTNERS = {"ANCV", "Association locale", "Association nationale", "Bailleur social",
            "CARSAT", "Caf", "Commune", "Conseil départemental", "Conseil régional", "Entreprise privée", "Mutuelle",
            "Éducation Nationale"};
    private static final String[] CENTRES = {"Centre social", "Maison des familles", "Espace de vie sociale",
            "Maison de quartier", "Centre socioculturel"};
    private static final String[] NAMES = {"Les Tilleuls", "La Passerelle", "Le Moulin", "Arc-en-ciel", "La Source",
            "Les Hauts de Garonne", "Jean Jaurès", "La Roseraie", "Le Lien", "Les Trois Cités", "Bel Air", "La Ruche"};
    private static final String[] DEPARTEMENTS = {"Gironde", "Haute-Garonne", "Nord", "Rhône", "Isère", "Loire-Atlantique",
            "Bouches-du-Rhône", "Seine-Saint-Denis", "Bas-Rhin", "Hérault", "Finistère", "Puy-de-Dôme"};

    private DemoCatalogue() {
    }

    /** A whole file of {@code count} distinct actions (each title carries its number, so none repeats). */
    public static String file(int count, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder("Les actions des centres sociaux");
        for (int i = 1; i <= count; i++) {
            out.append('\n').append(String.join("\n", record(i, random)));
        }
        return out.toString();
    }

    private static List<String> record(int number, Random r) {
        List<String> lines = new ArrayList<>();
        lines.add("Actions");
        lines.add(pick(r, THEMES) + " " + pick(r, PLACES) + " n° " + number);
        if (r.nextInt(20) > 0) {
            lines.add("- Structure organisatrice");
            lines.add("- " + pick(r, CENTRES) + " " + pick(r, NAMES) + " " + (1 + r.nextInt(150)) + " - " + pick(r, DEPARTEMENTS));
        }
        lines.add("- Fichier(s) associé(s)");
        String status = pick(r, STATUSES);
        lines.add("- Statut de l'action");
        lines.add("- " + status);
        if (status.equals("Terminée") && r.nextInt(4) > 0) {
            lines.add("- Raisons pour lesquelles l'action est terminée");
            lines.add("Le financement s’est arrêté et l'équipe a changé.");
        }
        lines.add("- Dimension");
        lines.add("- " + pick(r, DIMENSIONS));
        lines.add("- Mots clés associés à l'action");
        list(lines, r, KEYWORDS, 1 + r.nextInt(3), false);
        lines.add("- Résumé");
        lines.add(text(r, 2));
        lines.add("- Qui est à l'initiative de l'action ?");
        list(lines, r, INITIATIVES, 1 + r.nextInt(2), false);
        lines.add("- Territoire concerné");
        String territory = pick(r, TERRITORIES);
        lines.add("- " + territory);
        lines.add("- Description de l'expérience, ses objectifs, ses acteurs et ses différentes phases.");
        lines.add(text(r, 3));
        lines.add("- " + text(r, 1));
        lines.add("- Public");
        lines.add("- " + pick(r, PUBLICS));
        lines.add("- Avec qui cette action a-t-elle été menée ?");
        list(lines, r, PARTNERS, 1 + r.nextInt(4), true);
        lines.add("- Territoire concerné");
        lines.add("- " + territory);
        for (String label : new String[] {"Description générale", "Ressources financières mobilisées pour cette action",
                "Nombre de personnes mobilisés pour cette action", "Résultat sur le territoire",
                "Résultat pour le centre social", "Résultat pour les habitants", "Suite de l'action : Limites",
                "Suite de l'action : Perspectives"}) {
            lines.add("- " + label);
            lines.add(text(r, 1 + r.nextInt(2)));
        }
        return lines;
    }

    private static void list(List<String> lines, Random r, String[] values, int count, boolean partners) {
        lines.add("-");
        if (partners) {
            lines.add("Partenaires d'action:");
        }
        int start = r.nextInt(values.length);
        for (int k = 0; k < Math.min(count, values.length); k++) {
            lines.add("- " + values[(start + k) % values.length]);
        }
    }

    private static String text(Random r, int sentences) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < sentences; k++) {
            text.append(k == 0 ? "" : " ").append(pick(r, SENTENCES));
        }
        return text.toString();
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
