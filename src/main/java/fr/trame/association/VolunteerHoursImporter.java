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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.trame.csv.CsvColumns.LABEL;
import static fr.trame.csv.CsvColumns.REFERENCE;
import static fr.trame.csv.CsvColumns.SHORT;

/**
 * volunteer-hours.csv (docs/formats.md): the hours volunteers gave. A line is known by its volunteer, its date, its
 * activity and its event (either may be empty): re-importing the same file changes nothing, a changed number of hours
 * updates its line.
 */
@Service
@Order(140)
public class VolunteerHoursImporter implements CentreImport {

    static final CsvColumns COLUMNS = new CsvColumns()
            .required("person_ref", REFERENCE).required("date", SHORT).required("hours", SHORT)
            .optional("activity_ref", REFERENCE).optional("event", LABEL);

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public VolunteerHoursImporter(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public String kind() {
        return "volunteer-hours";
    }

    @Override
    public String label() {
        return "Heures de bénévolat (volunteer-hours.csv)";
    }

    @Override
    public String columns() {
        return "person_ref (un bénévole), date, hours (2 ; 1,5 ; 1.75) (obligatoires) ; activity_ref (activité existante),"
                + " event (texte : un événement, une instance…).";
    }

    @Override
    public boolean directionOnly() {
        return true;
    }

    @Override
    @Transactional
    public ImportResult importCsv(long centreId, InputStream in) {
        CsvTable table = CsvTable.read(in, COLUMNS);
        List<Object[]> staged = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String person = row.required("person_ref");
            LocalDate date = row.requiredDate("date");
            BigDecimal hours = AssociationCsv.hours(row, "hours");
            if (row.isEmpty("hours")) {
                row.error("hours", "valeur obligatoire manquante");
            }
            String activity = row.text("activity_ref");
            String event = row.text("event");
            if (person != null && date != null) {
                Long first = lines.putIfAbsent(String.join("|", person, date.toString(), String.valueOf(activity),
                        String.valueOf(event)), row.line());
                if (first != null) {
                    row.error("date", "ces heures (même bénévole, même date, même activité, même événement) figurent déjà ligne "
                            + first + " : additionnez-les sur une ligne");
                }
            }
            staged.add(new Object[] {row.line(), person, date, hours, activity, event});
        }
        PgCopy.stage(jdbc, dataSource, "stage_hours", """
                line bigint, person_ref text, date date, hours numeric, activity_ref text, event text""", staged);
        table.unknownReferences(jdbc, """
                select s.line, 'activity_ref', s.activity_ref from stage_hours s
                where s.activity_ref is not null and not exists (
                    select 1 from activities_activities a where a.centre_id = :centre and a.ref = s.activity_ref)
                order by 1""", centreId, Map.of("activity_ref", "activité"), " (importez d'abord activities.csv)");
        AssociationCsv.errors(jdbc, table, centreId, """
                select s.line, 'person_ref', case when p.id is null
                           then 'personne « ' || s.person_ref || ' » inconnue dans ce centre (importez d''abord people.csv)'
                           else '« ' || s.person_ref || ' » n''est pas bénévole dans ce centre (importez d''abord volunteers.csv)' end
                from stage_hours s
                left join people_persons p on p.centre_id = :centre and p.ref = s.person_ref
                where s.person_ref is not null
                  and not exists (select 1 from volunteers v where v.centre_id = :centre and v.person_id = p.id)
                order by 1""");
        table.throwIfErrors();

        Map<String, Integer> changes = new LinkedHashMap<>();
        changes.put("heures mises à jour", jdbc.sql("""
                update volunteer_hours h set hours = r.hours from (""" + RESOLVED + """
                ) r where h.centre_id = :centre and\s""" + SAME_LINE + " and h.hours <> r.hours")
                .param("centre", centreId).update());
        changes.put("ligne(s) d'heures créée(s)", jdbc.sql("""
                insert into volunteer_hours (centre_id, volunteer_id, date, hours, activity_id, event)
                select :centre, r.volunteer_id, r.date, r.hours, r.activity_id, r.event from (""" + RESOLVED + """
                ) r where not exists (select 1 from volunteer_hours h where h.centre_id = :centre and\s""" + SAME_LINE + ")")
                .param("centre", centreId).update());
        return new ImportResult(staged.size(), changes);
    }

    /** The staged lines with their volunteer and activity. */
    private static final String RESOLVED = """
            select v.id as volunteer_id, s.date, s.hours, a.id as activity_id, s.event
            from stage_hours s
            join people_persons p on p.centre_id = :centre and p.ref = s.person_ref
            join volunteers v on v.centre_id = :centre and v.person_id = p.id
            left join activities_activities a on a.centre_id = :centre and a.ref = s.activity_ref
            """;

    /** The recorded hours {@code h} a resolved line {@code r} names. */
    private static final String SAME_LINE = """
            h.volunteer_id = r.volunteer_id and h.date = r.date and h.activity_id is not distinct from r.activity_id
            and h.event is not distinct from r.event""";
}
