package fr.trame.csv;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A file without quotes (read line by line) and the same file with one quoted value (read by Commons CSV) agree. */
class CsvTableReadTest {

    private static final CsvColumns COLUMNS = new CsvColumns().required("a", 10).optional("b", 10).optional("c", 10);

    @Test
    void linesCellsAndErrorsAreTheSameWithOrWithoutQuotes() {
        String unquoted = "A;b;C\r\n1;x;\r\n\r\n2;;z\r3;y\n  \n4;;;\n5\n";
        String quoted = unquoted.replace("2;;z", "\"2\";;z");
        assertThat(read(unquoted)).isEqualTo(read(quoted)).containsExactly(
                "2:[1, x, null]", "4:[2, null, z]", "5:[3, y, null]", "7:[4, null, null]", "8:[5, null, null]",
                "ligne 5 : 2 valeurs au lieu de 3 (vérifiez les « ; » et les guillemets)",
                "ligne 7 : 4 valeurs au lieu de 3 (vérifiez les « ; » et les guillemets)",
                "ligne 8 : 1 valeurs au lieu de 3 (vérifiez les « ; » et les guillemets)");
    }

    private static List<String> read(String text) {
        CsvTable table = CsvTable.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), COLUMNS);
        List<String> seen = new ArrayList<>(table.rows().stream()
                .map(r -> r.line() + ":" + Arrays.asList(r.text("a"), r.text("b"), r.text("c"))).toList());
        try {
            table.throwIfErrors();
        } catch (CsvImportException e) {
            e.errors().forEach(error -> seen.add(error.toString()));
        }
        return seen;
    }
}
