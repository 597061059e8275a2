package fr.trame.cli;

import fr.trame.catalogue.CatalogueFormat;
import fr.trame.catalogue.CatalogueFormat.FormatException;
import fr.trame.catalogue.CatalogueService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code catalogue import FICHIER} and {@code catalogue export --format text|csv|json --out FICHIER}. */
@Component
@Order(5)
class CatalogueCommand implements Command {

    private final CatalogueService catalogue;
    private final JsonMapper json = JsonMapper.builder().build();

    CatalogueCommand(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String name() {
        return "catalogue";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        if (args.positional().size() == 2 && args.positional(0).equals("import")) {
            Path file = Path.of(args.positional(1));
            try {
                out.println(catalogue.importText(CatalogueFormat.decode(Files.readAllBytes(file))).summary());
            } catch (NoSuchFileException e) {
                throw new UsageException("Fichier introuvable : " + file);
            } catch (IOException e) {
                throw new UsageException("Lecture impossible de " + file + " : " + e.getMessage());
            } catch (FormatException e) {
                throw new UsageException("Fichier refusé, rien n'a été importé : " + e.getMessage());
            }
            return 0;
        }
        if (args.positional().size() == 1 && args.positional(0).equals("export")) {
            String format = args.required("format");
            Path file = Path.of(args.required("out"));
            String text = switch (format) {
                case "text" -> catalogue.exportText();
                case "csv" -> catalogue.exportCsv();
                case "json" -> json.writerWithDefaultPrettyPrinter().writeValueAsString(catalogue.published());
                default -> throw new UsageException("--format : text, csv ou json.");
            };
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageException("Écriture impossible de " + file + " : " + e.getMessage());
            }
            out.println("Catalogue exporté dans " + file + ".");
            return 0;
        }
        throw new UsageException("Usage : catalogue import FICHIER\n        catalogue export --format text|csv|json --out FICHIER");
    }
}
