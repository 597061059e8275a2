package fr.trame.activities;

import fr.trame.csv.CentreImport;
import fr.trame.csv.CsvColumns;
import fr.trame.csv.CsvTable;
import fr.trame.csv.ImportResult;
import fr.trame.csv.PgCopy;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.trame.csv.CsvColumns.LABEL;
import static fr.trame.csv.CsvColumns.REFERENCE;
import static fr.trame.csv.CsvColumns.SHORT;

/**
 * sessions.csv of interchange.md: planned and cancelled sessions, named by {@code (activity_ref, date, start)}. The file
 * is the truth for the sessions it names (end, cancelled or not); the others are left alone. A session with attendance
 * or a headcount was held and cannot be cancelled by a file. Checked whole, then merged in one statement.
 */
@Service
@Order(40)
public class SessionImporter implements CentreImport {

    static final CsvColumns COLUMNS = new CsvColumns()
            .required("activity_ref", REFERENCE).required("date", SHORT).required("start", SHORT).required("end", SHORT)
            .optional("status", SHORT).optional("cancel_reason", LABEL);

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public SessionImporter(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public String kind() {
        return "sessions";
    }

    @Override
    public String label() {
        return "Séances prévues ou annulées (sessions.csv)";
    }

    @Override
    public String columns() {
        return "activity_ref, date, start, end (obligatoires ; une activité existante) ; status (prevue par défaut, annulee)"
                + " ; cancel_reason (obligatoire avec annulee).";
    }

    @Override
    @Transactional
    public ImportResult importCsv(long centreId, InputStream in) {
        CsvTable table = CsvTable.read(in, COLUMNS);
        List<Object[]> staged = validate(table);
        PgCopy.stage(jdbc, dataSource, "stage_sessions", """
                line bigint, activity_ref text, date date, start_time time, end_time time, cancel_reason text""", staged);
        table.unknownReferences(jdbc, """
                select s.line, 'activity_ref' as col, s.activity_ref as ref from stage_sessions s
                where s.activity_ref is not null and not exists (
                    select 1 from activities a where a.centre_id = :centre and a.ref = s.activity_ref)
                order by 1""", centreId, Map.of("activity_ref", "activité"), "");
        // a held session (attendance or headcount) stays held: cancelling it would hide its presences
        jdbc.sql("""
                select s.line, to_char(s.date, 'DD/MM/YYYY') as day, to_char(s.start_time, 'HH24:MI') as start
                from stage_sessions s
                join activities a on a.centre_id = :centre and a.ref = s.activity_ref
                join sessions se on se.centre_id = :centre and se.activity_id = a.id and se.date = s.date
                                and se.start_time = s.start_time
                where s.cancel_reason is not null
                  and (exists (select 1 from attendance_marks m where m.centre_id = :centre and m.session_id = se.id)
                       or exists (select 1 from attendance_headcounts h where h.centre_id = :centre and h.session_id = se.id))
                order by 1""").param("centre", centreId)
                .query((rs, n) -> {
                    table.error(rs.getLong("line"), "status", "la séance du " + rs.getString("day") + " à "
                            + rs.getString("start") + " a déjà des présences : elle a eu lieu et ne peut pas être annulée");
                    return null;
                }).list();
        table.throwIfErrors();
        return merge(centreId, staged.size());
    }

    private List<Object[]> validate(CsvTable table) {
        List<Object[]> staged = new ArrayList<>(table.rows().size());
        Map<String, Long> seen = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String activity = row.required("activity_ref");
            LocalDate date = row.requiredDate("date");
            LocalTime start = row.time("start");
            LocalTime end = row.time("end");
            if (start != null && end != null && !end.isAfter(start)) {
                row.error("end", "l'heure de fin (" + end + ") doit suivre l'heure de début (" + start + ")");
            }
            String status = row.oneOf("status", Set.of("prevue", "annulee"));
            String reason = row.text("cancel_reason");
            if ("annulee".equals(status) && reason == null) {
                row.error("cancel_reason", "le motif d'annulation est obligatoire pour une séance annulée");
            } else if (reason != null && !"annulee".equals(status) && (status != null || row.isEmpty("status"))) {
                row.error("cancel_reason", "un motif d'annulation ne va qu'avec le statut annulee");
            }
            if (activity != null && date != null && start != null) {
                Long first = seen.putIfAbsent(activity + '\u0000' + date + '\u0000' + start, row.line());
                if (first != null) {
                    row.error("start", "la même séance figure déjà ligne " + first);
                }
            }
            staged.add(new Object[] {row.line(), activity, date, start, end, "annulee".equals(status) ? reason : null});
        }
        return staged;
    }


    /** One upsert: new sessions created, named ones given the file's end and cancellation; same values, no write. */
    private ImportResult merge(long centreId, int rows) {
        List<Boolean> written = jdbc.sql("""
                insert into sessions as t (centre_id, activity_id, date, start_time, end_time, cancelled_reason)
                select :centre, a.id, s.date, s.start_time, s.end_time, s.cancel_reason
                from stage_sessions s join activities a on a.centre_id = :centre and a.ref = s.activity_ref
                on conflict (centre_id, activity_id, date, start_time) do update set
                    end_time = excluded.end_time, cancelled_reason = excluded.cancelled_reason
                where (t.end_time, t.cancelled_reason) is distinct from (excluded.end_time, excluded.cancelled_reason)
                returning (xmax = 0)""").param("centre", centreId).query(Boolean.class).list();
        Map<String, Integer> changes = new LinkedHashMap<>();
        changes.put("séance(s) créée(s)", (int) written.stream().filter(b -> b).count());
        changes.put("séance(s) modifiée(s)", (int) written.stream().filter(b -> !b).count());
        return new ImportResult(rows, changes);
    }
}
