package fr.trame.attendance;

import fr.trame.activities.SessionService;
import fr.trame.csv.CsvColumns;
import fr.trame.csv.CsvTable;
import fr.trame.csv.ImportPhases;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.trame.csv.CsvColumns.REFERENCE;
import static fr.trame.csv.CsvColumns.SHORT;

/**
 * attendance.csv of interchange.md. {@code (activity_ref, date, start)} names the session, created as held when
 * missing; each row is a person's status or an anonymous headcount. Checked whole (the references against the centre's
 * refs read once), then written: COPYed for the sessions created now, merged set-based for those that existed.
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
        return importCsv(centreId, in, ImportPhases.NONE);
    }

    /** The same, the time of each phase recorded into {@code phases} (for {@code bench}). */
    @Transactional
    public ImportResult importCsv(long centreId, InputStream in, ImportPhases phases) {
        // the centre's refs, read once (a few thousand rows): each row is checked against them as it is read
        Map<String, Long> activities = ids("select ref, id from activities_activities where centre_id = ? and ref is not null",
                centreId);
        Map<String, Long> persons = ids("select ref, id from people_persons where centre_id = ? and ref is not null", centreId);
        phases.end("lecture des références du centre");
        Checker checker = new Checker(activities, persons, phases.isRecording());
        CsvTable table = CsvTable.read(in, COLUMNS, checker::check);
        table.throwIfErrors();
        phases.end("lecture", "validation", checker.nanos);
        return merge(centreId, checker.marks, activities, persons, phases);
    }

    /** One checked row: its session, then a person's status or an anonymous headcount. */
    private record Mark(long line, Key session, LocalTime end, String person, Integer headcount, String status) {
    }

    /** A session by its activity's ref, day and start: what names it in the file. */
    private record Key(String activity, LocalDate date, LocalTime start) {
    }

    /** What the file says of one session so far: its end where first given, and its rows by person ("" its headcount). */
    private static final class Seen {
        final Key key;
        final LocalTime end;
        final long line;
        final Map<String, Mark> rows = new HashMap<>();

        Seen(Key key, LocalTime end, long line) {
            this.key = key;
            this.end = end;
            this.line = line;
        }
    }

    private static final Set<String> STATUSES = Set.of("present", "absent", "excuse");

    /**
     * Checks the rows as they are read and keeps them compact (one session key, ref strings shared with the centre's):
     * a file of 600,000 rows holds no cells once read.
     */
    private static final class Checker {
        private final Map<String, Long> activities;
        private final Map<String, Long> persons;
        private final Map<String, String> activityRefs = new HashMap<>();
        private final Map<String, String> personRefs = new HashMap<>();
        private final Map<Key, Seen> sessions = new HashMap<>();
        private final List<Mark> marks = new ArrayList<>();

        private final boolean timed;
        private long nanos;

        Checker(Map<String, Long> activities, Map<String, Long> persons, boolean timed) {
            this.timed = timed;
            this.activities = activities;
            this.persons = persons;
            activities.keySet().forEach(ref -> activityRefs.put(ref, ref));
            persons.keySet().forEach(ref -> personRefs.put(ref, ref));
        }

        void check(CsvTable.Row row) {
            if (!timed) {
                checkRow(row);
                return;
            }
            long t0 = System.nanoTime();
            checkRow(row);
            nanos += System.nanoTime() - t0;
        }

        private void checkRow(CsvTable.Row row) {
            String activity = row.required("activity_ref");
            LocalDate date = row.requiredDate("date");
            LocalTime start = row.time("start");
            LocalTime end = row.time("end");
            if (start != null && end != null && !end.isAfter(start)) {
                row.error("end", "l'heure de fin (" + end + ") doit suivre l'heure de début (" + start + ")");
            }
            String person = row.text("person_ref");
            if (person != null) {
                person = personRefs.getOrDefault(person, person); // the centre's string, not one per row
            }
            Integer headcount = row.wholeNumber("headcount", 1);
            String status = row.oneOf("status", STATUSES);
            if (row.isEmpty("person_ref") && row.isEmpty("headcount")) {
                row.error("person_ref", "indiquez une personne (person_ref) ou un effectif anonyme (headcount)");
            } else if (!row.isEmpty("person_ref") && !row.isEmpty("headcount")) {
                row.error("headcount", "une ligne porte une personne ou un effectif, pas les deux");
            }
            if (row.isEmpty("person_ref") && status != null) {
                row.error("status", "le statut ne s'applique qu'à une personne");
            }
            Seen seen = null;
            if (activity != null && date != null && start != null) {
                Key key = new Key(activityRefs.getOrDefault(activity, activity), date, start);
                seen = sessions.get(key);
                if (seen == null) {
                    seen = new Seen(key, end, row.line());
                    sessions.put(key, seen);
                } else if (end != null && seen.end != null && !seen.end.equals(end)) {
                    row.error("end", "la même séance finit à " + seen.end + " ligne " + seen.line);
                }
                Mark first = seen.rows.get(person == null ? "" : person);
                if (first != null) {
                    row.error(person == null ? "headcount" : "person_ref", "déjà donné(e) pour cette séance ligne " + first.line());
                }
            }
            // activities and persons must exist in this centre; errors join the others, with their line
            if (activity != null && !activities.containsKey(activity)) {
                row.error("activity_ref", "activité « " + activity + " » inconnu(e) dans ce centre");
            }
            if (person != null && !persons.containsKey(person)) {
                row.error("person_ref", "personne « " + person + " » inconnu(e) dans ce centre");
            }
            if (seen != null) {
                Mark mark = new Mark(row.line(), seen.key, end, person, headcount,
                        person == null ? null : (status == null ? "present" : status));
                seen.rows.putIfAbsent(person == null ? "" : person, mark);
                marks.add(mark);
            }
        }
    }

    private Map<String, Long> ids(String sql, long centreId) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql(sql).param(centreId).query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2))).list();
        return ids;
    }

    /**
     * The sessions the file names are created when missing; the rows of a session created now cannot meet an earlier
     * mark, so they are COPYed straight into the tables; those of a session that existed are staged and merged keyed on
     * (session, person), changing only what differs.
     */
    private ImportResult merge(long centreId, List<Mark> marks, Map<String, Long> activities, Map<String, Long> persons,
                               ImportPhases phases) {
        Map<String, Integer> changes = new LinkedHashMap<>();
        // the sessions belong to activities: its service creates the missing ones, all in one statement, in this transaction
        Map<Key, SessionService.Named> named = new LinkedHashMap<>();
        for (Mark mark : marks) {
            Key key = mark.session();
            named.putIfAbsent(key, new SessionService.Named(key.activity(), key.date(), key.start(), mark.end()));
        }
        Map<Key, Long> existing = sessionIds(centreId, named.keySet(), activities);
        List<SessionService.Named> missing = named.entrySet().stream().filter(e -> !existing.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        Set<Long> createdIds = missing.isEmpty() ? Set.of() : sessions.createMissing(centreId, missing);
        changes.put("séance(s) créée(s)", createdIds.size());
        Map<Key, Long> created = new HashMap<>();
        if (!missing.isEmpty()) {
            // a session another import created meanwhile may already have marks: merged as an existing one
            sessionIds(centreId, named.keySet().stream().filter(k -> !existing.containsKey(k)).toList(), activities)
                    .forEach((key, id) -> (createdIds.contains(id) ? created : existing).put(key, id));
        }
        phases.end("fusion séances");

        StringBuilder newMarks = new StringBuilder(marks.size() * 24);
        StringBuilder newHeadcounts = new StringBuilder();
        List<Object[]> earlier = new ArrayList<>();
        for (Mark mark : marks) {
            Key key = mark.session();
            Long session = created.get(key);
            Long person = mark.person() == null ? null : persons.get(mark.person());
            if (session == null) {
                earlier.add(new Object[] {existing.get(key), person, mark.headcount(), mark.status()});
            } else if (person != null) {
                newMarks.append(centreId).append('\t').append(session).append('\t').append(person).append('\t')
                        .append(mark.status()).append('\n');
            } else {
                newHeadcounts.append(centreId).append('\t').append(session).append('\t').append(mark.headcount()).append('\n');
            }
        }
        int marked = (int) PgCopy.copyText(dataSource, "attendance", List.of("centre_id", "session_id", "person_id", "status"),
                newMarks);
        int counted = (int) PgCopy.copyText(dataSource, "headcounts", List.of("centre_id", "session_id", "headcount"),
                newHeadcounts);
        phases.end("fusion nouvelles séances (COPY)");
        if (!earlier.isEmpty()) {
            PgCopy.stage(jdbc, dataSource, "stage_attendance", """
                    session_id bigint, person_id bigint, headcount integer, status text""", earlier);
            jdbc.sql("analyze stage_attendance").update(); // row counts for the planner: hash joins, not nested loops
            marked += jdbc.sql("""
                    insert into attendance (centre_id, session_id, person_id, status)
                    select :centre, s.session_id, s.person_id, s.status from stage_attendance s where s.person_id is not null
                    on conflict (centre_id, session_id, person_id) do update set status = excluded.status
                    where attendance.status is distinct from excluded.status""").param("centre", centreId).update();
            counted += jdbc.sql("""
                    insert into headcounts (centre_id, session_id, headcount)
                    select :centre, s.session_id, s.headcount from stage_attendance s where s.headcount is not null
                    on conflict (centre_id, session_id) do update set headcount = excluded.headcount
                    where headcounts.headcount is distinct from excluded.headcount""").param("centre", centreId).update();
            phases.end("fusion séances existantes");
        }
        changes.put("présence(s) enregistrée(s) ou modifiée(s)", marked);
        changes.put("effectif(s) anonyme(s)", counted);
        return new ImportResult(marks.size(), changes);
    }

    /** The ids of those of {@code keys} the centre has as sessions. */
    private Map<Key, Long> sessionIds(long centreId, Collection<Key> keys, Map<String, Long> activities) {
        Map<Key, Long> ids = new HashMap<>();
        Map<Long, String> refs = new HashMap<>();
        activities.forEach((ref, id) -> refs.put(id, ref));
        jdbc.sql("""
                select s.id, s.activity_id, s.date, s.start_time
                from unnest(cast(:activities as bigint[]), cast(:dates as date[]), cast(:starts as time[]))
                     as k(activity_id, date, start_time)
                join activities_sessions s on s.centre_id = :centre and s.activity_id = k.activity_id and s.date = k.date
                                          and s.start_time = k.start_time""")
                .param("centre", centreId)
                .param("activities", keys.stream().map(k -> activities.get(k.activity())).toArray(Long[]::new))
                .param("dates", keys.stream().map(k -> k.date().toString()).toArray(String[]::new))
                .param("starts", keys.stream().map(k -> k.start().toString()).toArray(String[]::new))
                .query((rs, n) -> ids.put(new Key(refs.get(rs.getLong(2)), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalTime.class)), rs.getLong(1))).list();
        return ids;
    }
}
