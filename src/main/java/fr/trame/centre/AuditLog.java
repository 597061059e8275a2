package fr.trame.centre;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;

/** Who read or changed what, and when. Written in its own transaction, so a failure later cannot erase the trace. */
@Service
public class AuditLog {

    public record Entry(OffsetDateTime at, String userName, String action, String entity, Long entityId, String detail) {
    }

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** User id 0 is the command line ({@link CentreScope#commandLine}): written as no user. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(long centreId, long userId, String action, String entity, Long entityId, String detail) {
        jdbc.sql("insert into audit_log (centre_id, user_id, action, entity, entity_id, detail) values (?, nullif(?, 0), ?, ?, ?, ?)")
                .params(centreId, userId, action, entity, entityId, detail).update();
    }

    /**
     * Removes what the entries of these records copied from them (a case's subject, outcome, document names), when those
     * are erased: who did what and when stays. Part of the caller's transaction.
     */
    @Transactional
    public void forgetDetails(long centreId, String entity, List<Long> entityIds) {
        jdbc.sql("update audit_log set detail = null where centre_id = ? and entity = ? and entity_id = any(?) and detail is not null")
                .params(centreId, entity, entityIds.toArray(Long[]::new)).update();
    }

    public List<Entry> latest(long centreId, int limit) {
        return jdbc.sql("""
                select a.at, coalesce(u.display_name, 'ligne de commande') as user_name, a.action, a.entity, a.entity_id, a.detail
                from audit_log a left join users u on u.id = a.user_id
                where a.centre_id = ? order by a.at desc, a.id desc limit ?""")
                .params(centreId, limit).query(Entry.class).list();
    }

    public List<Entry> ofEntity(long centreId, String entity, long entityId) {
        return jdbc.sql("""
                select a.at, coalesce(u.display_name, 'ligne de commande') as user_name, a.action, a.entity, a.entity_id, a.detail
                from audit_log a left join users u on u.id = a.user_id
                where a.centre_id = ? and a.entity = ? and a.entity_id = ? order by a.at desc, a.id desc""")
                .params(centreId, entity, entityId).query(Entry.class).list();
    }
}
