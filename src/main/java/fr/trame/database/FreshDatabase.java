package fr.trame.database;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A throw-away database of its own on a PostgreSQL that is already running, for {@code trame.embedded.ephemeral}
 * with {@code trame.ephemeral.admin-url}: what a fresh embedded cluster is to the other tests, created here with a
 * random name by a login that may create databases, and dropped on close. The test suite's run against Debian's
 * packaged PostgreSQL (run-tests.sh) gives each Spring context one.
 */
final class FreshDatabase implements AutoCloseable {

    private final DatabaseLogin admin;
    private final String name;
    private final DatabaseLogin login;

    private FreshDatabase(DatabaseLogin admin, String name) {
        this.admin = admin;
        this.name = name;
        this.login = new DatabaseLogin(withDatabase(admin.jdbcUrl(), name), admin.user(), admin.password());
    }

    static FreshDatabase create(DatabaseLogin admin) {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        FreshDatabase db = new FreshDatabase(admin, "trame_test_" + HexFormat.of().formatHex(random));
        // the same encoding and locale as the embedded cluster's (initdb --locale=C.UTF-8)
        db.execute("create database " + db.name + " template template0 encoding 'UTF8' locale 'C.UTF-8'");
        return db;
    }

    DatabaseLogin login() {
        return login;
    }

    @Override
    public void close() {
        execute("drop database if exists " + name + " with (force)");
    }

    private void execute(String sql) {
        try (Connection c = admin.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " sur " + admin + " : " + e.getMessage(), e);
        }
    }

    /** The JDBC URL with another database: {@code jdbc:postgresql://host:port/db?params}. */
    static String withDatabase(String jdbcUrl, String database) {
        int hosts = jdbcUrl.indexOf("//");
        int query = jdbcUrl.indexOf('?');
        int path = jdbcUrl.indexOf('/', hosts + 2);
        if (query >= 0 && path > query) {
            path = -1;
        }
        String head = path < 0 ? (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query)) : jdbcUrl.substring(0, path);
        return head + "/" + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }
}
