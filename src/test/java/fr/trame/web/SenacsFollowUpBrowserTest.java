package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.federation.FederationScope;
import fr.trame.federation.TerritoryService;
import fr.trame.senacs.SenacsCampaigns;
import fr.trame.senacs.Question;
import fr.trame.senacs.StructureReturns;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The direction follows the SENACS campaign by AT, opens a structure's return, saves a draft, and reads the checks. */
class SenacsFollowUpBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired TerritoryService territories;
    @Autowired StructureReturns returns;
    @Autowired SenacsCampaigns campaigns;
    @Autowired JdbcClient jdbc;

    @Test
    void theDirectionFollowsTheCampaignAndEntersAReturn() {
        Federation federation = fixtures.federation("senacs-web");
        long lens = territories.create(federation.id(), "Lens", "at");
        long vachala = fixtures.structure(federation, "Centre social Vachala", "62", null);
        long kaleido = fixtures.structure(federation, "Centre social Kaleido", "62", null);
        jdbc.sql("update structures set territory_id = ? where federation_id = ?").params(lens, federation.id()).update();
        Map<String, String> typed = new HashMap<>();
        for (Question q : campaigns.forYear(2025).questions()) {
            typed.put(q.code(), switch (q.type()) {
                case OUI_NON -> "oui";
                case CHOIX -> q.choices().get(0);
                case DATE -> "31/12/2025";
                case TEXTE -> "Texte";
                default -> "3";
            });
        }
        typed.put("SAL_ETP", "4,5");
        typed.put("GOV_CA_MEMBRES", "12");
        assertThat(returns.save(FederationScope.commandLine(federation), kaleido, 2025, typed, true).any()).isFalse();
        String direction = fixtures.user(federation, FederationRole.ADMIN);

        WebDriverWait wait = logIn(direction, federation);
        browser.get(url("/f/" + federation.code() + "/senacs?annee=2025"));
        String counts = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("counts"))).getText();
        assertThat(counts).contains("Lens 2 1 1", "Total 2 1 1");
        screenshot("senacs-suivi");

        browser.findElement(By.linkText("Centre social Vachala")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q_PUB_PERSONNES"))).sendKeys("douze");
        browser.findElement(By.cssSelector("button[value=brouillon]")).click();
        String refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".field-error"))).getText();
        assertThat(refused).contains("reçu « douze »");
        browser.findElement(By.id("q_PUB_PERSONNES")).clear();
        browser.findElement(By.id("q_PUB_PERSONNES")).sendKeys("120");
        browser.findElement(By.cssSelector("button[value=brouillon]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Brouillon enregistré."));
        screenshot("senacs-saisie");
        assertThat(returns.read(federation.id(), vachala, 2025).answers()).containsEntry("PUB_PERSONNES", "120");

        browser.get(url("/f/" + federation.code() + "/senacs/2025/controles"));
        String problems = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problems"))).getText();
        assertThat(problems).contains("Centre social Kaleido", "ETP supérieurs à l'effectif salarié", "4.50");
        screenshot("senacs-controles");
    }
}
