package fr.trame.cli;

import fr.trame.centre.Centre;
import fr.trame.csv.CentreImport;
import fr.trame.csv.CentreImports;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationScope;
import fr.trame.federation.StructureImporter;
import fr.trame.senacs.StructureReturns;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code import KIND FICHIER --centre CODE} for every kind of {@link CentreImports}, and
 * {@code import structures FICHIER --federation CODE}, {@code import senacs FICHIER --federation CODE --year YYYY}: one
 * CSV, all or nothing.
 */
@Component
@Order(3)
class ImportCommand implements Command {

    private final CentreOption centres;
    private final FederationOption federations;
    private final CentreImports kinds;
    private final StructureImporter structures;
    private final StructureReturns senacs;

    ImportCommand(CentreOption centres, FederationOption federations, CentreImports kinds, StructureImporter structures,
                  StructureReturns senacs) {
        this.centres = centres;
        this.federations = federations;
        this.kinds = kinds;
        this.structures = structures;
        this.senacs = senacs;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        args.expect(2, "import " + kinds.names().replace(", ", "|") + " FICHIER --centre CODE"
                + "  |  import structures FICHIER --federation CODE  |  import senacs FICHIER --federation CODE --year AAAA");
        Path file = Path.of(args.positional(1));
        if (args.positional(0).equals("structures")) {
            Federation federation = federations.federation(args);
            try (InputStream in = Files.newInputStream(file)) {
                out.println(structures.importCsv(federation.id(), in, FederationScope.commandLine(federation).today()).summary());
                return 0;
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        }
        if (args.positional(0).equals("senacs")) {
            Federation federation = federations.federation(args);
            int year;
            try {
                year = Integer.parseInt(args.required("year"));
            } catch (NumberFormatException e) {
                throw new UsageException("--year attend une année, par exemple 2025.");
            }
            try (InputStream in = Files.newInputStream(file)) {
                out.println(senacs.importCsv(federation.id(), year, in, null).summary());
                return 0;
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        }
        CentreImport kind = kinds.find(args.positional(0)).orElseThrow(() -> new UsageException(
                "Type d'import inconnu : « " + args.positional(0) + " » (attendu : " + kinds.names() + ", structures, senacs)."));
        Centre centre = centres.centre(args);
        try (InputStream in = Files.newInputStream(file)) {
            out.println(kind.importCsv(centre.id(), in).summary());
            return 0;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static UsageException unreadable(Path file, IOException e) {
        return e instanceof NoSuchFileException ? new UsageException("Fichier introuvable : " + file)
                : new UsageException("Lecture impossible de " + file + " : " + e.getMessage());
    }
}
