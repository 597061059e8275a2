package fr.trame.cli;

import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.csv.ImportResult;
import fr.trame.people.MembershipImporter;
import fr.trame.people.PeopleImporter;
import fr.trame.reception.ReceptionImporter;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code import people|memberships|activities|attendance|reception FICHIER --centre CODE}: one CSV, all or nothing. */
@Component
@Order(3)
class ImportCommand implements Command {

    private final CentreOption centres;
    private final PeopleImporter people;
    private final MembershipImporter memberships;
    private final ActivityImporter activities;
    private final AttendanceImporter attendance;
    private final ReceptionImporter reception;

    ImportCommand(CentreOption centres, PeopleImporter people, MembershipImporter memberships, ActivityImporter activities,
                  AttendanceImporter attendance, ReceptionImporter reception) {
        this.centres = centres;
        this.people = people;
        this.memberships = memberships;
        this.activities = activities;
        this.attendance = attendance;
        this.reception = reception;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        args.expect(2, "import people|memberships|activities|attendance|reception FICHIER --centre CODE");
        Centre centre = centres.centre(args);
        Path file = Path.of(args.positional(1));
        ImportResult result;
        try (InputStream in = Files.newInputStream(file)) {
            result = switch (args.positional(0)) {
                case "people" -> people.importCsv(centre.id(), in);
                case "memberships" -> memberships.importCsv(centre.id(), in);
                case "activities" -> activities.importCsv(centre.id(), in);
                case "attendance" -> attendance.importCsv(centre.id(), in);
                case "reception" -> reception.importCsv(centre.id(), in);
                default -> throw new UsageException("Type d'import inconnu : « " + args.positional(0)
                        + " » (attendu : people, memberships, activities, attendance, reception).");
            };
        } catch (NoSuchFileException e) {
            throw new UsageException("Fichier introuvable : " + file);
        } catch (IOException e) {
            throw new UsageException("Lecture impossible de " + file + " : " + e.getMessage());
        }
        out.println(result.summary());
        return 0;
    }
}
