package fr.trame.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command's own arguments: the positional ones in order, and the {@code --name value} options. */
final class Arguments {

    /** Options that stand alone, without a value. */
    private static final Set<String> FLAGS = Set.of("--confirm");

    private final List<String> positional;
    private final Map<String, String> options;

    private Arguments(List<String> positional, Map<String, String> options) {
        this.positional = positional;
        this.options = options;
    }

    static Arguments parse(List<String> args) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (FLAGS.contains(a)) {
                options.put(a.substring(2), "true");
            } else if (a.startsWith("--")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("L'option " + a + " attend une valeur.");
                }
                options.put(a.substring(2), args.get(++i));
            } else {
                positional.add(a);
            }
        }
        return new Arguments(List.copyOf(positional), options);
    }

    List<String> positional() {
        return positional;
    }

    String positional(int index) {
        return positional.get(index);
    }

    /** Exactly {@code n} positional arguments, else the usage. */
    void expect(int n, String usage) {
        if (positional.size() != n) {
            throw new UsageException("Usage : " + usage);
        }
    }

    /** Refuses, with the usage, an option not among {@code names}: a mistyped one must not pass for done. */
    void allow(String usage, String... names) {
        Set<String> allowed = Set.of(names);
        options.keySet().stream().filter(o -> !allowed.contains(o)).sorted().findFirst().ifPresent(o -> {
            throw new UsageException("Option inconnue : --" + o + ". Usage : " + usage);
        });
    }

    /** The value of an option, or null. */
    String option(String name) {
        return options.get(name);
    }

    String option(String name, String otherwise) {
        return options.getOrDefault(name, otherwise);
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    String required(String name) {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageException("Option --" + name + " obligatoire.");
        }
        return v;
    }
}
