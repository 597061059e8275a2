package fr.trame.cli;

import fr.trame.activities.ActivityImporter;
import fr.trame.activities.SessionService;
import fr.trame.association.SocialProjectService;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.attendance.AttendanceService;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.csv.PgCopy;
import fr.trame.demo.DemoData;
import fr.trame.demo.DemoService;
import fr.trame.people.HouseholdService;
import fr.trame.people.PeopleImporter;
import fr.trame.people.RegisterSearch;
import fr.trame.reception.ContactService;
import fr.trame.reporting.AnnualReportService;
import fr.trame.reporting.IndicatorService;
import fr.trame.reporting.ReportRenderer;
import fr.trame.territory.QuartierService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code bench [import] [search] [attendance] [reception] [indicators] [catalogue] [federation]}: import of the M people.csv and
 * attendance.csv against a raw COPY of the same rows, household search latency at 12,000 and 60,000 persons, saving a
 * 200-person attendance sheet, and the reception counter view and person search over three years of M contacts,
 * against a primary-key lookup; the whole indicator set, the projet social's figures and the PDF report against one
 * scan of a year's attendance; the federation's registry and renewal calendar at 2,000 structures against a
 * primary-key lookup. Each figure is a ratio to a baseline of the same run.
 */
@Component
class Benchmarks {

    private static final int RUNS = 3;
    private static final int SEARCHES = 300;

    private final CentreService centres;
    private final PeopleImporter importer;
    private final RegisterSearch search;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final ActivityImporter activityImporter;
    private final AttendanceImporter attendanceImporter;
    private final SessionService sessions;
    private final AttendanceService attendanceService;
    private final DemoService demo;
    private final ContactService contacts;
    private final IndicatorService indicatorService;
    private final AnnualReportService annualReports;
    private final ReportRenderer reportRenderer;
    private final CatalogueBenchmark catalogueBenchmark;
    private final FederationBenchmark federationBenchmark;
    private final TrainingBenchmark trainingBenchmark;
    private final SocialProjectService projects;
    private final HouseholdService households;
    private final QuartierService quartiers;

    public Benchmarks(CentreService centres, PeopleImporter importer, RegisterSearch search, JdbcClient jdbc,
                      DataSource dataSource, TransactionTemplate tx, ActivityImporter activityImporter,
                      AttendanceImporter attendanceImporter, SessionService sessions, AttendanceService attendanceService,
                      DemoService demo, ContactService contacts,
                      IndicatorService indicatorService,
                      AnnualReportService annualReports, ReportRenderer reportRenderer,
                      CatalogueBenchmark catalogueBenchmark, SocialProjectService projects,
                      HouseholdService households, QuartierService quartiers, FederationBenchmark federationBenchmark,
                      TrainingBenchmark trainingBenchmark) {
        this.federationBenchmark = federationBenchmark;
        this.trainingBenchmark = trainingBenchmark;
        this.households = households;
        this.quartiers = quartiers;
        this.catalogueBenchmark = catalogueBenchmark;
        this.projects = projects;
        this.indicatorService = indicatorService;
        this.annualReports = annualReports;
        this.reportRenderer = reportRenderer;
        this.demo = demo;
        this.contacts = contacts;
        this.activityImporter = activityImporter;
        this.attendanceImporter = attendanceImporter;
        this.sessions = sessions;
        this.attendanceService = attendanceService;
        this.centres = centres;
        this.importer = importer;
        this.search = search;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
    }

    public void run(PrintStream out, Set<String> parts) {
        if (parts.contains("import") || parts.contains("search")) {
            people(out, parts);
        }
        if (parts.contains("attendance")) {
            attendance(out);
        }
        if (parts.contains("reception")) {
            reception(out);
        }
        if (parts.contains("indicators")) {
            indicators(out);
        }
        if (parts.contains("catalogue")) {
            catalogueBenchmark.run(out);
        }
        if (parts.contains("federation")) {
            federationBenchmark.run(out);
        }
        if (parts.contains("training")) {
            trainingBenchmark.run(out);
        }
    }

    private Centre demoM;

    /** The M demonstration centre, generated once per run for the parts that need it. */
    private Centre demoM() {
        if (demoM == null) {
            demoM = demo.generate(DemoData.Size.M);
            jdbc.sql("analyze").update();
        }
        return demoM;
    }

    /** The whole indicator set over the last twelve months of the M centre, against one scan of its attendance. */
    private void indicators(PrintStream out) {
        Centre centre = demoM();
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
        int bytes = 0;
        for (int run = 0; run < RUNS; run++) {
            long t0 = System.nanoTime();
            bytes = reportRenderer.pdf(annualReports.build(centre, year)).length;
            pdf[run] = (System.nanoTime() - t0) / 1e6;
        }
        out.printf("Rapport annuel %d en PDF (%,d octets) : %.0f ms ; ratio au balayage = %.1f (cible ≤ 10)%n",
                year, bytes, median(pdf), median(pdf) / median(scan));
    }

