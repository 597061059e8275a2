package fr.trame.web;

import fr.trame.centre.CentreScope;
import fr.trame.csv.CentreImport;
import fr.trame.csv.CentreImports;
import fr.trame.csv.CsvImportException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The upload page: a file is imported whole or not at all, and every error is listed with its line and column. */
@Controller
class ImportController {

    private final CentreImports imports;

    ImportController(CentreImports imports) {
        this.imports = imports;
    }

    @GetMapping("/c/{centre}/import")
    String page(CentreScope scope, Model model) {
        scope.requireRegisterEdit();
        model.addAttribute("kinds", kinds(scope));
        return "web/import";
    }

    @PostMapping("/c/{centre}/import")
    String upload(CentreScope scope, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(value = "file", required = false) MultipartFile file, Model model) {
        scope.requireRegisterEdit();
        model.addAttribute("kinds", kinds(scope));
        model.addAttribute("kind", kind);
        CentreImport chosen = imports.find(kind).orElse(null);
        if (chosen != null && chosen.directionOnly()) {
            scope.requireDirection();
        }
        if (file == null || file.isEmpty()) {
            model.addAttribute("refusal", CsvImportException.wholeFile("aucun fichier choisi, ou fichier vide"));
            return "web/import";
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        try (InputStream in = file.getInputStream()) {
            if (chosen == null) {
                throw CsvImportException.wholeFile("type de fichier inconnu");
            }
            model.addAttribute("result", chosen.importCsv(scope.id(), in));
        } catch (CsvImportException e) {
            model.addAttribute("refusal", e);
        } catch (IOException e) {
            model.addAttribute("refusal", CsvImportException.wholeFile("fichier illisible : " + e.getMessage()));
        }
        return "web/import";
    }

    /** The kinds this user may import: the direction's only for the direction. */
    private List<CentreImport> kinds(CentreScope scope) {
        return imports.all().stream().filter(k -> !k.directionOnly() || scope.canDirect()).toList();
    }
}
