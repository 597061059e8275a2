package fr.trame.reporting;

import fr.trame.form.FrenchFormat;
import fr.trame.reporting.AnnualReportService.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation grid of one action (« fiche bilan ») as the annual report prints it after its sector's tables: the
 * objectives and whether they were reached, the public expected beside the public the engine counted, the partners and
 * the referent's texts. Parts left empty are not printed.
 */
public record ActionEvaluation(String activity, List<Objective> objectives, Integer expected, String expectedText,
                               long persons, long presences, long sessions, List<String> partners, String strengths,
                               String difficulties, String perspectives) {

    /** An objective; {@code reached} in French (« Partiellement atteint »). */
    public record Objective(String objective, String reached, String comment) {
    }

    /** Persons reached minus persons expected (positive: more came), or null when nothing was expected in numbers. */
    public Long gap() {
        return expected == null ? null : persons - expected;
    }

    /** A number of the grid as the report prints numbers (1 234). */
    public String printed(Number n) {
        return FrenchFormat.number(n);
    }

    /** The grid as tables, for the workbook: one sheet holds the sector's tables, then each action's grid. */
    public List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        String title = "Bilan de l'action « " + activity + " »";
        if (!objectives.isEmpty()) {
            tables.add(new Table(title + " : objectifs", List.of("Objectif", "Résultat", "Commentaire"),
                    objectives.stream().map(o -> List.<Object>of(o.objective(), o.reached(),
                            o.comment() == null ? "" : o.comment())).toList()));
        }
        List<Object> personsRow = new ArrayList<>(List.of("Personnes distinctes"));
        personsRow.add(expected == null ? "" : expected);
        personsRow.add(persons);
        personsRow.add(gap() == null ? "" : gap());
        tables.add(new Table(title + " : public", List.of("", "Attendu", "Atteint", "Écart"), List.of(personsRow,
                List.of("Présences", "", presences, ""), List.of("Séances tenues", "", sessions, ""))));
        List<List<Object>> texts = new ArrayList<>();
        addText(texts, "Public attendu", expectedText);
        addText(texts, "Partenaires", partners.isEmpty() ? null : String.join(", ", partners));
        addText(texts, "Points forts", strengths);
        addText(texts, "Difficultés", difficulties);
        addText(texts, "Perspectives", perspectives);
        if (!texts.isEmpty()) {
            tables.add(new Table(title + " : bilan", List.of("", ""), texts));
        }
        return tables;
    }

    private static void addText(List<List<Object>> rows, String label, String text) {
        if (text != null && !text.isBlank()) {
            rows.add(List.of(label, text));
        }
    }
}