    /** The counter view and person search on the M demonstration centre, which holds three years of contacts. */
    private void reception(PrintStream out) {
        Centre centre = demoM();
        long contactsCount = jdbc.sql("select count(*) from reception_contacts where centre_id = ?").param(centre.id())
                .query(Long.class).single();
        List<LocalDate> days = jdbc.sql("select distinct date from reception_contacts where centre_id = ? order by date desc limit 60")
                .param(centre.id()).query(LocalDate.class).list();
        List<String> names = jdbc.sql("select last_name from people_persons where centre_id = ? order by random() limit 300")
                .param(centre.id()).query(String.class).list();
        Random random = new Random(9);
        double[] counterMs = new double[SEARCHES];
        double[] searchMs = new double[SEARCHES];
        double[] lookupMs = new double[SEARCHES];
        for (int i = -30; i < SEARCHES; i++) {
            long t0 = System.nanoTime();
            contacts.on(centre.id(), days.get(Math.floorMod(i, days.size())));
            long t1 = System.nanoTime();
            search.persons(centre.id(), misspell(names.get(Math.floorMod(i, names.size())), random), 8);
            long t2 = System.nanoTime();
            jdbc.sql("select id, date from reception_contacts where centre_id = ? and id = ?").params(centre.id(), (long) (i + 31))
                    .query().listOfRows();
            long t3 = System.nanoTime();
            if (i >= 0) {
                counterMs[i] = (t1 - t0) / 1e6;
                searchMs[i] = (t2 - t1) / 1e6;
                lookupMs[i] = (t3 - t2) / 1e6;
            }
        }
        double lookup95 = percentile(lookupMs, 95);
        out.printf("Accueil, %,d contacts sur 3 ans (taille M) : vue du jour p50 %.1f ms, p95 %.1f ms ; "
                        + "recherche de personne p50 %.1f ms, p95 %.1f ms (cible ≤ 20 ms) ; "
                        + "lecture par clé p95 %.2f ms (ratios %.1f et %.1f)%n",
                contactsCount, percentile(counterMs, 50), percentile(counterMs, 95), percentile(searchMs, 50),
                percentile(searchMs, 95), lookup95, percentile(counterMs, 95) / lookup95, percentile(searchMs, 95) / lookup95);
    }

