package fr.trame.web;

import fr.trame.association.Labels;
import fr.trame.centre.Centre;
import fr.trame.form.FrenchFormat;
import fr.trame.form.Parse;
import fr.trame.form.Vocabulary;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** French display of values in templates: {@code ${@fmt.euros(cents)}}. */
@Component("fmt")
public class Fmt {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss");
    private static final String[] WEEKDAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};

    public String euros(Number cents) {
        return FrenchFormat.euros(cents);
    }

    /** An amount in euros (the indicators' unit): {@code 1 234 €}. */
    public String euros(Number euros, int places) {
        return FrenchFormat.euros(euros, places);
    }

    /** {@code 1 234}. */
    public String integer(Number n) {
        return FrenchFormat.integer(n);
    }

    /** {@code 1 234,50}, with {@code places} decimals. */
    public String decimal(Number n, int places) {
        return FrenchFormat.decimal(n, places);
    }

    /** A whole number as {@code 1 234}, a decimal with its own scale as {@code 12,67}. */
    public String number(Number n) {
        return FrenchFormat.number(n);
    }

    /** {@code 12,5 %} from a number already in percent. */
    public String percent(Number value, int places) {
        return FrenchFormat.percent(value, places);
    }

    /** The share of {@code part} in {@code total}: {@code 12,5 %}. */
    public String share(Number part, Number total) {
        return part == null || total == null ? "—" : FrenchFormat.share(part.longValue(), total.longValue());
    }

    /** {@code 35,00 h}. */
    public String hours(Number hours) {
        return FrenchFormat.hours(hours);
    }

    /** A number put back in a form field: {@code 1234,50}. */
    public String input(Number n, int places) {
        return FrenchFormat.input(n, places);
    }

    public String date(LocalDate date) {
        return date == null ? "—" : date.format(Parse.FRENCH_DATE);
    }

    /** The time of an instant at the centre ({@code scope.zone()}), whatever the server's time zone: 08:21. */
    public String time(OffsetDateTime at, ZoneId zone) {
        return at == null ? "—" : at.atZoneSameInstant(zone).format(TIME);
    }

    /** 15/01/2026 08:21 at the centre. */
    public String dateTime(OffsetDateTime at, ZoneId zone) {
        return at == null ? "—" : at.atZoneSameInstant(zone).format(DATE_TIME);
    }

    /** 15/01/2026 08:21:05 at the centre (the audit log). */
    public String dateTimeSeconds(OffsetDateTime at, ZoneId zone) {
        return at == null ? "—" : at.atZoneSameInstant(zone).format(DATE_TIME_SECONDS);
    }

    /** The day of an instant at the centre. */
    public String date(OffsetDateTime at, ZoneId zone) {
        return at == null ? "—" : at.atZoneSameInstant(zone).format(Parse.FRENCH_DATE);
    }

    /** {@code 3 mois}, {@code 1 an}, {@code 2 ans} today (in metropolitan France: pages with a centre pass its zone). */
    public String age(LocalDate birth) {
        return age(birth, Centre.DEFAULT_ZONE);
    }

    /** The age on the centre's today. */
    public String age(LocalDate birth, ZoneId zone) {
        return FrenchFormat.age(birth, LocalDate.now(zone));
    }

    /** {@code 6 à 11 ans}, {@code 16 ans et plus}, {@code tous âges}. */
    public String ageRange(Integer min, Integer max) {
        return FrenchFormat.ageRange(min, max);
    }

    /** A household's name as a title: {@code Foyer Martin}, but never « Foyer Foyer sans membre ». */
    public String household(String label) {
        return label == null ? "Foyer" : label.regionMatches(true, 0, "Foyer", 0, 5) ? label : "Foyer " + label;
    }

    public String label(String code) {
        return Vocabulary.label(code);
    }

    /** The French name of a code of one kind: {@code ${@fmt.label('channel', c.channel())}}. */
    public String label(String kind, String code) {
        return Vocabulary.label(kind, code);
    }

    /** A key of an indicator breakdown (bySex, byAgeBand, byQfBand…) in words: {@code Femmes}, {@code 60 ans et plus}. */
    public String breakdown(String dimension, String key) {
        return Vocabulary.breakdown(dimension, key);
    }

    /** « 1 demande déposée », « 3 demandes accordées » (the grant statuses' words of the annual report). */
    public String grants(String status, Number count) {
        return Labels.grants(status, count == null ? 0 : count.longValue());
    }

    public String grantsRequested() {
        return Labels.GRANTS_REQUESTED;
    }

    public String grantsGranted() {
        return Labels.GRANTS_GRANTED;
    }

    /** {@code 2026-03} as {@code mars 2026}. */
    public String month(Object isoMonth) {
        return isoMonth == null ? "—" : FrenchFormat.month(isoMonth.toString());
    }

    /** ISO weekday, 1 = lundi. */
    public String weekday(int isoDay) {
        return WEEKDAYS[isoDay - 1];
    }

    public String longDate(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH));
    }

}
