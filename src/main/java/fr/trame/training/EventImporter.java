package fr.trame.training;

import fr.trame.csv.CsvColumns;
import fr.trame.csv.CsvImportException;
import fr.trame.csv.CsvTable;
import fr.trame.csv.ImportResult;
import fr.trame.form.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.trame.csv.CsvColumns.NAME;
import static fr.trame.csv.CsvColumns.REFERENCE;
import static fr.trame.csv.CsvColumns.SHORT;

/**
 * An event's registrations from a CSV file {@code nom;prenom;structure_ref;qualite;categorie}: all or nothing, every
 * error with its line and column. {@code structure_ref} is the registry's reference of the structure (empty: outside
 * the network, an individual). A line already registered (same person, structure and category) is left as it is, so a
 * second import of the same file adds nothing. A cell is text: « =1+1 » is the name « =1+1 », never a formula.
 */
@Service
public class EventImporter {

    static final CsvColumns COLUMNS = new CsvColumns()
            .required("nom", NAME).required("prenom", NAME).required("structure_ref", REFERENCE)
            .required("qualite", SHORT).optional("categorie", 60);

    /** Who imports: {@code territories} null for the direction (any structure, and people outside the network). */
    public record Importer(Set<Long> territories, Long userId) {
    }

    private final JdbcClient jdbc;
    private final EventService events;

    public EventImporter(JdbcClient jdbc, EventService events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    private record Known(long id, Long territoryId) {
    }

    @Transactional
    public ImportResult importCsv(long federationId, long eventId, InputStream in, Importer who) {
        events.get(federationId, eventId);
        CsvTable table = CsvTable.read(in, COLUMNS);
        Set<String> refs = new LinkedHashSet<>();
        for (CsvTable.Row row : table.rows()) {
            String ref = row.text("structure_ref");
            if (ref != null) {
                refs.add(ref);
            }
        }
        Map<String, Known> known = new HashMap<>();
        jdbc.sql("select ref, id, territory_id from federation_structures where federation_id = :f and ref = any(:refs)")
                .param("f", federationId).param("refs", refs.toArray(String[]::new))
                .query((rs, n) -> known.put(rs.getString(1), new Known(rs.getLong(2), (Long) rs.getObject(3))))
                .list();
        List<EventService.NewRegistration> rows = new ArrayList<>();
        Map<String, Long> lineOf = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String last = row.required("nom");
            String first = row.required("prenom");
            String quality = row.required("qualite") == null ? null
                    : row.oneOf("qualite", Set.copyOf(EventService.QUALITIES));
            String category = row.text("categorie");
            String ref = row.text("structure_ref");
            Long structure = null;
            if (ref != null) {
                Known k = known.get(ref);
                if (k == null) {
                    row.error("structure_ref", "structure « " + ref + " » inconnue du registre de la fédération"
                            + " (la référence est celle de la colonne ref du registre des structures)");
                } else if (who.territories() != null && (k.territoryId() == null || !who.territories().contains(k.territoryId()))) {
                    row.error("structure_ref", "la structure « " + ref + " » n'est pas dans un territoire qui vous est confié");
                } else {
                    structure = k.id();
                }
            } else if (who.territories() != null && !row.isEmpty("nom")) {
                row.error("structure_ref", "indiquez la structure : seule la direction inscrit des personnes hors du réseau");
            }
            if (last == null || first == null || quality == null) {
                continue;
            }
            String key = EventService.fold(last) + "|" + EventService.fold(first) + "|" + (ref == null ? "" : ref) + "|"
                    + EventService.fold(category);
            Long earlier = lineOf.putIfAbsent(key, row.line());
            if (earlier != null) {
                row.error("nom", "même personne, même structure et même catégorie qu'à la ligne " + earlier);
            }
            rows.add(new EventService.NewRegistration(structure, last, first, quality, category));
        }
        table.throwIfErrors();
        int added;
        try {
            added = events.register(federationId, eventId, rows, who.userId());
        } catch (Refused e) {
            throw CsvImportException.wholeFile(e.getMessage());
        }
        Map<String, Integer> changes = new LinkedHashMap<>();
        changes.put("inscription(s) ajoutée(s)", added);
        changes.put("déjà inscrite(s), laissée(s) telle(s) quelle(s)", rows.size() - added);
        return new ImportResult(table.rows().size(), changes);
    }
}
