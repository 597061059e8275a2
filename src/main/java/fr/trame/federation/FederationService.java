package fr.trame.federation;

import fr.trame.centre.UserService;
import fr.trame.form.Refused;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Federations and the roles users hold in them. */
@Service
public class FederationService {

    public static final Pattern CODE = Pattern.compile("[a-z0-9-]{2,40}");

    /** A user of the federation, with their role. */
    public record Member(long userId, String username, String displayName, boolean enabled, FederationRole role) {
    }

    private final JdbcClient jdbc;
    private final UserService users;

    public FederationService(JdbcClient jdbc, UserService users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** A new account with a role in this federation and a generated password to change at first login. */
    @Transactional
    public UserService.Created createUser(long federationId, String username, String displayName, FederationRole role) {
        UserService.Created created = users.createWithGeneratedPassword(username, displayName, false);
        setRole(federationId, created.id(), role);
        return created;
    }

    @Transactional
    public Federation create(String code, String name) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new Refused("code", "Code de fédération « " + code
                    + " » invalide : 2 à 40 caractères parmi a-z, 0-9 et le tiret.");
        }
        if (name == null || name.isBlank()) {
            throw new Refused("name", "Le nom de la fédération est obligatoire.");
        }
        if (name.trim().length() > 200) {
            throw new Refused("name", "Le nom de la fédération dépasse 200 caractères.");
        }
        try {
            return jdbc.sql("insert into federations (code, name) values (?, ?) returning id, code, name")
                    .params(code, name.trim()).query(Federation.class).single();
        } catch (DuplicateKeyException e) {
            throw new Refused("code", "Une fédération de code « " + code + " » existe déjà.");
        }
    }

    public Optional<Federation> findByCode(String code) {
        return jdbc.sql("select id, code, name from federations where code = ?").param(code).query(Federation.class).optional();
    }

    public Optional<Federation> findById(long id) {
        return jdbc.sql("select id, code, name from federations where id = ?").param(id).query(Federation.class).optional();
    }

    public List<Federation> all() {
        return jdbc.sql("select id, code, name from federations order by name").query(Federation.class).list();
    }

    /**
     * The federations a user acts for, with their role; a platform administrator directs them all (as they administer
     * every centre).
     */
    public Map<Long, FederationRole> rolesOf(long userId) {
        Map<Long, FederationRole> roles = new LinkedHashMap<>();
        jdbc.sql("""
                select f.id, case when u.platform_admin then 'federation-admin' else r.role end as role
                from federations f
                join centre_users u on u.id = :user
                left join network_roles r on r.federation_id = f.id and r.user_id = u.id
                where u.platform_admin or r.role is not null
                order by f.name""").param("user", userId)
                .query((rs, n) -> roles.put(rs.getLong(1), FederationRole.fromCode(rs.getString(2)))).list();
        return roles;
    }

    /** Gives the user this role in the federation (replacing the one they had); null takes it away. */
    @Transactional
    public void setRole(long federationId, long userId, FederationRole role) {
        if (role != FederationRole.DELEGUE) {
            // no longer a délégué: the territories they followed are no longer theirs from today (history kept)
            jdbc.sql("""
                    update delegate_assignments set until = greatest(since, cast(:today as date) - 1)
                    where federation_id = :federation and user_id = :user and (until is null or until >= :today)""")
                    .param("federation", federationId).param("user", userId)
                    .param("today", LocalDate.now(FederationScope.ZONE)).update();
        }
        if (role == null) {
            jdbc.sql("delete from network_roles where federation_id = ? and user_id = ?").params(federationId, userId).update();
            return;
        }
        jdbc.sql("""
                insert into network_roles (federation_id, user_id, role) values (?, ?, ?)
                on conflict (federation_id, user_id) do update set role = excluded.role""")
                .params(federationId, userId, role.code()).update();
    }

    public List<Member> members(long federationId) {
        return jdbc.sql("""
                select u.id as user_id, u.username, u.display_name, u.enabled, r.role
                from network_roles r join centre_users u on u.id = r.user_id
                where r.federation_id = ? order by lower(u.display_name)""").param(federationId)
                .query((rs, n) -> new Member(rs.getLong("user_id"), rs.getString("username"), rs.getString("display_name"),
                        rs.getBoolean("enabled"), FederationRole.fromCode(rs.getString("role")))).list();
    }
}
