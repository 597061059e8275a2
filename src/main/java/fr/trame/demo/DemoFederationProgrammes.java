package fr.trame.demo;

import fr.trame.federation.DuesService;
import fr.trame.federation.ProgrammeService;
import fr.trame.federation.ProgrammeService.NewProject;
import fr.trame.federation.Structure;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureService;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The federation's programmes and dues, shaped like seed 004 (the 2023 report): the health programme's table (61
 * centres, 64 projects, 627 773 €, nutrition and prévention des cancers split between the Nord and the Pas-de-Calais),
 * Vivons retraite (CARSAT, about 70 centres), Centres sociaux connectés (FEDER, Départements, CAF, 85 % of the
 * network), the ANCV holiday projects (49 projects for 46 centres), and this year's dues with most calls paid.
 */
@Component
class DemoFederationProgrammes implements FederationDemoPart {

    /** Seed 004's health table, per département (Nord, Pas-de-Calais): centres, nutrition and cancer projects, euros. */
    private static final int[][] HEALTH = {{48, 40, 11, 441_245, 66_061}, {13, 8, 5, 83_142, 37_325}};
    private static final String[] NUTRITION = {"Ateliers cuisine à petit budget", "Jardin partagé et paniers", "Goûters équilibrés",
            "Café santé des familles", "Marche et alimentation", "Potager pédagogique"};
    private static final String[] CANCER = {"Octobre rose au quartier", "Dépistage : aller vers les habitantes",
            "Mars bleu : parlons-en", "Prévention solaire en été"};
    private static final String[] MODES = {"virement", "virement", "virement", "prelevement", "cheque"};

    private final StructureService structures;
    private final ProgrammeService programmes;
    private final DuesService dues;

    DemoFederationProgrammes(StructureService structures, ProgrammeService programmes, DuesService dues) {
        this.structures = structures;
        this.programmes = programmes;
        this.dues = dues;
    }

