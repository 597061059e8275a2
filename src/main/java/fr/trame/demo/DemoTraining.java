package fr.trame.demo;

import fr.trame.federation.Structure;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureService;
import fr.trame.training.TrainingCatalogueService;
import fr.trame.training.TrainingCatalogueService.NewRequest;
import fr.trame.training.TrainingDemoWriter;
import fr.trame.training.TrainingDemoWriter.CentrePerson;
import fr.trame.training.TrainingDemoWriter.Trainee;
import fr.trame.training.TrainingService;
import fr.trame.training.TrainingService.NewCourse;
import fr.trame.training.TrainingService.NewHalfDay;
import fr.trame.training.TrainingService.NewRegistration;
import fr.trame.training.TrainingService.NewSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The federation's training year, shaped like seed 004's: last calendar year, 45 actions held for about 98 distinct
 * structures (80 of the largest département, 18 of the second), 146 employees and 178 volunteers, most present at
 * every half-day, mostly satisfied, and one session cancelled for too few registrations; this year, a few sessions
 * planned with their registrations, one of them full with a waiting list. The Trame centres register people of their
 * own records, and three centres ask for a custom training. Runs before the funds' part, which allocates from these
 * registrations.
 */
@Component
@Order(100)
public class DemoTraining implements FederationDemoPart {

    /** A catalogue course: title, audience, days, half-days a day, sessions held last year, places, custom. */
    private record Course(String title, String audience, int days, int halfDaysADay, int sessions, int places, boolean custom) {
    }

    private static final List<Course> COURSES = List.of(
            new Course("Gestion budgétaire et financière d'un centre social", "salaries", 2, 2, 1, 16, false),
            new Course("Animer la fonction accueil", "salaries", 2, 2, 3, 16, false),
            new Course("Accueillir en centre social (sur mesure)", "salaries", 5, 2, 1, 20, true),
            new Course("Construire et suivre le budget d'une action", "salaries", 1, 2, 1, 14, false),
            new Course("Être référent·e famille en centre social", "salaries", 3, 2, 1, 15, false),
            new Course("Les bases de la pédagogie sociale", "salaries", 2, 2, 1, 14, false),
            new Course("Management et prévention des risques psycho-sociaux", "salaries", 4, 2, 1, 8, false),
            new Course("Développer un projet de promotion de la santé", "salaries", 2, 2, 1, 14, false),
            new Course("Communiquer dans son environnement professionnel", "salaries", 2, 2, 1, 16, false),
            new Course("Analyse de pratiques professionnelles", "salaries", 3, 1, 4, 8, false),
            new Course("Penser et organiser son évaluation", "salaries", 1, 2, 1, 12, false),
            new Course("La fonction employeur", "benevoles", 1, 2, 2, 14, false),
            new Course("La fonction gestionnaire", "benevoles", 1, 2, 1, 14, false),
            new Course("Faire culture commune : histoire des centres sociaux", "benevoles", 1, 1, 1, 20, false),
            new Course("Être administrateur·rice en centre social", "benevoles", 1, 1, 3, 16, true),
            new Course("Rénover ses statuts", "benevoles", 1, 1, 2, 12, true),
            new Course("Conférence des présidences et administrateur·rices", "benevoles", 1, 1, 2, 60, false),
            new Course("Journée d'accueil des nouveaux bénévoles", "benevoles", 1, 2, 2, 40, false),
            new Course("Soutenir le développement du pouvoir d'agir", "mixte", 2, 2, 4, 14, false),
            new Course("Animer le débat dans l'espace public", "mixte", 1, 2, 2, 14, false),
            new Course("Inclusion et handicap", "mixte", 1, 2, 2, 14, false),
            new Course("Préparer et animer son assemblée générale", "mixte", 1, 1, 3, 16, false),
            new Course("Décider et piloter avec les modèles socio-économiques", "mixte", 1, 2, 1, 14, false),
            new Course("Outils du diagnostic de territoire", "mixte", 1, 2, 3, 16, false),
            new Course("Séminaire du projet fédéral", "mixte", 1, 2, 1, 30, false));

