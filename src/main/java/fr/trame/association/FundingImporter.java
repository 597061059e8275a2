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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static fr.trame.csv.CsvColumns.LABEL;
import static fr.trame.csv.CsvColumns.SHORT;

/**
 * funding.csv (docs/formats.md): the year's products, by funder or by another source, and the year's total charges
 * ({@code kind} = {@code charges}). A product is known by (year, label), the charges by their year: re-importing the
 * same file changes nothing.
 */
@Service
@Order(180)
public class FundingImporter implements CentreImport {

    static final CsvColumns COLUMNS = new CsvColumns()
            .required("year", SHORT).required("amount", SHORT)
            .optional("kind", SHORT).optional("label", LABEL).optional("partner", LABEL);

    private record Product(int year, String label, String partner, long cents) {
    }

    private final JdbcClient jdbc;

    public FundingImporter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "funding";
    }

    @Override
    public String label() {
        return "Produits et charges de l'année (funding.csv)";
    }

    @Override
    public String columns() {
        return "year, amount (euros : 12345,67, 12 345,67 ou 12345.67) (obligatoires) ; kind (produit par défaut, charges :"
                + " le total des charges de l'année) ; label (obligatoire pour un produit) ; partner (le financeur, un"
                + " partenaire connu ; vide pour la participation des familles…).";
    }

    @Override
    public boolean directionOnly() {
        return true;
    }

    @Override
    @Transactional
    public ImportResult importCsv(long centreId, InputStream in) {
        CsvTable table = CsvTable.read(in, COLUMNS);
        Set<String> known = new HashSet<>(jdbc.sql("select name from partners where centre_id = ?").param(centreId)
                .query(String.class).list());
        List<Product> products = new ArrayList<>();
        Map<Integer, Long> charges = new LinkedHashMap<>();
        Map<String, Long> productLines = new HashMap<>();
        Map<Integer, Long> chargeLines = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            Integer year = row.wholeNumber("year", 2000);
            row.required("year");
            if (year != null && year > 2100) {
                row.error("year", "année « " + year + " » hors de 2000 à 2100");
                year = null;
            }
            String kind = row.oneOf("kind", Set.of("produit", "charges"));
            Long cents = FileValues.euros(row, "amount");
            row.required("amount");
            String label = row.text("label");
            String partner = row.text("partner");
            if ("charges".equals(kind)) {
                FileValues.onlyWhen(row, "partner", false, "le total des charges n'a pas de financeur : laissez partner vide");
                if (year != null) {
                    Long before = chargeLines.putIfAbsent(year, row.line());
                    if (before != null) {
                        row.error("year", "les charges de " + year + " figurent déjà ligne " + before + " : une ligne par année");
                    } else if (cents != null) {
                        charges.put(year, cents);
                    }
                }
                continue;
            }
            if (kind == null && !row.isEmpty("kind")) {
                continue; // an unknown kind, already reported
            }
            row.required("label");
            if (label != null && label.toLowerCase(Locale.FRENCH).equals("charges")) {
                row.error("label", "un produit ne s'appelle pas « " + label + " » : pour le total des charges de l'année,"
                        + " indiquez kind charges");
                label = null;
            }
            if (partner != null && !known.contains(partner)) {
                row.error("partner", "partenaire « " + partner + " » inconnu dans ce centre (importez d'abord partners.csv)");
                partner = null;
            }
            if (year != null && label != null) {
                Long before = productLines.putIfAbsent(year + "\n" + label, row.line());
                if (before != null) {
                    row.error("label", "le produit « " + label + " » de " + year + " figure déjà ligne " + before
                            + " : une ligne par produit et par année");
                } else if (cents != null) {
                    products.add(new Product(year, label, partner, cents));
                }
            }
        }
        table.throwIfErrors();

        int created = 0;
        int updated = 0;
        for (Product p : products) {
            List<Boolean> written = jdbc.sql("""
                    insert into products (centre_id, year, partner_id, label, amount_cents)
                    values (:centre, :year, (select id from partners where centre_id = :centre and name = :partner), :label, :cents)
                    on conflict (centre_id, year, label) do update set partner_id = excluded.partner_id,
                        amount_cents = excluded.amount_cents
                    where (products.partner_id, products.amount_cents) is distinct from (excluded.partner_id, excluded.amount_cents)
                    returning xmax = 0""").param("centre", centreId).param("year", p.year()).param("partner", p.partner())
                    .param("label", p.label()).param("cents", p.cents()).query(Boolean.class).list();
            created += written.stream().filter(b -> b).count();
            updated += written.stream().filter(b -> !b).count();
        }
        int chargesWritten = 0;
        for (Map.Entry<Integer, Long> c : charges.entrySet()) {
            chargesWritten += jdbc.sql("""
                    insert into yearly_accounts (centre_id, year, charges_cents) values (?, ?, ?)
                    on conflict (centre_id, year) do update set charges_cents = excluded.charges_cents
                    where yearly_accounts.charges_cents <> excluded.charges_cents""")
                    .params(centreId, c.getKey(), c.getValue()).update();
        }
        Map<String, Integer> changes = new LinkedHashMap<>();
        changes.put("produit(s) créé(s)", created);
        changes.put("produit(s) mis à jour", updated);
        changes.put("total(aux) des charges enregistré(s)", chargesWritten);
        return new ImportResult(table.rows().size(), changes);
    }
}
