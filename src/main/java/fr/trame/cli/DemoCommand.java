package fr.trame.cli;

import fr.trame.centre.Centre;
import fr.trame.demo.DemoData;
import fr.trame.demo.DemoFederation;
import fr.trame.demo.DemoService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.stream.Collectors;

/**
 * {@code demo [--size s|m|l]}: a demonstration centre filled with generated data; {@code l}, a demonstration federation
 * with its registry and users, of 200 centres that run Trame (4 of size M, the others of size S) on this one database.
 */
@Component
@Order(7)
class DemoCommand implements Command {

    private final DemoService demo;
    private final DemoFederation federation;

    DemoCommand(DemoService demo, DemoFederation federation) {
        this.demo = demo;
        this.federation = federation;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        String size = args.option("size", "s").toLowerCase();
        DemoData.Size s = switch (size) {
            case "s" -> DemoData.Size.S;
            case "m" -> DemoData.Size.M;
            case "l" -> null;
            default -> throw new UsageException("--size : attendu s, m ou l.");
        };
        if (s == null) {
            return federation(out);
        }
        Centre c = demo.generate(s);
        out.println("Centre de démonstration « " + c.code() + " » rempli (taille " + size + ").");
        return 0;
    }

    /** As {@code user create} does, each generated password is printed once, here only: it is changed at first login. */
    private int federation(PrintStream out) {
        long started = System.nanoTime();
        out.println("Fédération de démonstration : " + DemoFederation.CENTRES_AT_SCALE + " centres Trame à remplir…");
        DemoFederation.Result r = federation.generateAtScale(LocalDate.now(), DemoFederation.CENTRES_AT_SCALE, null, null,
                out::println);
        out.printf("Fédération de démonstration « %s » remplie en %.0f s : %d structures, toutes centres Trame (%s… ;"
                        + " adresse /f/%s).%n", r.federation().code(), (System.nanoTime() - started) / 1e9, r.structures(),
                r.centres().stream().limit(5).map(Centre::code).collect(Collectors.joining(", ")), r.federation().code());
        out.println("Comptes créés (mot de passe tiré au hasard, à changer à la première connexion) :");
        for (DemoFederation.Login l : r.logins()) {
            out.println("  " + l.username() + " — " + l.displayName() + ", " + l.role().label()
                    + (l.territories().isEmpty() ? "" : " (" + String.join(", ", l.territories()) + ")")
                    + " — mot de passe : " + l.password());
        }
        return 0;
    }
}
