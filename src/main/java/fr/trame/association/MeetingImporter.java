package fr.trame.association;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static fr.trame.csv.CsvColumns.LABEL;
import static fr.trame.csv.CsvColumns.SHORT;

/**
 * meetings.csv (docs/formats.md): one line per meeting of a body, known by its body and its date, with who was present
 * (the body's mandate holders on that date, by person reference or outsider's name). Re-importing the same file changes
 * nothing; an empty cell keeps what Trame knows.
 */
@Service
@Order(120)
public class MeetingImporter implements CentreImport {

    static final CsvColumns COLUMNS = new CsvColumns()
            .required("body", LABEL).required("date", SHORT).optional("agenda", 5000).optional("decisions", 5000)
            .optional("minutes", 20000).optional("quorum", SHORT).optional("present", 5000);

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public MeetingImporter(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public String kind() {
        return "meetings";
    }

    @Override
    public String label() {
        return "Réunions des instances (meetings.csv)";
    }

    @Override
    public String columns() {
        return "body (instance existante), date (obligatoires) ; agenda, decisions, minutes, quorum (entier), present"
                + " (les membres présents, par person_ref ou nom de la personne extérieure, séparés par des virgules).";
    }

    @Override
    public boolean directionOnly() {
        return true;
    }

    @Override
    @Transactional
    public ImportResult importCsv(long centreId, InputStream in) {
        CsvTable table = CsvTable.read(in, COLUMNS);
        List<Object[]> meetings = new ArrayList<>();
        List<Object[]> present = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String body = row.required("body");
            LocalDate date = row.requiredDate("date");
            Integer quorum = row.wholeNumber("quorum", 0);
            if (body != null && date != null) {
                Long first = lines.putIfAbsent(body.toLowerCase(Locale.ROOT) + "|" + date, row.line());
                if (first != null) {
                    row.error("date", "cette réunion (même instance, même date) figure déjà ligne " + first);
                }
            }
            String presentCell = row.text("present");
            for (String who : AssociationCsv.list(presentCell)) {
                present.add(new Object[] {row.line(), who, null});
            }
            meetings.add(new Object[] {row.line(), body, date, row.text("agenda"), row.text("decisions"), row.text("minutes"),
                    quorum, presentCell != null, null, null});
        }
        PgCopy.stage(jdbc, dataSource, "stage_meetings", """
                line bigint, body text, date date, agenda text, decisions text, minutes text, quorum integer,
                attendance boolean, body_id bigint, meeting_id bigint""", meetings);
        PgCopy.stage(jdbc, dataSource, "stage_present", "line bigint, who text, mandate_id bigint", present);
        table.unknownReferences(jdbc, """
                select s.line, 'body', s.body from stage_meetings s
                where not exists (select 1 from bodies b where b.centre_id = :centre and lower(b.name) = lower(s.body))
                order by 1""", centreId, Map.of("body", "instance"), " (importez d'abord governance.csv)");
        jdbc.sql("""
                update stage_meetings s set body_id = (select b.id from bodies b where b.centre_id = :centre
                    and lower(b.name) = lower(s.body) order by (b.name = s.body) desc, b.id limit 1)""")
                .param("centre", centreId).update();
        // who is named: a mandate of the meeting's body running on its date, held by that person or that outsider
        jdbc.sql("""
                update stage_present p set mandate_id = (
                    select m.id from stage_meetings s
                    join mandates m on m.centre_id = :centre and m.body_id = s.body_id
                         and m.start_date <= s.date and (m.end_date is null or m.end_date >= s.date)
                    left join people_persons pp on pp.centre_id = :centre and pp.id = m.person_id
                    where s.line = p.line and (pp.ref = p.who or (m.person_id is null and lower(m.outsider_name) = lower(p.who)))
                    order by m.start_date desc, m.id limit 1)""").param("centre", centreId).update();
        AssociationCsv.errors(jdbc, table, centreId, """
                select p.line, 'present', '« ' || p.who || ' » n''a pas de mandat de l''instance « ' || s.body || ' » le '
                       || to_char(s.date, 'DD/MM/YYYY') || ' (seuls ses membres ce jour-là, par leur person_ref ou le nom'
                       || ' d''une personne extérieure, peuvent y être présents)'
                from stage_present p join stage_meetings s on s.line = p.line
                where s.body_id is not null and s.date is not null and p.mandate_id is null order by 1, p.who collate "C\"""");
        table.throwIfErrors();
        return merge(centreId, meetings.size());
    }

    private ImportResult merge(long centreId, int rows) {
        Map<String, Integer> changes = new LinkedHashMap<>();
        jdbc.sql(FIND_MEETINGS).param("centre", centreId).update();
        changes.put("réunion(s) mise(s) à jour", jdbc.sql("""
                update meetings mt set agenda = coalesce(s.agenda, mt.agenda), decisions = coalesce(s.decisions, mt.decisions),
                    minutes = coalesce(s.minutes, mt.minutes), quorum = coalesce(s.quorum, mt.quorum)
                from stage_meetings s
                where mt.centre_id = :centre and mt.id = s.meeting_id
                  and (mt.agenda, mt.decisions, mt.minutes, mt.quorum) is distinct from
                      (coalesce(s.agenda, mt.agenda), coalesce(s.decisions, mt.decisions), coalesce(s.minutes, mt.minutes),
                       coalesce(s.quorum, mt.quorum))""").param("centre", centreId).update());
        changes.put("réunion(s) créée(s)", jdbc.sql("""
                insert into meetings (centre_id, body_id, date, agenda, decisions, minutes, quorum)
                select :centre, s.body_id, s.date, s.agenda, s.decisions, s.minutes, s.quorum from stage_meetings s
                where s.meeting_id is null order by s.line""").param("centre", centreId).update());
        jdbc.sql(FIND_MEETINGS).param("centre", centreId).update();
        // every seat of a meeting whose presence is given: present when named, absent otherwise
        changes.put("présence(s) ou absence(s) enregistrée(s)", jdbc.sql("""
                insert into meeting_attendance (centre_id, meeting_id, mandate_id, present)
                select :centre, s.meeting_id, m.id, exists (select 1 from stage_present p where p.line = s.line and p.mandate_id = m.id)
                from stage_meetings s
                join mandates m on m.centre_id = :centre and m.body_id = s.body_id
                     and m.start_date <= s.date and (m.end_date is null or m.end_date >= s.date)
                where s.attendance
                on conflict (centre_id, meeting_id, mandate_id) do update set present = excluded.present
                where meeting_attendance.present <> excluded.present""").param("centre", centreId).update());
        return new ImportResult(rows, changes);
    }

    /** Each line's meeting: the body's first meeting of that date, if any. */
    private static final String FIND_MEETINGS = """
            update stage_meetings s set meeting_id = (select min(mt.id) from meetings mt
                where mt.centre_id = :centre and mt.body_id = s.body_id and mt.date = s.date)""";
}
