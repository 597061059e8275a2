package fr.trame.web;

import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

import java.util.Map;

/**
 * The error page shows the French reason of a refusal (4xx: "Réservé à la direction…"), never the text of a server
 * failure (5xx), which may hold SQL or internal names.
 */
@Component
class ErrorMessages extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request,
                options.including(ErrorAttributeOptions.Include.MESSAGE));
        Object status = attributes.get("status");
        if (!(status instanceof Integer code) || code >= 500 || "No message available".equals(attributes.get("message"))) {
            attributes.remove("message");
        }
        return attributes;
    }
}
