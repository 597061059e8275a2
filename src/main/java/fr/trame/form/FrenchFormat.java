package fr.trame.form;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * French display of numbers, amounts, percentages, hours and ages, for pages, charts, the PDF and the workbook (never
 * for the CSV files and the JSON, whose formats interchange.md fixes). Pages reach it through {@code @fmt}
 * ({@code fr.trame.web.Fmt}); the other modules call it directly.
 * Thousands are separated by a narrow no-break space, a unit follows a no-break space: {@code 1 234,50 €}, {@code 12,5 %}.
 */
public final class FrenchFormat {

    /** Between groups of thousands (French typography: espace fine insécable). */
    public static final char THOUSANDS = '\u202f';
    /** Between a number and its unit, so that a line never breaks there. */
    public static final char BEFORE_UNIT = '\u00a0';

    private FrenchFormat() {
    }

    private static DecimalFormat format(int places) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator(THOUSANDS);
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(places == 0 ? "#,##0" : "#,##0." + "0".repeat(places), symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    /** The format of {@link #integer}, for a library that takes a {@link java.text.NumberFormat} (a chart's axis). */
    public static NumberFormat integerFormat() {
        return format(0);
    }

    /** {@code 1 234}; a decimal is rounded to a whole number. */
    public static String integer(Number n) {
        return n == null ? "—" : format(0).format(decimalOf(n));
    }

    /** {@code 1 234,50} with exactly {@code places} decimals. */
    public static String decimal(Number n, int places) {
        return n == null ? "—" : format(places).format(decimalOf(n));
    }

    /** A number as it came: whole numbers without decimals, a decimal with its own scale ({@code 12,67}). */
    public static String number(Number n) {
        if (n == null) {
            return "—";
        }
        if (n instanceof BigDecimal d) {
            return format(Math.max(d.scale(), 0)).format(d);
        }
        if (n instanceof Double || n instanceof Float) {
            BigDecimal d = BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros();
            return format(Math.max(d.scale(), 0)).format(d);
        }
        return integer(n);
    }

    /** A share of a total: {@code 12,5 %}; a dash for a total of zero. */
    public static String share(long part, long total) {
        return total == 0 ? "—" : percent(BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP), 1);
    }

    /** A number already in percent: {@code 12,5 %}. */
    public static String percent(Number value, int places) {
        return value == null ? "—" : decimal(value, places) + BEFORE_UNIT + "%";
    }

    /** Hours, always with two decimals: {@code 35,00 h}. */
    public static String hours(Number hours) {
        return hours == null ? "—" : decimal(hours, 2) + BEFORE_UNIT + "h";
    }

    /** An amount in cents: {@code 1 234,50 €}, and {@code 1 234 €} when it is whole euros. */
    public static String euros(Number cents) {
        if (cents == null) {
            return "—";
        }
        long c = cents.longValue();
        BigDecimal euros = BigDecimal.valueOf(c, 2);
        return decimal(euros, c % 100 == 0 ? 0 : 2) + BEFORE_UNIT + "€";
    }

    /** An amount in euros (the indicators' unit) with {@code places} decimals: {@code 1 234 €}. */
    public static String euros(Number euros, int places) {
        return euros == null ? "—" : decimal(euros, places) + BEFORE_UNIT + "€";
    }

    /** A typed value shown back in a form field: {@code 1234,50} (no grouping, so that it reads back as typed). */
    public static String input(Number n, int places) {
        if (n == null) {
            return "";
        }
        DecimalFormat f = format(places);
        f.setGroupingUsed(false);
        return f.format(decimalOf(n));
    }

    /** A month given as {@code 2026-03} (the files' and the forms' way) in words: {@code mars 2026}. */
    public static String month(String isoMonth) {
        if (isoMonth == null || !isoMonth.matches("\\d{4}-\\d{2}")) {
            return isoMonth == null ? "—" : isoMonth;
        }
        return YearMonth.parse(isoMonth)
                .format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH));
    }

    /** Age on a day: {@code 3 mois} under one year (« moins d'un mois » at birth), then {@code 1 an}, {@code 2 ans}. */
    public static String age(LocalDate birth, LocalDate on) {
        if (birth == null) {
            return "âge inconnu";
        }
        Period age = Period.between(birth, on);
        if (age.isNegative()) {
            return "pas encore né(e)";
        }
        if (age.getYears() == 0) {
            return age.getMonths() == 0 ? "moins d'un mois" : age.getMonths() + " mois";
        }
        return age.getYears() + (age.getYears() > 1 ? " ans" : " an");
    }

    /** An age range of an activity: {@code 6 à 11 ans}, {@code 16 ans et plus}, {@code jusqu'à 11 ans}, {@code tous âges}. */
    public static String ageRange(Integer min, Integer max) {
        if (min == null && max == null) {
            return "tous âges";
        }
        if (max == null) {
            return years(min) + " et plus";
        }
        if (min == null || min == 0) {
            return "jusqu'à " + years(max);
        }
        return min.equals(max) ? years(min) : min + " à " + years(max);
    }

    private static String years(int n) {
        return n + (n > 1 ? " ans" : " an");
    }

    /**
     * A band's label ({@code 0-2}, {@code 60+}, {@code inconnu}, as in {@link Bands#labels()} and the JSON) in words,
     * with its unit ({@code ans} or {@code €}): {@code 0 à 2 ans}, {@code 60 ans et plus}, {@code 1 801 € et plus},
     * {@code Non renseigné}.
     */
    public static String band(String label, String unit) {
        if (label == null) {
            return "—";
        }
        Matcher closed = Pattern.compile("(\\d+)-(\\d+)").matcher(label);
        if (closed.matches()) {
            return integer(Long.parseLong(closed.group(1))) + " à " + integer(Long.parseLong(closed.group(2))) + BEFORE_UNIT + unit;
        }
        Matcher open = Pattern.compile("(\\d+)\\+").matcher(label);
        if (open.matches()) {
            return integer(Long.parseLong(open.group(1))) + BEFORE_UNIT + unit + " et plus";
        }
        return label.equals("inconnu") ? "Non renseigné" : label;
    }

    private static BigDecimal decimalOf(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return BigDecimal.valueOf(n.longValue());
    }
}
