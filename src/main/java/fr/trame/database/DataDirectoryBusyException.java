package fr.trame.database;

import java.nio.file.Path;

/** Another Trame process (usually the server) holds the embedded database directory. */
class DataDirectoryBusyException extends EmbeddedDatabaseException {
    public DataDirectoryBusyException(Path dir) {
        super("Le répertoire de données " + dir + " est déjà utilisé par un autre processus Trame (un serveur en cours ?). "
                + "Arrêtez-le, ou lancez la commande avec --data-dir vers un autre répertoire, ou avec --db-url.", 2);
    }
}
