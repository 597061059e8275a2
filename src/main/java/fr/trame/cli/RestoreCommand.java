package fr.trame.cli;

import fr.trame.database.DatabaseBackup;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;

/** {@code restore FICHIER}: the database as a backup holds it. */
@Component
@Order(10)
class RestoreCommand implements Command {

    private final DatabaseBackup database;

    RestoreCommand(DatabaseBackup database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        args.expect(1, "restore FICHIER");
        Path file = Path.of(args.positional(0));
        DatabaseBackup.Manifest dump;
        try {
            dump = database.restore(file);
        } catch (IOException e) {
            throw new UsageException("Lecture impossible de " + file + " : " + e.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        out.println("Sauvegarde du " + dump.createdAt() + " restaurée : " + BackupCommand.summary(dump) + ".");
        return 0;
    }
}