    private static final String[][] TRAINERS = {
            {"Claire Vandamme", "interne", null}, {"Karim Benali", "interne", null}, {"Sophie Lemaire", "interne", null},
            {"Cabinet Horizon RH", "externe", "Horizon RH"}, {"Julien Carpentier", "externe", "Coopérative Les Passeurs"},
            {"Atelier du débat public", "externe", null}, {"Nadia Ferhat", "externe", "Pédagogie sociale Nord"}};

    private static final Logger log = LoggerFactory.getLogger(DemoTraining.class);
    private static final int EMPLOYEES = 146;
    private static final int VOLUNTEERS = 178;

    private final StructureService structures;
    private final TrainingService training;
    private final TrainingDemoWriter writer;
    private final TrainingCatalogueService catalogue;

    DemoTraining(StructureService structures, TrainingService training, TrainingDemoWriter writer,
                 TrainingCatalogueService catalogue) {
        this.structures = structures;
        this.training = training;
        this.writer = writer;
        this.catalogue = catalogue;
    }

    /** Someone the year trains: a structure's employee or volunteer. */
    private record Person(Long structureId, String lastName, String firstName, String quality, String source, Long sourceId) {

        boolean employee() {
            return quality.equals("salarie");
        }
    }

    private record Planned(long id, String audience, int halfDays, int places) {
    }

    @Override
    public void fill(long federationId, LocalDate today, Random random) {
        List<Structure> all = structures.list(federationId, StructureFilter.ALL, today).stream()
                .filter(s -> !"sortie".equals(s.membership()) && !"prefiguration".equals(s.membership())).toList();
        if (all.isEmpty()) {
            return;
        }
        int year = today.getYear() - 1;
        List<Long> trainers = new ArrayList<>();
        for (String[] t : TRAINERS) {
            trainers.add(training.createTrainer(federationId, t[0], t[1], t[2], null));
        }
        Map<String, Long> courses = new LinkedHashMap<>();
        for (Course c : COURSES) {
            courses.put(c.title(), training.createCourse(federationId, new NewCourse(c.title(), c.audience(),
                    "Objectifs de la formation « " + c.title() + " ».", null, null,
                    BigDecimal.valueOf(c.days() * c.halfDaysADay() * 35L, 1),
                    c.custom() ? null : 60_00L * c.days(), "presentiel", c.custom(), null)));
        }

        List<Structure> picked = structuresOfTheYear(all, random);
        List<Person> employees = new ArrayList<>();
        List<Person> volunteers = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        people(federationId, picked, random, employees, volunteers, taken);

        // last year's sessions: held ones, spread over the year (not in August), then the cancelled one
        List<Planned> held = new ArrayList<>();
        for (Course c : COURSES) {
            for (int k = 0; k < c.sessions(); k++) {
                LocalDate start = workday(LocalDate.of(year, 1, 9).plusDays(random.nextInt(300)));
                if (start.getMonthValue() == 8) {
                    start = workday(start.plusDays(31));
                }
                long id = plan(federationId, courses.get(c.title()), c, start, trainers, random);
                training.confirm(federationId, id);
                held.add(new Planned(id, c.audience(), c.days() * c.halfDaysADay(), c.places()));
            }
        }
        List<Trainee> trainees = assign(held, employees, volunteers, taken, random);

        // one exchange of practices between boards, cancelled for lack of participants: its two registrations stay
        Course exchange = COURSES.get(14);
        long cancelled = plan(federationId, courses.get(exchange.title()), exchange, workday(LocalDate.of(year, 11, 18)), trainers,
                random);
        Structure s62 = picked.get(picked.size() - 1);
        trainees.add(new Trainee(cancelled, s62.id(), "Delattre", "Odile", "administrateur", "saisie", null, "inscrit", false, 0,
                null, null, null));
        trainees.add(new Trainee(cancelled, s62.id(), "Caron", "Gérard", "administrateur", "saisie", null, "inscrit", false, 0,
                null, null, null));
        writer.write(federationId, trainees);
        training.cancel(federationId, cancelled, "effectif_insuffisant", "Deux inscrit·es pour douze places",
                LocalDate.of(year, 11, 8));

        planned(federationId, today, courses, trainers, all, random);
        requests(federationId, all);
        log.info("Formation de démonstration : {} inscriptions de {} écrites", trainees.size(), year);
    }

