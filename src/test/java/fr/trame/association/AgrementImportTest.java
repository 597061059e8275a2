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
import java.util.List;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code import agrements}: the centre's agréments, and those in force that the indicators list. */
@TrameTest
class AgrementImportTest {

    static final String HEADER = "label;issuer;start_date;end_date;reference\n";

    static final String AGREMENTS = HEADER + """
            Centre social (animation globale);CAF du Pas-de-Calais;2022-01-01;2025-12-31;AG-2022-14
            Animation collective familles;CAF du Pas-de-Calais;2022-01-01;2025-12-31;
            Jeunesse et éducation populaire;SDJES;01/05/2019;;JEP-62-118
            Espace de vie sociale;CAF;2018-01-01;2021-12-31;
            """;

    @Autowired Fixtures fixtures;
    @Autowired AgrementImporter importer;
    @Autowired AssociationIndicators indicators;
    @Autowired JdbcClient jdbc;

    Centre centre;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("agrements-file");
    }

    @Test
    void theFileFeedsTheAgrementsInForce() {
        ImportResult result = importer.importCsv(centre.id(), csv(AGREMENTS));
        assertThat(result.changes()).containsEntry("agrément(s) créé(s)", 4);
        // in force on 31/12/2025: the two CAF ones end that day, JEP has no end; the EVS one ended in 2021; by label
        assertThat(inForce(2025)).containsExactly(
                new Association.Agrement("Animation collective familles", "CAF du Pas-de-Calais", LocalDate.of(2022, 1, 1),
                        LocalDate.of(2025, 12, 31)),
                new Association.Agrement("Centre social (animation globale)", "CAF du Pas-de-Calais", LocalDate.of(2022, 1, 1),
                        LocalDate.of(2025, 12, 31)),
                new Association.Agrement("Jeunesse et éducation populaire", "SDJES", LocalDate.of(2019, 5, 1), null));
        // on 31/12/2026 only JEP
        assertThat(inForce(2026)).extracting(Association.Agrement::label).containsExactly("Jeunesse et éducation populaire");
    }

    @Test
    void reimportingChangesNothingAndARenewalIsANewAgrement() {
        importer.importCsv(centre.id(), csv(AGREMENTS));
        String before = snapshot();
        assertThat(importer.importCsv(centre.id(), csv(AGREMENTS)).changedNothing()).isTrue();
        assertThat(snapshot()).isEqualTo(before);
        ImportResult renewed = importer.importCsv(centre.id(), csv(HEADER + """
                Centre social (animation globale);CAF du Pas-de-Calais;2026-01-01;2029-12-31;AG-2026-03
                Animation collective familles;CAF du Pas-de-Calais;2022-01-01;2025-12-31;ACF-2022-07
                """));
        assertThat(renewed.changes()).containsEntry("agrément(s) créé(s)", 1).containsEntry("agrément(s) mis à jour", 1);
        assertThat(inForce(2026)).extracting(Association.Agrement::label)
                .containsExactly("Centre social (animation globale)", "Jeunesse et éducation populaire");
        assertThat(jdbc.sql("select count(*) from agrements where centre_id = ?").param(centre.id()).query(Long.class).single())
                .isEqualTo(5);
    }

    @Test
    void aBadFileIsRefusedWithLineAndColumnAndWritesNothing() {
        importer.importCsv(centre.id(), csv(AGREMENTS));
        String before = snapshot();
        String bad = HEADER + """
                ;CAF;2025-01-01;;
                A;;2025-01-01;;
                A;CAF;;;
                A;CAF;2025-06-01;2025-01-01;
                B;CAF;01/13/2025;;
                C;CAF;2025-01-01;;R\0
                C;CAF;2025-01-01;;
                """;
        assertThatThrownBy(() -> importer.importCsv(centre.id(), csv(bad))).isInstanceOfSatisfying(CsvImportException.class,
                e -> assertThat(e.errors()).extracting(CsvError::toString).containsExactly(
                        "ligne 2, colonne 1 (label) : valeur obligatoire manquante",
                        "ligne 3, colonne 2 (issuer) : valeur obligatoire manquante",
                        "ligne 4, colonne 3 (start_date) : valeur obligatoire manquante",
                        "ligne 5, colonne 4 (end_date) : la fin (01/01/2025) précède le début (01/06/2025)",
                        "ligne 6, colonne 3 (start_date) : date invalide « 01/13/2025 » (attendu AAAA-MM-JJ ou JJ/MM/AAAA)",
                        "ligne 7, colonne 5 (reference) : contient un caractère NUL (octet zéro), qui n'a pas sa place dans un"
                                + " fichier texte",
                        "ligne 8, colonne 1 (label) : cet agrément (même intitulé, même début) figure déjà ligne 7"));
        assertThat(snapshot()).isEqualTo(before);
        assertThatThrownBy(() -> importer.importCsv(centre.id(), csv("label;start_date\nA;2025-01-01\n")))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.errors()).extracting(CsvError::toString)
                        .containsExactly("ligne 1 : colonne obligatoire manquante : « issuer »"));
        assertThat(snapshot()).isEqualTo(before);
    }

    private List<Association.Agrement> inForce(int year) {
        return indicators.compute(centre.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).agrements();
    }

    private String snapshot() {
        return jdbc.sql("""
                select count(*) || ':' || coalesce(string_agg(label || issuer || start_date || coalesce(end_date::text, '-')
                       || coalesce(reference, '-'), '|' order by label, start_date), '')
                from agrements where centre_id = ?""").param(centre.id()).query(String.class).single();
    }
}
