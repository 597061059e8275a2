package fr.trame.cli;

import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.csv.ImportPhases;
import fr.trame.csv.PgCopy;
import fr.trame.demo.DemoData;
import fr.trame.people.HouseholdService;
import fr.trame.people.PeopleImporter;
import fr.trame.territory.QuartierService;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench import}: people.csv at size M against a raw COPY of the same text and against the limit of our schema
 * (the import's final rows COPYed into empty copies of its tables), with the import's phases.
 */
@Component
@Order(10)
class ImportBenchmark implements Benchmark {

    private static final int RUNS = 3;
    /** The tables a people.csv import writes, a referenced table before those referencing it. */
    private static final List<String> SCHEMA_TABLES = List.of("quartiers", "households", "persons",
            "household_members", "qf_history", "situation_flags", "person_flags");
    /** What the triggers on persons keep for the register search: their copies start empty and fill during the COPY. */
    private static final List<String> NAME_WORDS = List.of("person_name_words", "person_words");

    private final CentreService centres;
    private final PeopleImporter importer;
    private final HouseholdService households;
    private final QuartierService quartiers;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;

    ImportBenchmark(CentreService centres, PeopleImporter importer, HouseholdService households, QuartierService quartiers,
                    JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx) {
        this.centres = centres;
        this.importer = importer;
        this.households = households;
        this.quartiers = quartiers;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
    }

    @Override
    public String part() {
        return "import";
    }

    @Override
    public void run(PrintStream out) {
        String csv = new DemoData(7, LocalDate.now()).peopleCsv(DemoData.Size.M);
        int rows = (int) csv.lines().count() - 1;
        out.printf("Trame bench — people.csv taille M : %d personnes%n", rows);
        SchemaCopy schemaCopy = new SchemaCopy(jdbc, dataSource, tx);
        double[] copy = new double[RUNS];
        double[] schema = new double[RUNS];
        double[] imports = new double[RUNS];
        List<Map<String, Double>> phases = new ArrayList<>();
        String carried = "";
        for (int run = 0; run < RUNS; run++) {
            copy[run] = rawCopySeconds(csv);
            Centre centre = centres.create("bench-import-" + run, "Bench import " + run);
            ImportPhases recorded = ImportPhases.recording();
            long t0 = System.nanoTime();
            importer.importCsv(centre.id(), new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), recorded);
            imports[run] = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> seconds = new LinkedHashMap<>(recorded.seconds());
            seconds.put("commit et reste", imports[run] - seconds.values().stream().mapToDouble(Double::doubleValue).sum());
            phases.add(seconds);
            // the limit of our schema: the rows this import wrote, COPYed into empty copies of its tables
            SchemaCopy.Result result = schemaCopy.measure(centre.id(), SCHEMA_TABLES, NAME_WORDS);
            schema[run] = result.seconds();
            carried = result.rows() + " lignes dans " + result.carried();
            out.printf("  essai %d : COPY brut %.3f s, COPY dans le schéma %.3f s, import Trame %.3f s%n",
                    run + 1, copy[run], schema[run], imports[run]);
            // the next run, and the parts after this one, see a database without this register
            households.deleteRegister(centre.id());
            quartiers.deleteAll(centre.id());
        }
        double copyRate = rows / BenchSupport.median(copy);
        double importRate = rows / BenchSupport.median(imports);
        out.printf("Import people.csv : %.0f personnes/s ; COPY brut : %.0f lignes/s ; ratio import/COPY = %.2f "
                        + "(COPY dans une table nue : sans index, contraintes ni déclencheurs)%n",
                importRate, copyRate, importRate / copyRate);
        out.printf("Import people.csv : %.3f s ; COPY des mêmes lignes finales dans des copies vides des tables : %.3f s ; "
                        + "ratio COPY schéma/import = %.2f (cible ≥ 0,50)%n",
                BenchSupport.median(imports), BenchSupport.median(schema),
                BenchSupport.median(schema) / BenchSupport.median(imports));
        out.printf("  copies : %s%n", carried);
        out.printf("  phases de l'import (médianes) : %s%n", phaseLine(phases));
    }

    /** Each phase's median seconds (the last, « commit et reste », what the phases leave of each run's total). */
    static String phaseLine(List<Map<String, Double>> runs) {
        StringBuilder line = new StringBuilder();
        for (String phase : runs.get(0).keySet()) {
            double median = BenchSupport.median(runs.stream().mapToDouble(r -> r.getOrDefault(phase, 0.0)).toArray());
            line.append(line.isEmpty() ? "" : " · ").append(String.format("%s %.3f s", phase, median));
        }
        return line.toString();
    }

    /** The baseline: the same text COPYed as is into one plain table, in a transaction rolled back afterwards. */
    private double rawCopySeconds(String csv) {
        List<String> header = List.of(csv.substring(0, csv.indexOf('\n')).split(";"));
        return tx.execute(status -> {
            jdbc.sql("create temp table bench_raw (" + String.join(" text, ", header) + " text) on commit drop").update();
            String body = csv.substring(csv.indexOf('\n') + 1);
            long t0 = System.nanoTime();
            PgCopy.copyCsv(dataSource, "bench_raw", header, body, ';');
            double seconds = (System.nanoTime() - t0) / 1e9;
            status.setRollbackOnly();
            return seconds;
        });
    }
}
