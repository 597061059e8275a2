package fr.trame.cli;

import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/** {@code centre create CODE --name "NOM"}. */
@Component
@Order(1)
class CentreCommand implements Command {

    private final CentreService centres;

    CentreCommand(CentreService centres) {
        this.centres = centres;
    }

    @Override
    public String name() {
        return "centre";
    }

    @Override
    public String synopsis() {
        return "centre create";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        args.expect(2, "centre create CODE --name \"NOM\"");
        if (!args.positional(0).equals("create")) {
            throw new UsageException("Sous-commande inconnue : centre " + args.positional(0) + " (attendu : centre create).");
        }
        Centre c = centres.create(args.positional(1), args.required("name"));
        out.println("Centre « " + c.name() + " » créé (code " + c.code() + ").");
        return 0;
    }
}
