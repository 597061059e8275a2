package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.activities.ActivityImporter;
import fr.trame.activities.EvaluationService;
import fr.trame.association.PartnerService;
import fr.trame.attendance.AttendanceImporter;
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

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium, an activity's referent (animateur) opens last year's bilan from the activity page, types a
 * wrong public expected, finds everything typed kept, corrects it and saves; the director then adds a perspective.
 */
class EvaluationBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired PartnerService partners;
    @Autowired EvaluationService evaluations;
    @Autowired JdbcClient jdbc;

    private static void scrollTo(String id) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    @Test
    void theReferentThenTheDirectorFillTheGrid() {
        Centre centre = fixtures.centre("bilannav");
        int year = LocalDate.now().getYear() - 1;
        people.importCsv(centre.id(), Fixtures.csv("""
                household_ref;person_ref;last_name;first_name
                H1;P1;Roux;Léa
                H2;P2;Petit;Noé
                """));
        activities.importCsv(centre.id(), Fixtures.csv("activity_ref;name;sector;kind\nART;Projet art;Enfance;atelier\n"));
        // Léa and Noé on 4 March, Noé on 11 March: 2 persons, 3 presences, 2 sessions held
        attendance.importCsv(centre.id(), Fixtures.csv("activity_ref;date;start;end;person_ref\n"
                + "ART;" + year + "-03-04;14:00;16:00;P1\nART;" + year + "-03-04;14:00;16:00;P2\n"
                + "ART;" + year + "-03-11;14:00;16:00;P2\n"));
        long activity = jdbc.sql("select id from activities where centre_id = ? and ref = 'ART'").param(centre.id())
                .query(Long.class).single();
        partners.create(centre.id(), "CAF des Bouches-du-Rhône", "caf", null);
        partners.create(centre.id(), "Ville d'Istres", "commune", null);
        String referent = fixtures.user(centre, Role.ANIMATEUR);
        jdbc.sql("update activities set referent_user_id = ? where centre_id = ? and id = ?")
                .params(fixtures.userId(referent), centre.id(), activity).update();

        WebDriverWait wait = logIn(referent, centre);
        browser.get(url("/c/" + centre.code() + "/activites/" + activity));
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Bilan " + year))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("objective-0")))
                .sendKeys("Valoriser les réalisations des enfants, devant les parents");
        new Select(browser.findElement(By.id("reached-0"))).selectByVisibleText("Atteint");
        browser.findElement(By.id("comment-0")).sendKeys("Exposition dans le hall");
        browser.findElement(By.id("objective-1")).sendKeys("Ouvrir des ateliers parents-enfants");
        new Select(browser.findElement(By.id("reached-1"))).selectByVisibleText("Partiellement atteint");
        browser.findElement(By.id("publicExpected")).sendKeys("une dizaine");
        browser.findElement(By.xpath("//label[span[text()=\"Ville d'Istres\"]]/input")).click();
        browser.findElement(By.id("strengths")).sendKeys("Des parents fiers de leurs enfants.");
        browser.findElement(By.xpath("//button[text()='Enregistrer le bilan']")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("publicExpected-erreur")));
        assertThat(browser.findElement(By.id("publicExpected-erreur")).getText())
                .isEqualTo("Public attendu : « une dizaine » n'est pas un nombre de personnes.");
        assertThat(browser.findElement(By.id("objective-0")).getAttribute("value"))
                .isEqualTo("Valoriser les réalisations des enfants, devant les parents");
        assertThat(new Select(browser.findElement(By.id("reached-1"))).getFirstSelectedOption().getText())
                .isEqualTo("Partiellement atteint");
        assertThat(browser.findElement(By.xpath("//label[span[text()=\"Ville d'Istres\"]]/input")).isSelected()).isTrue();
        scrollTo("bilan");
        screenshot("bilan-objectifs");
        scrollTo("publicExpected");
        screenshot("bilan-erreur");
        browser.findElement(By.id("publicExpected")).clear();
        browser.findElement(By.id("publicExpected")).sendKeys("10");
        browser.findElement(By.xpath("//button[text()='Enregistrer le bilan']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash.ok")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Bilan " + year + " enregistré.");
        // expected 10, reached 2: the gap is 2 − 10 = −8
        assertThat(browser.findElement(By.cssSelector("#public tbody tr")).getText()).isEqualTo("Personnes distinctes 10 2 -8");

        String director = fixtures.user(centre, Role.DIRECTION);
        wait = logIn(director, centre);
        browser.get(url("/c/" + centre.code() + "/activites/" + activity + "/bilan/" + year));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("perspectives"))).sendKeys("Un atelier bois.");
        screenshot("bilan-direction");
        browser.findElement(By.xpath("//button[text()='Enregistrer le bilan']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash.ok")));
        scrollTo("public");
        screenshot("bilan-enregistre");
        EvaluationService.Values saved = evaluations.find(centre.id(), activity, year).orElseThrow().values();
        assertThat(saved.objectives()).hasSize(2);
        assertThat(saved.publicExpected()).isEqualTo(10);
        assertThat(saved.partnerIds()).hasSize(1);
        assertThat(saved.strengths()).isEqualTo("Des parents fiers de leurs enfants.");
        assertThat(saved.perspectives()).isEqualTo("Un atelier bois.");
    }
}
