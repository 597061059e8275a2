package fr.trame.attendance;

import fr.trame.activities.SessionService;
import fr.trame.csv.CsvColumns;
import fr.trame.csv.CsvTable;
import fr.trame.csv.ImportResult;
import fr.trame.csv.PgCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import fr.trame.csv.CentreImport;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.trame.csv.CsvColumns.REFERENCE;
import static fr.trame.csv.CsvColumns.SHORT;

/**
 * attendance.csv of interchange.md. {@code (activity_ref, date, start)} names the session, created as held when
 * missing; each row is a person's status or an anonymous headcount. Checked whole, then merged set-based.
 */
@Service
@Order(50)
public class AttendanceImporter implements CentreImport {

    static final CsvColumns COLUMNS = new CsvColumns()
            .required("activity_ref", REFERENCE).required("date", SHORT).required("start", SHORT).required("end", SHORT)
            .optional("person_ref", REFERENCE).optional("headcount", SHORT).optional("status", SHORT);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final SessionService sessions;

    public AttendanceImporter(JdbcClient jdbc, DataSource dataSource, SessionService sessions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.sessions = sessions;
    }


    @Override
    public String kind() {
        return "attendance";
    }

    @Override
    public String label() {
        return "Présences (attendance.csv)";
    }

    @Override
    public String columns() {
        return "activity_ref, date, start, end (obligatoires ; la séance est créée si besoin) ; puis person_ref avec"
                + " status (present, absent, excuse ; défaut present), ou headcount pour un effectif anonyme.";
    }

    @Override
    @Transactional
    public ImportResult importCsv(long centreId, InputStream in) {
        CsvTable table = CsvTable.read(in, COLUMNS);
        List<Object[]> staged = validate(table);
        PgCopy.stage(jdbc, dataSource, "stage_attendance", """
                line bigint, activity_ref text, date date, start_time time, end_time time, person_ref text,
                headcount integer, status text""", staged);
        jdbc.sql("analyze stage_attendance").update(); // row counts for the planner: hash joins, not nested loops
        checkReferences(centreId, table);
        table.throwIfErrors();
        return merge(centreId, staged);
    }

    private List<Object[]> validate(CsvTable table) {
        List<Object[]> staged = new ArrayList<>(table.rows().size());
        Map<String, Long> seen = new HashMap<>();          // session + person (or headcount) → first line
        Map<String, Object[]> sessionEnds = new HashMap<>(); // session → {end, line}
        for (CsvTable.Row row : table.rows()) {
            String activity = row.required("activity_ref");
            LocalDate date = row.requiredDate("date");
            LocalTime start = row.time("start");
            LocalTime end = row.time("end");
            if (start != null && end != null && !end.isAfter(start)) {
                row.error("end", "l'heure de fin (" + end + ") doit suivre l'heure de début (" + start + ")");
            }
            String person = row.text("person_ref");
            Integer headcount = row.wholeNumber("headcount", 1);
            String status = row.oneOf("status", Set.of("present", "absent", "excuse"));
            if (row.isEmpty("person_ref") && row.isEmpty("headcount")) {
                row.error("person_ref", "indiquez une personne (person_ref) ou un effectif anonyme (headcount)");
            } else if (!row.isEmpty("person_ref") && !row.isEmpty("headcount")) {
                row.error("headcount", "une ligne porte une personne ou un effectif, pas les deux");
            }
            if (row.isEmpty("person_ref") && status != null) {
                row.error("status", "le statut ne s'applique qu'à une personne");
            }
            if (activity != null && date != null && start != null) {
                String session = activity + '\u0000' + date + '\u0000' + start;
                Object[] earlier = sessionEnds.putIfAbsent(session, new Object[] {end, row.line()});
                if (earlier != null && end != null && earlier[0] != null && !earlier[0].equals(end)) {
                    row.error("end", "la même séance finit à " + earlier[0] + " ligne " + earlier[1]);
                }
                String key = session + '\u0000' + (person == null ? "#effectif" : person);
                Long first = seen.putIfAbsent(key, row.line());
                if (first != null) {
                    row.error(person == null ? "headcount" : "person_ref", "déjà donné(e) pour cette séance ligne " + first);
                }
            }
            staged.add(new Object[] {row.line(), activity, date, start, end, person, headcount,
                    person == null ? null : (status == null ? "present" : status)});
        }
        return staged;
    }


    /** Activities and persons must exist in this centre; errors join the others, with their line. */
    private void checkReferences(long centreId, CsvTable table) {
        table.unknownReferences(jdbc, """
                select s.line, 'activity_ref' as col, s.activity_ref as ref from stage_attendance s
                where s.activity_ref is not null and not exists (
                    select 1 from activities_activities a where a.centre_id = :centre and a.ref = s.activity_ref)
                union all
                select s.line, 'person_ref', s.person_ref from stage_attendance s
                where s.person_ref is not null and not exists (
                    select 1 from people_persons p where p.centre_id = :centre and p.ref = s.person_ref)
                order by 1""", centreId, Map.of("activity_ref", "activité", "person_ref", "personne"), "");
    }

    private ImportResult merge(long centreId, List<Object[]> staged) {
        Map<String, Integer> changes = new LinkedHashMap<>();
        // the sessions belong to activities: its service creates the missing ones, all in one statement, in this transaction
        Set<SessionService.Named> named = new LinkedHashSet<>();
        for (Object[] row : staged) {
            named.add(new SessionService.Named((String) row[1], (LocalDate) row[2], (LocalTime) row[3], (LocalTime) row[4]));
        }
        changes.put("séance(s) créée(s)", sessions.createMissing(centreId, named));
        jdbc.sql("""
                create temp table stage_keys on commit drop as
                select s.person_ref, s.headcount, s.status, se.id as session_id
                from stage_attendance s
                join activities_activities a on a.centre_id = :centre and a.ref = s.activity_ref
                join activities_sessions se on se.centre_id = :centre and se.activity_id = a.id and se.date = s.date
                                and se.start_time = s.start_time""").param("centre", centreId).update();
        changes.put("présence(s) enregistrée(s) ou modifiée(s)", jdbc.sql("""
                insert into attendance (centre_id, session_id, person_id, status)
                select :centre, k.session_id, p.id, k.status
                from stage_keys k join people_persons p on p.centre_id = :centre and p.ref = k.person_ref
                on conflict (centre_id, session_id, person_id) do update set status = excluded.status
                where attendance.status is distinct from excluded.status""").param("centre", centreId).update());
        changes.put("effectif(s) anonyme(s)", jdbc.sql("""
                insert into headcounts (centre_id, session_id, headcount)
                select :centre, k.session_id, k.headcount from stage_keys k where k.headcount is not null
                on conflict (centre_id, session_id) do update set headcount = excluded.headcount
                where headcounts.headcount is distinct from excluded.headcount""").param("centre", centreId).update());
        return new ImportResult(staged.size(), changes);
    }
}
