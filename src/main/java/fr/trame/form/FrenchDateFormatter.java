package fr.trame.form;

import org.springframework.format.Formatter;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The one way a form reads a date: {@code AAAA-MM-JJ} (what a date field sends) or {@code JJ/MM/AAAA} (what people
 * type), as interchange.md; impossible dates (31/02) are refused. Shown back as {@code JJ/MM/AAAA}.
 * Registered once for every form (WebConfiguration); its refusal is the {@code typeMismatch} of messages.properties.
 */
public final class FrenchDateFormatter implements Formatter<LocalDate> {

    @Override
    public LocalDate parse(String text, Locale locale) throws ParseException {
        try {
            return Parse.date(text.trim());
        } catch (DateTimeParseException e) {
            throw new ParseException(text, e.getErrorIndex());
        }
    }

    @Override
    public String print(LocalDate date, Locale locale) {
        return date.format(Parse.FRENCH_DATE);
    }
}
