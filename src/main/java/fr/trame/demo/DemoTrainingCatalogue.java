package fr.trame.demo;

import fr.trame.federation.Structure;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureService;
import fr.trame.training.TrainingCatalogueService;
import fr.trame.training.TrainingCatalogueService.NewRequest;
import fr.trame.training.TrainingService;
import fr.trame.training.TrainingService.NewCourse;
import fr.trame.training.TrainingService.NewHalfDay;
import fr.trame.training.TrainingService.NewRegistration;
import fr.trame.training.TrainingService.NewSession;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The training organisation's catalogue and last year's sessions, shaped like seed 004: 45 sessions held by the
 * federation's and outside trainers, people of 98 distinct centres (18 in the Pas-de-Calais, 80 in the Nord when the
 * registry has them), 146 employees and 178 volunteers, each counted once whatever the number of their trainings, one
 * session cancelled for too few registrations; a few sessions to come this year, one full with its waiting list; the
 * centres' custom requests. It runs before the other training parts, which sign, evaluate and fund these sessions.
 */
@Component
@Order(10)
public class DemoTrainingCatalogue implements FederationDemoPart {

    private static final String[] FIRST = {"Marie", "Jean", "Nadia", "Karim", "Sophie", "Yves", "Fatima", "Pascal", "Léa",
        "Mohamed", "Isabelle", "Thierry", "Aïcha", "Christophe", "Monique", "Samir", "Éric", "Pascaline", "Amid", "Khalid",
        "Annette", "Alain", "Michel", "Nathalie", "Sabrina", "Didier", "Céline", "Rachid", "Valérie", "Hervé"};
    private static final String[] LAST = {"Dupont", "Martin", "Lefebvre", "Benali", "Cousin", "Denoyelle", "Maisonneuve",
        "Boulenger", "Berkani", "Delattre", "Lemaire", "Dubois", "Vasseur", "Carpentier", "Leroy", "Haddad", "Pruvost",
        "Lecomte", "Deschamps", "Wattez", "Caron", "Dumont", "Fontaine", "Hamdi", "Lenoir", "Plouvier", "Delcourt"};
    private static final String[] JOBS = {"Animateur·rice", "Référent·e famille", "Chargé·e d'accueil", "Coordinateur·rice",
        "Directeur·rice", "Comptable", "Secrétaire"};

    /** A course of the demo's catalogue and how many distinct people of its audience it trained last year. */
    private record Offer(String title, String audience, String hours, long priceEuros, String modality, int people, int size,
                         String objectives) {
    }

    private static final List<Offer> EMPLOYEES = List.of(
            new Offer("Piloter le budget et les finances d'un centre social", "salaries", "14", 280, "presentiel", 15, 12,
                    "Lire un compte de résultat, bâtir un budget prévisionnel, suivre sa trésorerie."),
            new Offer("Faire vivre la fonction accueil", "salaries", "14", 240, "presentiel", 36, 12,
                    "Penser l'accueil comme une fonction portée par toute l'équipe ; aller vers les habitants."),
            new Offer("Bâtir et suivre le budget d'une action", "salaries", "7", 140, "presentiel", 12, 12,
                    "Chiffrer une action, en suivre les dépenses et les recettes, en rendre compte aux financeurs."),
            new Offer("Le métier de référent·e famille", "salaries", "21", 390, "presentiel", 14, 8,
                    "Situer le projet famille dans le projet social ; animer des actions collectives familles."),
            new Offer("Premiers pas en pédagogie sociale", "salaries", "14", 240, "presentiel", 12, 12,
                    "Découvrir les principes de la pédagogie sociale et les essayer dans l'espace public."),
            new Offer("Manager en prévenant les risques psychosociaux", "salaries", "28", 620, "presentiel", 6, 8,
                    "Repérer les facteurs de tension, intervenir à temps, partager ses pratiques entre pairs."),
            new Offer("Monter un projet de promotion de la santé", "salaries", "14", 240, "mixte", 11, 12,
                    "Construire un projet de prévention avec les habitants et les partenaires de santé."),
            new Offer("Mieux communiquer au travail", "salaries", "7", 140, "distanciel", 15, 8,
                    "Adapter son message, conduire un entretien, écrire pour être lu."),
            new Offer("Analyse des pratiques professionnelles", "salaries", "21", 300, "presentiel", 17, 9,
                    "Prendre du recul sur des situations vécues, en groupe, avec un intervenant extérieur."),
            new Offer("Concevoir l'évaluation de son projet", "salaries", "7", 140, "distanciel", 8, 8,
                    "Choisir ses critères et ses indicateurs, recueillir la parole des habitants."));

