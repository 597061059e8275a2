package fr.trame.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One PostgreSQL for everything: the embedded one by default, an external one when {@code trame.db.url} is set. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${trame.db.url:}") String url,
                                      @Value("${trame.data-dir:./trame-data}") String dataDir,
                                      @Value("${trame.embedded.ephemeral:false}") boolean ephemeral) throws IOException {
        if (!url.isBlank()) {
            return new EmbeddedDatabase(null);
        }
        Path dir = ephemeral ? Files.createTempDirectory("trame-test-pg") : Path.of(dataDir);
        return new EmbeddedDatabase(EmbeddedPostgresServer.start(dir, ephemeral));
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedDatabase embedded,
                          @Value("${trame.db.url:}") String url,
                          @Value("${trame.db.user:}") String user,
                          @Value("${trame.db.password:}") String password) {
        HikariDataSource ds = new HikariDataSource();
        if (embedded.server() != null) {
            ds.setJdbcUrl(embedded.server().jdbcUrl());
            ds.setUsername(embedded.server().user());
        } else {
            ds.setJdbcUrl(url);
            ds.setUsername(user);
            ds.setPassword(password);
        }
        ds.setMaximumPoolSize(10);
        ds.setPoolName("trame");
        return ds;
    }

    /** Holder so the embedded server closes after the pool. */
    public record EmbeddedDatabase(EmbeddedPostgresServer server) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (server != null) {
                server.close();
            }
        }
    }
}
