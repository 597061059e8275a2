package fr.trame.cli;

import fr.trame.centre.AuditLog;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.federation.FederationService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/**
 * {@code user create IDENTIFIANT --centre CODE --role …} (audited in the centre), or
 * {@code user create IDENTIFIANT --federation CODE --role federation-admin|delegue|federation}: an account and its first
 * password, to change at first login.
 */
@Component
@Order(2)
class UserCommand implements Command {

    private static final String USAGE =
            "user create IDENTIFIANT --centre CODE --role admin|direction|accueil|animateur|federation [--name \"NOM\"]"
            + "  |  user create IDENTIFIANT --federation CODE --role federation-admin|delegue|federation [--name \"NOM\"]";

    private final CentreOption centres;
    private final FederationOption federations;
    private final FederationService federationRoles;
    private final UserService users;
    private final AuditLog audit;

    UserCommand(CentreOption centres, FederationOption federations, FederationService federationRoles,
                UserService users, AuditLog audit) {
        this.centres = centres;
        this.federations = federations;
        this.federationRoles = federationRoles;
        this.users = users;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "user";
    }

    @Override
    public String synopsis() {
        return "user create";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        args.expect(2, USAGE);
        if (!args.positional(0).equals("create")) {
            throw new UsageException("Usage : " + USAGE);
        }
        if (args.has("federation")) {
            return createInFederation(args, out);
        }
        Centre centre = centres.centre(args);
        String roleCode = args.required("role");
        Role role = Role.parse(roleCode).orElseThrow(() -> new UsageException("--role : « " + roleCode
                + " » n'est pas un rôle (admin, direction, accueil, animateur, federation)."));
        String login = args.positional(1);
        UserService.Created created = users.createInCentre(login, args.option("name"), centre.id(), role);
        audit.record(centre.id(), 0, "création d'utilisateur", "utilisateur", created.id(),
                login + " : " + role.label() + " (ligne de commande)");
        out.println("Compte « " + login + " » créé : " + role.label() + " du centre " + centre.code()
                + ". Mot de passe, à changer à la première connexion :");
        out.println(created.password());
        return 0;
    }

    private int createInFederation(Arguments args, PrintStream out) {
        Federation federation = federations.federation(args);
        String roleCode = args.required("role");
        FederationRole role = FederationRole.parse(roleCode).orElseThrow(() -> new UsageException("--role : « " + roleCode
                + " » n'est pas un rôle de fédération (federation-admin, delegue, federation)."));
        String login = args.positional(1);
        UserService.Created created = federationRoles.createUser(federation.id(), login, args.option("name"), role);
        out.println("Compte « " + login + " » créé : " + role.label() + " de la fédération " + federation.code()
                + ". Mot de passe, à changer à la première connexion :");
        out.println(created.password());
        return 0;
    }
}
