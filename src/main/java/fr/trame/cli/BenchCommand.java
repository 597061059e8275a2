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
            "training");

    private final Benchmarks benchmarks;

    BenchCommand(Benchmarks benchmarks) {
        this.benchmarks = benchmarks;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        benchmarks.run(out, args.positional().isEmpty() ? ALL : Set.copyOf(args.positional()));
        return 0;
    }
}
