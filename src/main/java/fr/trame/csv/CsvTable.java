package fr.trame.csv;

import fr.trame.form.Parse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A CSV file of interchange.md read whole: UTF-8 (BOM accepted), {@code ;}, RFC 4180 quoting, a header whose names are
 * case-insensitive and in any order. Typed getters record an error (line, column) instead of throwing, so an import
 * reports every problem of a file at once. Lines are the file's lines, the header being line 1: a record whose quoted
 * value holds a line break takes several.
 */
public final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setDelimiter(';').setQuote('"').get();
    private static final String NUL = "contient un caractère NUL (octet zéro), qui n'a pas sa place dans un fichier texte";
    /** Errors kept to show by line and column, then in the order they were found. */
    private static final Comparator<Found> ORDER = Comparator.comparing(Found::error,
            Comparator.comparingLong(CsvError::line).thenComparingInt(CsvError::column)).thenComparingLong(Found::seq);

    private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}");
    /** About fifty years of days: a file of more distinct dates (births) parses the others each time, in bounded memory. */
    private static final int DATES_KEPT = 20_000;

    private final List<String> header;
    private final CsvColumns columns;
    // a file repeats its dates and times: each distinct text is parsed once
    private final Map<String, LocalDate> dates = new HashMap<>();
    private final Map<String, LocalTime> times = new HashMap<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private Consumer<Row> sink = rows::add;
    private long rowCount;
    // the first errors only: a file of a million bad lines must not hold a million messages
    private final TreeSet<Found> errors = new TreeSet<>(ORDER);
    private long errorCount;

    private record Found(CsvError error, long seq) {
    }

    private CsvTable(List<String> header, CsvColumns columns) {
        this.header = header;
        this.columns = columns;
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
    }

    /**
     * Reads the file and checks its header; a problem that stops the reading (encoding, quotes, header, no data line)
     * is thrown at once, since no row can be read then.
     */
    public static CsvTable read(InputStream in, CsvColumns columns) {
        return read(in, columns, null);
    }

    /**
     * The same, each row handed to {@code each} as it is read and not kept ({@link #rows()} stays empty): a file of a
     * million rows need not be held whole, cells and all. Its errors are kept as {@link #read(InputStream, CsvColumns)}
     * keeps them.
     */
    public static CsvTable read(InputStream in, CsvColumns columns, Consumer<Row> each) {
        String text;
        try {
            text = Utf8Text.decode(in.readAllBytes());
        } catch (IOException e) {
            throw new CsvImportException(List.of(new CsvError(1, 0, null, "fichier illisible : " + e.getMessage())));
        }
        CsvTable table = text.indexOf('"') < 0 ? readUnquoted(text, columns, each) : readQuoted(text, columns, each);
        if (table == null) {
            throw new CsvImportException(List.of(new CsvError(1, 0, null, "le fichier est vide (il manque la ligne d'en-tête)")));
        }
        if (table.rowCount == 0) {
            throw new CsvImportException(List.of(new CsvError(1, 0, null,
                    "le fichier ne contient que la ligne d'en-tête : aucune ligne de données, rien à importer")));
        }
        return table;
    }

    /**
     * A file without a single double quote, as most are: each line is one record, its values between the {@code ;},
     * read as Commons CSV reads them (a line break is LF, CR LF or CR) but several times faster.
     */
    private static CsvTable readUnquoted(String text, CsvColumns columns, Consumer<Row> each) {
        CsvTable table = null;
        long line = 1;
        int at = 0;
        int length = text.length();
        while (at < length) {
            int start = at;
            List<String> cells = new ArrayList<>(table == null ? 16 : table.header.size());
            int end = at;
            while (end < length) {
                char c = text.charAt(end);
                if (c == '\n' || c == '\r') {
                    break;
                }
                if (c == ';') {
                    cells.add(text.substring(start, end));
                    start = end + 1;
                }
                end++;
            }
            cells.add(text.substring(start, end));
            at = end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
            if (table == null) {
                table = fromHeader(cells, columns, each);
            } else if (cells.size() > 1 || !cells.get(0).isBlank()) { // a blank line is skipped
                table.accept(table.new Row(line, cells));
            }
            line++;
        }
        return table;
    }

    private static CsvTable readQuoted(String text, CsvColumns columns, Consumer<Row> each) {
        CsvTable table = null;
        long line = 1; // where the next record starts
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                long recordLine = line;
                line = parser.getCurrentLineNumber() + 1;
                if (table == null) {
                    table = fromHeader(record.toList(), columns, each);
                } else if (record.size() > 1 || !record.get(0).isBlank()) { // a blank line is skipped
                    table.accept(table.new Row(recordLine, record.toList()));
                }
            }
        } catch (UncheckedIOException | IOException e) {
            // Commons CSV stops at a quote it cannot read, in English: say where and why in French
            throw new CsvImportException(List.of(QuoteProblem.find(text, line, table == null ? null : table.header)));
        }
        return table;
    }

    private void accept(Row row) {
        rowCount++;
        sink.accept(row);
    }

    private static CsvTable fromHeader(List<String> record, CsvColumns columns, Consumer<Row> each) {
        List<String> names = new ArrayList<>();
        List<CsvError> problems = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).trim().toLowerCase(Locale.ROOT);
            names.add(name);
            if (record.get(i).indexOf('\0') >= 0) {
                problems.add(new CsvError(1, i + 1, name.replace("\0", ""), NUL));
            } else if (!columns.knows(name)) {
                problems.add(new CsvError(1, i + 1, name, "colonne inconnue « " + shortened(record.get(i).trim()) + " »"));
            } else if (names.indexOf(name) != i) {
                problems.add(new CsvError(1, i + 1, name, "colonne en double"));
            }
        }
        for (String name : columns.required()) {
            if (!names.contains(name)) {
                problems.add(new CsvError(1, 0, null, "colonne obligatoire manquante : « " + name + " »"));
            }
        }
        if (!problems.isEmpty()) {
            throw new CsvImportException(problems);
        }
        CsvTable table = new CsvTable(names, columns);
        if (each != null) {
            table.sink = each;
        }
        return table;
    }

    private static String shortened(String v) {
        return v.length() <= 40 ? v : v.substring(0, 40) + "…";
    }

    public List<Row> rows() {
        return rows;
    }

    public void error(long line, String column, String message) {
        Integer i = index.get(column);
        add(new CsvError(line, i == null ? 0 : i + 1, column, message));
    }

    private void add(CsvError error) {
        errors.add(new Found(error, errorCount++));
        if (errors.size() > CsvImportException.SHOWN) {
            errors.pollLast();
        }
    }

    /**
     * Records as errors the references a staged file makes to rows the centre does not have. The query returns
     * (line, column, value) and takes the centre as {@code :centre}; {@code what} names each column's kind of row.
     */
    public void unknownReferences(JdbcClient jdbc, String sql, long centreId,
                                  Map<String, String> what, String hint) {
        jdbc.sql(sql).param("centre", centreId).query((rs, n) -> {
            String column = rs.getString(2);
            error(rs.getLong(1), column, what.get(column) + " « " + rs.getString(3) + " » inconnu(e) dans ce centre" + hint);
            return null;
        }).list();
    }

    public void throwIfErrors() {
        if (errorCount > 0) {
            throw new CsvImportException(errors.stream().map(Found::error).toList(), errorCount);
        }
    }

    /**
     * One data line. Getters return null for an empty cell and for a wrong value (after recording its error). A cell
     * holding a NUL or longer than its column allows is refused here, once, and reads as null from then on.
     */
    public final class Row {
        private final long line;
        private final List<String> cells;
        private final boolean[] refused;

        private Row(long line, List<String> cells) {
            this.line = line;
            this.cells = cells;
            this.refused = new boolean[cells.size()];
            if (cells.size() != header.size()) {
                add(new CsvError(line, 0, null, cells.size() + " valeurs au lieu de " + header.size()
                        + " (vérifiez les « ; » et les guillemets)"));
            }
            for (int i = 0; i < Math.min(cells.size(), header.size()); i++) {
                String v = cells.get(i).trim();
                int max = columns.maxLength(header.get(i));
                if (cells.get(i).indexOf('\0') >= 0) { // before trim(), which drops a NUL at either end
                    refuse(i, NUL);
                } else if (v.length() > max && v.codePointCount(0, v.length()) > max) {
                    refuse(i, "la valeur dépasse " + max + " caractères (elle en a " + v.codePointCount(0, v.length()) + ")");
                }
            }
        }

        private void refuse(int cell, String message) {
            refused[cell] = true;
            add(new CsvError(line, cell + 1, header.get(cell), message));
        }

        public long line() {
            return line;
        }

        public String text(String column) {
            Integer i = index.get(column);
            if (i == null || i >= cells.size() || refused[i]) {
                return null;
            }
            String v = cells.get(i).trim();
            return v.isEmpty() ? null : v;
        }

        /** The cell is empty or absent in the file (a refused cell is not: its error is already recorded). */
        public boolean isEmpty(String column) {
            Integer i = index.get(column);
            return i == null || i >= cells.size() || cells.get(i).isBlank();
        }

        public String required(String column) {
            if (isEmpty(column)) {
                error(column, "valeur obligatoire manquante");
            }
            return text(column);
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
            LocalDate known = dates.get(v);
            if (known != null) {
                return known;
            }
            try {
                LocalDate date = Parse.date(v);
                if (dates.size() < DATES_KEPT) {
                    dates.put(v, date);
                }
                return date;
            } catch (DateTimeParseException e) {
                error(column, "date invalide « " + v + " » (attendu AAAA-MM-JJ ou JJ/MM/AAAA)");
                return null;
            }
        }

        /** A required date: its absence is an error like {@link #required}'s. */
        public LocalDate requiredDate(String column) {
            if (isEmpty(column)) {
                error(column, "valeur obligatoire manquante");
                return null;
            }
            return date(column);
        }

        /** A required clock time {@code H:MM} or {@code HH:MM}. */
        public LocalTime time(String column) {
            String v = required(column);
            if (v == null) {
                return null;
            }
            LocalTime known = times.get(v);
            if (known != null) {
                return known;
            }
            try {
                if (TIME.matcher(v).matches()) {
                    LocalTime time = LocalTime.parse(v.length() == 4 ? "0" + v : v);
                    times.put(v, time);
                    return time;
                }
            } catch (DateTimeParseException ignored) {
                // reported below
            }
            error(column, "heure invalide « " + v + " » (attendu HH:MM)");
            return null;
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
