package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The appointment form as the desk uses it, in real headless Chromium: a mistyped date comes back with the person,
 * the time and the themes still chosen and the date named; a second booking at the same time is warned, then taken
 * once confirmed.
 */
class ReceptionBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    @Test
    void aBadDateKeepsTheFormAndADoubleBookingIsWarnedThenConfirmed() throws Exception {
        Centre centre = fixtures.centre("agenda");
        String username = fixtures.user(centre, Role.ACCUEIL);
        people.importCsv(centre.id(), Fixtures.csv("household_ref;person_ref;last_name;first_name\nH1;P1;Rivière;Marie\nH2;P2;Rivet;Paul\n"));
        WebDriverWait wait = logIn(username, centre);
        browser.get("http://localhost:" + port + "/c/" + centre.code() + "/rdv");

        wait.until(ExpectedConditions.elementToBeClickable(By.id("q"))).sendKeys("riv", Keys.ENTER);
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//form[@id='booking']//label[contains(., 'Paul Rivet')]"))).click();
        WebElement date = browser.findElement(By.id("date"));
        date.sendKeys("30/02/2026");
        setValue(browser.findElement(By.id("time")), "10:00");
        browser.findElement(By.xpath("//label[.//input[@id='rdv-theme-caf']]")).click();
        browser.findElement(By.xpath("//label[.//input[@id='rdv-theme-logement']]")).click();
        browser.findElement(By.id("book")).click();

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("date-erreur")));
        assertThat(error.getText()).contains("« 30/02/2026 » n'est pas une date");
        assertThat(browser.findElement(By.id("date")).getAttribute("value")).isEqualTo("30/02/2026");
        assertThat(browser.findElement(By.id("date")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("date")).getAttribute("aria-describedby")).isEqualTo("date-erreur");
        assertThat(browser.findElement(By.id("time")).getAttribute("value")).isEqualTo("10:00");
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("riv");
        assertThat(browser.findElement(By.xpath("//form[@id='booking']//label[contains(., 'Paul Rivet')]/input")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("rdv-theme-caf")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("rdv-theme-logement")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("rdv-theme-sante")).isSelected()).isFalse();
        assertThat(browser.getCurrentUrl()).endsWith("#prendre"); // back at the form, not at the top of the week
        screenshot("rdv-date-invalide");

        WebElement fixed = browser.findElement(By.id("date"));
        fixed.clear();
        fixed.sendKeys("03/03/2026");
        browser.findElement(By.id("book")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Rendez-vous pris le 03/03/2026 à 10:00"));
        assertThat(browser.findElement(By.id("jour-2026-03-03")).getText()).contains("10:00").contains("Paul Rivet");

        // the same staff member, the same morning, a quarter of an hour later: warned, nothing taken
        browser.findElement(By.id("q")).sendKeys("rivière", Keys.ENTER);
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//form[@id='booking']//label[contains(., 'Marie Rivière')]"))).click();
        browser.findElement(By.id("date")).sendKeys("03/03/2026");
        setValue(browser.findElement(By.id("time")), "10:15");
        browser.findElement(By.id("book")).click();
        WebElement warning = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overlap")));
        assertThat(warning.getText()).contains("Test Accueil a déjà un rendez-vous le 03/03/2026 à 10:00 (Paul Rivet, 30 min)");
        assertThat(count(centre)).isEqualTo(1);
        screenshot("rdv-double");

        browser.findElement(By.xpath("//label[.//input[@id='confirmOverlap']]")).click();
        browser.findElement(By.id("book")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "en plus du rendez-vous déjà prévu"));
        assertThat(browser.findElement(By.id("jour-2026-03-03")).getText()).contains("Paul Rivet").contains("Marie Rivière");
        assertThat(count(centre)).isEqualTo(2);
    }

    private long count(Centre centre) {
        return jdbc.sql("select count(*) from contacts where centre_id = ? and channel = 'rdv'").param(centre.id()).query(Long.class).single();
    }

    /** A time field's value, as its picker would set it (typing into it depends on the browser's locale). */
    private static void setValue(WebElement input, String value) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
    }
}
