package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.centre.UserService;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.federation.FederationService;
import fr.trame.federation.RenewalService;
import fr.trame.federation.Structure;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureImporter;
import fr.trame.federation.StructureService;
import fr.trame.federation.Territory;
import fr.trame.federation.TerritoryService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A délégué records a COPAR of a renewal of their AT with who attended, then finds it in the calendar as the last
 * milestone; a reader sees the renewal but no form.
 */
class RenewalBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired StructureImporter importer;
    @Autowired StructureService structures;
    @Autowired TerritoryService territories;
    @Autowired RenewalService renewals;
    @Autowired FederationService federations;
    @Autowired UserService users;

    @Test
    void aDelegueRecordsACoparWithAttendeesAndSeesItInTheCalendar() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        Federation federation = fixtures.federation("copar");
        // in force today, ending within 18 months
        LocalDate end = today.plusMonths(9);
        importer.importCsv(federation.id(), Fixtures.csv("""
                structure_ref;name;kind;departement;territory;commune;agrement_start;agrement_end
                CS1;Centre social Kaleido;cs;62;Bassin Minier;Noyelles-sous-Lens;%s;%s
                CS2;Centre social Salengro;cs;59;Lys;Armentières;%s;%s
                """.formatted(end.minusYears(4).plusDays(1), end, end.minusYears(4).plusDays(1), end.plusDays(10))), today);
        Structure kaleido = structures.list(federation.id(), StructureFilter.ALL, today).stream()
                .filter(s -> s.ref().equals("CS1")).findFirst().orElseThrow();
        long bassin = territories.list(federation.id(), today).stream().filter(t -> t.name().equals("Bassin Minier"))
                .map(Territory::id).findFirst().orElseThrow();
        String delegue = fixtures.user(federation, FederationRole.DELEGUE);
        territories.assign(federation.id(), bassin, fixtures.userId(delegue), today.minusYears(1));
        long colleague = users.create("anne-" + System.nanoTime() % 1_000_000, "Anne Marez", Fixtures.PASSWORD, false);
        federations.setRole(federation.id(), colleague, FederationRole.DELEGUE);
        long agrement = structures.agrements(federation.id(), kaleido.id()).get(0).id();
        long renewal = renewals.open(federation.id(), kaleido.id(), agrement, today.minusDays(40), null, List.of());

        WebDriverWait wait = logIn(delegue, federation);
        browser.get(url("/f/" + federation.code() + "/structures/" + kaleido.id()));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("lien-agrements"))).click();
        WebElement block = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("renouvellement-" + renewal)));
        block.findElement(By.tagName("summary")).click();
        String day = today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        new Select(block.findElement(By.name("kind"))).selectByVisibleText("Comité partenarial (COPAR)");
        block.findElement(By.name("date")).sendKeys(day);
        block.findElement(By.xpath(".//label[contains(., 'Anne Marez')]/input")).click();
        block.findElement(By.xpath(".//label[contains(., 'Test Délégué')]/input")).click();
        block.findElement(By.name("note")).sendKeys("COPAR avec la CAF et la Ville");
        block.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Étape enregistrée."));
        WebElement recorded = browser.findElement(By.id("renouvellement-" + renewal));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", recorded);
        screenshot("renouvellement-copar");
        String milestones = recorded.getText();
        assertThat(milestones).contains("Comité partenarial (COPAR)", "Anne Marez, Test Délégué·e territorial·e",
                "COPAR avec la CAF et la Ville");

        browser.findElement(By.linkText("Renouvellements")).click();
        WebElement at = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("at-" + bassin)));
        // the délégué's AT comes first
        assertThat(browser.findElements(By.cssSelector("main section.card")).get(0).getAttribute("id")).isEqualTo("at-" + bassin);
        assertThat(at.getText()).contains("votre territoire", "Centre social Kaleido", "en cours",
                "Comité partenarial (COPAR) le " + day);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", at);
        screenshot("renouvellements-calendrier");

        // a reader sees the renewal, not the forms
        String reader = fixtures.user(federation, FederationRole.READER);
        logIn(reader, federation);
        browser.get(url("/f/" + federation.code() + "/structures/" + kaleido.id() + "/agrements"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("renouvellement-" + renewal)));
        assertThat(browser.getPageSource()).contains("Anne Marez").doesNotContain("Ajouter une étape", "Lancer le renouvellement");
    }
}