    /** The structures trained last year: 80 of the largest département, 18 of the second (fewer when it has fewer). */
    private static List<Structure> structuresOfTheYear(List<Structure> all, Random random) {
        Map<String, List<Structure>> byDepartement = new HashMap<>();
        for (Structure s : all) {
            byDepartement.computeIfAbsent(s.departement(), d -> new ArrayList<>()).add(s);
        }
        List<List<Structure>> sorted = new ArrayList<>(byDepartement.values());
        sorted.sort((a, b) -> b.size() - a.size());
        List<Structure> picked = new ArrayList<>();
        int[] wanted = {80, 18};
        for (int i = 0; i < Math.min(2, sorted.size()); i++) {
            List<Structure> list = sorted.get(i);
            // the Trame centres first: their people come from their own records
            List<Structure> trame = list.stream().filter(s -> s.centreCode() != null).toList();
            List<Structure> others = Draw.subset(random, list.stream().filter(s -> s.centreCode() == null).toList(),
                    wanted[i] - Math.min(trame.size(), wanted[i]));
            picked.addAll(trame.subList(0, Math.min(trame.size(), wanted[i])));
            picked.addAll(others);
        }
        // the last one is of the second département (the cancelled session's structure)
        if (sorted.size() > 1) {
            Structure last = picked.stream().filter(s -> s.departement().equals(sorted.get(1).get(0).departement())).findFirst()
                    .orElse(picked.get(picked.size() - 1));
            picked.remove(last);
            picked.add(last);
        }
        return picked;
    }

    /**
     * 146 employees and 178 volunteers of the picked structures, each structure at least one of them; a Trame centre's
     * people are taken from its records where it has them.
     */
    private void people(long federationId, List<Structure> picked, Random random, List<Person> employees,
                        List<Person> volunteers, Set<String> taken) {
        Map<Long, List<CentrePerson>> records = new HashMap<>();
        for (Structure s : picked) {
            if (s.centreCode() != null) {
                List<CentrePerson> own = new ArrayList<>(writer.centrePeople(federationId, s.id()));
                Collections.shuffle(own, random);
                records.put(s.id(), own);
            }
        }
        int n = picked.size();
        for (int i = 0; i < EMPLOYEES; i++) {
            // the first structures each have an employee trained, the others get volunteers first
            Structure s = i < n * 7 / 10 ? picked.get(i) : picked.get(random.nextInt(n));
            employees.add(person(s, "salarie", records, taken, random));
        }
        for (int i = 0; i < VOLUNTEERS; i++) {
            int first = n * 7 / 10 + i;
            Structure s = first < n ? picked.get(first) : picked.get(random.nextInt(n));
            volunteers.add(person(s, random.nextInt(4) == 0 ? "administrateur" : "benevole", records, taken, random));
        }
    }

    private static Person person(Structure s, String quality, Map<Long, List<CentrePerson>> records, Set<String> taken,
                                 Random random) {
        String source = quality.equals("salarie") ? "salarie" : "benevole";
        List<CentrePerson> own = records.getOrDefault(s.id(), List.of());
        for (CentrePerson p : own) {
            if (p.source().equals(source) && taken.add(key(s.id(), p.lastName(), p.firstName()))) {
                return new Person(s.id(), p.lastName(), p.firstName(), quality, source, p.sourceId());
            }
        }
        while (true) {
            String last = DemoData.LAST_NAMES[random.nextInt(DemoData.LAST_NAMES.length)];
            String[] firsts = random.nextBoolean() ? DemoData.WOMEN : DemoData.MEN;
            String first = firsts[random.nextInt(firsts.length)];
            if (taken.add(key(s.id(), last, first))) {
                return new Person(s.id(), last, first, quality, "saisie", null);
            }
        }
    }

