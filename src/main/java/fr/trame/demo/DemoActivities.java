package fr.trame.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The demonstration centre's offer, shaped like seed 000: an accueil de loisirs for 4–11 year-olds (Wednesdays and
 * school holidays), a youth sector, homework support, weekly workshops for adults and seniors, French classes,
 * digital help, outings and a neighbourhood party counted by headcount.
 */
final class DemoActivities {

    /** One activity: its CSV fields, its weekly pattern, and how many people it enrols at size S. */
    record Template(String ref, String name, String sector, String kind, String publicLabel, Integer ageMin,
                    Integer ageMax, Integer capacity, String weekdays, String start, String end, String holidays,
                    int enrolledAtS) {
    }

    static List<Template> offer(int scale) {
        List<Template> t = new ArrayList<>();
        t.add(new Template("ACM-MER", "Accueil de loisirs 4-11 ans (mercredis)", "Enfance", "acm", "Enfance", 4, 11, null,
                "3", "08:30", "17:30", "hors_vacances", 230));
        t.add(new Template("ACM-VAC", "Accueil de loisirs 4-11 ans (vacances)", "Enfance", "acm", "Enfance", 4, 11, null,
                "1,2,3,4,5", "08:30", "17:30", "vacances_seulement", 230));
        t.add(new Template("JEUNES", "Accueil jeunes 12-17 ans", "Jeunesse", "acm", "Jeunesse", 12, 17, null,
                "3,6", "14:00", "18:00", "toutes", 124));
        String[][] weekly = {
                {"CLAS-PRIM", "Accompagnement à la scolarité (primaire)", "Accompagnement scolaire", "accompagnement_scolaire",
                        "Enfance", "6", "11", "1,2,4", "16:30", "18:00", "30"},
                {"CLAS-COL", "Accompagnement à la scolarité (collège)", "Accompagnement scolaire", "accompagnement_scolaire",
                        "Jeunesse", "11", "15", "1,2,4", "17:00", "18:30", "24"},
                {"FLE-A1", "Français langue étrangère A1", "Socio-linguistique", "atelier",
                        "Adultes", "18", "", "2,4", "09:00", "11:00", "18"},
                {"FLE-A2", "Français langue étrangère A2", "Socio-linguistique", "atelier",
                        "Adultes", "18", "", "1,3", "14:00", "16:00", "16"},
                {"YOGA", "Yoga", "Adultes-Seniors", "atelier", "Adultes", "18", "", "1", "18:30", "19:45", "20"},
                {"GYM-SEN", "Gym douce seniors", "Adultes-Seniors", "atelier", "Seniors", "60", "", "2", "10:00", "11:00", "22"},
                {"COUTURE", "Atelier couture", "Adultes-Seniors", "atelier", "Adultes", "16", "", "4", "14:00", "17:00", "14"},
                {"CUISINE", "Atelier cuisine du monde", "Famille", "atelier", "familles", "", "", "5", "09:30", "13:30", "16"},
                {"LAEP", "Lieu d'accueil enfants-parents", "Famille", "atelier", "Petite enfance", "0", "5", "2,5", "09:00", "11:30", "25"},
                {"PARENTS", "Café des parents", "Famille", "atelier", "familles", "", "", "6", "10:00", "12:00", "18"},
                {"NUM-ADU", "Atelier numérique débutants", "Numérique", "atelier", "Adultes", "18", "", "3", "09:30", "11:30", "12"},
                {"NUM-SEN", "Tablette et smartphone seniors", "Numérique", "atelier", "Seniors", "60", "", "5", "14:00", "16:00", "12"},
                {"THEATRE", "Théâtre ados", "Jeunesse", "atelier", "Jeunesse", "12", "17", "3", "14:00", "16:00", "14"},
                {"DANSE", "Danse hip-hop", "Jeunesse", "atelier", "Jeunesse", "10", "17", "6", "10:00", "12:00", "20"},
                {"ECRIVAIN", "Permanence écrivain public", "Accès aux droits", "permanence",
                        "Adultes", "18", "", "2", "14:00", "17:00", "10"},
                {"JARDIN", "Jardin partagé", "Famille", "atelier", "Tous publics", "", "", "3", "10:00", "12:00", "15"}};
        int copies = Math.max(1, scale);
        for (int c = 0; c < copies; c++) {
            String suffix = c == 0 ? "" : " (groupe " + (c + 1) + ")";
            String refSuffix = c == 0 ? "" : "-" + (c + 1);
            for (String[] w : weekly) {
                t.add(new Template(w[0] + refSuffix, w[1] + suffix, w[2], w[3], w[4], blank(w[5]), blank(w[6]), null,
                        w[7], w[8], w[9], "hors_vacances", Integer.parseInt(w[10])));
            }
        }
        t.add(new Template("FETE", "Fête de quartier", "Famille", "evenement", "Tous publics", null, null, null,
                "6", "14:00", "22:00", "juin", 0));
        t.add(new Template("SORTIE-MER", "Sortie familles à la mer", "Famille", "sortie", "familles", null, null, 50,
                "6", "09:00", "18:00", "juillet", 45));
        return t;
    }

    private static Integer blank(String s) {
        return s.isEmpty() ? null : Integer.parseInt(s);
    }

    private DemoActivities() {
    }
}
