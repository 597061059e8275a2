package fr.trame.centre;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On an empty database: one admin account whose random password is printed once. There is no default password. */
@Component
@Order(0)
public class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserService users;

    public AdminBootstrap(UserService users) {
        this.users = users;
    }

    public void createFirstAdminIfNone() {
        if (!users.noUsers()) {
            return;
        }
        String password = UserService.randomPassword();
        users.create("admin", "Administrateur", password, true);
        String banner = """

                ================================================================
                  Compte administrateur créé : identifiant « admin »
                  Mot de passe (affiché une seule fois, notez-le) : %s
                ================================================================
                """.formatted(password);
        log.warn(banner);
    }
}
