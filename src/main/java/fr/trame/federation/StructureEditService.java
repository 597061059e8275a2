package fr.trame.federation;

import fr.trame.form.NotFound;
import fr.trame.form.Parse;
import fr.trame.form.Refused;
import fr.trame.form.Vocabulary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The registry's changes made in the pages: a structure's identity, its dated status and membership steps, its dated
 * contacts, and the Trame centre it is. Who may make them is the caller's check ({@link FederationScope#requireEdit}).
 */
@Service
public class StructureEditService {

    public static final Set<String> FUNCTIONS = Set.of("direction", "presidence");

    /** What the structure's record says of it, beside its dated histories. */
    public record Identity(String name, String kind, String departement, String commune, String epci, String cafAntenna,
                           String managingAssociation, Long territoryId, Collection<Long> grids) {
    }

    private final JdbcClient jdbc;
    private final TerritoryService territories;

    public StructureEditService(JdbcClient jdbc, TerritoryService territories) {
        this.jdbc = jdbc;
        this.territories = territories;
    }

    /** The record's fields and its other grids (networks), replaced by those given. */
    @Transactional
    public void update(long federationId, long structureId, Identity identity) {
        if (identity.territoryId() != null && !territories.isOfKind(federationId, identity.territoryId(), "at")) {
            throw new Refused("territoryId", "Cette assemblée territoriale n'existe pas dans la fédération.");
        }
        for (Long grid : identity.grids()) {
            if (!territories.isOfKind(federationId, grid, "reseau")) {
                throw new Refused("grids", "Ce réseau n'existe pas dans la fédération.");
            }
        }
        int updated = jdbc.sql("""
                update structures set name = :name, kind = :kind, departement = :departement, commune = :commune,
                       epci = :epci, caf_antenna = :caf, managing_association = :association, territory_id = :territory,
                       updated_at = now()
                where federation_id = :federation and id = :id""")
                .param("name", identity.name()).param("kind", identity.kind()).param("departement", identity.departement())
                .param("commune", identity.commune()).param("epci", identity.epci()).param("caf", identity.cafAntenna())
                .param("association", identity.managingAssociation()).param("territory", identity.territoryId())
                .param("federation", federationId).param("id", structureId).update();
        if (updated == 0) {
            throw new NotFound("Cette structure n'existe pas dans cette fédération.");
        }
        Long[] grids = identity.grids().stream().distinct().toArray(Long[]::new);
        jdbc.sql("""
                delete from structure_grids where federation_id = :federation and structure_id = :id
                  and territory_id <> all (:grids)""")
                .param("federation", federationId).param("id", structureId).param("grids", grids).update();
        jdbc.sql("""
                insert into structure_grids (federation_id, structure_id, territory_id)
                select :federation, :id, g from unnest(:grids) as g
                on conflict do nothing""")
                .param("federation", federationId).param("id", structureId).param("grids", grids).update();
    }

    /**
     * A change of status from a day on (a "passage associatif": municipal, then associatif). The status in force that
     * day must differ; a change already recorded on that very day is corrected.
     */
    @Transactional
    public void recordStatus(long federationId, long structureId, String status, LocalDate since) {
        String before = statusOn(federationId, structureId, since.minusDays(1));
        if (status.equals(before)) {
            throw new Refused("status", "La structure est déjà « " + Vocabulary.label("structure-status", status)
                    + " » la veille du " + date(since) + " : rien ne change.");
        }
        jdbc.sql("""
                insert into structure_statuses (federation_id, structure_id, status, since) values (?, ?, ?, ?)
                on conflict (federation_id, structure_id, coalesce(since, '-infinity'::date)) do update set status = excluded.status""")
                .params(federationId, structureId, status, since).update();
    }

    /** A step of the membership's lifecycle (préfiguration, adhésion, réaffiliation, attendue, sortie) from a day on. */
    @Transactional
    public void recordMembership(long federationId, long structureId, String state, LocalDate since) {
        String before = membershipOn(federationId, structureId, since.minusDays(1));
        if (state.equals(before)) {
            throw new Refused("state", "L'adhésion est déjà « " + Vocabulary.label("structure-membership", state)
                    + " » la veille du " + date(since) + " : rien ne change.");
        }
        jdbc.sql("""
                insert into structure_memberships (federation_id, structure_id, state, since) values (?, ?, ?, ?)
                on conflict (federation_id, structure_id, coalesce(since, '-infinity'::date)) do update set state = excluded.state""")
                .params(federationId, structureId, state, since).update();
    }

    /** The status in force on a day ({@link StructureService#statusOn}). */
    private String statusOn(long federationId, long structureId, LocalDate day) {
        return valueOn(StructureService.statusOn("s", ":day"), federationId, structureId, day);
    }

    /** The membership state in force on a day ({@link StructureService#stateOn}). */
    private String membershipOn(long federationId, long structureId, LocalDate day) {
        return valueOn(StructureService.stateOn("s", ":day"), federationId, structureId, day);
    }

