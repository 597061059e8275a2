package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.federation.DuesService;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.federation.ProgrammeService;
import fr.trame.federation.Structure;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureImporter;
import fr.trame.federation.StructureService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A programme and the year's dues as the direction uses them, in headless Chromium: the table by département, a
 * project added, the dues rule set, the calls issued and a payment recorded; a reader sees the same pages without forms.
 */
class ProgrammeBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired StructureImporter importer;
    @Autowired StructureService structures;
    @Autowired ProgrammeService programmes;
    @Autowired DuesService dues;

    @Test
    void theDirectionAddsAProjectIssuesTheCallsAndRecordsAPayment() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        int year = today.getYear();
        Federation federation = fixtures.federation("navprog");
        importer.importCsv(federation.id(), Fixtures.csv("""
                structure_ref;name;kind;status;departement;territory;commune;membership;membership_date
                A;Centre social Vachala;cs;municipal;62;Bassin Minier;Lens;adherent;2001-01-01
                B;Maison de quartier Beaujardin;cs;associatif;59;Valenciennois;Valenciennes;adherent;2001-01-01
                C;Centre social Marlière;cs;associatif;59;Roubaix-Tourcoing;Croix;adherent;2001-01-01
                """), today);
        Map<String, Long> ids = structures.list(federation.id(), StructureFilter.ALL, today).stream()
                .collect(Collectors.toMap(Structure::ref, Structure::id));
        long p = programmes.create(federation.id(), new ProgrammeService.NewProgramme("Promotion de la santé", "sante", 2023, 2023, null));
        programmes.addProject(federation.id(), p, new ProgrammeService.NewProject(ids.get("B"), "Jardin partagé", "nutrition", 1_000_000), today);
        programmes.addProject(federation.id(), p, new ProgrammeService.NewProject(ids.get("A"), "Octobre rose", "prevention_cancer", 250_000), today);
        dues.declareBudgets(federation.id(), year, Map.of(ids.get("A"), 30_000_000L, ids.get("B"), 2_000_000L, ids.get("C"), 100_000_000L));
        String admin = fixtures.user(federation, FederationRole.ADMIN);
        String base = "/f/" + federation.code();

        WebDriverWait wait = logIn(admin, federation);
        browser.findElement(By.linkText("Programmes")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Promotion de la santé"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("par-departement")));
        assertThat(browser.findElement(By.cssSelector("#ligne-structures td:last-child")).getText()).isEqualTo("2");

        // a second project for B: B still counts once among the 59's structures, twice among its projects
        new Select(browser.findElement(By.id("project-structure"))).selectByVisibleText("Maison de quartier Beaujardin (59)");
        browser.findElement(By.id("project-title")).sendKeys("Dépistage au marché");
        new Select(browser.findElement(By.id("project-theme"))).selectByValue("prevention_cancer");
        browser.findElement(By.id("project-amount")).sendKeys("1 200,50");
        browser.findElement(By.id("add-project")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Dépistage au marché"));
        assertThat(browser.findElement(By.cssSelector("#ligne-structures td:nth-of-type(1)")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector("#ligne-projets td:nth-of-type(1)")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.cssSelector("#ligne-total td:last-child")).getText().replaceAll("[\\s\\u00a0\\u202f]", ""))
                .isEqualTo("13700,50€");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('tableau').scrollIntoView()");
        screenshot("programme-sante");
        // a count leads to the records it counts
        browser.findElement(By.cssSelector("#ligne-projets td:nth-of-type(1) a")).click();
        wait.until(ExpectedConditions.urlContains("departement=59"));
        assertThat(browser.findElement(By.cssSelector("#projets h2")).getText()).contains("2 projet(s)").contains("dans le 59");

        // dues: the rule, the preview, the calls, a payment
        browser.findElement(By.linkText("Cotisations")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-regle")));
        browser.findElement(By.id("rate")).sendKeys("0,5");
        browser.findElement(By.id("floor")).sendKeys("150");
        browser.findElement(By.id("ceiling")).sendKeys("2500");
        browser.findElement(By.cssSelector("#form-regle button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("emettre"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "3 appel(s)"));
        // 300 000 € → 1 500 €; 20 000 € → 100 € → floor 150 €; 1 000 000 € → 5 000 € → ceiling 2 500 €
        assertThat(browser.findElement(By.id("total-du")).getText().replaceAll("[\\s\\u00a0\\u202f]", "")).isEqualTo("4150€");
        browser.findElement(By.xpath("//table[@id='table-appels']//a[.='Centre social Vachala']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-paiement")));
        browser.findElement(By.id("paidOn")).sendKeys("12/5x/2026");
        browser.findElement(By.id("pay-amount")).sendKeys("1000");
        browser.findElement(By.id("payer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=alert]"), "n'est pas une date"));
        assertThat(browser.findElement(By.id("pay-amount")).getAttribute("value")).isEqualTo("1000");
        browser.findElement(By.id("paidOn")).clear();
        browser.findElement(By.id("paidOn")).sendKeys("15/02/" + year);
        browser.findElement(By.id("payer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Paiement enregistré"));
        assertThat(browser.findElement(By.id("du")).getText().replaceAll("[\\s\\u00a0\\u202f]", "")).isEqualTo("500€");
        assertThat(browser.findElements(By.cssSelector("#modifier form"))).isEmpty(); // paid: never edited
        screenshot("cotisation-appel");
        browser.findElement(By.partialLinkText("Cotisations " + year)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("total-du")));
        assertThat(browser.findElement(By.id("total-du")).getText().replaceAll("[\\s\\u00a0\\u202f]", "")).isEqualTo("3150€");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('par-structure').scrollIntoView()");
        screenshot("cotisations");

        // a reader reads the same pages, without a form
        String reader = fixtures.user(federation, FederationRole.READER);
        wait = logIn(reader, federation);
        browser.get(url(base + "/cotisations"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("table-appels")));
        assertThat(browser.findElements(By.id("form-regle"))).isEmpty();
        assertThat(browser.findElements(By.id("emettre"))).isEmpty();
        browser.get(url(base + "/programmes/" + p));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("par-departement")));
        assertThat(browser.findElements(By.id("nouveau-projet"))).isEmpty();
    }
}
