package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.centre.UserService;
import fr.trame.demo.DemoFederation;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demonstration federation as its direction and a délégué open it: the home page goes to /f/npdc, the registry
 * lists the generated structures, and a centre that runs Trame stays closed to them.
 */
class DemoFederationBrowserTest extends InChromium {

    @Autowired DemoFederation demo;
    @Autowired FederationService federations;
    @Autowired UserService users;

    /** The demonstration federation (made once for the shared database), its accounts given the fixtures' password. */
    Federation federation() {
        Federation federation = federations.findByCode(DemoFederation.CODE)
                .orElseGet(() -> demo.generate(LocalDate.now(), false).federation());
        for (String username : new String[] {"npdc.direction", "npdc.thibault"}) {
            long id = users.findByUsername(username).orElseThrow().id();
            String generated = users.resetPassword(id);
            assertThat(users.changeOwnPassword(id, generated, Fixtures.PASSWORD, Fixtures.PASSWORD)).isNull();
        }
        return federation;
    }

    @Test
    void theDirectionAndADelegueOpenTheFederationAndNoCentre() {
        Federation federation = federation();
        logIn("npdc.direction", federation);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(DemoFederation.NAME);
        screenshot("demo-federation-home");
        browser.get(url("/f/npdc/structures"));
        String registry = browser.findElement(By.tagName("body")).getText();
        assertThat(registry).contains("179 structure(s)", "Rexpoëde", "Valenciennois", "Artois Audomarois");
        screenshot("demo-federation-structures");

        logIn("npdc.thibault", federation);
        browser.get(url("/c/npdc-hazebrouck/foyers"));
        String closed = browser.findElement(By.tagName("body")).getText();
        assertThat(closed).contains("Page introuvable");
        assertThat(browser.getCurrentUrl()).contains("/c/npdc-hazebrouck/foyers");
        screenshot("demo-federation-centre-closed");
    }
}
