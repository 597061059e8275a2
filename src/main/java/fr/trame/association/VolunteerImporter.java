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
import java.util.Map;

import static fr.trame.csv.CsvColumns.REFERENCE;
import static fr.trame.csv.CsvColumns.SHORT;

/**
 * volunteers.csv (docs/formats.md): the volunteers, each a person of the register, known by their person reference
 * (one record per person). Re-importing the same file changes nothing; an empty cell keeps what Trame knows.
 */
@Service
@Order(130)
public class VolunteerImporter implements CentreImport {

    static final CsvColumns COLUMNS = new CsvColumns()
            .required("person_ref", REFERENCE).optional("categories", 200).optional("skills", 1000)
            .required("start_date", SHORT).optional("end_date", SHORT);

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public VolunteerImporter(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public String kind() {
        return "volunteers";
    }

    @Override
    public String label() {
        return "Bénévoles (volunteers.csv)";
    }

    @Override
    public String columns() {
        return "person_ref (personne du registre), start_date (obligatoires) ; categories (activite, gouvernance, ponctuel,"
                + " commission, séparées par des virgules), skills, end_date.";
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
            if (person != null) {
                Long first = lines.putIfAbsent(person, row.line());
                if (first != null) {
                    row.error("person_ref", "la personne « " + person + " » figure déjà ligne " + first);
                }
            }
            List<String> categories = AssociationCsv.list(row.text("categories"));
            for (String c : categories) {
                if (!VolunteerService.CATEGORIES.contains(c)) {
                    row.error("categories", "catégorie « " + c + " » inconnue (attendu : "
                            + String.join(", ", VolunteerService.CATEGORIES) + ")");
                }
            }
            LocalDate start = row.requiredDate("start_date");
            LocalDate end = row.date("end_date");
            AssociationCsv.checkPeriod(row, start, end, "end_date");
            // categories in the vocabulary's order, so that a re-import in another order changes nothing
            String array = categories.isEmpty() ? null : "{" + String.join(",",
                    VolunteerService.CATEGORIES.stream().filter(categories::contains).toList()) + "}";
            staged.add(new Object[] {row.line(), person, array, row.text("skills"), start, end});
        }
        PgCopy.stage(jdbc, dataSource, "stage_volunteers", """
                line bigint, person_ref text, categories text[], skills text, start_date date, end_date date""", staged);
        table.unknownReferences(jdbc, """
                select s.line, 'person_ref', s.person_ref from stage_volunteers s
                where s.person_ref is not null and not exists (
                    select 1 from people_persons p where p.centre_id = :centre and p.ref = s.person_ref)
                order by 1""", centreId, Map.of("person_ref", "personne"), " (importez d'abord people.csv)");
        AssociationCsv.errors(jdbc, table, centreId, """
                select s.line, 'start_date', 'la fiche bénévole de « ' || s.person_ref || ' » a une date de fin ('
                       || to_char(v.end_date, 'DD/MM/YYYY') || ') antérieure à cette date de début : indiquez end_date'
                from stage_volunteers s
                join people_persons p on p.centre_id = :centre and p.ref = s.person_ref
                join volunteers v on v.centre_id = :centre and v.person_id = p.id
                where s.end_date is null and v.end_date < s.start_date order by 1""");
        table.throwIfErrors();

        Map<String, Integer> changes = new LinkedHashMap<>();
        changes.put("bénévole(s) mis à jour", jdbc.sql("""
                update volunteers v set categories = coalesce(s.categories, v.categories), skills = coalesce(s.skills, v.skills),
                    start_date = s.start_date, end_date = coalesce(s.end_date, v.end_date)
                from stage_volunteers s join people_persons p on p.centre_id = :centre and p.ref = s.person_ref
                where v.centre_id = :centre and v.person_id = p.id
                  and (v.categories, v.skills, v.start_date, v.end_date) is distinct from
                      (coalesce(s.categories, v.categories), coalesce(s.skills, v.skills), s.start_date,
                       coalesce(s.end_date, v.end_date))""").param("centre", centreId).update());
        changes.put("bénévole(s) créé(s)", jdbc.sql("""
                insert into volunteers (centre_id, person_id, categories, skills, start_date, end_date)
                select :centre, p.id, coalesce(s.categories, '{}'), s.skills, s.start_date, s.end_date
                from stage_volunteers s join people_persons p on p.centre_id = :centre and p.ref = s.person_ref
                on conflict (centre_id, person_id) do nothing""").param("centre", centreId).update());
        return new ImportResult(staged.size(), changes);
    }
}
