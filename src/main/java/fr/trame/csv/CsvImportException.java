package fr.trame.csv;

import java.util.List;

/** The file was refused: nothing has been written. Carries every error found. */
public class CsvImportException extends RuntimeException {

    private final List<CsvError> errors;

    public CsvImportException(List<CsvError> errors) {
        super(errors.size() + " erreur(s) : rien n'a été importé");
        this.errors = List.copyOf(errors);
    }

    public List<CsvError> errors() {
        return errors;
    }
}
