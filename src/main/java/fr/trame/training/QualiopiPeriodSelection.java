package fr.trame.training;

import fr.trame.form.Checks;
import fr.trame.form.Parse;
import fr.trame.training.QualiopiEvidence.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The period a Qualiopi page is asked for ({@code du}, {@code au}, typed JJ/MM/AAAA): the calendar year by default; a
 * date that cannot be read, or an end before the start, gives the default back with a French notice saying so.
 */
record QualiopiPeriodSelection(Period period, String from, String to, String notice) {

    static QualiopiPeriodSelection of(String du, String au, LocalDate today) {
        Period year = Period.year(today.getYear());
        List<String> notices = new ArrayList<>();
        LocalDate from = read(du, year.from(), "début", notices);
        LocalDate to = read(au, year.to(), "fin", notices);
        if (to.isBefore(from)) {
            notices.add("La fin de la période (" + to.format(Parse.FRENCH_DATE) + ") précède son début ("
                    + from.format(Parse.FRENCH_DATE) + ") : voici l'année " + today.getYear() + ".");
            from = year.from();
            to = year.to();
        }
        Period period = new Period(from, to);
        return new QualiopiPeriodSelection(period, from.format(Parse.FRENCH_DATE), to.format(Parse.FRENCH_DATE),
                notices.isEmpty() ? null : String.join(" ", notices));
    }

    private static LocalDate read(String typed, LocalDate otherwise, String end, List<String> notices) {
        String v = Checks.clean(typed);
        if (v == null) {
            return otherwise;
        }
        LocalDate day = Checks.date(v);
        if (day == null || day.getYear() < Checks.FIRST_YEAR || day.getYear() > Checks.LAST_YEAR) {
            notices.add("« " + AskedYear.shown(v) + " » n'est pas une date (JJ/MM/AAAA) : la période a pour " + end + " le "
                    + otherwise.format(Parse.FRENCH_DATE) + ".");
            return otherwise;
        }
        return day;
    }
}
