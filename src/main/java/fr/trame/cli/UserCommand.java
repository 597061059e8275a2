package fr.trame.cli;

import fr.trame.centre.AuditLog;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/** {@code user create IDENTIFIANT --centre CODE --role …}: an account and its first password, audited. */
@Component
@Order(2)
class UserCommand implements Command {

    private static final String USAGE =
            "user create IDENTIFIANT --centre CODE --role admin|direction|accueil|animateur|federation [--name \"NOM\"]";

    private final CentreOption centres;
    private final UserService users;
    private final AuditLog audit;

    UserCommand(CentreOption centres, UserService users, AuditLog audit) {
        this.centres = centres;
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
}