    @Override
    public void fill(long federationId, LocalDate today, Random random) {
        List<Structure> all = structures.list(federationId, StructureFilter.ALL, today);
        if (all.isEmpty()) {
            return;
        }
        // the two départements with the most structures stand for the Nord and the Pas-de-Calais
        List<String> departements = all.stream().collect(Collectors.groupingBy(Structure::departement, Collectors.counting()))
                .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey)
                .limit(2).toList();
        Map<String, List<Structure>> byDepartement = new LinkedHashMap<>();
        for (String d : departements) {
            List<Structure> list = new ArrayList<>(all.stream().filter(s -> s.departement().equals(d)).toList());
            Collections.shuffle(list, random);
            byDepartement.put(d, list);
        }
        health(federationId, byDepartement, random);
        retirement(federationId, all, random);
        connected(federationId, all, random);
        holidays(federationId, byDepartement, random);
        dues(federationId, all, today, random);
    }

    private void health(long federationId, Map<String, List<Structure>> byDepartement, Random random) {
        long id = programmes.create(federationId, new ProgrammeService.NewProgramme("Promotion de la santé", "sante",
                2023, 2023, "Accompagnement individuel des projets santé des centres, conventionné avec l'ARS."));
        List<NewProject> projects = new ArrayList<>();
        long total = 0;
        int i = 0;
        for (List<Structure> list : byDepartement.values()) {
            int[] row = HEALTH[Math.min(i++, HEALTH.length - 1)];
            // fewer structures than the report's: the same shape, scaled down
            double scale = Math.min(1.0, list.size() / (double) row[0]);
            int centres = (int) Math.round(row[0] * scale);
            int nutrition = Math.min(centres, (int) Math.round(row[1] * scale));
            int cancer = Math.min(centres, (int) Math.round(row[2] * scale));
            long nutritionCents = Math.round(row[3] * scale) * 100L;
            long cancerCents = Math.round(row[4] * scale) * 100L;
            total += nutritionCents + cancerCents;
            // nutrition for the first ones, cancer for the last ones: those in between have both (two projects, one centre)
            List<Long> nutritionAmounts = split(nutritionCents, nutrition, random);
            for (int k = 0; k < nutrition; k++) {
                projects.add(new NewProject(list.get(k).id(), NUTRITION[random.nextInt(NUTRITION.length)], "nutrition",
                        nutritionAmounts.get(k)));
            }
            List<Long> cancerAmounts = split(cancerCents, cancer, random);
            for (int k = 0; k < cancer; k++) {
                projects.add(new NewProject(list.get(centres - cancer + k).id(), CANCER[random.nextInt(CANCER.length)],
                        "prevention_cancer", cancerAmounts.get(k)));
            }
        }
        programmes.addProjects(federationId, id, projects, LocalDate.of(2023, 1, 15));
        programmes.addFunder(federationId, id, "ARS Hauts-de-France", total);
    }

    private void retirement(long federationId, List<Structure> all, Random random) {
        long id = programmes.create(federationId, new ProgrammeService.NewProgramme("Vivons retraite !", "retraite", 2021, 2025,
                "Ateliers « Bienvenue à la retraite », autonomie numérique des plus de 55 ans, accès aux droits (CARSAT)."));
        List<Structure> engaged = Draw.subset(random, all, Math.min(72, all.size() * 2 / 5));
        List<NewProject> projects = new ArrayList<>();
        long total = 0;
        for (Structure s : engaged) {
            long a = (1_500 + random.nextInt(25) * 100) * 100L;
            projects.add(new NewProject(s.id(), "Bienvenue à la retraite", "bien_vieillir", a));
            total += a;
            if (random.nextInt(3) == 0) {
                long b = (800 + random.nextInt(12) * 100) * 100L;
                projects.add(new NewProject(s.id(), "Autonomie numérique 55 ans et plus", "numerique", b));
                total += b;
            }
        }
        programmes.addProjects(federationId, id, projects, LocalDate.of(2021, 9, 1));
        programmes.addFunder(federationId, id, "CARSAT Hauts-de-France", total);
    }

    private void connected(long federationId, List<Structure> all, Random random) {
        long id = programmes.create(federationId, new ProgrammeService.NewProgramme("Centres sociaux connectés", "numerique",
                2023, 2025, "Chaque centre, tiers lieu numérique de proximité. Opération FEDER 2023-2025."));
        List<Structure> engaged = Draw.subset(random, all, all.size() * 85 / 100);
        for (Structure s : engaged) {
            programmes.addParticipant(federationId, id, s.id(), LocalDate.of(2023, 3, 1));
        }
        List<NewProject> projects = new ArrayList<>();
        for (Structure s : engaged.subList(0, engaged.size() / 3)) {
            projects.add(new NewProject(s.id(), "Espace numérique et médiation", "numerique", (2_000 + random.nextInt(30) * 100) * 100L));
        }
        programmes.addProjects(federationId, id, projects, LocalDate.of(2023, 3, 1));
        programmes.addFunder(federationId, id, "Union européenne (FEDER)", 1_200_000_00L);
        programmes.addFunder(federationId, id, "Département du Nord", 350_000_00L);
        programmes.addFunder(federationId, id, "Département du Pas-de-Calais", 150_000_00L);
        programmes.addFunder(federationId, id, "CAF du Nord", 200_000_00L);
        programmes.addFunder(federationId, id, "CAF du Pas-de-Calais", 90_000_00L);
    }

    private void holidays(long federationId, Map<String, List<Structure>> byDepartement, Random random) {
        long id = programmes.create(federationId, new ProgrammeService.NewProgramme("Aide aux projets vacances (ANCV)", "vacances",
                2023, 2023, "Projets de départ en vacances instruits avec la FCSF : 49 projets pour 46 centres."));
        List<NewProject> projects = new ArrayList<>();
        int[][] shape = {{37, 40}, {9, 9}}; // centres, projects: 40 projects in the 59 and 9 in the 62
        int i = 0;
        long total = 0;
        for (List<Structure> list : byDepartement.values()) {
            int[] row = shape[Math.min(i++, 1)];
            // the end of the shuffled list: not all the same centres as the health programme
            List<Structure> picked = new ArrayList<>(list);
            Collections.reverse(picked);
            int centres = Math.min(row[0], picked.size());
            for (int k = 0; k < centres; k++) {
                int n = k < row[1] - row[0] ? 2 : 1;
                for (int j = 0; j < n; j++) {
                    long a = (600 + random.nextInt(20) * 100) * 100L;
                    projects.add(new NewProject(picked.get(k).id(), j == 0 ? "Séjour familles" : "Week-end jeunes", "vacances", a));
                    total += a;
                }
            }
        }
        programmes.addProjects(federationId, id, projects, LocalDate.of(2023, 2, 1));
        programmes.addFunder(federationId, id, "ANCV (chèques vacances)", total);
    }

    /** This year's dues: 0,5 % of the declared budget, between 150 € and 3 000 €; most calls paid, one cancelled. */
    private void dues(long federationId, List<Structure> all, LocalDate today, Random random) {
        int year = today.getYear();
        LocalDate issued = LocalDate.of(year, 1, 31);
        dues.setSchedule(federationId, year, 50, 150_00L, 3_000_00L);
        Map<Long, Long> budgets = new HashMap<>();
        for (Structure s : all) {
            // a few have not declared their budget yet
            if (random.nextInt(20) != 0) {
                budgets.put(s.id(), (80_000L + random.nextInt(1_400_000)) * 100L + random.nextInt(100));
            }
        }
        dues.declareBudgets(federationId, year, budgets);
        dues.issueCalls(federationId, year, issued.isAfter(today) ? today : issued);
        List<DuesService.Call> calls = dues.calls(federationId, year);
        LocalDate last = today.isBefore(issued.plusDays(150)) ? today : issued.plusDays(150);
        long span = Math.max(1, last.toEpochDay() - issued.toEpochDay());
        for (DuesService.Call c : calls.stream().sorted(Comparator.comparingLong(DuesService.Call::id)).toList()) {
            int draw = random.nextInt(100);
            LocalDate day = issued.plusDays(1 + random.nextInt((int) span));
            if (day.isAfter(today)) {
                day = today;
            }
            String mode = MODES[random.nextInt(MODES.length)];
            if (draw < 78) {
                String reference = mode.equals("cheque") ? "Chèque n° " + (100_000 + random.nextInt(900_000)) : null;
                dues.pay(federationId, c.id(), day, c.amount(), mode, reference);
            } else if (draw < 88) {
                dues.pay(federationId, c.id(), day, c.amount() / 2, mode, null);
            }
        }
        // one call computed on a budget declared wrong: cancelled by a credit note, then called again on the right one
        calls.stream().filter(c -> c.paid() == 0).findFirst().ifPresent(c -> {
            dues.credit(federationId, c.id(), c.amount(), issued.plusDays(20).isAfter(today) ? today : issued.plusDays(20),
                    "Budget déclaré erroné (budget de l'année précédente)");
            dues.declareBudget(federationId, year, c.structureId(), c.base() * 9 / 10);
            dues.issueCalls(federationId, year, issued.plusDays(20).isAfter(today) ? today : issued.plusDays(20));
        });
    }

    /** n amounts in cents adding up exactly to total, each within ±50 % of the mean. */
    static List<Long> split(long total, int n, Random random) {
        List<Long> parts = new ArrayList<>();
        if (n <= 0) {
            return parts;
        }
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 + random.nextDouble();
            sum += w[i];
        }
        long given = 0;
        for (int i = 0; i < n - 1; i++) {
            long p = Math.round(total * w[i] / sum / 100.0) * 100; // whole euros
            parts.add(p);
            given += p;
        }
        parts.add(total - given);
        return parts;
    }
}
