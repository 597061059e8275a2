package fr.trame.catalogue;

import fr.trame.catalogue.CatalogueFormat.Field;
import fr.trame.catalogue.CatalogueFormat.Parsed;
import fr.trame.catalogue.CatalogueService.Report;
import fr.trame.csv.PgCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Importing the catalogue text format: all or nothing, repeats stored once, new vocabulary values reported. */
@Component
class CatalogueImport {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final CatalogueVocabulary vocabulary;

    CatalogueImport(JdbcClient jdbc, DataSource dataSource, CatalogueVocabulary vocabulary) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.vocabulary = vocabulary;
    }

    /**
     * Reads the whole file first (a structure error writes nothing), then stores what is not already there in one
     * COPY: a catalogue of tens of thousands of actions imports in seconds.
     */
    @Transactional
    Report importText(String text) {
        List<Parsed> records = CatalogueFormat.read(text);
        List<String> hashes = records.stream().map(r -> CatalogueRows.sha256(r.raw())).toList();
        Set<String> known = new HashSet<>(jdbc.sql("select raw_hash from catalogue_actions where raw_hash = any(?)")
                .param(hashes.toArray(String[]::new)).query(String.class).list());
        List<String> repeats = new ArrayList<>();
        List<String> anomalies = new ArrayList<>();
        List<Parsed> fresh = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Parsed record = records.get(i);
            if (!known.add(hashes.get(i))) {
                repeats.add(where(record));
                continue;
            }
            fresh.add(record);
            anomalies.addAll(anomalies(record));
            rows.add(CatalogueRows.copyable(CatalogueRows.row(record, record.raw(), hashes.get(i), null, true)));
        }
        List<String> newValues = vocabulary.addNew(fresh, CatalogueImport::where);
        PgCopy.copy(dataSource, "catalogue_actions", CatalogueRows.COLUMNS, rows);
        return new Report(records.size(), fresh.size(), repeats, newValues, anomalies);
    }

    private static String where(Parsed record) {
        return "« " + record.title() + " » (ligne " + record.firstLine() + ")";
    }

    private static List<String> anomalies(Parsed record) {
        List<String> found = new ArrayList<>();
        if (!record.has(Field.STRUCTURE)) {
            found.add(where(record) + " : pas de structure organisatrice");
        }
        String reason = record.text(Field.END_REASON);
        if (record.get(Field.STATUS).contains("Terminée") && (reason == null || reason.isBlank())) {
            found.add(where(record) + " : terminée sans raison indiquée");
        }
        if (record.get(Field.DIMENSION).isEmpty()) {
            found.add(where(record) + " : dimension vide");
        }
        return found;
    }
}
