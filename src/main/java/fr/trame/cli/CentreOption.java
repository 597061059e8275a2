package fr.trame.cli;

import fr.trame.form.NotFound;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreScope;
import fr.trame.centre.CentreScopeResolver;
import fr.trame.centre.CentreService;
import org.springframework.stereotype.Component;

/** The {@code --centre CODE} option (and {@code --user}) that most commands take. */
@Component
class CentreOption {

    private final CentreService centres;
    private final CentreScopeResolver scopes;

    CentreOption(CentreService centres, CentreScopeResolver scopes) {
        this.centres = centres;
        this.scopes = scopes;
    }

    Centre centre(Arguments args) {
        String code = args.required("centre");
        return centres.findByCode(code).orElseThrow(() -> new UsageException("Centre inconnu : « " + code
                + " » (créez-le avec : centre create " + code + " --name …)."));
    }

    /** The centre, acted for by --user with their role there, or by the command line itself (no user). */
    CentreScope scope(Arguments args) {
        Centre centre = centre(args);
        String user = args.option("user");
        if (user == null) {
            return CentreScope.commandLine(centre);
        }
        try {
            return scopes.resolve(centre.code(), user);
        } catch (NotFound e) {
            throw new UsageException("Utilisateur inconnu ou sans rôle dans le centre « " + centre.code() + " » : " + user + ".");
        }
    }
}
