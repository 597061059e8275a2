package fr.trame.federation;

import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;

/** A structure's agréments: added and corrected by the direction or the AT's délégué (the caller checks who). */
@Service
public class AgrementService {

    /** The kinds of structure_agrements; the CAF's are all but {@code autre}. */
    public static final List<String> KINDS = List.of("centre_social", "acf", "evs", "autre");

    private final JdbcClient jdbc;

    public AgrementService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new agrément of the structure; returns its id. */
    @Transactional
    public long add(long federationId, long structureId, String kind, String label, LocalDate start, LocalDate end) {
        String cleanLabel = check(kind, label, start, end);
        try {
            return jdbc.sql("""
                    insert into structure_agrements (federation_id, structure_id, kind, label, start_date, end_date)
                    select federation_id, id, ?, ?, ?, ? from structures where federation_id = ? and id = ?
                    returning id""").params(kind, cleanLabel, start, end, federationId, structureId).query(Long.class)
                    .optional().orElseThrow(() -> new NotFound("Cette structure n'existe pas dans cette fédération."));
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
    }

    /**
     * The agrément a granted renewal gives: a new row, or the one already entered with that kind and start (by hand,
     * by an import), whose end the decision then sets.
     */
    @Transactional
    public long granted(long federationId, long structureId, String kind, String label, LocalDate start, LocalDate end) {
        String cleanLabel = check(kind, label, start, end);
        return jdbc.sql("""
                insert into structure_agrements (federation_id, structure_id, kind, label, start_date, end_date)
                values (?, ?, ?, ?, ?, ?)
                on conflict (federation_id, structure_id, kind, start_date) do update set end_date = excluded.end_date
                returning id""").params(federationId, structureId, kind, cleanLabel, start, end).query(Long.class).single();
    }

    /** Corrects an agrément of the structure (a mistyped date, the wrong kind). */
    @Transactional
    public void correct(long federationId, long structureId, long agrementId, String kind, String label, LocalDate start,
                        LocalDate end) {
        String cleanLabel = check(kind, label, start, end);
        int changed;
        try {
            changed = jdbc.sql("""
                    update structure_agrements set kind = ?, label = ?, start_date = ?, end_date = ?
                    where federation_id = ? and structure_id = ? and id = ?""")
                    .params(kind, cleanLabel, start, end, federationId, structureId, agrementId).update();
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        if (changed == 0) {
            throw new NotFound("Cet agrément n'existe pas pour cette structure.");
        }
    }

    private static String check(String kind, String label, LocalDate start, LocalDate end) {
        if (!KINDS.contains(kind)) {
            throw new Refused("kind", "Type d'agrément inconnu.");
        }
        String cleanLabel = label == null || label.isBlank() ? null : label.trim();
        if (cleanLabel != null && cleanLabel.length() > 200) {
            throw new Refused("label", "L'intitulé de l'agrément compte 200 caractères au plus.");
        }
        if ("autre".equals(kind) && cleanLabel == null) {
            throw new Refused("label", "Pour un autre agrément, indiquez qui le délivre et son objet (ex. : SDJES, jeunesse).");
        }
        if (start == null || end == null) {
            throw new Refused(start == null ? "start" : "end", "L'agrément demande ses deux dates, début et fin.");
        }
        if (end.isBefore(start)) {
            throw new Refused("end", "La fin de l'agrément ne peut pas précéder son début.");
        }
        return cleanLabel;
    }

    private static Refused duplicate() {
        return new Refused("start", "Un agrément de ce type commence déjà à cette date pour cette structure.");
    }
}
