package fr.trame.form;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bands given by their lower bounds, ascending from 0: {@code 0, 4, 12, 18} makes 0-3, 4-11, 12-17 and 18+.
 * The same bounds give the labels and the SQL that puts a value in its band.
 */
public record Bands(int[] bounds) {

    public static final Bands STANDARD_AGE = new Bands(new int[] {0, 3, 6, 12, 18, 26, 60});
    public static final Bands STANDARD_QF = new Bands(new int[] {0, 301, 601, 901, 1201, 1501, 1801});

    /** Reads "0, 4, 12, 18"; refuses what is not whole numbers, ascending, from 0. */
    public static Bands parse(String text) {
        List<Integer> values = new ArrayList<>();
        for (String part : text.split("[,; ]+")) {
            if (part.isBlank()) {
                continue;
            }
            if (!part.matches("\\d{1,5}")) {
                throw new IllegalArgumentException("« " + part + " » n'est pas un nombre entier.");
            }
            values.add(Integer.parseInt(part));
        }
        if (values.isEmpty() || values.get(0) != 0) {
            throw new IllegalArgumentException("Les bornes commencent à 0 (exemple : 0, 4, 12, 18).");
        }
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) <= values.get(i - 1)) {
                throw new IllegalArgumentException("Les bornes doivent croître : " + values.get(i) + " suit " + values.get(i - 1) + ".");
            }
        }
        if (values.size() > 12) {
            throw new IllegalArgumentException("Douze tranches au plus.");
        }
        return new Bands(values.stream().mapToInt(Integer::intValue).toArray());
    }

    public List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < bounds.length; i++) {
            labels.add(i + 1 < bounds.length ? bounds[i] + "-" + (bounds[i + 1] - 1) : bounds[i] + "+");
        }
        labels.add("inconnu");
        return labels;
    }

    /** SQL putting {@code value} (an integer expression, possibly null) in its band's label. */
    public String sql(String value) {
        StringBuilder sql = new StringBuilder("case when ").append(value).append(" is null then 'inconnu'");
        List<String> labels = labels();
        for (int i = bounds.length - 1; i >= 0; i--) {
            sql.append(" when ").append(value).append(" >= ").append(bounds[i]).append(" then '").append(labels.get(i)).append("'");
        }
        return sql.append(" end").toString();
    }

    public String text() {
        return String.join(", ", Arrays.stream(bounds).mapToObj(String::valueOf).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bands b && Arrays.equals(bounds, b.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
        return text();
    }
}
