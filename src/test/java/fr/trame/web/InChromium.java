package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.centre.Centre;
import fr.trame.federation.Federation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What every browser test shares: the application on a real port, one headless Chromium per test class, logging in
 * as a fixture user, and screenshots in {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"trame.embedded.ephemeral=true", "trame.demo=false", "trame.data-dir=target/test-data"})
abstract class InChromium {

    static WebDriver browser;

    @LocalServerPort int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * A wait that retries while htmx swaps the element it reads: Chromium then answers "node does not belong to the
     * document", a plain WebDriverException that a default wait would not retry. A real failure still times out.
     */
    WebDriverWait patientWait() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /** A fresh session: logs in with the fixtures' password and waits for the centre's pages. */
    WebDriverWait logIn(String username, Centre centre) {
        browser.manage().deleteAllCookies();
        WebDriverWait wait = patientWait();
        browser.get(url("/connexion"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/c/" + centre.code()));
        return wait;
    }

    /** A fresh session of a federation's user: logs in and waits for the federation's pages. */
    WebDriverWait logIn(String username, Federation federation) {
        browser.manage().deleteAllCookies();
        WebDriverWait wait = patientWait();
        browser.get(url("/connexion"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/f/" + federation.code()));
        return wait;
    }

    static void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
