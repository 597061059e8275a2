package fr.trame.cli;

import fr.trame.centre.Centre;
import fr.trame.demo.DemoData;
import fr.trame.demo.DemoService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/** {@code demo [--size s|m|l]}: a demonstration centre filled with generated data. */
@Component
@Order(7)
class DemoCommand implements Command {

    private final DemoService demo;

    DemoCommand(DemoService demo) {
        this.demo = demo;
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
            case "l" -> throw new UsageException("La taille « l » (fédération) n'est pas encore disponible.");
            default -> throw new UsageException("--size : attendu s, m ou l.");
        };
        Centre c = demo.generate(s);
        out.println("Centre de démonstration « " + c.code() + " » rempli (taille " + size + ").");
        return 0;
    }
}
