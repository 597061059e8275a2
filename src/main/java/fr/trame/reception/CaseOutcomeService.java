package fr.trame.reception;

import fr.trame.form.Conflict;
import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The centre's outcomes of an accompaniment (a case file's, an insertion workshop participant's): a standard list the
 * direction renames, extends and archives. A code never changes once given, so the figures keep counting it.
 */
@Service
public class CaseOutcomeService {

    public record CaseOutcome(long id, String code, String label, boolean archived) {
    }

    static final Map<String, String> STANDARD = new LinkedHashMap<>();

    static {
        STANDARD.put("emploi", "Emploi");
        STANDARD.put("formation", "Formation");
        STANDARD.put("logement", "Logement");
        STANDARD.put("droits_ouverts", "Droits ouverts");
        STANDARD.put("orientation", "Orientation vers un partenaire");
        STANDARD.put("abandon", "Abandon");
        STANDARD.put("autre", "Autre");
    }

    private final JdbcClient jdbc;

    public CaseOutcomeService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every outcome of the centre, archived ones included; the standard list is created the first time it is needed. */
    @Transactional
    public List<CaseOutcome> all(long centreId) {
        List<CaseOutcome> outcomes = query(centreId);
        if (outcomes.isEmpty()) {
            int position = 0;
            for (Map.Entry<String, String> o : STANDARD.entrySet()) {
                jdbc.sql("insert into case_outcomes (centre_id, code, label, position) values (?, ?, ?, ?) on conflict do nothing")
                        .params(centreId, o.getKey(), o.getValue(), position += 10).update();
            }
            outcomes = query(centreId);
        }
        return outcomes;
    }

    /** The outcomes one may choose today: those not archived. */
    public List<CaseOutcome> choosable(long centreId) {
        return all(centreId).stream().filter(o -> !o.archived()).toList();
    }

    /** The outcome of this code, if it may be chosen. */
    public Optional<CaseOutcome> choosable(long centreId, String code) {
        return choosable(centreId).stream().filter(o -> o.code().equals(code)).findFirst();
    }

    /** Code → label, archived ones included (a record keeps the outcome it was given). */
    public Map<String, String> labels(long centreId) {
        Map<String, String> labels = new LinkedHashMap<>();
        all(centreId).forEach(o -> labels.put(o.code(), o.label()));
        return labels;
    }

    private List<CaseOutcome> query(long centreId) {
        return jdbc.sql("select id, code, label, archived from case_outcomes where centre_id = ? order by archived, position, label")
                .param(centreId).query(CaseOutcome.class).list();
    }

    /** Adds an outcome; its code (for files and figures) is the label without accents, in lower case. */
    @Transactional
    public CaseOutcome add(long centreId, String label) {
        all(centreId);
        String clean = label.trim();
        String code = Normalizer.normalize(clean, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase()
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        code = code.length() > 40 ? code.substring(0, 40) : code;
        if (code.length() < 2) {
            throw new Refused("Nom d'issue trop court : au moins deux lettres ou chiffres.");
        }
        requireFreeLabel(centreId, clean, null);
        // a label differing only by punctuation from an existing one: a distinct code, the first free suffix
        String base = code.length() > 37 ? code.substring(0, 37) : code;
        for (int n = 2; taken(centreId, code); n++) {
            code = base + "_" + n;
        }
        long id = jdbc.sql("""
                insert into case_outcomes (centre_id, code, label, position)
                values (?, ?, ?, (select coalesce(max(position), 0) + 10 from case_outcomes where centre_id = ?)) returning id""")
                .params(centreId, code, clean, centreId).query(Long.class).single();
        return new CaseOutcome(id, code, clean, false);
    }

    private boolean taken(long centreId, String code) {
        return jdbc.sql("select exists (select 1 from case_outcomes where centre_id = ? and code = ?)").params(centreId, code)
                .query(Boolean.class).single();
    }

    @Transactional
    public void rename(long centreId, long id, String label) {
        find(centreId, id);
        String clean = label.trim();
        requireFreeLabel(centreId, clean, id);
        jdbc.sql("update case_outcomes set label = ? where centre_id = ? and id = ?").params(clean, centreId, id).update();
    }

    /** Archived, an outcome is no longer offered; the records that carry it keep it, and the figures count it. */
    @Transactional
    public void archive(long centreId, long id, boolean archived) {
        find(centreId, id);
        jdbc.sql("update case_outcomes set archived = ? where centre_id = ? and id = ?").params(archived, centreId, id).update();
    }

    /** One of the centre's outcomes; another centre's id is not found. */
    public CaseOutcome find(long centreId, long id) {
        return jdbc.sql("select id, code, label, archived from case_outcomes where centre_id = ? and id = ?")
                .params(centreId, id).query(CaseOutcome.class).optional().orElseThrow(() -> new NotFound("Issue introuvable."));
    }

    private void requireFreeLabel(long centreId, String label, Long except) {
        boolean taken = jdbc.sql("select exists (select 1 from case_outcomes where centre_id = ? and lower(label) = lower(?)"
                        + " and id is distinct from ?)").params(centreId, label, except).query(Boolean.class).single();
        if (taken) {
            throw new Conflict("L'issue « " + label + " » existe déjà.");
        }
    }
}