    /** A person as the figures compare them: the structure, then the name without case or accents. */
    private static String key(long structureId, String last, String first) {
        String name = Normalizer.normalize(last + "#" + first, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return structureId + "#" + name.toLowerCase(Locale.ROOT).trim();
    }

    /**
     * Every person in one session of their audience (employees: employees' or mixed courses; volunteers: volunteers' or
     * mixed), about one in six in a second one; each session gets some first. Most are present at every half-day, some
     * miss one; a few more registered were absent throughout; most answer the evaluation, mostly satisfied.
     */
    private static List<Trainee> assign(List<Planned> sessions, List<Person> employees, List<Person> volunteers, Set<String> taken,
                                        Random random) {
        Map<Long, Set<Person>> in = new LinkedHashMap<>();
        for (Planned p : sessions) {
            in.put(p.id(), new HashSet<>());
        }
        List<Person> everyone = new ArrayList<>(employees);
        everyone.addAll(volunteers);
        Collections.shuffle(everyone, random);
        // each session its first three, of its audience
        List<Person> queue = new ArrayList<>(everyone);
        for (Planned p : sessions) {
            for (int k = 0; k < 3 && !queue.isEmpty(); k++) {
                for (int j = 0; j < queue.size(); j++) {
                    if (fits(p, queue.get(j))) {
                        in.get(p.id()).add(queue.remove(j));
                        break;
                    }
                }
            }
        }
        for (Person person : queue) {
            place(person, sessions, in, random);
        }
        for (Person person : everyone) {
            if (random.nextInt(6) == 0) {
                place(person, sessions, in, random);
            }
        }
        List<Trainee> trainees = new ArrayList<>();
        for (Planned p : sessions) {
            int all = (1 << p.halfDays()) - 1;
            for (Person person : in.get(p.id())) {
                int mask = all;
                if (p.halfDays() > 1 && random.nextInt(10) == 0) {
                    mask &= ~(1 << random.nextInt(p.halfDays()));
                }
                trainees.add(trainee(p.id(), person, mask, random));
            }
        }
        // absent throughout: one more registered in some sessions, never counted as trained
        for (Planned p : sessions) {
            if (random.nextInt(4) == 0 && in.get(p.id()).size() < p.places()) {
                Person any = in.get(p.id()).iterator().next();
                String last;
                String first;
                do {
                    last = DemoData.LAST_NAMES[random.nextInt(DemoData.LAST_NAMES.length)];
                    first = DemoData.WOMEN[random.nextInt(DemoData.WOMEN.length)];
                } while (!taken.add(key(any.structureId(), last, first)));
                trainees.add(new Trainee(p.id(), any.structureId(), last, first, any.quality(), "saisie", null, "inscrit", false, 0,
                        null, null, null));
            }
        }
        return trainees;
    }

    private static boolean fits(Planned session, Person person) {
        return session.audience().equals("mixte") || session.audience().equals(person.employee() ? "salaries" : "benevoles");
    }

    private static void place(Person person, List<Planned> sessions, Map<Long, Set<Person>> in, Random random) {
        List<Planned> open = sessions.stream().filter(s -> fits(s, person) && !in.get(s.id()).contains(person)
                && in.get(s.id()).size() < s.places()).toList();
        // the larger the room left, the likelier (the conference and the welcome day fill most)
        int room = open.stream().mapToInt(s -> s.places() - in.get(s.id()).size()).sum();
        int draw = room <= 0 ? 0 : random.nextInt(room);
        for (Planned s : open) {
            draw -= s.places() - in.get(s.id()).size();
            if (draw < 0) {
                in.get(s.id()).add(person);
                return;
            }
        }
    }

    private static Trainee trainee(long session, Person p, int mask, Random random) {
        Integer satisfaction = null;
        Integer positioning = null;
        Integer acquired = null;
        if (random.nextInt(100) < 85) {
            int draw = random.nextInt(100);
            satisfaction = draw < 55 ? 5 : draw < 90 ? 4 : draw < 98 ? 3 : 2;
            positioning = 1 + random.nextInt(3);
            acquired = Math.min(4, positioning + random.nextInt(3));
        }
        return new Trainee(session, p.structureId(), p.lastName(), p.firstName(), p.quality(), p.source(), p.sourceId(),
                "inscrit", p.sourceId() != null, mask, positioning, acquired, satisfaction);
    }

    /** A session of the course from {@code start}: its days a week apart, one or two trainers. */
    private long plan(long federationId, long course, Course c, LocalDate start, List<Long> trainers, Random random) {
        List<NewHalfDay> halfDays = new ArrayList<>();
        LocalDate day = start;
        for (int d = 0; d < c.days(); d++) {
            halfDays.add(new NewHalfDay(day, "matin", new BigDecimal("3.5")));
            if (c.halfDaysADay() == 2) {
                halfDays.add(new NewHalfDay(day, "apres_midi", new BigDecimal("3.5")));
            }
            LocalDate next = workday(day.plusDays(7));
            day = next.getYear() == start.getYear() ? next : workday(day.plusDays(1));
        }
        List<Long> who = Draw.subset(random, trainers, 1 + random.nextInt(2));
        return training.planSession(federationId, new NewSession(course, PLACES[random.nextInt(PLACES.length)],
                Math.min(6, c.places()), c.places(), halfDays, who));
    }

    private static final String[] PLACES = {"Fédération, Lille", "Centre social, Lens", "Maison des associations, Arras",
            "Centre social, Valenciennes", "Visioconférence et Lille", "Centre social, Dunkerque"};

    private static LocalDate workday(LocalDate d) {
        LocalDate day = d;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * This year: four sessions still to come, registered through the core's service (places then waiting list), the
     * first one full with two waiting.
     */
    private void planned(long federationId, LocalDate today, Map<String, Long> courses, List<Long> trainers, List<Structure> all,
                         Random random) {
        int[] which = {1, 11, 18, 20};
        for (int k = 0; k < which.length; k++) {
            Course c = COURSES.get(which[k]);
            LocalDate start = workday(today.plusDays(10L + 9L * k));
            if (start.getYear() != today.getYear()) {
                start = workday(today.plusDays(1 + k));
            }
            Course small = new Course(c.title(), c.audience(), 1, c.halfDaysADay(), 1, k == 0 ? 12 : c.places(), c.custom());
            long id = plan(federationId, courses.get(c.title()), small, start, trainers, random);
            if (k < 2) {
                training.confirm(federationId, id);
            }
            int registrations = k == 0 ? 14 : 4 + random.nextInt(6);
            Set<String> taken = new HashSet<>();
            for (int i = 0; i < registrations; i++) {
                Structure s = all.get(random.nextInt(all.size()));
                String quality = c.audience().equals("salaries") ? "salarie" : random.nextInt(3) == 0 ? "administrateur" : "benevole";
                Person p = person(s, quality, Map.of(), taken, random);
                training.register(federationId, id, new NewRegistration(s.id(), p.lastName(), p.firstName(), null, null, quality,
                        "saisie", null, random.nextBoolean(), null));
            }
        }
    }

    /** Three centres ask for a custom training: one became a course, one is accepted, one is waiting for an answer. */
    private void requests(long federationId, List<Structure> all) {
        List<Structure> asking = all.stream().sorted((a, b) -> Boolean.compare(b.centreCode() != null, a.centreCode() != null))
                .limit(3).toList();
        String[][] asked = {
            {"L'accueil, affaire de toute l'équipe", "mixte", "sur trois mois au printemps", "30",
                "Nous voulons retravailler l'accueil avec les salarié·e·s et les bénévoles de nos maisons de quartier."},
            {"Laïcité et neutralité au quotidien", "salaries", "avant l'été", "12", "Pour l'équipe d'animation."},
            {"Tenir un bureau d'association", "benevoles", "à la rentrée", "8", null}};
        for (int i = 0; i < asking.size(); i++) {
            String[] a = asked[i];
            long id = catalogue.createRequest(federationId, asking.get(i).id(), new NewRequest(a[0], a[1], a[2],
                    Integer.valueOf(a[3]), a[4]), null);
            if (i == 0) {
                long course = training.createCourse(federationId, new NewCourse(a[0], a[1], "Construire ensemble la fonction"
                        + " accueil du centre.", null, null, new BigDecimal("35"), 0L, "presentiel", true, asking.get(i).id()));
                catalogue.linkCourse(federationId, id, course);
                catalogue.answer(federationId, id, "realisee", "Dix demi-journées réparties sur trois mois, chez vous.");
            } else if (i == 1) {
                catalogue.answer(federationId, id, "acceptee", "Nous vous proposons deux dates en juin.");
            }
        }
    }
}
