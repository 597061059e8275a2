package fr.trame.cli;

import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.centre.CentreService.Identity;
import fr.trame.form.Parse;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code centre create CODE --name "NOM"} and {@code centre set CODE [--name N] [--address A] …}: the options given
 * replace their value ({@code ""} clears it), the others stay; every value is checked before anything is written.
 */
@Component
@Order(1)
class CentreCommand implements Command {

    private static final String SET = "centre set CODE [--name N] [--address A] [--postcode P] [--commune C] [--phone T]"
            + " [--email E] [--siret S] [--rna R] [--created AAAA-MM-JJ]";

    private final CentreService centres;

    CentreCommand(CentreService centres) {
        this.centres = centres;
    }

    @Override
    public String name() {
        return "centre";
    }

    @Override
    public String synopsis() {
        return "centre create|set";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        args.expect(2, "centre create CODE --name \"NOM\"  |  " + SET);
        switch (args.positional(0)) {
            case "create" -> {
                args.allow("centre create CODE --name \"NOM\"", "name");
                Centre c = centres.create(args.positional(1), args.required("name"));
                out.println("Centre « " + c.name() + " » créé (code " + c.code() + ").");
            }
            case "set" -> set(args, out);
            default -> throw new UsageException("Sous-commande inconnue : centre " + args.positional(0)
                    + " (attendu : centre create, centre set).");
        }
        return 0;
    }

    private void set(Arguments args, PrintStream out) {
        args.allow(SET, "name", "address", "postcode", "commune", "phone", "email", "siret", "rna", "created");
        String code = args.positional(1);
        Centre centre = centres.findByCode(code).orElseThrow(() -> new UsageException("Centre inconnu : « " + code + " »."));
        Identity was = Identity.of(centre);
        List<String> problems = new ArrayList<>();
        String name = value(args, "name", was.name());
        if (name == null) {
            problems.add("--name : le nom du centre ne peut pas être vide");
        }
        String postcode = checked(args, "postcode", was.postcode(), CentreService.postcodeProblem(value(args, "postcode", null)), problems);
        String email = checked(args, "email", was.email(), CentreService.emailProblem(value(args, "email", null)), problems);
        String siret = checked(args, "siret", was.siret(), CentreService.siretProblem(value(args, "siret", null)), problems);
        String rna = checked(args, "rna", was.rna(), CentreService.rnaProblem(value(args, "rna", null)), problems);
        LocalDate created = was.createdOn();
        if (args.has("created")) {
            String typed = value(args, "created", null);
            try {
                created = typed == null ? null : Parse.date(typed);
                String problem = CentreService.createdProblem(created, LocalDate.now(centre.zone()));
                if (problem != null) {
                    problems.add("--created : " + problem);
                }
            } catch (DateTimeParseException e) {
                problems.add("--created : « " + typed + " » n'est pas une date (attendu AAAA-MM-JJ)");
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException("Fiche du centre non modifiée : " + String.join(" ; ", problems) + ".");
        }
        Identity now = new Identity(name, value(args, "address", was.address()), postcode, value(args, "commune", was.commune()),
                value(args, "phone", was.phone()), email, siret == null ? null : siret.replace(" ", ""), rna, created);
        if (now.equals(was)) {
            out.println("Fiche du centre « " + centre.name() + " » inchangée.");
            return;
        }
        centres.setIdentity(centre.id(), now);
        out.println("Fiche du centre « " + now.name() + " » enregistrée.");
    }

    /** The option's value trimmed (blank = cleared, null), or the current value when the option is not given. */
    private static String value(Arguments args, String option, String current) {
        if (!args.has(option)) {
            return current;
        }
        String v = args.option(option).trim();
        return v.isEmpty() ? null : v;
    }

    private static String checked(Arguments args, String option, String current, String problem, List<String> problems) {
        if (args.has(option) && problem != null) {
            problems.add("--" + option + " : " + problem);
        }
        return value(args, option, current);
    }
}
