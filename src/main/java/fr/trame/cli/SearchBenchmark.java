package fr.trame.cli;

import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.demo.DemoData;
import fr.trame.people.HouseholdService;
import fr.trame.people.PeopleImporter;
import fr.trame.people.RegisterSearch;
import fr.trame.territory.QuartierService;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code bench search}: household search and person search with misspelt names at 12,000 and 60,000 persons, each on a
 * database holding exactly that many, against a primary-key lookup measured in the same loop.
 */
@Component
@Order(20)
class SearchBenchmark implements Benchmark {

    private static final int SEARCHES = 300;

    /** The nearest-persons step of the search before V75 (GiST KNN on whole names), measured in the same run. */
    private static final String FORMER_NEAREST = """
            select id from (select id, search_name <->> trame_fold(?) as distance from people_persons
                            where centre_id = ? and anonymised_at is null
                            order by search_name <->> trame_fold(?) limit 40) n
            where distance < 0.55""";

    private final CentreService centres;
    private final PeopleImporter importer;
    private final RegisterSearch search;
    private final HouseholdService households;
    private final QuartierService quartiers;
    private final JdbcClient jdbc;
    private final StaffLoad load;

    SearchBenchmark(CentreService centres, PeopleImporter importer, RegisterSearch search, HouseholdService households,
                    QuartierService quartiers, JdbcClient jdbc, StaffLoad load) {
        this.load = load;
        this.centres = centres;
        this.importer = importer;
        this.search = search;
        this.households = households;
        this.quartiers = quartiers;
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "search";
    }

    @Override
    public void run(PrintStream out) {
        Centre m = centres.create("bench-12k", "Bench 12 000 personnes");
        importer.importCsv(m.id(), new ByteArrayInputStream(new DemoData(7, LocalDate.now()).peopleCsv(DemoData.Size.M)
                .getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("vacuum analyze").update();
        searchLatency(out, m, 12_000, "seule");
        dropRegister(m.id());
        Centre big = centres.create("bench-60k", "Bench 60 000 personnes");
        for (int part = 0; part < 5; part++) {
            String partCsv = new DemoData(100 + part, LocalDate.now()).peopleCsv(5_000, 12_000, "B" + part + "-");
            importer.importCsv(big.id(), new ByteArrayInputStream(partCsv.getBytes(StandardCharsets.UTF_8)));
        }
        jdbc.sql("vacuum analyze").update();
        searchLatency(out, big, 60_000, "seule");
        load.under(out, () -> searchLatency(out, big, 60_000, "sous charge"));
    }

    /** Removes a bench centre's register, so that the next measure sees only its own persons. */
    private void dropRegister(long centreId) {
        households.deleteRegister(centreId);
        quartiers.deleteAll(centreId);
    }

    /** Misspelt, accent-free names as people type them at a desk, against a primary-key lookup. */
    private void searchLatency(PrintStream out, Centre centre, int persons, String when) {
        Random random = new Random(42);
        List<String> names = jdbc.sql("select last_name from people_persons where centre_id = ? order by random() limit 500")
                .param(centre.id()).query(String.class).list();
        List<Long> ids = jdbc.sql("select id from people_households where centre_id = ? limit 500").param(centre.id())
                .query(Long.class).list();
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < SEARCHES; i++) {
            queries.add(BenchSupport.misspell(names.get(random.nextInt(names.size())), random));
        }
        for (int i = 0; i < 50; i++) { // warm-up
            search.households(centre.id(), queries.get(i), 30);
            search.persons(centre.id(), queries.get(i), 10);
        }
        double[] searchMs = new double[SEARCHES];
        double[] personMs = new double[SEARCHES];
        double[] lookupMs = new double[SEARCHES];
        double[] formerMs = new double[SEARCHES];
        for (int i = 0; i < SEARCHES; i++) {
            long t0 = System.nanoTime();
            search.households(centre.id(), queries.get(i), 30);
            searchMs[i] = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            jdbc.sql("select id, ref from people_households where centre_id = ? and id = ?")
                    .params(centre.id(), ids.get(i % ids.size())).query().listOfRows();
            lookupMs[i] = (System.nanoTime() - t1) / 1e6;
            long t2 = System.nanoTime();
            search.persons(centre.id(), queries.get(SEARCHES - 1 - i), 10);
            personMs[i] = (System.nanoTime() - t2) / 1e6;
            long t3 = System.nanoTime();
            jdbc.sql(FORMER_NEAREST).params(queries.get(i), centre.id(), queries.get(i)).query(Long.class).list();
            formerMs[i] = (System.nanoTime() - t3) / 1e6;
        }
        double lookup95 = BenchSupport.percentile(lookupMs, 95);
        double p95 = BenchSupport.percentile(searchMs, 95);
        out.printf("Recherche de foyer à %,d personnes, %s : p50 %.1f ms, p95 %.1f ms (cible ≤ 20 ms) ; "
                        + "lecture par clé p95 %.2f ms ; ratio p95 recherche/clé = %.1f%n",
                persons, when, BenchSupport.percentile(searchMs, 50), p95, lookup95, p95 / lookup95);
        double person95 = BenchSupport.percentile(personMs, 95);
        out.printf("Recherche de personne à %,d personnes, %s : p50 %.1f ms, p95 %.1f ms (cible ≤ 20 ms) ; "
                        + "lecture par clé p95 %.2f ms ; ratio p95 recherche/clé = %.1f%n",
                persons, when, BenchSupport.percentile(personMs, 50), person95, lookup95, person95 / lookup95);
        double former95 = BenchSupport.percentile(formerMs, 95);
        out.printf("  (avant V75, les 40 plus proches par l'index trigramme des noms entiers : p50 %.1f ms, p95 %.1f ms ; "
                        + "ratio p95 recherche de personne/avant = %.2f)%n",
                BenchSupport.percentile(formerMs, 50), former95, person95 / former95);
    }
}
