package fr.trame.database;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The same backup as {@code backup --out}, downloaded by the platform administrator (it holds every centre). A
 * restore needs an empty database, so it stays a command, run before the server starts.
 */
@Controller
@ConditionalOnWebApplication
class BackupController {

    private static final Logger log = LoggerFactory.getLogger(BackupController.class);

    private final DatabaseBackup backup;

    BackupController(DatabaseBackup backup) {
        this.backup = backup;
    }

    @GetMapping("/admin/sauvegarde")
    void download(Authentication auth, HttpServletResponse response) throws IOException, SQLException {
        if (auth.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals("ROLE_PLATFORM_ADMIN"))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "La sauvegarde de toute la base est réservée à l'administrateur de la plateforme.");
        }
        Path dir = Files.createTempDirectory("trame-sauvegarde");
        Path file = dir.resolve("trame.sauvegarde");
        try {
            DatabaseBackup.Manifest manifest = backup.backup(file);
            log.warn("Sauvegarde de la base téléchargée par « {} » : {} tables, {} lignes", auth.getName(),
                    manifest.tables().size(), manifest.rows());
            response.setContentType("application/zip");
            response.setHeader("Content-Disposition", "attachment; filename=\"trame-" // all centres: the default zone, Paris
                    + LocalDateTime.now(ZoneId.of("Europe/Paris")).format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"))
                    + ".sauvegarde\"");
            response.setContentLengthLong(Files.size(file));
            Files.copy(file, response.getOutputStream());
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
