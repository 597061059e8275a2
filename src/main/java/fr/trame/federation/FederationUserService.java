package fr.trame.federation;

import fr.trame.centre.UserService;
import fr.trame.form.Forbidden;
import fr.trame.form.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The federation's direction manages the accounts of its federation: only those whose every role is in this
 * federation, so that disabling an account never closes a centre's or another federation's door.
 */
@Service
public class FederationUserService {

    private final JdbcClient jdbc;
    private final UserService users;
    private final FederationService federations;
    private final NetworkAudit audit;

    public FederationUserService(JdbcClient jdbc, UserService users, FederationService federations, NetworkAudit audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.federations = federations;
        this.audit = audit;
    }

    /** A new account of this federation, journalled; its generated password is shown once by the caller. */
    @Transactional
    public UserService.Created create(long federationId, long actorId, String username, String displayName,
                                      FederationRole role) {
        UserService.Created created = federations.createUser(federationId, username, displayName, role);
        audit.record(federationId, actorId, "creation_compte", "compte", created.id(), username + " : " + role.label());
        return created;
    }

    /**
     * Whether the actor may change the target's role or account here: another person's account, not a platform
     * administrator's, with a role in this federation and none in a centre or in another federation.
     */
    public boolean canManage(long federationId, long actorId, long targetId) {
        return jdbc.sql("""
                select u.id <> :actor and not u.platform_admin
                       and exists (select 1 from network_roles r where r.federation_id = :federation and r.user_id = u.id)
                       and not exists (select 1 from network_roles r where r.user_id = u.id and r.federation_id <> :federation)
                       and not exists (select 1 from centre_user_roles c where c.user_id = :target)
                from centre_users u where u.id = :target""")
                .param("actor", actorId).param("federation", federationId).param("target", targetId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** A member of this federation the actor may manage: 404 when not a member here, 403 when not theirs to manage. */
    public FederationService.Member manageable(long federationId, long actorId, long targetId) {
        FederationService.Member member = federations.members(federationId).stream().filter(m -> m.userId() == targetId)
                .findFirst().orElseThrow(() -> new NotFound("Ce compte n'a pas de rôle dans cette fédération."));
        if (targetId == actorId) {
            throw new Forbidden("Vous ne pouvez pas modifier votre propre accès ici : changez votre mot de passe depuis "
                    + "« Mon mot de passe ».");
        }
        if (!canManage(federationId, actorId, targetId)) {
            throw new Forbidden("Ce compte a aussi un rôle dans un centre ou une autre fédération : seul l'administrateur "
                    + "de la plateforme peut le modifier.");
        }
        return member;
    }

    @Transactional
    public void setRole(long federationId, long actorId, long targetId, FederationRole role) {
        FederationService.Member member = manageable(federationId, actorId, targetId);
        federations.setRole(federationId, targetId, role);
        audit.record(federationId, actorId, "changement_role", "compte", targetId, member.username() + " : "
                + member.role().label() + " → " + (role == null ? "plus de rôle" : role.label()));
    }

    @Transactional
    public void setEnabled(long federationId, long actorId, long targetId, boolean enabled) {
        FederationService.Member member = manageable(federationId, actorId, targetId);
        users.setEnabled(targetId, enabled);
        audit.record(federationId, actorId, enabled ? "activation" : "desactivation", "compte", targetId, member.username());
    }

    @Transactional
    public String resetPassword(long federationId, long actorId, long targetId) {
        FederationService.Member member = manageable(federationId, actorId, targetId);
        audit.record(federationId, actorId, "nouveau_mot_de_passe", "compte", targetId, member.username());
        return users.resetPassword(targetId);
    }
}
