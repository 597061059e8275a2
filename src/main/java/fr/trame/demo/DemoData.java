package fr.trame.demo;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded generator of a plausible centre's register as people.csv and memberships.csv text (interchange.md), so the
 * demonstration and the benchmarks go through the same import as a centre's own files.
 * Shapes follow seed 000: about half the households hold a familiale membership, 138 individuelle and 8 associative
 * ones for 1,200 households; about 72 % of known QFs under 900 €.
 */
public final class DemoData {

    public enum Size {
        S(1_200, 3_000), M(5_000, 12_000);

        final int households;
        final int persons;

        Size(int households, int persons) {
            this.households = households;
            this.persons = persons;
        }
    }

    public record Quartier(String name, boolean qpv, int weight) {
    }

    public static final List<Quartier> QUARTIERS = List.of(
            new Quartier("Les Tilleuls", true, 30), new Quartier("La Bastide", true, 22),
            new Quartier("Centre ancien", false, 20), new Quartier("Les Vergers", false, 16),
            new Quartier("Le Moulin", false, 12));

    static final String[] LAST_NAMES = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
            "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent",
            "Fournier", "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François",
            "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel",
            "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier",
            "Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier",
            "Benali", "Haddad", "Belkacem", "Mansouri", "Kaci", "Bouzid", "Cherif", "Amrani", "Benyahia", "Saïdi",
            "Diallo", "Traoré", "Diop", "N'Diaye", "Camara", "Koné", "Sow", "Yılmaz", "Kaya", "Demir", "Da Silva",
            "Pereira", "Fernandes", "Rodrigues", "Ferreira", "Hoarau", "Payet", "Rivière", "Ben Amor", "Chaouch",
            "El Idrissi", "Ouali", "Zerrouki", "Hamidi", "Lacroix", "Colin", "Barbier", "Arnaud", "Giraud", "Brun"};
    static final String[] WOMEN = {"Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sandrine", "Céline",
            "Émilie", "Aurélie", "Julie", "Camille", "Léa", "Manon", "Chloé", "Inès", "Jade", "Louise", "Emma", "Lina",
            "Sarah", "Yasmine", "Fatima", "Nadia", "Samira", "Aïcha", "Khadija", "Mariam", "Awa", "Fatoumata", "Zeynep",
            "Ana", "Hélène", "Monique", "Françoise", "Josiane", "Odette", "Nour", "Maëlys", "Anaïs", "Rose"};
    static final String[] MEN = {"Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas", "Christophe", "Stéphane",
            "Sébastien", "Julien", "Thomas", "Lucas", "Hugo", "Nathan", "Enzo", "Louis", "Gabriel", "Raphaël", "Adam",
            "Mohamed", "Karim", "Rachid", "Yacine", "Mehdi", "Bilal", "Ibrahim", "Moussa", "Mamadou", "Emre", "João",
            "René", "Gérard", "Bernard", "Noé", "Jérôme", "François", "Amine", "Ilyès", "Théo", "Léo"};
    static final String[] STREETS = {"rue des Lilas", "avenue Jean Jaurès", "chemin du Moulin", "rue de la République",
            "allée des Tilleuls", "boulevard Victor Hugo", "impasse des Vergers", "place de la Bastide",
            "rue Pasteur", "avenue des Écoles"};

    private final Random random;
    private final LocalDate today;
    private final String postcode;
    private final String commune;
    private final List<String> householdRefs = new ArrayList<>();
    private final List<String> adultRefs = new ArrayList<>();

    public DemoData(long seed, LocalDate today) {
        this(seed, today, "13800", "Istres");
    }

    /** People living at {@code postcode commune} (the centre's town). */
    public DemoData(long seed, LocalDate today, String postcode, String commune) {
        this.random = new Random(seed);
        this.today = today;
        this.postcode = postcode;
        this.commune = commune;
    }

    /** people.csv text: {@code size.households} households holding about {@code size.persons} persons. */
    public String peopleCsv(Size size) {
        return peopleCsv(size.households, size.persons, "");
    }

    private static final String[] SCHOOLS = {"École Jean Jaurès", "École Louise Michel", "Collège Marcel Pagnol"};
    private static final String[] LEVELS = {"CP", "CE1", "CE2", "CM1", "CM2", "6e", "5e", "4e", "3e"};
    private static final String[] FLAGS = {"primo_arrivant", "allophone", "fle", "primo_arrivant,allophone", "allophone,fle"};

    /**
     * A person's school and class (pupils of 6 to 14), disability answer and situation flags: drawn from the person's
     * reference, not from the register's random sequence, so the rest of the demonstration stays as it was.
     */
    private static String details(String personRef, int age, String role) {
        Random own = new Random(personRef.hashCode());
        boolean pupil = age >= 6 && age <= 14;
        String school = pupil ? SCHOOLS[age <= 10 ? own.nextInt(2) : 2] : "";
        String level = pupil ? LEVELS[age - 6] : "";
        int answer = own.nextInt(100);
        String disability = answer < 4 ? "oui" : answer < 55 ? "non" : "";
        String flags = !role.equals("enfant") && own.nextInt(100) < 9 ? FLAGS[own.nextInt(FLAGS.length)] : "";
        return school + ';' + level + ';' + disability + ';' + flags;
    }

    public String peopleCsv(int households, int targetPersons, String refPrefix) {
        StringBuilder csv = new StringBuilder(targetPersons * 120);
        csv.append("household_ref;person_ref;last_name;first_name;sex;birth_date;role;address;postcode;commune;quartier;"
                + "qpv;qf;phone;email;school;school_level;disability;flags\n");
        int persons = 0;
        for (int h = 1; h <= households; h++) {
            int remainingHouseholds = households - h + 1;
            double wanted = (double) (targetPersons - persons) / remainingHouseholds;
            String householdRef = refPrefix + "F" + h;
            householdRefs.add(householdRef);
            String lastName = pick(LAST_NAMES);
            Quartier quartier = quartier();
            String address = (1 + random.nextInt(120)) + " " + pick(STREETS);
            Integer qf = random.nextInt(100) < 88 ? qf() : null;
            int n = 0;
            for (String[] member : shape(wanted)) {
                n++;
                String sex = member[0];
                int age = Integer.parseInt(member[1]);
                String role = member[2];
                String personRef = refPrefix + "P" + h + "-" + n;
                String first = pick(sex.equals("F") ? WOMEN : MEN);
                LocalDate birth = today.minusYears(age).minusDays(random.nextInt(365));
                boolean known = random.nextInt(100) < 95; // some birth dates are missing, as in real registers
                String phone = role.equals("enfant") ? "" : phone();
                String email = role.equals("enfant") || random.nextBoolean() ? ""
                        : ascii(first) + "." + ascii(lastName) + h + "@exemple.fr";
                if (!role.equals("enfant")) {
                    adultRefs.add(personRef);
                }
                csv.append(householdRef).append(';').append(personRef).append(';').append(lastName).append(';')
                        .append(first).append(';').append(sex).append(';').append(known ? birth : "").append(';')
                        .append(role).append(';').append(n == 1 ? address : "").append(';')
                        .append(n == 1 ? postcode : "").append(';').append(n == 1 ? commune : "").append(';')
                        .append(quartier.name()).append(';').append(quartier.qpv() ? "oui" : "non").append(';')
                        .append(qf == null ? "" : qf).append(';').append(phone).append(';').append(email).append(';')
                        .append(details(personRef, age, role)).append('\n');
                persons++;
            }
        }
        return csv.toString();
    }

    /**
     * memberships.csv text for two seasons starting in September of {@code firstSeasonYear} and the next year:
     * familiale for about half the households, individuelle and associative in seed 000's proportions.
     */
    public String membershipsCsv(int firstSeasonYear) {
        StringBuilder csv = new StringBuilder("membership_ref;type;household_ref;person_ref;organisation;start_date;end_date;amount\n");
        int scale = Math.max(1, householdRefs.size() / 1_200);
        for (int season = 0; season < 2; season++) {
            int year = firstSeasonYear + season;
            LocalDate start = LocalDate.of(year, 9, 1);
            LocalDate end = LocalDate.of(year + 1, 8, 31);
            int k = 0;
            for (String household : householdRefs) {
                if (random.nextInt(100) < 48) {
                    csv.append("A").append(year).append('-').append(++k).append(";familiale;").append(household)
                            .append(";;;").append(start).append(';').append(end).append(';')
                            .append(random.nextInt(3) == 0 ? "10" : "15").append('\n');
                }
            }
            // one individuelle membership per person and season: a drawn person who already has one gives way to
            // the next adult in the list (no extra draw, so the rest of the generated centre stays the same)
            Set<Integer> taken = new HashSet<>();
            for (int i = 0; i < 138 * scale && i < adultRefs.size(); i++) {
                int drawn = random.nextInt(adultRefs.size());
                while (!taken.add(drawn)) {
                    drawn = (drawn + 1) % adultRefs.size();
                }
                String person = adultRefs.get(drawn);
                csv.append("A").append(year).append('-').append(++k).append(";individuelle;;").append(person)
                        .append(";;").append(start).append(';').append(end).append(";8\n");
            }
            String[] organisations = {"Amicale des locataires", "Club de scrabble", "Danse orientale Nour",
                    "Association des parents d'élèves", "Jardins partagés", "Théâtre du Moulin", "Secours solidaire",
                    "Chorale La Bastide"};
            for (int i = 0; i < 8 * scale; i++) {
                csv.append("A").append(year).append('-').append(++k).append(";associative;;;")
                        .append(organisations[i % organisations.length])
                        .append(i >= organisations.length ? " " + (i / organisations.length + 1) : "")
                        .append(';').append(start).append(';').append(end).append(";50\n");
            }
        }
        return csv.toString();
    }

    /** Members of one household as {sex, age, role}, sized around the wanted mean. */
    private List<String[]> shape(double wanted) {
        List<String[]> members = new ArrayList<>();
        int r = random.nextInt(100);
        boolean senior = r < 12;
        boolean couple = random.nextInt(100) < (senior ? 50 : 55);
        int adultAge = senior ? 62 + random.nextInt(25) : 22 + random.nextInt(36);
        String firstSex = random.nextInt(100) < 62 ? "F" : "M";
        members.add(new String[] {firstSex, String.valueOf(adultAge), "responsable"});
        if (couple) {
            members.add(new String[] {firstSex.equals("F") ? "M" : "F",
                    String.valueOf(Math.max(18, adultAge + random.nextInt(9) - 4)), "responsable"});
        }
        if (!senior && adultAge < 55) {
            double kidsMean = Math.max(0, wanted - members.size());
            int kids = (int) Math.floor(kidsMean + random.nextDouble());
            kids = Math.min(kids + (random.nextInt(10) == 0 ? 1 : 0), 6);
            for (int i = 0; i < kids; i++) {
                int maxAge = Math.max(0, Math.min(adultAge - 18, 20));
                members.add(new String[] {random.nextBoolean() ? "F" : "M", String.valueOf(random.nextInt(maxAge + 1)), "enfant"});
            }
        }
        return members;
    }

    private Quartier quartier() {
        int total = QUARTIERS.stream().mapToInt(Quartier::weight).sum();
        int r = random.nextInt(total);
        for (Quartier q : QUARTIERS) {
            r -= q.weight();
            if (r < 0) {
                return q;
            }
        }
        return QUARTIERS.get(0);
    }

    /** About 72 % of QFs under 900 €, as in seed 000. */
    private int qf() {
        int r = random.nextInt(100);
        int[][] bands = {{20, 0, 300}, {28, 301, 600}, {24, 601, 900}, {13, 901, 1200}, {8, 1201, 1500}, {4, 1501, 1800}, {3, 1801, 2600}};
        for (int[] band : bands) {
            r -= band[0];
            if (r < 0) {
                return band[1] + random.nextInt(band[2] - band[1] + 1);
            }
        }
        return 450;
    }

    private String phone() {
        return String.format("06 %02d %02d %02d %02d", random.nextInt(100), random.nextInt(100), random.nextInt(100),
                random.nextInt(100));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "").toLowerCase();
    }
}
