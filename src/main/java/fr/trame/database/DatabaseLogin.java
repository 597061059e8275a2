package fr.trame.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where a PostgreSQL database is and how to log in to it. */
record DatabaseLogin(String jdbcUrl, String user, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    @Override
    public String toString() {
        return jdbcUrl + " (" + user + ")";
    }
}
