package fr.trame.catalogue;

import fr.trame.TrameTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Importing the catalogue: repeats, new values, anomalies, all or nothing, idempotent; the export gives it back. */
@TrameTest
class CatalogueImportTest {

    @Autowired CatalogueService catalogue;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void empty() {
        // the catalogue is shared by all centres: each test starts from an empty one
        jdbc.sql("delete from catalogue_actions").update();
    }

    @Test
    void repeatsAreStoredOnceNewValuesAndAnomaliesAreReported() {
        String[] records = CatalogueFormatTest.TWO.split("\nActions\n");
        String garden = "Actions\n" + records[1];
        String cafe = "Actions\n" + records[2];
        // the garden twice, the café with a new keyword
        String file = CatalogueFormat.write(List.of(garden, cafe.replace("- Mots clés associés à l'action\n-\n",
                "- Mots clés associés à l'action\n-\n- Jeux de société\n"), garden));
        CatalogueService.Report report = catalogue.importText(file);
        assertThat(report.read()).isEqualTo(3);
        assertThat(report.stored()).isEqualTo(2);
        assertThat(report.repeats()).containsExactly("« Jardin des familles » (ligne 81)");
        assertThat(report.newValues()).containsExactly("mot_cle « Jeux de société », « Café des parents » (ligne 53)");
        // the garden is "Terminée" with a reason; the café has no structure and no dimension
        assertThat(report.anomalies()).containsExactly("« Café des parents » (ligne 53) : pas de structure organisatrice",
                "« Café des parents » (ligne 53) : dimension vide");
        assertThat(jdbc.sql("select structure || ' / ' || departement from catalogue_actions where title = 'Jardin des familles'")
                .query(String.class).single()).isEqualTo("CS du Moulin / Haute-Garonne");
        assertThat(jdbc.sql("select array_to_string(partners, ',') from catalogue_actions where title = 'Jardin des familles'")
                .query(String.class).single()).isEqualTo("Commune,Bailleur social");

        // importing it again changes nothing; the export is the file less its repeat
        CatalogueService.Report again = catalogue.importText(file);
        assertThat(again.stored()).isZero();
        assertThat(again.repeats()).hasSize(3);
        assertThat(catalogue.exportText()).isEqualTo(CatalogueFormat.write(List.of(garden, cafe.replace(
                "- Mots clés associés à l'action\n-\n", "- Mots clés associés à l'action\n-\n- Jeux de société\n"))));
        assertThat(catalogue.exportCsv().split("\n")[0]).startsWith("titre;structure;departement;fichiers;statut");
        assertThat(catalogue.exportCsv()).contains("Jardin des familles;CS du Moulin;Haute-Garonne;;Terminée;")
                .contains(";Environnement | Parentalité;");
    }

    @Test
    void theCsvExportKeepsTitlesThatLookLikeFormulasAsText() {
        String garden = "Actions\n" + CatalogueFormatTest.TWO.split("\nActions\n")[1];
        List<String> titles = List.of("=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)", "-2+3", "\tTab");
        catalogue.importText(CatalogueFormat.write(titles.stream()
                .map(title -> garden.replace("\nJardin des familles\n", "\n" + title + "\n")).toList()));
        List<List<String>> cells = fr.trame.Fixtures.cells(catalogue.exportCsv());
        assertThat(cells.get(0).get(0)).isEqualTo("titre");
        assertThat(cells.subList(1, cells.size())).extracting(row -> row.get(0)).containsExactly(
                "'=HYPERLINK(\"http://x\")", "'+1", "'@SUM(A1)", "'-2+3", "'\tTab");
        // free text keeps its points; a free text starting with "- " is neutralised like any cell
        assertThat(cells.get(1).get(5)).isEqualTo("'- Le terrain a été vendu.");
        assertThat(cells.get(1).get(cells.get(1).size() - 1)).isEqualTo("Chercher un autre terrain.");
    }

    @Test
    void aBadFileWritesNothing() {
        String bad = CatalogueFormatTest.TWO + "\nActions\nSans rien d'autre";
        CatalogueFormat.FormatException e = catchThrowableOfType(CatalogueFormat.FormatException.class, () -> catalogue.importText(bad));
        assertThat(e.getMessage()).isEqualTo("ligne 81 : le fichier s'arrête ici, avant le libellé « - Fichier(s) associé(s) ».");
        assertThat(jdbc.sql("select count(*) from catalogue_actions").query(Long.class).single()).isZero();
    }

    @Test
    void theNationalExport() throws Exception {
        Path seed = Path.of("..", "shared", "seeds", "002_aa8ed177602d5f0b.txt");
        assumeThat(Files.exists(seed)).isTrue();
        String text = Files.readString(seed, StandardCharsets.UTF_8);
        CatalogueService.Report report = catalogue.importText(text);
        assertThat(report.read()).isEqualTo(25);
        assertThat(report.repeats()).hasSize(2);
        assertThat(report.stored()).isEqualTo(23);
        // its values are the starting vocabularies
        assertThat(report.newValues()).isEmpty();
        List<CatalogueFormat.Parsed> read = CatalogueFormat.read(text);
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> lessRepeats = read.stream().map(CatalogueFormat.Parsed::raw).filter(seen::add).toList();
        assertThat(catalogue.exportText()).isEqualTo(CatalogueFormat.write(lessRepeats));
    }
}
