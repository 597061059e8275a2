package fr.trame.territory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;

/** The centre's territory (zone de vie sociale): its quartiers and which of them are QPV. */
@Service
public class QuartierService {

    private final JdbcClient jdbc;

    public QuartierService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Quartier> list(long centreId) {
        return jdbc.sql("select id, name, qpv from quartiers where centre_id = ? order by lower(name)")
                .param(centreId).query(Quartier.class).list();
    }

    @Transactional
    /** {@code qpv} null: not known yet (a quartier named by an import, or typed without an answer). */
    public long create(long centreId, String name, Boolean qpv) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Le nom du quartier est obligatoire.");
        }
        return jdbc.sql("""
                insert into quartiers (centre_id, name, qpv) values (?, ?, ?)
                on conflict (centre_id, lower(name)) do update set qpv = coalesce(excluded.qpv, quartiers.qpv)
                returning id""")
                .params(centreId, name.trim(), qpv).query(Long.class).single();
    }

    /**
     * Creates the quartiers named that do not exist yet (names compared without case), QPV unknown, in one statement
     * and in the caller's transaction: an import names its whole set at once. Returns how many it created.
     */
    @Transactional
    public int createMissing(long centreId, Collection<String> names) {
        return jdbc.sql("""
                insert into quartiers (centre_id, name)
                select distinct on (lower(n.name)) :centre, n.name from unnest(:names::text[]) with ordinality as n(name, i)
                where n.name is not null order by lower(n.name), n.i
                on conflict (centre_id, lower(name)) do nothing""")
                .param("centre", centreId).param("names", names.toArray(String[]::new)).update();
    }

    @Transactional
    public boolean setQpv(long centreId, long quartierId, Boolean qpv) {
        return jdbc.sql("update quartiers set qpv = ? where centre_id = ? and id = ?")
                .params(qpv, centreId, quartierId).update() == 1;
    }

    /** Deletes the centre's quartiers, once no household lives in them any more (the benchmarks' emptied centres). */
    @Transactional
    public void deleteAll(long centreId) {
        jdbc.sql("delete from quartiers where centre_id = ?").param(centreId).update();
    }
}
