package fr.trame;

import fr.trame.cli.CommandLine;
import fr.trame.cli.CommandRunner;
import fr.trame.cli.UsageException;
import fr.trame.database.EmbeddedDatabaseException;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;

/** {@code java -jar trame.jar [options] [COMMAND …]}: without a command it serves the web application. */
@SpringBootApplication
public class TrameApplication {

    public static void main(String[] args) {
        CommandLine line;
        try {
            line = CommandLine.parse(args, System.getenv());
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Map<String, Object> properties = new HashMap<>(line.springProperties());
        properties.putAll(line.hasCommand() ? commandProperties(line) : serveProperties());
        // system properties outrank application.properties, as options and environment variables must
        properties.forEach((key, value) -> System.setProperty(key, value.toString()));

        SpringApplication app = new SpringApplication(TrameApplication.class);
        if (!line.hasCommand()) {
            try {
                app.run();
            } catch (RuntimeException e) {
                exitIfExplained(e);
                throw e;
            }
            return;
        }
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        ConfigurableApplicationContext context;
        try {
            context = app.run();
        } catch (RuntimeException e) {
            exitIfExplained(e);
            System.err.println("Trame n'a pas pu démarrer : " + rootCause(e).getMessage());
            System.exit(1);
            return;
        }
        int exit;
        try (context) {
            exit = context.getBean(CommandRunner.class).run(line.command());
        } catch (RuntimeException e) {
            System.err.println("La commande a échoué : " + rootCause(e).getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    private static Map<String, Object> serveProperties() {
        // a failed start is told once, by Spring's report or by our own sentence, not also by the context's warning
        return Map.of("trame.serve", "true",
                "logging.level.org.springframework.boot.web.server.servlet.context."
                        + "AnnotationConfigServletWebServerApplicationContext", "OFF");
    }

    private static Map<String, Object> commandProperties(CommandLine line) {
        Map<String, Object> p = new HashMap<>();
        p.put("logging.level.root", "WARN");
        // a command explains its own failure in one French sentence, not with Spring's report and stack trace
        p.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
        p.put("logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "OFF");
        p.put("spring.thymeleaf.check-template-location", "false");
        String command = line.command().get(0);
        if (command.equals("backup") || command.equals("restore")) {
            // the database is dumped or loaded as it is: no migration at start, no first admin account
            p.put("trame.db.as-is", "true");
        }
        if (command.equals("backup")) {
            // taken while the server runs: from the server's own PostgreSQL
            p.put("trame.embedded.attach", "true");
        }
        if (command.equals("bench")) {
            // benchmarks never touch the user's data: they run on a throw-away embedded database
            p.put("trame.embedded.ephemeral", "true");
            // nor the user's files: no first admin, whose password file would go to the real data directory
            p.put("trame.first-admin", "false");
        }
        return p;
    }

    /** A failure that says in one sentence what to do is printed alone (see {@link ExplainedFailureReporter}). */
    private static void exitIfExplained(Throwable e) {
        EmbeddedDatabaseException.in(e).ifPresent(explained -> {
            System.err.println(explained.getMessage());
            System.exit(explained.exitCode());
        });
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }
}
