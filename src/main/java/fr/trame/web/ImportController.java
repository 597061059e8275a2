package fr.trame.web;

import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.CentreScope;
import fr.trame.csv.CsvImportException;
import fr.trame.csv.ImportResult;
import fr.trame.people.MembershipImporter;
import fr.trame.people.PeopleImporter;
import fr.trame.reception.ReceptionImporter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;

/** The upload page: a file is imported whole or not at all, and every error is listed with its line and column. */
@Controller
class ImportController {

    private final PeopleImporter peopleImporter;
    private final MembershipImporter membershipImporter;
    private final ActivityImporter activityImporter;
    private final AttendanceImporter attendanceImporter;
    private final ReceptionImporter receptionImporter;

    public ImportController(PeopleImporter peopleImporter, MembershipImporter membershipImporter,
                            ActivityImporter activityImporter, AttendanceImporter attendanceImporter,
                            ReceptionImporter receptionImporter) {
        this.receptionImporter = receptionImporter;
        this.peopleImporter = peopleImporter;
        this.membershipImporter = membershipImporter;
        this.activityImporter = activityImporter;
        this.attendanceImporter = attendanceImporter;
    }

    @GetMapping("/c/{centre}/import")
    String page(CentreScope scope) {
        scope.requireRegisterEdit();
        return "web/import";
    }

    @PostMapping("/c/{centre}/import")
    String upload(CentreScope scope, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(value = "file", required = false) MultipartFile file, Model model) {
        scope.requireRegisterEdit();
        model.addAttribute("kind", kind);
        if (file == null || file.isEmpty()) {
            model.addAttribute("refusal", CsvImportException.wholeFile("aucun fichier choisi, ou fichier vide"));
            return "web/import";
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        try (InputStream in = file.getInputStream()) {
            ImportResult result = switch (kind) {
                case "people" -> peopleImporter.importCsv(scope.id(), in);
                case "memberships" -> membershipImporter.importCsv(scope.id(), in);
                case "activities" -> activityImporter.importCsv(scope.id(), in);
                case "attendance" -> attendanceImporter.importCsv(scope.id(), in);
                case "reception" -> receptionImporter.importCsv(scope.id(), in);
                default -> throw CsvImportException.wholeFile("type de fichier inconnu");
            };
            model.addAttribute("result", result);
        } catch (CsvImportException e) {
            model.addAttribute("refusal", e);
        } catch (IOException e) {
            model.addAttribute("refusal", CsvImportException.wholeFile("fichier illisible : " + e.getMessage()));
        }
        return "web/import";
    }
}
