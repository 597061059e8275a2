package fr.trame.cli;

import java.io.PrintStream;

/**
 * One command of interchange.md. The runner lists the commands in their {@code @Order}, finds one by its name and
 * runs it; a command writes its result on {@code out} and refuses bad input by throwing {@link UsageException}.
 */
interface Command {

    /** The first word of the command line. */
    String name();

    /** How the command is named in the list of commands ("centre create"). */
    default String synopsis() {
        return name();
    }

    /** Runs the command; the exit code (0: done). */
    int run(Arguments args, PrintStream out);
}
