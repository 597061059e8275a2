package fr.trame.reporting;

import fr.trame.form.Bands;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.Arrays;

/** The age and QF bands a centre chose for its pages and report; the standard ones otherwise. */
@Service
class BandService {

    private final JdbcClient jdbc;

    public BandService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Bands age(long centreId) {
        return own(centreId, "age").orElse(Bands.STANDARD_AGE);
    }

    public Bands qf(long centreId) {
        return own(centreId, "qf").orElse(Bands.STANDARD_QF);
    }

    public Optional<Bands> own(long centreId, String kind) {
        return jdbc.sql("select bounds from reporting_bands where centre_id = ? and kind = ?").params(centreId, kind)
                .query((rs, n) -> new Bands(Arrays.stream((Integer[]) rs.getArray(1).getArray())
                        .mapToInt(Integer::intValue).toArray())).optional();
    }

    /** Saves the centre's bands; {@code null} goes back to the standard ones. */
    @Transactional
    public void save(long centreId, String kind, Bands bands) {
        if (bands == null) {
            jdbc.sql("delete from reporting_bands where centre_id = ? and kind = ?").params(centreId, kind).update();
            return;
        }
        jdbc.sql("""
                insert into reporting_bands (centre_id, kind, bounds) values (?, ?, string_to_array(?, ',')::integer[])
                on conflict (centre_id, kind) do update set bounds = excluded.bounds""")
                .params(centreId, kind, bands.text().replace(" ", "")).update();
    }
}
