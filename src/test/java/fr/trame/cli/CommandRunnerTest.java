package fr.trame.cli;

import fr.trame.Printed;
import fr.trame.TrameTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@TrameTest
class CommandRunnerTest {

    @Autowired CommandRunner runner;
    @Autowired JdbcClient jdbc;

    @Test
    void centreCreateThenImportThenBadFileExitsTwoWritingNothing(@TempDir Path dir) throws Exception {
        String code = "cli-" + System.nanoTime() % 100000;
        assertThat(runner.run(List.of("centre", "create", code, "--name", "Centre CLI"))).isZero();
        assertThat(runner.run(List.of("centre", "create", code, "--name", "Encore"))).isEqualTo(2);
        assertThat(runner.run(List.of("centre", "create", "Pas Bon", "--name", "X"))).isEqualTo(2);

        Path good = dir.resolve("people.csv");
        Files.writeString(good, "household_ref;person_ref;last_name;first_name\nH1;P1;Moreau;Rose\n");
        assertThat(runner.run(List.of("import", "people", good.toString(), "--centre", code))).isZero();

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "household_ref;person_ref;last_name;first_name\nH2;P2;;Noé\n");
        String errors = Printed.err(() -> assertThat(runner.run(List.of("import", "people", bad.toString(), "--centre", code))).isEqualTo(2));
        assertThat(errors).contains("ligne 2, colonne 3 (last_name) : valeur obligatoire manquante");
        assertThat(jdbc.sql("select count(*) from persons p join centres c on c.id = p.centre_id where c.code = ?")
                .param(code).query(Long.class).single()).isEqualTo(1);

        Path activities = dir.resolve("activities.csv");
        Files.writeString(activities, "activity_ref;name;sector\nYOGA;Yoga;Adultes-Seniors\n");
        assertThat(runner.run(List.of("import", "activities", activities.toString(), "--centre", code))).isZero();
        Path attendance = dir.resolve("attendance.csv");
        Files.writeString(attendance, "activity_ref;date;start;end;person_ref\nYOGA;2026-01-05;18:30;19:45;P1\n");
        assertThat(runner.run(List.of("import", "attendance", attendance.toString(), "--centre", code))).isZero();
        assertThat(jdbc.sql("select count(*) from attendance a join centres c on c.id = a.centre_id where c.code = ?")
                .param(code).query(Long.class).single()).isEqualTo(1);
        assertThat(runner.run(List.of("import", "reception", attendance.toString(), "--centre", code))).isEqualTo(2);
        Path reception = dir.resolve("reception.csv");
        Files.writeString(reception, "date;person_ref;channel;theme\n2026-01-05;P1;accueil;caf,logement\n2026-01-05;;telephone;autre\n");
        assertThat(runner.run(List.of("import", "reception", reception.toString(), "--centre", code))).isZero();

        assertThat(runner.run(List.of("import", "people", dir.resolve("absent.csv").toString(), "--centre", code))).isEqualTo(2);
        assertThat(runner.run(List.of("import", "people", good.toString(), "--centre", "inconnu"))).isEqualTo(2);

        // a service's domain exception (here: no such user in the centre) is a French message and exit 2, not a crash
        String unknownUser = Printed.err(() -> assertThat(runner.run(List.of("rgpd", "export", "--centre", code, "--person", "P1",
                "--format", "json", "--out", dir.resolve("p1.json").toString(), "--user", "personne"))).isEqualTo(2));
        assertThat(unknownUser).contains("Utilisateur inconnu ou sans rôle dans le centre « " + code + " » : personne.");
    }

    @Test
    void aRefusedFileSaysWhyAtItsLineAndListsOnlyTheFirstHundredErrors(@TempDir Path dir) throws Exception {
        String code = "cli-msg-" + System.nanoTime() % 100000;
        assertThat(runner.run(List.of("centre", "create", code, "--name", "Centre CLI"))).isZero();
        String header = "household_ref;person_ref;last_name;first_name\n";

        Path headerOnly = dir.resolve("entete.csv");
        Files.writeString(headerOnly, header);
        String said = Printed.err(() -> assertThat(runner.run(List.of("import", "people", headerOnly.toString(), "--centre", code))).isEqualTo(2));
        assertThat(said).contains("Fichier refusé, rien n'a été importé : 1 erreur(s).",
                "ligne 1 : le fichier ne contient que la ligne d'en-tête : aucune ligne de données, rien à importer");

        Path latin1 = dir.resolve("latin1.csv");
        Files.writeString(latin1, header + "H1;P1;Martin;Lea\nH2;P2;Lefèvre;Théo\n", StandardCharsets.ISO_8859_1);
        said = Printed.err(() -> assertThat(runner.run(List.of("import", "people", latin1.toString(), "--centre", code))).isEqualTo(2));
        assertThat(said).contains("ligne 3 : caractère invalide en UTF-8", "« CSV UTF-8 »");

        StringBuilder bad = new StringBuilder(header);
        for (int i = 0; i < 10_000; i++) {
            bad.append("H").append(i).append(";P").append(i).append(";;Léa\n");
        }
        Path many = dir.resolve("erreurs.csv");
        Files.writeString(many, bad);
        said = Printed.err(() -> assertThat(runner.run(List.of("import", "people", many.toString(), "--centre", code))).isEqualTo(2));
        assertThat(said).contains("Fichier refusé, rien n'a été importé : 10000 erreur(s).",
                "  ligne 101, colonne 3 (last_name) : valeur obligatoire manquante",
                "  … et 9900 autre(s) erreur(s) : les 100 premières sont listées ; corrigez-les puis réimportez.");
        assertThat(said).doesNotContain("ligne 102,");
        assertThat(said.lines().filter(l -> l.startsWith("  ligne "))).hasSize(100);
        assertThat(jdbc.sql("select count(*) from persons p join centres c on c.id = p.centre_id where c.code = ?")
                .param(code).query(Long.class).single()).isZero();
    }
}
