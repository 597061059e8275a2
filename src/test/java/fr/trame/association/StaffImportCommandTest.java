package fr.trame.association;

import fr.trame.Fixtures;
import fr.trame.Printed;
import fr.trame.TrameTest;
import fr.trame.activities.SectorService;
import fr.trame.centre.Centre;
import fr.trame.cli.CommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code import staff|partners|funding|agrements FILE --centre CODE}: each kind found by the command line, a bad file refused. */
@TrameTest
class StaffImportCommandTest {

    @Autowired CommandRunner runner;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired SectorService sectors;

    @Test
    void theFourKindsImportThroughTheCommandLine(@TempDir Path dir) throws Exception {
        Centre centre = fixtures.centre("cli-asso");
        sectors.findOrCreate(centre.id(), "Jeunesse"); // the team's sector
        assertThat(run(dir, "staff", StaffImportTest.TEAM, centre)).isZero();
        assertThat(run(dir, "partners", PartnerImportTest.PARTNERS, centre)).isZero();
        assertThat(run(dir, "funding", "year;label;partner;amount\n2025;Ville de Lens;Ville de Lens;45000,50\n", centre)).isZero();
        assertThat(run(dir, "agrements", AgrementImportTest.AGREMENTS, centre)).isZero();
        assertThat(count("contracts", centre)).isEqualTo(13);
        assertThat(count("conventions", centre)).isEqualTo(4);
        assertThat(count("products", centre)).isEqualTo(1);
        assertThat(count("agrements", centre)).isEqualTo(4);
        // the same file again: nothing changes, said so
        String again = Printed.out(() -> assertThat(run(dir, "staff", StaffImportTest.TEAM, centre)).isZero());
        assertThat(again).contains("aucun changement");

        String errors = Printed.err(() -> assertThat(run(dir, "staff", StaffImportTest.HEADER
                + "E9;Aa;Bb;X1;cdx;animateur;;35;2025-01-01;;;;;\n", centre)).isEqualTo(2));
        assertThat(errors).contains("ligne 2, colonne 5 (kind) : type de contrat « cdx » inconnu");
        assertThat(count("contracts", centre)).isEqualTo(13);
    }

    private int run(Path dir, String kind, String content, Centre centre) {
        try {
            Path file = Files.writeString(dir.resolve(kind + ".csv"), content);
            return runner.run(List.of("import", kind, file.toString(), "--centre", centre.code()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long count(String table, Centre centre) {
        return jdbc.sql("select count(*) from " + table + " where centre_id = ?").param(centre.id()).query(Long.class).single();
    }
}
