package fr.trame;

import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** Helpers that make each test's own centre and users, so tests sharing one database never see each other's rows. */
@Component
public class Fixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();
    public static final String PASSWORD = "mot-de-passe-de-test";

    private final CentreService centres;
    private final UserService users;

    public Fixtures(CentreService centres, UserService users) {
        this.centres = centres;
        this.users = users;
    }

    public Centre centre(String prefix) {
        int n = SEQ.incrementAndGet();
        return centres.create(prefix + "-" + n + "-" + System.nanoTime() % 100000, "Centre " + prefix + " " + n);
    }

    /** A user with a role in the centre; returns the username (password {@link #PASSWORD}). */
    public String user(Centre centre, Role role) {
        String username = role.code() + "-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        long id = users.create(username, "Test " + role.label(), PASSWORD, false);
        users.setRole(id, centre.id(), role);
        return username;
    }

    public static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
