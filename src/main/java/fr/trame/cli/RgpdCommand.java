package fr.trame.cli;

import fr.trame.centre.CentreScope;
import fr.trame.form.Parse;
import fr.trame.privacy.ErasureService;
import fr.trame.privacy.ExportService;
import fr.trame.privacy.RetentionService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** A person's RGPD rights: export, erase, retention; the same services, rules and audit log as the web pages. */
@Component
@Order(6)
class RgpdCommand implements Command {

    private static final String USAGE = """
            Usage : rgpd export --centre CODE --person ID --format json|pdf --out FICHIER [--user IDENTIFIANT]
                    rgpd erase --centre CODE --person ID [--user IDENTIFIANT]
                    rgpd retention --centre CODE [--confirm] [--user IDENTIFIANT]""";

    private final CentreOption centres;
    private final ExportService exports;
    private final ErasureService erasure;
    private final RetentionService retention;

    RgpdCommand(CentreOption centres, ExportService exports, ErasureService erasure, RetentionService retention) {
        this.centres = centres;
        this.exports = exports;
        this.erasure = erasure;
        this.retention = retention;
    }

    @Override
    public String name() {
        return "rgpd";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        if (args.positional().size() != 1) {
            throw new UsageException(USAGE);
        }
        switch (args.positional(0)) {
            case "export" -> export(args, out);
            case "erase" -> erase(args, out);
            case "retention" -> retention(args, out);
            default -> throw new UsageException(USAGE);
        }
        return 0;
    }

    private void export(Arguments args, PrintStream out) {
        CentreScope scope = centres.scope(args);
        long person = personId(args);
        ExportService.Format format = switch (args.required("format")) {
            case "json" -> ExportService.Format.JSON;
            case "pdf" -> ExportService.Format.PDF;
            default -> throw new UsageException("--format : json ou pdf.");
        };
        Path file = Path.of(args.required("out"));
        byte[] bytes = exports.export(scope, person, format);
        OutputFiles.writeOwnerOnly(file, bytes);
        out.println("Données de la personne " + person + " écrites dans " + file + " (" + bytes.length + " octets).");
    }

    private void erase(Arguments args, PrintStream out) {
        CentreScope scope = centres.scope(args);
        long person = personId(args);
        out.println(erasure.erase(scope, person, "à la demande de la personne")
                ? "Personne " + person + " anonymisée." : "Personne " + person + " déjà anonymisée : rien à faire.");
    }

    private void retention(Arguments args, PrintStream out) {
        CentreScope scope = centres.scope(args);
        LocalDate today = scope.today();
        String since = today.minus(RetentionService.RETENTION).format(Parse.FRENCH_DATE);
        if (args.has("confirm")) {
            // the erased names are not printed: a terminal's output often ends up in a log
            List<RetentionService.Inactive> done = retention.anonymise(scope, today, null);
            out.println(done.size() + " personne(s) sans activité depuis le " + since + " anonymisée(s)"
                    + (done.isEmpty() ? "." : " : n° " + String.join(", ", done.stream()
                    .map(p -> String.valueOf(p.personId())).toList()) + "."));
            return;
        }
        List<RetentionService.Inactive> inactive = retention.inactive(scope, today);
        out.println(inactive.size() + " personne(s) sans activité depuis le " + since + " :");
        for (RetentionService.Inactive p : inactive) {
            out.println("  " + p.personId() + "\t" + p.lastName() + " " + p.firstName()
                    + "\tdernière activité le " + p.lastActivity().format(Parse.FRENCH_DATE));
        }
        if (!inactive.isEmpty()) {
            out.println("Relancez avec --confirm pour les anonymiser (en une seule fois).");
        }
    }

    private static long personId(Arguments args) {
        String id = args.required("person");
        if (!id.matches("\\d{1,18}")) {
            throw new UsageException("--person : numéro de la personne attendu (celui de l'adresse de sa fiche), reçu « " + id + " ».");
        }
        return Long.parseLong(id);
    }
}
