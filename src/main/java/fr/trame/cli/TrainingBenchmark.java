package fr.trame.cli;

import fr.trame.demo.DemoTraining;
import fr.trame.demo.DemoTrainingEvents;
import fr.trame.demo.DemoTrainingFunds;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationService;
import fr.trame.federation.StructureImporter;
import fr.trame.training.EventService;
import fr.trame.training.FundService;
import fr.trame.training.QualiopiEvidence;
import fr.trame.training.TrainingFigures;
import fr.trame.training.TrainingService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * {@code bench training}: a throw-away federation of seed 004's size (200 structures in two départements) with the
 * demonstration's training year (45 actions, about 98 structures, 324 people), its FOSFORA envelope and its events
 * (a race of 433 people, a congress of 900); then the p95 of the pages' main reads — the year's figures, the year's
 * sessions, the Qualiopi indicators, the envelope's allocations by structure, a race's figures — each against a
 * primary-key lookup of one structure.
 */
@Component
@Order(80)
class TrainingBenchmark implements Benchmark {

    @Override
    public String part() {
        return "training";
    }


    private static final int STRUCTURES = 200;
    private static final int RUNS = 100;

    private final FederationService federations;
    private final StructureImporter importer;
    private final DemoTraining demoTraining;
    private final DemoTrainingFunds demoFunds;
    private final DemoTrainingEvents demoEvents;
    private final TrainingService training;
    private final TrainingFigures figures;
    private final QualiopiEvidence qualiopi;
    private final FundService funds;
    private final EventService events;
    private final JdbcClient jdbc;

    TrainingBenchmark(FederationService federations, StructureImporter importer, DemoTraining demoTraining,
                      DemoTrainingFunds demoFunds, DemoTrainingEvents demoEvents, TrainingService training,
                      TrainingFigures figures, QualiopiEvidence qualiopi, FundService funds, EventService events,
                      JdbcClient jdbc) {
        this.federations = federations;
        this.importer = importer;
        this.demoTraining = demoTraining;
        this.demoFunds = demoFunds;
        this.demoEvents = demoEvents;
        this.training = training;
        this.figures = figures;
        this.qualiopi = qualiopi;
        this.funds = funds;
        this.events = events;
        this.jdbc = jdbc;
    }

    @Override
    public void run(PrintStream out) {
        LocalDate today = LocalDate.now();
        int year = today.getYear() - 1;
        Federation federation = federations.create("bench-formation-" + System.nanoTime() % 1_000_000, "Bench formation");
        long fed = federation.id();
        importer.importCsv(fed, BenchSupport.registry(STRUCTURES), today);
        Random random = new Random(16);
        long t0 = System.nanoTime();
        demoTraining.fill(fed, today, random);
        demoFunds.fill(fed, today, random);
        demoEvents.fill(fed, today, random);
        double fillSeconds = (System.nanoTime() - t0) / 1e9;
        jdbc.sql("analyze").update();

        List<TrainingService.Session> sessions = training.sessions(fed, year);
        long envelope = funds.envelopes(fed).get(0).id();
        long race = events.list(fed, year).stream().filter(e -> e.kind().equals("course")).findFirst().orElseThrow().id();
        TrainingFigures.Figures y = figures.year(fed, year);
        out.printf("Formation : %d structures, année %d écrite en %.1f s (%d sessions, %d actions tenues, %d structures formées, "
                        + "%d personnes)%n", STRUCTURES, year, fillSeconds, sessions.size(), y.held(), y.structures(),
                y.byQuality("salarie") + y.byQuality("benevole") + y.byQuality("administrateur"));

        List<Long> structureIds = jdbc.sql("select id from federation_structures where federation_id = ?").param(fed)
                .query(Long.class).list();
        double key = p95(() -> jdbc.sql("select id from federation_structures where federation_id = ? and id = ?")
                .params(fed, structureIds.get(random.nextInt(structureIds.size()))).query(Long.class).single());
        report(out, "chiffres de l'année (page Chiffres)", p95(() -> figures.year(fed, year).held()), key);
        report(out, "sessions de l'année (accueil Formation)", p95(() -> training.sessions(fed, year).size()), key);
        report(out, "indicateurs Qualiopi de l'année", p95(() ->
                qualiopi.indicators(fed, QualiopiEvidence.Period.year(year), today).size()), key);
        report(out, "FOSFORA, attributions par structure", p95(() -> funds.byStructure(fed, envelope, null).size()), key);
        report(out, "course solidaire, chiffres (433 inscrits)", p95(() ->
                events.figures(fed, race, EventService.Filter.ALL).persons()), key);
        out.printf("lecture d'une structure par clé : p95 %.2f ms%n", key);
    }

    private static void report(PrintStream out, String what, double p95, double key) {
        out.printf("%s : p95 %.1f ms, ratio %.0f%n", what, p95, p95 / key);
    }

    /** The 95th percentile in milliseconds of {@link #RUNS} calls, after a warm-up of 10. */
    private static double p95(LongSupplier call) {
        double[] times = new double[RUNS];
        for (int i = -10; i < RUNS; i++) {
            long start = System.nanoTime();
            call.getAsLong();
            if (i >= 0) {
                times[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return BenchSupport.percentile(times, 95);
    }
}
