package fr.trame.demo;

import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.federation.Structure;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureService;
import fr.trame.training.CentreMembership;
import fr.trame.training.CentreTrainingService;
import fr.trame.training.CentreTrainingService.Candidate;
import fr.trame.training.CentreTrainingService.Pick;
import fr.trame.training.CentreTrainingService.Request;
import fr.trame.training.TrainingService.Session;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The Trame centres' own registrations to the federation's sessions still to come: each registers two or three of its
 * employees or volunteers, from its records, and one name typed, as its director would from its pages. It runs after
 * the parts that plan the sessions (order 800); without an open session it registers nobody.
 */
@Component
@Order(800)
public class DemoTrainingCentre implements FederationDemoPart {

    private static final String[][] TYPED = {{"Lemaire", "Sandrine", "benevole"}, {"Bouchez", "Karim", "administrateur"},
        {"Delattre", "Julie", "salarie"}};

    private final StructureService structures;
    private final CentreService centres;
    private final CentreMembership memberships;
    private final CentreTrainingService training;

    public DemoTrainingCentre(StructureService structures, CentreService centres, CentreMembership memberships,
                              CentreTrainingService training) {
        this.structures = structures;
        this.centres = centres;
        this.memberships = memberships;
        this.training = training;
    }

    @Override
    public void fill(long federationId, LocalDate today, Random random) {
        int n = 0;
        for (Structure s : structures.list(federationId, StructureFilter.ALL, today)) {
            if (s.centreCode() == null) {
                continue;
            }
            Optional<Centre> centre = centres.findByCode(s.centreCode());
            Optional<CentreMembership.Membership> m = centre.flatMap(c -> memberships.of(c.id()));
            if (m.isEmpty() || m.get().federationId() != federationId) {
                continue;
            }
            List<Session> open = training.openSessions(m.get(), today).stream().filter(x -> !x.firstDay().isBefore(today)).toList();
            if (open.isEmpty()) {
                continue;
            }
            List<Candidate> people = new ArrayList<>(training.employees(centre.get().id(), today));
            people.addAll(training.volunteers(centre.get().id(), today));
            int drawn = Math.min(3, people.size());
            for (int i = 0; i < drawn; i++) {
                Candidate c = people.remove(random.nextInt(people.size()));
                register(centre.get().id(), m.get(), open.get(random.nextInt(open.size())), today, c.lastName(), c.firstName(),
                        new Request(new Pick(c.source(), c.id()), null, null, null, null, null));
            }
            String[] typed = TYPED[n++ % TYPED.length];
            register(centre.get().id(), m.get(), open.get(random.nextInt(open.size())), today, typed[0], typed[1],
                    new Request(null, typed[0], typed[1], null, null, typed[2]));
        }
    }

    /**
     * Registers once: the same name already in the session for this centre is left (a refused insert would abort the
     * demo's one transaction).
     */
    private void register(long centreId, CentreMembership.Membership m, Session session, LocalDate today, String lastName,
                          String firstName, Request request) {
        boolean there = training.ownRegistrations(m, session.id()).stream().anyMatch(r -> !"annule".equals(r.state())
                && r.lastName().equalsIgnoreCase(lastName.trim()) && r.firstName().equalsIgnoreCase(firstName.trim()));
        if (!there) {
            training.register(centreId, m, session.id(), today, request, null);
        }
    }
}
