package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.association.StaffService;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.federation.Federation;
import fr.trame.training.TrainingService;
import fr.trame.training.TrainingService.NewCourse;
import fr.trame.training.TrainingService.NewHalfDay;
import fr.trame.training.TrainingService.NewSession;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A centre's director registers an employee from the centre's records and a volunteer typed by name to a session of
 * the federation, downloads a convocation; the director of another centre of the same federation sees the places
 * taken but neither name.
 */
class CentreTrainingBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired TrainingService training;
    @Autowired StaffService staff;

    @Test
    void aDirectorRegistersTwoPeopleAndAnotherCentreSeesNoName() throws Exception {
        Federation federation = fixtures.federation("reseau");
        Centre lens = fixtures.centre("lens");
        Centre douai = fixtures.centre("douai");
        fixtures.structure(federation, "Centre social de Lens", "62", lens.id());
        fixtures.structure(federation, "Centre social de Douai", "59", douai.id());
        long course = training.createCourse(federation.id(), new NewCourse("Animer le débat dans l'espace public", "mixte",
                "Oser animer un débat avec les habitants", "Aucun", null, new BigDecimal("6.5"), 0L, "presentiel", false, null));
        LocalDate day = LocalDate.now().plusDays(21);
        long session = training.planSession(federation.id(), new NewSession(course, "Centre social de Douai", 2, 10, List.of(
                new NewHalfDay(day, "matin", new BigDecimal("3")), new NewHalfDay(day, "apres_midi", new BigDecimal("3.5"))),
                List.of()));
        long employee = staff.hire(lens.id(), "Dhina", "Yasmine", new StaffService.NewContract("cdi", "accueil", null,
                new BigDecimal("35"), LocalDate.of(2021, 9, 1), null, null));
        String lensDirector = fixtures.user(lens, Role.DIRECTION);
        String douaiDirector = fixtures.user(douai, Role.DIRECTION);

        WebDriverWait wait = logIn(lensDirector, lens);
        browser.get(url("/c/" + lens.code()));
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Formations du réseau"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sessions-ouvertes")));
        assertThat(browser.findElement(By.id("session-" + session)).getText()).contains("10 sur 10", "Centre social de Douai");
        screenshot("formations-centre-liste");
        browser.findElement(By.linkText("Animer le débat dans l'espace public")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-inscription")));
        new Select(browser.findElement(By.id("person"))).selectByValue("salarie:" + employee);
        browser.findElement(By.id("job")).sendKeys("Chargée d'accueil");
        browser.findElement(By.id("inscrire-bouton")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Yasmine Dhina est inscrit·e."));

        browser.findElement(By.id("lastName")).sendKeys("Vasseur");
        browser.findElement(By.id("firstName")).sendKeys("Marc");
        browser.findElement(By.id("email")).sendKeys("marc.vasseur@example.org");
        new Select(browser.findElement(By.id("quality"))).selectByValue("benevole");
        browser.findElement(By.id("inscrire-bouton")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Marc Vasseur est inscrit·e."));
        String table = browser.findElement(By.id("inscriptions-centre")).getText();
        assertThat(table).contains("Yasmine Dhina", "Chargée d'accueil", "Salarié·e", "Marc Vasseur", "Bénévole", "inscrit·e");
        assertThat(browser.findElement(By.id("places")).getText()).contains("8", "sur 10");
        screenshot("formations-centre-session");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("formations-centre-session-haut");

        // the convocation, downloaded as a person does it
        Path downloads = Files.createDirectories(Path.of("target", "downloads", "convocation-" + System.nanoTime()));
        ((ChromeDriver) browser).executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toAbsolutePath().toString()));
        browser.findElement(By.cssSelector("#inscriptions-centre tr:first-child a.convocation")).click();
        File[] files = new File[0];
        for (long end = System.currentTimeMillis() + 15_000; System.currentTimeMillis() < end; Thread.sleep(200)) {
            files = downloads.toFile().listFiles((dir, name) -> name.endsWith(".pdf"));
            if (files != null && files.length == 1) {
                break;
            }
        }
        assertThat(files).hasSize(1);
        byte[] pdf = Files.readAllBytes(files[0].toPath());
        Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve("convocation-navigateur.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replace('\u00a0', ' ');
            assertThat(text).contains("Convocation à la formation", "Yasmine Dhina", "Animer le débat dans l'espace public",
                    "Matin", "Après-midi", "6,50 h", federation.name()).doesNotContain("Marc Vasseur");
        }

        // the other centre: the places taken, no name
        wait = logIn(douaiDirector, douai);
        browser.get(url("/c/" + douai.code() + "/formations"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sessions-ouvertes")));
        assertThat(browser.findElement(By.id("session-" + session)).getText()).contains("8 sur 10");
        assertThat(browser.getPageSource()).doesNotContain("Dhina", "Vasseur");
        browser.get(url("/c/" + douai.code() + "/formations/sessions/" + session));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id("form-inscription")));
        assertThat(browser.getPageSource()).doesNotContain("Dhina", "Vasseur");
        assertThat(browser.findElement(By.id("inscriptions")).getText()).contains("Votre centre n'a inscrit personne à cette session.");
        screenshot("formations-autre-centre");
    }
}
