package fr.trame.cli;

import fr.trame.federation.Federation;
import fr.trame.federation.FederationService;
import fr.trame.federation.StructureImporter;
import fr.trame.senacs.Question;
import fr.trame.senacs.SenacsCampaigns;
import fr.trame.senacs.SenacsRollup;
import fr.trame.senacs.SenacsStructureRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * {@code bench senacs}: a throw-away federation of 200 structures in two départements and 13 ATs, each with a
 * submitted return for two years (every question answered); then the p50 and p95 of the federation's roll-up (the
 * network, by département, by AT) against one plain scan of the same answers.
 */
@Component
@Order(90)
class SenacsBenchmark implements Benchmark {

    @Override
    public String part() {
        return "senacs";
    }


    private static final int STRUCTURES = 200;
    private static final int RUNS = 50;

    private final FederationService federations;
    private final StructureImporter importer;
    private final SenacsCampaigns campaigns;
    private final SenacsStructureRows rows;
    private final SenacsRollup rollup;
    private final JdbcClient jdbc;

    SenacsBenchmark(FederationService federations, StructureImporter importer, SenacsCampaigns campaigns,
                    SenacsStructureRows rows, SenacsRollup rollup, JdbcClient jdbc) {
        this.federations = federations;
        this.importer = importer;
        this.campaigns = campaigns;
        this.rows = rows;
        this.rollup = rollup;
        this.jdbc = jdbc;
    }

    @Override
    public void run(PrintStream out) {
        LocalDate today = LocalDate.now();
        int year = today.getYear() - 1;
        Federation federation = federations.create("bench-senacs-" + System.nanoTime() % 1_000_000, "Bench SENACS");
        long fed = federation.id();
        importer.importCsv(fed, BenchSupport.registry(STRUCTURES), today);
        List<Long> ids = jdbc.sql("select id from federation_structures where federation_id = ? order by id").param(fed)
                .query(Long.class).list();
        Random random = new Random(17);
        long t0 = System.nanoTime();
        for (int y = year - 1; y <= year; y++) {
            List<Question> questions = campaigns.forYear(y).questions();
            for (long id : ids) {
                rows.write(fed, id, y, "soumis", answers(questions, random));
            }
        }
        double fillSeconds = (System.nanoTime() - t0) / 1e9;
        jdbc.sql("analyze").update();
        long answers = rows.count(fed);
        out.printf("SENACS : %d structures, 2 années de questionnaires soumis écrites en %.1f s (%d réponses)%n",
                STRUCTURES, fillSeconds, answers);

        double[] scan = times(() -> rollup.scan(fed, year));
        report(out, "agrégats du réseau", times(() -> rollup.federation(fed, year).groups().size()), scan);
        report(out, "agrégats par département", times(() -> rollup.byDepartement(fed, year).groups().size()), scan);
        report(out, "agrégats par AT", times(() -> rollup.byTerritory(fed, year).groups().size()), scan);
        out.printf("parcours simple des réponses de l'année : p50 %.1f ms, p95 %.1f ms%n",
                BenchSupport.percentile(scan, 50), BenchSupport.percentile(scan, 95));
    }

    /** Every question answered, as AnswerFormat writes values. */
    private static Map<String, String> answers(List<Question> questions, Random random) {
        Map<String, String> values = new HashMap<>();
        for (Question q : questions) {
            values.put(q.code(), switch (q.type()) {
                case OUI_NON -> random.nextBoolean() ? "oui" : "non";
                case CHOIX -> q.choices().get(random.nextInt(q.choices().size()));
                case DATE -> "2027-12-31";
                case TEXTE -> "Texte";
                case ENTIER -> Integer.toString(random.nextInt(500));
                case DECIMAL -> random.nextInt(40) + "." + (10 + random.nextInt(90));
                case MONTANT -> random.nextInt(500_000) + ".00";
            });
        }
        return values;
    }

    private static void report(PrintStream out, String what, double[] times, double[] scan) {
        double p50 = BenchSupport.percentile(times, 50);
        out.printf("%s : p50 %.1f ms, p95 %.1f ms, ratio au parcours simple %.1f%n", what, p50,
                BenchSupport.percentile(times, 95), p50 / BenchSupport.percentile(scan, 50));
    }

    /** The times in milliseconds of {@link #RUNS} calls, after a warm-up of 5. */
    private static double[] times(LongSupplier call) {
        double[] times = new double[RUNS];
        for (int i = -5; i < RUNS; i++) {
            long start = System.nanoTime();
            call.getAsLong();
            if (i >= 0) {
                times[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return times;
    }
}
