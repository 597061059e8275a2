package fr.trame.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

import java.util.Map;

/**
 * A browser's upload over the size limit goes back to the page it came from (every upload form is shown by a GET of
 * the URL it posts to), which says the limit, instead of the error page. The servlet container refuses such a body
 * before any controller runs (Spring Security's CSRF filter already reads the form), so the refusal is caught here, on
 * its way to the error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnWebApplication
class UploadTooLargeView implements ErrorViewResolver {

    private final DataSize limit;

    UploadTooLargeView(MultipartProperties multipart) {
        this.limit = multipart.getMaxFileSize();
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        String from = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String type = request.getContentType();
        boolean ownPath = from != null && from.startsWith("/") && !from.startsWith("//"); // never a redirect elsewhere
        if (status != HttpStatus.CONTENT_TOO_LARGE || !ownPath || type == null || !type.startsWith("multipart/")) {
            return null;
        }
        RequestContextUtils.getOutputFlashMap(request).put("error", "Fichier trop volumineux : un fichier envoyé ne peut"
                + " pas dépasser " + shown(limit) + ". Rien n'a été enregistré.");
        RedirectView back = new RedirectView(from);
        back.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(back);
    }

    /** 50 Mo, 300 Ko: as a French user reads sizes. */
    static String shown(DataSize size) {
        if (size.toMegabytes() > 0 && size.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " Mo";
        }
        if (size.toKilobytes() > 0 && size.toBytes() % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " Ko";
        }
        return size.toBytes() + " octets";
    }
}
