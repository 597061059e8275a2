package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import fr.trame.people.FlagService;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real headless Chromium, a receptionist who holds the disability permission fills a child's school, class,
 * situation flags and disability on the person form; the person page shows them back.
 */
class PersonDetailsBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter importer;
    @Autowired FlagService flags;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    @Test
    void fillSchoolFlagsAndDisability() {
        Centre centre = fixtures.centre("details-web");
        String username = fixtures.user(centre, Role.ACCUEIL);
        users.setSeesDisability(fixtures.userId(username), centre.id(), true);
        flags.add(centre.id(), "primo_arrivant", "Primo-arrivant");
        flags.add(centre.id(), "allophone", "Allophone");
        flags.add(centre.id(), "fle", "Apprenant FLE");
        importer.importCsv(centre.id(), Fixtures.csv("""
                household_ref;person_ref;last_name;first_name;birth_date
                H1;P1;Benali;Inès;2014-09-02
                """));
        long person = jdbc.sql("select id from persons where centre_id = ? and ref = 'P1'").param(centre.id())
                .query(Long.class).single();
        WebDriverWait wait = logIn(username, centre);

        browser.get(url("/c/" + centre.code() + "/personnes/" + person + "/modifier"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("school"))).sendKeys("École Jules Ferry");
        browser.findElement(By.id("schoolLevel")).sendKeys("CM2");
        browser.findElement(By.id("flag-primo_arrivant")).click();
        browser.findElement(By.id("flag-allophone")).click();
        browser.findElement(By.cssSelector("#handicap input[value='oui']")).click();
        screenshot("personne-details-formulaire");
        browser.findElement(By.xpath("//button[text()='Enregistrer']")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("handicap")));
        assertThat(browser.findElement(By.id("handicap")).getText()).isEqualTo("Oui");
        assertThat(browser.findElement(By.id("situations")).getText()).contains("Allophone", "Primo-arrivant")
                .doesNotContain("Apprenant FLE");
        assertThat(browser.findElement(By.id("contenu")).getText()).contains("École Jules Ferry", "CM2");
        screenshot("personne-details-fiche");
        assertThat(jdbc.sql("select disability from persons where centre_id = ? and id = ?").params(centre.id(), person)
                .query(Boolean.class).single()).isTrue();
    }
}
