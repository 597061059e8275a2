package fr.trame.cli;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code bench [PARTIE…]}: the benchmarks, all of them or those named. */
@Component
@Order(8)
class BenchCommand implements Command {

    private final List<Benchmark> benchmarks;

    BenchCommand(List<Benchmark> benchmarks) {
        this.benchmarks = benchmarks;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        Set<String> known = benchmarks.stream().map(Benchmark::part).collect(Collectors.toSet());
        for (String asked : args.positional()) {
            if (!known.contains(asked)) {
                throw new UsageException("Partie de bench inconnue : " + asked + " (parties : "
                        + String.join(", ", benchmarks.stream().map(Benchmark::part).toList()) + ")");
            }
        }
        for (Benchmark benchmark : benchmarks) {
            if (args.positional().isEmpty() || args.positional().contains(benchmark.part())) {
                benchmark.run(out, args);
            }
        }
        return 0;
    }
}
