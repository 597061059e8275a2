package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of an address that leads nowhere, as a person meets it: the whole French page (its explanation and the way
 * back), whether the address is a federation's, a centre's or neither.
 */
class ErrorPageBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;

    @Test
    void anUnknownAddressShowsTheWholeFrenchPage() {
        Federation federation = fixtures.federation("introuvable");
        WebDriverWait wait = logIn(fixtures.user(federation, FederationRole.ADMIN), federation);
        browser.get(url("/f/" + federation.code() + "/formation/rien-ici"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Revenir à l'accueil")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Page introuvable",
                "Cette fiche n'existe pas, ou elle n'appartient pas à votre fédération.");
        browser.get(url("/nulle-part"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Revenir à l'accueil")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Page introuvable");

        Centre centre = fixtures.centre("introuvable");
        wait = logIn(fixtures.user(centre, Role.DIRECTION), centre);
        browser.get(url("/c/" + centre.code() + "/rien-ici"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Revenir à l'accueil")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Page introuvable",
                "Cette fiche n'existe pas, ou elle n'appartient pas à votre centre.");
        screenshot("page-introuvable");
    }
}
