package fr.trame.centre;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * When no administrator exists (an empty database): one admin account with a random password, which must be changed
 * at first login. The password goes to a file only its owner may read, never to the log (logs are kept and shared).
 */
@Component
@Order(0)
public class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String PASSWORD_FILE = "mot-de-passe-admin.txt";

    private final UserService users;
    private final Path dataDirectory;

    public AdminBootstrap(UserService users, @Value("${trame.data-dir:./trame-data}") String dataDirectory) {
        this.users = users;
        this.dataDirectory = Path.of(dataDirectory).toAbsolutePath().normalize();
    }

    public void createFirstAdminIfNone() {
        if (!users.noPlatformAdmin()) {
            return;
        }
        String username = users.findByUsername("admin").isEmpty() ? "admin" : "admin-" + System.currentTimeMillis() % 100000;
        UserService.Created created = users.createWithGeneratedPassword(username, "Administrateur", true);
        Path file = writeOwnerOnly(dataDirectory.resolve(PASSWORD_FILE),
                "identifiant : " + username + "\nmot de passe : " + created.password() + "\n");
        log.warn("""

                ================================================================
                  Compte administrateur créé : identifiant « {} »
                  Son mot de passe est dans le fichier {}
                  (lisible par vous seul). Il devra être changé à la première
                  connexion ; supprimez ensuite ce fichier.
                ================================================================
                """, username, file);
    }

    private static Path writeOwnerOnly(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // created with mode 600, so the password is never readable by others, not even for an instant
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible d'écrire le mot de passe administrateur dans " + file, e);
        }
    }
}
