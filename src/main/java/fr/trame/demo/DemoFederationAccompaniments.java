package fr.trame.demo;

import fr.trame.federation.AccompanimentService;
import fr.trame.federation.AccompanimentService.TakenOver;
import fr.trame.federation.AccompanimentService.TakenStep;
import fr.trame.federation.AccompanimentService.Values;
import fr.trame.federation.FederationRole;
import fr.trame.federation.FederationService;
import fr.trame.federation.Structure;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureService;
import fr.trame.federation.Territory;
import fr.trame.federation.TerritoryService;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The federation's accompaniments, shaped like seed 004's "accompagnements individuels ou spécifiques" of each AT:
 * recruitments of a direction, pilotage, partnerships, governance, a renewal's evaluation, the passage associatif of
 * La Passerelle at Rexpoëde, the préfiguration at Hesdin, and a few cellules de veille (confidential), each with its
 * dated steps, over the last three years.
 */
@Component
public class DemoFederationAccompaniments implements FederationDemoPart {

    /** Per kind: a title, then pairs of (what was done, next step). */
    private static final Map<String, String[]> SCRIPTS = Map.of(
            "recrutement_direction", new String[] {"Recrutement de la nouvelle direction",
                "Rédaction de la fiche de poste avec le bureau", "Diffusion de l'offre dans le réseau",
                "Tri des candidatures avec la présidence", "Commission de recrutement",
                "Participation à la commission de recrutement (trois candidatures)", "Entretiens finaux",
                "Choix de la nouvelle direction, arrivée annoncée", null},
            "pilotage", new String[] {"Accompagnement au pilotage politique et stratégique",
                "Rencontre avec la présidence et la direction", "Séminaire bénévoles et professionnels",
                "Séminaire « Mon/notre centre social aujourd'hui »", "Feuille de route du conseil d'administration",
                "Travail sur la répartition des rôles entre bureau et direction", null},
            "partenariats", new String[] {"Relations partenariales sur le territoire d'intervention",
                "Rencontre avec la Ville et l'EPCI", "Comité technique avec la CAF",
                "Comité technique avec la CAF et le Département", "Bilan avec la direction",
                "Bilan de l'accompagnement avec la direction", null},
            "gouvernance", new String[] {"Gouvernance et place des habitants",
                "Temps de travail avec le conseil d'administration", "Guide d'accueil des nouveaux administrateurs",
                "Remise du guide d'accueil aux administrateurs", null},
            "rh", new String[] {"Appui RH : nouvelle grille de classification Alisfa",
                "Point sur la pesée des emplois avec la direction", "Présentation au bureau",
                "Présentation de la nouvelle grille au bureau", null},
            "evaluation_projet_social", new String[] {"Évaluation du projet social avant le renouvellement d'agrément",
                "Comité de pilotage de lancement du renouvellement", "Comité technique avec la CAF",
                "Comité partenarial de renouvellement du projet", "Dépôt du projet à la CAF", null},
            "difficulte_financiere", new String[] {"Cellule de veille : difficultés financières",
                "Cellule de veille avec la CAF, le Département et la Ville sur le plan de trésorerie",
                "Appui spécifique à la direction et au bureau",
                "Appui à la direction et au bureau pour le budget rectificatif", "Nouvelle réunion de la cellule de veille",
                "Deuxième réunion de la cellule de veille : avance de subvention obtenue", "Suivi mensuel de la trésorerie"});

    /** How many accompaniments of each kind an AT has in a year, roughly (seed 004: one to three of the usual ones). */
    private static final String[] USUAL = {"recrutement_direction", "recrutement_direction", "pilotage", "partenariats",
            "partenariats", "gouvernance", "evaluation_projet_social", "rh"};

    private final AccompanimentService accompaniments;
    private final StructureService structures;
    private final TerritoryService territories;
    private final FederationService federations;

    DemoFederationAccompaniments(AccompanimentService accompaniments, StructureService structures, TerritoryService territories,
                                 FederationService federations) {
        this.accompaniments = accompaniments;
        this.structures = structures;
        this.territories = territories;
        this.federations = federations;
    }

