package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.activities.ActivityImporter;
import fr.trame.activities.SessionImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium, the direction's dashboard shows an activity's sessions planned, held and cancelled, its hours
 * and its persons by attendance rate; the cancelled count opens the cancelled session with its reason.
 */
class ActivityDashboardBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired SessionImporter sessions;
    @Autowired AttendanceImporter attendance;

    @Test
    void theDirectionSeesSessionsAndRegularityAndOpensTheCancelledOne() {
        Centre centre = fixtures.centre("dashact");
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex
                H1;LEA;Roux;Léa;F
                H2;NOE;Diallo;Noé;M
                """));
        activities.importCsv(centre.id(), csv("activity_ref;name;sector\nCUI;Atelier cuisine;Famille\n"));
        // 3 planned (2 of them held), 1 cancelled
        sessions.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;status;cancel_reason
                CUI;2026-03-04;14:00;16:00;;
                CUI;2026-03-11;14:00;16:00;;
                CUI;2026-03-18;14:00;16:00;;
                CUI;2026-03-25;14:00;16:00;annulee;Salle indisponible
                """));
        // Léa at both held sessions (100 %), Noé at one (50 %)
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref
                CUI;2026-03-04;14:00;16:00;LEA
                CUI;2026-03-04;14:00;16:00;NOE
                CUI;2026-03-11;14:00;16:00;LEA
                """));
        WebDriverWait wait = logIn(fixtures.user(centre, Role.DIRECTION), centre);
        browser.get(url("/c/" + centre.code() + "/tableau-de-bord?type=annee&annee=2026"));
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("activites")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].closest('section').scrollIntoView()", table);
        screenshot("tableau-de-bord-activites");
        // Activité, Personnes 2, Prévues 3, Tenues 2, Annulées 1, Heures 4,00, then 0-24 … 100: 0 0 1 0 1
        assertThat(table.findElement(By.cssSelector("tbody tr")).getText().replace('\u202f', ' '))
                .isEqualTo("Atelier cuisine 2 3 2 1 4,00 0 0 1 0 1");
        table.findElements(By.cssSelector("tbody tr td")).get(4).findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Salle indisponible"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Atelier cuisine : séances annulées")
                .contains("25/03/2026");
        screenshot("tableau-de-bord-seances-annulees");
    }
}
