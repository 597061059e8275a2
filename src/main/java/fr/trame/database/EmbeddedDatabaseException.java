package fr.trame.database;

import java.util.Optional;

/**
 * The embedded database cannot be used as asked. The message says in one French sentence what to do; the command line
 * prints it alone, without a stack trace, and exits with {@link #exitCode()}.
 */
public class EmbeddedDatabaseException extends IllegalStateException {

    private final int exitCode;

    public EmbeddedDatabaseException(String message) {
        this(message, 1);
    }

    protected EmbeddedDatabaseException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The explained failure behind {@code failure} (Spring wraps it in its bean creation exceptions), if any. */
    public static Optional<EmbeddedDatabaseException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EmbeddedDatabaseException explained) {
                return Optional.of(explained);
            }
        }
        return Optional.empty();
    }
}
