package fr.trame.csv;

import fr.trame.Fixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one writer of the CSV files Trame hands out: text that a spreadsheet would run stays text; figures stay figures. */
class CsvExportTest {

    @Test
    void aTextCellThatASpreadsheetWouldRunAsAFormulaIsPrefixedWithAQuote() {
        assertThat(CsvExport.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvExport.text("+1")).isEqualTo("'+1");
        assertThat(CsvExport.text("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvExport.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.text("\tTab")).isEqualTo("'\tTab");
        assertThat(CsvExport.text("\rCR")).isEqualTo("'\rCR");
        // only the first character counts; ordinary text, empty and null are left alone
        assertThat(CsvExport.text("Marie-Claire = 2+2")).isEqualTo("Marie-Claire = 2+2");
        assertThat(CsvExport.text("")).isEmpty();
        assertThat(CsvExport.text(null)).isNull();
    }

    @Test
    void theFileQuotesAsRfc4180AndWritesOurFiguresAsFrenchNumbers() {
        String csv = CsvExport.write(List.of("nom", "montant", "heures"), List.of(
                List.of("=HYPERLINK(\"http://x\")", -12, new BigDecimal("-2.50")),
                List.of("St. Jean; quartier", 3L, new BigDecimal("16.00")),
                Arrays.asList("-2+3", null, 1.5)));
        assertThat(csv).isEqualTo("""
                nom;montant;heures
                "'=HYPERLINK(""http://x"")";-12;-2,50
                "St. Jean; quartier";3;16,00
                '-2+3;;1,5
                """);
        assertThat(Fixtures.cells(csv).get(1)).containsExactly("'=HYPERLINK(\"http://x\")", "-12", "-2,50");
    }

    @Test
    void theExcelDownloadStartsWithTheUtf8Mark() {
        byte[] bytes = CsvExport.forExcel(List.of("prénom"), List.of(List.of("Zoé")));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\uFEFFprénom\nZoé\n");
    }
}
