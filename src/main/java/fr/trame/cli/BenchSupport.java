package fr.trame.cli;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Random;

/** What several benchmarks share: percentiles, misspelt names, a generated federation registry. */
final class BenchSupport {

    private BenchSupport() {
    }

    static double median(double[] values) {
        return percentile(values, 50);
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** A name as people type it at a desk: no accents, lower case, one letter wrong. */
    static String misspell(String name, Random random) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase();
        if (s.length() > 4) {
            int i = 1 + random.nextInt(s.length() - 2);
            char c = (char) ('a' + random.nextInt(26));
            s = s.substring(0, i) + c + s.substring(i + 1);
        }
        return s;
    }

    /** A registry of {@code structures} centres sociaux in 13 ATs of the Nord and the Pas-de-Calais, as structures.csv. */
    static ByteArrayInputStream registry(int structures) {
        StringBuilder csv = new StringBuilder("structure_ref;name;kind;status;departement;territory;commune;membership;"
                + "membership_date\n");
        for (int i = 1; i <= structures; i++) {
            csv.append('S').append(i).append(";Centre social ").append(i).append(";cs;associatif;")
                    .append(i % 7 == 0 ? "62" : "59").append(";AT ").append(1 + i % 13).append(";Commune ").append(i)
                    .append(";adherent;2001-01-01\n");
        }
        return new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
