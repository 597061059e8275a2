package fr.trame.activities;

import fr.trame.Fixtures;
import fr.trame.Printed;
import fr.trame.TrameTest;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.cli.CommandRunner;
import fr.trame.csv.CsvError;
import fr.trame.csv.CsvImportException;
import fr.trame.csv.ImportResult;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code import sessions}: planned and cancelled sessions by file, idempotent, a bad file refused whole. */
@TrameTest
class SessionImportTest {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired SessionImporter importer;
    @Autowired CommandRunner runner;
    @Autowired JdbcClient jdbc;

    Centre centre;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("ses");
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name
                H1;LEA;Roux;Léa
                """));
        activities.importCsv(centre.id(), csv("""
                activity_ref;name;sector
                CUI;Atelier cuisine;Familles
                FOOT;Foot en salle;Jeunesse
                """));
    }

    @Test
    void theCommandLineImportsPlannedAndCancelledSessionsAndAReimportChangesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sessions.csv");
        Files.writeString(file, """
                activity_ref;date;start;end;status;cancel_reason
                CUI;2026-03-04;14:00;16:00;;
                CUI;11/03/2026;14:00;16:00;prevue;
                CUI;2026-03-18;14:00;16:00;annulee;Animatrice malade
                FOOT;2026-03-05;18:00;19:30;prevue;
                """);
        String printed = Printed.out(() -> assertThat(runner.run(List.of("import", "sessions", file.toString(),
                "--centre", centre.code()))).isZero());
        assertThat(printed).contains("4 séance(s) créée(s)");
        assertThat(sessions()).containsExactly(
                "CUI 2026-03-04 14:00:00-16:00:00 null", "CUI 2026-03-11 14:00:00-16:00:00 null",
                "CUI 2026-03-18 14:00:00-16:00:00 Animatrice malade", "FOOT 2026-03-05 18:00:00-19:30:00 null");
        ImportResult again = importer.importCsv(centre.id(), csv(Files.readString(file)));
        assertThat(again.changedNothing()).isTrue();

        // the file is the truth for the sessions it names: the 18th planned again, the 5th ends later
        ImportResult changed = importer.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;status
                CUI;2026-03-18;14:00;16:00;prevue
                FOOT;2026-03-05;18:00;20:00;
                """));
        assertThat(changed.changes()).containsEntry("séance(s) créée(s)", 0).containsEntry("séance(s) modifiée(s)", 2);
        assertThat(sessions()).containsExactly(
                "CUI 2026-03-04 14:00:00-16:00:00 null", "CUI 2026-03-11 14:00:00-16:00:00 null",
                "CUI 2026-03-18 14:00:00-16:00:00 null", "FOOT 2026-03-05 18:00:00-20:00:00 null");
    }

    @Test
    void aBadFileIsRefusedWholeWithLineAndColumnAndNothingIsWritten() {
        importer.importCsv(centre.id(), csv("""
                activity_ref;date;start;end
                CUI;2026-03-04;14:00;16:00
                """));
        // the 4 March session was held: Léa's presence
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref
                CUI;2026-03-04;14:00;16:00;LEA
                """));
        List<String> before = sessions();
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> importer.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;status;cancel_reason
                CUI;2026-03-25;14:00;16:00;;
                XXX;2026-03-11;14:00;16:00;;
                CUI;2026-03-11;16:00;14:00;;
                CUI;2026-03-12;14:00;16:00;annulee;
                CUI;2026-03-13;14:00;16:00;reportee;
                CUI;2026-02-30;14:00;16:00;;
                CUI;2026-03-04;14:00;16:00;annulee;Pluie
                CUI;2026-03-14;14:00;16:00;;Pluie
                CUI;2026-03-25;14:00;17:00;;
                """)));
        assertThat(e.errors()).extracting(CsvError::toString).containsExactly(
                "ligne 3, colonne 1 (activity_ref) : activité « XXX » inconnu(e) dans ce centre",
                "ligne 4, colonne 4 (end) : l'heure de fin (14:00) doit suivre l'heure de début (16:00)",
                "ligne 5, colonne 6 (cancel_reason) : le motif d'annulation est obligatoire pour une séance annulée",
                "ligne 6, colonne 5 (status) : valeur « reportee » inconnue (attendu : annulee, prevue)",
                "ligne 7, colonne 2 (date) : date invalide « 2026-02-30 » (attendu AAAA-MM-JJ ou JJ/MM/AAAA)",
                "ligne 8, colonne 5 (status) : la séance du 04/03/2026 à 14:00 a déjà des présences : elle a eu lieu"
                        + " et ne peut pas être annulée",
                "ligne 9, colonne 6 (cancel_reason) : un motif d'annulation ne va qu'avec le statut annulee",
                "ligne 10, colonne 3 (start) : la même séance figure déjà ligne 2");
        assertThat(sessions()).isEqualTo(before); // the good line 2 was not written either
    }

    private List<String> sessions() {
        return jdbc.sql("""
                select a.ref || ' ' || se.date || ' ' || se.start_time || '-' || se.end_time || ' '
                       || coalesce(se.cancelled_reason, 'null')
                from sessions se join activities a on a.centre_id = se.centre_id and a.id = se.activity_id
                where se.centre_id = ? order by a.ref, se.date""").param(centre.id()).query(String.class).list();
    }
}
