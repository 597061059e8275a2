package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.federation.StructureEditService;
import fr.trame.federation.StructureImporter;
import fr.trame.federation.StructureService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A structure's page as the federation's direction works on it in real headless Chromium: a passage associatif typed
 * with an impossible date comes back with the date named and kept, then is recorded; a new director ends the former
 * one the day before. A reader sees the same page with no form at all.
 */
class FederationRegistryBrowserTest extends InChromium {

    static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired Fixtures fixtures;
    @Autowired StructureImporter importer;
    @Autowired StructureService structures;
    @Autowired StructureEditService edits;
    @Autowired JdbcClient jdbc;

    @Test
    void theDirectionRecordsAPassageAssociatifAndANewDirectorAndAReaderOnlyReads() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        Federation federation = fixtures.federation("navig");
        importer.importCsv(federation.id(), Fixtures.csv("""
                structure_ref;name;kind;status;departement;territory;commune;managing_association
                CS1;Centre social Vachala;cs;municipal;62;Lens-Liévin;Lens;Association Vachala
                CS2;Centre social Jean Jaurès;cs;associatif;62;Lens-Liévin;Liévin;Association Vachala
                """), today);
        long id = jdbc.sql("select id from structures where federation_id = ? and ref = 'CS1'").param(federation.id())
                .query(Long.class).single();
        edits.addContact(federation.id(), id, "direction", "Anne Marez", "anne.marez@example.org", null, LocalDate.of(2018, 9, 1));
        String direction = fixtures.user(federation, FederationRole.ADMIN);
        String reader = fixtures.user(federation, FederationRole.READER);

        WebDriverWait wait = logIn(direction, federation);
        browser.get(url("/f/" + federation.code() + "/structures/" + id));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-statut")));
        assertThat(browser.findElement(By.id("meme-association")).getText()).contains("Centre social Jean Jaurès");

        // the record: its EPCI and CAF antenna
        browser.findElement(By.cssSelector("#modifier-fiche summary")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-epci"))).sendKeys("CA de Lens-Liévin");
        browser.findElement(By.id("f-caf")).sendKeys("Lens");
        screenshot("federation-structure-fiche");
        browser.findElement(By.id("save-fiche")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Fiche enregistrée."));
        assertThat(browser.findElement(By.id("fiche")).getText()).contains("CA de Lens-Liévin");

        // a passage associatif, first with a day that does not exist
        new Select(browser.findElement(By.id("s-status"))).selectByVisibleText("Associatif");
        browser.findElement(By.id("s-since")).sendKeys("30/02/2026");
        browser.findElement(By.id("save-statut")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("since-erreur")));
        assertThat(error.getText()).isEqualTo("« 30/02/2026 » n'est pas une date (la date du changement de statut) : écrivez JJ/MM/AAAA.");
        assertThat(browser.findElement(By.id("s-since")).getAttribute("value")).isEqualTo("30/02/2026");
        assertThat(browser.findElement(By.id("s-since")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(new Select(browser.findElement(By.id("s-status"))).getFirstSelectedOption().getText()).isEqualTo("Associatif");
        assertThat(structures.statuses(federation.id(), id)).hasSize(1);

        LocalDate passage = today.minusMonths(2).withDayOfMonth(1);
        WebElement since = browser.findElement(By.id("s-since"));
        since.clear();
        since.sendKeys(passage.format(FR));
        browser.findElement(By.id("save-statut")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"),
                "Statut « Associatif » enregistré à partir du " + passage.format(FR)));
        assertThat(browser.findElement(By.id("statuts")).getText())
                .contains("à l'entrée au registre : Municipal", "depuis le " + passage.format(FR) + " : Associatif");

        // a new director: Anne Marez leaves the day before
        LocalDate start = today.minusDays(14);
        new Select(browser.findElement(By.id("c-function"))).selectByVisibleText("Direction");
        browser.findElement(By.id("c-name")).sendKeys("Karim Backe");
        browser.findElement(By.id("c-email")).sendKeys("k.backe@example.org");
        browser.findElement(By.id("c-since")).sendKeys(start.format(FR));
        browser.findElement(By.id("save-contact")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Karim Backe"));
        String contacts = browser.findElement(By.id("contacts")).getText();
        assertThat(contacts).contains("Karim Backe", "k.backe@example.org", start.format(FR), "en fonctions")
                .contains("Anne Marez", "01/09/2018", start.minusDays(1).format(FR));
        screenshot("federation-structure-direction");

        // the direction's accounts: a new délégué, whose password is shown once
        browser.findElement(By.linkText("Utilisateurs")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nouveau-compte")));
        String username = "delegue-" + System.nanoTime() % 100000;
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("displayName")).sendKeys("Martine Backe");
        new Select(browser.findElement(By.id("role"))).selectByValue("delegue");
        browser.findElement(By.id("create-user")).click();
        WebElement password = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nouveau-mot-de-passe")));
        assertThat(password.getText()).contains(username).contains("Il ne sera plus affiché");
        assertThat(browser.findElement(By.id("compte-" + username)).getText()).contains("Martine Backe");
        screenshot("federation-utilisateurs");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nouveau-compte")));
        assertThat(browser.findElements(By.id("nouveau-mot-de-passe"))).isEmpty();

        // a reader: the same record and history, no form
        logIn(reader, federation);
        browser.get(url("/f/" + federation.code() + "/structures/" + id));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("historique")));
        assertThat(browser.findElements(By.cssSelector("main form"))).isEmpty();
        assertThat(browser.findElements(By.id("modifier-fiche"))).isEmpty();
        assertThat(browser.findElement(By.id("statuts")).getText()).contains("Associatif");
        assertThat(browser.findElement(By.id("contacts")).getText()).contains("Karim Backe", "Anne Marez");
        assertThat(browser.findElement(By.id("menu")).getText()).doesNotContain("Utilisateurs").doesNotContain("Importer");
        screenshot("federation-structure-lecture");
    }
}
