package fr.trame.form;

import org.junit.jupiter.api.Test;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.validation.DataBinder;
import org.springframework.validation.Errors;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one way of forms: one date and one amount formatter, form objects, French messages naming the field. */
class FormsTest {

    @Test
    void aDateIsReadAsInterchangeSaysAndAnImpossibleOneIsRefused() throws ParseException {
        FrenchDateFormatter dates = new FrenchDateFormatter();
        assertThat(dates.parse("2026-03-09", Locale.FRENCH)).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(dates.parse(" 09/03/2026 ", Locale.FRENCH)).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(dates.print(LocalDate.of(2026, 3, 9), Locale.FRENCH)).isEqualTo("09/03/2026");
        assertThatThrownBy(() -> dates.parse("31/02/2026", Locale.FRENCH)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> dates.parse("9 mars", Locale.FRENCH)).isInstanceOf(ParseException.class);
    }

    @Test
    void anAmountInEurosIsReadInCents() throws ParseException {
        EurosFormatter euros = new EurosFormatter();
        assertThat(euros.parse("1200", Locale.FRENCH).value()).isEqualTo(120_000);
        assertThat(euros.parse("1 200,50 €", Locale.FRENCH).value()).isEqualTo(120_050);
        assertThat(euros.parse("1\u202f200.5", Locale.FRENCH).value()).isEqualTo(120_050);
        assertThat(euros.print(new Cents(120_050), Locale.FRENCH)).isEqualTo("1200,50");
        assertThatThrownBy(() -> euros.parse("douze", Locale.FRENCH)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> euros.parse("12,345", Locale.FRENCH)).isInstanceOf(ParseException.class);
    }

    /** A form as the application binds it: direct field access, the two formatters, its own rules. */
    static final class SampleForm implements Form {
        public String name;
        public LocalDate day;
        public Cents fee;
        public String from;

        @Override
        public void validate(Errors errors) {
            Checks.required(errors, "name", name);
            Checks.date(errors, "from", from, true);
        }
    }

    @Test
    void aBoundFormSaysInFrenchWhatIsWrongNamingTheFieldAndKeepsWhatWasTyped() {
        FormattingConversionService conversions = new FormattingConversionService();
        conversions.addFormatterForFieldType(LocalDate.class, new FrenchDateFormatter());
        conversions.addFormatterForFieldType(Cents.class, new EurosFormatter());
        SampleForm form = new SampleForm();
        DataBinder binder = new DataBinder(form, "sampleForm");
        binder.initDirectFieldAccess();
        binder.setConversionService(conversions);
        binder.bind(new MutablePropertyValues().add("day", "31/02/2026").add("fee", "douze").add("from", "2026-13-01"));
        form.validate(binder.getBindingResult());
        FieldErrors errors = FieldErrors.of(binder.getBindingResult());
        // no label in messages.properties for this form: the message names the field by its name
        assertThat(errors.get("name")).isEqualTo("Indiquez name.");
        assertThat(errors.get("day")).isEqualTo("« 31/02/2026 » n'est pas une date (day) : écrivez JJ/MM/AAAA.");
        assertThat(errors.get("fee")).isEqualTo("« douze » n'est pas un montant en euros (fee) : par exemple 1200 ou 1200,50.");
        assertThat(errors.get("from")).isEqualTo("« 2026-13-01 » n'est pas une date (from) : écrivez JJ/MM/AAAA.");
        assertThat(form.typed()).containsEntry("from", "2026-13-01");
        assertThat(binder.getBindingResult().getFieldValue("day")).isEqualTo("31/02/2026");
    }

    @Test
    void aMessageWithArgumentsDoublesItsApostrophesAndALabelDoesNot() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        messages.forEach((key, value) -> {
            String text = (String) value;
            boolean formMessage = !((String) key).startsWith("code.") && !((String) key).startsWith("figure.")
                    && !((String) key).matches("[a-z][A-Za-z]*Form\\.[A-Za-z]+") && !key.equals("logo");
            if (formMessage) {
                // read through MessageFormat: a single apostrophe would swallow the text after it
                assertThat(text.replace("''", "")).as((String) key).doesNotContain("'");
            } else {
                assertThat(text).as((String) key).doesNotContain("''");
            }
        });
    }
}
