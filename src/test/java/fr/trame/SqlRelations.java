package fr.trame;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relations a Java source names in its SQL: the string literals and text blocks are read (comments and code are
 * skipped), and every name after {@code from}, {@code join}, {@code into}, {@code update}, {@code delete from},
 * {@code copy}, {@code truncate} or {@code table}, and after the commas of a {@code from} list, is one use. Names
 * qualified by a dot ({@code from t.date}) are columns, not relations.
 */
final class SqlRelations {

    /** A relation named at a line of a file; {@code write} for insert, update, delete, copy, truncate, table. */
    record Use(int line, String relation, boolean write) {
    }

    private static final Pattern NAMED = Pattern.compile(
            "\\b(delete\\s+from|from|join|into|update|copy|truncate(?:\\s+table)?|table)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)\\b(?!\\s*\\.)",
            Pattern.CASE_INSENSITIVE);
    /** After a relation of a from list: its alias, then a comma and the next relation. */
    private static final Pattern NEXT_IN_LIST = Pattern.compile(
            "\\G(?:\\s+(?:as\\s+)?(?!on\\b|where\\b|join\\b|left\\b|inner\\b|cross\\b|group\\b|order\\b)[a-z_][a-z0-9_]*)?"
                    + "\\s*,\\s*(?!lateral\\b)([a-z_][a-z0-9_]*)\\b(?!\\s*[.(])",
            Pattern.CASE_INSENSITIVE);

    private SqlRelations() {
    }

    static List<Use> in(String javaSource) {
        List<Use> uses = new ArrayList<>();
        for (Literal literal : literals(javaSource)) {
            Matcher m = NAMED.matcher(literal.text());
            while (m.find()) {
                String keyword = m.group(1).toLowerCase();
                boolean write = !(keyword.equals("from") || keyword.equals("join"));
                uses.add(new Use(literal.lineAt(m.start(2)), m.group(2).toLowerCase(), write));
                if (keyword.equals("from")) {
                    Matcher next = NEXT_IN_LIST.matcher(literal.text());
                    int at = m.end(2);
                    while (next.find(at) && next.start() == at) {
                        uses.add(new Use(literal.lineAt(next.start(1)), next.group(1).toLowerCase(), false));
                        at = next.end(1);
                    }
                }
            }
        }
        return uses;
    }

    /** A string literal or text block, the line it starts on, and where its text starts and ends in the source. */
    record Literal(int line, String text, int start, int end) {
        int lineAt(int offset) {
            int l = line;
            for (int i = 0; i < offset; i++) {
                if (text.charAt(i) == '\n') {
                    l++;
                }
            }
            return l;
        }
    }

    /** The literals of a Java source, read by a small lexer that knows comments, char literals and text blocks. */
    static List<Literal> literals(String src) {
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (src.startsWith("//", i)) {
                while (i < src.length() && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? src.length() : end + 2;
                line += count(src, i, end);
                i = end;
            } else if (src.startsWith("\"\"\"", i)) {
                int start = src.indexOf('\n', i) + 1;
                int end = start;
                while (!src.startsWith("\"\"\"", end) || src.charAt(end - 1) == '\\') {
                    end++;
                }
                line += count(src, i, start);
                literals.add(new Literal(line, src.substring(start, end), start, end));
                line += count(src, start, end);
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (src.charAt(end) != c) {
                    end += src.charAt(end) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    literals.add(new Literal(line, src.substring(i + 1, end), i + 1, end));
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int count(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
