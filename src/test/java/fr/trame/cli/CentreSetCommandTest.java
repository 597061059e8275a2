package fr.trame.cli;

import fr.trame.Fixtures;
import fr.trame.Printed;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.reporting.AnnualReportService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code centre set}: the options given replace their value, a bad one refuses the whole command, the report shows them. */
@TrameTest
class CentreSetCommandTest {

    @Autowired CommandRunner runner;
    @Autowired Fixtures fixtures;
    @Autowired CentreService centres;
    @Autowired AnnualReportService reports;

    @Test
    void setsTheIdentityAndTheReportShowsIt() {
        Centre centre = fixtures.centre("set");
        String printed = Printed.out(() -> assertThat(runner.run(List.of("centre", "set", centre.code(),
                "--name", "Centre social Les Tilleuls", "--address", "3 rue des Tilleuls", "--postcode", "59000",
                "--commune", "Lille", "--phone", "03 20 00 00 00", "--email", "accueil@tilleuls.fr",
                "--siret", "123 456 789 00012", "--rna", "W595012345", "--created", "1978-09-15"))).isZero());
        assertThat(printed).contains("Fiche du centre « Centre social Les Tilleuls » enregistrée.");
        Centre now = centres.findById(centre.id()).orElseThrow();
        assertThat(now.siret()).isEqualTo("12345678900012"); // spaces as typed, removed
        assertThat(now.rna()).isEqualTo("W595012345");
        assertThat(now.createdOn()).isEqualTo(LocalDate.of(1978, 9, 15));
        assertThat(now.commune()).isEqualTo("Lille");

        // only --phone given: cleared, the rest unchanged
        assertThat(runner.run(List.of("centre", "set", centre.code(), "--phone", ""))).isZero();
        Centre cleared = centres.findById(centre.id()).orElseThrow();
        assertThat(cleared.phone()).isNull();
        assertThat(cleared.rna()).isEqualTo("W595012345");

        AnnualReportService.Report report = reports.build(cleared, 2025);
        AnnualReportService.Table sheet = report.chapters().get(0).tables().get(0);
        assertThat(sheet.rows()).contains(List.of("Nom", "Centre social Les Tilleuls"),
                List.of("SIRET", "12345678900012"), List.of("Numéro RNA", "W595012345"),
                List.of("Date de création", "15/09/1978"), List.of("Contact", "accueil@tilleuls.fr"));
    }

    @Test
    void aBadValueIsRefusedWithItsOptionAndNothingChanges() {
        Centre centre = fixtures.centre("setbad");
        assertThat(runner.run(List.of("centre", "set", centre.code(), "--commune", "Roubaix", "--rna", "W595012345"))).isZero();
        Centre before = centres.findById(centre.id()).orElseThrow();
        String errors = Printed.err(() -> assertThat(runner.run(List.of("centre", "set", centre.code(), "--commune", "Tourcoing",
                "--siret", "1234", "--rna", "595012345", "--created", "1978-02-30", "--email", "pas-une-adresse")))
                .isEqualTo(2));
        assertThat(errors).contains("--siret : le SIRET « 1234 » doit compter 14 chiffres")
                .contains("--rna : le numéro RNA « 595012345 » doit être un W suivi de 9 chiffres")
                .contains("--created : « 1978-02-30 » n'est pas une date")
                .contains("--email : l'adresse électronique « pas-une-adresse » n'est pas valide")
                .contains("Fiche du centre non modifiée");
        assertThat(centres.findById(centre.id()).orElseThrow()).isEqualTo(before); // the good --commune was not written
        String future = Printed.err(() -> assertThat(runner.run(List.of("centre", "set", centre.code(), "--created",
                LocalDate.now().plusYears(1).toString()))).isEqualTo(2));
        assertThat(future).contains("--created : la date de création");
        assertThat(runner.run(List.of("centre", "set", "inconnu-xyz", "--name", "X"))).isEqualTo(2);
        // a mistyped option is refused, not taken for « nothing to change »
        String typo = Printed.err(() -> assertThat(runner.run(List.of("centre", "set", centre.code(), "--siren", "123456789",
                "--commune", "Lille"))).isEqualTo(2));
        assertThat(typo).contains("Option inconnue : --siren");
        assertThat(centres.findById(centre.id()).orElseThrow()).isEqualTo(before);
    }
}
