package fr.trame.form;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * French names of the codes that interchange.md fixes (a membership's type, a relationship, a channel, an
 * appointment's status, a role, the association's bodies, contracts and grants…) and of the indicators' keys: they
 * live in {@code messages.properties} as {@code code.<kind>.<code>}, read here through a {@link MessageSource}, for the
 * pages, the charts, the PDF, the workbook and the CSV files alike. A centre's reception themes carry their own label.
 */
public final class Vocabulary {

    private static final MessageSource MESSAGES = messages();

    /**
     * The kinds a bare code is looked up in, in this order (no two of them name one code differently). Roles are
     * left out: « animateur » is the function « Animation » there, the role is named by {@link #label(String, String)}.
     */
    static final List<String> KINDS = List.of("membershipType", "relationship", "paymentMode", "qfSource", "consent",
            "sex", "activityKind", "holidays", "attendance", "channel", "appointment", "enrolment", "indicator",
            "body", "mandate", "college", "volunteer", "contract", "function", "partner", "grant");

    private Vocabulary() {
    }

    /** The messages of the application, as Spring Boot reads them ({@code spring.messages.*}). */
    private static MessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /** The message of a key, or null when there is none. */
    public static String message(String key) {
        try {
            return MESSAGES.getMessage(key, null, Locale.FRENCH);
        } catch (NoSuchMessageException e) {
            return null;
        }
    }

    /** A message with its arguments (a form's error), in French. */
    public static String message(MessageSourceResolvable resolvable) {
        return MESSAGES.getMessage(resolvable, Locale.FRENCH);
    }

    /** A message of messages.properties with its arguments ({0}…), or null when there is none. */
    public static String message(String key, Object... args) {
        try {
            return MESSAGES.getMessage(key, args, Locale.FRENCH);
        } catch (NoSuchMessageException e) {
            return null;
        }
    }

    /** The French name of a code of one kind ({@code channel}, {@code role}…), or the code itself when unnamed. */
    public static String label(String kind, String code) {
        if (code == null) {
            return "—";
        }
        String label = message("code." + kind + "." + code);
        return label == null ? answer(code) : label;
    }

    /** A count's key no kind names: {@code oui}, {@code non}, {@code inconnu} in words, any other as it is (a name). */
    private static String answer(String code) {
        String label = message("code.answer." + code);
        return label == null ? code : label;
    }

    /** The French name of a code, or the code itself when it is a name already (a quartier, a sector). */
    public static String label(String code) {
        if (code == null) {
            return "—";
        }
        String label = find(code);
        return label == null ? answer(code) : label;
    }

    /** Whether this vocabulary names the code. */
    public static boolean names(String code) {
        return code != null && find(code) != null;
    }

    /** The names of some codes of one kind, in their order: for a page that lists them all. */
    public static Map<String, String> labels(String kind, String... codes) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String code : codes) {
            labels.put(code, label(kind, code));
        }
        return labels;
    }

    private static String find(String code) {
        for (String kind : KINDS) {
            String label = message("code." + kind + "." + code);
            if (label != null) {
                return label;
            }
        }
        return null;
    }

    /**
     * A key of one of the indicators' breakdowns ({@code bySex}, {@code byAgeBand}, {@code byQfBand}, {@code byChannel},
     * {@code appointments}, {@code qpv}…) as a row of a table: {@code Femmes}, {@code 60 ans et plus},
     * {@code 0 à 300 €}, {@code Téléphone}, {@code non honoré}.
     */
    public static String breakdown(String dimension, String key) {
        return switch (dimension) {
            case "bySex" -> label("sexCounted", key);
            case "byAgeBand" -> FrenchFormat.band(key, "ans");
            case "byQfBand" -> FrenchFormat.band(key, "€");
            default -> label(key);
        };
    }
}
