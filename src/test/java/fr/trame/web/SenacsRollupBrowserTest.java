package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.senacs.SenacsStructureRows;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader of the federation sees the network's SENACS figures with N-1 and follows one to the structures behind it. */
class SenacsRollupBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired SenacsStructureRows rows;

    @Test
    void aReaderSeesTheFiguresAndTheStructuresBehindOne() {
        Federation federation = fixtures.federation("chiffres");
        long a = fixtures.structure(federation, "Centre social Kaleido", "62", null);
        long b = fixtures.structure(federation, "Centre social Salengro", "59", null);
        rows.write(federation.id(), a, 2025, "soumis", Map.of("PUB_PERSONNES", "120", "ID_QPV", "oui", "ID_MILIEU", "urbain"));
        rows.write(federation.id(), b, 2025, "soumis", Map.of("PUB_PERSONNES", "80", "ID_QPV", "non", "ID_MILIEU", "rural"));
        rows.write(federation.id(), a, 2024, "soumis", Map.of("PUB_PERSONNES", "150"));
        String reader = fixtures.user(federation, FederationRole.READER);

        WebDriverWait wait = logIn(reader, federation);
        browser.get(url("/f/" + federation.code() + "/senacs/2025/chiffres"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "200 personnes"));
        screenshot("senacs-chiffres");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("200 personnes 150 +50 2", "Structures qui répondent oui");
        browser.findElement(By.linkText("200 personnes")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Centre social Salengro"));
        screenshot("senacs-chiffres-structures");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Personnes différentes touchées dans l'année (activités et accueil)");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Centre social Kaleido", "120", "80");
    }
}
