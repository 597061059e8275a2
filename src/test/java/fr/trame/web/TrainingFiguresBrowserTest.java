package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.training.TrainingService;
import fr.trame.training.TrainingService.NewCourse;
import fr.trame.training.TrainingService.NewHalfDay;
import fr.trame.training.TrainingService.NewRegistration;
import fr.trame.training.TrainingService.NewSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direction opens last year's training figures, reads 2 distinct structures for 3 registrations of them, and
 * clicks through to the structures trained with their sessions; a reader of the federation reads the same counts
 * and the persons trained per structure, never a name.
 */
class TrainingFiguresBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired TrainingService training;
    @Autowired JdbcClient jdbc;

    @Test
    void theDirectionDrillsDownAndAReaderSeesNoName() {
        Federation federation = fixtures.federation("chiffres-formation");
        long f = federation.id();
        long roubaix = fixtures.structure(federation, "Centre social du Pile", "59", null);
        long bethune = fixtures.structure(federation, "Centre social Mont-Liébaut", "62", null);
        long course = training.createCourse(f, new NewCourse("Animer la fonction accueil", "salaries", null, null, null,
                new BigDecimal("7"), 0L, "presentiel", false, null));
        int year = LocalDate.now().getYear() - 1;
        long march = session(f, course, LocalDate.of(year, 3, 14));
        long june = session(f, course, LocalDate.of(year, 6, 6));
        present(f, training.register(f, march, registration(roubaix, "Vandenberghe", "Maëlle")).id());
        present(f, training.register(f, march, registration(bethune, "Lecomte", "Yannick")).id());
        present(f, training.register(f, june, registration(roubaix, "Vandenberghe", "Maëlle")).id());
        String direction = fixtures.user(federation, FederationRole.ADMIN);
        String reader = fixtures.user(federation, FederationRole.READER);

        var wait = logIn(direction, federation);
        browser.get(url("/f/" + federation.code() + "/formation/chiffres"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chiffres")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(String.valueOf(year));
        assertThat(browser.findElement(By.id("actions")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("structures-formees")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("structures-59")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("personnes-salarie")).getText()).isEqualTo("2");
        screenshot("formation-chiffres-direction");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('structures-formees').scrollIntoView()");
        screenshot("formation-chiffres-tableau");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('formations').scrollIntoView()");
        assertThat(browser.findElement(By.id("formations")).getText()).contains("Animer la fonction accueil");
        screenshot("formation-chiffres-formations");
        browser.findElement(By.id("structures-formees")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("liste")));
        String list = browser.findElement(By.id("liste")).getText();
        assertThat(list).contains("Centre social du Pile", "Centre social Mont-Liébaut");
        assertThat(browser.findElements(By.cssSelector("#liste tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("#liste tbody tr")).getText()).contains("Centre social du Pile", "Animer la fonction accueil");
        assertThat(browser.findElement(By.id("nombre")).getText()).isEqualTo("2");
        screenshot("formation-chiffres-structures");
        browser.get(url("/f/" + federation.code() + "/formation/chiffres/participants?annee=" + year));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("liste")));
        assertThat(browser.findElement(By.id("liste")).getText()).contains("Maëlle Vandenberghe", "Yannick Lecomte");

        logIn(reader, federation);
        browser.get(url("/f/" + federation.code() + "/formation/chiffres?annee=abc"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("avis")));
        assertThat(browser.findElement(By.id("avis")).getText()).contains("« abc » n'est pas une année");
        assertThat(browser.findElement(By.id("personnes")).getText()).isEqualTo("2");
        browser.findElement(By.id("personnes")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("liste")));
        String counts = browser.findElement(By.tagName("main")).getText();
        assertThat(counts).contains("Centre social du Pile").doesNotContain("Vandenberghe", "Maëlle", "Lecomte", "Yannick");
        screenshot("formation-chiffres-lecteur");
        browser.get(url("/f/" + federation.code() + "/formation/chiffres/structures?annee=" + year));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("liste")));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Vandenberghe", "Lecomte");
        browser.get(url("/f/" + federation.code() + "/formation/chiffres/actions?annee=" + year));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("liste")));
        assertThat(browser.findElements(By.cssSelector("#liste tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Vandenberghe", "Lecomte");
    }

    private long session(long f, long course, LocalDate day) {
        return training.planSession(f, new NewSession(course, "Lille", 1, 12, List.of(
                new NewHalfDay(day, "matin", new BigDecimal("3.5")), new NewHalfDay(day, "apres_midi", new BigDecimal("3.5"))),
                List.of()));
    }

    private static NewRegistration registration(long structure, String last, String first) {
        return new NewRegistration(structure, last, first, null, null, "salarie", "saisie", null, false, null);
    }

    private void present(long f, long registration) {
        jdbc.sql("""
                insert into training_presences (federation_id, registration_id, half_day_id)
                select h.federation_id, r.id, h.id from training_registrations r
                join training_half_days h on h.federation_id = r.federation_id and h.session_id = r.session_id
                where r.federation_id = ? and r.id = ?""").params(f, registration).update();
    }
}
