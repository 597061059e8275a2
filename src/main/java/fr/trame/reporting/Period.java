package fr.trame.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** A reporting period, both days included, and the same period a year before. */
record Period(LocalDate from, LocalDate to, String label) {

    private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public static Period calendarYear(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), "Année " + year);
    }

    /** 1 September to 31 August. */
    public static Period schoolYear(int startYear) {
        return new Period(LocalDate.of(startYear, 9, 1), LocalDate.of(startYear + 1, 8, 31),
                "Année scolaire " + startYear + "-" + (startYear + 1));
    }

    public static Period range(LocalDate from, LocalDate to) {
        return new Period(from, to, "Du " + from.format(FR) + " au " + to.format(FR));
    }

    public Period previous() {
        return new Period(from.minusYears(1), to.minusYears(1), label + " (N-1)");
    }
}
