package fr.trame.catalogue;

import fr.trame.csv.CsvError;
import fr.trame.csv.CsvImportException;
import fr.trame.csv.Utf8Text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text format of the national catalogue "Les actions des centres sociaux" (interchange.md), read strictly and
 * written back byte for byte: each record keeps its lines exactly as read, and the parsed fields come from them.
 */
public final class CatalogueFormat {

    public static final String HEADER = "Les actions des centres sociaux";
    public static final String RECORD = "Actions";
    static final String PARTNERS_LINE = "Partenaires d'action:";

    /** How a field's value lines are read. */
    enum Kind { FREE, CHOICE, MULTI, PARTNERS, STRUCTURE }

    /**
     * A labelled field of a record, in the order of the format; optional ones may be absent. Each is stored in one
     * column of catalogue_actions (the structure line in two: the structure and its département), exported under one
     * CSV header, and a choice field takes its values from one vocabulary (null: free text).
     */
    enum Field {
        STRUCTURE("Structure organisatrice", Kind.STRUCTURE, true, "structure", "structure", null),
        FILES("Fichier(s) associé(s)", Kind.FREE, false, "files", "fichiers", null),
        STATUS("Statut de l'action", Kind.CHOICE, false, "status", "statut", "statut"),
        END_REASON("Raisons pour lesquelles l'action est terminée", Kind.FREE, true, "end_reason", "raisons_fin", null),
        DIMENSION("Dimension", Kind.CHOICE, false, "dimension", "dimension", "dimension"),
        KEYWORDS("Mots clés associés à l'action", Kind.MULTI, false, "keywords", "mots_cles", "mot_cle"),
        SUMMARY("Résumé", Kind.FREE, false, "summary", "resume", null),
        INITIATIVE("Qui est à l'initiative de l'action ?", Kind.MULTI, false, "initiative", "initiative", "initiative"),
        INITIATIVE_DETAIL("Précision ( si autre )", Kind.FREE, true, "initiative_detail", "precision_initiative", null),
        TERRITORY("Territoire concerné", Kind.CHOICE, false, "territory", "territoire", "territoire"),
        EXPERIENCE("Description de l'expérience, ses objectifs, ses acteurs et ses différentes phases.", Kind.FREE, false,
                "experience", "experience", null),
        PUBLIC("Public", Kind.CHOICE, false, "publics", "public", "public"),
        PARTNERS("Avec qui cette action a-t-elle été menée ?", Kind.PARTNERS, false, "partners", "partenaires", "partenaire"),
        TERRITORY_AGAIN("Territoire concerné", Kind.CHOICE, false, "territory_again", "territoire_2", "territoire"),
        DESCRIPTION("Description générale", Kind.FREE, false, "description", "description_generale", null),
        RESOURCES("Ressources financières mobilisées pour cette action", Kind.FREE, false, "resources", "ressources_financieres",
                null),
        PEOPLE("Nombre de personnes mobilisés pour cette action", Kind.FREE, false, "people", "personnes_mobilisees", null),
        RESULT_TERRITORY("Résultat sur le territoire", Kind.FREE, false, "result_territory", "resultat_territoire", null),
        RESULT_CENTRE("Résultat pour le centre social", Kind.FREE, false, "result_centre", "resultat_centre_social", null),
        RESULT_INHABITANTS("Résultat pour les habitants", Kind.FREE, false, "result_inhabitants", "resultat_habitants", null),
        LIMITS("Suite de l'action : Limites", Kind.FREE, false, "limits", "limites", null),
        PERSPECTIVES("Suite de l'action : Perspectives", Kind.FREE, false, "perspectives", "perspectives", null);

        final String label;
        final Kind kind;
        final boolean optional;
        private final String column;
        private final String csvHeader;
        private final String vocabulary;

        Field(String label, Kind kind, boolean optional, String column, String csvHeader, String vocabulary) {
            this.label = label;
            this.kind = kind;
            this.optional = optional;
            this.column = column;
            this.csvHeader = csvHeader;
            this.vocabulary = vocabulary;
        }

        public String label() {
            return label;
        }

        /** The column of catalogue_actions the field is stored in. */
        String column() {
            return column;
        }

