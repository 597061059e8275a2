package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direction puts a course in the catalogue, adds a trainer, plans a session of two half-days (3,5 h + 3 h), registers
 * a person of a centre and confirms the session; a reader opens the same page: the counts, no name, no form.
 */
class TrainingCatalogueBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;

    @Test
    void theDirectionPlansASessionAndAReaderSeesOnlyCounts() {
        Federation federation = fixtures.federation("formation");
        long lens = fixtures.structure(federation, "Centre social de Lens", "62", null);
        String direction = fixtures.user(federation, FederationRole.ADMIN);
        String reader = fixtures.user(federation, FederationRole.READER);
        String base = "/f/" + federation.code() + "/formation";

        WebDriverWait wait = logIn(direction, federation);
        browser.get(url(base + "/formateurs"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("name"))).sendKeys("Claire Nord");
        new Select(browser.findElement(By.id("kind"))).selectByValue("externe");
        browser.findElement(By.id("organisation")).sendKeys("Formations du Nord");
        browser.findElement(By.id("email")).sendKeys("claire@nord.fr");
        browser.findElement(By.id("ajouter-formateur")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Formateur ajouté"));
        assertThat(browser.findElement(By.id("formateurs")).getText()).contains("Claire Nord", "Externe", "Formations du Nord");

        browser.get(url(base + "/catalogue"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("nouvelle-formation"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("title"))).sendKeys("La fonction employeur");
        new Select(browser.findElement(By.id("audience"))).selectByValue("benevoles");
        browser.findElement(By.id("objectives")).sendKeys("Connaître les obligations d'un employeur associatif");
        browser.findElement(By.id("prerequisites")).sendKeys("Être administrateur·rice");
        browser.findElement(By.id("durationHours")).sendKeys("6,5");
        browser.findElement(By.id("price")).sendKeys("90");
        screenshot("formation-nouvelle");
        browser.findElement(By.id("enregistrer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Formation ajoutée"));
        assertThat(browser.findElement(By.id("fiche")).getText()).contains("Bénévoles", "6,50", "90", "En présentiel");

        browser.findElement(By.id("planifier")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("place"))).sendKeys("Maison des associations, Arras");
        browser.findElement(By.id("minParticipants")).clear();
        browser.findElement(By.id("minParticipants")).sendKeys("1");
        browser.findElement(By.id("maxParticipants")).clear();
        browser.findElement(By.id("maxParticipants")).sendKeys("8");
        browser.findElement(By.id("jour-0")).sendKeys("14/11/2023");
        browser.findElement(By.id("jour-1")).sendKeys("14/11/2023");
        WebElement hours = browser.findElement(By.id("heures-1"));
        hours.clear();
        hours.sendKeys("3");
        browser.findElements(By.cssSelector("input[name=trainerIds]")).get(0).click();
        screenshot("session-planification");
        browser.findElement(By.id("planifier")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Session planifiée : 2 demi-journée(s)."));
        assertThat(browser.findElement(By.id("heures")).getText()).contains("6,50").contains("2 demi-journée(s)");
        assertThat(browser.findElement(By.id("liste-demi-journees")).getText()).contains("Matin", "Après-midi", "3,50", "3,00");
        assertThat(browser.findElement(By.id("formateurs")).getText()).contains("Claire Nord");

        new Select(browser.findElement(By.id("structureId"))).selectByValue(String.valueOf(lens));
        browser.findElement(By.id("lastName")).sendKeys("Martin");
        browser.findElement(By.id("firstName")).sendKeys("Anne");
        browser.findElement(By.id("job")).sendKeys("Trésorière");
        new Select(browser.findElement(By.id("quality"))).selectByValue("administrateur");
        browser.findElement(By.id("bouton-inscrire")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Anne Martin est inscrit·e"));
        assertThat(browser.findElement(By.id("liste-inscriptions")).getText()).contains("Anne Martin", "Centre social de Lens",
                "Trésorière");
        assertThat(browser.findElement(By.id("places")).getText()).contains("1 / 8");

        browser.findElement(By.id("bouton-confirmer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Session confirmée."));
        assertThat(browser.findElement(By.id("statut")).getText()).isEqualTo("Confirmée");
        screenshot("session-direction");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('inscriptions').scrollIntoView()");
        screenshot("session-direction-inscriptions");
        String page = browser.getCurrentUrl().replaceAll("#.*", "");

        logIn(reader, federation);
        browser.get(page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("places")));
        assertThat(browser.findElement(By.id("places")).getText()).contains("1 / 8");
        assertThat(browser.findElement(By.id("statut")).getText()).isEqualTo("Confirmée");
        assertThat(browser.getPageSource()).doesNotContain("Martin").doesNotContain("Trésorière");
        assertThat(browser.findElements(By.id("inscrire"))).isEmpty();
        assertThat(browser.findElements(By.id("confirmer"))).isEmpty();
        assertThat(browser.findElements(By.id("annuler"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("main form"))).isEmpty();
        screenshot("session-lecture");
        browser.get(url(base + "?annee=2023"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sessions")));
        assertThat(browser.findElement(By.id("sessions")).getText()).contains("La fonction employeur", "14/11/2023", "Confirmée",
                "1 / 8");
        screenshot("formation-annee");
    }

    @Test
    void aCentreAsksForACustomTrainingAndTheFederationBuildsIt() {
        Federation federation = fixtures.federation("sur-mesure");
        Centre centre = fixtures.centre("lens");
        long lens = fixtures.structure(federation, "Centre social de Lens", "62", centre.id());
        String director = fixtures.user(centre, Role.DIRECTION);
        String direction = fixtures.user(federation, FederationRole.ADMIN);

        WebDriverWait wait = logIn(director, centre);
        browser.get(url("/c/" + centre.code() + "/formations/demandes/nouvelle"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subject"))).sendKeys("La laïcité au quotidien");
        new Select(browser.findElement(By.id("audience"))).selectByValue("mixte");
        browser.findElement(By.id("wishedPeriod")).sendKeys("printemps");
        browser.findElement(By.id("expectedPeople")).sendKeys("14");
        browser.findElement(By.id("description")).sendKeys("Pour l'équipe d'accueil et les bénévoles du samedi.");
        browser.findElement(By.id("envoyer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Demande envoyée"));
        assertThat(browser.findElement(By.id("demandes")).getText()).contains("La laïcité au quotidien", "Reçue");
        screenshot("demande-centre");

        logIn(direction, federation);
        browser.get(url("/f/" + federation.code() + "/formation/demandes"));
        WebElement request = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article[id^=demande-]")));
        assertThat(request.getText()).contains("La laïcité au quotidien", "Centre social de Lens", "14 personne(s) attendue(s)");
        screenshot("demandes-federation");
        request.findElement(By.cssSelector("a[id^=creer-]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demande")));
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("La laïcité au quotidien");
        assertThat(browser.findElement(By.id("custom")).isSelected()).isTrue();
        assertThat(new Select(browser.findElement(By.id("requestedBy"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(String.valueOf(lens));
        browser.findElement(By.id("durationHours")).sendKeys("7");
        browser.findElement(By.id("enregistrer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Formation ajoutée"));
        assertThat(browser.findElement(By.id("sur-mesure")).getText()).contains("sur mesure pour Centre social de Lens");
        screenshot("formation-sur-mesure");
    }
}
