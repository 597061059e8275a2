package fr.trame.people;

import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The centre's situation flags (primo-arrivant, allophone…): a vocabulary each centre makes its own. No flag is
 * required; the flags page suggests {@link #SUGGESTED}, which the direction adds with one click. A flag is archived,
 * never deleted: the persons who have it keep it, and the figures of past years still count it.
 */
@Service
public class FlagService {

    public record Flag(long id, String code, String label, boolean archived) {
    }

    /** The starting set the flags page offers (code → label); nothing is created until the direction chooses it. */
    static final Map<String, String> SUGGESTED = new LinkedHashMap<>();

    static {
        SUGGESTED.put("primo_arrivant", "Primo-arrivant");
        SUGGESTED.put("allophone", "Allophone");
        SUGGESTED.put("fle", "Apprenant FLE");
        SUGGESTED.put("demandeur_asile", "Demandeur d'asile ou réfugié");
        SUGGESTED.put("rsa", "Bénéficiaire du RSA");
        SUGGESTED.put("demandeur_emploi", "Demandeur d'emploi");
        SUGGESTED.put("isole", "Personne isolée");
        SUGGESTED.put("aidant", "Proche aidant");
    }

    /** The rule of situation_flags.code (V57). */
    static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,40}");
    static final int LABEL_MAX = 100;

    private final JdbcClient jdbc;

    public FlagService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All the centre's flags, archived ones last. */
    public List<Flag> all(long centreId) {
        return jdbc.sql("select id, code, label, archived from situation_flags where centre_id = ? order by archived, lower(label), id")
                .param(centreId).query(Flag.class).list();
    }

    /** The flags a form offers: the active ones, and the archived ones among {@code kept} (a person's own). */
    public List<Flag> offered(long centreId, Collection<Long> kept) {
        return all(centreId).stream().filter(f -> !f.archived() || kept.contains(f.id())).toList();
    }

    public Flag find(long centreId, long id) {
        return jdbc.sql("select id, code, label, archived from situation_flags where centre_id = ? and id = ?")
                .params(centreId, id).query(Flag.class).optional()
                .orElseThrow(() -> new NotFound("Situation introuvable."));
    }

    /** The suggestions of {@link #SUGGESTED} whose code the centre does not have yet. */
    public Map<String, String> suggestions(long centreId) {
        Set<String> have = Set.copyOf(jdbc.sql("select code from situation_flags where centre_id = ?").param(centreId)
                .query(String.class).list());
        Map<String, String> left = new LinkedHashMap<>(SUGGESTED);
        left.keySet().removeAll(have);
        return left;
    }

    /**
     * Adds a flag; an empty code is made from the label. Refused (field {@code code} or {@code label}) with a French
     * message when the code is not one or is taken, or the label is empty or too long.
     */
    @Transactional
    public Flag add(long centreId, String code, String label) {
        String l = label == null ? "" : label.strip();
        String c = code == null || code.isBlank() ? codeOf(l) : code.strip().toLowerCase();
        if (l.isEmpty()) {
            throw new Refused("label", "Le libellé est obligatoire.");
        }
        if (l.length() > LABEL_MAX) {
            throw new Refused("label", "Le libellé dépasse " + LABEL_MAX + " caractères.");
        }
        if (!CODE.matcher(c).matches()) {
            throw new Refused("code", "Code invalide : lettres minuscules sans accent, chiffres et « _ », 40 au plus "
                    + "(ex. primo_arrivant).");
        }
        Long id = jdbc.sql("""
                insert into situation_flags (centre_id, code, label) values (?, ?, ?)
                on conflict (centre_id, code) do nothing returning id""")
                .params(centreId, c, l).query(Long.class).optional().orElse(null);
        if (id == null) {
            throw new Refused("code", "Le code « " + c + " » existe déjà dans ce centre.");
        }
        return new Flag(id, c, l, false);
    }

    /** Renames a flag of the centre (its code, which files use, stays). */
    @Transactional
    public void rename(long centreId, long id, String label) {
        find(centreId, id);
        String l = label == null ? "" : label.strip();
        if (l.isEmpty()) {
            throw new Refused("label", "Le libellé est obligatoire.");
        }
        if (l.length() > LABEL_MAX) {
            throw new Refused("label", "Le libellé dépasse " + LABEL_MAX + " caractères.");
        }
        jdbc.sql("update situation_flags set label = ? where centre_id = ? and id = ?").params(l, centreId, id).update();
    }

    @Transactional
    public void archive(long centreId, long id, boolean archived) {
        find(centreId, id);
        jdbc.sql("update situation_flags set archived = ? where centre_id = ? and id = ?")
                .params(archived, centreId, id).update();
    }

    /**
     * Creates the flags of these codes the centre does not have, each labelled by its code made readable
     * ({@link #readable}), in this transaction. Returns the codes created, in the order given.
     */
    @Transactional
    public List<String> createMissing(long centreId, List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                insert into situation_flags (centre_id, code, label)
                select :centre, c.code, c.label
                from unnest(cast(:codes as text[]), cast(:labels as text[])) with ordinality as c(code, label, n)
                order by c.n
                on conflict (centre_id, code) do nothing
                returning code""")
                .param("centre", centreId).param("codes", codes.toArray(String[]::new))
                .param("labels", codes.stream().map(FlagService::readable).toArray(String[]::new))
                .query(String.class).list();
    }

    /** A flag's code made readable, for a flag a file creates: primo_arrivant → « Primo arrivant ». */
    static String readable(String code) {
        String words = code.replace('_', ' ').strip().replaceAll(" +", " ");
        return words.isEmpty() ? code : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A code made from a label: without accents, in lower case, words joined by « _ ». */
    static String codeOf(String label) {
        String c = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase()
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return c.length() > 40 ? c.substring(0, 40) : c;
    }

    /** The person's flags, archived ones included (they still have them). */
    public List<Flag> ofPerson(long centreId, long personId) {
        return jdbc.sql("""
                select f.id, f.code, f.label, f.archived from person_flags pf
                join situation_flags f on f.centre_id = pf.centre_id and f.id = pf.flag_id
                where pf.centre_id = ? and pf.person_id = ? order by lower(f.label), f.id""")
                .params(centreId, personId).query(Flag.class).list();
    }

    /** The person's flags become these (ids that are not the centre's flags are ignored); whether anything changed. */
    @Transactional
    public boolean setOfPerson(long centreId, long personId, Collection<Long> flagIds) {
        Long[] ids = flagIds.toArray(Long[]::new);
        int removed = jdbc.sql("delete from person_flags where centre_id = ? and person_id = ? and flag_id <> all(?)")
                .params(centreId, personId, ids).update();
        int added = jdbc.sql("""
                insert into person_flags (centre_id, person_id, flag_id)
                select f.centre_id, ?, f.id from situation_flags f where f.centre_id = ? and f.id = any(?)
                on conflict do nothing""").params(personId, centreId, ids).update();
        return removed + added > 0;
    }

    /** Removes every flag of these persons (erasure). */
    @Transactional
    public void forgetOf(long centreId, Collection<Long> personIds) {
        jdbc.sql("delete from person_flags where centre_id = ? and person_id = any(?)")
                .params(centreId, personIds.toArray(Long[]::new)).update();
    }
}
