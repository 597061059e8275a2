package fr.trame.centre;

import fr.trame.database.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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

    /** One transaction: when the file cannot be written, no account is left whose password nobody has. */
    @Transactional
    public void createFirstAdminIfNone() {
        if (!users.noPlatformAdmin()) {
            return;
        }
        String username = users.findByUsername("admin").isEmpty() ? "admin" : "admin-" + System.currentTimeMillis() % 100000;
        UserService.Created created = users.createWithGeneratedPassword(username, "Administrateur", true);
        Path file = dataDirectory.resolve(PASSWORD_FILE);
        try {
            OwnerOnlyFiles.write(file, ("identifiant : " + username + "\nmot de passe : " + created.password() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible d'écrire le mot de passe administrateur dans " + file, e);
        }
        log.warn("""

                ================================================================
                  Compte administrateur créé : identifiant « {} »
                  Son mot de passe est dans le fichier {}
                  (lisible par vous seul). Il devra être changé à la première
                  connexion ; supprimez ensuite ce fichier.
                ================================================================
                """, username, file);
    }
}
