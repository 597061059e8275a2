package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.federation.TerritoryService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A délégué creates an AT plenary, records several people of two structures in one form and reads the rate
 * (2 structures of the 3 members represented); a reader of the federation sees the same page without any form.
 */
class MeetingBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired TerritoryService territories;
    @Autowired JdbcClient jdbc;

    @Test
    void aDelegueRecordsAPlenaryAndAReaderOnlyReadsIt() {
        Federation federation = fixtures.federation("at");
        long at = territories.create(federation.id(), "Valenciennois", "at");
        long vachala = structure(federation, "CS1", "Centre social Vachala", at);
        long beaujardin = structure(federation, "CS2", "Maison de quartier Beaujardin", at);
        structure(federation, "CS3", "Centre social Dutemple", at);
        String delegue = fixtures.user(federation, FederationRole.DELEGUE);
        territories.assign(federation.id(), at, fixtures.userId(delegue), LocalDate.of(2020, 1, 1));
        String reader = fixtures.user(federation, FederationRole.READER);

        WebDriverWait wait = logIn(delegue, federation);
        browser.get(url("/f/" + federation.code() + "/reunions"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("nouvelle-reunion"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("title"))).sendKeys("AT de printemps");
        browser.findElement(By.id("date")).sendKeys("15/03/2023");
        browser.findElement(By.id("place")).sendKeys("Centre social Vachala, Lens");
        assertThat(new Select(browser.findElement(By.id("territoryId"))).getFirstSelectedOption().getText()).isEqualTo("Valenciennois");
        browser.findElement(By.id("creer")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ajout-presences")));
        line(0, vachala, "Marie Dupont", "salarie", true);
        line(1, vachala, "Jean Petit", "benevole", false);
        line(2, beaujardin, "Paul Martin", "administrateur", false);
        browser.findElement(By.id("ajouter")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "3 participant·e(s) ajouté·e(s)"));
        assertThat(browser.findElement(By.id("participants")).getText()).contains("3");
        assertThat(browser.findElement(By.id("taux")).getText()).contains("66,7").contains("2 structure(s) représentée(s) sur 3");
        assertThat(browser.findElement(By.id("directions")).getText()).contains("33,3").contains("1 sur 3");
        assertThat(browser.findElement(By.id("presents")).getText()).contains("Marie Dupont", "Jean Petit", "Paul Martin");
        screenshot("reunion-delegue");
        String page = browser.getCurrentUrl().replaceAll("#.*", "");

        logIn(reader, federation);
        browser.get(page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("taux")));
        assertThat(browser.findElement(By.id("taux")).getText()).contains("66,7");
        assertThat(browser.findElements(By.id("ajout-presences"))).isEmpty();
        assertThat(browser.findElements(By.id("modifier"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("form[action$='/supprimer']"))).isEmpty();
        screenshot("reunion-lecture");
        browser.get(url("/f/" + federation.code() + "/reunions?annee=2023"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chiffres")));
        assertThat(browser.findElement(By.id("chiffres")).getText()).contains("66,7 %").contains("2 sur 3");
        assertThat(browser.findElements(By.id("nouvelle-reunion"))).isEmpty();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('chiffres').scrollIntoView()");
        screenshot("reunions-annee");
    }

    private void line(int i, long structure, String name, String quality, boolean direction) {
        new Select(browser.findElement(By.id("structure-" + i))).selectByValue(String.valueOf(structure));
        browser.findElement(By.id("nom-" + i)).sendKeys(name);
        new Select(browser.findElement(By.id("qualite-" + i))).selectByValue(quality);
        if (direction) {
            browser.findElement(By.xpath("//label[.//input[@id='direction-" + i + "']]")).click();
        }
    }

    private long structure(Federation federation, String ref, String name, long territory) {
        long id = jdbc.sql("""
                insert into structures (federation_id, ref, name, kind, departement, territory_id)
                values (?, ?, ?, 'cs', '59', ?) returning id""")
                .params(federation.id(), ref, name, territory).query(Long.class).single();
        jdbc.sql("insert into structure_memberships (federation_id, structure_id, state, since) values (?, ?, 'adherent', null)")
                .params(federation.id(), id).update();
        return id;
    }
}