    private static final List<Offer> VOLUNTEERS = List.of(
            new Offer("Rencontre des présidences et des administrateur·rice·s", "benevoles", "6", 0, "presentiel", 60, 80,
                    "Partager les enjeux du réseau et la responsabilité d'une association employeuse."),
            new Offer("Journée d'accueil des nouveaux bénévoles", "benevoles", "6", 0, "presentiel", 40, 50,
                    "Connaître le projet des centres sociaux et la place des bénévoles."),
            new Offer("Être une association employeuse", "benevoles", "7", 0, "presentiel", 24, 12,
                    "Les obligations de l'employeur, le dialogue avec la direction, la convention collective."),
            new Offer("Préparer et animer son assemblée générale", "benevoles", "3.5", 0, "mixte", 20, 10,
                    "Construire l'ordre du jour, faire participer les adhérent·e·s, voter dans les règles."),
            new Offer("Comprendre les comptes de son association", "benevoles", "7", 0, "presentiel", 18, 9,
                    "Lire le bilan et le compte de résultat, poser les bonnes questions au trésorier."),
            new Offer("Prendre la parole en public", "benevoles", "3.5", 0, "distanciel", 16, 8,
                    "Préparer une intervention courte et la tenir devant une assemblée."));

    private static final List<Offer> MIXED = List.of(
            new Offer("Soutenir le pouvoir d'agir des habitants", "mixte", "14", 120, "presentiel", 0, 10,
                    "Reconnaître les initiatives des habitants et les accompagner sans les porter à leur place."),
            new Offer("Animer le débat dans l'espace public", "mixte", "7", 60, "presentiel", 0, 10,
                    "Choisir un format de débat, le préparer, le faciliter dehors."),
            new Offer("Accueillir les personnes en situation de handicap", "mixte", "7", 60, "presentiel", 0, 10,
                    "Rendre ses activités accessibles ; travailler avec les structures spécialisées."),
            new Offer("Décider et piloter avec les modèles socio-économiques", "mixte", "14", 120, "mixte", 0, 10,
                    "Relier le projet social, les moyens et les partenaires pour décider ensemble."));

    private record Person(long structureId, String last, String first, String quality, String job) {
    }

    private final TrainingService training;
    private final TrainingCatalogueService catalogue;
    private final StructureService structures;

    public DemoTrainingCatalogue(TrainingService training, TrainingCatalogueService catalogue, StructureService structures) {
        this.training = training;
        this.catalogue = catalogue;
        this.structures = structures;
    }

