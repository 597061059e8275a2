package fr.trame.demo;

import fr.trame.federation.Structure;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureService;
import fr.trame.training.EventService;
import fr.trame.training.EventService.NewEvent;
import fr.trame.training.EventService.NewRegistration;
import fr.trame.training.EventService.NewShift;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The network's events of last year, shaped like the seeds: a solidarity race with 433 registered from 20 structures
 * (adults and children, about nine in ten at the start), the congress with 900 participants from the structures of the
 * region, a forum of one territory, each with its volunteers' shifts (one volunteer booked twice at once, as happens);
 * and a day of the network still to come, registrations open and nobody marked yet. Registrations, presences and shifts
 * are each written in one statement per event.
 */
@Component
public class DemoTrainingEvents implements FederationDemoPart {

    private static final String[] FIRST = {"Marie", "Jean", "Nadia", "Karim", "Sophie", "Yves", "Fatima", "Pascal", "Léa",
        "Mohamed", "Isabelle", "Thierry", "Aïcha", "Christophe", "Monique", "Inès", "Éric", "Chantal", "Samir", "Khadija",
        "Annette", "Alain", "Michel", "Nathalie", "Sabrina", "Didier", "Céline", "Rachid", "Valérie", "Hervé", "Lina",
        "Noah", "Jade", "Louis", "Emma", "Adam", "Chloé", "Hugo", "Manon", "Yanis"};
    private static final String[] LAST = {"Dupont", "Martin", "Lefebvre", "Benali", "Cousin", "Denoyelle", "Maisonneuve",
        "Boulenger", "Berkani", "Delattre", "Lemaire", "Dubois", "Vasseur", "Carpentier", "Leroy", "Haddad", "Pruvost",
        "Lecomte", "Deschamps", "Wattez", "Caron", "Dumont", "Fontaine", "Hamdi", "Lenoir", "Plouvier", "Delcourt",
        "Bernard", "Petit", "Moreau", "Lambert", "Bouchez", "Vandenbussche", "Ziani", "Duhamel"};

    private final EventService events;
    private final StructureService structures;

    public DemoTrainingEvents(EventService events, StructureService structures) {
        this.events = events;
        this.structures = structures;
    }

    @Override
    public void fill(long federationId, LocalDate today, Random random) {
        List<Structure> all = new ArrayList<>(structures.list(federationId, StructureFilter.ALL, today));
        if (all.isEmpty()) {
            return;
        }
        int year = today.getYear() - 1;
        race(federationId, year, all, random);
        congress(federationId, year, all, random);
        forum(federationId, year, all, random);
        LocalDate day = today.plusMonths(2);
        long coming = events.create(federationId, new NewEvent("journee", "Journée des bénévoles du réseau", day, day,
                "Arras", "Une journée d'échanges entre bénévoles des centres sociaux.", 150));
        events.register(federationId, coming, registrations(random, draw(random, all, 12), 45, new String[] {"benevole",
            "benevole", "administrateur"}, null), null);
    }

    /** 433 registered from 20 structures, adults and children, about nine in ten at the start. */
    private void race(long federationId, int year, List<Structure> all, Random random) {
        LocalDate day = LocalDate.of(year, 5, 14);
        long id = events.create(federationId, new NewEvent("course", "Course solidaire des centres sociaux", day, day,
                "Parc de la Citadelle, Lille", "5 km en marchant ou en courant, 1 km pour les enfants ; les inscriptions"
                        + " soutiennent une association de lutte contre l'isolement.", 500));
        List<Structure> twenty = draw(random, all, 20);
        List<NewRegistration> rows = registrations(random, twenty, 433, new String[] {"habitant", "habitant", "habitant",
            "benevole", "salarie"}, new String[] {"adulte", "adulte", "adulte", "enfant"});
        events.register(federationId, id, rows, null);
        presence(federationId, id, random, 0.91);
        LocalDateTime start = day.atTime(7, 30);
        List<NewShift> shifts = new ArrayList<>();
        String[] posts = {"Accueil", "Ravitaillement", "Signaleurs", "Vestiaire", "Sécurité"};
        for (int i = 0; i < 28; i++) {
            Structure s = twenty.get(random.nextInt(twenty.size()));
            String post = posts[i % posts.length];
            LocalDateTime from = start.plusMinutes(30L * random.nextInt(4));
            shifts.add(new NewShift(person(random), s.id(), post, from, from.plusHours(3 + random.nextInt(3))));
        }
        // one volunteer booked at the welcome desk and on the supply table at once
        NewShift twice = shifts.get(0);
        shifts.add(new NewShift(twice.personName(), twice.structureId(), "Ravitaillement", twice.startsAt().plusHours(1),
                twice.startsAt().plusHours(3)));
        events.addShifts(federationId, id, shifts);
    }

