package fr.trame.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes every CSV file Trame hands out, files people open in Excel or LibreOffice: {@code ;}, RFC 4180 quoting,
 * and no cell a spreadsheet would run as a formula.
 * <p>
 * Cells are typed. A {@link Number} is a figure Trame computed: it is written as a number (decimals with the French
 * comma) and bypasses {@link #text}, so a negative figure stays a number cell. Anything else is text and always goes
 * through {@link #text}, whatever it holds.
 */
public final class CsvExport {

    /** Excel reads a CSV file as UTF-8 only when it starts with this mark. */
    public static final String BOM = "\uFEFF";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\n").get();

    private CsvExport() {
    }

    /** The file as text: the header, then one line per row. */
    public static String write(List<String> header, Iterable<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            csv.printRecord(header.stream().map(CsvExport::text));
            for (List<?> row : rows) {
                csv.printRecord(row.stream().map(CsvExport::cell));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The same, as the bytes of a download for Excel (UTF-8 with its mark). */
    public static byte[] forExcel(List<String> header, Iterable<? extends List<?>> rows) {
        return (BOM + write(header, rows)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A text cell made safe (OWASP, CSV injection): a spreadsheet runs a cell starting with {@code = + - @}, a tab or a
     * carriage return as a formula, so such a cell gets a leading {@code '} and is shown as the text it is.
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String cell(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number(number);
        }
        return text(value.toString());
    }

    /** Whole numbers as they are, decimals with a comma as French spreadsheets read them. */
    private static String number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte || n instanceof BigInteger) {
            return n.toString();
        }
        BigDecimal decimal = n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
        return decimal.toPlainString().replace('.', ',');
    }
}
