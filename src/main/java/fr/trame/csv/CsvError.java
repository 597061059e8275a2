package fr.trame.csv;

/** One problem in an imported file: where (line, the header being line 1; column, 1-based, and its name) and what. */
public record CsvError(long line, int column, String columnName, String message) {

    @Override
    public String toString() {
        if (column <= 0) {
            return "ligne " + line + " : " + message;
        }
        return "ligne " + line + ", colonne " + column + " (" + columnName + ") : " + message;
    }
}
