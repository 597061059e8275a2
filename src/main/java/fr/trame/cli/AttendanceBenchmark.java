package fr.trame.cli;

import fr.trame.activities.ActivityImporter;
import fr.trame.activities.SessionService;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.attendance.AttendanceService;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.csv.ImportPhases;
import fr.trame.csv.PgCopy;
import fr.trame.demo.DemoData;
import fr.trame.people.PeopleImporter;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static fr.trame.cli.BenchSupport.percentile;

/**
 * {@code bench attendance}: attendance.csv at size M against a raw COPY of the same rows and against the limit of our
 * schema (its final rows COPYed into empty copies of the tables), with the import's phases; then saving a 200-person sheet.
 */
@Component
@Order(30)
class AttendanceBenchmark implements Benchmark {

    private final CentreService centres;
    private final PeopleImporter importer;
    private final ActivityImporter activityImporter;
    private final AttendanceImporter attendanceImporter;
    private final SessionService sessions;
    private final AttendanceService attendanceService;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;

    AttendanceBenchmark(CentreService centres, PeopleImporter importer, ActivityImporter activityImporter,
                        AttendanceImporter attendanceImporter, SessionService sessions,
                        AttendanceService attendanceService, JdbcClient jdbc, DataSource dataSource,
                        TransactionTemplate tx) {
        this.centres = centres;
        this.importer = importer;
        this.activityImporter = activityImporter;
        this.attendanceImporter = attendanceImporter;
        this.sessions = sessions;
        this.attendanceService = attendanceService;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
    }

    static Map<String, Double> withRest(ImportPhases phases, double total) {
        Map<String, Double> seconds = new LinkedHashMap<>(phases.seconds());
        seconds.put("commit et reste", total - seconds.values().stream().mapToDouble(Double::doubleValue).sum());
        return seconds;
    }

    @Override
    public String part() {
        return "attendance";
    }

    /**
     * attendance.csv at size M (600,000 rows: 150 activities, 15,000 sessions of 40 persons) against a raw COPY of the
     * same rows, then saving a whole 200-person sheet.
     */
    @Override
    public void run(PrintStream out) {
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
        ImportPhases phases = ImportPhases.recording();
        long t0 = System.nanoTime();
        attendanceImporter.importCsv(centre.id(), new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), phases);
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        out.printf("Import attendance.csv : %.1f s, %,.0f lignes/s ; COPY brut %.2f s, %,.0f lignes/s ; "
                        + "ratio import/COPY = %.2f (COPY dans une table nue : sans index, contraintes ni déclencheurs)%n",
                importSeconds, rows / importSeconds, copySeconds, rows / copySeconds, copySeconds / importSeconds);
        // the limit of our schema: the sessions and marks this import wrote, COPYed into empty copies of their tables
        SchemaCopy.Result schema = new SchemaCopy(jdbc, dataSource, tx).measure(centre.id(),
                List.of("sessions", "attendance", "headcounts"));
        out.printf("Import attendance.csv : %.1f s ; COPY des mêmes lignes finales dans des copies vides des tables : "
                        + "%.2f s ; ratio COPY schéma/import = %.2f (cible ≥ 0,50)%n",
                importSeconds, schema.seconds(), schema.seconds() / importSeconds);
        out.printf("  copies : %d lignes dans %s%n", schema.rows(), schema.carried());
        out.printf("  phases de l'import : %s%n", ImportBenchmark.phaseLine(List.of(withRest(phases, importSeconds))));

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

}
