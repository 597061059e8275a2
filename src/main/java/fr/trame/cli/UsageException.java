package fr.trame.cli;

/** The command line is wrong: the message, in French, says how. Exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
