package fr.trame;

import fr.trame.cli.CommandLine;
import fr.trame.cli.UsageException;
import fr.trame.database.DataDirectoryBusyException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

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
        SpringApplication app = new SpringApplication(TrameApplication.class);
        java.util.Map<String, Object> properties = new java.util.HashMap<>(line.springProperties());
        if (!line.hasCommand()) {
            properties.put("trame.serve", "true");
        } else {
            properties.put("logging.level.root", "WARN");
            properties.put("logging.level.fr.trame.centre.AdminBootstrap", "WARN");
            if (line.command().get(0).equals("bench")) {
                // benchmarks never touch the user's data: they run on a throw-away embedded database
                properties.put("trame.embedded.ephemeral", "true");
            }
        }
        // system properties outrank application.properties, as options and environment variables must
        properties.forEach((key, value) -> System.setProperty(key, value.toString()));
        if (!line.hasCommand()) {
            runOrExplain(() -> app.run());
            return;
        }
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        int[] exit = {1};
        runOrExplain(() -> {
            try (ConfigurableApplicationContext context = app.run()) {
                exit[0] = context.getBean(fr.trame.cli.CommandRunner.class).run(line.command());
            }
            return null;
        });
        System.exit(exit[0]);
    }

    private static void runOrExplain(java.util.function.Supplier<?> start) {
        try {
            start.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DataDirectoryBusyException busy) {
                    System.err.println(busy.getMessage());
                    System.exit(2);
                }
            }
            throw e;
        }
    }
}
