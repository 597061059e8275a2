package fr.trame.demo;

import fr.trame.federation.FederationRole;
import fr.trame.federation.FederationService;
import fr.trame.federation.MeetingService;
import fr.trame.federation.MeetingService.NewAttendee;
import fr.trame.federation.MeetingService.NewMeeting;
import fr.trame.federation.Structure;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureService;
import fr.trame.federation.Territory;
import fr.trame.federation.TerritoryService;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The network's meetings of last year and this one, shaped like seed 004: per AT 2 to 4 plenaries (about 80 % of the
 * centres, direction and bénévoles), 3 to 6 directors' meetings, some présidences and peer groups; for the federation
 * 10 Bureaux, 5 CA and one AG a year. Each structure has a stable cast of people, so that the year's distinct counts
 * mean something; the meetings still to come have no attendance yet.
 */
@Component
public class DemoFederationMeetings implements FederationDemoPart {

    private static final String[] FIRST = {"Marie", "Jean", "Nadia", "Karim", "Sophie", "Yves", "Fatima", "Pascal", "Léa",
        "Mohamed", "Isabelle", "Thierry", "Aïcha", "Christophe", "Monique", "Sullivan", "Éric", "Pascaline", "Amid", "Khalid",
        "Annette", "Alain", "Michel", "Nathalie", "Sabrina", "Didier", "Céline", "Rachid", "Valérie", "Hervé"};
    private static final String[] LAST = {"Dupont", "Martin", "Lefebvre", "Benali", "Cousin", "Denoyelle", "Maisonneuve",
        "Boulenger", "Berkani", "Delattre", "Lemaire", "Dubois", "Vasseur", "Carpentier", "Leroy", "Haddad", "Pruvost",
        "Lecomte", "Deschamps", "Wattez", "Caron", "Dumont", "Fontaine", "Hamdi", "Lenoir", "Plouvier", "Delcourt"};

    /** The people of one structure who come to meetings. */
    private record Cast(Structure structure, String director, List<String> staff, List<String> volunteers, List<String> board) {
    }

    private final MeetingService meetings;
    private final StructureService structures;
    private final TerritoryService territories;
    private final FederationService federations;

    public DemoFederationMeetings(MeetingService meetings, StructureService structures, TerritoryService territories,
                                  FederationService federations) {
        this.meetings = meetings;
        this.structures = structures;
        this.territories = territories;
        this.federations = federations;
    }

    /** Who came, by meeting, written in one statement at the end. */
    private final Map<Long, List<NewAttendee>> attendance = new HashMap<>();

