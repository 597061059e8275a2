package fr.trame.federation;

import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The registry of the federation's member structures: the list with its filters, and one structure's record. */
@Service
public class StructureService {

    public static final Set<String> KINDS = Set.of("cs", "evs");
    public static final Set<String> STATUSES = Set.of("associatif", "municipal");
    public static final Set<String> MEMBERSHIPS = Set.of("prefiguration", "adherent", "reaffiliation", "attendue", "sortie");
    /** The list's membership filter for every member, whichever its state ({@link #MEMBER_STATES}). */
    public static final String MEMBERS = "membres";
    /** The membership states of a structure counted as a member (of the federation, of its AT) on a day. */
    public static final Set<String> MEMBER_STATES = Set.of("adherent", "reaffiliation");

    /**
     * SQL: the membership state of the structure aliased {@code structure} on {@code day} (an SQL expression): the row
     * whose {@code since} is the latest not after that day, an undated one counting from the start. A correlated
     * subquery with limit 1, which the registry list's plan relies on.
     */
    public static String stateOn(String structure, String day) {
        return """
                (select sm.state from structure_memberships sm
                 where sm.federation_id = %1$s.federation_id and sm.structure_id = %1$s.id and (sm.since is null or sm.since <= %2$s)
                 order by sm.since desc nulls last limit 1)""".formatted(structure, day);
    }

    /** SQL: the status (associatif, municipal) of the structure aliased {@code structure} on {@code day}, as {@link #stateOn}. */
    public static String statusOn(String structure, String day) {
        return """
                (select ss.status from structure_statuses ss
                 where ss.federation_id = %1$s.federation_id and ss.structure_id = %1$s.id and (ss.since is null or ss.since <= %2$s)
                 order by ss.since desc nulls last limit 1)""".formatted(structure, day);
    }

    /** SQL condition: the structure aliased {@code structure} is a member on {@code day}: its state is one of {@link #MEMBER_STATES}. */
    public static String memberOn(String structure, String day) {
        return stateOn(structure, day) + " in (" + MEMBER_STATES.stream().sorted().map(m -> "'" + m + "'")
                .collect(Collectors.joining(", ")) + ")";
    }

    /**
     * One row per structure with its state on :today: its status and membership ({@link #statusOn}, {@link #stateOn}),
     * and the last end of its CAF agréments.
     */
    static final String CURRENT = """
            select s.id, s.ref, s.name, s.kind, s.departement, s.territory_id, t.name as territory, s.commune, s.epci,
                   s.caf_antenna, s.managing_association,
                   %s as status,
                   %s as membership,
                   (select max(a.end_date) from structure_agrements a
                    where a.federation_id = s.federation_id and a.structure_id = s.id
                      and a.kind in ('centre_social', 'evs')) as agrement_end,
            c.code as centre_code, c.name as centre_name
            from structures s
            left join territories t on t.federation_id = s.federation_id and t.id = s.territory_id
            left join centre_centres c on c.id = s.centre_id
            where s.federation_id = :federation""".formatted(statusOn("s", ":today"), stateOn("s", ":today"));

    private final JdbcClient jdbc;

    public StructureService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Structure> list(long federationId, StructureFilter filter, LocalDate today) {
        return jdbc.sql("select * from (" + CURRENT + ") r " + """
                where (cast(:departement as text) is null or r.departement = :departement)
                  and (cast(:territory as bigint) is null or r.territory_id = :territory)
                  and (cast(:kind as text) is null or r.kind = :kind)
                  and (cast(:status as text) is null or r.status = :status)
                  and (cast(:membership as text) is null or r.membership = :membership
                       or (:membership = :members and r.membership = any(cast(:memberStates as text[]))))
                  and (cast(:due as integer) is null or r.agrement_end < cast(:today as date) + make_interval(months => :due))
                  and (cast(:q as text) is null or trame_fold(r.name || ' ' || coalesce(r.commune, '') || ' ' || r.ref)
                       like '%' || trame_fold(:q) || '%')
                  and (cast(:association as text) is null
                       or trame_fold(coalesce(r.managing_association, '')) like '%' || trame_fold(:association) || '%')
                order by r.departement, lower(r.territory), lower(r.name)""")
                .param("federation", federationId).param("today", today)
                .param("departement", filter.departement()).param("territory", filter.territoryId())
                .param("kind", filter.kind()).param("status", filter.status()).param("membership", filter.membership())
                .param("members", MEMBERS).param("memberStates", MEMBER_STATES.toArray(String[]::new))
                .param("due", filter.dueMonths()).param("q", filter.q())
                .param("association", filter.association())
                .query(ROW).list();
    }

    /**
     * A registry row read by hand: the record mapper's conversions of every value cost more than the query itself on
     * the 2,000-structure list ({@code bench federation}).
     */
    private static final RowMapper<Structure> ROW = (rs, n) -> new Structure(rs.getLong("id"), rs.getString("ref"),
            rs.getString("name"), rs.getString("kind"), rs.getString("departement"), rs.getObject("territory_id", Long.class),
            rs.getString("territory"), rs.getString("commune"), rs.getString("epci"), rs.getString("caf_antenna"),
            rs.getString("managing_association"), rs.getString("status"), rs.getString("membership"),
            rs.getObject("agrement_end", LocalDate.class), rs.getString("centre_code"), rs.getString("centre_name"));

