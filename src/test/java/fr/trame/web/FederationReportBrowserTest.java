package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader opens the federation's annual report; the direction writes a chapter's text. */
class FederationReportBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void theReportShowsEveryChapterAndTheDirectionWritesItsText() {
        Federation federation = fixtures.federation("rapportweb");
        long at = jdbc.sql("insert into territories (federation_id, name) values (?, 'Lens-Liévin') returning id")
                .param(federation.id()).query(Long.class).single();
        long structure = jdbc.sql("""
                insert into structures (federation_id, ref, name, kind, departement, territory_id)
                values (?, 'CS1', 'Centre social Vachala', 'cs', '62', ?) returning id""")
                .params(federation.id(), at).query(Long.class).single();
        jdbc.sql("insert into structure_memberships (federation_id, structure_id, state, since) values (?, ?, 'adherent', ?)")
                .params(federation.id(), structure, LocalDate.of(2025, 3, 1)).update();
        String direction = fixtures.user(federation, FederationRole.ADMIN);
        String base = "/f/" + federation.code() + "/rapport";

        WebDriverWait wait = logIn(direction, federation);
        browser.get(url(base + "/2025/textes/reseau"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("body"))).sendKeys("Une année de croissance.");
        browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(url(base + "/2025")));
        assertThat(browser.findElement(By.id("chapitre-reseau")).getText()).contains("Une année de croissance.");

        logIn(fixtures.user(federation, FederationRole.READER), federation);
        browser.get(url(base + "/2025"));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Assemblée territoriale Lens-Liévin", "La formation et le FOSFORA",
                "Aucun questionnaire SENACS transmis pour cette année").doesNotContain("Écrire les textes");
        screenshot("federation-rapport-annuel");
    }
}
