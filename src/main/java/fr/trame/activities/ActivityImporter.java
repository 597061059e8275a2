package fr.trame.activities;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.trame.csv.CsvColumns.LABEL;
import static fr.trame.csv.CsvColumns.NAME;
import static fr.trame.csv.CsvColumns.REFERENCE;
import static fr.trame.csv.CsvColumns.SHORT;

/** activities.csv of interchange.md, merged by {@code activity_ref}; unknown sectors are created. */
@Service
@Order(30)
public class ActivityImporter implements CentreImport {

    static final CsvColumns COLUMNS = new CsvColumns()
            .required("activity_ref", REFERENCE).required("name", LABEL).required("sector", NAME)
            .optional("kind", SHORT).optional("public", SHORT).optional("capacity", SHORT);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final SectorService sectors;

    public ActivityImporter(JdbcClient jdbc, DataSource dataSource, SectorService sectors) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.sectors = sectors;
    }


    @Override
    public String kind() {
        return "activities";
    }

    @Override
    public String label() {
        return "Activités (activities.csv)";
    }

    @Override
    public String columns() {
        return "activity_ref, name, sector (obligatoires ; un secteur inconnu est créé) ; kind (atelier, acm, "
                + "accompagnement_scolaire, sortie, sejour, evenement, permanence), public, capacity.";
    }

    @Override
    @Transactional
    public ImportResult importCsv(long centreId, InputStream in) {
        CsvTable table = CsvTable.read(in, COLUMNS);
        List<Object[]> staged = new ArrayList<>();
        Map<String, Long> refLines = new HashMap<>();
        Set<String> sectorNames = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            String ref = row.required("activity_ref");
            String name = row.required("name");
            String sector = row.required("sector");
            String kind = row.oneOf("kind", Set.copyOf(ActivityService.KINDS));
            String publicLabel = row.oneOf("public", Set.copyOf(ActivityService.PUBLICS));
            Integer capacity = row.wholeNumber("capacity", 1);
            if (ref != null) {
                Long first = refLines.putIfAbsent(ref, row.line());
                if (first != null) {
                    row.error("activity_ref", "l'activité « " + ref + " » figure déjà ligne " + first);
                }
            }
            if (sector != null) {
                sectorNames.add(sector);
            }
            staged.add(new Object[] {row.line(), ref, name, sector, kind == null ? "atelier" : kind, publicLabel, capacity});
        }
        table.throwIfErrors();

        int sectorsBefore = sectors.list(centreId).size();
        sectorNames.forEach(name -> sectors.findOrCreate(centreId, name));
        int sectorsCreated = sectors.list(centreId).size() - sectorsBefore;
        PgCopy.stage(jdbc, dataSource, "stage_activities", """
                line bigint, activity_ref text, name text, sector text, kind text, public text, capacity integer""",
                staged);
        List<Boolean> written = jdbc.sql("""
                insert into activities as t (centre_id, ref, name, sector_id, kind, public, capacity)
                select :centre, s.activity_ref, s.name, se.id, s.kind, s.public, s.capacity
                from stage_activities s join sectors se on se.centre_id = :centre and lower(se.name) = lower(s.sector)
                on conflict (centre_id, ref) where ref is not null do update set
                    name = excluded.name, sector_id = excluded.sector_id, kind = excluded.kind,
                    public = coalesce(excluded.public, t.public), capacity = coalesce(excluded.capacity, t.capacity)
                where (t.name, t.sector_id, t.kind, t.public, t.capacity) is distinct from
                      (excluded.name, excluded.sector_id, excluded.kind, coalesce(excluded.public, t.public),
                       coalesce(excluded.capacity, t.capacity))
                returning (xmax = 0)""").param("centre", centreId).query(Boolean.class).list();
        Map<String, Integer> changes = new LinkedHashMap<>();
        changes.put("secteur(s) créé(s)", sectorsCreated);
        changes.put("activité(s) créée(s)", (int) written.stream().filter(b -> b).count());
        changes.put("activité(s) mise(s) à jour", (int) written.stream().filter(b -> !b).count());
        return new ImportResult(staged.size(), changes);
    }
}
