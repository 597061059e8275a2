package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.training.FundService;
import fr.trame.training.TrainingService;
import fr.trame.training.TrainingService.NewCourse;
import fr.trame.training.TrainingService.NewHalfDay;
import fr.trame.training.TrainingService.NewRegistration;
import fr.trame.training.TrainingService.NewSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direction opens a FOSFORA envelope (a mistyped amount first, refused in French), adds a line of 450 € per session,
 * attaches the session that two volunteers of two centres attended, and reads the reconciliation to the cent:
 * 70 700,00 € = 3 535,00 € + 450,00 € + 66 715,00 €, the 450 € split 225 € to each centre.
 */
class FundBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired TrainingService training;
    @Autowired JdbcClient jdbc;
    @Autowired FundService funds;

    @Test
    void theDirectionOpensAnEnvelopeAddsALineAttachesASessionAndReadsTheReconciliation() {
        Federation federation = fixtures.federation("fosfora");
        long lens = fixtures.structure(federation, "Centre social de Lens", "62", null);
        long douai = fixtures.structure(federation, "Centre social de Douai", "59", null);
        long course = training.createCourse(federation.id(), new NewCourse("Préparer son assemblée générale", "benevoles", null,
                null, null, new BigDecimal("3"), 0L, "presentiel", false, null));
        long session = training.planSession(federation.id(), new NewSession(course, "Lille", 1, 12,
                List.of(new NewHalfDay(LocalDate.of(2023, 4, 8), "matin", new BigDecimal("3"))), List.of()));
        long halfDay = training.halfDays(federation.id(), session).get(0).id();
        for (Object[] p : new Object[][] {{lens, "Lemaire", "Monique"}, {douai, "Wattez", "Hervé"}}) {
            long r = training.register(federation.id(), session, new NewRegistration((Long) p[0], (String) p[1], (String) p[2],
                    null, null, "benevole", "saisie", null, false, null)).id();
            jdbc.sql("insert into training_presences (federation_id, registration_id, half_day_id) values (?, ?, ?)")
                    .params(federation.id(), r, halfDay).update();
        }
        String direction = fixtures.user(federation, FederationRole.ADMIN);

        WebDriverWait wait = logIn(direction, federation);
        browser.get(url("/f/" + federation.code() + "/formation/fonds"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fund-name"))).sendKeys("FOSFORA");
        new Select(browser.findElement(By.id("fund-kind"))).selectByValue("cotisations");
        browser.findElement(By.id("creer-fonds")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Fonds « FOSFORA » créé"));

        browser.findElement(By.id("year")).clear();
        browser.findElement(By.id("year")).sendKeys("2023");
        browser.findElement(By.id("amount")).sendKeys("70 700,001");
        browser.findElement(By.id("levyRate")).sendKeys("5");
        browser.findElement(By.id("creer-enveloppe")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("amount-erreur")));
        assertThat(text("amount-erreur"))
                .isEqualTo("« 70 700,001 » n'est pas un montant en euros (le montant de l'enveloppe) : par exemple 1200 ou 1200,50.");
        assertThat(browser.findElement(By.id("amount")).getAttribute("value")).isEqualTo("70 700,001");
        assertThat(browser.findElement(By.id("levyRate")).getAttribute("value")).isEqualTo("5");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('nouvelle-enveloppe').scrollIntoView()");
        screenshot("fonds-montant-refuse");

        browser.findElement(By.id("amount")).clear();
        browser.findElement(By.id("amount")).sendKeys("70 700");
        browser.findElement(By.id("creer-enveloppe")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rapprochement")));
        assertThat(text("egalite"))
                .isEqualTo("enveloppe 70 700,00 € = prélèvement national 3 535,00 € + attributions 0,00 € + reste 67 165,00 €");

        browser.findElement(By.id("line-label")).sendKeys("Formation des bénévoles (catalogue)");
        new Select(browser.findElement(By.id("line-rule"))).selectByValue("par_session");
        browser.findElement(By.id("line-rate")).sendKeys("450");
        browser.findElement(By.id("ajouter-ligne")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-session")));
        new Select(browser.findElement(By.id("sessionId"))).selectByValue(String.valueOf(session));
        browser.findElement(By.id("rattacher")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Session rattachée"));
        assertThat(text("attribue")).isEqualTo("450,00 €");
        assertThat(text("comptes"))
                .isEqualTo("1 session(s) sur 1 couverte(s), 1 demi-journée(s), 2 structure(s), 2 bénévole(s)");
        assertThat(text("table-structures"))
                .contains("Centre social de Douai 59 1 1 225,00 € 225,00 €", "Centre social de Lens 62 1 1 225,00 € 225,00 €");
        assertThat(text("table-benevoles")).contains("Monique Lemaire", "Hervé Wattez");
        screenshot("fonds-ligne");

        browser.findElement(By.partialLinkText("FOSFORA 2023")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rapprochement")));
        assertThat(text("egalite"))
                .isEqualTo("enveloppe 70 700,00 € = prélèvement national 3 535,00 € + attributions 450,00 € + reste 66 715,00 €");
        assertThat(text("table-lignes")).contains("Formation des bénévoles (catalogue)")
                .contains("Par session tenue : 450,00 €");
        assertThat(text("prelevement-calcul")).startsWith("5 % de 70 700,00 € = 3 535,00 €");
        screenshot("fonds-enveloppe");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('lignes').scrollIntoView()");
        screenshot("fonds-enveloppe-lignes");

        browser.findElement(By.cssSelector("#r-reste")).click();
        assertThat(browser.getCurrentUrl()).endsWith("#reste");

        // an envelope cut to 400 € overruns: 400,00 = 20,00 + 450,00 − 70,00, in red
        browser.findElement(By.cssSelector("#modifier-enveloppe summary")).click();
        browser.findElement(By.id("edit-amount")).clear();
        browser.findElement(By.id("edit-amount")).sendKeys("400");
        browser.findElement(By.id("enregistrer-enveloppe")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Enveloppe modifiée"));
        assertThat(text("egalite"))
                .isEqualTo("enveloppe 400,00 € = prélèvement national 20,00 € + attributions 450,00 € + reste -70,00 €");
        assertThat(text("depassement")).contains("dépassent l'enveloppe de 70,00 €");
        assertThat(browser.findElement(By.id("r-reste")).getCssValue("color")).isNotEqualTo(
                browser.findElement(By.id("r-attributions")).getCssValue("color"));
        screenshot("fonds-depassement");
    }

    /**
     * A reader of the federation reads an envelope with a capped line, a forfait and a cancelled session: the figures,
     * no name of a volunteer, no form.
     */
    @Test
    void aReaderReadsTheFiguresWithoutNamesNorForms() {
        Federation federation = fixtures.federation("fosfora-lecture");
        long lens = fixtures.structure(federation, "Centre social de Lens", "62", null);
        long douai = fixtures.structure(federation, "Centre social de Douai", "59", null);
        long course = training.createCourse(federation.id(), new NewCourse("AMEPP", "mixte", null, null, null,
                new BigDecimal("6"), 0L, "presentiel", false, null));
        long held = training.planSession(federation.id(), new NewSession(course, "Douai", 1, 12, List.of(
                new NewHalfDay(LocalDate.of(2023, 10, 2), "matin", new BigDecimal("3")),
                new NewHalfDay(LocalDate.of(2023, 10, 2), "apres_midi", new BigDecimal("3"))), List.of()));
        long cancelled = training.planSession(federation.id(), new NewSession(course, "Lens", 1, 12, List.of(
                new NewHalfDay(LocalDate.of(2023, 11, 6), "matin", new BigDecimal("3"))), List.of()));
        training.cancel(federation.id(), cancelled, "effectif_insuffisant", null, LocalDate.of(2023, 11, 1));
        List<TrainingService.HalfDay> days = training.halfDays(federation.id(), held);
        present(federation, held, lens, "Vasseur", "Sophie", days.get(0).id(), days.get(1).id());
        present(federation, held, douai, "Cousin", "Yves", days.get(0).id());
        present(federation, held, douai, "Benali", "Nadia", days.get(0).id());
        long fund = funds.createFund(federation.id(), "FOSFORA", "cotisations", null);
        long envelope = funds.createEnvelope(federation.id(), fund, 2023, 7_070_000, 500, null, null);
        funds.createLine(federation.id(), envelope, new FundService.NewLine("AMEPP", "par_demi_journee", 22_500, 40_000L, course));
        funds.createLine(federation.id(), envelope, new FundService.NewLine("Congrès", "forfait", 1_000_000, null, null));
        String reader = fixtures.user(federation, FederationRole.READER);

        WebDriverWait wait = logIn(reader, federation);
        browser.get(url("/f/" + federation.code() + "/formation/fonds"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("table-enveloppes")));
        assertThat(text("table-enveloppes")).contains("FOSFORA 2023 70 700,00 € 3 535,00 € 10 400,00 € 56 765,00 € 2");
        assertThat(browser.findElements(By.id("form-fonds"))).isEmpty();
        assertThat(browser.findElements(By.id("form-enveloppe"))).isEmpty();
        screenshot("fonds-lecture-liste");

        browser.findElement(By.linkText("2023")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rapprochement")));
        assertThat(text("egalite")).isEqualTo(
                "enveloppe 70 700,00 € = prélèvement national 3 535,00 € + attributions 10 400,00 € + reste 56 765,00 €");
        // 2 half-days × 225 €: the morning's 225 € to Lens 1/3, Douai 2/3, the afternoon's to Lens: Lens 300 €, Douai 150 €;
        // capped to 400 €: 266,666… and 133,333…, the odd cent to Lens (the larger fraction)
        assertThat(text("table-structures")).contains("Centre social de Douai 59 2 1 1 133,33 €",
                "Centre social de Lens 62 1 1 1 266,67 €", "Forfaits (attribués à aucune structure) 10 000,00 €",
                "Total : les attributions 10 400,00 €");
        assertThat(text("table-lignes")).contains("plafonné (calcul : 450,00 €)");
        assertThat(browser.findElements(By.id("form-ligne"))).isEmpty();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('lignes').scrollIntoView()");
        screenshot("fonds-lecture-enveloppe");

        browser.findElement(By.linkText("AMEPP")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("table-sessions")));
        assertThat(text("table-sessions")).contains("Annulée non comptée : annulée");
        assertThat(text("calcul")).isEqualTo("2 demi-journée(s) × 225,00 € = 450,00 € (ramené au plafond de 400,00 €)");
        assertThat(browser.findElements(By.id("table-benevoles"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("Sophie").doesNotContain("Benali");
        assertThat(browser.findElements(By.id("form-session"))).isEmpty();
        screenshot("fonds-lecture-ligne");
    }

    private void present(Federation federation, long session, long structure, String last, String first, long... halfDays) {
        long r = training.register(federation.id(), session, new NewRegistration(structure, last, first, null, null, "benevole",
                "saisie", null, false, null)).id();
        for (long h : halfDays) {
            jdbc.sql("insert into training_presences (federation_id, registration_id, half_day_id) values (?, ?, ?)")
                    .params(federation.id(), r, h).update();
        }
    }

    /** An element's text with its no-break spaces (thousands, before €) as plain spaces. */
    private static String text(String id) {
        return browser.findElement(By.id(id)).getText().replace('\u202f', ' ').replace('\u00a0', ' ').replace('\u2212', '-');
    }
}
