package fr.trame.cli;

import java.io.PrintStream;

/**
 * One part of {@code bench}: each measures its figures against a baseline of the same run and prints them with their
 * target. {@link BenchCommand} lists every bean of this type, in the order of their {@code @Order}.
 */
interface Benchmark {

    /** The name given on the command line, {@code bench search} for instance. */
    String part();

    void run(PrintStream out);

    /** With the options of the command line ({@code bench load --staff 50}); most parts have none. */
    default void run(PrintStream out, Arguments args) {
        run(out);
    }
}
