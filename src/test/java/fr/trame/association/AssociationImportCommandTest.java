package fr.trame.association;

import fr.trame.Fixtures;
import fr.trame.Printed;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.cli.CommandRunner;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code import governance FILE --centre CODE}: a board imported, the same file again changes nothing, a bad file exits 2. */
@TrameTest
class AssociationImportCommandTest {

    @Autowired CommandRunner runner;
    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired JdbcClient jdbc;

    @Test
    void importsABoardFromTheCommandLineAndRefusesABadFile(@TempDir Path dir) throws Exception {
        Centre centre = fixtures.centre("cli-gov");
        people.importCsv(centre.id(), csv("household_ref;person_ref;last_name;first_name\nH1;ALICE;Roux;Alice\n"));
        Path good = dir.resolve("governance.csv");
        Files.writeString(good, """
                body;person_ref;name;role;college;start_date
                Conseil d'administration;ALICE;;president;habitant;2024-06-01
                Conseil d'administration;;M. Bailleur;membre;partenaire;2024-06-01
                """);
        List<String> command = List.of("import", "governance", good.toString(), "--centre", centre.code());
        String out = Printed.out(() -> assertThat(runner.run(command)).isZero());
        assertThat(out).contains("2 mandat(s) créé(s)");
        assertThat(mandates(centre)).isEqualTo(2);
        assertThat(Printed.out(() -> assertThat(runner.run(command)).isZero())).contains("aucun changement");
        assertThat(mandates(centre)).isEqualTo(2);

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, """
                body;person_ref;name;role;college;start_date
                Bureau;ALICE;;tresorier;habitant;2025-01-01
                Bureau;NOBODY;;membre;habitant;2025-01-01
                """);
        String errors = Printed.err(() -> assertThat(runner.run(List.of("import", "governance", bad.toString(), "--centre",
                centre.code()))).isEqualTo(2));
        assertThat(errors).contains("ligne 3, colonne 2 (person_ref) : personne « NOBODY » inconnu(e) dans ce centre");
        assertThat(mandates(centre)).isEqualTo(2); // Alice's line 2 on the Bureau was not written
    }

    private long mandates(Centre centre) {
        return jdbc.sql("select count(*) from mandates where centre_id = ?").param(centre.id()).query(Long.class).single();
    }
}
