package fr.trame.web;

import fr.trame.form.Vocabulary;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Map;
import java.util.Set;

/**
 * Every submitted field, of every form and URL, is checked here before any controller sees it: a NUL character
 * (which PostgreSQL refuses in text) and a value longer than its limit are refused with a French message naming the
 * field. Short fields (names, codes, filters) stay well under the size PostgreSQL can index.
 */
class RequestLimits implements HandlerInterceptor {

    static final int SHORT = 500;
    static final int LONG = 20_000;

    /**
     * Fields written as free text: notes, minutes, the report's texts, the catalogue's rubrics (upper case), and the
     * training's Qualiopi records (complaints, needs, improvements).
     */
    private static final Set<String> LONG_FIELDS = Set.of("note", "notes", "minutes", "decisions", "agenda", "object",
            "skills", "orientation", "outcome", "reason", "ageOverrideReason", "description", "comment",
            "objectives", "prerequisites", "content", "response", "actionTaken", "expectations", "constraints", "adaptation",
            "finding", "action");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
            String name = field.getKey();
            int limit = isLong(name) ? LONG : SHORT;
            for (String value : field.getValue()) {
                if (value.indexOf('\0') >= 0) {
                    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Le champ « " + shown(name)
                            + " » contient un caractère nul (code 0), qui n'est pas accepté : retirez-le et réessayez.");
                }
                if (value.length() > limit) {
                    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Le champ « " + shown(name) + " » compte "
                            + value.length() + " caractères : au plus " + limit + " sont acceptés. "
                            + "Revenez à la page précédente (ce que vous avez saisi y est conservé) et raccourcissez-le.");
                }
            }
        }
        return true;
    }

    private static boolean isLong(String name) {
        return LONG_FIELDS.contains(name) || name.startsWith("text.") || name.equals(name.toUpperCase()) && name.length() > 1;
    }

    /** The field's French name ({@code field.<name>} in messages.properties) when it has one, else its own name. */
    private static String shown(String name) {
        String label = name.matches("[A-Za-z]{1,40}") ? Vocabulary.message("field." + name) : null;
        if (label != null) {
            return label;
        }
        String clean = name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
