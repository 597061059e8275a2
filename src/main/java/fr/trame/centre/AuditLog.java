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

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(long centreId, long userId, String action, String entity, Long entityId, String detail) {
        recordAs(centreId, userId, action, entity, entityId, detail);
    }

    /** An action with no user behind it (the command line) has a null user. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAs(long centreId, Long userId, String action, String entity, Long entityId, String detail) {
        jdbc.sql("insert into audit_log (centre_id, user_id, action, entity, entity_id, detail) values (?, ?, ?, ?, ?, ?)")
                .params(centreId, userId, action, entity, entityId, detail).update();
    }

    public List<Entry> latest(long centreId, int limit) {
        return jdbc.sql("""
                select a.at, u.display_name as user_name, a.action, a.entity, a.entity_id, a.detail
                from audit_log a left join users u on u.id = a.user_id
                where a.centre_id = ? order by a.at desc, a.id desc limit ?""")
                .params(centreId, limit).query(Entry.class).list();
    }

    public List<Entry> ofEntity(long centreId, String entity, long entityId) {
        return jdbc.sql("""
                select a.at, u.display_name as user_name, a.action, a.entity, a.entity_id, a.detail
                from audit_log a left join users u on u.id = a.user_id
                where a.centre_id = ? and a.entity = ? and a.entity_id = ? order by a.at desc, a.id desc""")
                .params(centreId, entity, entityId).query(Entry.class).list();
    }
}
