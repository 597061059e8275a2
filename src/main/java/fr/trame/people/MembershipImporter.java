package fr.trame.people;

import fr.trame.csv.CsvColumns;
import fr.trame.csv.CsvTable;
import fr.trame.csv.ImportResult;
import fr.trame.csv.PgCopy;
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

import static fr.trame.csv.CsvColumns.LABEL;
import static fr.trame.csv.CsvColumns.REFERENCE;
import static fr.trame.csv.CsvColumns.SHORT;

/** memberships.csv of interchange.md, merged by {@code membership_ref}; all-or-nothing like every import. */
@Service
public class MembershipImporter {

    static final CsvColumns COLUMNS = new CsvColumns()
            .required("membership_ref", REFERENCE).required("type", SHORT)
            .required("start_date", SHORT).required("end_date", SHORT)
            .optional("household_ref", REFERENCE).optional("person_ref", REFERENCE).optional("organisation", LABEL)
            .optional("amount", SHORT);

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public MembershipImporter(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Transactional
    public ImportResult importCsv(long centreId, InputStream in) {
        CsvTable table = CsvTable.read(in, COLUMNS);
        List<Object[]> staged = validate(table);
        PgCopy.stage(jdbc, dataSource, "stage_memberships", """
                line bigint, membership_ref text, type text, household_ref text, person_ref text, organisation text,
                start_date date, end_date date, amount_cents integer""", staged);
        checkReferences(centreId, table);
        table.throwIfErrors();
        return merge(centreId, staged.size());
    }

    private List<Object[]> validate(CsvTable table) {
        List<Object[]> staged = new ArrayList<>();
        Map<String, Long> refLines = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String ref = row.required("membership_ref");
            String type = row.required("type");
            if (type != null && !MembershipService.TYPES.contains(type)) {
                row.error("type", "type « " + type + " » inconnu (attendu : familiale, individuelle ou associative)");
                type = null;
            }
            String householdRef = row.text("household_ref");
            String personRef = row.text("person_ref");
            String organisation = row.text("organisation");
            if ("familiale".equals(type) && row.isEmpty("household_ref")) {
                row.error("household_ref", "une adhésion familiale doit indiquer le foyer (household_ref)");
            }
            if ("individuelle".equals(type) && row.isEmpty("person_ref")) {
                row.error("person_ref", "une adhésion individuelle doit indiquer la personne (person_ref)");
            }
            if ("associative".equals(type) && row.isEmpty("organisation")) {
                row.error("organisation", "une adhésion associative doit indiquer l'organisation");
            }
            LocalDate start = row.date("start_date");
            LocalDate end = row.date("end_date");
            if (row.isEmpty("start_date")) {
                row.error("start_date", "valeur obligatoire manquante");
            }
            if (row.isEmpty("end_date")) {
                row.error("end_date", "valeur obligatoire manquante");
            }
            if (start != null && end != null && end.isBefore(start)) {
                row.error("end_date", "la fin (" + end + ") précède le début (" + start + ")");
            }
            Integer cents = row.euros("amount");
            if (ref != null) {
                Long first = refLines.putIfAbsent(ref, row.line());
                if (first != null) {
                    row.error("membership_ref", "l'adhésion « " + ref + " » figure déjà ligne " + first);
                }
            }
            staged.add(new Object[] {row.line(), ref, type,
                    "familiale".equals(type) ? householdRef : null,
                    "individuelle".equals(type) ? personRef : null,
                    "associative".equals(type) ? organisation : null, start, end, cents});
        }
        return staged;
    }

    /** Households and persons must already be in the register (import people.csv first); errors join the others. */
    private void checkReferences(long centreId, CsvTable table) {
        table.unknownReferences(jdbc, """
                select s.line, 'household_ref' as col, s.household_ref as ref from stage_memberships s
                where s.household_ref is not null and not exists (
                    select 1 from households h where h.centre_id = :centre and h.ref = s.household_ref)
                union all
                select s.line, 'person_ref', s.person_ref from stage_memberships s
                where s.person_ref is not null and not exists (
                    select 1 from persons p where p.centre_id = :centre and p.ref = s.person_ref)
                order by 1""", centreId, Map.of("household_ref", "foyer", "person_ref", "personne"),
                " (importez d'abord people.csv)");
    }

    private ImportResult merge(long centreId, int rows) {
        List<Boolean> written = jdbc.sql("""
                insert into memberships as t (centre_id, ref, type, household_id, person_id, organisation, start_date,
                                              end_date, amount_cents)
                select :centre, s.membership_ref, s.type, h.id, p.id, s.organisation, s.start_date, s.end_date,
                       s.amount_cents
                from stage_memberships s
                left join households h on h.centre_id = :centre and h.ref = s.household_ref
                left join persons p on p.centre_id = :centre and p.ref = s.person_ref
                on conflict (centre_id, ref) where ref is not null do update set
                    type = excluded.type, household_id = excluded.household_id, person_id = excluded.person_id,
                    organisation = excluded.organisation, start_date = excluded.start_date,
                    end_date = excluded.end_date, amount_cents = coalesce(excluded.amount_cents, t.amount_cents)
                where (t.type, t.household_id, t.person_id, t.organisation, t.start_date, t.end_date, t.amount_cents)
                      is distinct from (excluded.type, excluded.household_id, excluded.person_id, excluded.organisation,
                                        excluded.start_date, excluded.end_date,
                                        coalesce(excluded.amount_cents, t.amount_cents))
                returning (xmax = 0)""").param("centre", centreId).query(Boolean.class).list();
        Map<String, Integer> changes = new LinkedHashMap<>();
        changes.put("adhésion(s) créée(s)", (int) written.stream().filter(b -> b).count());
        changes.put("adhésion(s) mise(s) à jour", (int) written.stream().filter(b -> !b).count());
        return new ImportResult(rows, changes);
    }
}
