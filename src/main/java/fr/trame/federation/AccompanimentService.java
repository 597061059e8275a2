package fr.trame.federation;

import fr.trame.form.Forbidden;
import fr.trame.form.NotFound;
import fr.trame.form.Parse;
import fr.trame.form.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The federation's accompaniments of its member structures. A non-confidential one is read by every user of the
 * federation and written by the direction, the délégué of the structure's AT and its own délégué. A cellule de veille
 * (confidential) exists only for its délégué, the users it is shared with and the direction: for anyone else it is
 * not found, and every read of it is written to the federation's journal.
 */
@Service
public class AccompanimentService {

    /** The kinds, in the order of the forms and of the figures' columns. */
    public static final List<String> KINDS = List.of("recrutement_direction", "gouvernance", "pilotage", "partenariats", "rh",
            "evaluation_projet_social", "passage_associatif", "prefiguration", "difficulte_financiere");
    public static final String ENTITY = "accompagnement";
    /** The longest title, note of a step and next step: the forms check them, this service again for other callers. */
    static final int TITLE_MAX = 200;
    static final int NOTE_MAX = 4000;
    static final int NEXT_STEP_MAX = 500;

    /** One line of a list: no step's text. */
    public record Summary(long id, long structureId, String structureName, Long territoryId, String territory, String kind,
                          String title, long delegueId, String delegue, LocalDate openedOn, LocalDate closedOn,
                          boolean confidential, int steps, LocalDate lastStep) {
    }

    public record Step(long id, LocalDate date, String done, String nextStep, String authorName) {
    }

    public record Share(long userId, String displayName) {
    }

    /** The whole accompaniment, with what the reader may do with it. */
    public record Accompaniment(long id, long structureId, String structureName, Long territoryId, String territory,
                                String kind, String title, long delegueId, String delegue, LocalDate openedOn,
                                LocalDate closedOn, boolean confidential, List<Step> steps, List<Share> shares,
                                boolean canWrite, boolean canShare) {
    }

    /**
     * What a list shows: territories null for all (else the ATs, 0 for the structures without one), kind, state
     * ({@code ouverts}, {@code clos} or null), the year it ran in (opened before its end, not closed before its start),
     * one structure.
     */
    public record Filter(Set<Long> territories, String kind, String state, Integer year, Long structureId) {
        public static final Filter ALL = new Filter(null, null, null, null, null);
    }

    /** A new accompaniment, or its new values. */
    public record Values(String kind, String title, long delegueId, LocalDate openedOn, LocalDate closedOn,
                         boolean confidential) {
    }

    /** Figures of a year: one row per AT (and one for structures without AT), then the network's. */
    public record Figures(int year, List<FigureRow> rows, FigureRow network) {
    }

    /**
     * Accompaniments by kind, their total, and the DISTINCT structures accompanied: a structure followed twice counts
     * once, so the network's count of structures is not the sum of the ATs' (a structure belongs to one AT, but the
     * kinds overlap).
     */
    public record FigureRow(Long territoryId, String territory, Map<String, Long> byKind, long total, long structures) {
    }

    /** An accompaniment taken over from earlier records (the demonstration's), with its steps and shares. */
    public record TakenOver(long structureId, Values values, List<TakenStep> steps, List<Long> sharedWith) {
    }

    public record TakenStep(LocalDate date, String done, String nextStep, Long authorId) {
    }

    /** Who reads an accompaniment {@code a}, in SQL: everyone if it is not confidential. */
    private static final String READABLE = """
            (not a.confidential or :direction or a.delegue_id = :user
             or exists (select 1 from accompaniment_shares sh
                        where sh.federation_id = a.federation_id and sh.accompaniment_id = a.id and sh.user_id = :user))""";

    private static final String SUMMARY = """
            select a.id, a.structure_id, s.name as structure_name, s.territory_id, t.name as territory, a.kind, a.title,
                   a.delegue_id, u.display_name as delegue, a.opened_on, a.closed_on, a.confidential,
                   (select count(*) from accompaniment_steps st where st.federation_id = a.federation_id and st.accompaniment_id = a.id)
                       as steps,
                   (select max(st.date) from accompaniment_steps st
                    where st.federation_id = a.federation_id and st.accompaniment_id = a.id) as last_step
            from accompaniments a
            join structures s on s.federation_id = a.federation_id and s.id = a.structure_id
            left join territories t on t.federation_id = s.federation_id and t.id = s.territory_id
            join centre_users u on u.id = a.delegue_id
            where a.federation_id = :federation and""" + " " + READABLE;