    @Override
    public synchronized void fill(long federationId, LocalDate today, Random random) {
        attendance.clear();
        List<Structure> all = structures.list(federationId, StructureFilter.ALL, today);
        if (all.isEmpty()) {
            return;
        }
        Map<Long, Cast> casts = new HashMap<>();
        all.forEach(s -> casts.put(s.id(), cast(s, random)));
        List<String> staffOfFederation = federations.members(federationId).stream()
                .filter(m -> m.role() != FederationRole.READER).map(FederationService.Member::displayName).toList();
        List<Cast> board = new ArrayList<>();
        for (int i = 0; i < Math.min(24, all.size()); i++) {
            board.add(casts.get(all.get(random.nextInt(all.size())).id()));
        }
        for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
            for (Territory at : territories.list(federationId, today)) {
                if (!at.isAt()) {
                    continue;
                }
                List<Cast> centres = all.stream().filter(s -> Long.valueOf(at.id()).equals(s.territoryId()))
                        .map(s -> casts.get(s.id())).toList();
                if (centres.isEmpty()) {
                    continue;
                }
                atYear(federationId, today, random, year, at, centres, staffOfFederation);
            }
            federationYear(federationId, today, random, year, board, new ArrayList<>(casts.values()));
        }
        meetings.addAttendees(federationId, attendance);
        attendance.clear();
    }

    private void atYear(long federationId, LocalDate today, Random random, int year, Territory at, List<Cast> centres,
                        List<String> staffOfFederation) {
        int plenaries = 2 + random.nextInt(3);
        for (int i = 0; i < plenaries; i++) {
            LocalDate day = spread(year, i, plenaries, random);
            Cast host = centres.get(random.nextInt(centres.size()));
            long id = meetings.create(federationId, new NewMeeting("at_pleniere", day, "Assemblée territoriale " + at.name(),
                    host.structure().name() + (host.structure().commune() == null ? "" : " (" + host.structure().commune() + ")"),
                    at.id()));
            if (!day.isAfter(today)) {
                List<NewAttendee> rows = new ArrayList<>();
                for (Cast c : centres) {
                    if (random.nextDouble() < 0.8) {
                        if (random.nextDouble() < 0.75) {
                            rows.add(new NewAttendee(c.director(), c.structure().id(), "salarie", true));
                        }
                        Draw.subset(random, c.staff(), random.nextInt(2))
                                .forEach(n -> rows.add(new NewAttendee(n, c.structure().id(), "salarie", false)));
                        Draw.subset(random, c.volunteers(), 1 + random.nextInt(3))
                                .forEach(n -> rows.add(new NewAttendee(n, c.structure().id(), "benevole", false)));
                        Draw.subset(random, c.board(), random.nextInt(2))
                                .forEach(n -> rows.add(new NewAttendee(n, c.structure().id(), "administrateur", false)));
                    }
                }
                staff(rows, staffOfFederation, random);
                if (random.nextDouble() < 0.4) {
                    rows.add(new NewAttendee(person(random) + " (CAF)", null, "salarie", false));
                }
                attendance.put(id, rows);
            }
        }
        meetingsOfDirections(federationId, today, random, year, at, centres, staffOfFederation, "reunion_directions",
                3 + random.nextInt(4), 0.7);
        meetingsOfDirections(federationId, today, random, year, at, centres, staffOfFederation, "reunion_presidences",
                random.nextInt(4), 0.5);
        meetingsOfDirections(federationId, today, random, year, at, centres, staffOfFederation, "groupe_pairs",
                random.nextInt(3), 0.45);
    }

    /** Directors' meetings (the direction of each centre that comes), présidences (a board member) or peer groups (staff). */
    private void meetingsOfDirections(long federationId, LocalDate today, Random random, int year, Territory at,
                                      List<Cast> centres, List<String> staffOfFederation, String kind, int count, double comes) {
        String title = switch (kind) {
            case "reunion_directions" -> "Réunion des directions ";
            case "reunion_presidences" -> "Réunion des présidences ";
            default -> "Groupe de pairs accueil ";
        };
        for (int i = 0; i < count; i++) {
            LocalDate day = spread(year, i, count, random);
            Cast host = centres.get(random.nextInt(centres.size()));
            long id = meetings.create(federationId, new NewMeeting(kind, day, title + at.name(), host.structure().name(), at.id()));
            if (day.isAfter(today)) {
                continue;
            }
            List<NewAttendee> rows = new ArrayList<>();
            for (Cast c : centres) {
                if (random.nextDouble() < comes) {
                    switch (kind) {
                        case "reunion_directions" -> rows.add(new NewAttendee(c.director(), c.structure().id(), "salarie", true));
                        case "reunion_presidences" ->
                                rows.add(new NewAttendee(c.board().get(0), c.structure().id(), "administrateur", false));
                        default -> rows.add(new NewAttendee(c.staff().get(random.nextInt(c.staff().size())), c.structure().id(),
                                "salarie", false));
                    }
                }
            }
            staff(rows, staffOfFederation, random);
            attendance.put(id, rows);
        }
    }

    /** 10 Bureaux, 5 CA and the AG in June; the board members come from their structures. */
    private void federationYear(long federationId, LocalDate today, Random random, int year, List<Cast> board, List<Cast> every) {
        int[] bureaux = {1, 2, 3, 4, 5, 6, 9, 10, 11, 12};
        for (int month : bureaux) {
            body(federationId, today, random, "bureau", LocalDate.of(year, month, 8 + random.nextInt(10)),
                    "Bureau de la fédération", board.subList(0, Math.min(8, board.size())), 0.8);
        }
        for (int month : new int[] {2, 4, 6, 9, 12}) {
            body(federationId, today, random, "ca", LocalDate.of(year, month, 18 + random.nextInt(8)),
                    "Conseil d'administration", board, 0.7);
        }
        LocalDate ag = LocalDate.of(year, 6, 10 + random.nextInt(10));
        long id = meetings.create(federationId, new NewMeeting("ag", ag, "Assemblée générale " + year, "Lille", null));
        if (!ag.isAfter(today)) {
            List<NewAttendee> rows = new ArrayList<>();
            for (Cast c : every) {
                if (random.nextDouble() < 0.6) {
                    rows.add(new NewAttendee(c.director(), c.structure().id(), "salarie", true));
                    Draw.subset(random, c.board(), 1 + random.nextInt(2))
                            .forEach(n -> rows.add(new NewAttendee(n, c.structure().id(), "administrateur", false)));
                }
            }
            attendance.put(id, rows);
        }
    }

    private void body(long federationId, LocalDate today, Random random, String kind, LocalDate day, String title,
                      List<Cast> members, double comes) {
        long id = meetings.create(federationId, new NewMeeting(kind, day, title, "Siège de la fédération", null));
        if (day.isAfter(today)) {
            return;
        }
        List<NewAttendee> rows = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Cast c = members.get(i);
            if (random.nextDouble() < comes) {
                // half the board are the structures' directors, half their bénévoles
                rows.add(i % 2 == 0 ? new NewAttendee(c.director(), c.structure().id(), "salarie", true)
                        : new NewAttendee(c.board().get(0), c.structure().id(), "administrateur", false));
            }
        }
        attendance.put(id, rows);
    }

    private static void staff(List<NewAttendee> rows, List<String> staffOfFederation, Random random) {
        if (!staffOfFederation.isEmpty()) {
            rows.add(new NewAttendee(staffOfFederation.get(random.nextInt(staffOfFederation.size())), null, "salarie", false));
        }
    }

    private static Cast cast(Structure s, Random random) {
        return new Cast(s, person(random), people(random, 3), people(random, 6), people(random, 3));
    }

    private static List<String> people(Random random, int n) {
        List<String> names = new ArrayList<>();
        while (names.size() < n) {
            String name = person(random);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static String person(Random random) {
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    }

    /** The i-th of n meetings of a year, spread over the months, away from August. */
    private static LocalDate spread(int year, int i, int n, Random random) {
        int[] months = {1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12};
        int slot = months.length / Math.max(n, 1);
        int month = months[Math.min(months.length - 1, i * slot + random.nextInt(Math.max(1, slot)))];
        return LocalDate.of(year, month, 1 + random.nextInt(27));
    }
}