    @Override
    public synchronized void fill(long federationId, LocalDate today, Random random) {
        registered.clear();
        int year = today.getYear() - 1;
        List<Long> trainers = trainers(federationId);
        List<Structure> all = structures.list(federationId, StructureFilter.ALL, today).stream()
                .sorted(Comparator.comparing(Structure::id)).toList();
        List<Long> trained = new ArrayList<>();
        all.stream().filter(s -> "62".equals(s.departement())).limit(18).forEach(s -> trained.add(s.id()));
        all.stream().filter(s -> "59".equals(s.departement())).limit(80).forEach(s -> trained.add(s.id()));
        if (trained.isEmpty()) {
            all.stream().limit(98).forEach(s -> trained.add(s.id()));
        }
        if (trained.isEmpty()) {
            return;
        }
        // 146 employees and 178 volunteers (a sixth of them board members), each of one structure; every structure of
        // the 98 has at least one
        List<Person> employees = people(trained, 0, 146, "salarie", random);
        List<Person> volunteers = people(trained, 146, 178, "benevole", random);

        List<LocalDate> days = days(year, 45, random);
        int next = 0;
        next = sessions(federationId, EMPLOYEES, employees, days, next, trainers, random);
        next = sessions(federationId, VOLUNTEERS, volunteers, days, next, trainers, random);
        List<Person> everyone = new ArrayList<>(employees);
        everyone.addAll(volunteers);
        List<Long> mixed = new ArrayList<>();
        for (Offer o : MIXED) {
            mixed.add(course(federationId, o));
        }
        // the mixed sessions gather people already trained elsewhere in the year: the distinct counts stay the same
        for (int i = 0; next < days.size(); i++, next++) {
            long s = plan(federationId, mixed.get(i % mixed.size()), MIXED.get(i % MIXED.size()), days.get(next), 4, 12,
                    trainers, random);
            int n = 5 + random.nextInt(6);
            for (int k = 0; k < n; k++) {
                register(federationId, s, everyone.get(random.nextInt(everyone.size())));
            }
            training.confirm(federationId, s);
        }
        // the one cancelled: two registrations for a minimum of six
        long cancelled = plan(federationId, mixed.get(0), MIXED.get(0), LocalDate.of(year, 11, 16), 6, 12, trainers, random);
        register(federationId, cancelled, everyone.get(3));
        register(federationId, cancelled, everyone.get(200));
        training.cancel(federationId, cancelled, "effectif_insuffisant", "Deux inscriptions à dix jours de la date.",
                LocalDate.of(year, 11, 6));

        comingSessions(federationId, today, everyone, trainers, random);
        requests(federationId, all, trained);
    }

    private List<Long> trainers(long federationId) {
        List<Long> ids = new ArrayList<>();
        ids.add(training.createTrainer(federationId, "Hélène Vandamme", "interne", null, "h.vandamme@federation.invalid"));
        ids.add(training.createTrainer(federationId, "Bruno Lesage", "interne", null, "b.lesage@federation.invalid"));
        ids.add(training.createTrainer(federationId, "Inès Moreau", "interne", null, "i.moreau@federation.invalid"));
        ids.add(training.createTrainer(federationId, "Coopérative Élan", "externe", "Coopérative Élan", "contact@elan.invalid"));
        ids.add(training.createTrainer(federationId, "Paul Wiart", "externe", "Cabinet Wiart Conseil", "pw@wiart.invalid"));
        ids.add(training.createTrainer(federationId, "Atelier Parole Publique", "externe", "Atelier Parole Publique", null));
        return ids;
    }

