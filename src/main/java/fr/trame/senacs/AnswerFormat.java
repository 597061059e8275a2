package fr.trame.senacs;

import fr.trame.form.Refused;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How an answer is written, one way for every question of a type: {@code oui}/{@code non}, an integer, a decimal or an
 * amount in euros with 2 decimals and a point ({@code 12.50}), an ISO date, a choice's code, a text. What a person types
 * ("1 234,5", "31/12/2025", "Oui") is read into that form, or refused with a French message.
 */
public final class AnswerFormat {

    static final int LONGEST_TEXT = 2000;
    private static final BigDecimal LARGEST = new BigDecimal("1000000000000");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private AnswerFormat() {
    }

    /** The answer {@code raw} written as answers are, or {@link Refused} on field {@code field}; blank gives null. */
    public static String parse(Question question, String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.indexOf('\0') >= 0) {
            throw new Refused(field, "La réponse contient un caractère NUL.");
        }
        String v = raw.strip();
        return switch (question.type()) {
            case OUI_NON -> switch (v.toLowerCase(Locale.ROOT)) {
                case "oui", "o" -> "oui";
                case "non", "n" -> "non";
                default -> throw new Refused(field, "Répondez « oui » ou « non » (reçu « " + shortened(v) + " »).");
            };
            case ENTIER -> number(v, field, 0, "un nombre entier positif ou nul").toPlainString();
            case DECIMAL, MONTANT -> number(v, field, 2, question.type() == Question.Type.MONTANT
                    ? "un montant en euros positif ou nul" : "un nombre positif ou nul").toPlainString();
            case DATE -> date(v, field);
            case CHOIX -> {
                if (!question.choices().contains(v)) {
                    throw new Refused(field, "Choisissez l'une des réponses proposées (reçu « " + shortened(v) + " »).");
                }
                yield v;
            }
            case TEXTE -> {
                if (v.length() > LONGEST_TEXT) {
                    throw new Refused(field, "La réponse dépasse " + LONGEST_TEXT + " caractères (elle en a " + v.length() + ").");
                }
                yield v;
            }
        };
    }

    /** The value as JSON gives it: a number for a number, else the text (null stays null). */
    public static Object json(Question question, String value) {
        if (value == null) {
            return null;
        }
        return switch (question.type()) {
            case ENTIER, DECIMAL, MONTANT -> new BigDecimal(value);
            default -> value;
        };
    }

    private static BigDecimal number(String v, String field, int scale, String expected) {
        String digits = v.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("€", "").replace(',', '.');
        BigDecimal n;
        try {
            n = new BigDecimal(digits);
        } catch (NumberFormatException e) {
            throw new Refused(field, "Saisissez " + expected + " (reçu « " + shortened(v) + " »).");
        }
        if (n.signum() < 0 || n.compareTo(LARGEST) >= 0 || (scale == 0 && n.stripTrailingZeros().scale() > 0)) {
            throw new Refused(field, "Saisissez " + expected + " (reçu « " + shortened(v) + " »).");
        }
        return n.setScale(scale, RoundingMode.HALF_UP);
    }

    private static String date(String v, String field) {
        try {
            return (v.contains("/") ? LocalDate.parse(v, FRENCH_DATE) : LocalDate.parse(v)).toString();
        } catch (DateTimeParseException e) {
            throw new Refused(field, "Saisissez une date au format JJ/MM/AAAA (reçu « " + shortened(v) + " »).");
        }
    }

    private static String shortened(String v) {
        return v.length() <= 40 ? v : v.substring(0, 40) + "…";
    }
}