    /** 900 participants from the structures of the region over three days. */
    private void congress(long federationId, int year, List<Structure> all, Random random) {
        LocalDate first = LocalDate.of(year, 6, 1);
        long id = events.create(federationId, new NewEvent("congres", "Congrès des centres sociaux", first,
                first.plusDays(2), "Lille Grand Palais", "Le congrès national : la délégation des centres de la région.",
                null));
        List<NewRegistration> rows = registrations(random, all, 900, new String[] {"salarie", "salarie", "benevole",
            "benevole", "administrateur", "habitant"}, null);
        events.register(federationId, id, rows, null);
        presence(federationId, id, random, 0.96);
        List<NewShift> shifts = new ArrayList<>();
        String[] posts = {"Accueil", "Orientation", "Vestiaire", "Animation des ateliers"};
        for (int d = 0; d < 3; d++) {
            for (int i = 0; i < 14; i++) {
                Structure s = all.get(random.nextInt(all.size()));
                LocalDateTime from = first.plusDays(d).atTime(i % 2 == 0 ? 8 : 13, 0);
                shifts.add(new NewShift(person(random), s.id(), posts[i % posts.length], from, from.plusHours(4)));
            }
        }
        events.addShifts(federationId, id, shifts);
    }

    /** A forum of one territory's structures, mostly inhabitants. */
    private void forum(long federationId, int year, List<Structure> all, Random random) {
        Long at = all.get(random.nextInt(all.size())).territoryId();
        List<Structure> of = all.stream().filter(s -> at != null && at.equals(s.territoryId())).toList();
        if (of.isEmpty()) {
            of = draw(random, all, 5);
        }
        LocalDate day = LocalDate.of(year, 10, 12);
        long id = events.create(federationId, new NewEvent("forum", "Forum contre l'isolement des seniors", day, day,
                of.get(0).name(), "Théâtre, ateliers et stands des centres du territoire.", 120));
        events.register(federationId, id, registrations(random, of, Math.min(95, 12 * of.size()), new String[] {"habitant",
            "habitant", "habitant", "benevole", "salarie"}, null), null);
        presence(federationId, id, random, 0.85);
        LocalDateTime from = day.atTime(13, 30);
        events.addShifts(federationId, id, List.of(
                new NewShift(person(random), of.get(0).id(), "Accueil", from, from.plusHours(4)),
                new NewShift(person(random), of.get(0).id(), "Accueil", from.plusHours(2), from.plusHours(5)),
                new NewShift(person(random), of.get(of.size() - 1).id(), "Buvette", from, from.plusHours(5))));
    }

    /** Marks every registration of the event present or absent, in one statement. */
    private void presence(long federationId, long eventId, Random random, double comes) {
        List<Long> shown = events.registrations(federationId, eventId, EventService.Filter.ALL, EventService.MAX_ROWS, 0)
                .stream().map(EventService.Registration::id).toList();
        List<Long> present = shown.stream().filter(x -> random.nextDouble() < comes).toList();
        events.markPresence(federationId, eventId, shown, present);
    }

    /** {@code n} distinct persons spread over the structures (the first ones a little more), no name twice in one. */
    private static List<NewRegistration> registrations(Random random, List<Structure> from, int n, String[] qualities,
                                                       String[] categories) {
        List<NewRegistration> rows = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        while (rows.size() < n) {
            int i = rows.size() < from.size() ? rows.size() : random.nextInt(random.nextBoolean() ? from.size()
                    : Math.max(1, from.size() / 3));
            Structure s = from.get(i);
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            if (taken.add(s.id() + "|" + first + "|" + last)) {
                rows.add(new NewRegistration(s.id(), last, first, qualities[random.nextInt(qualities.length)],
                        categories == null ? null : categories[random.nextInt(categories.length)]));
            }
        }
        return rows;
    }

    private static List<Structure> draw(Random random, List<Structure> all, int n) {
        List<Structure> copy = new ArrayList<>(all);
        List<Structure> drawn = new ArrayList<>();
        while (drawn.size() < Math.min(n, all.size())) {
            drawn.add(copy.remove(random.nextInt(copy.size())));
        }
        return drawn;
    }

    private static String person(Random random) {
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    }
}