    private List<Person> people(List<Long> structureIds, int offset, int count, String quality, Random random) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = offset + i;
            long structure = i < structureIds.size() ? structureIds.get(i) : structureIds.get(random.nextInt(structureIds.size()));
            String q = "benevole".equals(quality) && i % 6 == 0 ? "administrateur" : quality;
            people.add(new Person(structure, LAST[(n / FIRST.length) % LAST.length], FIRST[n % FIRST.length], q,
                    "salarie".equals(quality) ? JOBS[random.nextInt(JOBS.length)] : null));
        }
        return people;
    }

    /** Working days of the year, in order, August left out. */
    private static List<LocalDate> days(int year, int count, Random random) {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate d = LocalDate.of(year, 1, 10).plusDays(i * 7L + random.nextInt(3));
            if (d.getMonthValue() >= 8) {
                d = d.plusDays(31);
            }
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            days.add(d);
        }
        return days;
    }

    /** Each offer's people in sessions of at most its size; returns the next free day. */
    private int sessions(long federationId, List<Offer> offers, List<Person> people, List<LocalDate> days, int next,
                         List<Long> trainers, Random random) {
        int person = 0;
        for (Offer o : offers) {
            long course = course(federationId, o);
            int left = o.people();
            int sessions = (o.people() + o.size() - 1) / o.size();
            for (int k = 0; k < sessions; k++) {
                int n = (left + (sessions - k) - 1) / (sessions - k);
                long s = plan(federationId, course, o, days.get(Math.min(next++, days.size() - 1)), Math.min(4, n), o.size(),
                        trainers, random);
                for (int j = 0; j < n && person < people.size(); j++) {
                    register(federationId, s, people.get(person++));
                }
                left -= n;
                training.confirm(federationId, s);
            }
        }
        return next;
    }

    private long course(long federationId, Offer o) {
        return training.createCourse(federationId, new NewCourse(o.title(), o.audience(), o.objectives(), null, null,
                new BigDecimal(o.hours()), o.priceEuros() * 100, o.modality(), false, null));
    }

    /** A session of the course's hours in half-days of 3,5 h (3 h for a short one), on consecutive working days. */
    private long plan(long federationId, long course, Offer o, LocalDate first, int min, int max, List<Long> trainers,
                      Random random) {
        BigDecimal hours = new BigDecimal(o.hours());
        List<NewHalfDay> halfDays = new ArrayList<>();
        BigDecimal left = hours;
        LocalDate day = first;
        boolean morning = true;
        while (left.signum() > 0) {
            BigDecimal h = left.min(new BigDecimal("3.5"));
            halfDays.add(new NewHalfDay(day, morning ? "matin" : "apres_midi", h));
            left = left.subtract(h);
            if (!morning) {
                day = day.plusDays(day.getDayOfWeek() == DayOfWeek.FRIDAY ? 3 : 1);
            }
            morning = !morning;
        }
        List<Long> who = List.of(trainers.get(random.nextInt(3)), trainers.get(3 + random.nextInt(trainers.size() - 3)));
        return training.planSession(federationId, new NewSession(course, random.nextBoolean() ? "Fédération, Lille" : "Maison des"
                + " associations, Arras", min, Math.max(max, min), halfDays, random.nextInt(3) == 0 ? who : who.subList(0, 1)));
    }

    /** The persons registered so far, by session: a person drawn twice for one session is registered once. */
    private final Set<String> registered = new HashSet<>();

    private void register(long federationId, long session, Person p) {
        if (registered.add(session + "/" + p.structureId() + "/" + p.last() + "/" + p.first())) {
            training.register(federationId, session, new NewRegistration(p.structureId(), p.last(), p.first(), null, p.job(),
                    p.quality(), "saisie", null, false, null));
        }
    }

    /** The sessions to come: planned, the first one full with two people waiting. */
    private void comingSessions(long federationId, LocalDate today, List<Person> everyone, List<Long> trainers, Random random) {
        List<TrainingService.Course> courses = training.courses(federationId, false);
        for (int i = 0; i < 3; i++) {
            Offer o = EMPLOYEES.get(i * 3);
            long course = courses.stream().filter(c -> c.title().equals(o.title())).findFirst().orElseThrow().id();
            long s = plan(federationId, course, o, today.plusDays(20 + 30L * i), 4, 8, trainers, random);
            int n = i == 0 ? 10 : 3 + i;
            for (int k = 0; k < n; k++) {
                register(federationId, s, everyone.get((k * 37 + i) % everyone.size()));
            }
        }
    }

    private void requests(long federationId, List<Structure> all, List<Long> trained) {
        List<Structure> asking = all.stream().filter(s -> s.centreCode() != null).limit(3).toList();
        if (asking.isEmpty()) {
            asking = all.stream().filter(s -> trained.contains(s.id())).limit(3).toList();
        }
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
