package fr.trame.cli;

import fr.trame.Fixtures;
import fr.trame.Printed;
import fr.trame.TrameTest;
import fr.trame.federation.Federation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code import senacs FILE --federation CODE --year YYYY}: a draft imported, a bad file refused with exit 2. */
@TrameTest
class SenacsImportCommandTest {

    @Autowired CommandRunner runner;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void importsAReturnAndRefusesABadFile(@TempDir Path dir) throws Exception {
        Federation federation = fixtures.federation("cli-senacs");
        long id = fixtures.structure(federation, "Centre CLI", "59", null);
        String ref = jdbc.sql("select ref from structures where id = ?").param(id).query(String.class).single();
        Path good = dir.resolve("senacs.csv");
        Files.writeString(good, "structure_ref;code;value\n" + ref + ";PUB_PERSONNES;250\n");
        assertThat(runner.run(List.of("import", "senacs", good.toString(), "--federation", federation.code(), "--year", "2025")))
                .isZero();
        assertThat(jdbc.sql("select state from senacs_structure_returns where structure_id = ? and year = 2025").param(id)
                .query(String.class).single()).isEqualTo("brouillon");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "structure_ref;code;value\n" + ref + ";PUB_PERSONNES;=1+1\n");
        String errors = Printed.err(() -> assertThat(runner.run(List.of("import", "senacs", bad.toString(), "--federation",
                federation.code(), "--year", "2025"))).isEqualTo(2));
        assertThat(errors).contains("ligne 2, colonne 3 (value)");
        assertThat(runner.run(List.of("import", "senacs", good.toString(), "--federation", federation.code(), "--year", "x")))
                .isEqualTo(2);
    }
}
