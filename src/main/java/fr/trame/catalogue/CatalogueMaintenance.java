package fr.trame.catalogue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Whole-catalogue upkeep for the benchmarks: emptying it before measuring an import, refreshing planner statistics. */
@Service
public class CatalogueMaintenance {

    private final JdbcClient jdbc;

    public CatalogueMaintenance(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes every action of the catalogue (their links to activities and objectives go with them). */
    public void deleteAll() {
        jdbc.sql("delete from catalogue_actions").update();
    }

    /** Vacuums and analyses the actions, as after a bulk import; outside any transaction. */
    public void vacuumAnalyze() {
        jdbc.sql("vacuum analyze catalogue_actions").update();
    }
}
