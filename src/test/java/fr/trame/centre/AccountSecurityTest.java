package fr.trame.centre;

import fr.trame.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts as an attacker tries them, over real HTTP against the running server and its embedded database: the
 * admin of one centre against another centre's accounts and the platform admin, repeated wrong passwords, HTTP Basic
 * on pages, and the headers behind an HTTPS proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"trame.embedded.ephemeral=true", "trame.demo=false", "trame.data-dir=target/test-data/account-security"})
@ExtendWith(OutputCaptureExtension.class)
class AccountSecurityTest {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    @Test
    void theFirstAdminsPasswordIsInAFileOnlyItsOwnerReadsAndMustBeChanged() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of("target/test-data/account-security", AdminBootstrap.PASSWORD_FILE);
        assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        Matcher m = Pattern.compile("identifiant : (\\S+)\nmot de passe : (\\S+)\n").matcher(java.nio.file.Files.readString(file));
        assertThat(m.find()).isTrue();
        assertThat(users.findByUsername(m.group(1)).orElseThrow().platformAdmin()).isTrue();
        assertThat(new Browser().logIn(m.group(1), m.group(2))).endsWith("/compte/mot-de-passe");
    }

    @Test
    void aCentreAdminCannotTakeOverAnotherCentresAccountNorThePlatformAdmin() throws Exception {
        Centre a = fixtures.centre("victime");
        Centre b = fixtures.centre("attaquant");
        String alice = fixtures.user(a, Role.DIRECTION);
        String bob = fixtures.user(b, Role.ADMIN);
        long aliceId = users.findByUsername(alice).orElseThrow().id();
        long platformAdmin = jdbc.sql("select min(id) from users where platform_admin").query(Long.class).single();
        Browser attacker = new Browser();
        assertThat(attacker.logIn(bob, Fixtures.PASSWORD)).endsWith("/c/" + b.code());

        // the username of a user of A, in another case, and the platform admin's: refused, no role given
        for (String taken : new String[] {alice.toUpperCase(), "ADMIN", "admin"}) {
            HttpResponse<String> page = attacker.postFollow("/c/" + b.code() + "/admin/utilisateurs",
                    Map.of("username", taken, "displayName", "Pirate", "role", "admin"));
            assertThat(page.body()).contains("est déjà utilisé par un compte d&#39;un autre centre");
        }
        assertThat(users.rolesOf(aliceId)).doesNotContainKey(b.id());
        assertThat(jdbc.sql("select count(*) from user_roles where user_id = ?").param(platformAdmin).query(Long.class).single())
                .isZero();

        // A's account and the platform admin's, by id: not found in B
        for (long target : new long[] {aliceId, platformAdmin}) {
            for (String action : new String[] {"mot-de-passe", "actif", "role"}) {
                HttpResponse<String> r = attacker.post("/c/" + b.code() + "/admin/utilisateurs/" + target + "/" + action,
                        Map.of("enabled", "false", "role", "admin"));
                assertThat(r.statusCode()).as(action).isEqualTo(404);
            }
        }
        assertThat(users.findByUsername("admin").orElseThrow().enabled()).isTrue();
        assertThat(attacker.logIn(alice, Fixtures.PASSWORD)).as("alice's password unchanged").endsWith("/c/" + a.code());

        // an account that also works in A, given a role in B by the platform: B's admin may not reset its password
        users.setRole(aliceId, b.id(), Role.ACCUEIL);
        attacker = new Browser();
        attacker.logIn(bob, Fixtures.PASSWORD);
        HttpResponse<String> reset = attacker.post("/c/" + b.code() + "/admin/utilisateurs/" + aliceId + "/mot-de-passe", Map.of());
        assertThat(reset.statusCode()).isEqualTo(403);
        assertThat(reset.body()).contains("un centre que vous n&#39;administrez pas");
        assertThat(users.findByUsername(alice).orElseThrow().mustChangePassword()).isFalse();
    }

    @Test
    void userManagementIsAuditedAndAGeneratedPasswordMustBeChangedAtFirstLogin() throws Exception {
        Centre b = fixtures.centre("gestion");
        String admin = fixtures.user(b, Role.ADMIN);
        Browser adminBrowser = new Browser();
        adminBrowser.logIn(admin, Fixtures.PASSWORD);
        String carol = "carol-" + System.nanoTime() % 100000;
        HttpResponse<String> created = adminBrowser.postFollow("/c/" + b.code() + "/admin/utilisateurs",
                Map.of("username", carol, "displayName", "Carol", "role", "animateur"));
        Matcher shown = Pattern.compile("<code>([A-Za-z0-9]{16})</code>").matcher(created.body());
        assertThat(shown.find()).isTrue();
        String generated = shown.group(1);
        long carolId = users.findByUsername(carol).orElseThrow().id();
        adminBrowser.post("/c/" + b.code() + "/admin/utilisateurs/" + carolId + "/role", Map.of("role", "accueil"));
        adminBrowser.post("/c/" + b.code() + "/admin/utilisateurs/" + carolId + "/actif", Map.of("enabled", "false"));
        adminBrowser.post("/c/" + b.code() + "/admin/utilisateurs/" + carolId + "/actif", Map.of("enabled", "true"));
        adminBrowser.postFollow("/c/" + b.code() + "/admin/utilisateurs/" + carolId + "/mot-de-passe", Map.of());
        assertThat(jdbc.sql("select action from audit_log where centre_id = ? and entity = 'utilisateur' and entity_id = ? order by id")
                .params(b.id(), carolId).query(String.class).list())
                .containsExactly("création d'utilisateur", "rôle d'utilisateur", "désactivation d'utilisateur",
                        "réactivation d'utilisateur", "nouveau mot de passe");
        // the reset replaced the first password; set a known one the way the reset does
        String password = users.resetPassword(carolId);
        assertThat(new Browser().logIn(carol, generated)).contains("/connexion?erreur");

        Browser carolBrowser = new Browser();
        assertThat(carolBrowser.logIn(carol, password)).endsWith("/compte/mot-de-passe");
        HttpResponse<String> elsewhere = carolBrowser.get("/c/" + b.code() + "/foyers");
        assertThat(elsewhere.statusCode()).isEqualTo(302);
        assertThat(elsewhere.headers().firstValue("Location").orElseThrow()).endsWith("/compte/mot-de-passe");
        HttpResponse<String> wrong = carolBrowser.post("/compte/mot-de-passe",
                Map.of("current", "pas-le-bon-mot", "chosen", "un-nouveau-secret", "confirmation", "un-nouveau-secret"));
        assertThat(wrong.body()).contains("Le mot de passe actuel n&#39;est pas le bon.");
        HttpResponse<String> mismatch = carolBrowser.post("/compte/mot-de-passe",
                Map.of("current", password, "chosen", "un-nouveau-secret", "confirmation", "un-autre-secret"));
        assertThat(mismatch.body()).contains("ne sont pas identiques");
        HttpResponse<String> changed = carolBrowser.post("/compte/mot-de-passe",
                Map.of("current", password, "chosen", "un-nouveau-secret", "confirmation", "un-nouveau-secret"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(carolBrowser.get("/c/" + b.code() + "/foyers").statusCode()).isEqualTo(200);
        assertThat(new Browser().logIn(carol, "un-nouveau-secret")).endsWith("/c/" + b.code());
    }

    @Test
    void wrongPasswordsLockTheAccountWithAFrenchMessageAndAreLogged(CapturedOutput output) throws Exception {
        Centre c = fixtures.centre("essais");
        String victim = fixtures.user(c, Role.DIRECTION);
        for (int i = 0; i < LoginThrottle.ACCOUNT_FREE_FAILURES; i++) {
            assertThat(new Browser().logIn(victim, "mauvais-" + i)).contains("/connexion?erreur");
        }
        // locked: even the right password is not tried, and the page says why in French
        String locked = new Browser().logIn(victim, Fixtures.PASSWORD);
        assertThat(locked).contains("/connexion?bloque=1");
        Browser b = new Browser();
        assertThat(b.get(locked.substring(locked.indexOf("/connexion"))).body())
                .contains("Trop d&#39;essais de mot de passe : ce compte, ou ce poste, est bloqué pendant encore 1 minute(s).");
        // HTTP Basic is locked out the same way
        assertThat(basic("/api/v1/centres/" + c.code() + "/indicators?from=2026-01-01&to=2026-12-31", victim, Fixtures.PASSWORD)
                .statusCode()).isEqualTo(401);
        assertThat(output.getOut()).contains("Connexion refusée : identifiant « " + victim + " »")
                .contains("Connexion refusée sans vérification (blocage en cours)");

        // once the lock is over (made to end now), the right password works and the count starts again
        jdbc.sql("update login_throttle set locked_until = now() - interval '1 second' where key = ?")
                .param("user:" + victim.toLowerCase()).update();
        assertThat(new Browser().logIn(victim, Fixtures.PASSWORD)).endsWith("/c/" + c.code());
        assertThat(jdbc.sql("select count(*) from login_throttle where key = ?").param("user:" + victim.toLowerCase())
                .query(Long.class).single()).isZero();
    }

    @Test
    void parallelWrongPasswordsGetNoMoreTriesThanOneAfterTheOther() throws Exception {
        Centre c = fixtures.centre("rafale");
        String victim = fixtures.user(c, Role.ACCUEIL);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            List<java.util.concurrent.Future<String>> tries = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                tries.add(pool.submit(() -> new Browser().logIn(victim, "rafale-" + n)));
            }
            long checked = 0;
            long locked = 0;
            for (var t : tries) {
                String where = t.get();
                checked += where.contains("?erreur") ? 1 : 0;
                locked += where.contains("?bloque=") ? 1 : 0;
            }
            assertThat(checked).as("passwords actually tried").isEqualTo(LoginThrottle.ACCOUNT_FREE_FAILURES);
            assertThat(locked).isEqualTo(20 - LoginThrottle.ACCOUNT_FREE_FAILURES);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void disablingAnAccountOrResettingItsPasswordClosesItsOpenSessions() throws Exception {
        Centre c = fixtures.centre("sessions");
        String admin = fixtures.user(c, Role.ADMIN);
        String staff = fixtures.user(c, Role.ACCUEIL);
        long staffId = users.findByUsername(staff).orElseThrow().id();
        Browser adminBrowser = new Browser();
        adminBrowser.logIn(admin, Fixtures.PASSWORD);
        Browser staffBrowser = new Browser();
        staffBrowser.logIn(staff, Fixtures.PASSWORD);
        assertThat(staffBrowser.get("/c/" + c.code() + "/foyers").statusCode()).isEqualTo(200);

        adminBrowser.post("/c/" + c.code() + "/admin/utilisateurs/" + staffId + "/actif", Map.of("enabled", "false"));
        HttpResponse<String> after = staffBrowser.get("/c/" + c.code() + "/foyers");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/connexion?expiree");
        assertThat(new Browser().logIn(staff, Fixtures.PASSWORD)).contains("/connexion?erreur");

        adminBrowser.post("/c/" + c.code() + "/admin/utilisateurs/" + staffId + "/actif", Map.of("enabled", "true"));
        staffBrowser = new Browser();
        staffBrowser.logIn(staff, Fixtures.PASSWORD);
        adminBrowser.post("/c/" + c.code() + "/admin/utilisateurs/" + staffId + "/mot-de-passe", Map.of());
        assertThat(staffBrowser.get("/c/" + c.code() + "/foyers").headers().firstValue("Location").orElseThrow())
                .endsWith("/connexion?expiree");
    }

    /** A page the role may not open is refused in French inside the centre's menu; another centre's is a bare 404. */
    @Test
    void aRefusedPageKeepsTheCentresMenuButAnotherCentresShowsNothingOfIt() throws Exception {
        Centre c = fixtures.centre("refus");
        Centre other = fixtures.centre("refus-autre");
        Browser federation = new Browser();
        federation.logIn(fixtures.user(c, Role.FEDERATION), Fixtures.PASSWORD);
        HttpResponse<String> refused = federation.get("/c/" + c.code() + "/foyers");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Accès refusé").contains("données personnelles")
                .contains("id=\"menu\"").contains(c.name())
                .doesNotContain("flash ok").doesNotContain("Forbidden"); // the error's attributes are not flash messages
        HttpResponse<String> foreign = federation.get("/c/" + other.code() + "/foyers");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("id=\"menu\"").doesNotContain(other.name());
    }

    @Test
    void anAccountWithNoRoleIsNobodysToTakeAndATooLongPasswordIsToldInFrench() throws Exception {
        Centre c = fixtures.centre("orphelin");
        String admin = fixtures.user(c, Role.ADMIN);
        String orphan = "orphelin-" + System.nanoTime() % 100000;
        users.create(orphan, "Ancien salarié", Fixtures.PASSWORD, false);
        Browser b = new Browser();
        b.logIn(admin, Fixtures.PASSWORD);
        HttpResponse<String> page = b.postFollow("/c/" + c.code() + "/admin/utilisateurs",
                Map.of("username", orphan, "displayName", "", "role", "accueil"));
        assertThat(page.body()).contains("est déjà utilisé par un compte");
        assertThat(users.rolesOf(users.findByUsername(orphan).orElseThrow().id())).isEmpty();

        HttpResponse<String> tooLong = b.post("/compte/mot-de-passe", Map.of("current", Fixtures.PASSWORD,
                "chosen", "é".repeat(40), "confirmation", "é".repeat(40)));
        assertThat(tooLong.statusCode()).isEqualTo(200);
        assertThat(tooLong.body()).contains("Le mot de passe est trop long : au plus 72 octets");
    }

    @Test
    void aNulOrAHugeUsernameAtLoginIsAWrongLoginNotA500() throws Exception {
        for (String typed : new String[] {"admin\u0000", "x".repeat(1_000_000), "<script>", "' or 1=1 --"}) {
            assertThat(new Browser().logIn(typed, "peu-importe-ici")).as(typed.substring(0, Math.min(12, typed.length())))
                    .contains("/connexion?erreur");
        }
    }

    @Test
    void httpBasicOpensTheApiOnlyNeverAPage() throws Exception {
        Centre c = fixtures.centre("basic");
        String direction = fixtures.user(c, Role.DIRECTION);
        assertThat(basic("/api/v1/centres/" + c.code() + "/indicators?from=2026-01-01&to=2026-12-31", direction,
                Fixtures.PASSWORD).statusCode()).isEqualTo(200);
        HttpResponse<String> page = basic("/c/" + c.code() + "/foyers", direction, Fixtures.PASSWORD);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/connexion");
    }

    @Test
    void behindAnHttpsProxyTheCookieIsSecureAndHstsIsSent() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> proxied = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connexion"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        assertThat(proxied.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("SESSION=").contains("Secure").contains("HttpOnly"));
        HttpResponse<String> plain = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connexion")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).noneSatisfy(cookie -> assertThat(cookie).contains("Secure"));
    }

    private HttpResponse<String> basic(String path, String username, String password) throws IOException, InterruptedException {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A person's browser: its own cookies, the CSRF token of the last page, redirects followed on demand. */
    final class Browser {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String csrf;

        /** Logs in; returns where the login sent the browser (the page after, or the login page with the reason). */
        String logIn(String username, String password) throws IOException, InterruptedException {
            get("/connexion");
            HttpResponse<String> r = post("/connexion", Map.of("username", username, "password", password));
            String location = r.headers().firstValue("Location").orElse("");
            // follow "/" to the user's centre or to the page they must see first
            while (location.endsWith(":" + port + "/") || location.equals("/")) {
                location = get("/").headers().firstValue("Location").orElse(location);
            }
            get(location); // the page's CSRF token: logging in changed it
            return location;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            if (csrf == null) {
                get("/connexion");
            }
            Map<String, String> fields = new LinkedHashMap<>(form);
            fields.put("_csrf", csrf);
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        /** Posts, then opens the page the post redirects to. */
        HttpResponse<String> postFollow(String path, Map<String, String> form) throws IOException, InterruptedException {
            HttpResponse<String> r = post(path, form);
            return r.headers().firstValue("Location").isPresent() ? get(r.headers().firstValue("Location").get()) : r;
        }

        private URI uri(String path) {
            return URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path);
        }
    }
}
