package fr.trame.csv;

import java.util.List;

/**
 * The file was refused: nothing has been written. Carries the first {@link #SHOWN} errors by line and column (a long
 * list helps nobody: the first ones show what is wrong) and how many there are in all.
 */
public class CsvImportException extends RuntimeException {

    public static final int SHOWN = 100;

    private final List<CsvError> errors;
    private final long total;

    /** The errors in the order given. */
    public CsvImportException(List<CsvError> errors) {
        this(errors.subList(0, Math.min(SHOWN, errors.size())), errors.size());
    }

    /** {@code first} are the first errors to show of {@code total}. */
    CsvImportException(List<CsvError> first, long total) {
        super(total + " erreur(s) : rien n'a été importé");
        this.errors = List.copyOf(first);
        this.total = total;
    }

    /** A file refused as a whole (none chosen, empty, unreadable): one error, on its first line. */
    public static CsvImportException wholeFile(String why) {
        return new CsvImportException(List.of(new CsvError(1, 0, null, why)));
    }

    /** The errors to show: the first ones, by line and column. */
    public List<CsvError> errors() {
        return errors;
    }

    /** How many errors the file has, shown or not. */
    public long total() {
        return total;
    }

    /** The errors left out of {@link #errors()}. */
    public long notShown() {
        return total - errors.size();
    }
}
