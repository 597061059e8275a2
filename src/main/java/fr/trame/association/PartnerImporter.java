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
import static fr.trame.csv.CsvColumns.SHORT;

/**
 * partners.csv (docs/formats.md): the partners' directory and the conventions signed with them. A partner is known
 * by its name, a convention by (partner, object, start): re-importing the same file changes nothing.
 */
@Service
@Order(170)
public class PartnerImporter implements CentreImport {

    static final CsvColumns COLUMNS = new CsvColumns()
            .required("partner", LABEL).required("kind", SHORT).optional("contact", LABEL)
            .optional("convention_object", 500).optional("convention_start", SHORT).optional("convention_end", SHORT)
            .optional("signed_on", SHORT);

    private static final List<String> CONVENTION = List.of("convention_object", "convention_start", "convention_end", "signed_on");

    private record Partner(String name, String kind, String contact, long line) {
    }

    private record Convention(String partner, String object, LocalDate start, LocalDate end, LocalDate signedOn) {
    }

    private final JdbcClient jdbc;

    public PartnerImporter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "partners";
    }

    @Override
    public String label() {
        return "Partenaires et conventions (partners.csv)";
    }

    @Override
    public String columns() {
        return "partner (nom), kind (" + String.join(", ", PartnerService.KINDS) + ") (obligatoires) ; contact ; pour une "
                + "convention : convention_object et convention_start (obligatoires alors), convention_end, signed_on.";
    }

    @Override
    public boolean directionOnly() {
        return true;
    }

    @Override
    @Transactional
    public ImportResult importCsv(long centreId, InputStream in) {
        CsvTable table = CsvTable.read(in, COLUMNS);
        Map<String, Partner> partners = new LinkedHashMap<>();
        Map<String, Long> conventionLines = new HashMap<>();
        List<Convention> conventions = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String name = row.required("partner");
            String kind = row.required("kind");
            if (kind != null && !PartnerService.KINDS.contains(kind)) {
                row.error("kind", "type de partenaire « " + kind + " » inconnu (attendu : "
                        + String.join(", ", PartnerService.KINDS) + ")");
                kind = null;
            }
            String contact = row.text("contact");
            if (name != null && kind != null) {
                Partner seen = partners.putIfAbsent(name, new Partner(name, kind, contact, row.line()));
                if (seen != null && !seen.kind().equals(kind)) {
                    row.error("kind", "le partenaire « " + name + " » est de type « " + seen.kind() + " » ligne " + seen.line()
                            + " : un partenaire a le même type sur toutes ses lignes");
                } else if (seen != null && contact != null && seen.contact() != null && !seen.contact().equals(contact)) {
                    row.error("contact", "le partenaire « " + name + " » a un autre contact ligne " + seen.line());
                } else if (seen != null && seen.contact() == null && contact != null) {
                    partners.put(name, new Partner(name, kind, contact, seen.line()));
                }
            }
            if (CONVENTION.stream().allMatch(row::isEmpty)) {
                continue; // just the partner
            }
            String object = row.required("convention_object");
            LocalDate start = row.date("convention_start");
            row.required("convention_start");
            LocalDate end = row.date("convention_end");
            FileValues.endNotBefore(row, "convention_end", start, end);
            LocalDate signed = row.date("signed_on");
            if (name != null && object != null && start != null) {
                String key = name + "\n" + object + "\n" + start;
                Long before = conventionLines.putIfAbsent(key, row.line());
                if (before != null) {
                    row.error("convention_object", "cette convention (même partenaire, même objet, même début) figure déjà ligne "
                            + before);
                }
                conventions.add(new Convention(name, object, start, end, signed));
            }
        }
        table.throwIfErrors();

        int created = 0;
        int updated = 0;
        for (Partner p : partners.values()) {
            List<Boolean> written = jdbc.sql("""
                    insert into partners (centre_id, name, kind, contact) values (?, ?, ?, ?)
                    on conflict (centre_id, name) do update set kind = excluded.kind,
                        contact = coalesce(excluded.contact, partners.contact)
                    where (partners.kind, partners.contact) is distinct from (excluded.kind, coalesce(excluded.contact, partners.contact))
                    returning xmax = 0""").params(centreId, p.name(), p.kind(), p.contact()).query(Boolean.class).list();
            created += written.stream().filter(b -> b).count();
            updated += written.stream().filter(b -> !b).count();
        }
        int conventionsCreated = 0;
        int conventionsUpdated = 0;
        for (Convention c : conventions) {
            Map<String, Object> params = new HashMap<>();
            params.put("centre", centreId);
            params.put("partner", c.partner());
            params.put("object", c.object());
            params.put("start", c.start());
            params.put("end", c.end());
            params.put("signed", c.signedOn());
            String same = """
                    from partners pa where pa.centre_id = :centre and pa.name = :partner
                      and c.centre_id = pa.centre_id and c.partner_id = pa.id and c.object = :object and c.start_date = :start""";
            int changed = jdbc.sql("update conventions c set end_date = cast(:end as date), signed_on = cast(:signed as date) " + same
                    + " and (c.end_date, c.signed_on) is distinct from (cast(:end as date), cast(:signed as date))")
                    .params(params).update();
            conventionsUpdated += changed;
            boolean exists = changed > 0 || jdbc.sql("select count(*) from conventions c where exists (select 1 " + same + ")")
                    .params(params).query(Long.class).single() > 0;
            if (!exists) {
                conventionsCreated += jdbc.sql("""
                        insert into conventions (centre_id, partner_id, object, start_date, end_date, signed_on)
                        select :centre, pa.id, :object, :start, cast(:end as date), cast(:signed as date)
                        from partners pa where pa.centre_id = :centre and pa.name = :partner""").params(params).update();
            }
        }
        Map<String, Integer> changes = new LinkedHashMap<>();
        changes.put("partenaire(s) créé(s)", created);
        changes.put("partenaire(s) mis à jour", updated);
        changes.put("convention(s) créée(s)", conventionsCreated);
        changes.put("convention(s) mise(s) à jour", conventionsUpdated);
        return new ImportResult(table.rows().size(), changes);
    }
}
