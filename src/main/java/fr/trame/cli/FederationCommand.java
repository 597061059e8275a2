package fr.trame.cli;

import fr.trame.federation.Federation;
import fr.trame.federation.FederationService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/** {@code federation create CODE --name "NOM"}. */
@Component
@Order(1)
class FederationCommand implements Command {

    private final FederationService federations;

    FederationCommand(FederationService federations) {
        this.federations = federations;
    }

    @Override
    public String name() {
        return "federation";
    }

    @Override
    public String synopsis() {
        return "federation create";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        args.expect(2, "federation create CODE --name \"NOM\"");
        if (!args.positional(0).equals("create")) {
            throw new UsageException("Sous-commande inconnue : federation " + args.positional(0)
                    + " (attendu : federation create).");
        }
        Federation f = federations.create(args.positional(1), args.required("name"));
        out.println("Fédération « " + f.name() + " » créée (code " + f.code() + ").");
        return 0;
    }
}
