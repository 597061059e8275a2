package fr.trame.senacs;

import java.util.List;
import java.util.Locale;

/**
 * One question of a campaign: its code, wording and type; {@code figure} names the figure Trame computes the answer from
 * ({@link FigureSource}), null when the centre declares it; {@code rollup} says how the federation adds the answers up
 * ({@code somme}, {@code oui}: structures answering yes, {@code repartition}: structures per choice, {@code aucun}).
 */
public record Question(String code, String section, String wording, Type type, String unit, List<String> choices,
                       String figure, String rollup) {

    public enum Type { OUI_NON, ENTIER, DECIMAL, MONTANT, DATE, CHOIX, TEXTE;

        /** The code in the questionnaire file and the database. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Type of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public boolean computed() {
        return figure != null;
    }
}
