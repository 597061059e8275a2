package fr.trame.reporting;

import fr.trame.form.FrenchFormat;

/** A figure of the period beside the same period a year before, as the dashboard shows it. */
public record YearOnYear(String key, long current, long previous) {

    public String variation() {
        if (previous == 0) {
            return current == 0 ? "=" : "nouveau";
        }
        long percent = Math.round(100.0 * (current - previous) / previous);
        return (percent > 0 ? "+" : "") + FrenchFormat.percent((Number) percent, 0);
    }
}
