package fr.trame;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a command prints while it runs, on standard output or on standard error. */
public final class Printed {

    private Printed() {
    }

    public static String out(Runnable action) {
        return capture(action, false);
    }

    public static String err(Runnable action) {
        return capture(action, true);
    }

    private static String capture(Runnable action, boolean err) {
        PrintStream original = err ? System.err : System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream into = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        if (err) {
            System.setErr(into);
        } else {
            System.setOut(into);
        }
        try {
            action.run();
        } finally {
            if (err) {
                System.setErr(original);
            } else {
                System.setOut(original);
            }
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