    @Override
    public void fill(long federationId, LocalDate today, Random random) {
        List<Structure> all = structures.list(federationId, StructureFilter.ALL, today);
        List<FederationService.Member> members = federations.members(federationId).stream().filter(FederationService.Member::enabled)
                .toList();
        List<Long> followers = members.stream().filter(m -> m.role() != FederationRole.READER).map(FederationService.Member::userId)
                .toList();
        if (all.isEmpty() || followers.isEmpty()) {
            return;
        }
        Map<Long, Territory> ats = territories.list(federationId, today).stream().filter(Territory::isAt)
                .collect(Collectors.toMap(Territory::id, Function.identity()));
        Function<Structure, Long> delegueOf = s -> {
            Territory at = s.territoryId() == null ? null : ats.get(s.territoryId());
            return at != null && at.delegueId() != null ? at.delegueId() : followers.get(Math.floorMod(s.id(), followers.size()));
        };
        List<TakenOver> taken = new ArrayList<>();
        Set<Long> special = new HashSet<>();
        for (Structure s : all) {
            String commune = s.commune() == null ? "" : s.commune().toLowerCase();
            if (commune.startsWith("rexpo")) {
                special.add(s.id());
                LocalDate opened = LocalDate.of(today.getYear() - 2, 3, 15);
                taken.add(new TakenOver(s.id(), new Values("passage_associatif", "Passage associatif de La Passerelle",
                        delegueOf.apply(s), opened, null, false), List.of(
                        step(opened.plusDays(20), "Rencontre avec la CAF et la Ville : les bases du passage associatif",
                                "Statuts de la future association", delegueOf.apply(s)),
                        step(opened.plusMonths(5), "Réunion avec les habitants et les futurs administrateurs",
                                "Visite d'un centre associatif",
                                delegueOf.apply(s)),
                        step(LocalDate.of(opened.getYear(), 12, 8), "Visite du centre social de Lillers pour échanger sur les pratiques",
                                "Assemblée générale constitutive", delegueOf.apply(s))), List.of()));
            } else if (commune.startsWith("hesdin")) {
                special.add(s.id());
                LocalDate opened = LocalDate.of(today.getYear() - 2, 2, 1);
                taken.add(new TakenOver(s.id(), new Values("prefiguration", "Préfiguration du centre social de Hesdin",
                        delegueOf.apply(s), opened, null, false), List.of(
                        step(opened.plusDays(15), "Comité de pilotage de la préfiguration avec la CAF et la Ville", "Diagnostic partagé",
                                delegueOf.apply(s)),
                        step(opened.plusMonths(6), "Restitution du diagnostic partagé", "Dépôt de la demande d'agrément",
                                delegueOf.apply(s))), List.of()));
            }
        }
        List<Structure> pool = all.stream().filter(s -> !special.contains(s.id())).toList();
        if (pool.isEmpty()) {
            pool = all;
        }
        // per AT and year, a few of the usual accompaniments at its structures
        Map<Long, List<Structure>> byAt = pool.stream().collect(Collectors.groupingBy(s -> s.territoryId() == null ? 0L : s.territoryId()));
        for (int year = today.getYear() - 2; year <= today.getYear(); year++) {
            for (List<Structure> atStructures : byAt.values()) {
                int n = 1 + random.nextInt(Math.min(4, atStructures.size() + 1));
                for (int i = 0; i < n; i++) {
                    Structure s = atStructures.get(random.nextInt(atStructures.size()));
                    taken.add(scripted(s, USUAL[random.nextInt(USUAL.length)], year, today, random, delegueOf.apply(s), List.of()));
                }
            }
        }
        // a few cellules de veille, one shared with another follower
        int veilles = Math.max(2, byAt.size() / 3);
        for (int i = 0; i < veilles; i++) {
            Structure s = pool.get(random.nextInt(pool.size()));
            long delegue = delegueOf.apply(s);
            List<Long> shared = i == 0 ? followers.stream().filter(f -> f != delegue).limit(1).toList() : List.of();
            taken.add(scripted(s, "difficulte_financiere", today.getYear() - random.nextInt(2), today, random, delegue, shared));
        }
        accompaniments.takeOver(federationId, taken);
    }

    private static TakenOver scripted(Structure s, String kind, int year, LocalDate today, Random random, long delegue,
                                      List<Long> shared) {
        String[] script = SCRIPTS.get(kind);
        LocalDate opened = LocalDate.of(year, 1 + random.nextInt(10), 1 + random.nextInt(28));
        if (opened.isAfter(today)) {
            opened = today.minusDays(30 + random.nextInt(60));
        }
        List<TakenStep> steps = new ArrayList<>();
        LocalDate day = opened;
        for (int i = 1; i < script.length && script[i] != null; i += 2) {
            day = day.plusDays(10 + random.nextInt(50));
            if (day.isAfter(today)) {
                break;
            }
            steps.add(step(day, script[i], i + 1 < script.length ? script[i + 1] : null, delegue));
        }
        // recruitments and evaluations end; the others run longer, and the older ones are over
        boolean ends = kind.equals("recrutement_direction") || kind.equals("evaluation_projet_social") || year < today.getYear() - 1;
        LocalDate closed = ends && day.plusDays(15).isBefore(today) ? day.plusDays(15) : null;
        String title = script[0] + (kind.equals("difficulte_financiere") ? "" : " (" + year + ")");
        return new TakenOver(s.id(), new Values(kind, title, delegue, opened, closed, kind.equals("difficulte_financiere")), steps,
                shared);
    }

    private static TakenStep step(LocalDate day, String done, String next, long author) {
        return new TakenStep(day, done, next, author);
    }
}
