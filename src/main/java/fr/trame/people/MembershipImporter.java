package fr.trame.people;

import fr.trame.csv.CsvColumns;
import fr.trame.csv.CsvError;
import fr.trame.csv.CsvImportException;
import fr.trame.csv.CsvTable;
import fr.trame.csv.ImportResult;
import fr.trame.csv.PgCopy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import fr.trame.csv.CentreImport;
import org.springframework.core.annotation.Order;
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
@Order(20)
public class MembershipImporter implements CentreImport {

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


    @Override
    public String kind() {
        return "memberships";
    }

    @Override
    public String label() {
        return "Adhésions (memberships.csv)";
    }

    @Override
    public String columns() {
        return "membership_ref, type (familiale, individuelle, associative), start_date, end_date (obligatoires) ; "
                + "household_ref, person_ref, organisation selon le type ; amount (12 ou 12,50).";
    }

    @Override
    @Transactional
    public ImportResult importCsv(long centreId, InputStream in) {
        CsvTable table = CsvTable.read(in, COLUMNS);
        List<Object[]> staged = validate(table);
        PgCopy.stage(jdbc, dataSource, "stage_memberships", """
                line bigint, membership_ref text, type text, household_ref text, person_ref text, organisation text,
                start_date date, end_date date, amount_cents integer, season_id bigint""", staged);
        checkReferences(centreId, table);
        assignSeasons(centreId);
        checkOnePerSeason(centreId, table);
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
                    "associative".equals(type) ? organisation : null, start, end, cents, null});
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

    /**
     * Each row's season is the one containing its start date, created on the September–August pattern when missing
     * (as {@link MembershipService#seasonOf} does); on an error the whole import, seasons included, is rolled back.
     */
    private void assignSeasons(long centreId) {
        jdbc.sql("""
                insert into seasons (centre_id, label, start_date, end_date)
                select distinct :centre, y.year || '-' || (y.year + 1), make_date(y.year, 9, 1), make_date(y.year + 1, 8, 31)
                from stage_memberships s
                cross join lateral (select extract(year from s.start_date)::int
                                           - case when extract(month from s.start_date) < 9 then 1 else 0 end as year) y
                where s.start_date is not null and not exists (select 1 from seasons x where x.centre_id = :centre
                      and x.start_date <= s.start_date and x.end_date >= s.start_date)
                on conflict (centre_id, label) do nothing""").param("centre", centreId).update();
        jdbc.sql("""
                update stage_memberships s set season_id = coalesce(
                    (select x.id from seasons x where x.centre_id = :centre
                     and x.start_date <= s.start_date and x.end_date >= s.start_date order by x.start_date desc limit 1),
                    -- a season of that name with other dates (typed by the centre): the membership goes in it
                    (select x.id from seasons x where x.centre_id = :centre and x.label = y.year || '-' || (y.year + 1)))
                from (select extract(year from t.start_date)::int
                             - case when extract(month from t.start_date) < 9 then 1 else 0 end as year, t.line
                      from stage_memberships t) y
                where y.line = s.line""")
                .param("centre", centreId).update();
    }

    /**
     * One familiale membership per household and one individuelle per person and season: within the file (a row
     * repeating an earlier one's holder and season), and against the register, where a running membership of another
     * reference not in this file would be a second one. A row whose reference exists updates it (interchange.md), so
     * importing the same file again is still allowed and changes nothing.
     */
    private void checkOnePerSeason(long centreId, CsvTable table) {
        jdbc.sql("""
                with staged as (
                    select s.line, s.type, s.season_id, x.label, coalesce(s.household_ref, s.person_ref) as holder_ref,
                           case s.type when 'familiale' then 'household_ref' else 'person_ref' end as col,
                           min(s.line) over (partition by s.type, s.season_id, coalesce(s.household_ref, s.person_ref)) as first
                    from stage_memberships s join seasons x on x.centre_id = :centre and x.id = s.season_id
                    where s.type in ('familiale', 'individuelle'))
                select line, col, 'l''adhésion ' || type || ' de « ' || holder_ref || ' » pour la saison ' || label
                       || ' figure déjà ligne ' || first || ' : une seule par saison' as message
                from staged where line > first
                union all
                select s.line, case s.type when 'familiale' then 'household_ref' else 'person_ref' end,
                       '« ' || coalesce(s.household_ref, s.person_ref) || ' » a déjà une adhésion ' || s.type
                       || ' pour la saison ' || x.label || coalesce(' (référence « ' || m.ref || ' »)', ' (saisie dans Trame)')
                       || ' : une seule par saison ; annulez-la ou reprenez sa référence'
                from stage_memberships s
                join seasons x on x.centre_id = :centre and x.id = s.season_id
                left join households h on h.centre_id = :centre and h.ref = s.household_ref
                left join persons p on p.centre_id = :centre and p.ref = s.person_ref
                join memberships m on m.centre_id = :centre and m.season_id = s.season_id and m.type = s.type
                     and m.cancelled_at is null
                     and (s.type = 'familiale' and m.household_id = h.id or s.type = 'individuelle' and m.person_id = p.id)
                where s.type in ('familiale', 'individuelle')
                  and m.ref is distinct from s.membership_ref -- the same membership, updated in place
                order by 1""")
                .param("centre", centreId)
                .query((rs, n) -> {
                    table.error(rs.getLong(1), rs.getString(2), rs.getString(3));
                    return null;
                }).list();
    }

    private ImportResult merge(long centreId, int rows) {
        try {
            return write(centreId, rows);
        } catch (DuplicateKeyException e) {
            // the checks above saw no second membership; one was taken meanwhile (another import, or at the desk)
            throw new CsvImportException(List.of(new CsvError(1, 0, null,
                    "une adhésion de ce fichier existe déjà pour la même saison (prise pendant l'import) :"
                            + " rien n'est importé, réessayez")));
        }
    }

    private ImportResult write(long centreId, int rows) {
        List<Boolean> written = jdbc.sql("""
                insert into memberships as t (centre_id, ref, type, household_id, person_id, organisation, start_date,
                                              end_date, amount_cents, season_id)
                select :centre, s.membership_ref, s.type, h.id, p.id, s.organisation, s.start_date, s.end_date,
                       s.amount_cents, s.season_id
                from stage_memberships s
                left join households h on h.centre_id = :centre and h.ref = s.household_ref
                left join persons p on p.centre_id = :centre and p.ref = s.person_ref
                on conflict (centre_id, ref) where ref is not null do update set
                    type = excluded.type, household_id = excluded.household_id, person_id = excluded.person_id,
                    organisation = excluded.organisation, start_date = excluded.start_date,
                    end_date = excluded.end_date, amount_cents = coalesce(excluded.amount_cents, t.amount_cents),
                    season_id = excluded.season_id
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
