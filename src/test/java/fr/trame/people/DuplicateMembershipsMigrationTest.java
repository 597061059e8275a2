package fr.trame.people;

import com.zaxxer.hikari.HikariDataSource;
import fr.trame.TrameTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V12 on a database that already holds duplicates (as the demo and the desk made them): one stays (the paid one, else
 * the earliest), the others are cancelled as "doublon", every membership gets its season, and the rule then holds.
 */
@TrameTest
class DuplicateMembershipsMigrationTest {

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;

    @Test
    void theMigrationCancelsTheLaterDuplicatesAndKeepsThePaidOne() {
        jdbc.sql("drop database if exists trame_v12").update();
        jdbc.sql("create database trame_v12").update();
        HikariDataSource main = (HikariDataSource) dataSource;
        String url = main.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/trame_v12$1");
        SingleConnectionDataSource db = new SingleConnectionDataSource(url, main.getUsername(), main.getPassword(), true);
        try {
            // up to the migration before this one, whatever its number becomes
            var all = Flyway.configure().dataSource(db).load().info().all();
            var ours = java.util.Arrays.stream(all).filter(i -> i.getDescription().equals("one membership per season"))
                    .findFirst().orElseThrow().getVersion();
            var before = java.util.Arrays.stream(all).map(org.flywaydb.core.api.MigrationInfo::getVersion)
                    .filter(v -> v.compareTo(ours) < 0).max(java.util.Comparator.naturalOrder()).orElseThrow();
            Flyway.configure().dataSource(db).target(before).load().migrate();
            JdbcClient old = JdbcClient.create(db);
            old.sql("insert into centres (code, name) values ('mig', 'Migration')").update();
            long centre = old.sql("select id from centres where code = 'mig'").query(Long.class).single();
            old.sql("insert into households (centre_id, ref) values (?, 'H1')").param(centre).update();
            long household = old.sql("select id from households where centre_id = ?").param(centre).query(Long.class).single();
            // three of one household for 2023-2024 (the second paid), one for 2024-2025, and a calendar-year one
            for (String[] m : new String[][] {{"2023-09-01", "2024-08-31", "false"}, {"2023-09-01", "2024-08-31", "true"},
                    {"2023-10-15", "2024-08-31", "false"}, {"2024-09-01", "2025-08-31", "false"}}) {
                old.sql("""
                        insert into memberships (centre_id, type, household_id, start_date, end_date, paid)
                        values (?, 'familiale', ?, ?::date, ?::date, ?::boolean)""")
                        .params(centre, household, m[0], m[1], m[2]).update();
            }
            Flyway.configure().dataSource(db).load().migrate();
            List<String> rows = old.sql("""
                    select s.label || ' ' || m.paid || ' ' || coalesce(m.cancel_reason, 'active')
                    from memberships m join seasons s on s.centre_id = m.centre_id and s.id = m.season_id
                    where m.centre_id = ? order by m.id""").param(centre).query(String.class).list();
            assertThat(rows).containsExactly("2023-2024 false doublon", "2023-2024 true active",
                    "2023-2024 false doublon", "2024-2025 false active");
        } finally {
            db.destroy();
            jdbc.sql("drop database if exists trame_v12").update();
        }
    }
}