    public Structure get(long federationId, long structureId, LocalDate today) {
        return jdbc.sql("select * from (" + CURRENT + ") r where r.id = :id")
                .param("federation", federationId).param("today", today).param("id", structureId)
                .query(ROW).optional()
                .orElseThrow(() -> new NotFound("Cette structure n'existe pas dans cette fédération."));
    }

    /** A structure run by an association, as the other structures of that association are listed. */
    public record Sibling(long id, String name, String commune, String kind) {
    }

    /**
     * The other structures of the registry run by the same managing association (its name compared without case,
     * accents or surrounding spaces): one association can run several centres.
     */
    public List<Sibling> sameAssociation(long federationId, long structureId) {
        return jdbc.sql("""
                select o.id, o.name, o.commune, o.kind
                from structures s
                join structures o on o.federation_id = s.federation_id and o.id <> s.id
                 and trame_fold(trim(o.managing_association)) = trame_fold(trim(s.managing_association))
                where s.federation_id = ? and s.id = ? and trim(s.managing_association) <> ''
                order by lower(o.name)""")
                .params(federationId, structureId).query(Sibling.class).list();
    }

    /** The Trame centre the structure is, when it runs Trame: the federation reads only its aggregates. */
    public Optional<Long> centreId(long federationId, long structureId) {
        return jdbc.sql("select centre_id from structures where federation_id = ? and id = ? and centre_id is not null")
                .params(federationId, structureId).query(Long.class).optional();
    }

    /** The départements of the registry, for the list's filter. */
    public List<String> departements(long federationId) {
        return jdbc.sql("select distinct departement from structures where federation_id = ? order by 1")
                .param(federationId).query(String.class).list();
    }

    public record Dated(LocalDate since, String value) {
    }

    public record Contact(long id, String function, String name, String email, String phone, LocalDate since,
                          LocalDate until) {
    }

    /** A direction or présidence contact to record, for a period ({@code until} null: still in office). */
    public record NewContact(long structureId, String function, String name, String email, String phone, LocalDate since,
                             LocalDate until) {
    }

    public static final Set<String> CONTACT_FUNCTIONS = Set.of("direction", "presidence");

    /**
     * Records contacts of the federation's structures at once (a director who leaves keeps their row, ended): all or
     * nothing, a structure of another federation is refused.
     */
    @Transactional
    public int addContacts(long federationId, List<NewContact> contacts) {
        for (NewContact c : contacts) {
            if (!CONTACT_FUNCTIONS.contains(c.function())) {
                throw new Refused("function", "Fonction inconnue : « " + c.function() + " » (attendu : direction, presidence).");
            }
            if (c.name() == null || c.name().isBlank() || c.name().trim().length() > 200) {
                throw new Refused("name", "Le nom du contact est obligatoire (200 caractères au plus).");
            }
            if (c.since() != null && c.until() != null && c.until().isBefore(c.since())) {
                throw new Refused("until", "La fin (" + c.until() + ") précède le début (" + c.since() + ").");
            }
        }
        Long[] ids = contacts.stream().map(NewContact::structureId).distinct().toArray(Long[]::new);
        long known = jdbc.sql("select count(*) from structures where federation_id = ? and id = any(?)")
                .params(federationId, ids).query(Long.class).single();
        if (known != ids.length) {
            throw new NotFound("Une de ces structures n'existe pas dans cette fédération.");
        }
        int written = 0;
        for (NewContact c : contacts) {
            written += jdbc.sql("""
                    insert into structure_contacts (federation_id, structure_id, function, name, email, phone, since, until)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(federationId, c.structureId(), c.function(), c.name().trim(), c.email(), c.phone(), c.since(),
                            c.until()).update();
        }
        return written;
    }

    public record Agrement(long id, String kind, String label, LocalDate start, LocalDate end) {
    }

    public List<Dated> statuses(long federationId, long structureId) {
        return jdbc.sql("""
                select since, status as value from structure_statuses where federation_id = ? and structure_id = ?
                order by since nulls first""").params(federationId, structureId).query(Dated.class).list();
    }

    public List<Dated> memberships(long federationId, long structureId) {
        return jdbc.sql("""
                select since, state as value from structure_memberships where federation_id = ? and structure_id = ?
                order by since nulls first""").params(federationId, structureId).query(Dated.class).list();
    }

    public List<Contact> contacts(long federationId, long structureId) {
        return jdbc.sql("""
                select id, function, name, email, phone, since, until from structure_contacts
                where federation_id = ? and structure_id = ? order by function, since desc nulls last""")
                .params(federationId, structureId).query(Contact.class).list();
    }

    public List<Agrement> agrements(long federationId, long structureId) {
        return jdbc.sql("""
                select id, kind, label, start_date as start, end_date as "end" from structure_agrements
                where federation_id = ? and structure_id = ? order by start_date desc""")
                .params(federationId, structureId).query(Agrement.class).list();
    }

    /** The ids of the other grids (networks) the structure belongs to, for its form. */
    public List<Long> gridIds(long federationId, long structureId) {
        return jdbc.sql("select territory_id from structure_grids where federation_id = ? and structure_id = ?")
                .params(federationId, structureId).query(Long.class).list();
    }

    /** The other grids (networks) the structure belongs to. */
    public List<String> grids(long federationId, long structureId) {
        return jdbc.sql("""
                select t.name from structure_grids g join territories t on t.federation_id = g.federation_id and t.id = g.territory_id
                where g.federation_id = ? and g.structure_id = ? order by lower(t.name)""")
                .params(federationId, structureId).query(String.class).list();
    }
}
