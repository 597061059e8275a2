package fr.trame.cli;

import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.csv.ImportResult;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationScope;
import fr.trame.federation.StructureImporter;
import fr.trame.people.MembershipImporter;
import fr.trame.people.PeopleImporter;
import fr.trame.reception.ReceptionImporter;
import fr.trame.senacs.StructureReturns;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code import people|memberships|activities|attendance|reception FICHIER --centre CODE}, and
 * {@code import structures FICHIER --federation CODE}, {@code import senacs FICHIER --federation CODE --year YYYY}: one
 * CSV, all or nothing.
 */
@Component
@Order(3)
class ImportCommand implements Command {

    private final CentreOption centres;
    private final FederationOption federations;
    private final PeopleImporter people;
    private final MembershipImporter memberships;
    private final ActivityImporter activities;
    private final AttendanceImporter attendance;
    private final ReceptionImporter reception;
    private final StructureImporter structures;
    private final StructureReturns senacs;

    ImportCommand(CentreOption centres, FederationOption federations, StructureImporter structures,
                  PeopleImporter people, MembershipImporter memberships, ActivityImporter activities,
                  AttendanceImporter attendance, ReceptionImporter reception, StructureReturns senacs) {
        this.centres = centres;
        this.federations = federations;
        this.structures = structures;
        this.people = people;
        this.memberships = memberships;
        this.activities = activities;
        this.attendance = attendance;
        this.reception = reception;
        this.senacs = senacs;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        args.expect(2, "import people|memberships|activities|attendance|reception FICHIER --centre CODE"
                + "  |  import structures FICHIER --federation CODE  |  import senacs FICHIER --federation CODE --year AAAA");
        Path file = Path.of(args.positional(1));
        if (args.positional(0).equals("structures")) {
            Federation federation = federations.federation(args);
            try (InputStream in = Files.newInputStream(file)) {
                out.println(structures.importCsv(federation.id(), in, FederationScope.commandLine(federation).today()).summary());
                return 0;
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        }
        if (args.positional(0).equals("senacs")) {
            Federation federation = federations.federation(args);
            int year;
            try {
                year = Integer.parseInt(args.required("year"));
            } catch (NumberFormatException e) {
                throw new UsageException("--year attend une année, par exemple 2025.");
            }
            try (InputStream in = Files.newInputStream(file)) {
                out.println(senacs.importCsv(federation.id(), year, in, null).summary());
                return 0;
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        }
        Centre centre = centres.centre(args);
        ImportResult result;
        try (InputStream in = Files.newInputStream(file)) {
            result = switch (args.positional(0)) {
                case "people" -> people.importCsv(centre.id(), in);
                case "memberships" -> memberships.importCsv(centre.id(), in);
                case "activities" -> activities.importCsv(centre.id(), in);
                case "attendance" -> attendance.importCsv(centre.id(), in);
                case "reception" -> reception.importCsv(centre.id(), in);
                default -> throw new UsageException("Type d'import inconnu : « " + args.positional(0)
                        + " » (attendu : people, memberships, activities, attendance, reception, structures, senacs).");
            };
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        out.println(result.summary());
        return 0;
    }

    private static UsageException unreadable(Path file, IOException e) {
        return e instanceof NoSuchFileException ? new UsageException("Fichier introuvable : " + file)
                : new UsageException("Lecture impossible de " + file + " : " + e.getMessage());
    }
}
