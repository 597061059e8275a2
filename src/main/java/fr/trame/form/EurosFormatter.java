package fr.trame.form;

import org.springframework.format.Formatter;

import java.text.ParseException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The one way a form reads an amount: euros with a comma or a point and at most two decimals ({@code 12},
 * {@code 1 200,50}, {@code 12,50 €}), in {@link Cents}. Shown back without grouping ({@code 1200,50}) so that it
 * reads back as typed. Registered once (WebConfiguration); its refusal is the {@code typeMismatch} of messages.properties.
 */
public final class EurosFormatter implements Formatter<Cents> {

    @Override
    public Cents parse(String text, Locale locale) throws ParseException {
        Integer cents = Parse.cents(text.replace("€", "").replace(" ", "").replace("\u00a0", "")
                .replace(String.valueOf(FrenchFormat.THOUSANDS), "").trim());
        if (cents == null) {
            throw new ParseException(text, 0);
        }
        return new Cents(cents);
    }

    @Override
    public String print(Cents cents, Locale locale) {
        return FrenchFormat.input(BigDecimal.valueOf(cents.value(), 2), cents.value() % 100 == 0 ? 0 : 2);
    }
}
