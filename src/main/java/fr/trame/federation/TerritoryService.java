package fr.trame.federation;

import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The federation's territorial grids (ATs and networks) and the délégués assigned to them, with their history. */
@Service
public class TerritoryService {

    public static final Set<String> KINDS = Set.of("at", "reseau");
    /** The longest name of a territory: the page's form checks it, {@link #create} again for the command line. */
    static final int NAME_MAX = 200;

    /** One assignment of a délégué to a territory, for a period ({@code until} null: still running). */
    public record Assignment(long id, long territoryId, String territory, long userId, String delegue,
                             LocalDate since, LocalDate until) {
    }

    private final JdbcClient jdbc;

    public TerritoryService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The grids with today's délégué and the count of structures (of the AT, or of the network). */
    public List<Territory> list(long federationId, LocalDate today) {
        return jdbc.sql("""
                select t.id, t.name, t.kind, d.display_name as delegue, d.user_id as delegue_id,
                       case when t.kind = 'at'
                            then (select count(*) from structures s where s.federation_id = t.federation_id and s.territory_id = t.id)
                            else (select count(*) from structure_grids g where g.federation_id = t.federation_id and g.territory_id = t.id)
                       end as structures
                from territories t
                left join lateral (
                    select a.user_id, u.display_name from delegate_assignments a join centre_users u on u.id = a.user_id
                    where a.federation_id = t.federation_id and a.territory_id = t.id
                      and a.since <= :today and (a.until is null or a.until >= :today)
                    order by a.since desc limit 1) d on true
                where t.federation_id = :federation
                order by t.kind, lower(t.name)""")
                .param("federation", federationId).param("today", today).query(Territory.class).list();
    }

    public Territory get(long federationId, long territoryId, LocalDate today) {
        return list(federationId, today).stream().filter(t -> t.id() == territoryId).findFirst()
                .orElseThrow(() -> new NotFound("Ce territoire n'existe pas dans cette fédération."));
    }

    /** Whether this id is a territory of the federation of that kind ('at' or 'reseau'). */
    public boolean isOfKind(long federationId, long territoryId, String kind) {
        return jdbc.sql("select exists (select 1 from territories where federation_id = ? and id = ? and kind = ?)")
                .params(federationId, territoryId, kind).query(Boolean.class).single();
    }

    @Transactional
    public long create(long federationId, String name, String kind) {
        if (name == null || name.isBlank() || name.trim().length() > NAME_MAX) {
            throw new Refused("name", "Le nom du territoire est obligatoire (200 caractères au plus).");
        }
        if (!KINDS.contains(kind)) {
            throw new Refused("kind", "Type de territoire inconnu : « " + kind + " » (attendu : at, reseau).");
        }
        return jdbc.sql("""
                insert into territories (federation_id, name, kind) values (?, ?, ?)
                on conflict (federation_id, lower(name)) do nothing
                returning id""").params(federationId, name.trim(), kind).query(Long.class).optional()
                .orElseThrow(() -> new Refused("name", "Un territoire « " + name.trim() + " » existe déjà."));
    }

    /** Creates the ATs named that do not exist yet (names compared without case), in the caller's transaction. */
    @Transactional
    public int createMissingAts(long federationId, Collection<String> names) {
        return jdbc.sql("""
                insert into territories (federation_id, name, kind)
                select distinct on (lower(n.name)) :federation, n.name, 'at' from unnest(:names::text[]) with ordinality as n(name, i)
                where n.name is not null order by lower(n.name), n.i
                on conflict (federation_id, lower(name)) do nothing""")
                .param("federation", federationId).param("names", names.toArray(String[]::new)).update();
    }

    /**
     * Assigns a délégué to the territory from {@code since}: the assignment running then ends the day before (history
     * kept: Marez, then Backe). The user must hold the délégué role in this federation.
     */
    @Transactional
    public void assign(long federationId, long territoryId, long userId, LocalDate since) {
        if (since == null) {
            throw new Refused("since", "La date de début est obligatoire.");
        }
        boolean territory = jdbc.sql("select exists (select 1 from territories where federation_id = ? and id = ?)")
                .params(federationId, territoryId).query(Boolean.class).single();
        if (!territory) {
            throw new NotFound("Ce territoire n'existe pas dans cette fédération.");
        }
        boolean delegue = jdbc.sql("""
                select exists (select 1 from network_roles where federation_id = ? and user_id = ? and role = 'delegue')""")
                .params(federationId, userId).query(Boolean.class).single();
        if (!delegue) {
            throw new Refused("user", "Cette personne n'est pas délégué·e de la fédération.");
        }
        boolean later = jdbc.sql("""
                select exists (select 1 from delegate_assignments where federation_id = ? and territory_id = ? and since >= ?)""")
                .params(federationId, territoryId, since).query(Boolean.class).single();
        if (later) {
            throw new Refused("since", "Une affectation commence déjà à cette date ou après : l'historique ne se réécrit pas.");
        }
        jdbc.sql("""
                update delegate_assignments set until = :since - 1
                where federation_id = :federation and territory_id = :territory and (until is null or until >= :since)""")
                .param("federation", federationId).param("territory", territoryId).param("since", since).update();
        jdbc.sql("insert into delegate_assignments (federation_id, territory_id, user_id, since) values (?, ?, ?, ?)")
                .params(federationId, territoryId, userId, since).update();
    }

    /**
     * Puts structures of the federation in a grid other than their AT (a thematic network); those already in it stay.
     * The grid and the structures must be this federation's.
     */
    @Transactional
    public int addToGrid(long federationId, long territoryId, Collection<Long> structureIds) {
        boolean grid = jdbc.sql("select exists (select 1 from territories where federation_id = ? and id = ? and kind = 'reseau')")
                .params(federationId, territoryId).query(Boolean.class).single();
        if (!grid) {
            throw new NotFound("Ce réseau n'existe pas dans cette fédération.");
        }
        Long[] ids = structureIds.stream().distinct().toArray(Long[]::new);
        long known = jdbc.sql("select count(*) from structures where federation_id = ? and id = any(?)")
                .params(federationId, ids).query(Long.class).single();
        if (known != ids.length) {
            throw new NotFound("Une de ces structures n'existe pas dans cette fédération.");
        }
        return jdbc.sql("""
                insert into structure_grids (federation_id, structure_id, territory_id)
                select :federation, s, :territory from unnest(:ids::bigint[]) as s
                on conflict do nothing""")
                .param("federation", federationId).param("territory", territoryId).param("ids", ids).update();
    }

    /** Every assignment of the federation, latest first per territory: the history of who followed what. */
    public List<Assignment> history(long federationId) {
        return jdbc.sql("""
                select a.id, a.territory_id, t.name as territory, a.user_id, u.display_name as delegue, a.since, a.until
                from delegate_assignments a
                join territories t on t.federation_id = a.federation_id and t.id = a.territory_id
                join centre_users u on u.id = a.user_id
                where a.federation_id = ? order by lower(t.name), a.since desc""")
                .param(federationId).query(Assignment.class).list();
    }

    /** The territories a délégué follows on that day. */
    public Set<Long> followedBy(long federationId, long userId, LocalDate day) {
        return new HashSet<>(jdbc.sql("""
                select territory_id from delegate_assignments
                where federation_id = ? and user_id = ? and since <= ? and (until is null or until >= ?)""")
                .params(federationId, userId, day, day).query(Long.class).list());
    }
}