    private final JdbcClient jdbc;
    private final StructureService structures;
    private final NetworkAudit audit;

    public AccompanimentService(JdbcClient jdbc, StructureService structures, NetworkAudit audit) {
        this.jdbc = jdbc;
        this.structures = structures;
        this.audit = audit;
    }

    /** The accompaniments the user may read, with the filter; the others are not counted either. */
    public List<Summary> list(FederationScope fed, Filter filter) {
        return jdbc.sql(SUMMARY + """

                  and (cast(:territories as bigint[]) is null or coalesce(s.territory_id, 0) = any(:territories))
                  and (cast(:kind as text) is null or a.kind = :kind)
                  and (cast(:state as text) is null or (:state = 'ouverts') = (a.closed_on is null))
                  and (cast(:year as integer) is null or (a.opened_on < make_date(:year + 1, 1, 1)
                       and (a.closed_on is null or a.closed_on >= make_date(:year, 1, 1))))
                  and (cast(:structure as bigint) is null or a.structure_id = :structure)
                order by a.closed_on is not null, a.opened_on desc, a.id desc""")
                .param("federation", fed.id()).param("user", fed.userId()).param("direction", fed.isDirection())
                .param("territories", filter.territories() == null ? null : filter.territories().toArray(Long[]::new))
                .param("kind", filter.kind()).param("state", filter.state()).param("year", filter.year())
                .param("structure", filter.structureId())
                .query(Summary.class).list();
    }

    /**
     * The whole accompaniment for a user who may read it; for anyone else it does not exist (404), and a refused
     * attempt at a confidential one is journalled as one. Each read of a confidential one is journalled.
     */
    @Transactional(noRollbackFor = NotFound.class)
    public Accompaniment read(FederationScope fed, long id) {
        Summary summary = visible(fed, id);
        if (summary.confidential()) {
            audit.record(fed.id(), fed.userId(), "lecture", ENTITY, id, null);
        }
        return new Accompaniment(summary.id(), summary.structureId(), summary.structureName(), summary.territoryId(),
                summary.territory(), summary.kind(), summary.title(), summary.delegueId(), summary.delegue(),
                summary.openedOn(), summary.closedOn(), summary.confidential(), steps(fed.id(), id),
                summary.confidential() ? shares(fed.id(), id) : List.of(), canWrite(fed, summary), canShare(fed, summary));
    }

