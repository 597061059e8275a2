package fr.trame.cli;

import fr.trame.association.SocialProjectService;
import fr.trame.centre.Centre;
import fr.trame.reporting.AnnualReportService;
import fr.trame.reporting.IndicatorService;
import fr.trame.reporting.ReportRenderer;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.LocalDate;

import static fr.trame.cli.BenchSupport.median;

/** {@code bench indicators}: the whole indicator set, the projet social's figures and the PDF report of the M demo centre,
 * against one scan of a year's attendance. */
@Component
@Order(50)
class IndicatorsBenchmark implements Benchmark {

    private final BenchDemo demo;
    private final JdbcClient jdbc;
    private final IndicatorService indicatorService;
    private final SocialProjectService projects;
    private final AnnualReportService annualReports;
    private final ReportRenderer reportRenderer;

    IndicatorsBenchmark(BenchDemo demo, JdbcClient jdbc, IndicatorService indicatorService,
                        SocialProjectService projects, AnnualReportService annualReports,
                        ReportRenderer reportRenderer) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.indicatorService = indicatorService;
        this.projects = projects;
        this.annualReports = annualReports;
        this.reportRenderer = reportRenderer;
    }

    @Override
    public String part() {
        return "indicators";
    }

    private static final int RUNS = 3;

    /** The whole indicator set over the last twelve months of the M centre, against one scan of its attendance. */
    @Override
    public void run(PrintStream out) {
        Centre centre = demo.centreM();
        LocalDate to = LocalDate.now();
        LocalDate from = to.minusYears(1).plusDays(1);
        double[] scan = new double[RUNS];
        double[] full = new double[RUNS];
        indicatorService.compute(centre.id(), centre.code(), from, to); // warm-up
        for (int run = 0; run < RUNS; run++) {
            long t0 = System.nanoTime();
            // both values are read, so PostgreSQL cannot skip the distinct count
            jdbc.sql("""
                    select count(*) as presences, count(distinct at.person_id) as persons
                    from attendance_marks at join activities_sessions se on se.centre_id = at.centre_id and se.id = at.session_id
                    where at.centre_id = ? and se.date between ? and ?""").params(centre.id(), from, to)
                    .query().singleRow();
            scan[run] = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            indicatorService.compute(centre.id(), centre.code(), from, to);
            full[run] = (System.nanoTime() - t1) / 1e6;
        }
        long attendanceRows = jdbc.sql("""
                select count(*) from attendance_marks at
                join activities_sessions se on se.centre_id = at.centre_id and se.id = at.session_id
                where at.centre_id = ? and se.date between ? and ?""").params(centre.id(), from, to).query(Long.class).single();
        out.printf("Indicateurs sur 12 mois (taille M, %,d présences) : %.0f ms ; balayage des présences %.0f ms ; "
                        + "ratio = %.1f (cible ≤ 3)%n",
                attendanceRows, median(full), median(scan), median(full) / median(scan));

        // the projet social page's figures: every objective's indicators of the calendar year, in one engine run
        int projectYear = to.getYear();
        projects.current(centre.id(), projectYear).ifPresent(project -> {
            double[] page = new double[RUNS];
            int objectives = 0;
            for (int run = 0; run < RUNS; run++) {
                long t0 = System.nanoTime();
                objectives = projects.axes(centre.id(), project.id(), projectYear).stream().mapToInt(a -> a.objectives().size()).sum();
                page[run] = (System.nanoTime() - t0) / 1e6;
            }
            out.printf("Projet social %d (%d objectifs, leurs indicateurs) : %.0f ms ; ratio au balayage = %.1f%n",
                    projectYear, objectives, median(page), median(page) / median(scan));
        });

        // the PDF annual report of the calendar year: two indicator sets (N and N-1), charts, layout
        int year = to.getYear();
        double[] pdf = new double[RUNS];
        double[] built = new double[RUNS];
        int bytes = 0;
        for (int run = 0; run < RUNS; run++) {
            long t0 = System.nanoTime();
            AnnualReportService.Report report = annualReports.build(centre, year, true);
            built[run] = (System.nanoTime() - t0) / 1e6;
            bytes = reportRenderer.pdf(report).length;
            pdf[run] = (System.nanoTime() - t0) / 1e6;
        }
        out.printf("Rapport annuel %d en PDF (%,d octets) : %.0f ms, dont ses chiffres %.0f ms ; ratio au balayage = %.1f"
                + " (cible ≤ 10)%n", year, bytes, median(pdf), median(built), median(pdf) / median(scan));
    }

}
