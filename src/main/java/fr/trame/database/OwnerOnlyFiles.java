package fr.trame.database;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files that hold secrets or personal data (the database's password, the first admin's password, backups, RGPD
 * exports) are created readable by their owner only (mode 600), never readable by others, not even for a moment.
 */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /** Writes the file whole or not at all: a temporary file beside it, then moved over it. */
    public static Path write(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp", attributes());
        try {
            Files.write(tmp, bytes);
            return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A new, empty file (an existing one is replaced) to stream into. */
    public static OutputStream create(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, attributes());
        return Files.newOutputStream(file);
    }

    public static FileAttribute<?>[] attributes() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
