package fr.trame.cli;

import fr.trame.catalogue.CatalogueMaintenance;
import fr.trame.catalogue.CatalogueSearch;
import fr.trame.catalogue.CatalogueSearch.Criteria;
import fr.trame.catalogue.CatalogueSearch.Facet;
import fr.trame.catalogue.CatalogueService;
import fr.trame.csv.PgCopy;
import fr.trame.demo.DemoCatalogue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bench catalogue}: importing 50,000 generated actions against a raw COPY of the same rows, then the search
 * page's server time (words, facets, both) against a primary-key lookup of one action.
 */
@Component
@Order(60)
class CatalogueBenchmark implements Benchmark {

    @Override
    public String part() {
        return "catalogue";
    }


    static final int ACTIONS = 50_000;
    private static final int SEARCHES = 300;
    private static final List<String> WORDS = List.of("scolarité", "scolarite", "jardin partagé", "l’aide aux devoirs",
            "l'aide aux devoirs", "parentalite", "seniors isolés", "fête de quartier", "numerique", "bailleur",
            "épicerie solidaire", "vacances famille", "ludotheque", "apprendre le français", "\"café des parents\"");

    private final CatalogueService catalogue;
    private final CatalogueSearch search;
    private final CatalogueMaintenance maintenance;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;

    CatalogueBenchmark(CatalogueService catalogue, CatalogueSearch search, CatalogueMaintenance maintenance, JdbcClient jdbc,
                       DataSource dataSource, TransactionTemplate tx) {
        this.maintenance = maintenance;
        this.catalogue = catalogue;
        this.search = search;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
    }

    @Override
    public void run(PrintStream out) {
        String file = DemoCatalogue.file(ACTIONS, 11);
        out.printf("Trame bench — catalogue : %,d actions générées (%,d Mo de texte)%n", ACTIONS, file.length() / 1_000_000);
        maintenance.deleteAll();
        long t0 = System.nanoTime();
        CatalogueService.Report report = catalogue.importText(file);
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        maintenance.vacuumAnalyze();
        double copySeconds = rawCopySeconds(catalogue.exportCsv());
        out.printf("Import du catalogue : %d fiches enregistrées en %.2f s, %.0f fiches/s ; COPY brut des mêmes lignes %.2f s, "
                        + "%.0f lignes/s ; ratio import/COPY = %.2f%n", report.stored(), importSeconds, report.stored() / importSeconds,
                copySeconds, ACTIONS / copySeconds, copySeconds / importSeconds);

        List<Long> ids = jdbc.sql("select id from catalogue_action_titles order by random() limit 500").query(Long.class).list();
        List<Criteria> asked = criteria();
        for (int i = 0; i < 50; i++) { // warm-up
            search.search(0, asked.get(i % asked.size()));
        }
        double[] searchMs = new double[SEARCHES];
        List<Double> wordsMs = new ArrayList<>();
        double[] lookupMs = new double[SEARCHES];
        long found = 0;
        for (int i = 0; i < SEARCHES; i++) {
            long s0 = System.nanoTime();
            found += search.search(0, asked.get(i % asked.size())).total();
            searchMs[i] = (System.nanoTime() - s0) / 1e6;
            if (!asked.get(i % asked.size()).text().contains("\"")) {
                wordsMs.add(searchMs[i]);
            }
            long l0 = System.nanoTime();
            jdbc.sql("select id, title from catalogue_action_titles where id = ?").param(ids.get(i % ids.size())).query().listOfRows();
            lookupMs[i] = (System.nanoTime() - l0) / 1e6;
        }
        double p95 = BenchSupport.percentile(searchMs, 95);
        double lookup95 = BenchSupport.percentile(lookupMs, 95);
        out.printf("Recherche dans %,d actions (mots, facettes, page et comptes des 9 facettes ; %,d actions trouvées en moyenne) : "
                        + "p50 %.1f ms, p95 %.1f ms (cible ≤ 20 ms) ; lecture par clé p95 %.2f ms ; ratio p95 recherche/clé = %.1f%n",
                ACTIONS, found / SEARCHES, BenchSupport.percentile(searchMs, 50), p95, lookup95, p95 / lookup95);
        double wordsP95 = BenchSupport.percentile(wordsMs.stream().mapToDouble(Double::doubleValue).toArray(), 95);
        out.printf("  sans les expressions entre guillemets (relues dans les documents) : p95 %.1f ms ; ratio p95/clé = %.1f%n",
                wordsP95, wordsP95 / lookup95);

        double[] landingMs = new double[50];
        Criteria everything = new Criteria("", Map.of(), false, 1);
        for (int i = 0; i < landingMs.length; i++) {
            long s0 = System.nanoTime();
            search.search(0, everything);
            landingMs[i] = (System.nanoTime() - s0) / 1e6;
        }
        out.printf("Page d'entrée du catalogue (tout, 9 facettes sur %,d actions) : p50 %.1f ms, p95 %.1f ms%n", ACTIONS,
                BenchSupport.percentile(landingMs, 50), BenchSupport.percentile(landingMs, 95));
    }

    /** Words as people type them, alone, with a facet, and facets alone. */
    private static List<Criteria> criteria() {
        List<Criteria> asked = new ArrayList<>();
        List<Map<Facet, List<String>>> facets = List.of(Map.of(), Map.of(Facet.DIMENSION, List.of("Citoyenneté")),
                Map.of(Facet.MOT_CLE, List.of("Parentalité")), Map.of(Facet.DEPARTEMENT, List.of("Gironde")),
                Map.of(Facet.PUBLIC, List.of("Seniors"), Facet.STATUT, List.of("En cours")));
        for (int i = 0; i < WORDS.size() * facets.size(); i++) {
            asked.add(new Criteria(WORDS.get(i % WORDS.size()), facets.get(i % facets.size()), false, 1 + i % 3));
        }
        facets.subList(1, facets.size()).forEach(f -> asked.add(new Criteria("", f, false, 1)));
        return asked;
    }

    /** The baseline: the same actions, as the CSV export gives them, COPYed into a plain table (rolled back). */
    private double rawCopySeconds(String csv) {
        return tx.execute(status -> {
            List<String> columns = List.of(csv.substring(0, csv.indexOf('\n')).split(";"));
            jdbc.sql("create temp table bench_catalogue (" + String.join(" text, ", columns) + " text) on commit drop").update();
            long t0 = System.nanoTime();
            PgCopy.copyCsv(dataSource, "bench_catalogue", columns, csv.substring(csv.indexOf('\n') + 1), ';');
            double seconds = (System.nanoTime() - t0) / 1e9;
            status.setRollbackOnly();
            return seconds;
        });
    }
}
