package fr.trame;

import fr.trame.database.EmbeddedDatabaseException;
import org.springframework.boot.SpringBootExceptionReporter;

/**
 * Keeps Spring from logging a startup failure that explains itself in one French sentence, with its stack trace:
 * {@link TrameApplication} prints that sentence alone. Other failures keep Spring's report.
 */
public class ExplainedFailureReporter implements SpringBootExceptionReporter {

    @Override
    public boolean reportException(Throwable failure) {
        return EmbeddedDatabaseException.in(failure).isPresent();
    }
}
