package fr.trame.cli;

import fr.trame.database.OwnerOnlyFiles;

import java.io.IOException;
import java.nio.file.Path;

/** The files commands write. */
final class OutputFiles {

    private OutputFiles() {
    }

    /** Personal data: readable by the file's owner only. */
    static void writeOwnerOnly(Path file, byte[] bytes) {
        try {
            OwnerOnlyFiles.write(file, bytes);
        } catch (IOException e) {
            throw new UsageException("Écriture impossible de " + file + " : " + e.getMessage());
        }
    }
}
