package fr.trame.activities;

import fr.trame.form.Checks;
import fr.trame.form.Form;
import org.springframework.validation.Errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The evaluation grid as sent: objective rows by index ({@code objective[2]}, {@code reached[2]}, {@code comment[2]},
 * never repeated names, which Spring would split at commas), rows to delete, partners ticked, the texts.
 */
final class EvaluationForm implements Form {

    static final int MAX_ROWS = 40;
    static final int OBJECTIVE_LENGTH = 300;
    static final int COMMENT_LENGTH = 1000;
    static final int TEXT_LENGTH = 4000;

    public Map<Integer, String> objective = new TreeMap<>();
    public Map<Integer, String> reached = new TreeMap<>();
    public Map<Integer, String> comment = new TreeMap<>();
    public List<String> remove = new ArrayList<>();
    public List<String> partnerIds = new ArrayList<>();
    public String publicExpected;
    public String publicExpectedText;
    public String partnersText;
    public String strengths;
    public String difficulties;
    public String perspectives;
    /** Read by {@link #validate}. */
    private EvaluationService.Values values;

    /** A row of the grid as shown: its index in the form and what it holds. */
    record Row(int index, String objective, String reached, String comment, boolean removed) {
    }

    static EvaluationForm of(EvaluationService.Values v) {
        EvaluationForm form = new EvaluationForm();
        for (int i = 0; i < v.objectives().size(); i++) {
            EvaluationService.Objective o = v.objectives().get(i);
            form.objective.put(i, o.objective());
            form.reached.put(i, o.reached());
            form.comment.put(i, o.comment());
        }
        v.partnerIds().forEach(p -> form.partnerIds.add(String.valueOf(p)));
        form.publicExpected = v.publicExpected() == null ? null : String.valueOf(v.publicExpected());
        form.publicExpectedText = v.publicExpectedText();
        form.partnersText = v.partnersText();
        form.strengths = v.strengths();
        form.difficulties = v.difficulties();
        form.perspectives = v.perspectives();
        return form;
    }

    /** The rows typed (deleted ones still shown, ticked), then {@code empty} blank rows to add objectives. */
    public List<Row> rows(int empty) {
        List<Row> rows = new ArrayList<>();
        int next = 0;
        for (int i : indexes()) {
            rows.add(new Row(i, objective.get(i), reached.get(i), comment.get(i), remove.contains(String.valueOf(i))));
            next = i + 1;
        }
        for (int k = 0; k < empty; k++) {
            rows.add(new Row(next + k, null, null, null, false));
        }
        return rows;
    }

    public boolean partnerTicked(long id) {
        return partnerIds.contains(String.valueOf(id));
    }

    EvaluationService.Values values() {
        return values;
    }

    @Override
    public void validate(Errors errors) {
        List<EvaluationService.Objective> objectives = new ArrayList<>();
        for (int i : indexes()) {
            if (remove.contains(String.valueOf(i))) {
                continue;
            }
            String text = Checks.clean(objective.get(i));
            String result = Checks.clean(reached.get(i));
            String note = Checks.clean(comment.get(i));
            if (text == null && note == null) {
                continue; // a blank row: nothing to keep, whatever its (default) result
            }
            Object[] row = {i + 1};
            if (text == null) {
                errors.rejectValue("objective[" + i + "]", "required", row, null);
            } else if (text.codePointCount(0, text.length()) > OBJECTIVE_LENGTH) {
                errors.rejectValue("objective[" + i + "]", "tooLong", new Object[] {i + 1, OBJECTIVE_LENGTH}, null);
            }
            if (result == null) {
                errors.rejectValue("reached[" + i + "]", "required", row, null);
            } else if (!EvaluationService.REACHED.contains(result)) {
                errors.rejectValue("reached[" + i + "]", "choice", row, null);
            }
            if (note != null && note.codePointCount(0, note.length()) > COMMENT_LENGTH) {
                errors.rejectValue("comment[" + i + "]", "tooLong", new Object[] {i + 1, COMMENT_LENGTH}, null);
            }
            objectives.add(new EvaluationService.Objective(text, result, note));
        }
        List<Long> partners = new ArrayList<>();
        for (String p : partnerIds) {
            try {
                partners.add(Long.parseLong(p.trim()));
            } catch (NumberFormatException e) {
                partners.add(-1L); // not an id of the list: the service finds no such partner (404)
            }
        }
        Integer expected = Checks.integer(errors, "publicExpected", publicExpected, false, 0, 1_000_000);
        values = new EvaluationService.Values(expected,
                Checks.text(errors, "publicExpectedText", publicExpectedText, false, TEXT_LENGTH), objectives, partners,
                Checks.text(errors, "partnersText", partnersText, false, TEXT_LENGTH),
                Checks.text(errors, "strengths", strengths, false, TEXT_LENGTH),
                Checks.text(errors, "difficulties", difficulties, false, TEXT_LENGTH),
                Checks.text(errors, "perspectives", perspectives, false, TEXT_LENGTH));
    }

    /** The objective rows sent, in order; beyond {@link #MAX_ROWS} the form is not a person's. */
    private List<Integer> indexes() {
        TreeMap<Integer, Boolean> all = new TreeMap<>();
        objective.keySet().forEach(i -> all.put(i, true));
        reached.keySet().forEach(i -> all.put(i, true));
        comment.keySet().forEach(i -> all.put(i, true));
        return all.keySet().stream().filter(i -> i >= 0 && i < MAX_ROWS).toList();
    }
}
