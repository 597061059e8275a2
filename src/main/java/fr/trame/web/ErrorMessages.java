package fr.trame.web;

import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

import java.util.Map;

/**
 * The error page shows the French reason of a refusal of ours (4xx: "Réservé à la direction…"), never the text of a
 * server failure (5xx), which may hold SQL or internal names, nor Spring's English one.
 */
@Component
class ErrorMessages extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request,
                options.including(ErrorAttributeOptions.Include.MESSAGE));
        Object status = attributes.get("status");
        Throwable error = getError(request);
        boolean ours = error instanceof ResponseStatusException
                || request.getAttribute(DatabaseErrors.FRENCH_MESSAGE, WebRequest.SCOPE_REQUEST) != null;
        if (!(status instanceof Integer code) || code >= 500 || !ours) {
            // Spring's own messages (a missing field, a malformed number) are English and name Java types
            attributes.remove("message");
        }
        return attributes;
    }
}
