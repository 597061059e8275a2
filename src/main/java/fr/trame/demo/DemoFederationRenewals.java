package fr.trame.demo;

import fr.trame.federation.AgrementService;
import fr.trame.federation.FederationRole;
import fr.trame.federation.FederationService;
import fr.trame.federation.RenewalService;
import fr.trame.federation.Structure;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureService;
import fr.trame.federation.Territory;
import fr.trame.federation.TerritoryService;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demonstration federation's agréments and renewals, shaped like seed 004: four-year CAF agréments (and an ACF
 * for some centres), each structure's last renewal closed by a granted decision after its comités, COPAR and dépôt,
 * the délégué of the AT attending; renewals running for the agréments ending within 18 months, some with planned
 * milestones, an aménagement asked here and there; those ending later not launched yet.
 */
@Component
public class DemoFederationRenewals implements FederationDemoPart {

    private static final String[] PROCESS = {"comite_pilotage", "comite_technique", "copar", "depot"};

    private final StructureService structures;
    private final TerritoryService territories;
    private final FederationService federations;
    private final AgrementService agrements;
    private final RenewalService renewals;

    public DemoFederationRenewals(StructureService structures, TerritoryService territories, FederationService federations,
                                  AgrementService agrements, RenewalService renewals) {
        this.structures = structures;
        this.territories = territories;
        this.federations = federations;
        this.agrements = agrements;
        this.renewals = renewals;
    }

    @Override
    public void fill(long federationId, LocalDate today, Random random) {
        Map<Long, Long> delegueOf = new HashMap<>();
        // a CAF renews an AT's centres in waves (seed 004: 13 of the Valenciennois's 20 in 2023): each AT its wave
        Map<Long, Integer> wave = new HashMap<>();
        for (Territory t : territories.list(federationId, today)) {
            if (t.delegueId() != null) {
                delegueOf.put(t.id(), t.delegueId());
            }
        }
        List<Long> direction = federations.members(federationId).stream()
                .filter(m -> m.enabled() && m.role() == FederationRole.ADMIN).map(FederationService.Member::userId).toList();
        for (Structure s : structures.list(federationId, StructureFilter.ALL, today)) {
            if ("sortie".equals(s.membership()) || "prefiguration".equals(s.membership())) {
                continue;
            }
            String kind = "evs".equals(s.kind()) ? "evs" : "centre_social";
            List<Long> attendees = new ArrayList<>();
            Long delegue = s.territoryId() == null ? null : delegueOf.get(s.territoryId());
            if (delegue != null) {
                attendees.add(delegue);
            }
            // the agrément in force: the registry's, else a four-year one started within the last four years
            StructureService.Agrement current = structures.agrements(federationId, s.id()).stream()
                    .filter(a -> a.kind().equals(kind) && !a.start().isAfter(today) && !a.end().isBefore(today))
                    .findFirst().orElse(null);
            int daysAgo = wave.computeIfAbsent(s.territoryId() == null ? 0L : s.territoryId(), k -> random.nextInt(4 * 365))
                    + (random.nextInt(3) == 0 ? random.nextInt(4 * 365) : random.nextInt(240) - 120);
            LocalDate start = current != null ? current.start() : today.minusDays(Math.floorMod(daysAgo, 4 * 365));
            LocalDate end = current != null ? current.end() : start.plusYears(4).minusDays(1);
            // the previous agrément (the registry's when it has one), renewed by the process that granted the current one
            long previous = structures.agrements(federationId, s.id()).stream()
                    .filter(a -> a.kind().equals(kind) && a.end().isBefore(start))
                    .max(Comparator.comparing(StructureService.Agrement::end)).map(StructureService.Agrement::id)
                    .orElseGet(() -> agrements.add(federationId, s.id(), kind, null, start.minusYears(4), start.minusDays(1)));
            LocalDate launch = start.minusMonths(9 + random.nextInt(4));
            long past = renewals.open(federationId, s.id(), previous, launch, null, attendees);
            LocalDate day = launch;
            for (String milestone : PROCESS) {
                day = day.plusDays(25 + random.nextInt(30));
                if (!milestone.equals("comite_technique") || random.nextBoolean()) {
                    renewals.addMilestone(federationId, s.id(), past, milestone, day, null,
                            milestone.equals("copar") && !direction.isEmpty() && random.nextInt(4) == 0
                                    ? concat(attendees, direction.get(0)) : attendees, null);
                }
            }
            renewals.addMilestone(federationId, s.id(), past, "decision", day.plusDays(15), null,
                    List.of(), new RenewalService.Decision("accorde", start, end));
            long agrement = current != null ? current.id() : structures.agrements(federationId, s.id()).stream()
                    .filter(a -> a.kind().equals(kind) && a.start().equals(start)).findFirst().orElseThrow().id();
            if ("cs".equals(s.kind()) && random.nextInt(10) < 4) {
                agrements.add(federationId, s.id(), "acf", null, start, end);
            }
            // the renewal of the agrément in force: launched nine to twelve months before its end, when that has come
            LocalDate next = end.minusMonths(9 + random.nextInt(4));
            if (end.isBefore(today.plusMonths(18)) && !next.isAfter(today) && random.nextInt(10) < 8) {
                long running = renewals.open(federationId, s.id(), agrement, next, null, attendees);
                LocalDate at = next;
                for (String milestone : PROCESS) {
                    at = at.plusDays(25 + random.nextInt(45));
                    if (at.isAfter(today.plusDays(45))) {
                        break;
                    }
                    renewals.addMilestone(federationId, s.id(), running, milestone, at,
                            at.isAfter(today) ? "Prévu" : null, at.isAfter(today) ? List.of() : attendees, null);
                }
                if (random.nextInt(12) == 0) {
                    LocalDate asked = max(next, today.minusDays(random.nextInt(30)));
                    renewals.addMilestone(federationId, s.id(), running, "amenagement_demande", asked,
                            "Demande d'aménagement de la démarche (changement de direction)", attendees, null);
                }
            }
        }
    }

    private static List<Long> concat(List<Long> list, long one) {
        List<Long> all = new ArrayList<>(list);
        if (!all.contains(one)) {
            all.add(one);
        }
        return all;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
