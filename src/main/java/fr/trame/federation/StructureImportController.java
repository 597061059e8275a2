package fr.trame.federation;

import fr.trame.csv.CsvImportException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;

/**
 * The direction's upload of structures.csv (interchange.md): imported whole or not at all, every error listed with
 * its line and column, as on a centre's import page (whose outcome fragment this page shows).
 */
@Controller
class StructureImportController {

    private final StructureImporter importer;

    StructureImportController(StructureImporter importer) {
        this.importer = importer;
    }

    @GetMapping("/f/{federation}/import")
    String page(FederationScope fed) {
        fed.requireDirection();
        return "federation/import";
    }

    @PostMapping("/f/{federation}/import")
    String upload(FederationScope fed, @RequestParam(value = "file", required = false) MultipartFile file, Model model) {
        fed.requireDirection();
        if (file == null || file.isEmpty()) {
            model.addAttribute("refusal", CsvImportException.wholeFile("aucun fichier choisi, ou fichier vide"));
            return "federation/import";
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("result", importer.importCsv(fed.id(), in, fed.today(), fed.canLinkCentres()));
        } catch (CsvImportException e) {
            model.addAttribute("refusal", e);
        } catch (IOException e) {
            model.addAttribute("refusal", CsvImportException.wholeFile("fichier illisible : " + e.getMessage()));
        }
        return "federation/import";
    }
}