    /**
     * attendance.csv at size M (600,000 rows: 150 activities, 15,000 sessions of 40 persons) against a raw COPY of the
     * same rows, then saving a whole 200-person sheet.
     */
    private void attendance(PrintStream out) {
        Centre centre = centres.create("bench-presences", "Bench présences");
        importer.importCsv(centre.id(), new ByteArrayInputStream(new DemoData(11, LocalDate.now())
                .peopleCsv(DemoData.Size.M).getBytes(StandardCharsets.UTF_8)));
        StringBuilder activitiesCsv = new StringBuilder("activity_ref;name;sector;kind\n");
        for (int a = 1; a <= 150; a++) {
            activitiesCsv.append("A").append(a).append(";Atelier ").append(a).append(";Secteur ").append(a % 9).append(";atelier\n");
        }
        activityImporter.importCsv(centre.id(), new ByteArrayInputStream(activitiesCsv.toString().getBytes(StandardCharsets.UTF_8)));
        List<String> personRefs = jdbc.sql("select ref from people_persons where centre_id = ? order by id").param(centre.id())
                .query(String.class).list();
        StringBuilder csv = new StringBuilder(40_000_000).append("activity_ref;date;start;end;person_ref;status\n");
        Random random = new Random(3);
        String[] statuses = {"present", "present", "present", "present", "present", "present", "absent", "excuse"};
        LocalDate first = LocalDate.now().minusYears(1);
        int rows = 0;
        for (int a = 1; a <= 150; a++) {
            int offset = random.nextInt(personRefs.size() - 40);
            for (int week = 0; week < 100; week++) {
                String date = first.plusDays(week * 3L + a % 3).toString();
                for (int p = 0; p < 40; p++) {
                    csv.append('A').append(a).append(';').append(date).append(";14:00;16:00;")
                            .append(personRefs.get(offset + p)).append(';').append(statuses[random.nextInt(statuses.length)]).append('\n');
                    rows++;
                }
            }
        }
        String file = csv.toString();
        out.printf("attendance.csv taille M : %,d lignes%n", rows);
        double copySeconds = tx.execute(status -> {
            jdbc.sql("create temp table bench_raw_attendance (activity_ref text, date text, start_time text, end_time text, "
                    + "person_ref text, status text) on commit drop").update();
            long t0 = System.nanoTime();
            PgCopy.copyCsv(dataSource, "bench_raw_attendance", List.of("activity_ref", "date", "start_time", "end_time",
                    "person_ref", "status"), file.substring(file.indexOf('\n') + 1).replace(';', ','));
            double seconds = (System.nanoTime() - t0) / 1e9;
            status.setRollbackOnly();
            return seconds;
        });
        long t0 = System.nanoTime();
        attendanceImporter.importCsv(centre.id(), new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        out.printf("Import attendance.csv : %.1f s, %,.0f lignes/s ; COPY brut %.2f s, %,.0f lignes/s ; "
                        + "ratio import/COPY = %.2f (cible ≥ 0,30)%n",
                importSeconds, rows / importSeconds, copySeconds, rows / copySeconds, copySeconds / importSeconds);

        // a 200-person sheet: every save changes every status, so each one writes 200 rows
        long activity = jdbc.sql("select id from activities_activities where centre_id = ? and ref = 'A1'").param(centre.id())
                .query(Long.class).single();
        long session = sessions.addOneOff(centre.id(), activity, LocalDate.now(), LocalTime.of(9, 0), LocalTime.of(12, 0));
        List<Long> persons = jdbc.sql("select id from people_persons where centre_id = ? order by id limit 200").param(centre.id())
                .query(Long.class).list();
        double[] saveMs = new double[200];
        double[] lookupMs = new double[200];
        for (int i = -20; i < 200; i++) {
            Map<Long, String> sheet = new HashMap<>();
            for (int p = 0; p < persons.size(); p++) {
                sheet.put(persons.get(p), (i + p) % 2 == 0 ? "present" : "absent");
            }
            long s0 = System.nanoTime();
            attendanceService.save(centre.id(), session, sheet);
            long s1 = System.nanoTime();
            jdbc.sql("select status from attendance_marks where centre_id = ? and session_id = ? and person_id = ?")
                    .params(centre.id(), session, persons.get(0)).query().listOfRows();
            long s2 = System.nanoTime();
            if (i >= 0) {
                saveMs[i] = (s1 - s0) / 1e6;
                lookupMs[i] = (s2 - s1) / 1e6;
            }
        }
        out.printf("Enregistrement d'une feuille de 200 personnes : p50 %.1f ms, p95 %.1f ms (cible ≤ 50 ms) ; "
                        + "lecture par clé p95 %.2f ms%n",
                percentile(saveMs, 50), percentile(saveMs, 95), percentile(lookupMs, 95));
    }

    private void people(PrintStream out, Set<String> parts) {
        String csv = new DemoData(7, LocalDate.now()).peopleCsv(DemoData.Size.M);
        int rows = (int) csv.lines().count() - 1;
        out.printf("Trame bench — people.csv taille M : %d personnes%n", rows);

        int runs = parts.contains("import") ? RUNS : 1;
        double[] copy = new double[runs];
        double[] imports = new double[runs];
        Centre first = null;
        List<Long> importCentres = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            copy[run] = rawCopySeconds(csv);
            Centre centre = centres.create("bench-import-" + run, "Bench import " + run);
            importCentres.add(centre.id());
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
        // each search runs on a database holding exactly that many persons: the other runs' rows are removed first
        for (long other : importCentres.subList(1, importCentres.size())) {
            dropRegister(other);
        }
        jdbc.sql("vacuum analyze").update();
        searchLatency(out, first, 12_000);
        dropRegister(first.id());
        Centre big = centres.create("bench-60k", "Bench 60 000 personnes");
        for (int part = 0; part < 5; part++) {
            String partCsv = new DemoData(100 + part, LocalDate.now()).peopleCsv(5_000, 12_000, "B" + part + "-");
            importer.importCsv(big.id(), new ByteArrayInputStream(partCsv.getBytes(StandardCharsets.UTF_8)));
        }
        jdbc.sql("vacuum analyze").update();
        searchLatency(out, big, 60_000);
    }

    /** Removes a bench centre's register, so that the next measure sees only its own persons. */
    private void dropRegister(long centreId) {
        households.deleteRegister(centreId);
        quartiers.deleteAll(centreId);
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
        List<String> names = jdbc.sql("select last_name from people_persons where centre_id = ? order by random() limit 500")
                .param(centre.id()).query(String.class).list();
        List<Long> ids = jdbc.sql("select id from people_households where centre_id = ? limit 500").param(centre.id())
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
            jdbc.sql("select id, ref from people_households where centre_id = ? and id = ?")
                    .params(centre.id(), ids.get(i % ids.size())).query().listOfRows();
            lookupMs[i] = (System.nanoTime() - t1) / 1e6;
        }
        double p95 = percentile(searchMs, 95);
        double lookup95 = percentile(lookupMs, 95);
        out.printf("Recherche de foyer à %,d personnes : p50 %.1f ms, p95 %.1f ms (cible ≤ 20 ms) ; "
                        + "lecture par clé p95 %.2f ms ; ratio p95 recherche/clé = %.1f%n",
                persons, percentile(searchMs, 50), p95, lookup95, p95 / lookup95);
    }

    /** A registry of {@code structures} centres sociaux in 13 ATs of the Nord and the Pas-de-Calais, as structures.csv. */
    static ByteArrayInputStream registry(int structures) {
        StringBuilder csv = new StringBuilder("structure_ref;name;kind;status;departement;territory;commune;membership;"
                + "membership_date\n");
        for (int i = 1; i <= structures; i++) {
            csv.append('S').append(i).append(";Centre social ").append(i).append(";cs;associatif;")
                    .append(i % 7 == 0 ? "62" : "59").append(";AT ").append(1 + i % 13).append(";Commune ").append(i)
                    .append(";adherent;2001-01-01\n");
        }
        return new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String misspell(String name, Random random) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD)
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

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
