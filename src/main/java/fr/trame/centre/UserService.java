package fr.trame.centre;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@Service
public class UserService {

    public record User(long id, String username, String displayName, boolean platformAdmin, boolean enabled,
                       boolean mustChangePassword, OffsetDateTime credentialsChangedAt) {
    }

    /** What {@link #changeOwnPassword} says when the current password is not the right one. */
    public static final String WRONG_CURRENT = "Le mot de passe actuel n'est pas le bon.";

    /** A user's role in one centre, for the admin page, and whether they hold the disability permission there. */
    public record Membership(long userId, String username, String displayName, boolean enabled, Role role,
                             boolean seesDisability) {
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

    /** An account whose password the person chose (tests, set-up); see {@link #createWithGeneratedPassword}. */
    @Transactional
    public long create(String username, String displayName, String rawPassword, boolean platformAdmin) {
        return create(username, displayName, rawPassword, platformAdmin, false);
    }

    /** An account with a random password, which its owner must change at first login; returns the password. */
    @Transactional
    public Created createWithGeneratedPassword(String username, String displayName, boolean platformAdmin) {
        String password = randomPassword();
        return new Created(create(username, displayName, password, platformAdmin, true), password);
    }

    public record Created(long id, String password) {
    }

    /** A new account with a role in one centre and a generated password to change at first login. */
    @Transactional
    public Created createInCentre(String username, String displayName, long centreId, Role role) {
        Created created = createWithGeneratedPassword(username, displayName, false);
        setRole(created.id(), centreId, role);
        return created;
    }

    private long create(String username, String displayName, String rawPassword, boolean platformAdmin,
                        boolean mustChangePassword) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,60}")) {
            throw new IllegalArgumentException("Identifiant invalide : 2 à 60 caractères (lettres, chiffres, . _ @ -).");
        }
        if (findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("L'identifiant « " + username + " » est déjà pris.");
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName.trim();
        if (name.length() > 100) {
            throw new IllegalArgumentException("Le nom affiché dépasse 100 caractères.");
        }
        checkPassword(rawPassword);
        return jdbc.sql("""
                insert into users (username, display_name, password_hash, platform_admin, must_change_password)
                values (?, ?, ?, ?, ?) returning id""")
                .params(username, name, encoder.encode(rawPassword), platformAdmin, mustChangePassword)
                .query(Long.class).single();
    }

    /** A new random password set by an administrator; the owner must change it at next login. Returns it. */
    @Transactional
    public String resetPassword(long userId) {
        String password = randomPassword();
        jdbc.sql("update users set password_hash = ?, must_change_password = true, credentials_changed_at = now() where id = ?")
                .params(encoder.encode(password), userId).update();
        return password;
    }

    /** The owner changes their own password, proving they know the current one. Returns what is wrong, or null. */
    @Transactional
    public String changeOwnPassword(long userId, String current, String chosen, String confirmation) {
        String hash = jdbc.sql("select password_hash from users where id = ?").param(userId).query(String.class).single();
        if (current == null || current.length() > 200 || !encoder.matches(current, hash)) {
            return WRONG_CURRENT;
        }
        String problem = passwordProblem(chosen);
        if (problem != null) {
            return problem;
        }
        if (!chosen.equals(confirmation)) {
            return "Les deux saisies du nouveau mot de passe ne sont pas identiques.";
        }
        if (chosen.equals(current)) {
            return "Choisissez un mot de passe différent de l'actuel.";
        }
        jdbc.sql("update users set password_hash = ?, must_change_password = false, credentials_changed_at = now() where id = ?")
                .params(encoder.encode(chosen), userId).update();
        return null;
    }

    /**
     * Whether a user may manage the target's account (role, password, enabling): a platform admin may manage every
     * account; a centre administrator only accounts that are not a platform admin's and whose every role is in a
     * centre they administer, so that a password reset can never open another centre's account.
     */
    public boolean canManage(long actorId, long targetId) {
        // an account with no role at all is nobody's to take: it may be a person another centre removed.
        // The target's roles span centres (shards under Citus): the subqueries name the accounts by parameter, not by a
        // correlation on user_id, so that they run once across the shards, joined on centre_id (docs/scale.md).
        return jdbc.sql("""
                select target.id <> actor.id and (actor.platform_admin or (not target.platform_admin
                       and exists (select 1 from user_roles t join user_roles a on a.centre_id = t.centre_id
                                   where t.user_id = :target and a.user_id = :actor and a.role = 'admin')
                       and not exists (select 1 from user_roles t
                                       left join user_roles a on a.centre_id = t.centre_id and a.user_id = :actor
                                            and a.role = 'admin'
                                       where t.user_id = :target and a.user_id is null)))
                from users actor, users target where actor.id = :actor and target.id = :target""")
                .param("actor", actorId).param("target", targetId).query(Boolean.class).optional().orElse(false);
    }

    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        jdbc.sql("update users set enabled = ?, credentials_changed_at = case when ? then credentials_changed_at else now() end"
                        + " where id = ?")
                .params(enabled, enabled, userId).update();
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

    /**
     * Whether the user holds the disability permission in the centre: granted on their role there only, so a platform
     * administrator without a role in the centre does not.
     */
    public boolean seesDisability(long userId, long centreId) {
        return jdbc.sql("select sees_disability from user_roles where centre_id = ? and user_id = ?")
                .params(centreId, userId).query(Boolean.class).optional().orElse(false);
    }

    /** Grants or withdraws the disability permission of a user who has a role in the centre; false if they have none. */
    @Transactional
    public boolean setSeesDisability(long userId, long centreId, boolean granted) {
        return 0 < jdbc.sql("update user_roles set sees_disability = ? where centre_id = ? and user_id = ?")
                .params(granted, centreId, userId).update();
    }

    public Optional<User> findByUsername(String username) {
        // what a login form receives may be anything: a NUL (which PostgreSQL refuses) or a megabyte is nobody
        if (username == null || username.length() > 60 || username.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id, username, display_name, platform_admin, enabled, must_change_password, credentials_changed_at
                from users where lower(username) = lower(?)""")
                .param(username).query(User.class).optional();
    }

    public Optional<String> passwordHash(String username) {
        if (username == null || username.length() > 60 || username.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        return jdbc.sql("select password_hash from users where lower(username) = lower(?)")
                .param(username).query(String.class).optional();
    }

    /**
     * The user's role in one centre (admin for a platform admin), if any: what a centre's page checks, read on that
     * centre's rows only (rolesOf reads every centre's).
     */
    public Optional<Role> roleIn(long userId, long centreId) {
        return jdbc.sql("""
                select case when u.platform_admin then 'admin' else r.role end
                from users u left join user_roles r on r.centre_id = ? and r.user_id = u.id
                where u.id = ? and (u.platform_admin or r.role is not null)""")
                .params(centreId, userId).query(String.class).optional().map(Role::fromCode);
    }

    /** Centre id → role, for a user (every centre: for the home page). A platform admin is admin everywhere. */
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

    /**
     * The centre's team: enabled accounts whose role here works with the public (Role#takesAttendance), so can be
     * an appointment's staff, an activity's referent or a case's reader. Federation accounts and platform
     * administrators without a role in the centre are not.
     */
    public List<Membership> staffOfCentre(long centreId) {
        return usersOfCentre(centreId).stream().filter(m -> m.enabled() && m.role().takesAttendance()).toList();
    }

    public boolean isStaffOf(long centreId, Long userId) {
        return userId != null && staffOfCentre(centreId).stream().anyMatch(m -> m.userId() == userId);
    }

    public List<Membership> usersOfCentre(long centreId) {
        return jdbc.sql("""
                select u.id, u.username, u.display_name, u.enabled, r.role, r.sees_disability
                from user_roles r join users u on u.id = r.user_id
                where r.centre_id = ? order by lower(u.display_name)""")
                .param(centreId)
                .query((rs, n) -> new Membership(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        Role.fromCode(rs.getString(5)), rs.getBoolean(6)))
                .list();
    }

    private static void checkPassword(String raw) {
        String problem = passwordProblem(raw);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The rule for every password, or null when it is kept: bcrypt reads at most 72 bytes of it. */
    static String passwordProblem(String raw) {
        if (raw == null || raw.length() < 10) {
            return "Le mot de passe doit compter au moins 10 caractères.";
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > 72) {
            return "Le mot de passe est trop long : au plus 72 octets (72 lettres sans accent, moins avec des accents).";
        }
        return null;
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
