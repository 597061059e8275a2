package fr.trame.cli;

import fr.trame.federation.AgrementService;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.federation.FederationService;
import fr.trame.federation.RenewalService;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureImporter;
import fr.trame.federation.StructureService;
import fr.trame.federation.Territory;
import fr.trame.federation.TerritoryService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * {@code bench federation}: a throw-away federation of 2,000 structures in 20 ATs (structures.csv through the importer,
 * agréments spread over four years, renewals with milestones), then the p95 of the registry list (no filter, one AT
 * due within 18 months), and the 18-month renewal calendar, each against a primary-key lookup of one structure.
 */
@Component
@Order(70)
class FederationBenchmark implements Benchmark {

    @Override
    public String part() {
        return "federation";
    }


    private static final int STRUCTURES = 2_000;
    private static final int ATS = 20;
    private static final int RUNS = 200;

    private final FederationService federations;
    private final StructureImporter importer;
    private final StructureService structures;
    private final TerritoryService territories;
    private final AgrementService agrements;
    private final RenewalService renewals;
    private final JdbcClient jdbc;

    FederationBenchmark(FederationService federations, StructureImporter importer, StructureService structures,
                        TerritoryService territories, AgrementService agrements, RenewalService renewals, JdbcClient jdbc) {
        this.federations = federations;
        this.importer = importer;
        this.structures = structures;
        this.territories = territories;
        this.agrements = agrements;
        this.renewals = renewals;
        this.jdbc = jdbc;
    }

    @Override
    public void run(PrintStream out) {
        LocalDate today = LocalDate.now();
        Random random = new Random(15);
        Federation federation = federations.create("bench-fed-" + System.nanoTime() % 1_000_000, "Bench fédération");
        long fed = federation.id();

        StringBuilder csv = new StringBuilder("structure_ref;name;kind;status;departement;territory;commune;membership;"
                + "agrement_start;agrement_end\n");
        for (int i = 1; i <= STRUCTURES; i++) {
            boolean evs = random.nextInt(8) == 0;
            // a four-year agrément started some day of the last four years: its ends spread over the next four
            LocalDate start = today.minusDays(random.nextInt(4 * 365));
            csv.append("S").append(i).append(';').append(evs ? "EVS " : "Centre social ").append(i).append(';')
                    .append(evs ? "evs" : "cs").append(';').append(random.nextInt(5) == 0 ? "municipal" : "associatif").append(';')
                    .append(i % 3 == 0 ? "62" : "59").append(";AT ").append(1 + i % ATS).append(";Commune ").append(i % 300)
                    .append(';').append(random.nextInt(20) == 0 ? "sortie" : "adherent").append(';')
                    .append(start).append(';').append(start.plusYears(4).minusDays(1)).append('\n');
        }
        long t0 = System.nanoTime();
        importer.importCsv(fed, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), today);
        double importSeconds = (System.nanoTime() - t0) / 1e9;

        // renewals of the agréments ending within 18 months, half of them, with one to four milestones
        for (int u = 1; u <= 4; u++) {
            federations.createUser(fed, federation.code() + "-" + u, "Délégué·e " + u,
                    u == 1 ? FederationRole.ADMIN : FederationRole.DELEGUE);
        }
        List<Long> members = federations.members(fed).stream().map(FederationService.Member::userId).toList();
        int opened = 0;
        int agrementCount = 0;
        int milestones = 0;
        List<Long> ids = structures.list(fed, StructureFilter.ALL, today).stream().map(s -> s.id()).toList();
        String[] kinds = {"comite_pilotage", "copar", "comite_technique", "evaluation_intermediaire", "depot"};
        for (long id : ids) {
            for (StructureService.Agrement a : structures.agrements(fed, id)) {
                agrementCount++;
                if (a.end().isBefore(today.plusMonths(18)) && random.nextBoolean()) {
                    LocalDate launch = today.minusDays(random.nextInt(200));
                    long renewal = renewals.open(fed, id, a.id(), launch, null, members);
                    opened++;
                    int n = random.nextInt(4);
                    for (int m = 0; m < n; m++) {
                        renewals.addMilestone(fed, id, renewal, kinds[random.nextInt(kinds.length)],
                                launch.plusDays(20L + random.nextInt(300)), null, members, null);
                        milestones++;
                    }
                }
            }
            if (id % 4 == 0) {
                LocalDate start = today.minusDays(random.nextInt(4 * 365));
                agrements.add(fed, id, "acf", null, start, start.plusYears(4).minusDays(1));
                agrementCount++;
            }
        }
        jdbc.sql("analyze").update();
        out.printf("Fédération de %,d structures, %d AT : import %.1f s ; %,d agréments, %,d renouvellements, %,d étapes%n",
                STRUCTURES, ATS, importSeconds, agrementCount, opened, milestones + opened);

        List<Territory> ats = territories.list(fed, today);
        double[] all = new double[RUNS];
        double[] filtered = new double[RUNS];
        double[] calendar = new double[RUNS];
        double[] lookup = new double[RUNS];
        int listed = 0;
        int filteredRows = 0;
        int calendarRows = 0;
        for (int i = -20; i < RUNS; i++) {
            long at = ats.get(Math.floorMod(i, ats.size())).id();
            long s0 = System.nanoTime();
            listed = structures.list(fed, StructureFilter.ALL, today).size();
            long s1 = System.nanoTime();
            filteredRows = structures.list(fed, new StructureFilter(null, at, null, null, "adherent", 18, null), today).size();
            long s2 = System.nanoTime();
            calendarRows = renewals.calendar(fed, today, 18, null, null, Set.of(at)).stream().mapToInt(g -> g.rows().size()).sum();
            long s3 = System.nanoTime();
            jdbc.sql("select id, name from federation_structures where federation_id = ? and id = ?")
                    .params(fed, ids.get(Math.floorMod(i * 7, ids.size()))).query().listOfRows();
            long s4 = System.nanoTime();
            if (i >= 0) {
                all[i] = (s1 - s0) / 1e6;
                filtered[i] = (s2 - s1) / 1e6;
                calendar[i] = (s3 - s2) / 1e6;
                lookup[i] = (s4 - s3) / 1e6;
            }
        }
        double key = BenchSupport.percentile(lookup, 95);
        out.printf("Registre, liste sans filtre (%,d structures) : p95 %.1f ms, ratio %.0f ; "
                        + "filtrée (une AT, adhérentes, agrément finissant sous 18 mois : %d) : p95 %.1f ms, ratio %.0f%n",
                listed, BenchSupport.percentile(all, 95), BenchSupport.percentile(all, 95) / key, filteredRows,
                BenchSupport.percentile(filtered, 95), BenchSupport.percentile(filtered, 95) / key);
        out.printf("Calendrier des renouvellements sur 18 mois (%,d agréments) : p95 %.1f ms, ratio %.0f ; "
                + "lecture par clé p95 %.2f ms%n", calendarRows, BenchSupport.percentile(calendar, 95),
                BenchSupport.percentile(calendar, 95) / key, key);
    }
}
