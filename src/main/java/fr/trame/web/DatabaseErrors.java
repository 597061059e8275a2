package fr.trame.web;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.SQLException;

/**
 * What the database refuses is the user's mistake, not a server failure: a reference to a row that is not this
 * centre's (the tenancy foreign keys carry centre_id, so another centre's id fails them) is a 404, a value that
 * breaks a rule is a 400, each with a French sentence. Controllers still give field messages where they can.
 */
@ControllerAdvice
class DatabaseErrors {

    private static final Logger log = LoggerFactory.getLogger(DatabaseErrors.class);
    /** Marks a message of ours, in French, that the error page may show ({@link ErrorMessages}). */
    static final String FRENCH_MESSAGE = DatabaseErrors.class.getName() + ".message";

    @ExceptionHandler(DataIntegrityViolationException.class)
    void refused(DataIntegrityViolationException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        // logged: a refusal that no form foresaw may also be a bug; the first line only, which names the constraint
        // (the detail lines quote the values typed, which may be a person's)
        log.warn("Refusé par la base sur {} : {}", request.getRequestURI(), rootMessage(e).lines().findFirst().orElse(""));
        request.setAttribute(FRENCH_MESSAGE, Boolean.TRUE);
        String state = sqlState(e);
        switch (state == null ? "" : state) {
            case "23503" -> {
                if (rootMessage(e).contains("is still referenced")) {
                    response.sendError(HttpStatus.CONFLICT.value(),
                            "Cette fiche est encore utilisée par d'autres : elle n'a pas été supprimée.");
                } else {
                    response.sendError(HttpStatus.NOT_FOUND.value(),
                            "Une fiche choisie dans ce formulaire n'existe pas dans votre centre : rien n'a été enregistré.");
                }
            }
            case "23505" -> response.sendError(HttpStatus.CONFLICT.value(),
                    "Cette fiche existe déjà : rien n'a été enregistré une seconde fois.");
            case "22001", "22003" -> response.sendError(HttpStatus.BAD_REQUEST.value(),
                    "Une valeur saisie est trop longue ou trop grande : rien n'a été enregistré.");
            case "22021", "22P05" -> response.sendError(HttpStatus.BAD_REQUEST.value(),
                    "Une valeur saisie contient un caractère refusé : rien n'a été enregistré.");
            default -> response.sendError(HttpStatus.BAD_REQUEST.value(),
                    "Une valeur saisie ne respecte pas les règles de cette fiche : rien n'a été enregistré.");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
