package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload over the size limit, through the real servlet container (MockMvc does not enforce the limit): the user
 * comes back to the page they sent it from, told the limit. The limit is 1 Ko here, 50 Mo in application.properties.
 * Chromium shows how a browser takes a body far over it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"trame.embedded.ephemeral=true",
        "trame.demo=false", "trame.data-dir=target/test-data", "spring.servlet.multipart.max-file-size=1KB", "spring.servlet.multipart.max-request-size=1KB"})
class UploadLimitTest {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    Centre centre;
    String username;

    /** Logs in with the form, as pages require (HTTP Basic is for the API only); the session cookie is kept. */
    @BeforeEach
    void logIn() throws Exception {
        centre = fixtures.centre("limite");
        username = fixtures.user(centre, Role.DIRECTION);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/connexion").body());
        assertThat(token.find()).isTrue();
        String form = "username=" + username + "&password=" + Fixtures.PASSWORD + "&_csrf=" + token.group(1);
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/connexion"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCsvFileOverTheLimitBringsTheUserBackToTheImportPageWithTheLimit() throws Exception {
        String file = "household_ref;person_ref;last_name;first_name\n" + "H1;P1;Martin;Léa\n".repeat(500); // 8 Ko
        HttpResponse<String> posted = upload("/import", "people", file);
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/c/" + centre.code() + "/import"));

        String page = get(posted.headers().firstValue("Location").orElseThrow()).body();
        assertThat(page).contains("Fichier trop volumineux : un fichier envoyé ne peut pas dépasser 1 Ko.",
                "Importer un fichier", "name=\"file\"");
        assertThat(jdbc.sql("select count(*) from persons where centre_id = ?").param(centre.id()).query(Long.class).single()).isZero();
        // the message is shown once
        assertThat(get("/c/" + centre.code() + "/import").body()).doesNotContain("Fichier trop volumineux");
    }

    @Test
    void inChromiumAFileFarOverTheLimitStillBringsThePageNotAResetConnection(@TempDir Path dir) throws Exception {
        // 10 Mo: past the limit by more than the container reads by default (2 Mo) before it drops the connection
        Path big = dir.resolve("personnes.csv");
        Files.writeString(big, "household_ref;person_ref;last_name;first_name\n" + "H1;P1;Martin;Lea\n".repeat(625_000));
        WebDriver browser = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get("http://localhost:" + port + "/connexion");
            browser.findElement(By.id("username")).sendKeys(username);
            browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD, Keys.ENTER);
            wait.until(ExpectedConditions.urlContains("/c/" + centre.code()));
            browser.get("http://localhost:" + port + "/c/" + centre.code() + "/import");
            browser.findElement(By.id("file")).sendKeys(big.toString());
            browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
            WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash.err")));
            assertThat(error.getText()).isEqualTo("Fichier trop volumineux : un fichier envoyé ne peut pas dépasser 1 Ko."
                    + " Rien n'a été enregistré.");
            assertThat(browser.getCurrentUrl()).endsWith("/c/" + centre.code() + "/import");
        } finally {
            browser.quit();
        }
    }

    @Test
    void theCatalogueUploadComesBackToItsOwnPage() throws Exception {
        HttpResponse<String> posted = upload("/catalogue/import", null, "Les actions des centres sociaux\n" + "x".repeat(5000));
        assertThat(posted.statusCode()).isEqualTo(303);
        String page = get(posted.headers().firstValue("Location").orElseThrow()).body();
        assertThat(page).contains("Importer un catalogue d'actions", "ne peut pas dépasser 1 Ko");
    }

    /** Posts the file as the page's form does, with its CSRF token. */
    private HttpResponse<String> upload(String path, String kind, String content) throws Exception {
        String url = "/c/" + centre.code() + path;
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(url).body());
        assertThat(token.find()).isTrue();
        String boundary = "----trame-test";
        StringBuilder body = new StringBuilder();
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
                .append(token.group(1)).append("\r\n");
        if (kind != null) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n")
                    .append(kind).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.csv\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n").append(content).append("\r\n--").append(boundary).append("--\r\n");
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
                .header("Accept", "text/html").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        URI uri = url.startsWith("http") ? URI.create(url) : URI.create("http://localhost:" + port + url);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }
}