    @Transactional
    public long open(FederationScope fed, long structureId, Values values) {
        Structure structure = structures.get(fed.id(), structureId, fed.today());
        fed.requireEdit(structure.territoryId());
        check(fed.id(), values, null);
        long id = jdbc.sql("""
                insert into accompaniments (federation_id, structure_id, kind, title, delegue_id, opened_on, closed_on, confidential)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(fed.id(), structureId, values.kind(), values.title().trim(), values.delegueId(), values.openedOn(),
                        values.closedOn(), values.confidential())
                .query(Long.class).single();
        if (values.confidential()) {
            audit.record(fed.id(), fed.userId(), "ouverture", ENTITY, id, values.title().trim());
        }
        return id;
    }

    /** New values (a closing date, another délégué, cellule de veille or not), by those who may write it. */
    @Transactional(noRollbackFor = NotFound.class)
    public void update(FederationScope fed, long id, Values values) {
        Summary before = writable(fed, id);
        check(fed.id(), values, firstStep(fed.id(), id));
        jdbc.sql("""
                update accompaniments set kind = ?, title = ?, delegue_id = ?, opened_on = ?, closed_on = ?, confidential = ?
                where federation_id = ? and id = ?""")
                .params(values.kind(), values.title().trim(), values.delegueId(), values.openedOn(), values.closedOn(),
                        values.confidential(), fed.id(), id).update();
        if (before.confidential() || values.confidential()) {
            String detail = before.confidential() == values.confidential() ? null
                    : values.confidential() ? "placé en cellule de veille" : "sorti de la cellule de veille";
            audit.record(fed.id(), fed.userId(), "modification", ENTITY, id, detail);
        }
    }

    @Transactional(noRollbackFor = NotFound.class)
    public void addStep(FederationScope fed, long id, LocalDate date, String done, String nextStep) {
        Summary accompaniment = writable(fed, id);
        if (date == null) {
            throw new Refused("date", "Indiquez la date de l'étape (JJ/MM/AAAA).");
        }
        if (date.isBefore(accompaniment.openedOn())) {
            throw new Refused("date", "L'étape ne peut pas précéder l'ouverture de l'accompagnement (le "
                    + accompaniment.openedOn().format(Parse.FRENCH_DATE) + ").");
        }
        String text = text("note", "ce qui a été fait", done, NOTE_MAX, true);
        String next = text("nextStep", "la prochaine étape", nextStep, NEXT_STEP_MAX, false);
        jdbc.sql("""
                insert into accompaniment_steps (federation_id, accompaniment_id, date, done, next_step, author_id)
                values (?, ?, ?, ?, ?, ?)""")
                .params(fed.id(), id, date, text, next, fed.userId() == 0 ? null : fed.userId()).update();
        if (accompaniment.confidential()) {
            audit.record(fed.id(), fed.userId(), "etape", ENTITY, id, null);
        }
    }

    /**
     * Shares a confidential accompaniment with another user of the federation: its délégué or the direction do.
     * Returns the name of the user it is now shared with.
     */
    @Transactional(noRollbackFor = NotFound.class)
    public String share(FederationScope fed, long id, long userId) {
        Summary accompaniment = shareable(fed, id);
        String name = jdbc.sql("""
                select u.display_name from network_roles r join centre_users u on u.id = r.user_id
                where r.federation_id = ? and r.user_id = ? and u.enabled""")
                .params(fed.id(), userId).query(String.class).optional()
                .orElseThrow(() -> new Refused("user", "Cette personne n'est pas un compte actif de la fédération."));
        if (userId == accompaniment.delegueId()) {
            throw new Refused("user", name + " suit déjà cet accompagnement.");
        }
        int added = jdbc.sql("""
                insert into accompaniment_shares (federation_id, accompaniment_id, user_id) values (?, ?, ?)
                on conflict do nothing""").params(fed.id(), id, userId).update();
        if (added > 0) {
            audit.record(fed.id(), fed.userId(), "partage", ENTITY, id, "avec " + name + " (utilisateur " + userId + ")");
        }
        return name;
    }

    @Transactional(noRollbackFor = NotFound.class)
    public void unshare(FederationScope fed, long id, long userId) {
        shareable(fed, id);
        List<String> removed = jdbc.sql("""
                delete from accompaniment_shares s using centre_users u
                where s.federation_id = ? and s.accompaniment_id = ? and s.user_id = ? and u.id = s.user_id
                returning u.display_name""").params(fed.id(), id, userId).query(String.class).list();
        if (!removed.isEmpty()) {
            audit.record(fed.id(), fed.userId(), "retrait_partage", ENTITY, id, "avec " + removed.get(0) + " (utilisateur " + userId + ")");
        }
    }

    /** The users an accompaniment may be shared with: the federation's active accounts, but its délégué and current shares. */
    public List<Share> shareCandidates(FederationScope fed, long id) {
        return jdbc.sql("""
                select u.id as user_id, u.display_name from network_roles r join centre_users u on u.id = r.user_id
                where r.federation_id = :federation and u.enabled
                  and u.id <> (select delegue_id from accompaniments where federation_id = :federation and id = :id)
                  and not exists (select 1 from accompaniment_shares s
                                  where s.federation_id = r.federation_id and s.accompaniment_id = :id and s.user_id = u.id)
                order by lower(u.display_name)""")
                .param("federation", fed.id()).param("id", id).query(Share.class).list();
    }

    /** Who may follow an accompaniment: the federation's active délégués and direction. */
    public List<Share> delegues(long federationId) {
        return jdbc.sql("""
                select u.id as user_id, u.display_name from network_roles r join centre_users u on u.id = r.user_id
                where r.federation_id = ? and u.enabled and r.role in ('delegue', 'federation-admin')
                order by lower(u.display_name)""").param(federationId).query(Share.class).list();
    }

    /**
     * The accompaniments of a year per AT (that of the structure) and kind, with the distinct structures accompanied;
     * confidential ones count only for those who may read them.
     */
    public Figures figures(FederationScope fed, int year, List<Territory> ats) {
        List<Cell> cells = jdbc.sql("""
                select s.territory_id, grouping(s.territory_id) = 1 as all_territories, a.kind, grouping(a.kind) = 1 as all_kinds,
                       count(*) as n, count(distinct a.structure_id) as structures
                from accompaniments a
                join structures s on s.federation_id = a.federation_id and s.id = a.structure_id
                where a.federation_id = :federation and""" + " " + READABLE + """

                  and a.opened_on < make_date(:year + 1, 1, 1) and (a.closed_on is null or a.closed_on >= make_date(:year, 1, 1))
                group by grouping sets ((s.territory_id, a.kind), (s.territory_id), (a.kind), ())""")
                .param("federation", fed.id()).param("user", fed.userId()).param("direction", fed.isDirection())
                .param("year", year).query(Cell.class).list();
        Map<Long, String> names = new LinkedHashMap<>();
        ats.forEach(t -> names.put(t.id(), t.name()));
        Set<Long> rowsWanted = new LinkedHashSet<>(names.keySet());
        cells.stream().filter(c -> !c.allTerritories()).forEach(c -> rowsWanted.add(c.territoryId()));
        List<FigureRow> rows = new ArrayList<>();
        for (Long territory : rowsWanted) {
            rows.add(row(cells, false, territory, territory == null ? "Sans AT" : names.getOrDefault(territory, "Réseau")));
        }
        return new Figures(year, rows, row(cells, true, null, "Réseau (toutes les AT)"));
    }

    /** One figure of the grouping sets: an AT's (or all ATs') count for a kind (or all kinds). */
    private record Cell(Long territoryId, boolean allTerritories, String kind, boolean allKinds, long n, long structures) {
    }

    private static FigureRow row(List<Cell> cells, boolean network, Long territory, String name) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        KINDS.forEach(k -> byKind.put(k, 0L));
        long total = 0;
        long distinct = 0;
        for (Cell c : cells) {
            if (c.allTerritories() != network || (!network && !Objects.equals(c.territoryId(), territory))) {
                continue;
            }
            if (c.allKinds()) {
                total = c.n();
                distinct = c.structures();
            } else {
                byKind.put(c.kind(), c.n());
            }
        }
        return new FigureRow(territory, name, byKind, total, distinct);
    }

    /**
     * Records accompaniments kept before Trame (the demonstration's), with their steps and shares, in a few statements.
     * No journal line: nobody read them in Trame. Returns their ids.
     */
    @Transactional
    public List<Long> takeOver(long federationId, List<TakenOver> all) {
        List<Long> ids = new ArrayList<>();
        for (TakenOver t : all) {
            check(federationId, t.values(), null);
            Values v = t.values();
            long id = jdbc.sql("""
                    insert into accompaniments (federation_id, structure_id, kind, title, delegue_id, opened_on, closed_on, confidential)
                    values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(federationId, t.structureId(), v.kind(), v.title().trim(), v.delegueId(), v.openedOn(), v.closedOn(),
                            v.confidential()).query(Long.class).single();
            ids.add(id);
        }
        List<Object[]> steps = new ArrayList<>();
        List<Object[]> shares = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (TakenStep s : all.get(i).steps()) {
                steps.add(new Object[]{ids.get(i), s.date(), s.done(), s.nextStep(), s.authorId()});
            }
            for (Long user : all.get(i).sharedWith()) {
                shares.add(new Object[]{ids.get(i), user});
            }
        }
        jdbc.sql("""
                insert into accompaniment_steps (federation_id, accompaniment_id, date, done, next_step, author_id)
                select :federation, * from unnest(:ids::bigint[], :dates::date[], :done::text[], :next::text[], :authors::bigint[])""")
                .param("federation", federationId)
                .param("ids", steps.stream().map(r -> r[0]).toArray(Long[]::new))
                .param("dates", steps.stream().map(r -> Date.valueOf((LocalDate) r[1])).toArray(Date[]::new))
                .param("done", steps.stream().map(r -> r[2]).toArray(String[]::new))
                .param("next", steps.stream().map(r -> r[3]).toArray(String[]::new))
                .param("authors", steps.stream().map(r -> r[4]).toArray(Long[]::new))
                .update();
        jdbc.sql("""
                insert into accompaniment_shares (federation_id, accompaniment_id, user_id)
                select :federation, * from unnest(:ids::bigint[], :users::bigint[]) on conflict do nothing""")
                .param("federation", federationId)
                .param("ids", shares.stream().map(r -> r[0]).toArray(Long[]::new))
                .param("users", shares.stream().map(r -> r[1]).toArray(Long[]::new))
                .update();
        return ids;
    }

    private Optional<Summary> find(FederationScope fed, long id) {
        return jdbc.sql(SUMMARY + " and a.id = :id")
                .param("federation", fed.id()).param("user", fed.userId()).param("direction", fed.isDirection()).param("id", id)
                .query(Summary.class).optional();
    }

    private List<Step> steps(long federationId, long id) {
        return jdbc.sql("""
                select s.id, s.date, s.done, s.next_step, u.display_name as author_name
                from accompaniment_steps s left join centre_users u on u.id = s.author_id
                where s.federation_id = ? and s.accompaniment_id = ? order by s.date, s.id""")
                .params(federationId, id).query(Step.class).list();
    }

    private List<Share> shares(long federationId, long id) {
        return jdbc.sql("""
                select s.user_id, u.display_name from accompaniment_shares s join centre_users u on u.id = s.user_id
                where s.federation_id = ? and s.accompaniment_id = ? order by lower(u.display_name)""")
                .params(federationId, id).query(Share.class).list();
    }

    private static boolean canWrite(FederationScope fed, Summary a) {
        return fed.role() != FederationRole.READER
                && (fed.isDirection() || a.delegueId() == fed.userId() || fed.canEdit(a.territoryId()));
    }

    private static boolean canShare(FederationScope fed, Summary a) {
        return a.confidential() && (fed.isDirection() || a.delegueId() == fed.userId());
    }

    /**
     * The accompaniment if the user may read it; otherwise it does not exist (404), and a refused attempt at a
     * confidential one is journalled. Callers are transactional with noRollbackFor NotFound, so the line survives.
     */
    private Summary visible(FederationScope fed, long id) {
        Optional<Summary> summary = find(fed, id);
        if (summary.isPresent()) {
            return summary.get();
        }
        boolean confidential = jdbc.sql("select confidential from accompaniments where federation_id = ? and id = ?")
                .params(fed.id(), id).query(Boolean.class).optional().orElse(false);
        if (confidential) {
            audit.record(fed.id(), fed.userId(), "acces_refuse", ENTITY, id, null);
        }
        throw notFound();
    }

    private Summary writable(FederationScope fed, long id) {
        Summary a = visible(fed, id);
        if (!canWrite(fed, a)) {
            throw new Forbidden(fed.role() == FederationRole.READER ? "Votre rôle ne permet que la lecture."
                    : "Seuls la direction, la ou le délégué·e de l'accompagnement et celle ou celui de son AT l'écrivent.");
        }
        return a;
    }

    private Summary shareable(FederationScope fed, long id) {
        Summary a = visible(fed, id);
        if (!a.confidential()) {
            throw new Refused("user", "Cet accompagnement n'est pas confidentiel : tous les comptes de la fédération le lisent déjà.");
        }
        if (!canShare(fed, a)) {
            throw new Forbidden("Seuls sa ou son délégué·e et la direction partagent un accompagnement confidentiel.");
        }
        return a;
    }

    /** The day of the first step, which the opening may not follow. */
    private LocalDate firstStep(long federationId, long id) {
        return jdbc.sql("select min(date) from accompaniment_steps where federation_id = ? and accompaniment_id = ?")
                .params(federationId, id).query(LocalDate.class).optional().orElse(null);
    }

    private void check(long federationId, Values v, LocalDate firstStep) {
        if (v.kind() == null || !KINDS.contains(v.kind())) {
            throw new Refused("kind", "Choisissez le type d'accompagnement dans la liste.");
        }
        text("title", "l'intitulé", v.title(), TITLE_MAX, true);
        if (v.openedOn() == null) {
            throw new Refused("openedOn", "Indiquez la date d'ouverture (JJ/MM/AAAA).");
        }
        if (v.closedOn() != null && v.closedOn().isBefore(v.openedOn())) {
            throw new Refused("closedOn", "La clôture ne peut pas précéder l'ouverture.");
        }
        if (firstStep != null && firstStep.isBefore(v.openedOn())) {
            throw new Refused("openedOn", "Une étape est datée d'avant cette ouverture.");
        }
        boolean follower = jdbc.sql("""
                select exists (select 1 from network_roles r join centre_users u on u.id = r.user_id
                               where r.federation_id = ? and r.user_id = ? and u.enabled and r.role in ('delegue', 'federation-admin'))""")
                .params(federationId, v.delegueId()).query(Boolean.class).single();
        if (!follower) {
            throw new Refused("delegueId", "Choisissez la ou le délégué·e parmi les délégué·es et la direction de la fédération.");
        }
    }

    private static String text(String field, String name, String value, int max, boolean required) {
        String clean = value == null ? null : value.replace("\u0000", "").strip();
        if (clean == null || clean.isEmpty()) {
            if (required) {
                throw new Refused(field, "Indiquez " + name + ".");
            }
            return null;
        }
        if (clean.length() > max) {
            throw new Refused(field, "Le texte de « " + name + " » dépasse " + max + " caractères.");
        }
        return clean;
    }

    private static NotFound notFound() {
        return new NotFound("Cet accompagnement n'existe pas dans cette fédération.");
    }
}
