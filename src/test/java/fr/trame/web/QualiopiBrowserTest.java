package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.form.Parse;
import fr.trame.training.TrainingService;
import fr.trame.training.TrainingService.NewCourse;
import fr.trame.training.TrainingService.NewHalfDay;
import fr.trame.training.TrainingService.NewRegistration;
import fr.trame.training.TrainingService.NewSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direction of a federation reads its Qualiopi evidence, records a complaint received 40 days ago about a session
 * two centres attended, sees indicator 31 count it and flag it as unanswered, answers it, decides an improvement
 * action from it, and sees indicators 31 and 32 move; it records a trainee's needs and indicator 4 counts them.
 */
class QualiopiBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired TrainingService training;
    @Autowired JdbcClient jdbc;

    @Test
    void theDirectionRecordsAComplaintAndItsHandlingAndIndicator31Moves() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        LocalDate held = today.minusDays(45);
        LocalDate received = today.minusDays(40);
        Federation federation = fixtures.federation("qualiopi");
        long f = federation.id();
        long lens = fixtures.structure(federation, "Centre social Vachala", "62", null);
        long douai = fixtures.structure(federation, "Maison de quartier Beaujardin", "59", null);
        long course = training.createCourse(f, new NewCourse("Accueillir les familles", "mixte", "Savoir accueillir et orienter",
                "Aucun", "Accueil, écoute, orientation vers les partenaires", new BigDecimal("7"), 0L, "presentiel", false, null));
        long session = training.planSession(f, new NewSession(course, "Lille", 1, 12, List.of(
                new NewHalfDay(held, "matin", new BigDecimal("3.5")), new NewHalfDay(held, "apres_midi", new BigDecimal("3.5"))),
                List.of()));
        long anne = training.register(f, session, new NewRegistration(lens, "Martin", "Anne", null, null, "salarie", "saisie",
                null, true, null)).id();
        long paul = training.register(f, session, new NewRegistration(douai, "Durand", "Paul", null, null, "benevole", "saisie",
                null, true, null)).id();
        for (long r : List.of(anne, paul)) {
            jdbc.sql("""
                    insert into training_presences (federation_id, registration_id, half_day_id)
                    select ?, ?, id from training_half_days where federation_id = ? and session_id = ?""")
                    .params(f, r, f, session).update();
        }
        jdbc.sql("insert into training_evaluations (federation_id, registration_id, positioning, acquired, satisfaction) "
                + "values (?, ?, 2, 3, 5), (?, ?, 1, 3, 4)").params(f, anne, f, paul).update();
        String direction = fixtures.user(federation, FederationRole.ADMIN);
        String period = "?du=" + held.minusDays(1).format(Parse.FRENCH_DATE) + "&au=" + today.format(Parse.FRENCH_DATE);
        String qualiopi = "/f/" + federation.code() + "/formation/qualiopi" + period;

        WebDriverWait wait = logIn(direction, federation);
        browser.get(url(qualiopi));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("indicateurs")));
        assertThat(row(2)).contains("2 stagiaire(s) formé·e·s", "100,0 % de stagiaires satisfait·e·s");
        assertThat(row(31)).contains("0 réclamation(s) reçue(s)");
        assertThat(row(3)).contains("Non applicable");
        screenshot("qualiopi-avant");

        browser.findElement(By.id("vers-reclamations")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nouvelle")));
        WebElement date = browser.findElement(By.id("receivedOn"));
        date.clear();
        date.sendKeys(received.format(Parse.FRENCH_DATE));
        new Select(browser.findElement(By.id("channel"))).selectByValue("telephone");
        browser.findElement(By.id("complainant")).sendKeys("Paul Durand, bénévole");
        new Select(browser.findElement(By.id("structureId"))).selectByValue(String.valueOf(douai));
        new Select(browser.findElement(By.id("sessionId"))).selectByValue(String.valueOf(session));
        browser.findElement(By.id("subject")).sendKeys("Salle trop petite et froide");
        browser.findElement(By.id("description")).sendKeys("Douze personnes dans une salle prévue pour huit, sans chauffage.");
        browser.findElement(By.id("enregistrer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Réclamation enregistrée"));
        assertThat(browser.findElement(By.id("en-retard")).getText()).contains("sans réponse depuis 40 jours");
        String complaintPage = browser.getCurrentUrl();
        browser.get(url("/f/" + federation.code() + "/formation/reclamations" + period));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reclamations")));
        assertThat(browser.findElement(By.id("reclamations")).getText()).contains("Salle trop petite et froide",
                "Paul Durand, bénévole", "Maison de quartier Beaujardin", "sans réponse depuis 40 jours");
        scrollTo("reclamations");
        screenshot("reclamations-liste");

        browser.get(url(qualiopi));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("indicateurs")));
        assertThat(row(31)).contains("1 réclamation(s) reçue(s)", "0 traitée(s)", "1 en attente de réponse",
                "1 réclamation(s) sans réponse depuis plus de 30 jours");
        assertThat(browser.findElement(By.id("manques")).getText()).contains("Indicateur 31");
        scrollTo("manques");
        screenshot("qualiopi-manques");
        scrollTo("indicateur-31");
        screenshot("qualiopi-reclamation-ouverte");

        browser.get(complaintPage);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("traitement")));
        new Select(browser.findElement(By.id("status"))).selectByValue("traitee");
        browser.findElement(By.id("handledOn")).sendKeys(today.format(Parse.FRENCH_DATE));
        browser.findElement(By.id("response")).sendKeys("Excuses présentées ; la prochaine session aura lieu dans la grande salle.");
        browser.findElement(By.id("actionTaken")).sendKeys("Salle changée pour les sessions suivantes.");
        browser.findElement(By.id("enregistrer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Réclamation traitée"));
        assertThat(browser.findElement(By.id("etat")).getText()).contains("Traitée").doesNotContain("sans réponse");
        screenshot("reclamation-traitee");

        browser.findElement(By.id("decider")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nouvelle-action")));
        assertThat(new Select(browser.findElement(By.id("source"))).getFirstSelectedOption().getText()).isEqualTo("Réclamation");
        browser.findElement(By.id("finding")).sendKeys("Salles trop petites pour les groupes de plus de huit");
        browser.findElement(By.id("action")).sendKeys("Réserver la grande salle dès douze inscrits");
        browser.findElement(By.id("enregistrer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Action d'amélioration enregistrée"));
        assertThat(browser.findElement(By.id("contenu")).getText()).contains("Réserver la grande salle dès douze inscrits");

        browser.get(url(qualiopi));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("indicateurs")));
        assertThat(row(31)).contains("1 réclamation(s) reçue(s)", "1 traitée(s), en 40,0 jour(s) en moyenne",
                "0 en attente de réponse").doesNotContain("sans réponse depuis plus de 30 jours");
        assertThat(row(32)).contains("1 action(s) d'amélioration décidée(s)", "1 réclamation(s) suivie(s)");
        assertThat(row(4)).contains("0 analyse(s) du besoin pour 2 inscrit·e·s");
        scrollTo("indicateur-31");
        screenshot("qualiopi-reclamation-traitee");

        // the evidence of indicator 4 leads to the trainees whose needs are to analyse, then to the form
        browser.findElement(By.cssSelector("#indicateur-4 .manques a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("liste")));
        assertThat(browser.findElement(By.id("liste")).getText()).contains("Anne Martin", "Paul Durand");
        browser.findElement(By.xpath("//tr[td[contains(., 'Anne Martin')]]//a[contains(., 'À analyser')]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("besoins")));
        browser.findElement(By.id("expectations")).sendKeys("Orienter les familles vers la CAF et le CCAS");
        new Select(browser.findElement(By.id("level"))).selectByValue("debutant");
        browser.findElement(By.id("adaptation")).sendKeys("Documents en gros caractères");
        browser.findElement(By.id("enregistrer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Analyse du besoin enregistrée"));
        screenshot("analyse-besoin");
        browser.get(url(qualiopi));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("indicateurs")));
        assertThat(row(4)).contains("1 analyse(s) du besoin pour 2 inscrit·e·s (50,0 %)");
        assertThat(row(26)).contains("1 adaptation(s) prévue(s)");
    }

    private static String row(int indicator) {
        return browser.findElement(By.id("indicateur-" + indicator)).getText();
    }

    private static void scrollTo(String id) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }
}
