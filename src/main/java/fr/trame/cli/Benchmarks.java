package fr.trame.cli;

import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.csv.PgCopy;
import fr.trame.demo.DemoData;
import fr.trame.people.PeopleImporter;
import fr.trame.people.RegisterSearch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * {@code bench}: import of the M people.csv against a raw COPY of the same rows, and household search latency at
 * 12,000 and 60,000 persons against a primary-key lookup. Each figure is a ratio to a baseline of the same run.
 */
@Component
public class Benchmarks {

    private static final int RUNS = 3;
    private static final int SEARCHES = 300;

    private final CentreService centres;
    private final PeopleImporter importer;
    private final RegisterSearch search;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;

    public Benchmarks(CentreService centres, PeopleImporter importer, RegisterSearch search, JdbcClient jdbc,
                      DataSource dataSource, TransactionTemplate tx) {
        this.centres = centres;
        this.importer = importer;
        this.search = search;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
    }

    public void run(PrintStream out, java.util.Set<String> parts) {
        String csv = new DemoData(7, LocalDate.now()).peopleCsv(DemoData.Size.M);
        int rows = (int) csv.lines().count() - 1;
        out.printf("Trame bench — people.csv taille M : %d personnes%n", rows);

        int runs = parts.contains("import") ? RUNS : 1;
        double[] copy = new double[runs];
        double[] imports = new double[runs];
        Centre first = null;
        for (int run = 0; run < runs; run++) {
            copy[run] = rawCopySeconds(csv);
            Centre centre = centres.create("bench-import-" + run, "Bench import " + run);
            if (first == null) {
                first = centre;
            }
            long t0 = System.nanoTime();
            importer.importCsv(centre.id(), new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
            imports[run] = (System.nanoTime() - t0) / 1e9;
            out.printf("  essai %d : COPY brut %.3f s, import Trame %.3f s%n", run + 1, copy[run], imports[run]);
        }
        double copyRate = rows / median(copy);
        double importRate = rows / median(imports);
        out.printf("Import people.csv : %.0f personnes/s ; COPY brut : %.0f lignes/s ; ratio import/COPY = %.2f (cible ≥ 0,30)%n",
                importRate, copyRate, importRate / copyRate);

        if (!parts.contains("search")) {
            return;
        }
        jdbc.sql("analyze").update();
        searchLatency(out, first, 12_000);
        Centre big = centres.create("bench-60k", "Bench 60 000 personnes");
        for (int part = 0; part < 5; part++) {
            String partCsv = new DemoData(100 + part, LocalDate.now()).peopleCsv(5_000, 12_000, "B" + part + "-");
            importer.importCsv(big.id(), new ByteArrayInputStream(partCsv.getBytes(StandardCharsets.UTF_8)));
        }
        jdbc.sql("analyze").update();
        searchLatency(out, big, 60_000);
    }

    /** The baseline: the same text COPYed as is into one plain table, in a transaction rolled back afterwards. */
    private double rawCopySeconds(String csv) {
        return tx.execute(status -> {
            jdbc.sql("""
                    create temp table bench_raw (household_ref text, person_ref text, last_name text, first_name text,
                        sex text, birth_date text, role text, address text, postcode text, commune text, quartier text,
                        qpv text, qf text, phone text, email text) on commit drop""").update();
            String body = csv.substring(csv.indexOf('\n') + 1).replace(';', ',');
            long t0 = System.nanoTime();
            PgCopy.copyCsv(dataSource, "bench_raw", List.of("household_ref", "person_ref", "last_name", "first_name",
                    "sex", "birth_date", "role", "address", "postcode", "commune", "quartier", "qpv", "qf", "phone",
                    "email"), body);
            double seconds = (System.nanoTime() - t0) / 1e9;
            status.setRollbackOnly();
            return seconds;
        });
    }

    /** Misspelt, accent-free names as people type them at a desk, against a primary-key lookup. */
    private void searchLatency(PrintStream out, Centre centre, int persons) {
        Random random = new Random(42);
        List<String> names = jdbc.sql("select last_name from persons where centre_id = ? order by random() limit 500")
                .param(centre.id()).query(String.class).list();
        List<Long> ids = jdbc.sql("select id from households where centre_id = ? limit 500").param(centre.id())
                .query(Long.class).list();
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < SEARCHES; i++) {
            queries.add(misspell(names.get(random.nextInt(names.size())), random));
        }
        for (int i = 0; i < 50; i++) { // warm-up
            search.households(centre.id(), queries.get(i), 30);
        }
        double[] searchMs = new double[SEARCHES];
        double[] lookupMs = new double[SEARCHES];
        for (int i = 0; i < SEARCHES; i++) {
            long t0 = System.nanoTime();
            search.households(centre.id(), queries.get(i), 30);
            searchMs[i] = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            jdbc.sql("select id, ref from households where centre_id = ? and id = ?")
                    .params(centre.id(), ids.get(i % ids.size())).query().listOfRows();
            lookupMs[i] = (System.nanoTime() - t1) / 1e6;
        }
        double p95 = percentile(searchMs, 95);
        double lookup95 = percentile(lookupMs, 95);
        out.printf("Recherche de foyer à %,d personnes : p50 %.1f ms, p95 %.1f ms (cible ≤ 20 ms) ; "
                        + "lecture par clé p95 %.2f ms ; ratio p95 recherche/clé = %.1f%n",
                persons, percentile(searchMs, 50), p95, lookup95, p95 / lookup95);
    }

    static String misspell(String name, Random random) {
        String s = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase();
        if (s.length() > 4) {
            int i = 1 + random.nextInt(s.length() - 2);
            char c = (char) ('a' + random.nextInt(26));
            s = s.substring(0, i) + c + s.substring(i + 1);
        }
        return s;
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
