package fr.trame.demo;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.federation.RenewalService;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureImporter;
import fr.trame.federation.StructureService;
import fr.trame.federation.Territory;
import fr.trame.federation.TerritoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The demonstration's renewals: every member structure has an agrément in force and a past renewal; some are running. */
@TrameTest
class DemoFederationRenewalsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Autowired Fixtures fixtures;
    @Autowired StructureImporter importer;
    @Autowired StructureService structures;
    @Autowired TerritoryService territories;
    @Autowired RenewalService renewals;
    @Autowired DemoFederationRenewals demo;
    @Autowired JdbcClient jdbc;

    @Test
    void fillsAgrementsAndRenewalsShapedLikeTheSeed() {
        Federation federation = fixtures.federation("demo-renouv");
        StringBuilder csv = new StringBuilder("structure_ref;name;kind;departement;territory;membership\n");
        for (int i = 1; i <= 100; i++) {
            csv.append("S").append(i).append(";Centre ").append(i).append(';').append(i % 7 == 0 ? "evs" : "cs")
                    .append(';').append(i % 2 == 0 ? "59" : "62").append(";AT ").append(i % 5).append(';')
                    .append(i == 100 ? "sortie" : "adherent").append('\n');
        }
        importer.importCsv(federation.id(), Fixtures.csv(csv.toString()), TODAY);
        String delegue = fixtures.user(federation, FederationRole.DELEGUE);
        for (Territory t : territories.list(federation.id(), TODAY)) {
            territories.assign(federation.id(), t.id(), fixtures.userId(delegue), LocalDate.of(2020, 1, 1));
        }
        long t0 = System.nanoTime();
        demo.fill(federation.id(), TODAY, new Random(4));
        double seconds = (System.nanoTime() - t0) / 1e9;

        // 99 members: each an agrément in force of its kind, granted by a closed renewal
        long inForce = jdbc.sql("""
                select count(distinct structure_id) from structure_agrements
                where federation_id = ? and kind in ('centre_social', 'evs') and start_date <= ? and end_date >= ?""")
                .params(federation.id(), TODAY, TODAY).query(Long.class).single();
        assertThat(inForce).isEqualTo(99);
        long granted = jdbc.sql("select count(*) from renewals where federation_id = ? and outcome = 'accorde' and new_agrement_id is not null")
                .param(federation.id()).query(Long.class).single();
        assertThat(granted).isEqualTo(99);
        long running = jdbc.sql("select count(*) from renewals where federation_id = ? and closed_on is null").param(federation.id())
                .query(Long.class).single();
        assertThat(running).isBetween(5L, 60L);
        assertThat(renewals.calendar(federation.id(), TODAY, 18, null, null, Set.of())).isNotEmpty();
        long attended = jdbc.sql("select count(*) from renewal_attendees where federation_id = ?").param(federation.id())
                .query(Long.class).single();
        assertThat(attended).isGreaterThan(99 * 3);
        assertThat(structures.list(federation.id(), StructureFilter.ALL, TODAY)).hasSize(100);
        assertThat(seconds).as("seconds for 100 structures").isLessThan(5);
    }
}
