package fr.trame.association;

import fr.trame.csv.CsvTable;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** How the vie associative's CSV files read the values they share: oui/non, hours, lists separated by commas. */
final class AssociationCsv {

    private static final Pattern HOURS = Pattern.compile("\\d{1,2}([.,]\\d{1,2})?");

    private AssociationCsv() {
    }

    /** {@code oui}, {@code non}, or null for an empty cell (and for a wrong value, after recording its error). */
    static Boolean yesNo(CsvTable.Row row, String column) {
        String v = row.oneOf(column, Set.of("oui", "non"));
        return v == null ? null : v.equals("oui");
    }

    /** Hours as {@code 2}, {@code 1,5} or {@code 1.75}, more than 0 and at most 24. */
    static BigDecimal hours(CsvTable.Row row, String column) {
        String v = row.text(column);
        if (v == null) {
            return null;
        }
        if (HOURS.matcher(v).matches()) {
            BigDecimal hours = new BigDecimal(v.replace(',', '.'));
            if (hours.signum() > 0 && hours.compareTo(BigDecimal.valueOf(24)) <= 0) {
                return hours;
            }
        }
        row.error(column, "« " + v + " » n'est pas un nombre d'heures entre 0 et 24 (exemples : 2 ; 1,5 ; 1.75)");
        return null;
    }

    /** The values of a cell separated by {@code ,}, trimmed, each once, in their order; empty for an empty cell. */
    static List<String> list(String cell) {
        Set<String> values = new LinkedHashSet<>();
        if (cell != null) {
            for (String v : cell.split(",")) {
                if (!v.isBlank()) {
                    values.add(v.trim());
                }
            }
        }
        return new ArrayList<>(values);
    }

    /** An ending date before the starting one is refused at the ending date's column. */
    static void checkPeriod(CsvTable.Row row, LocalDate start, LocalDate end, String endColumn) {
        if (start != null && end != null && end.isBefore(start)) {
            row.error(endColumn, "la date de fin précède la date de début");
        }
    }

    /** Records the errors a query over the staged file finds: it returns (line, column, message), the centre as {@code :centre}. */
    static void errors(JdbcClient jdbc, CsvTable table, long centreId, String sql) {
        jdbc.sql(sql).param("centre", centreId).query((rs, n) -> {
            table.error(rs.getLong(1), rs.getString(2), rs.getString(3));
            return null;
        }).list();
    }
}
