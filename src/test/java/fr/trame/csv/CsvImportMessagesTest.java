package fr.trame.csv;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.people.MembershipImporter;
import fr.trame.people.PeopleImporter;
import fr.trame.reception.ReceptionImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What an import says of a file it cannot take, in French and where the problem is; and that it then writes nothing. */
@TrameTest
class CsvImportMessagesTest {

    static final String HEADER = "household_ref;person_ref;last_name;first_name;address\n";

    @Autowired PeopleImporter people;
    @Autowired MembershipImporter memberships;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired ReceptionImporter reception;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    Centre centre;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("msg");
    }

    @Test
    void anUnclosedQuoteIsReportedInFrenchAtTheLineAndColumnWhereItOpens() {
        assertThat(peopleErrors(csv(HEADER + "H1;P1;Martin;Léa;\n" + "H2;P2;\"Durand;Paul;\n" + "H3;P3;Petit;Noé;\n")))
                .containsExactly("ligne 3, colonne 3 (last_name) : guillemet ouvert ici et jamais refermé (la valeur court"
                        + " jusqu'à la fin du fichier) : une valeur entre guillemets finit par un guillemet suivi de « ; »"
                        + " ou de la fin de ligne, et un guillemet à l'intérieur s'écrit « \"\" »");
        assertThat(persons()).isZero();
    }

    @Test
    void textAfterAClosingQuoteIsReportedAtItsLine() {
        assertThat(peopleErrors(csv(HEADER + "H1;P1;Martin;Léa;\n" + "H2;P2;Durand;Paul;\"3 rue\" bis\n")))
                .singleElement().asString().startsWith("ligne 3, colonne 5 (address) : texte après le guillemet qui ferme la valeur");
    }

    @Test
    void linesAreTheFileLinesEvenAfterAValueOnTwoLines() {
        // the address of line 2 goes on over line 3: the bad row is line 4 of the file
        assertThat(peopleErrors(csv(HEADER + "H1;P1;Martin;Léa;\"3 rue des Lilas\nBâtiment B\"\n" + "H2;P2;;Paul;\n")))
                .containsExactly("ligne 4, colonne 3 (last_name) : valeur obligatoire manquante");
        assertThat(peopleErrors(csv(HEADER + "H1;P1;Martin;Léa;\"3 rue des Lilas\nBâtiment B\"\n" + "H2;P2;\"Durand;Paul;\n")))
                .singleElement().asString().startsWith("ligne 4, colonne 3 (last_name) : guillemet ouvert ici et jamais refermé");
    }

    @Test
    void aLatin1FileIsRefusedAtTheLineOfItsFirstNonUtf8Byte() {
        String file = HEADER + "H1;P1;Martin;Lea;\n" + "H2;P2;Lefèvre;Theo;\n";
        assertThat(peopleErrors(encoded(file, StandardCharsets.ISO_8859_1))).containsExactly("ligne 3 : caractère invalide"
                + " en UTF-8 : le fichier n'est pas en UTF-8 (sans doute en Latin-1 ou Windows-1252) ; enregistrez-le en"
                + " UTF-8 (dans Excel : « CSV UTF-8 »)");
        assertThat(peopleErrors(encoded(file, Charset.forName("windows-1252")))).singleElement().asString().startsWith("ligne 3 : ");
        assertThat(persons()).isZero();
    }

    @Test
    void aUtf16FileGetsItsOwnMessageWithOrWithoutItsMark() {
        String file = HEADER + "H1;P1;Martin;Léa;\n";
        String expected = "ligne 1 : le fichier est en UTF-16 (« texte Unicode »), pas en UTF-8 : enregistrez-le en UTF-8"
                + " (dans Excel : « CSV UTF-8 »)";
        assertThat(peopleErrors(encoded(file, StandardCharsets.UTF_16LE, 0xFF, 0xFE))).containsExactly(expected);
        assertThat(peopleErrors(encoded(file, StandardCharsets.UTF_16BE, 0xFE, 0xFF))).containsExactly(expected);
        assertThat(peopleErrors(encoded(file, StandardCharsets.UTF_16LE))).containsExactly(expected);
        assertThat(peopleErrors(encoded(file, StandardCharsets.UTF_16BE))).containsExactly(expected);
    }

    @Test
    void aFileWithOnlyItsHeaderIsRefusedByEveryImporter() {
        String expected = "ligne 1 : le fichier ne contient que la ligne d'en-tête : aucune ligne de données, rien à importer";
        assertThat(peopleErrors(csv(HEADER))).containsExactly(expected);
        assertThat(peopleErrors(csv(HEADER + "\n\n"))).containsExactly(expected);
        assertThat(errors(in -> memberships.importCsv(centre.id(), in), "membership_ref;type;start_date;end_date\n"))
                .containsExactly(expected);
        assertThat(errors(in -> activities.importCsv(centre.id(), in), "activity_ref;name;sector\n")).containsExactly(expected);
        assertThat(errors(in -> attendance.importCsv(centre.id(), in), "activity_ref;date;start;end;person_ref\n"))
                .containsExactly(expected);
        assertThat(errors(in -> reception.importCsv(centre.id(), in), "date;channel;theme\n")).containsExactly(expected);
    }

    @Test
    void aNulCharacterInACellIsRefusedWithItsLineAndColumn() {
        assertThat(peopleErrors(csv(HEADER + "H1;P1;Martin;Léa;\n" + "H2;P2;Du\0rand;Paul;\n")))
                .containsExactly("ligne 3, colonne 3 (last_name) : contient un caractère NUL (octet zéro), qui n'a pas sa"
                        + " place dans un fichier texte");
        // and in the other importers, which stage their rows in the database before checking references
        assertThat(errors(in -> memberships.importCsv(centre.id(), in), "membership_ref;type;start_date;end_date;organisation\n"
                + "M1;associative;2026-01-01;2026-12-31;Club\0\n"))
                .singleElement().asString().startsWith("ligne 2, colonne 5 (organisation) : contient un caractère NUL");
        assertThat(errors(in -> reception.importCsv(centre.id(), in), "date;channel;theme;person_ref\n2026-01-05;accueil;caf;P\0\n"))
                .singleElement().asString().startsWith("ligne 2, colonne 4 (person_ref) : contient un caractère NUL");
        assertThat(persons()).isZero();
    }

    @Test
    void aValueLongerThanItsColumnAllowsIsRefusedOnceInEveryImporter() {
        String name = "A".repeat(100);
        assertThat(people.importCsv(centre.id(), csv(HEADER + "H1;P1;" + name + ";Léa;\n")).changes())
                .containsEntry("personne(s) créée(s)", 1);
        assertThat(peopleErrors(csv(HEADER + "H2;P2;" + name + "B;Léa;" + "x".repeat(201) + "\n"))).containsExactly(
                "ligne 2, colonne 3 (last_name) : la valeur dépasse 100 caractères (elle en a 101)",
                "ligne 2, colonne 5 (address) : la valeur dépasse 200 caractères (elle en a 201)");
        // characters, not UTF-16 units: 100 emoji are 100 characters
        assertThat(people.importCsv(centre.id(), csv(HEADER + "H3;P3;" + "😀".repeat(100) + ";Léa;\n")).rows()).isEqualTo(1);

        assertThat(errors(in -> memberships.importCsv(centre.id(), in), "membership_ref;type;start_date;end_date;organisation\n"
                + "M1;associative;2026-01-01;2026-12-31;" + "C".repeat(201) + "\n"))
                .containsExactly("ligne 2, colonne 5 (organisation) : la valeur dépasse 200 caractères (elle en a 201)");
        assertThat(errors(in -> activities.importCsv(centre.id(), in), "activity_ref;name;sector\nA1;Yoga;" + "S".repeat(101) + "\n"))
                .containsExactly("ligne 2, colonne 3 (sector) : la valeur dépasse 100 caractères (elle en a 101)");
        // a code far too long is refused for its length, and no message repeats it
        assertThat(errors(in -> attendance.importCsv(centre.id(), in), "activity_ref;date;start;end;person_ref;status\n"
                + "A1;2026-01-05;18:30;19:45;P1;" + "p".repeat(10_000) + "\n"))
                .contains("ligne 2, colonne 6 (status) : la valeur dépasse 40 caractères (elle en a 10000)")
                .allSatisfy(message -> assertThat(message).hasSizeLessThan(200));
        assertThat(errors(in -> reception.importCsv(centre.id(), in), "date;channel;theme\n2026-01-05;accueil;" + "caf,".repeat(126) + "\n"))
                .containsExactly("ligne 2, colonne 3 (theme) : la valeur dépasse 500 caractères (elle en a 504)");
        assertThat(persons()).isEqualTo(2);
    }

    @Test
    void tenThousandErrorsGiveTheirCountAndTheFirstHundred() {
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 10_000; i++) {
            file.append("H").append(i).append(";P").append(i).append(";;Léa;\n");
        }
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> people.importCsv(centre.id(), csv(file.toString())));
        assertThat(e.total()).isEqualTo(10_000);
        assertThat(e.notShown()).isEqualTo(9_900);
        assertThat(e.errors()).hasSize(CsvImportException.SHOWN);
        assertThat(e.errors().get(0).line()).isEqualTo(2);
        assertThat(e.errors().get(99).line()).isEqualTo(101);
        assertThat(persons()).isZero();
    }

    @Test
    void errorsFoundLaterInTheDatabaseStillComeInLineOrderAndCount() {
        StringBuilder file = new StringBuilder("activity_ref;date;start;end;person_ref\n");
        for (int i = 0; i < 300; i++) {
            file.append("INCONNUE;").append(java.time.LocalDate.of(2026, 1, 1).plusDays(i)).append(";18:30;")
                    .append(i == 0 ? "17:00" : "19:45").append(";P1\n");
        }
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> attendance.importCsv(centre.id(), csv(file.toString())));
        // a bad end time, found while reading; an unknown activity and person on every line, found in the database
        assertThat(e.total()).isEqualTo(1 + 300 + 300);
        assertThat(e.errors()).hasSize(100);
        assertThat(e.errors().subList(0, 3)).extracting(CsvError::toString).containsExactly(
                "ligne 2, colonne 1 (activity_ref) : activité « INCONNUE » inconnu(e) dans ce centre",
                "ligne 2, colonne 4 (end) : l'heure de fin (17:00) doit suivre l'heure de début (18:30)",
                "ligne 2, colonne 5 (person_ref) : personne « P1 » inconnu(e) dans ce centre");
        assertThat(e.errors().get(99).line()).isEqualTo(51);
    }

    private List<String> peopleErrors(InputStream in) {
        return errors(i -> people.importCsv(centre.id(), i), in);
    }

    private static List<String> errors(Function<InputStream, ImportResult> importer, String file) {
        return errors(importer, csv(file));
    }

    private static List<String> errors(Function<InputStream, ImportResult> importer, InputStream in) {
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> importer.apply(in));
        assertThat(e).as("the file is refused").isNotNull();
        return e.errors().stream().map(CsvError::toString).toList();
    }

    private static InputStream encoded(String text, Charset charset, int... mark) {
        byte[] body = text.getBytes(charset);
        byte[] bytes = new byte[mark.length + body.length];
        for (int i = 0; i < mark.length; i++) {
            bytes[i] = (byte) mark[i];
        }
        System.arraycopy(body, 0, bytes, mark.length, body.length);
        return new ByteArrayInputStream(bytes);
    }

    private long persons() {
        return jdbc.sql("select count(*) from persons where centre_id = ?").param(centre.id()).query(Long.class).single();
    }
}
