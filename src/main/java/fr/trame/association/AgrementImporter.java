package fr.trame.association;

import fr.trame.csv.CentreImport;
import fr.trame.csv.CsvColumns;
import fr.trame.csv.CsvTable;
import fr.trame.csv.ImportResult;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

/**
 * agrements.csv (docs/formats.md): the centre's agréments. One is known by (label, start_date): the file's issuer, end
 * and reference replace the recorded ones, so re-importing the same file changes nothing.
 */
@Service
@Order(190)
public class AgrementImporter implements CentreImport {

    static final CsvColumns COLUMNS = new CsvColumns()
            .required("label", LABEL).required("issuer", LABEL).required("start_date", SHORT)
            .optional("end_date", SHORT).optional("reference", REFERENCE);

    private record Agrement(String label, String issuer, LocalDate start, LocalDate end, String reference) {
    }

    private final JdbcClient jdbc;

    public AgrementImporter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "agrements";
    }

    @Override
    public String label() {
        return "Agréments (agrements.csv)";
    }

    @Override
    public String columns() {
        return "label, issuer (qui le délivre), start_date (obligatoires) ; end_date, reference.";
    }

    @Override
    public boolean directionOnly() {
        return true;
    }

    @Override
    @Transactional
    public ImportResult importCsv(long centreId, InputStream in) {
        CsvTable table = CsvTable.read(in, COLUMNS);
        List<Agrement> agrements = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String label = row.required("label");
            String issuer = row.required("issuer");
            LocalDate start = row.date("start_date");
            row.required("start_date");
            LocalDate end = row.date("end_date");
            FileValues.endNotBefore(row, "end_date", start, end);
            if (label != null && start != null) {
                Long before = lines.putIfAbsent(label + "\n" + start, row.line());
                if (before != null) {
                    row.error("label", "cet agrément (même intitulé, même début) figure déjà ligne " + before);
                }
            }
            agrements.add(new Agrement(label, issuer, start, end, row.text("reference")));
        }
        table.throwIfErrors();

        int created = 0;
        int updated = 0;
        for (Agrement a : agrements) {
            Map<String, Object> params = new HashMap<>();
            params.put("centre", centreId);
            params.put("label", a.label());
            params.put("issuer", a.issuer());
            params.put("start", a.start());
            params.put("end", a.end());
            params.put("reference", a.reference());
            String same = "where centre_id = :centre and label = :label and start_date = :start";
            int changed = jdbc.sql("update agrements set issuer = :issuer, end_date = cast(:end as date),"
                    + " reference = cast(:reference as text) " + same
                    + " and (issuer, end_date, reference) is distinct from (:issuer, cast(:end as date), cast(:reference as text))")
                    .params(params).update();
            updated += changed;
            if (changed == 0 && jdbc.sql("select count(*) from agrements " + same).params(params).query(Long.class).single() == 0) {
                created += jdbc.sql("insert into agrements (centre_id, label, issuer, start_date, end_date, reference)"
                        + " values (:centre, :label, :issuer, :start, cast(:end as date), cast(:reference as text))")
                        .params(params).update();
            }
        }
        Map<String, Integer> changes = new LinkedHashMap<>();
        changes.put("agrément(s) créé(s)", created);
        changes.put("agrément(s) mis à jour", updated);
        return new ImportResult(agrements.size(), changes);
    }
}
