package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.people.MembershipImporter;
import fr.trame.people.PeopleImporter;
import fr.trame.centre.UserService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real headless Chromium, the direction reads the dashboard's members' profile, new persons, persons by number of
 * sectors, flags (by label) and disability (counts, no link), the sectors' details, and follows a link to its list.
 */
class PublicsDashboardBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired MembershipImporter memberships;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;

    @Test
    void directionReadsTheSecondPartFigures() {
        Centre centre = fixtures.centre("pubnav");
        String username = fixtures.user(centre, Role.DIRECTION);
        // the disability counts are shown to users granted that permission only
        users.setSeesDisability(fixtures.userId(username), centre.id(), true);
        people.importCsv(centre.id(), Fixtures.csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date;role;quartier;qpv
                H1;ANNA;Roux;Anna;F;1990-06-01;responsable;Tilleuls;oui
                H1;LEO;Roux;Léo;M;2015-03-10;enfant;Tilleuls;oui
                H2;MARC;Petit;Marc;M;1980-01-01;responsable;Moulin;non
                """));
        memberships.importCsv(centre.id(), Fixtures.csv("""
                membership_ref;type;household_ref;person_ref;organisation;start_date;end_date
                M1;familiale;H1;;;2025-09-01;2026-08-31
                """));
        activities.importCsv(centre.id(), Fixtures.csv("""
                activity_ref;name;sector;kind
                A1;Atelier jeux;Enfance;atelier
                A2;Sortie familles;Famille;atelier
                A3;Foot;Jeunesse;atelier
                """));
        attendance.importCsv(centre.id(), Fixtures.csv("""
                activity_ref;date;start;end;person_ref;headcount;status
                A1;2025-11-01;10:00;12:00;MARC;;present
                A1;2026-02-01;10:00;12:00;LEO;;present
                A1;2026-02-01;10:00;12:00;MARC;;present
                A2;2026-03-01;14:00;17:00;LEO;;present
                A2;2026-03-01;14:00;17:00;ANNA;;present
                A3;2026-04-01;14:00;16:00;LEO;;present
                """));
        jdbc.sql("update persons set disability = true where centre_id = ? and ref = 'LEO'").param(centre.id()).update();
        jdbc.sql("insert into situation_flags (centre_id, code, label) values (?, 'primo', 'Primo-arrivant')")
                .param(centre.id()).update();
        jdbc.sql("""
                insert into person_flags (centre_id, person_id, flag_id)
                select p.centre_id, p.id, f.id from persons p join situation_flags f on f.centre_id = p.centre_id
                where p.centre_id = ? and p.ref = 'ANNA'""").param(centre.id()).update();
        WebDriverWait wait = logIn(username, centre);

        browser.get(url("/c/" + centre.code() + "/tableau-de-bord?type=annee&annee=2026"));
        WebElement profiles = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("profils")));
        // Anna, Léo new; Marc came in 2025. Léo in 3 sectors, Anna in 1 (Famille), Marc in 1 (Enfance)
        assertThat(profiles.getText()).contains("Primo-arrivant", "Trois secteurs ou plus", "En situation de handicap",
                "Nouvelles personnes (jamais venues avant la période)", "Personnes adhérentes par sexe")
                .doesNotContain("primo ");
        assertThat(profiles.findElements(By.xpath(".//section[h2='Situation de handicap (personnes)']//a"))).isEmpty();
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", profiles);
        screenshot("tableau-de-bord-profils");
        WebElement sectors = browser.findElement(By.id("secteurs-publics"));
        assertThat(sectors.getText()).contains("Tilleuls", "Jeunesse");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", sectors);
        screenshot("tableau-de-bord-secteurs-publics");

        // the activities table comes once the page is shown, their publics once scrolled to: Foot, Léo (M, 10, Tilleuls)
        WebElement publicsSection = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("activites-publics-section")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", publicsSection);
        WebElement foot = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//table[@id='activites-publics']//tr[td[1]='Foot']")));
        assertThat(foot.getText()).startsWith("Foot 0 1 0 0 0 1 ");
        screenshot("tableau-de-bord-publics-des-activites");
        String newPersons = profiles.findElement(By.xpath(".//section[h2='Nouveaux publics']//tbody/tr[1]//a")).getAttribute("href");
        browser.get(newPersons);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count"), "2"));
        assertThat(browser.findElement(By.id("contenu")).getText()).contains("Anna Roux", "Léo Roux").doesNotContain("Marc");
        screenshot("tableau-de-bord-nouvelles-personnes");
    }
}
