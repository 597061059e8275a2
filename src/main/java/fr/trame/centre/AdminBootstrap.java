package fr.trame.centre;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * When no administrator exists (an empty database): one admin account whose random password is printed once.
 * There is no default password anywhere.
 */
@Component
@Order(0)
public class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserService users;

    public AdminBootstrap(UserService users) {
        this.users = users;
    }

    public void createFirstAdminIfNone() {
        if (!users.noPlatformAdmin()) {
            return;
        }
        String password = UserService.randomPassword();
        String username = users.findByUsername("admin").isEmpty() ? "admin" : "admin-" + System.currentTimeMillis() % 100000;
        users.create(username, "Administrateur", password, true);
        String banner = """

                ================================================================
                  Compte administrateur créé : identifiant « %s »
                  Mot de passe (affiché une seule fois, notez-le) : %s
                ================================================================
                """.formatted(username, password);
        log.warn(banner);
    }
}
