package fr.trame.association;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.csv.CsvError;
import fr.trame.csv.CsvImportException;
import fr.trame.csv.ImportResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** {@code import funding}: the year's products by funder and its charges, and the funding figures they feed. */
@TrameTest
class FundingImportTest {

    static final String HEADER = "year;kind;label;partner;amount\n";

    static final String ACCOUNTS = HEADER + """
            2025;produit;Prestation de service CAF;CAF du Pas-de-Calais;120 000,00
            2025;;Ville de Lens;Ville de Lens;45000.50
            2025;produit;Participation des familles;;8 250
            2025;produit;Fondation X;Fondation X;2000
            2025;charges;;;180 500,75
            2024;;Ville de Lens;Ville de Lens;40000
            """;

    @Autowired Fixtures fixtures;
    @Autowired FundingImporter importer;
    @Autowired PartnerImporter partners;
    @Autowired AssociationIndicators indicators;
    @Autowired JdbcClient jdbc;

    Centre centre;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("funding-file");
        partners.importCsv(centre.id(), csv("""
                partner;kind
                Ville de Lens;commune
                CAF du Pas-de-Calais;caf
                Fondation X;fondation
                """));
    }

    @Test
    void theFileFeedsTheFundingFigures() {
        ImportResult result = importer.importCsv(centre.id(), csv(ACCOUNTS));
        assertThat(result.changes()).containsEntry("produit(s) créé(s)", 5).containsEntry("total(aux) des charges enregistré(s)", 1);
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        Association.Funding f = indicators.compute(centre.id(), from, to).funding();
        // 120 000 + 45 000,50 + 8 250 + 2 000 = 175 250,50
        assertThat(f.products()).isEqualByComparingTo("175250.50");
        assertThat(f.byFunder()).containsExactly(entry("Prestation de service CAF", new BigDecimal("120000.00")),
                entry("Ville de Lens", new BigDecimal("45000.50")), entry("Participation des familles", new BigDecimal("8250.00")),
                entry("Fondation X", new BigDecimal("2000.00")));
        assertThat(f.charges()).isEqualByComparingTo("180500.75");
        // by the funder's kind: caf, commune; a foundation is « autre »; no funder and « familles » in the label: usagers
        assertThat(indicators.productsByFunderCategory(centre.id(), from, to))
                .containsEntry("caf", new BigDecimal("120000.00")).containsEntry("commune", new BigDecimal("45000.50"))
                .containsEntry("usagers", new BigDecimal("8250.00")).containsEntry("autre", new BigDecimal("2000.00"))
                .containsEntry("etat", new BigDecimal("0.00"));
        // 2024: Lens's 40 000 alone, no charges entered
        Association.Funding f2024 = indicators.compute(centre.id(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).funding();
        assertThat(f2024.products()).isEqualByComparingTo("40000.00");
        assertThat(f2024.charges()).isNull();
    }

    @Test
    void reimportingChangesNothingAndANewAmountReplacesTheOld() {
        importer.importCsv(centre.id(), csv(ACCOUNTS));
        String before = snapshot();
        assertThat(importer.importCsv(centre.id(), csv(ACCOUNTS)).changedNothing()).isTrue();
        assertThat(snapshot()).isEqualTo(before);
        ImportResult corrected = importer.importCsv(centre.id(), csv(HEADER + """
                2025;;Ville de Lens;Ville de Lens;46000
                2025;charges;;;181000
                """));
        assertThat(corrected.changes()).containsEntry("produit(s) mis à jour", 1).containsEntry("produit(s) créé(s)", 0)
                .containsEntry("total(aux) des charges enregistré(s)", 1);
        Association.Funding f = indicators.compute(centre.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).funding();
        // 175 250,50 − 45 000,50 + 46 000 = 176 250
        assertThat(f.products()).isEqualByComparingTo("176250.00");
        assertThat(f.charges()).isEqualByComparingTo("181000.00");
    }

    @Test
    void aBadFileIsRefusedWithLineAndColumnAndWritesNothing() {
        importer.importCsv(centre.id(), csv(ACCOUNTS));
        String before = snapshot();
        String bad = HEADER + """
                2025;produit;Ville de Lens;Ville de Lens;12.345,67
                2025;recette;Truc;;100
                20x5;;Truc;;100
                2025;;Truc;Mairie de Liévin;100
                2025;;;;100
                2025;;Charges;;100
                2025;charges;;Ville de Lens;100
                2025;;Quête;;-5
                2025;;Dons;;5
                2025;;Dons;;6
                2025;;Dons\0;;5
                2025;;Loto;;
                """;
        assertThatThrownBy(() -> importer.importCsv(centre.id(), csv(bad))).isInstanceOfSatisfying(CsvImportException.class,
                e -> assertThat(e.errors()).extracting(CsvError::toString).containsExactly(
                        "ligne 2, colonne 5 (amount) : montant invalide « 12.345,67 » (exemples : 12345,67, 12 345,67 ou"
                                + " 12345.67 ; euros, sans signe)",
                        "ligne 3, colonne 2 (kind) : valeur « recette » inconnue (attendu : charges, produit)",
                        "ligne 4, colonne 1 (year) : « 20x5 » n'est pas un nombre entier supérieur ou égal à 2000",
                        "ligne 5, colonne 4 (partner) : partenaire « Mairie de Liévin » inconnu dans ce centre (importez"
                                + " d'abord partners.csv)",
                        "ligne 6, colonne 3 (label) : valeur obligatoire manquante",
                        "ligne 7, colonne 3 (label) : un produit ne s'appelle pas « Charges » : pour le total des charges de"
                                + " l'année, indiquez kind charges",
                        "ligne 8, colonne 4 (partner) : le total des charges n'a pas de financeur : laissez partner vide",
                        "ligne 9, colonne 5 (amount) : montant invalide « -5 » (exemples : 12345,67, 12 345,67 ou 12345.67 ;"
                                + " euros, sans signe)",
                        "ligne 11, colonne 3 (label) : le produit « Dons » de 2025 figure déjà ligne 10 : une ligne par produit"
                                + " et par année",
                        "ligne 12, colonne 3 (label) : contient un caractère NUL (octet zéro), qui n'a pas sa place dans un"
                                + " fichier texte",
                        "ligne 13, colonne 5 (amount) : valeur obligatoire manquante"));
        assertThat(snapshot()).isEqualTo(before);
        assertThatThrownBy(() -> importer.importCsv(centre.id(), csv("year;label\n2025;Dons\n")))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.errors()).extracting(CsvError::toString)
                        .containsExactly("ligne 1 : colonne obligatoire manquante : « amount »"));
        assertThat(snapshot()).isEqualTo(before);
    }

    private String snapshot() {
        return jdbc.sql("""
                select coalesce((select string_agg(year || label || coalesce(partner_id::text, '-') || amount_cents, '|' order by year, label)
                                 from products where centre_id = :c), '')
                       || ':' || coalesce((select string_agg(year || '=' || charges_cents, '|' order by year)
                                           from yearly_accounts where centre_id = :c), '')""")
                .param("c", centre.id()).query(String.class).single();
    }
}
