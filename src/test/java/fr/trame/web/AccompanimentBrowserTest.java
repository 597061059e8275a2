package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureImporter;
import fr.trame.federation.StructureService;
import fr.trame.federation.TerritoryService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cellule de veille as the network uses it, in real headless Chromium: a délégué opens one from the structure's
 * page, writes a step and shares it with a colleague, who then reads it; a reader it is not shared with finds nothing.
 */
class AccompanimentBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired StructureImporter importer;
    @Autowired StructureService structures;
    @Autowired TerritoryService territories;
    @Autowired JdbcClient jdbc;

    @Test
    void aDelegueOpensACelluleDeVeilleSharesItAndOnlyTheColleagueReadsIt() {
        Federation federation = fixtures.federation("veille");
        LocalDate today = LocalDate.now();
        importer.importCsv(federation.id(), Fixtures.csv("""
                structure_ref;name;kind;departement;territory;commune
                S1;Centre social des 3 cités;cs;62;Lens-Liévin;Mazingarbe
                """), today);
        long structure = structures.list(federation.id(), StructureFilter.ALL, today).get(0).id();
        long at = territories.list(federation.id(), today).get(0).id();
        String delegue = fixtures.user(federation, FederationRole.DELEGUE);
        territories.assign(federation.id(), at, fixtures.userId(delegue), today.minusYears(1));
        String colleague = fixtures.user(federation, FederationRole.READER);
        String reader = fixtures.user(federation, FederationRole.READER);
        long colleagueId = fixtures.userId(colleague);

        WebDriverWait wait = logIn(delegue, federation);
        browser.get(url("/f/" + federation.code() + "/structures/" + structure));
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Ouvrir un accompagnement"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("kind")));
        new Select(browser.findElement(By.id("kind"))).selectByValue("difficulte_financiere");
        browser.findElement(By.id("title")).sendKeys("Cellule de veille : difficultés de trésorerie");
        browser.findElement(By.id("veille")).click();
        browser.findElement(By.id("enregistrer")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confidentiel")));
        String page = browser.getCurrentUrl();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cellule de veille : difficultés de trésorerie");

        browser.findElement(By.id("date")).sendKeys(today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        browser.findElement(By.id("note")).sendKeys("Réunion avec la CAF et la Ville sur le plan de trésorerie");
        browser.findElement(By.id("nextStep")).sendKeys("Point avec le bureau en fin de mois");
        browser.findElement(By.id("ajouter-etape")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Étape ajoutée"));
        assertThat(browser.findElement(By.id("etapes")).getText()).contains("plan de trésorerie", "Point avec le bureau");

        new Select(browser.findElement(By.id("user"))).selectByValue(String.valueOf(colleagueId));
        browser.findElement(By.id("partager")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Accompagnement partagé avec"));
        assertThat(browser.findElement(By.id("partages")).getText()).contains("Test Lecture");
        screenshot("accompagnement-veille");
        // their list shows the ATs they follow, with it
        browser.get(url("/f/" + federation.code() + "/accompagnements"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("accompagnements")));
        assertThat(browser.findElement(By.id("accompagnements")).getText()).contains("trésorerie", "cellule de veille");
        assertThat(new Select(browser.findElement(By.id("territoire"))).getFirstSelectedOption().getText()).isEqualTo("mes territoires");
        screenshot("accompagnements-delegue");

        logIn(colleague, federation);
        browser.get(page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confidentiel")));
        assertThat(browser.findElement(By.id("etapes")).getText()).contains("plan de trésorerie");
        assertThat(browser.findElements(By.id("etape"))).isEmpty(); // a reader reads, and writes no step
        screenshot("accompagnement-partage");
        assertThat(jdbc.sql("select count(*) from network_audit where federation_id = ? and user_id = ? and action = 'lecture'")
                .params(federation.id(), colleagueId).query(Long.class).single()).isEqualTo(1);

        logIn(reader, federation);
        browser.get(url("/f/" + federation.code() + "/accompagnements?territoire=tous"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nombre")));
        assertThat(browser.findElement(By.id("nombre")).getText()).isEqualTo("0");
        assertThat(browser.getPageSource()).doesNotContain("trésorerie");
        browser.get(page);
        assertThat(browser.getPageSource()).doesNotContain("trésorerie").doesNotContain("Réunion avec la CAF");
        screenshot("accompagnement-introuvable");
        browser.get(url("/f/" + federation.code() + "/accompagnements/chiffres"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("structures-reseau")));
        assertThat(browser.findElement(By.id("structures-reseau")).getText()).isEqualTo("0");
    }
}
