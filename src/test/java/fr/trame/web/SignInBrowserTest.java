package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.training.TrainingService;
import fr.trame.training.TrainingService.HalfDay;
import fr.trame.training.TrainingService.NewCourse;
import fr.trame.training.TrainingService.NewHalfDay;
import fr.trame.training.TrainingService.NewRegistration;
import fr.trame.training.TrainingService.NewSession;
import fr.trame.training.TrainingService.Registration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direction ticks the sign-in grid of a session held last month (two centres, three people, four half-days of
 * 3.5 h), saves it, enters the evaluations (a wrong score first, refused with what was typed kept) and downloads a
 * certificate of attendance; a reader of the federation is refused the grid.
 */
class SignInBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired TrainingService training;

    @Test
    void theDirectionSignsEvaluatesAndCertifiesAReaderIsRefusedTheGrid() throws Exception {
        Federation federation = fixtures.federation("signin");
        long lens = fixtures.structure(federation, "Centre social Vachala", "62", null);
        long douai = fixtures.structure(federation, "Maison de quartier Beaujardin", "59", null);
        long course = training.createCourse(federation.id(), new NewCourse("Animer un conseil d'administration", "benevoles",
                "Préparer et conduire une réunion du conseil", null, null, new BigDecimal("14"), 0L, "presentiel", false, null));
        LocalDate day = LocalDate.now().minusDays(30);
        long session = training.planSession(federation.id(), new NewSession(course, "Salle Europe, Lille", 1, 10, List.of(
                new NewHalfDay(day, "matin", new BigDecimal("3.5")), new NewHalfDay(day, "apres_midi", new BigDecimal("3.5")),
                new NewHalfDay(day.plusDays(1), "matin", new BigDecimal("3.5")),
                new NewHalfDay(day.plusDays(1), "apres_midi", new BigDecimal("3.5"))), List.of()));
        Registration marie = register(federation, session, lens, "Dupont", "Marie", "administrateur");
        Registration jean = register(federation, session, lens, "Petit", "Jean", "benevole");
        Registration paul = register(federation, session, douai, "Martin", "Paul", "benevole");
        List<HalfDay> halfDays = training.halfDays(federation.id(), session);
        String admin = fixtures.user(federation, FederationRole.ADMIN);
        String reader = fixtures.user(federation, FederationRole.READER);
        String base = "/f/" + federation.code() + "/formation/sessions/" + session;

        WebDriverWait wait = logIn(admin, federation);
        browser.get(url(base + "/emargement"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("grille")));
        // Marie the four half-days (14 h), Jean the first day (7 h), Paul the first morning (3.5 h)
        for (int h = 0; h < 4; h++) {
            tick(marie, halfDays.get(h));
        }
        tick(jean, halfDays.get(0));
        tick(jean, halfDays.get(1));
        tick(paul, halfDays.get(0));
        browser.findElement(By.id("enregistrer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "7 présence(s) signée(s)"));
        assertThat(text("presents-" + halfDays.get(0).id())).isEqualTo("3");
        assertThat(text("presents-" + halfDays.get(1).id())).isEqualTo("2");
        assertThat(text("presents-" + halfDays.get(3).id())).isEqualTo("1");
        assertThat(text("heures-" + marie.id())).contains("14,00 h");
        assertThat(text("heures-" + jean.id())).contains("7,00 h");
        assertThat(text("heures-" + paul.id())).contains("3,50 h");
        assertThat(browser.findElement(By.id("p-" + jean.id() + "-" + halfDays.get(1).id())).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("p-" + jean.id() + "-" + halfDays.get(2).id())).isSelected()).isFalse();
        scrollTo("grille");
        screenshot("emargement-grille");

        browser.findElement(By.id("evaluations")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("evaluations-table")));
        scores(marie, "1", "3", "5");
        scores(jean, "2", "4", "3");
        scores(paul, "2", "6", "4");
        browser.findElement(By.id("comment-" + marie.id())).sendKeys("Des outils concrets");
        browser.findElement(By.id("enregistrer-evaluations")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("evaluations-erreur")));
        assertThat(text("evaluations-erreur")).contains("Paul Martin, acquis après la formation : une note de 1 à 4 est attendue, pas « 6 »");
        assertThat(browser.findElement(By.id("acquired-" + paul.id())).getDomProperty("value")).isEqualTo("6");
        assertThat(browser.findElement(By.id("comment-" + marie.id())).getDomProperty("value")).isEqualTo("Des outils concrets");
        assertThat(text("resultats-session")).contains("0");
        scrollTo("evaluations-erreur");
        screenshot("evaluations-refus");
        WebElement wrong = browser.findElement(By.id("acquired-" + paul.id()));
        wrong.clear();
        wrong.sendKeys("3");
        browser.findElement(By.id("enregistrer-evaluations")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "3 personne(s) évaluée(s)"));
        // positioning 5/3 = 1,67; acquired 10/3 = 3,33; progression (2+2+1)/3 = 1,67; satisfaction 12/3 = 4; 2 of 3 satisfied
        assertThat(text("resultats-session")).contains("3", "1,67", "3,33", "+1,67", "4,00", "66,7 %", "(2 sur 3)");
        scrollTo("resultats");
        screenshot("evaluations-session");

        browser.get(url("/f/" + federation.code() + "/formation/evaluations?annee=" + day.getYear()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("par-formation")));
        assertThat(text("par-formation")).contains("Animer un conseil d'administration", "66,7 %");
        scrollTo("formations");
        screenshot("evaluations-annee");

        browser.get(url(base + "/emargement"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attestation-" + jean.id())));
        String href = browser.findElement(By.id("attestation-" + jean.id())).getDomAttribute("href");
        byte[] pdf = download(href);
        Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve("attestation.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document).replaceAll("[\\s\u00a0\u202f]+", " ");
            assertThat(text).contains("Attestation d'assiduité", "Jean Petit", "Centre social Vachala",
                    "Animer un conseil d'administration", "7,00 h sur 14,00 h", "2 demi-journée(s)");
        }
        Files.write(Path.of("target", "screenshots", "emargement.pdf"), download(base + "/emargement.pdf"));

        logIn(reader, federation);
        browser.get(url(base + "/emargement"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main")));
        assertThat(browser.getPageSource()).contains("pas les noms des stagiaires").doesNotContain("Marie");
        assertThat(browser.findElements(By.id("grille"))).isEmpty();
        screenshot("emargement-lecteur");

        // a délégué reads the grid and the evaluations, with nothing to tick, type or send
        logIn(fixtures.user(federation, FederationRole.DELEGUE), federation);
        browser.get(url(base + "/emargement"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("grille")));
        assertThat(browser.findElements(By.id("enregistrer"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#grille input[type=checkbox]")))
                .isNotEmpty().noneMatch(box -> box.isEnabled());
        assertThat(browser.findElements(By.tagName("form"))).noneMatch(f -> String.valueOf(f.getDomAttribute("action")).endsWith("/emargement"));
        screenshot("emargement-delegue");
        browser.get(url(base + "/evaluations"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("evaluations-table")));
        assertThat(browser.findElements(By.cssSelector("#evaluations-table input"))).isEmpty();
        assertThat(browser.findElements(By.id("enregistrer-evaluations"))).isEmpty();
        assertThat(browser.findElement(By.id("comment-" + marie.id())).getText()).isEqualTo("Des outils concrets");
        screenshot("evaluations-delegue");
    }

    private Registration register(Federation federation, long session, long structure, String last, String first, String quality) {
        return training.register(federation.id(), session, new NewRegistration(structure, last, first, null, null, quality,
                "saisie", null, true, null));
    }

    private static void scrollTo(String id) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private void tick(Registration r, HalfDay h) {
        browser.findElement(By.xpath("//label[.//input[@id='p-" + r.id() + "-" + h.id() + "']]")).click();
    }

    private void scores(Registration r, String positioning, String acquired, String satisfaction) {
        browser.findElement(By.id("positioning-" + r.id())).sendKeys(positioning);
        browser.findElement(By.id("acquired-" + r.id())).sendKeys(acquired);
        browser.findElement(By.id("satisfaction-" + r.id())).sendKeys(satisfaction);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    /** The document at {@code path}, fetched by the page itself (with its session), as bytes. */
    private static byte[] download(String path) {
        Object base64 = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
                  let s = ''; const bytes = new Uint8Array(b);
                  for (let i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
                  done(btoa(s));
                }).catch(e => done('error ' + e));""", path);
        return Base64.getDecoder().decode((String) base64);
    }
}
