package fr.trame.cli;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.Set;

/** {@code bench [PARTIE…]}: the benchmarks, all of them or those named. */
@Component
@Order(8)
class BenchCommand implements Command {

    private static final Set<String> ALL = Set.of("import", "search", "attendance", "reception", "indicators", "catalogue", "federation",
            "training", "senacs");

    private final Benchmarks benchmarks;
    private final SenacsBenchmark senacs;

    BenchCommand(Benchmarks benchmarks, SenacsBenchmark senacs) {
        this.benchmarks = benchmarks;
        this.senacs = senacs;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        Set<String> parts = args.positional().isEmpty() ? ALL : Set.copyOf(args.positional());
        benchmarks.run(out, parts);
        if (parts.contains("senacs")) {
            senacs.run(out);
        }
        return 0;
    }
}
