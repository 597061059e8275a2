package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real headless Chromium, the direction adds an outcome of its own to the centre's list; then a receptionist
 * closes her case file choosing it from the list, and the file shows its label.
 */
class CaseOutcomeBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter importer;
    @Autowired JdbcClient jdbc;

    @Test
    void closeACaseWithAnOutcomeOfTheCentresList() {
        Centre centre = fixtures.centre("issue-nav");
        String direction = fixtures.user(centre, Role.DIRECTION);
        String accueil = fixtures.user(centre, Role.ACCUEIL);
        importer.importCsv(centre.id(), Fixtures.csv("household_ref;person_ref;last_name;first_name\nH1;P1;Benali;Nora\n"));
        long person = jdbc.sql("select id from persons where centre_id = ? and ref = 'P1'").param(centre.id()).query(Long.class).single();

        WebDriverWait wait = logIn(direction, centre);
        browser.get(url("/c/" + centre.code() + "/accueil/issues"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("label"))).sendKeys("Retour aux études");
        browser.findElement(By.xpath("//button[text()='Ajouter']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash.ok")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Issue « Retour aux études » ajoutée.");
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("retour_aux_etudes").contains("droits_ouverts");
        assertThat(browser.findElements(By.cssSelector("table input[name=label]"))).extracting(i -> i.getDomProperty("value"))
                .contains("Orientation vers un partenaire", "Retour aux études");
        screenshot("issues-liste");

        wait = logIn(accueil, centre);
        browser.get(url("/c/" + centre.code() + "/dossiers/nouveau?personne=" + person));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("subject"))).sendKeys("Reprise d'études");
        browser.findElement(By.id("subject")).submit();
        Select outcome = new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("close-outcome"))));
        assertThat(outcome.getOptions()).extracting(o -> o.getText()).contains("— choisir —", "Emploi", "Retour aux études");
        outcome.selectByVisibleText("Retour aux études");
        screenshot("dossier-cloture-choix");
        browser.findElement(By.xpath("//button[text()='Clore le dossier']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Dossier clos."));
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("Retour aux études");
        assertThat(browser.findElements(By.id("close-outcome"))).isEmpty();
        screenshot("dossier-clos");

        // the dashboard counts it and lists it behind its figure
        browser.get(url("/c/" + centre.code() + "/tableau-de-bord"));
        String figures = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dossiers"))).getText();
        assertThat(figures).contains("Clos — Retour aux études");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('dossiers').scrollIntoView()");
        screenshot("tableau-de-bord-dossiers");
        browser.findElement(By.xpath("//section[@id='dossiers']//td[contains(., 'Retour aux études')]/following-sibling::td[1]/a"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("count")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Nora Benali — Reprise d'études")
                .contains("issue : Retour aux études");
        screenshot("dossiers-clos-par-issue");
    }
}
