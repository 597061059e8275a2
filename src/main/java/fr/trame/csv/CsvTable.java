package fr.trame.csv;

import fr.trame.form.Parse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CSV file of interchange.md read whole: UTF-8 (BOM accepted), {@code ;}, RFC 4180 quoting, a header whose names are
 * case-insensitive and in any order. Typed getters record an error (line, column) instead of throwing, so an import
 * reports every problem of a file at once.
 */
public final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setDelimiter(';').setQuote('"').get();

    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<CsvError> errors = new ArrayList<>();

    private CsvTable(List<String> header) {
        this.header = header;
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
    }

    /** Reads the file and checks its header; a header problem is thrown at once, since no row can be read then. */
    public static CsvTable read(InputStream in, Set<String> required, Set<String> optional) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            CsvTable table = null;
            for (CSVRecord record : parser) {
                if (table == null) {
                    table = fromHeader(record, required, optional);
                    continue;
                }
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // blank line
                }
                table.rows.add(table.new Row(record.getRecordNumber(), record.toList()));
            }
            if (table == null) {
                throw new CsvImportException(List.of(new CsvError(1, 0, null, "le fichier est vide (il manque la ligne d'en-tête)")));
            }
            return table;
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static CsvImportException unreadable(IOException e) {
        String why = e instanceof CharacterCodingException
                ? "le fichier n'est pas en UTF-8 (enregistrez-le en « CSV UTF-8 »)"
                : "fichier illisible : " + e.getMessage();
        return new CsvImportException(List.of(new CsvError(1, 0, null, why)));
    }

    private static CsvTable fromHeader(CSVRecord record, Set<String> required, Set<String> optional) {
        List<String> names = new ArrayList<>();
        List<CsvError> problems = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
            names.add(name);
            if (!required.contains(name) && !optional.contains(name)) {
                problems.add(new CsvError(1, i + 1, name, "colonne inconnue « " + record.get(i).trim() + " »"));
            } else if (names.indexOf(name) != i) {
                problems.add(new CsvError(1, i + 1, name, "colonne en double"));
            }
        }
        for (String name : required) {
            if (!names.contains(name)) {
                problems.add(new CsvError(1, 0, null, "colonne obligatoire manquante : « " + name + " »"));
            }
        }
        if (!problems.isEmpty()) {
            throw new CsvImportException(problems);
        }
        return new CsvTable(names);
    }

    public List<Row> rows() {
        return rows;
    }

    public List<CsvError> errors() {
        return errors;
    }

    public void error(long line, String column, String message) {
        Integer i = index.get(column);
        errors.add(new CsvError(line, i == null ? 0 : i + 1, column, message));
    }

    /**
     * Records as errors the references a staged file makes to rows the centre does not have. The query returns
     * (line, column, value) and takes the centre as {@code :centre}; {@code what} names each column's kind of row.
     */
    public void unknownReferences(org.springframework.jdbc.core.simple.JdbcClient jdbc, String sql, long centreId,
                                  Map<String, String> what, String hint) {
        jdbc.sql(sql).param("centre", centreId).query((rs, n) -> {
            String column = rs.getString(2);
            error(rs.getLong(1), column, what.get(column) + " « " + rs.getString(3) + " » inconnu(e) dans ce centre" + hint);
            return null;
        }).list();
    }

    public void throwIfErrors() {
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingLong(CsvError::line).thenComparingInt(CsvError::column));
            throw new CsvImportException(errors);
        }
    }

    /** One data line. Getters return null for an empty cell and for a wrong value (after recording its error). */
    public final class Row {
        private final long line;
        private final List<String> cells;

        private Row(long line, List<String> cells) {
            this.line = line;
            this.cells = cells;
            if (cells.size() != header.size()) {
                errors.add(new CsvError(line, 0, null, cells.size() + " valeurs au lieu de " + header.size()
                        + " (vérifiez les « ; » et les guillemets)"));
            }
        }

        public long line() {
            return line;
        }

        public String text(String column) {
            Integer i = index.get(column);
            if (i == null || i >= cells.size()) {
                return null;
            }
            String v = cells.get(i).trim();
            return v.isEmpty() ? null : v;
        }

        public String required(String column) {
            String v = text(column);
            if (v == null) {
                error(column, "valeur obligatoire manquante");
            }
            return v;
        }

        public String oneOf(String column, Set<String> allowed) {
            String v = text(column);
            if (v != null && !allowed.contains(v)) {
                error(column, "valeur « " + v + " » inconnue (attendu : " + String.join(", ", allowed.stream().sorted().toList()) + ")");
                return null;
            }
            return v;
        }

        public LocalDate date(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                return Parse.date(v);
            } catch (DateTimeParseException e) {
                error(column, "date invalide « " + v + " » (attendu AAAA-MM-JJ ou JJ/MM/AAAA)");
                return null;
            }
        }

        public Integer wholeNumber(String column, int min) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                int n = Integer.parseInt(v);
                if (n >= min) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            error(column, "« " + v + " » n'est pas un nombre entier supérieur ou égal à " + min);
            return null;
        }

        /** Euros as {@code 12}, {@code 12,50} or {@code 12.50}, returned in cents. */
        public Integer euros(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            Integer cents = Parse.cents(v);
            if (cents != null) {
                return cents;
            }
            error(column, "montant invalide « " + v + " » (exemples : 12 ou 12,50)");
            return null;
        }

        public String email(String column) {
            String v = text(column);
            if (v != null && !Parse.isEmail(v)) {
                error(column, "adresse électronique invalide « " + v + " »");
                return null;
            }
            return v;
        }

        public void error(String column, String message) {
            CsvTable.this.error(line, column, message);
        }
    }
}
