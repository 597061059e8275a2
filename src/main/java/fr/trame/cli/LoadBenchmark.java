package fr.trame.cli;

import fr.trame.centre.Centre;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static fr.trame.cli.BenchSupport.percentile;

/**
 * {@code bench load [--staff N] [--seconds S] [--heap 512m] [--think-ms T]}: N simulated staff on the M demonstration
 * centre, the web application in its own JVM with a bounded heap on 127.0.0.1, for S seconds; throughput, p50/p95/p99
 * per page type against a trivial page of the same run, errors, and the heap the server used.
 */
@Component
@Order(100)
class LoadBenchmark implements Benchmark {

    static final int MAX_STAFF = 200;
    static final int MAX_SECONDS = 600;
    private static final Pattern HEAP = Pattern.compile("\\d+[mM]");

    private final BenchDemo demo;
    private final StaffLoad load;

    LoadBenchmark(BenchDemo demo, StaffLoad load) {
        this.demo = demo;
        this.load = load;
    }

    @Override
    public String part() {
        return "load";
    }

    @Override
    public void run(PrintStream out) {
        run(out, Arguments.parse(List.of()));
    }

    @Override
    public void run(PrintStream out, Arguments args) {
        int staff = bounded(args, "staff", StaffLoad.STAFF, 1, MAX_STAFF);
        // two minutes: a hundred dashboards, enough for their p95 to be more than the second worst
        int seconds = bounded(args, "seconds", 120, 10, MAX_SECONDS);
        int thinkMs = bounded(args, "think-ms", (int) StaffLoad.THINK.toMillis(), 100, 60_000);
        String heap = args.option("heap", StaffLoad.HEAP);
        if (!HEAP.matcher(heap).matches() || Integer.parseInt(heap.substring(0, heap.length() - 1)) > 512
                || Integer.parseInt(heap.substring(0, heap.length() - 1)) < 64) {
            throw new UsageException("--heap : de 64m à 512m (« " + heap + " »).");
        }
        if (LoadServer.ownJar() == null) {
            throw new UsageException("bench load démarre le serveur depuis le jar : lancez java -jar trame.jar bench load.");
        }
        Centre centre = demo.centreM();
        Duration warmUp = Duration.ofSeconds(Math.min(15, seconds / 4));
        out.printf("Charge : %d personnels simulés sur le centre M (%s), %d s mesurées après %d s de mise en route, "
                        + "réflexion de %.1f à %.1f s entre deux requêtes ; serveur à part, -Xmx%s, sur 127.0.0.1%n",
                staff, centre.code(), seconds, warmUp.toSeconds(), thinkMs * 0.5 / 1000, thinkMs * 1.5 / 1000, heap);
        LoadGenerator.Report report;
        LoadServer.Heap used;
        LoadServer.Cpu cpu;
        List<String> serverErrors;
        try (StaffLoad.Running running = load.start(centre, staff, heap, Duration.ofMillis(thinkMs), warmUp)) {
            Thread.sleep(warmUp.toMillis());
            LoadServer.Cpu before = running.server().cpu();
            Thread.sleep(seconds * 1000L);
            running.stopStaff();
            cpu = running.server().cpu().minus(before);
            report = running.report();
            used = running.server().heapUsed();
            serverErrors = running.server().logErrors();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Charge interrompue", e);
        } catch (IOException e) {
            throw new IllegalStateException("Journal du serveur illisible : " + e.getMessage(), e);
        }
        print(out, report, staff);
        long requests = Math.max(1, report.requests());
        out.printf("CPU pendant la mesure : serveur %.1f s, PostgreSQL %.1f s, soit %.1f ms de serveur et %.1f ms de base "
                        + "par requête ; %.2f cœur occupé en moyenne sur les 2 (sans la charge des autres processus)%n",
                cpu.server().toMillis() / 1000.0, cpu.database().toMillis() / 1000.0,
                (double) cpu.server().toMillis() / requests, (double) cpu.database().toMillis() / requests,
                (cpu.server().toMillis() + cpu.database().toMillis()) / 1000.0 / report.seconds());
        out.printf("Tas du serveur : -Xmx%s ; au plus %d Mo occupés avant une collecte, au plus %d Mo encore occupés après "
                        + "(%d collectes, dont %d complètes) (cible : tient en 512 Mo, 0 erreur)%n",
                heap, used.maxUsedMb(), used.maxAfterGcMb(), used.collections(), used.fullCollections());
        serverErrors.forEach(line -> out.println("  journal du serveur : " + line));
        out.println("Charge de la machine (loadavg) : " + StaffLoad.loadAverage());
    }

    static void print(PrintStream out, LoadGenerator.Report report, int staff) {
        out.printf("Débit : %.1f requêtes/s (%,d requêtes en %.0f s, %d personnels)%n",
                report.perSecond(), report.requests(), report.seconds(), staff);
        double[] baseline = report.millis().get(LoadGenerator.Page.BASELINE);
        double baseP95 = baseline.length == 0 ? Double.NaN : percentile(baseline, 95);
        for (LoadGenerator.Page page : LoadGenerator.Page.values()) {
            double[] ms = report.millis().get(page);
            if (ms.length == 0) {
                out.printf("  %-26s : aucune requête%n", page.label);
                continue;
            }
            double p95 = percentile(ms, 95);
            out.printf("  %-26s : %,6d requêtes, p50 %6.1f ms, p95 %6.1f ms, p99 %6.1f ms ; témoin p95 %.1f ms, ratio %.1f "
                            + "(cible p95 ≤ 100 ms)%n",
                    page.label, ms.length, percentile(ms, 50), p95, percentile(ms, 99), baseP95, p95 / baseP95);
        }
        out.printf("Erreurs : %d (cible 0)%n", report.errors());
        report.firstErrors().forEach(e -> out.println("  " + e));
    }

    private static int bounded(Arguments args, String name, int otherwise, int min, int max) {
        String value = args.option(name, String.valueOf(otherwise));
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw new UsageException("--" + name + " : un nombre de " + min + " à " + max + " (« " + value + " »).");
    }
}
