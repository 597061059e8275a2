package fr.trame.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The global options of interchange.md (each also an environment variable) and the command that follows them.
 * Options become Spring properties; what is left is the command and its own arguments.
 */
public record CommandLine(Map<String, Object> springProperties, List<String> command) {

    public static CommandLine parse(String[] args, Map<String, String> env) {
        Map<String, Object> props = new HashMap<>();
        putIfSet(props, "trame.data-dir", env.get("TRAME_DATA_DIR"));
        putIfSet(props, "trame.db.url", env.get("TRAME_DB_URL"));
        putIfSet(props, "trame.db.user", env.get("TRAME_DB_USER"));
        putIfSet(props, "trame.db.password", env.get("TRAME_DB_PASSWORD"));
        putIfSet(props, "server.port", env.get("TRAME_PORT"));
        putIfSet(props, "trame.demo", env.get("TRAME_DEMO"));
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--data-dir" -> props.put("trame.data-dir", value(args, ++i, arg));
                case "--db-url" -> props.put("trame.db.url", value(args, ++i, arg));
                case "--db-user" -> props.put("trame.db.user", value(args, ++i, arg));
                case "--db-password" -> props.put("trame.db.password", value(args, ++i, arg));
                case "--port" -> props.put("server.port", port(value(args, ++i, arg)));
                case "--no-demo" -> props.put("trame.demo", "false");
                default -> {
                    if (command.isEmpty() && arg.startsWith("--")) {
                        throw new UsageException("Option inconnue : " + arg
                                + ". Options globales : --data-dir, --db-url, --db-user, --db-password, --port, --no-demo.");
                    }
                    command.add(arg);
                }
            }
        }
        return new CommandLine(props, List.copyOf(command));
    }

    public boolean hasCommand() {
        return !command.isEmpty();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException("L'option " + option + " attend une valeur.");
        }
        return args[i];
    }

    private static String port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--port : « " + value + " » n'est pas un numéro de port (1 à 65535).");
    }

    private static void putIfSet(Map<String, Object> props, String key, String value) {
        if (value != null && !value.isBlank()) {
            props.put(key, value);
        }
    }
}
