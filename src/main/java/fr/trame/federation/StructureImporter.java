package fr.trame.federation;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.trame.csv.CsvColumns.LABEL;
import static fr.trame.csv.CsvColumns.REFERENCE;
import static fr.trame.csv.CsvColumns.SHORT;

/**
 * structures.csv of interchange.md, merged by {@code structure_ref}: all or nothing, and idempotent (a second import
 * of the same file changes nothing). A status or membership state that differs from the structure's current one is
 * a new dated row: the history is kept.
 */
@Service
public class StructureImporter {

    static final CsvColumns COLUMNS = new CsvColumns()
            .required("structure_ref", REFERENCE).required("name", LABEL).required("kind", SHORT)
            .optional("status", SHORT).required("departement", SHORT).optional("territory", LABEL)
            .optional("commune", LABEL).optional("epci", LABEL).optional("caf_antenna", LABEL)
            .optional("managing_association", LABEL).optional("membership", SHORT).optional("membership_date", SHORT)
            .optional("agrement_start", SHORT).optional("agrement_end", SHORT).optional("centre_code", SHORT);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TerritoryService territories;

    public StructureImporter(JdbcClient jdbc, DataSource dataSource, TerritoryService territories) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.territories = territories;
    }

    /** The platform's operator's import (command line, demo): it may say which structures are Trame centres. */
    @Transactional
    public ImportResult importCsv(long federationId, InputStream in, LocalDate today) {
        return importCsv(federationId, in, today, true);
    }

    /**
     * {@code mayLinkCentres} false (a federation's direction on its own): a line may keep a structure's link to its Trame
     * centre, or drop it, but not make a new one, which would open that centre's aggregates to the federation.
     */
    @Transactional
    public ImportResult importCsv(long federationId, InputStream in, LocalDate today, boolean mayLinkCentres) {
        CsvTable table = CsvTable.read(in, COLUMNS);
        List<Object[]> staged = new ArrayList<>();
        Map<String, Long> refLines = new HashMap<>();
        Map<String, Long> centreLines = new HashMap<>();
        Set<String> ats = new LinkedHashSet<>();
        for (CsvTable.Row row : table.rows()) {
            String ref = row.required("structure_ref");
            String name = row.required("name");
            String kind = row.required("kind") == null ? null : row.oneOf("kind", StructureService.KINDS);
            String status = row.oneOf("status", StructureService.STATUSES);
            String departement = row.required("departement");
            if (departement != null && !departement.matches("2A|2B|[0-9]{2,3}")) {
                row.error("departement", "code de département invalide « " + departement + " » (exemples : 59, 62, 2A, 974)");
            }
            String territory = row.text("territory");
            String membership = row.oneOf("membership", StructureService.MEMBERSHIPS);
            LocalDate membershipDate = row.date("membership_date");
            LocalDate agrementStart = row.date("agrement_start");
            LocalDate agrementEnd = row.date("agrement_end");
            if (row.isEmpty("agrement_start") != row.isEmpty("agrement_end")) {
                row.error(row.isEmpty("agrement_start") ? "agrement_start" : "agrement_end",
                        "l'agrément demande ses deux dates, début et fin");
            } else if (agrementStart != null && agrementEnd != null && agrementEnd.isBefore(agrementStart)) {
                row.error("agrement_end", "la fin de l'agrément (" + agrementEnd + ") précède son début (" + agrementStart + ")");
            }
            String centre = row.text("centre_code");
            if (ref != null) {
                Long first = refLines.putIfAbsent(ref, row.line());
                if (first != null) {
                    row.error("structure_ref", "la structure « " + ref + " » figure déjà ligne " + first);
                }
            }
            if (centre != null) {
                Long first = centreLines.putIfAbsent(centre, row.line());
                if (first != null) {
                    row.error("centre_code", "le centre « " + centre + " » est déjà la structure de la ligne " + first);
                }
            }
            if (territory != null) {
                ats.add(territory);
            }
            staged.add(new Object[] {row.line(), ref, name, kind, status, departement, territory, row.text("commune"),
                row.text("epci"), row.text("caf_antenna"), row.text("managing_association"),
                membership == null ? "adherent" : membership, membershipDate, agrementStart, agrementEnd, centre});
        }
        table.throwIfErrors();

        PgCopy.stage(jdbc, dataSource, "stage_structures", """
                line bigint, ref text, name text, kind text, status text, departement text, territory text, commune text,
                epci text, caf_antenna text, managing_association text, membership text, membership_date date,
                agrement_start date, agrement_end date, centre_code text""", staged);
        referencesToCentres(table, federationId, mayLinkCentres);
        notANetwork(table, federationId);
        table.throwIfErrors();

        Map<String, Integer> changes = new LinkedHashMap<>();
        changes.put("territoire(s) créé(s)", territories.createMissingAts(federationId, ats));
        List<Boolean> written = jdbc.sql("""
                insert into structures as t (federation_id, ref, name, kind, departement, territory_id, commune, epci,
                                             caf_antenna, managing_association, centre_id)
                select :federation, s.ref, s.name, s.kind, s.departement, te.id, s.commune, s.epci, s.caf_antenna,
                       s.managing_association, c.id
                from stage_structures s
                left join territories te on te.federation_id = :federation and lower(te.name) = lower(s.territory) and te.kind = 'at'
                left join centre_centres c on c.code = s.centre_code
                on conflict (federation_id, ref) do update set
                    name = excluded.name, kind = excluded.kind, departement = excluded.departement,
                    territory_id = excluded.territory_id, commune = excluded.commune, epci = excluded.epci,
                    caf_antenna = excluded.caf_antenna, managing_association = excluded.managing_association,
                    centre_id = excluded.centre_id, updated_at = now()
                where (t.name, t.kind, t.departement, t.territory_id, t.commune, t.epci, t.caf_antenna,
                       t.managing_association, t.centre_id) is distinct from
                      (excluded.name, excluded.kind, excluded.departement, excluded.territory_id, excluded.commune,
                       excluded.epci, excluded.caf_antenna, excluded.managing_association, excluded.centre_id)
                returning (xmax = 0)""").param("federation", federationId).query(Boolean.class).list();
        changes.put("structure(s) créée(s)", (int) written.stream().filter(b -> b).count());
        changes.put("structure(s) mise(s) à jour", (int) written.stream().filter(b -> !b).count());
        changes.put("changement(s) de statut", newStatuses(federationId, today));
        changes.put("étape(s) d'adhésion", newMemberships(federationId, today));
        changes.put("agrément(s) enregistré(s)", agrements(federationId));
        return new ImportResult(staged.size(), changes);
    }

    /**
     * A centre code names a Trame centre that no other structure is: not another of this federation's (unless this file
     * moves it), nor any structure of another federation (a centre belongs to one). Without the right to link, a line
     * may only keep the centre its structure already is.
     */
    private void referencesToCentres(CsvTable table, long federationId, boolean mayLinkCentres) {
        jdbc.sql("""
                select s.line, s.centre_code, c.id is null as unknown, other.ref as other_ref,
                       exists (select 1 from structures f where f.centre_id = c.id and f.federation_id <> :federation) as elsewhere,
                       mine.centre_id is distinct from c.id as new_link
                from stage_structures s
                left join centre_centres c on c.code = s.centre_code
                left join structures mine on mine.federation_id = :federation and mine.ref = s.ref
                left join structures other on other.federation_id = :federation and other.centre_id = c.id
                    and other.ref <> s.ref
                    and not exists (select 1 from stage_structures o
                                    where o.ref = other.ref and o.centre_code is distinct from s.centre_code)
                where s.centre_code is not null""")
                .param("federation", federationId).query((rs, n) -> {
                    String code = rs.getString("centre_code");
                    String problem = rs.getBoolean("unknown") ? "centre « " + code + " » inconnu dans Trame"
                            : rs.getBoolean("elsewhere") ? "le centre « " + code + " » est déjà une structure d'une autre fédération"
                            : rs.getString("other_ref") != null
                            ? "le centre « " + code + " » est déjà la structure « " + rs.getString("other_ref") + " »"
                            : !mayLinkCentres && rs.getBoolean("new_link")
                            ? "seul l'administrateur de la plateforme relie une structure à un centre Trame (« " + code + " »)"
                            : null;
                    if (problem != null) {
                        table.error(rs.getLong("line"), "centre_code", problem);
                    }
                    return null;
                }).list();
    }

    /** The territory of a line is an AT: a thematic network's name is refused there. */
    private void notANetwork(CsvTable table, long federationId) {
        jdbc.sql("""
                select s.line, s.territory from stage_structures s
                join territories t on t.federation_id = :federation and lower(t.name) = lower(s.territory) and t.kind <> 'at'""")
                .param("federation", federationId).query((rs, n) -> {
                    table.error(rs.getLong(1), "territory", "« " + rs.getString(2)
                            + " » est un réseau thématique, pas une assemblée territoriale");
                    return null;
                }).list();
    }

    /**
     * The status of a line, when it is not the structure's latest: undated the first time (the status it came with),
     * dated today when it changes.
     */
    private int newStatuses(long federationId, LocalDate today) {
        return jdbc.sql("""
                insert into structure_statuses (federation_id, structure_id, status, since)
                select :federation, t.id, s.status, case when cur.status is null then null else cast(:today as date) end
                from stage_structures s
                join structures t on t.federation_id = :federation and t.ref = s.ref
                left join lateral (select st.status from structure_statuses st
                                   where st.federation_id = t.federation_id and st.structure_id = t.id
                                   order by st.since desc nulls last limit 1) cur on true
                where s.status is not null and s.status is distinct from cur.status
                on conflict (federation_id, structure_id, coalesce(since, '-infinity'::date)) do update set status = excluded.status""")
                .param("federation", federationId).param("today", today).update();
    }

    /**
     * The membership state of a line: at its date when it has one (that day's row is replaced), else when it differs
     * from the latest state, undated the first time and dated today after.
     */
    private int newMemberships(long federationId, LocalDate today) {
        return jdbc.sql("""
                insert into structure_memberships as m (federation_id, structure_id, state, since)
                select :federation, t.id, s.membership,
                       case when s.membership_date is not null then s.membership_date
                            when cur.state is null then null else cast(:today as date) end
                from stage_structures s
                join structures t on t.federation_id = :federation and t.ref = s.ref
                left join lateral (select ms.state from structure_memberships ms
                                   where ms.federation_id = t.federation_id and ms.structure_id = t.id
                                   order by ms.since desc nulls last limit 1) cur on true
                where s.membership_date is not null or s.membership is distinct from cur.state
                on conflict (federation_id, structure_id, coalesce(since, '-infinity'::date)) do update set state = excluded.state
                where m.state is distinct from excluded.state""")
                .param("federation", federationId).param("today", today).update();
    }

    /** The CAF agrément in force of a line: centre social for a CS, EVS for an EVS; its end is updated if it moved. */
    private int agrements(long federationId) {
        return jdbc.sql("""
                insert into structure_agrements as a (federation_id, structure_id, kind, start_date, end_date)
                select :federation, t.id, case s.kind when 'evs' then 'evs' else 'centre_social' end,
                       s.agrement_start, s.agrement_end
                from stage_structures s join structures t on t.federation_id = :federation and t.ref = s.ref
                where s.agrement_start is not null
                on conflict (federation_id, structure_id, kind, start_date) do update set end_date = excluded.end_date
                where a.end_date is distinct from excluded.end_date""")
                .param("federation", federationId).update();
    }
}
