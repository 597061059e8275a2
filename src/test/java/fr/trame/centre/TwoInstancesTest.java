package fr.trame.centre;

import com.zaxxer.hikari.HikariDataSource;
import fr.trame.Fixtures;
import fr.trame.TrameApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Trame servers on one database, as behind a proxy that sends each request to either: one login serves both,
 * the CSRF token of a page from one is good on the other, a flash message set by one is shown by the other, and a
 * logout on one closes the session on both. The first server has the test's own database (a fresh embedded one, or a
 * fresh database on the external server); the second is given its URL, as {@code --db-url} would.
 */
class TwoInstancesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]*)");

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String cookie;
    private String csrf;

    @BeforeAll
    static void start() {
        first = server("trame.embedded.ephemeral=true");
        HikariDataSource db = first.getBean(HikariDataSource.class);
        second = server("trame.db.url=" + db.getJdbcUrl(), "trame.db.user=" + db.getUsername(),
                "trame.db.password=" + db.getPassword());
    }

    private static ConfigurableApplicationContext server(String... database) {
        return new SpringApplicationBuilder(TrameApplication.class)
                .properties("server.port=0", "trame.demo=false", "trame.data-dir=target/test-data/two-instances",
                        "spring.main.banner-mode=off")
                .properties(database)
                .run();
    }

    @AfterAll
    static void stop() {
        // the second first: the first holds the database
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void oneLoginServesBothServersAndALogoutOnOneClosesItOnBoth() throws Exception {
        Fixtures fixtures = first.getBean(Fixtures.class);
        Centre centre = fixtures.centre("deux-serveurs");
        String username = fixtures.user(centre, Role.ACCUEIL);
        String households = "/c/" + centre.code() + "/foyers";

        // log in on the first: the session id changes at login (no fixation), and the session is in the database
        get(first, "/connexion");
        String before = cookie;
        HttpResponse<String> login = post(first, "/connexion", Map.of("username", username, "password", Fixtures.PASSWORD));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("erreur");
        assertThat(cookie).isNotEqualTo(before);
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select max_inactive_interval from web_sessions where principal_name = ?").param(username)
                .query(Integer.class).single()).isEqualTo(8 * 3600);

        // the same cookie on either server, alternately
        for (ConfigurableApplicationContext server : new ConfigurableApplicationContext[] {second, first, second}) {
            HttpResponse<String> page = get(server, households);
            assertThat(page.statusCode()).as("port " + port(server)).isEqualTo(200);
            assertThat(page.body()).contains("Foyers");
        }

        // a form of a page from the first, posted to the second with its CSRF token; its flash shown by the first
        get(first, households + "/nouveau");
        HttpResponse<String> created = post(second, households + "/nouveau", Map.of("commune", "Lens", "qf", ""));
        assertThat(created.statusCode()).isEqualTo(302);
        String household = created.headers().firstValue("Location").orElseThrow();
        assertThat(household).contains(households + "/");
        assertThat(get(first, household).body()).contains("Foyer créé.");
        // without the token, refused by either
        String token = csrf;
        csrf = "faux";
        assertThat(post(first, households + "/nouveau", Map.of("commune", "Lens")).statusCode()).isEqualTo(403);
        assertThat(post(second, households + "/nouveau", Map.of("commune", "Lens")).statusCode()).isEqualTo(403);
        csrf = token;
        assertThat(get(second, households).statusCode()).as("still logged in").isEqualTo(200);

        // log out on the second: the first no longer knows the session
        HttpResponse<String> out = post(second, "/deconnexion", Map.of());
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/connexion?sortie");
        assertThat(jdbc.sql("select count(*) from web_sessions where principal_name = ?").param(username)
                .query(Long.class).single()).isZero();
        HttpResponse<String> after = get(first, households);
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/connexion");
    }

    private HttpResponse<String> get(ConfigurableApplicationContext server, String path) throws IOException, InterruptedException {
        return send(server, HttpRequest.newBuilder(uri(server, path)).GET());
    }

    private HttpResponse<String> post(ConfigurableApplicationContext server, String path, Map<String, String> form)
            throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("_csrf", csrf);
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(server, HttpRequest.newBuilder(uri(server, path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends with the session cookie, as a browser would to the proxy; keeps the new cookie and the page's token. */
    private HttpResponse<String> send(ConfigurableApplicationContext server, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        request.header("Accept", "text/html");
        if (cookie != null) {
            request.header("Cookie", "SESSION=" + cookie);
        }
        HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : r.headers().allValues("Set-Cookie")) {
            Matcher m = SESSION.matcher(set);
            if (m.find()) {
                cookie = m.group(1).isEmpty() ? null : m.group(1);
            }
        }
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    /** The path on the given server (a redirect's absolute address names the server that sent it). */
    private static URI uri(ConfigurableApplicationContext server, String path) {
        URI given = URI.create(path);
        return URI.create("http://localhost:" + port(server) + given.getRawPath()
                + (given.getRawQuery() == null ? "" : "?" + given.getRawQuery()));
    }

    private static int port(ConfigurableApplicationContext server) {
        return ((WebServerApplicationContext) server).getWebServer().getPort();
    }
}
