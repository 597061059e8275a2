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

import java.time.LocalDate;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code import partners}: the partners' directory and the conventions, and the partners figures of 2025. */
@TrameTest
class PartnerImportTest {

    static final String HEADER = "partner;kind;contact;convention_object;convention_start;convention_end;signed_on\n";

    static final String PARTNERS = HEADER + """
            Ville de Lens;commune;Mme Maire;Mise à disposition des locaux;2024-01-01;2026-12-31;2023-12-15
            Ville de Lens;commune;;Contrat enfance jeunesse;2025-01-01;2025-12-31;
            CAF du Pas-de-Calais;caf;M. Caf;Prestation de service animation globale;2022-01-01;2025-12-31;01/02/2022
            Collège Jean Zay;ecole;;;;;
            Mission locale;association;;Permanence emploi;2023-01-01;2024-12-31;2023-01-10
            """;

    @Autowired Fixtures fixtures;
    @Autowired PartnerImporter importer;
    @Autowired PartnerService partners;
    @Autowired AssociationIndicators indicators;
    @Autowired JdbcClient jdbc;

    Centre centre;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("partners-file");
    }

    @Test
    void theFileFeedsThePartnersFigures() {
        ImportResult result = importer.importCsv(centre.id(), csv(PARTNERS));
        // 4 partners (Lens on two lines), 4 conventions (the Collège's line is just the partner)
        assertThat(result.changes()).containsEntry("partenaire(s) créé(s)", 4).containsEntry("convention(s) créée(s)", 4);
        assertThat(partners.list(centre.id())).extracting(PartnerService.Partner::name, PartnerService.Partner::contact,
                PartnerService.Partner::conventions).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CAF du Pas-de-Calais", "M. Caf", 1L),
                org.assertj.core.groups.Tuple.tuple("Collège Jean Zay", null, 0L),
                org.assertj.core.groups.Tuple.tuple("Mission locale", null, 1L),
                // the empty contact of line 3 keeps line 2's
                org.assertj.core.groups.Tuple.tuple("Ville de Lens", "Mme Maire", 2L));
        Association.Partners p = figures();
        assertThat(p.partners()).isEqualTo(4);
        assertThat(p.byKind()).containsEntry("commune", 1L).containsEntry("caf", 1L).containsEntry("ecole", 1L)
                .containsEntry("association", 1L).hasSize(4);
        // signed and running in 2025: Lens's premises (2024–2026) and the CAF's (2022–2025); Lens's CEJ is not signed,
        // the Mission locale's ended in 2024
        assertThat(p.conventions()).isEqualTo(2);
    }

    @Test
    void reimportingChangesNothingAndASignatureUpdatesItsConvention() {
        importer.importCsv(centre.id(), csv(PARTNERS));
        String before = snapshot();
        assertThat(importer.importCsv(centre.id(), csv(PARTNERS)).changedNothing()).isTrue();
        assertThat(snapshot()).isEqualTo(before);

        ImportResult signed = importer.importCsv(centre.id(), csv(HEADER + """
                Ville de Lens;commune;;Contrat enfance jeunesse;2025-01-01;2025-12-31;2025-02-03
                Collège Jean Zay;ecole;Mme Principale;;;;
                """));
        assertThat(signed.changes()).containsEntry("convention(s) mise(s) à jour", 1).containsEntry("convention(s) créée(s)", 0)
                .containsEntry("partenaire(s) mis à jour", 1).containsEntry("partenaire(s) créé(s)", 0);
        // the CEJ is signed now: 2 + 1 = 3
        assertThat(figures().conventions()).isEqualTo(3);
    }

    @Test
    void aBadFileIsRefusedWithLineAndColumnAndWritesNothing() {
        importer.importCsv(centre.id(), csv(PARTNERS));
        String before = snapshot();
        String bad = HEADER + """
                A;mairie;;;;;
                B;commune;;Objet;2025-06-01;2025-05-31;
                B;caf;;;;;
                C;commune;;;2025-01-01;;
                D;commune;;Objet;;;2025-01-01
                E;commune;;Objet;2025-01-01;;2025-13-01
                B;commune;;Objet;2025-06-01;;
                ;commune;;;;;
                F\0;commune;;;;;
                """;
        assertThatThrownBy(() -> importer.importCsv(centre.id(), csv(bad))).isInstanceOfSatisfying(CsvImportException.class,
                e -> assertThat(e.errors()).extracting(CsvError::toString).containsExactly(
                        "ligne 2, colonne 2 (kind) : type de partenaire « mairie » inconnu (attendu : "
                                + String.join(", ", PartnerService.KINDS) + ")",
                        "ligne 3, colonne 6 (convention_end) : la fin (31/05/2025) précède le début (01/06/2025)",
                        "ligne 4, colonne 2 (kind) : le partenaire « B » est de type « commune » ligne 3 : un partenaire a le"
                                + " même type sur toutes ses lignes",
                        "ligne 5, colonne 4 (convention_object) : valeur obligatoire manquante",
                        "ligne 6, colonne 5 (convention_start) : valeur obligatoire manquante",
                        "ligne 7, colonne 7 (signed_on) : date invalide « 2025-13-01 » (attendu AAAA-MM-JJ ou JJ/MM/AAAA)",
                        "ligne 8, colonne 4 (convention_object) : cette convention (même partenaire, même objet, même début)"
                                + " figure déjà ligne 3",
                        "ligne 9, colonne 1 (partner) : valeur obligatoire manquante",
                        "ligne 10, colonne 1 (partner) : contient un caractère NUL (octet zéro), qui n'a pas sa place dans un"
                                + " fichier texte"));
        assertThat(snapshot()).isEqualTo(before);
        assertThatThrownBy(() -> importer.importCsv(centre.id(), csv("partner;contact\nA;x\n")))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.errors()).extracting(CsvError::toString)
                        .containsExactly("ligne 1 : colonne obligatoire manquante : « kind »"));
        assertThat(snapshot()).isEqualTo(before);
    }

    private Association.Partners figures() {
        return indicators.compute(centre.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).partners();
    }

    private String snapshot() {
        return jdbc.sql("""
                select (select count(*) from partners where centre_id = :c) || ':' || (select count(*) from conventions where centre_id = :c)
                       || ':' || coalesce((select string_agg(pa.name || pa.kind || coalesce(pa.contact, '-') || coalesce(c.object, '-')
                                  || coalesce(c.start_date::text, '-') || coalesce(c.end_date::text, '-')
                                  || coalesce(c.signed_on::text, '-'), '|' order by pa.name, c.object)
                           from partners pa left join conventions c on c.centre_id = pa.centre_id and c.partner_id = pa.id
                           where pa.centre_id = :c), '')""").param("c", centre.id()).query(String.class).single();
    }
}