        /** The field's header in the CSV export. */
        String csvHeader() {
            return csvHeader;
        }

        /** The vocabulary (catalogue_vocabulary.kind) the field's values come from; null for free text. */
        String vocabulary() {
            return vocabulary;
        }

        /** Stored as a text array: the lists, and the public (a choice of which several may be ticked). */
        boolean storedAsList() {
            return kind == Kind.MULTI || kind == Kind.PARTNERS || this == PUBLIC;
        }
    }

    /** A record as read: its lines exactly (from its {@code Actions} line), its first line number, its fields. */
    public record Parsed(int firstLine, List<String> lines, String title, Map<Field, List<String>> values) {

        /** The values of a choice or list field (without the {@code - }), or the lines of a free-text field. */
        public List<String> get(Field field) {
            return values.getOrDefault(field, List.of());
        }

        public boolean has(Field field) {
            return values.containsKey(field);
        }

        /** A free-text field as one text, its lines joined; null when the field is absent. */
        public String text(Field field) {
            return values.containsKey(field) ? String.join("\n", values.get(field)) : null;
        }

        public String raw() {
            return String.join("\n", lines);
        }
    }

    /** A file that does not follow the format: where and what. */
    public static class FormatException extends RuntimeException {
        private final int line;

        FormatException(int line, String message) {
            super("ligne " + line + " : " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private CatalogueFormat() {
    }

    /**
     * The text of an imported file's bytes: UTF-8 (else the line of the first bad byte, rather than letters silently
     * replaced) and no NUL (which the database refuses in text).
     */
    public static String decode(byte[] bytes) {
        String text;
        try {
            text = Utf8Text.decode(bytes);
        } catch (CsvImportException e) {
            CsvError error = e.errors().get(0);
            throw new FormatException((int) error.line(), error.message() + ".");
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int line = (int) text.substring(0, nul).chars().filter(c -> c == '\n').count() + 1;
            throw new FormatException(line, "la ligne contient un caractère NUL (octet zéro), qui n'a pas sa place dans"
                    + " un fichier texte.");
        }
        return text;
    }

    /** Reads a whole file; a structure error stops everything, naming its line. */
    public static List<Parsed> read(String text) {
        String[] lines = text.split("\n", -1);
        // one list view over the lines: records and fields are sub-lists of it, nothing is copied
        List<String> all = Arrays.asList(lines);
        if (!lines[0].equals(HEADER) && !lines[0].equals("\uFEFF" + HEADER)) {
            throw new FormatException(1, "la première ligne doit être « " + HEADER + " ».");
        }
        List<Parsed> records = new ArrayList<>();
        int i = 1;
        if (lines.length == 1 || (lines.length == 2 && lines[1].isEmpty())) {
            return records;
        }
        while (i < lines.length) {
            if (!lines[i].equals(RECORD)) {
                throw new FormatException(i + 1, "une fiche doit commencer par une ligne « " + RECORD + " ».");
            }
            int start = i;
            if (i + 1 >= lines.length) {
                throw new FormatException(i + 1, "la fiche s'arrête avant son titre.");
            }
            String title = lines[i + 1];
            i += 2;
            Map<Field, List<String>> values = new LinkedHashMap<>();
            Field[] fields = Field.values();
            int expected = 0;
            while (expected < fields.length) {
                int found = labelAt(lines, i, fields, expected);
                if (found < 0) {
                    String wanted = "« - " + required(fields, expected).label + " »";
                    throw i >= lines.length ? new FormatException(lines.length, "le fichier s'arrête ici, avant le libellé " + wanted + ".")
                            : new FormatException(i + 1, "libellé " + wanted + " attendu, trouvé « " + lines[i] + " ».");
                }
                Field field = fields[found];
                int valueStart = i + 1;
                int end = valueStart;
                int next = found + 1;
                // free text and values run to the next label the format allows here, or to the next record
                while (end < lines.length && labelAt(lines, end, fields, next) < 0
                        && !(next == fields.length && lines[end].equals(RECORD))) {
                    end++;
                }
                if (next < fields.length && end >= lines.length) {
                    misplacedLabel(lines, valueStart, end, fields, next);
                }
                values.put(field, interpret(field, all, valueStart, end));
                i = end;
                expected = next;
            }
            records.add(new Parsed(start + 1, all.subList(start, i), title, values));
        }
        return records;
    }

    /**
     * The file ended while a label was still expected: if a later label stands in the text read meanwhile, the
     * expected one is missing before it, and that is the line to name.
     */
    private static void misplacedLabel(String[] lines, int from, int to, Field[] fields, int expected) {
        for (int k = from; k < to; k++) {
            for (int f = expected + 1; f < fields.length; f++) {
                if (lines[k].equals("- " + fields[f].label)) {
                    throw new FormatException(k + 1, "libellé « - " + fields[expected].label + " » attendu, trouvé « " + lines[k] + " ».");
                }
            }
        }
    }

    /** The first field from {@code expected} on that cannot be left out. */
    private static Field required(Field[] fields, int expected) {
        int f = expected;
        while (fields[f].optional) {
            f++;
        }
        return fields[f];
    }

    /** Index of the field whose label is line {@code i}: the expected one, or an optional one that may come there. */
    private static int labelAt(String[] lines, int i, Field[] fields, int expected) {
        if (i >= lines.length || !lines[i].startsWith("- ")) {
            return -1;
        }
        String label = lines[i].substring(2);
        for (int f = expected; f < fields.length; f++) {
            if (fields[f].label.equals(label)) {
                return f;
            }
            if (!fields[f].optional) {
                return -1;
            }
        }
        return -1;
    }

    private static List<String> interpret(Field field, List<String> lines, int from, int to) {
        List<String> raw = lines.subList(from, to);
        return switch (field.kind) {
            case FREE -> List.copyOf(raw);
            case CHOICE, STRUCTURE -> choices(field, raw, from);
            case MULTI -> {
                if (!raw.isEmpty() && !raw.get(0).equals("-")) {
                    throw new FormatException(from + 1, "la liste « " + field.label + " » doit s'ouvrir par une ligne « - ».");
                }
                yield choices(field, raw.isEmpty() ? raw : raw.subList(1, raw.size()), from + 1);
            }
            case PARTNERS -> {
                if (!raw.isEmpty() && (!raw.get(0).equals("-") || raw.size() < 2 || !raw.get(1).equals(PARTNERS_LINE))) {
                    throw new FormatException(from + 1, "la liste des partenaires doit s'ouvrir par « - » puis « " + PARTNERS_LINE + " ».");
                }
                yield choices(field, raw.isEmpty() ? raw : raw.subList(2, raw.size()), from + 2);
            }
        };
    }

    private static List<String> choices(Field field, List<String> raw, int firstLineIndex) {
        List<String> values = new ArrayList<>();
        for (int k = 0; k < raw.size(); k++) {
            if (!raw.get(k).startsWith("- ")) {
                throw new FormatException(firstLineIndex + k + 1, "valeur « - … » attendue pour « " + field.label
                        + " », trouvé « " + raw.get(k) + " ».");
            }
            values.add(raw.get(k).substring(2));
        }
        return values;
    }

    /**
     * The lines of a record written in Trame, in the format's order: optional labels only when they have a value,
     * lists opened as the format opens them. Free text is written as typed, one line per line.
     */
    public static String render(String title, Map<Field, List<String>> values) {
        List<String> lines = new ArrayList<>(List.of(RECORD, title));
        for (Field field : Field.values()) {
            List<String> value = values.getOrDefault(field, List.of());
            if (field.optional && value.isEmpty()) {
                continue;
            }
            lines.add("- " + field.label);
            if (field.kind == Kind.FREE) {
                lines.addAll(value);
                continue;
            }
            if (!value.isEmpty() && (field.kind == Kind.MULTI || field.kind == Kind.PARTNERS)) {
                lines.add("-");
            }
            if (!value.isEmpty() && field.kind == Kind.PARTNERS) {
                lines.add(PARTNERS_LINE);
            }
            value.forEach(v -> lines.add("- " + v));
        }
        return String.join("\n", lines);
    }

    /** The file of these records, as the catalogue writes it: no final newline. */
    public static String write(List<String> rawRecords) {
        StringBuilder out = new StringBuilder(HEADER);
        for (String record : rawRecords) {
            out.append('\n').append(record);
        }
        return out.toString();
    }
}
