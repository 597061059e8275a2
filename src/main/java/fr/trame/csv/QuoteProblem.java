package fr.trame.csv;

import java.util.List;

/**
 * Why the CSV parser stopped in a record: it says so in English and only gives the record's first line, so the record
 * is read again here as RFC 4180 reads it, to name the quote at fault, its line and its column.
 */
final class QuoteProblem {

    private static final String HOW = "une valeur entre guillemets finit par un guillemet suivi de « ; » ou de la fin"
            + " de ligne, et un guillemet à l'intérieur s'écrit « \"\" »";

    private QuoteProblem() {
    }

    /** The problem of the record that starts at {@code line}; {@code header} names the columns, null when it is the header. */
    static CsvError find(String text, long line, List<String> header) {
        int n = text.length();
        long at = line;
        long openedAt = line;
        int column = 1;
        int openedColumn = 1;
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = offsetOf(text, line); i < n; i++) {
            char c = text.charAt(i);
            if (quoted && c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                i++; // a doubled quote inside the value
                continue;
            }
            if (quoted && c == '"') {
                quoted = false;
                int next = i + 1;
                while (next < n && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
                    next++; // the parser lets spaces follow a closing quote
                }
                if (next < n && ";\r\n".indexOf(text.charAt(next)) < 0) {
                    return error(at, column, header, "texte après le guillemet qui ferme la valeur : " + HOW);
                }
            } else if (!quoted && c == '"' && fieldStart) {
                quoted = true;
                openedAt = at;
                openedColumn = column;
            } else if (!quoted && c == ';') {
                column++;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break; // the record ends well: the parser stopped for another reason
            }
            fieldStart = !quoted && c == ';';
            if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                at++;
            }
        }
        if (quoted) {
            return error(openedAt, openedColumn, header, "guillemet ouvert ici et jamais refermé (la valeur court"
                    + " jusqu'à la fin du fichier) : " + HOW);
        }
        return new CsvError(line, 0, null, "ligne illisible : vérifiez les guillemets (" + HOW + ")");
    }

    private static CsvError error(long line, int column, List<String> header, String message) {
        String name = header != null && column <= header.size() ? header.get(column - 1) : null;
        return new CsvError(line, name == null ? 0 : column, name, message);
    }

    /** Where line {@code line} (from 1) starts, counting line breaks as the parser does (CR LF, LF or CR). */
    private static int offsetOf(String text, long line) {
        long at = 1;
        int i = 0;
        while (at < line && i < text.length()) {
            char c = text.charAt(i++);
            if (c == '\n' || (c == '\r' && (i >= text.length() || text.charAt(i) != '\n'))) {
                at++;
            }
        }
        return i;
    }
}