    private String valueOn(String expression, long federationId, long structureId, LocalDate day) {
        return jdbc.sql("select " + expression + " from structures s where s.federation_id = :federation and s.id = :id")
                .param("federation", federationId).param("id", structureId).param("day", day)
                .query(String.class).optional().orElse(null);
    }

    private static String date(LocalDate day) {
        return day.format(Parse.FRENCH_DATE);
    }

    /**
     * A new director (or president) from a day on: the one in office ends the day before, and stays in the history.
     * The new one cannot start before the current one did.
     */
    @Transactional
    public long addContact(long federationId, long structureId, String function, String name, String email, String phone,
                           LocalDate since) {
        Optional<StructureService.Contact> current = current(federationId, structureId, function);
        if (current.isPresent() && current.get().since() != null && !since.isAfter(current.get().since())) {
            throw new Refused("since", current.get().name() + " est en fonction depuis le "
                    + date(current.get().since()) + " : le début du nouveau contact doit être postérieur.");
        }
        current.ifPresent(c -> jdbc.sql("update structure_contacts set until = ? where federation_id = ? and id = ?")
                .params(since.minusDays(1), federationId, c.id()).update());
        return jdbc.sql("""
                insert into structure_contacts (federation_id, structure_id, function, name, email, phone, since)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(federationId, structureId, function, name, email, phone, since).query(Long.class).single();
    }

    /** The contact of that function in office (no end). */
    public Optional<StructureService.Contact> current(long federationId, long structureId, String function) {
        return jdbc.sql("""
                select id, function, name, email, phone, since, until from structure_contacts
                where federation_id = ? and structure_id = ? and function = ? and until is null
                order by since desc nulls last limit 1""")
                .params(federationId, structureId, function).query(StructureService.Contact.class).optional();
    }

    /** A contact leaves office on a day, no one replacing them yet. */
    @Transactional
    public void endContact(long federationId, long structureId, long contactId, LocalDate until) {
        StructureService.Contact contact = jdbc.sql("""
                select id, function, name, email, phone, since, until from structure_contacts
                where federation_id = ? and structure_id = ? and id = ?""")
                .params(federationId, structureId, contactId).query(StructureService.Contact.class).optional()
                .orElseThrow(() -> new NotFound("Ce contact n'existe pas pour cette structure."));
        if (contact.until() != null) {
            throw new Refused("until", contact.name() + " a déjà quitté ses fonctions le " + date(contact.until()) + ".");
        }
        if (contact.since() != null && until.isBefore(contact.since())) {
            throw new Refused("until", "La fin (" + date(until) + ") précède le début des fonctions ("
                    + date(contact.since()) + ").");
        }
        jdbc.sql("update structure_contacts set until = ? where federation_id = ? and id = ?")
                .params(until, federationId, contactId).update();
    }

    /** A Trame centre that is not yet a structure of this federation, by its code, for the link form. */
    public record Unlinked(String code, String name) {
    }

    /** The centres no structure of any federation is yet (a centre belongs to one federation). */
    public List<Unlinked> unlinkedCentres() {
        return jdbc.sql("""
                select c.code, c.name from centre_centres c
                where not exists (select 1 from structures s where s.centre_id = c.id)
                order by lower(c.name) limit 500""").query(Unlinked.class).list();
    }

    /** The structure is this Trame centre: one centre is at most one structure of the federation. */
    @Transactional
    public void linkCentre(long federationId, long structureId, String centreCode) {
        Long centreId = jdbc.sql("select id from centre_centres where code = ?").param(centreCode)
                .query(Long.class).optional()
                .orElseThrow(() -> new Refused("centreCode", "Aucun centre de code « " + centreCode + " » dans Trame."));
        // another federation's structure reads as an empty name: its name is not this federation's business
        jdbc.sql("""
                select case when federation_id = ? then name else '' end from structures
                where centre_id = ? and not (federation_id = ? and id = ?) limit 1""")
                .params(federationId, centreId, federationId, structureId)
                .query(String.class).optional().ifPresent(other -> {
                    throw new Refused("centreCode", other.isEmpty()
                            ? "Le centre « " + centreCode + " » est déjà une structure d'une autre fédération."
                            : "Le centre « " + centreCode + " » est déjà relié à la structure « " + other
                            + " » : retirez d'abord ce lien.");
                });
        jdbc.sql("update structures set centre_id = ?, updated_at = now() where federation_id = ? and id = ?")
                .params(centreId, federationId, structureId).update();
    }

    /** The structure no longer runs Trame, or was linked to the wrong centre: a registry entry only again. */
    @Transactional
    public void unlinkCentre(long federationId, long structureId) {
        jdbc.sql("update structures set centre_id = null, updated_at = now() where federation_id = ? and id = ?")
                .params(federationId, structureId).update();
    }
}
