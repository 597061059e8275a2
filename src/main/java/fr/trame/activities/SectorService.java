package fr.trame.activities;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** The centre's sectors (secteurs). A centre starts with the usual ones and edits them. */
@Service
public class SectorService {

    public record Sector(long id, String name, int position) {
    }

    static final List<String> DEFAULTS = List.of("Accueil", "Enfance", "Jeunesse", "Famille", "Adultes-Seniors",
            "Accès aux droits", "Numérique", "Socio-linguistique", "Accompagnement scolaire");

    private final JdbcClient jdbc;

    public SectorService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sectors, the default set being created the first time a centre needs them. */
    @Transactional
    public List<Sector> list(long centreId) {
        List<Sector> sectors = query(centreId);
        if (!sectors.isEmpty()) {
            return sectors;
        }
        for (int i = 0; i < DEFAULTS.size(); i++) {
            jdbc.sql("insert into sectors (centre_id, name, position) values (?, ?, ?) on conflict do nothing")
                    .params(centreId, DEFAULTS.get(i), (i + 1) * 10).update();
        }
        return query(centreId);
    }

    private List<Sector> query(long centreId) {
        return jdbc.sql("select id, name, position from sectors where centre_id = ? order by position, lower(name)")
                .param(centreId).query(Sector.class).list();
    }

    /** The sector of that name (case ignored), created at the end of the list when missing. */
    @Transactional
    public long findOrCreate(long centreId, String name) {
        list(centreId);
        jdbc.sql("""
                insert into sectors (centre_id, name, position)
                values (?, ?, (select coalesce(max(position), 0) + 10 from sectors where centre_id = ?))
                on conflict (centre_id, lower(name)) do nothing""")
                .params(centreId, name.trim(), centreId).update();
        return jdbc.sql("select id from sectors where centre_id = ? and lower(name) = lower(?)")
                .params(centreId, name.trim()).query(Long.class).single();
    }

    @Transactional
    /** Whether the sector is this centre's (then renamed); a name another sector has is refused. */
    public boolean rename(long centreId, long sectorId, String name) {
        boolean taken = jdbc.sql("select exists (select 1 from sectors where centre_id = ? and lower(name) = lower(?) and id <> ?)")
                .params(centreId, name.trim(), sectorId).query(Boolean.class).single();
        if (taken) {
            throw new IllegalArgumentException("Un autre secteur s'appelle déjà « " + name.trim() + " ».");
        }
        return 0 < jdbc.sql("update sectors set name = ? where centre_id = ? and id = ?").params(name.trim(), centreId, sectorId).update();
    }
}
