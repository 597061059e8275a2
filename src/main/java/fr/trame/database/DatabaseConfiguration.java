package fr.trame.database;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One PostgreSQL for everything: the embedded one by default, an external one when {@code trame.db.url} is set.
 * {@code trame.db.as-is} (backup, restore) leaves the database as it is at start: no migration.
 * {@code trame.embedded.attach} (backup) uses the PostgreSQL of a server running on the data directory, if any.
 * {@code trame.embedded.ephemeral} (tests, bench) gives a throw-away database: a fresh embedded cluster, or, with
 * {@code trame.ephemeral.admin-url} (+ admin-user, admin-password), a fresh database on that running PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${trame.db.url:}") String url,
                                      @Value("${trame.data-dir:" + EmbeddedPostgresServer.DEFAULT_DATA_DIR + "}") String dataDir,
                                      @Value("${trame.embedded.ephemeral:false}") boolean ephemeral,
                                      @Value("${trame.embedded.attach:false}") boolean attach,
                                      @Value("${trame.ephemeral.admin-url:}") String adminUrl,
                                      @Value("${trame.ephemeral.admin-user:}") String adminUser,
                                      @Value("${trame.ephemeral.admin-password:}") String adminPassword) throws IOException {
        if (!url.isBlank()) {
            return new EmbeddedDatabase(null, null);
        }
        if (ephemeral && !adminUrl.isBlank()) {
            FreshDatabase fresh = FreshDatabase.create(new DatabaseLogin(adminUrl, adminUser, adminPassword));
            return new EmbeddedDatabase(null, fresh.login(), fresh);
        }
        Path dir = ephemeral ? Files.createTempDirectory("trame-test-pg") : Path.of(dataDir);
        if (attach) {
            var running = EmbeddedPostgresServer.runningOn(dir);
            if (running.isPresent()) {
                return new EmbeddedDatabase(null, running.get());
            }
            if (!Files.exists(dir.resolve("PG_VERSION"))) {
                throw new EmbeddedDatabaseException("Aucune base de données dans " + dir.toAbsolutePath().normalize()
                        + " : indiquez avec --data-dir le répertoire de données de Trame.", 2);
            }
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, ephemeral);
        return new EmbeddedDatabase(server, server.login());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedDatabase embedded,
                          @Value("${trame.db.url:}") String url,
                          @Value("${trame.db.user:}") String user,
                          @Value("${trame.db.password:}") String password) {
        DatabaseLogin login = embedded.login() != null ? embedded.login() : new DatabaseLogin(url, user, password);
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(login.jdbcUrl());
        ds.setUsername(login.user());
        ds.setPassword(login.password());
        ds.setMaximumPoolSize(10);
        ds.setPoolName("trame");
        return ds;
    }

    @Bean
    DatabaseBackup databaseBackup(Flyway flyway) {
        return new DatabaseBackup(flyway);
    }

    @Bean
    @ConditionalOnBooleanProperty("trame.db.as-is")
    FlywayMigrationStrategy noMigrationAtStart() {
        return flyway -> { };
    }

    /**
     * Holder so the embedded server (or the fresh database) closes after the pool; {@code login} is null for an
     * external database, {@code server} null for a fresh database on a running PostgreSQL ({@code fresh}).
     */
    public record EmbeddedDatabase(EmbeddedPostgresServer server, DatabaseLogin login, FreshDatabase fresh)
            implements AutoCloseable {

        EmbeddedDatabase(EmbeddedPostgresServer server, DatabaseLogin login) {
            this(server, login, null);
        }

        @Override
        public void close() throws IOException {
            if (server != null) {
                server.close();
            }
            if (fresh != null) {
                fresh.close();
            }
        }
    }
}
