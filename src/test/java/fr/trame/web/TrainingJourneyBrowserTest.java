package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.association.StaffService;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A training from start to end, each step by the person who does it, in their pages: the federation's direction
 * plans a one-day session (today, so that it can be held and signed within the test), two centres' directors register
 * their people (one from the centre's records, the others typed), each seeing only its own; the direction signs the
 * sheet, enters the evaluations and prints the certificates; the year's figures count the two centres.
 */
class TrainingJourneyBrowserTest extends InChromium {

    private static final Pattern SESSION_ID = Pattern.compile("/formation/sessions/(\\d+)");

    @Autowired Fixtures fixtures;
    @Autowired StaffService staff;
    @Autowired JdbcClient jdbc;

    @Test
    void aSessionIsPlannedFilledFromTwoCentresHeldSignedEvaluatedAndCertified() throws Exception {
        Federation federation = fixtures.federation("parcours");
        Centre lens = fixtures.centre("lens");
        Centre douai = fixtures.centre("douai");
        fixtures.structure(federation, "Centre social Vachala", "62", lens.id());
        fixtures.structure(federation, "Maison de quartier Beaujardin", "59", douai.id());
        long employee = staff.hire(lens.id(), "Dhina", "Yasmine", new StaffService.NewContract("cdi", "accueil", null,
                new BigDecimal("35"), LocalDate.of(2021, 9, 1), null, null));
        String direction = fixtures.user(federation, FederationRole.ADMIN);
        String lensDirector = fixtures.user(lens, Role.DIRECTION);
        String douaiDirector = fixtures.user(douai, Role.DIRECTION);
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String base = "/f/" + federation.code() + "/formation";

        // planned: the course, then a session of two half-days today
        WebDriverWait wait = logIn(direction, federation);
        browser.get(url(base + "/catalogue"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("nouvelle-formation"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("title"))).sendKeys("Être référent·e famille");
        new Select(browser.findElement(By.id("audience"))).selectByValue("mixte");
        browser.findElement(By.id("objectives")).sendKeys("Construire le projet famille du centre");
        browser.findElement(By.id("durationHours")).sendKeys("7");
        browser.findElement(By.id("enregistrer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Formation ajoutée"));
        browser.findElement(By.id("planifier")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("place"))).sendKeys("Fédération, Lille");
        browser.findElement(By.id("maxParticipants")).clear();
        browser.findElement(By.id("maxParticipants")).sendKeys("12");
        browser.findElement(By.id("jour-0")).sendKeys(today);
        browser.findElement(By.id("jour-1")).sendKeys(today);
        browser.findElement(By.id("planifier")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Session planifiée"));
        browser.findElement(By.id("bouton-confirmer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Session confirmée."));
        Matcher m = SESSION_ID.matcher(browser.getCurrentUrl());
        assertThat(m.find()).isTrue();
        long session = Long.parseLong(m.group(1));

        // filled from two centres, each from its own pages
        wait = logIn(lensDirector, lens);
        browser.get(url("/c/" + lens.code() + "/formations"));
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Être référent·e famille"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-inscription")));
        new Select(browser.findElement(By.id("person"))).selectByValue("salarie:" + employee);
        browser.findElement(By.id("inscrire-bouton")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Yasmine Dhina est inscrit·e."));
        registerTyped("Vasseur", "Marc", "benevole");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Marc Vasseur est inscrit·e."));

        wait = logIn(douaiDirector, douai);
        browser.get(url("/c/" + douai.code() + "/formations/sessions/" + session));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-inscription")));
        assertThat(browser.getPageSource()).doesNotContain("Dhina").doesNotContain("Vasseur");
        registerTyped("Lefebvre", "Inès", "administrateur");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Inès Lefebvre est inscrit·e."));
        assertThat(browser.findElement(By.id("places")).getText()).contains("9", "sur 12");
        assertThat(browser.getPageSource()).doesNotContain("Dhina").doesNotContain("Vasseur");
        screenshot("parcours-second-centre");

        // held and signed: the direction ticks the grid from the session's page
        wait = logIn(direction, federation);
        browser.get(url(base + "/sessions/" + session));
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("émargement (saisir les présences)"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("grille")));
        List<Long> registrations = jdbc.sql("""
                select id from training_registrations where federation_id = ? and session_id = ? order by last_name""")
                .params(federation.id(), session).query(Long.class).list();
        List<Long> halfDays = jdbc.sql("""
                select id from training_half_days where federation_id = ? and session_id = ? order by period desc""")
                .params(federation.id(), session).query(Long.class).list();
        assertThat(registrations).hasSize(3);
        // Dhina both half-days, Lefebvre both, Vasseur the morning only
        tick(registrations.get(0), halfDays.get(0));
        tick(registrations.get(0), halfDays.get(1));
        tick(registrations.get(1), halfDays.get(0));
        tick(registrations.get(1), halfDays.get(1));
        tick(registrations.get(2), halfDays.get(0));
        browser.findElement(By.id("enregistrer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "5 présence(s) signée(s)"));
        screenshot("parcours-emargement");

        // evaluated
        browser.findElement(By.id("evaluations")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("evaluations-table")));
        scores(registrations.get(0), "1", "3", "5");
        scores(registrations.get(1), "2", "4", "4");
        scores(registrations.get(2), "2", "3", "3");
        browser.findElement(By.id("enregistrer-evaluations")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "3 personne(s) évaluée(s)"));
        // satisfaction (5 + 4 + 3) / 3 = 4,00; two of three answered 4 or more
        assertThat(browser.findElement(By.id("resultats-session")).getText()).contains("4,00", "66,7 %", "(2 sur 3)");

        // certified: one page per person present, with their own hours
        try (PDDocument document = Loader.loadPDF(download(base + "/sessions/" + session + "/attestations.pdf"))) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document).replaceAll("[\\s\u00a0\u202f]+", " ");
            assertThat(text).contains("Yasmine Dhina", "Marc Vasseur", "Inès Lefebvre", "Être référent·e famille",
                    "Centre social Vachala", "Maison de quartier Beaujardin", "7,00 h sur 7,00 h", "3,50 h sur 7,00 h");
        }

        // the year's figures: one action held, two structures (one of the 59, one of the 62), three people trained
        browser.get(url(base + "/chiffres"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chiffres")));
        assertThat(browser.findElement(By.id("actions")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("structures-formees")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("structures-59")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("structures-62")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("personnes")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.id("personnes-salarie")).getText()).isEqualTo("1");
        screenshot("parcours-chiffres");
    }

    private void registerTyped(String last, String first, String quality) {
        browser.findElement(By.id("lastName")).sendKeys(last);
        browser.findElement(By.id("firstName")).sendKeys(first);
        new Select(browser.findElement(By.id("quality"))).selectByValue(quality);
        browser.findElement(By.id("inscrire-bouton")).click();
    }

    private void tick(long registration, long halfDay) {
        WebElement box = browser.findElement(By.id("p-" + registration + "-" + halfDay));
        if (!box.isSelected()) {
            browser.findElement(By.xpath("//label[.//input[@id='p-" + registration + "-" + halfDay + "']]")).click();
        }
    }

    private void scores(long registration, String positioning, String acquired, String satisfaction) {
        browser.findElement(By.id("positioning-" + registration)).sendKeys(positioning);
        browser.findElement(By.id("acquired-" + registration)).sendKeys(acquired);
        browser.findElement(By.id("satisfaction-" + registration)).sendKeys(satisfaction);
    }

    /** The document at {@code path}, fetched by the page itself (with its session), as bytes. */
    private static byte[] download(String path) throws Exception {
        Object base64 = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
                  let s = ''; const bytes = new Uint8Array(b);
                  for (let i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
                  done(btoa(s));
                }).catch(e => done('error ' + e));""", path);
        byte[] pdf = Base64.getDecoder().decode((String) base64);
        Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve("parcours-attestations.pdf"), pdf);
        return pdf;
    }
}
