package fr.trame.cli;

import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
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
import java.util.List;

/** {@code bench import}: people.csv at size M against a raw COPY of the same rows. */
@Component
@Order(10)
class ImportBenchmark implements Benchmark {

    private static final int RUNS = 3;

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
        double[] copy = new double[RUNS];
        double[] imports = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            copy[run] = rawCopySeconds(csv);
            Centre centre = centres.create("bench-import-" + run, "Bench import " + run);
            long t0 = System.nanoTime();
            importer.importCsv(centre.id(), new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
            imports[run] = (System.nanoTime() - t0) / 1e9;
            out.printf("  essai %d : COPY brut %.3f s, import Trame %.3f s%n", run + 1, copy[run], imports[run]);
            // the next run, and the parts after this one, see a database without this register
            households.deleteRegister(centre.id());
            quartiers.deleteAll(centre.id());
        }
        double copyRate = rows / BenchSupport.median(copy);
        double importRate = rows / BenchSupport.median(imports);
        out.printf("Import people.csv : %.0f personnes/s ; COPY brut : %.0f lignes/s ; ratio import/COPY = %.2f (cible ≥ 0,30)%n",
                importRate, copyRate, importRate / copyRate);
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
}
