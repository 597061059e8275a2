package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** In headless Chromium, the direction records a CEE vacataire (vacations and hours, no weekly hours) and a trainee's diploma. */
class StaffBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;

    @Test
    void aVacataireAndATrainee() {
        Centre centre = fixtures.centre("equipe");
        String username = fixtures.user(centre, Role.DIRECTION);
        WebDriverWait wait = logIn(username, centre);
        int year = LocalDate.now().getYear();
        String page = "http://localhost:" + port + "/c/" + centre.code() + "/equipe";

        browser.get(page);
        contract(wait, "Sow", "Dina", "cee", year + "-07-07", null);
        browser.findElement(By.id("vacations")).sendKeys("30");
        browser.findElement(By.id("vacationHours")).sendKeys("300,5");
        browser.findElement(By.cssSelector("#nouveau-contrat button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("vacataires")));
        assertThat(browser.findElement(By.id("vacataires")).getText()).startsWith("1").contains("vacataires (CEE) : 30 vacations, 300,50 h");

        // a diploma on a CDI is refused in French, what was typed stays
        contract(wait, "Roux", "Alice", "cdi", year + "-03-02", "35");
        browser.findElement(By.id("diploma")).sendKeys("BTS ESF");
        browser.findElement(By.cssSelector("#nouveau-contrat button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contenu"),
                "Le diplôme préparé : seulement pour un stage ou un apprentissage."));
        assertThat(browser.findElement(By.id("diploma")).getAttribute("value")).isEqualTo("BTS ESF");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('diploma').scrollIntoView({block: 'center'})");
        screenshot("equipe-diplome-refuse");
        new Select(browser.findElement(By.id("kind"))).selectByValue("stage");
        browser.findElement(By.cssSelector("#nouveau-contrat button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stagiaires")));
        assertThat(browser.findElement(By.id("contrats")).getText()).contains("BTS ESF").contains("30 vacations · 300,50");
        screenshot("equipe-vacataire-stagiaire");
    }

    private void contract(WebDriverWait wait, String last, String first, String kind, String start, String hours) {
        if (!browser.findElement(By.id("nouveau-contrat")).isDisplayed()) {
            browser.findElement(By.cssSelector("details.card > summary")).click();
        }
        wait.until(ExpectedConditions.elementToBeClickable(By.id("lastName"))).clear();
        browser.findElement(By.id("lastName")).sendKeys(last);
        browser.findElement(By.id("firstName")).clear();
        browser.findElement(By.id("firstName")).sendKeys(first);
        new Select(browser.findElement(By.id("kind"))).selectByValue(kind);
        new Select(browser.findElement(By.id("function"))).selectByValue("animateur");
        // a date input takes what the keyboard types in the browser's locale: set it directly
        ((JavascriptExecutor) browser).executeScript("document.getElementById('startDate').value = arguments[0]", start);
        if (hours != null) {
            browser.findElement(By.id("weeklyHours")).sendKeys(hours);
        }
    }
}
