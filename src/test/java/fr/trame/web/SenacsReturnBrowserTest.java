package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.people.PeopleImporter;
import fr.trame.senacs.Question;
import fr.trame.senacs.ReturnService;
import fr.trame.senacs.SenacsReturn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A director fills in the centre's SENACS return in real headless Chromium: a figure pre-filled from the records links
 * to them, a bad answer comes back in French with what was typed, the completed return is submitted and stays as sent
 * when the records change, and reopening it shows what changed beside what was sent.
 */
class SenacsReturnBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired ReturnService returns;

    @Test
    void aDirectorFillsSubmitsAndReopensTheReturn() {
        int year = LocalDate.now().getYear() - 1;
        Centre centre = fixtures.centre("senacsweb");
        String username = fixtures.user(centre, Role.DIRECTION);
        long director = fixtures.userId(username);
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date;role;quartier;qpv;qf
                H1;ALICE;Roux;Alice;F;1990-06-01;responsable;Tilleuls;oui;250
                H1;BOB;Roux;Bob;M;2020-02-15;enfant;Tilleuls;oui;250
                H2;CARL;Petit;Carl;M;1985-01-01;responsable;Moulin;non;1000
                """));
        activities.importCsv(centre.id(), csv("activity_ref;name;sector;kind\nA1;Atelier jeux;Enfance;atelier\n"));
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref;headcount;status
                A1;%1$d-01-10;10:00;12:00;BOB;;present
                A1;%1$d-01-10;10:00;12:00;ALICE;;present
                """.formatted(year)));

        WebDriverWait wait = logIn(username, centre);
        browser.get(url("/c/" + centre.code()));
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("SENACS"))).click();
        WebElement due = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("annee-" + year)));
        assertThat(due.getText()).contains("à transmettre ce printemps").contains("Brouillon");
        screenshot("senacs-annees");
        due.findElement(By.linkText("Remplir")).click();

        WebElement persons = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q-PUB_PERSONNES")));
        assertThat(persons.findElement(By.className("valeur")).getText()).isEqualTo("2");
        assertThat(persons.getText()).contains("Calculé par Trame");
        assertThat(browser.findElement(By.id("etat")).getText()).isEqualTo("Brouillon");
        persons.findElement(By.linkText("voir les fiches")).click();
        wait.until(ExpectedConditions.urlContains("/tableau-de-bord/personnes"));
        assertThat(browser.getCurrentUrl()).contains("from=" + year + "-01-01");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Roux");
        browser.navigate().back();

        // a bad number: the French message beside the question, and what was typed and chosen kept; nothing saved
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("BEN_HEURES"))).sendKeys("beaucoup");
        new Select(browser.findElement(By.id("ID_MILIEU"))).selectByVisibleText("Rural");
        browser.findElement(By.id("enregistrer")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("BEN_HEURES-erreur")));
        assertThat(error.getText()).isEqualTo("Saisissez un nombre positif ou nul (reçu « beaucoup »).");
        assertThat(browser.findElement(By.id("BEN_HEURES")).getAttribute("value")).isEqualTo("beaucoup");
        assertThat(browser.findElement(By.id("BEN_HEURES")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(new Select(browser.findElement(By.id("ID_MILIEU"))).getFirstSelectedOption().getText()).isEqualTo("Rural");
        assertThat(browser.findElement(By.id("erreurs")).getText()).contains("Heures de bénévolat : Saisissez un nombre positif ou nul");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("q-BEN_HEURES")));
        screenshot("senacs-erreur");
        assertThat(answer(returns.read(centre.id(), centre.code(), year), "ID_MILIEU").source()).isEqualTo(SenacsReturn.Source.MISSING);

        WebElement hours = browser.findElement(By.id("BEN_HEURES"));
        hours.clear();
        hours.sendKeys("1 234,5");
        browser.findElement(By.id("enregistrer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Réponses enregistrées"));
        assertThat(browser.findElement(By.cssSelector("#q-BEN_HEURES .valeur")).getText()).isEqualTo("1\u202f234,50");
        assertThat(browser.findElement(By.cssSelector("#q-BEN_HEURES")).getText()).contains("Déclaré");
        assertThat(browser.findElement(By.cssSelector("#q-ID_MILIEU .valeur")).getText()).isEqualTo("Rural");

        // not complete yet: submitting is refused, naming what is missing
        browser.findElement(By.id("transmettre")).click();
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash.err")));
        assertThat(refused.getText()).contains("n'est pas transmis").contains("n'ont pas de réponse");

        declareEveryMissingAnswer(centre, year, director);
        browser.navigate().refresh();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("manquantes"))).getText()).isEqualTo("0");
        browser.findElement(By.id("transmettre")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "transmis à la fédération"));
        assertThat(browser.findElement(By.id("etat")).getText()).isEqualTo("Transmis");
        assertThat(browser.findElement(By.id("transmis")).getText()).startsWith("Transmis le ");
        assertThat(browser.findElements(By.id("BEN_HEURES"))).isEmpty();
        assertThat(browser.findElements(By.id("enregistrer"))).isEmpty();

        // the records change after submission: the return still says what was sent
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref;headcount;status
                A1;%d-03-10;10:00;12:00;CARL;;present
                """.formatted(year)));
        browser.navigate().refresh();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#q-PUB_PERSONNES .valeur"))).getText())
                .isEqualTo("2");
        screenshot("senacs-transmis");

        browser.findElement(By.id("rouvrir")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("etat"), "Rouvert"));
        WebElement reopened = browser.findElement(By.id("q-PUB_PERSONNES"));
        assertThat(reopened.findElement(By.className("valeur")).getText()).isEqualTo("3");
        assertThat(reopened.findElement(By.className("transmise")).getText()).isEqualTo("valeur transmise : 2");
        assertThat(browser.findElement(By.id("q-BEN_HEURES")).findElements(By.className("transmise"))).isEmpty();
        assertThat(browser.findElement(By.id("BEN_HEURES")).getAttribute("value")).isEqualTo("1234,50");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", reopened);
        screenshot("senacs-rouvert");

        // a declared value replaces the figure; blanking it goes back to the figure
        browser.findElement(By.id("PUB_PERSONNES")).sendKeys("5");
        browser.findElement(By.id("enregistrer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Réponses enregistrées"));
        WebElement declared = browser.findElement(By.id("q-PUB_PERSONNES"));
        assertThat(declared.findElement(By.className("valeur")).getText()).isEqualTo("5");
        assertThat(declared.getText()).contains("Déclaré").contains("calcul de Trame : 3").contains("valeur transmise : 2");
        browser.findElement(By.id("PUB_PERSONNES")).clear();
        browser.findElement(By.id("enregistrer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Réponses enregistrées"));
        assertThat(browser.findElement(By.cssSelector("#q-PUB_PERSONNES .valeur")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.id("q-PUB_PERSONNES")).getText()).contains("Calculé par Trame");
    }

    private void declareEveryMissingAnswer(Centre centre, int year, long director) {
        Map<String, String> typed = new HashMap<>();
        for (SenacsReturn.Answer a : returns.read(centre.id(), centre.code(), year).answers()) {
            if (a.source() == SenacsReturn.Source.MISSING) {
                Question q = a.question();
                typed.put(q.code(), switch (q.type()) {
                    case OUI_NON -> "oui";
                    case CHOIX -> q.choices().get(0);
                    case DATE -> "31/12/2027";
                    case TEXTE -> "Texte";
                    default -> "1";
                });
            }
        }
        assertThat(returns.declare(centre.id(), year, typed, director).any()).isFalse();
    }

    private static SenacsReturn.Answer answer(SenacsReturn r, String code) {
        return r.answers().stream().filter(a -> a.question().code().equals(code)).findFirst().orElseThrow();
    }
}
