package fr.trame.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/** A Trame-like process for tests: starts the embedded PostgreSQL on args[0], writes a row, touches args[1], waits. */
public final class ServerProcess {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), false);
        try (Connection c = server.login().connect();
             Statement s = c.createStatement()) {
            s.execute("create table if not exists kept (v text); insert into kept values ('avant le crash')");
        }
        Files.writeString(Path.of(args[1]), "ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
