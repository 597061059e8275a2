package fr.trame.centre;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@Service
public class UserService {

    public record User(long id, String username, String displayName, boolean platformAdmin, boolean enabled) {
    }

    /** A user's role in one centre, for the admin page. */
    public record Membership(long userId, String username, String displayName, boolean enabled, Role role) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    public UserService(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    public boolean noPlatformAdmin() {
        return jdbc.sql("select not exists (select 1 from users where platform_admin and enabled)").query(Boolean.class).single();
    }

    @Transactional
    public long create(String username, String displayName, String rawPassword, boolean platformAdmin) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,60}")) {
            throw new IllegalArgumentException("Identifiant invalide : 2 à 60 caractères (lettres, chiffres, . _ @ -).");
        }
        if (findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("L'identifiant « " + username + " » est déjà pris.");
        }
        checkPassword(rawPassword);
        return jdbc.sql("""
                insert into users (username, display_name, password_hash, platform_admin)
                values (?, ?, ?, ?) returning id""")
                .params(username, displayName == null || displayName.isBlank() ? username : displayName.trim(),
                        encoder.encode(rawPassword), platformAdmin)
                .query(Long.class).single();
    }

    @Transactional
    public void setPassword(long userId, String rawPassword) {
        checkPassword(rawPassword);
        jdbc.sql("update users set password_hash = ? where id = ?").params(encoder.encode(rawPassword), userId).update();
    }

    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        jdbc.sql("update users set enabled = ? where id = ?").params(enabled, userId).update();
    }

    /** Gives (or changes) the user's role in the centre; null removes it. */
    @Transactional
    public void setRole(long userId, long centreId, Role role) {
        if (role == null) {
            jdbc.sql("delete from user_roles where centre_id = ? and user_id = ?").params(centreId, userId).update();
            return;
        }
        jdbc.sql("""
                insert into user_roles (centre_id, user_id, role) values (?, ?, ?)
                on conflict (centre_id, user_id) do update set role = excluded.role""")
                .params(centreId, userId, role.code()).update();
    }

    public Optional<User> findByUsername(String username) {
        return jdbc.sql("""
                select id, username, display_name, platform_admin, enabled from users where lower(username) = lower(?)""")
                .param(username).query(User.class).optional();
    }

    public Optional<String> passwordHash(String username) {
        return jdbc.sql("select password_hash from users where lower(username) = lower(?)")
                .param(username).query(String.class).optional();
    }

    /** Centre id → role, for a user. A platform admin is admin everywhere. */
    public Map<Long, Role> rolesOf(long userId) {
        boolean platformAdmin = jdbc.sql("select platform_admin from users where id = ?").param(userId)
                .query(Boolean.class).single();
        if (platformAdmin) {
            return jdbc.sql("select id from centres").query(Long.class).list().stream()
                    .collect(Collectors.toMap(id -> id, id -> Role.ADMIN));
        }
        return jdbc.sql("select centre_id, role from user_roles where user_id = ?").param(userId)
                .query((rs, n) -> Map.entry(rs.getLong(1), Role.fromCode(rs.getString(2)))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public List<Membership> usersOfCentre(long centreId) {
        return jdbc.sql("""
                select u.id, u.username, u.display_name, u.enabled, r.role
                from user_roles r join users u on u.id = r.user_id
                where r.centre_id = ? order by lower(u.display_name)""")
                .param(centreId)
                .query((rs, n) -> new Membership(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        Role.fromCode(rs.getString(5))))
                .list();
    }

    private static void checkPassword(String raw) {
        if (raw == null || raw.length() < 10) {
            throw new IllegalArgumentException("Le mot de passe doit compter au moins 10 caractères.");
        }
    }

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static String randomPassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
