package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.people.MembershipService;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real headless Chromium, a receptionist takes a household's membership, sees the button go, then cancels the
 * membership with a reason: it stays on the page, struck through with its reason, and the button comes back.
 */
class MembershipBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter importer;
    @Autowired MembershipService memberships;
    @Autowired JdbcClient jdbc;

    @Test
    void cancelAMembershipWithAReason() throws Exception {
        Centre centre = fixtures.centre("annul");
        String username = fixtures.user(centre, Role.ACCUEIL);
        importer.importCsv(centre.id(), Fixtures.csv("""
                household_ref;person_ref;last_name;first_name;role;address;commune
                H1;P1;André;Claire;responsable;5 rue du Port;Istres
                """));
        long household = jdbc.sql("select id from households where centre_id = ? and ref = 'H1'").param(centre.id())
                .query(Long.class).single();
        String season = memberships.seasonOf(centre.id(), LocalDate.now()).label();
        WebDriverWait wait = logIn(username, centre);

        browser.get("http://localhost:" + port + "/c/" + centre.code() + "/foyers/" + household);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("m-amount"))).sendKeys("15");
        browser.findElement(By.id("add-membership")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("season-membership")));
        assertThat(browser.findElement(By.id("season-membership")).getText())
                .contains("Adhésion familiale " + season + " déjà prise");
        assertThat(browser.findElements(By.id("add-membership"))).isEmpty();

        WebElement row = browser.findElement(By.cssSelector("#adhesions table.memberships tbody tr"));
        assertThat(row.getText()).contains("réf. H1 · 5 rue du Port Istres");
        row.findElement(By.tagName("summary")).click();
        WebElement reason = wait.until(ExpectedConditions.elementToBeClickable(row.findElement(By.name("reason"))));
        reason.sendKeys("Erreur de foyer");
        screenshot("adhesion-annuler");
        row.findElement(By.xpath(".//button[text()=\"Annuler l'adhésion\"]")).click();

        WebElement cancelled = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#adhesions table.memberships tr.cancelled")));
        assertThat(cancelled.getText()).contains("annulée").contains("Erreur de foyer");
        // struck through, as the eye sees it
        assertThat(cancelled.findElement(By.cssSelector("td.struck")).getCssValue("text-decoration-line")).isEqualTo("line-through");
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("annulée (Erreur de foyer)");
        assertThat(browser.findElement(By.id("add-membership")).isDisplayed()).isTrue();
        screenshot("adhesion-annulee");
    }
}
