package fr.trame.csv;

import java.io.InputStream;

/**
 * One kind of a centre's CSV import, as the command line ({@code import KIND FICHIER --centre CODE}) and the upload page
 * name it. Each module's importer declares itself; {@link CentreImports} finds them all, so a new kind needs no edit
 * elsewhere. Its order on the page is its bean's {@code @Order}.
 */
public interface CentreImport {

    /** The kind's name on the command line and in the form: {@code people}, {@code sessions}… */
    String kind();

    /** What the file holds, in French, for the upload page: « Foyers et personnes (people.csv) ». */
    String label();

    /** The expected columns, in French, for the upload page's reminder. */
    String columns();

    /** Whether only the direction (and the administrator) may import it; the register's kinds are reception's too. */
    default boolean directionOnly() {
        return false;
    }

    /** Imports the whole file or nothing; throws {@link CsvImportException} listing every error. */
    ImportResult importCsv(long centreId, InputStream in);
}
