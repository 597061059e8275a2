package fr.trame.cli;

import fr.trame.Printed;
import fr.trame.TrameTest;
import fr.trame.centre.CentreService;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code user create}: an account with a role in a centre, its password printed once, to change at first login. */
@TrameTest
class UserCommandTest {

    @Autowired CommandRunner runner;
    @Autowired CentreService centres;
    @Autowired UserService users;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcClient jdbc;

    @Test
    void createsTheAccountPrintsItsPasswordLastAndRefusesAnExistingName() {
        String code = "cli-user-" + System.nanoTime() % 100000;
        long centreId = centres.create(code, "Centre des comptes").id();
        String username = "ines-" + System.nanoTime() % 100000;

        String[] out = Printed.out(() -> assertThat(runner.run(List.of("user", "create", username,
                "--centre", code, "--role", "direction", "--name", "Inès Martin"))).isZero()).strip().split("\n");
        String password = out[out.length - 1];
        assertThat(password).matches("[A-Za-z0-9]{16}");
        UserService.User user = users.findByUsername(username).orElseThrow();
        assertThat(user.displayName()).isEqualTo("Inès Martin");
        assertThat(user.mustChangePassword()).isTrue();
        assertThat(encoder.matches(password, users.passwordHash(username).orElseThrow())).isTrue();
        assertThat(users.rolesOf(user.id())).containsExactlyEntriesOf(java.util.Map.of(centreId, Role.DIRECTION));
        assertThat(jdbc.sql("select count(*) from audit_log where centre_id = ? and entity = 'utilisateur' and entity_id = ?")
                .params(centreId, user.id()).query(Long.class).single()).isEqualTo(1);

        String refused = Printed.err(() -> assertThat(runner.run(List.of("user", "create", username.toUpperCase(),
                "--centre", code, "--role", "accueil"))).isEqualTo(2));
        assertThat(refused).contains("est déjà pris");
        assertThat(Printed.err(() -> assertThat(runner.run(List.of("user", "create", "autre-" + username,
                "--centre", code, "--role", "chef"))).isEqualTo(2))).contains("--role : « chef » n'est pas un rôle");
        assertThat(runner.run(List.of("user", "create", "autre-" + username, "--centre", "inconnu", "--role", "accueil")))
                .isEqualTo(2);
        assertThat(users.findByUsername("autre-" + username)).isEmpty();
    }
}
