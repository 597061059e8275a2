package fr.trame.federation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.OffsetDateTime;
import java.util.List;

/** The federation's journal of what was done to its confidential records, read by the direction only. */
@Service
public class NetworkAudit {

    /** One line of the journal, with the user's name (null: the command line or the demonstration). */
    public record Entry(long id, OffsetDateTime at, Long userId, String userName, String action, String entity, long entityId,
                        String detail) {
    }

    private final JdbcClient jdbc;

    public NetworkAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes one line; user 0 (the command line) is written as no user. */
    public void record(long federationId, long userId, String action, String entity, long entityId, String detail) {
        jdbc.sql("insert into network_audit (federation_id, user_id, action, entity, entity_id, detail) values (?, ?, ?, ?, ?, ?)")
                .params(federationId, userId == 0 ? null : userId, action, entity, entityId,
                        detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail)
                .update();
    }

    /** The latest lines first, at most {@code limit}, optionally of one record; the direction only. */
    public List<Entry> journal(FederationScope fed, String entity, Long entityId, int limit) {
        fed.requireDirection();
        return jdbc.sql("""
                select a.id, a.at, a.user_id, u.display_name as user_name, a.action, a.entity, a.entity_id, a.detail
                from network_audit a left join centre_users u on u.id = a.user_id
                where a.federation_id = :federation
                  and (cast(:entity as text) is null or (a.entity = :entity and a.entity_id = :entityId))
                order by a.at desc, a.id desc limit :limit""")
                .param("federation", fed.id()).param("entity", entity).param("entityId", entityId == null ? 0 : entityId)
                .param("limit", limit).query(Entry.class).list();
    }
}
