package fr.trame.senacs;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * One family of the figures SENACS answers are computed from (publics, actions by theme, association…). Each figure
 * is defined once, in SQL, by the module that holds its records; a source only names it and says which page lists the
 * records behind it. {@link SenacsFigures} asks every source, and a test checks that each figure a questionnaire names
 * is computed by exactly one source.
 */
public interface FigureSource {

    /** The figures this source computes, as the questionnaire's {@code figure} column names them. */
    Set<String> figures();

    /**
     * The values of {@code wanted} (a subset of {@link #figures()}) for the centre over the year {@code [from, to]}
     * (inclusive): each a {@link Computed}; a figure the records cannot give (no agrément, no accounts) is left out.
     */
    Map<String, Computed> compute(long centreId, LocalDate from, LocalDate to, Set<String> wanted);

    /**
     * A computed answer: its value as an answer is written ({@link AnswerFormat}), and the page that lists the records
     * behind it, below the centre's base path ({@code /tableau-de-bord/personnes?from=…}), or null when there is none.
     */
    record Computed(String value, String link) {
    }
}
