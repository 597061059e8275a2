package fr.trame.cli;

import fr.trame.database.DatabaseBackup;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;

/** {@code backup --out FICHIER}: the whole database in one file. */
@Component
@Order(9)
class BackupCommand implements Command {

    private final DatabaseBackup database;

    BackupCommand(DatabaseBackup database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        args.expect(0, "backup --out FICHIER");
        Path file = Path.of(args.required("out"));
        DatabaseBackup.Manifest dump;
        try {
            dump = database.backup(file);
        } catch (IOException e) {
            throw new UsageException("Écriture impossible de " + file + " : " + e.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        out.println("Sauvegarde écrite dans " + file + " : " + summary(dump) + ".");
        return 0;
    }

    /** What a backup holds, as backup and restore say it. */
    static String summary(DatabaseBackup.Manifest dump) {
        return dump.tables().size() + " tables, " + dump.rows() + " lignes (schéma version " + dump.schemaVersion() + ")";
    }
}
