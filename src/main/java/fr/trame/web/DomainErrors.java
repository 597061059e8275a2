package fr.trame.web;

import fr.trame.form.Conflict;
import fr.trame.form.Forbidden;
import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.io.IOException;
import java.net.URI;

/**
 * The one place where the domain's exceptions become answers: {@link NotFound} a 404 and {@link Forbidden} a 403, on
 * the error page with their French message; {@link Refused} the French message on the page the form came from (as
 * its error message), so that a refusal never ends on a generic page. Controllers that can put a refusal beside its
 * field catch it first.
 */
@ControllerAdvice
class DomainErrors {

    @ExceptionHandler(NotFound.class)
    void notFound(NotFound e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        errorPage(HttpStatus.NOT_FOUND, e.getMessage(), request, response);
    }

    @ExceptionHandler(Forbidden.class)
    void forbidden(Forbidden e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        errorPage(HttpStatus.FORBIDDEN, e.getMessage(), request, response);
    }

    @ExceptionHandler(Refused.class)
    ModelAndView refused(Refused e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String back = samePage(request);
        if (back == null || "true".equals(request.getHeader("HX-Request"))) {
            errorPage(e instanceof Conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, e.getMessage(), request, response);
            return new ModelAndView();
        }
        RequestContextUtils.getOutputFlashMap(request).put("error", e.getMessage());
        return new ModelAndView("redirect:" + back);
    }

    /** Spring Boot's error page (or JSON for the API), showing our French message ({@link ErrorMessages}). */
    private static void errorPage(HttpStatus status, String message, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (message == null) {
            response.sendError(status.value());
        } else {
            request.setAttribute(DatabaseErrors.FRENCH_MESSAGE, Boolean.TRUE);
            response.sendError(status.value(), message);
        }
    }

    /** The path of the page the form was posted from, when it is one of ours (never an open redirect). */
    private static String samePage(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            if (uri.getHost() != null && !uri.getHost().equals(request.getServerName())) {
                return null;
            }
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return null;
            }
            return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
