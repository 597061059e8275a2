package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.people.PeopleImporter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 60-name attendance sheet on a tablet, in real headless Chromium: taps, times, "tous présents" and its undo never
 * bring the sheet back to the top; the counter follows; the name filter finds "Hélène" typed "helene".
 */
class AttendanceSheetBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired fr.trame.activities.ActivityImporter activities;
    @Autowired fr.trame.activities.SessionService sessions;
    @Autowired fr.trame.activities.EnrolmentService enrolments;
    @Autowired fr.trame.attendance.AttendanceService attendance;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aSixtyNameSheetKeepsItsPlaceCountsFiltersAndUndoesTousPresents() throws Exception {
        Centre centre = fixtures.centre("soixante");
        String animateur = fixtures.user(centre, Role.ANIMATEUR);
        StringBuilder csv = new StringBuilder("household_ref;person_ref;last_name;first_name;birth_date;sex\n");
        for (int i = 1; i <= 59; i++) {
            csv.append("H").append(i).append(";P").append(i).append(";Nom").append(String.format("%02d", i))
                    .append(";Enfant;2016-01-01;M\n");
        }
        csv.append("H60;HEL;Zidane;Hélène;2016-01-01;F\nH61;OUT;Roux;Ana;1990-01-01;F\n");
        people.importCsv(centre.id(), Fixtures.csv(csv.toString()));
        activities.importCsv(centre.id(), Fixtures.csv("activity_ref;name;sector;kind\nACM;Accueil de loisirs;Enfance;acm\n"));
        long activity = id(centre, "activities", "ACM");
        jdbc.sql("select id from persons where centre_id = ? and ref <> 'OUT'").param(centre.id()).query(Long.class).list()
                .forEach(p -> enrolments.enrol(centre.id(), activity, p, null));
        long session = sessions.addOneOff(centre.id(), activity, LocalDate.now(), LocalTime.of(9, 0), LocalTime.of(17, 0));
        // marked before by someone else: an absent and an excusé far down the sheet
        attendance.save(centre.id(), session, Map.of(id(centre, "persons", "P40"), "absent", id(centre, "persons", "P41"), "excuse"));

        browser.manage().window().setSize(new Dimension(800, 1200));
        WebDriverWait wait = logIn(animateur, centre);
        browser.get(url("/c/" + centre.code() + "/seances/" + session));
        wait.until(ExpectedConditions.textToBe(By.id("compteur"), "0 présent / 60"));
        screenshot("appel-60-tablette-haut");
        js("window.sameSheet = true"); // lost if the page reloads

        // scroll far down, tap a name: the sheet stays where it is, the focus on the name, the counter moves
        WebElement p45 = row(centre, "P45");
        js("arguments[0].scrollIntoView({block: 'center'})", p45);
        long scrolled = scrollY();
        assertThat(scrolled).isGreaterThan(1500);
        By state45 = By.cssSelector("#" + p45.getAttribute("id") + " .state");
        browser.findElement(By.cssSelector("#" + p45.getAttribute("id") + " button.tap")).click();
        wait.until(ExpectedConditions.textToBe(state45, "présent"));
        wait.until(ExpectedConditions.textToBe(By.id("compteur"), "1 présent / 60"));
        assertThat(scrollY()).isEqualTo(scrolled);
        assertThat(js("return document.activeElement.id")).isEqualTo("tap-" + id(centre, "persons", "P45"));
        assertThat(browser.findElement(By.id("annonce")).getText()).isEqualTo("Enfant Nom45 : présent");
        screenshot("appel-60-tablette-bas");

        // times of a line: saved in place, the summary shows them
        WebElement p50 = row(centre, "P50");
        String p50Id = p50.getAttribute("id").substring(2);
        browser.findElement(By.id("h-" + p50Id)).click();
        js("arguments[0].value = '09:15'", browser.findElement(By.id("arr-" + p50Id)));
        js("arguments[0].value = '16:45'", browser.findElement(By.id("dep-" + p50Id)));
        long beforeTimes = scrollY();
        browser.findElement(By.id("ok-" + p50Id)).click();
        wait.until(ExpectedConditions.textToBe(By.id("h-" + p50Id), "09:15 – 16:45"));
        wait.until(ExpectedConditions.textToBe(By.id("compteur"), "2 présents / 60"));
        assertThat(scrollY()).isEqualTo(beforeTimes);
        assertThat(js("return document.activeElement.id")).isEqualTo("ok-" + p50Id);

        // the filter: no accent typed, instant, the other names hidden
        WebElement filter = browser.findElement(By.id("filtre"));
        filter.sendKeys("helene");
        assertThat(visibleNames()).containsExactly("Zidane Hélène");
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wait.until(d -> visibleNames().size() == 60);

        // "tous présents" from far down: only the 56 lines à faire change, then "Annuler" puts back exactly the sheet
        // the bar above may grow or shrink with its message; the lines on screen must not move (nor the page go up)
        WebElement p38 = row(centre, "P38");
        js("arguments[0].scrollIntoView({block: 'center'})", p38);
        long beforeAll = top("p-" + id(centre, "persons", "P38"));
        List<String> statesBefore = states();
        browser.findElement(By.id("all-present")).click(); // the bar stays in sight, at the top of the screen
        wait.until(ExpectedConditions.textToBe(By.id("compteur"), "58 présents / 60"));
        assertThat(top("p-" + id(centre, "persons", "P38"))).isBetween(beforeAll - 2, beforeAll + 2);
        assertThat(scrollY()).isGreaterThan(1500);
        assertThat(browser.findElement(By.cssSelector("#" + row(centre, "P40").getAttribute("id") + " .state")).getText()).isEqualTo("absent");
        assertThat(browser.findElement(By.cssSelector("#" + row(centre, "P41").getAttribute("id") + " .state")).getText()).isEqualTo("excusé");
        assertThat(browser.findElement(By.id("annonce")).getText()).startsWith("56 lignes « à faire » notées présentes.");
        screenshot("appel-60-tous-presents");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("undo"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("compteur"), "2 présents / 60"));
        assertThat(states()).isEqualTo(statesBefore);
        assertThat(top("p-" + id(centre, "persons", "P38"))).isBetween(beforeAll - 2, beforeAll + 2);
        assertThat(scrollY()).isGreaterThan(1500);
        assertThat(js("return document.activeElement.id")).isEqualTo("all-present");
        assertThat(browser.findElements(By.id("undo"))).isEmpty();

        // adding someone not enrolled: found as typed, added present, the sheet does not go back to the top
        WebElement search = browser.findElement(By.id("q"));
        js("arguments[0].scrollIntoView({block: 'center'})", search);
        search.sendKeys("roux");
        long ana = id(centre, "persons", "OUT");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("add-" + ana))).click();
        wait.until(ExpectedConditions.textToBe(By.id("compteur"), "3 présents / 61"));
        assertThat(browser.findElement(By.cssSelector("#p-" + ana + " .state")).getText()).isEqualTo("présent");
        assertThat(scrollY()).isGreaterThan(1500);
        assertThat(browser.getCurrentUrl()).endsWith("/seances/" + session);
        assertThat(js("return window.sameSheet === true")).isEqualTo(true); // every change above was swapped in place

        // the same sheet on a phone: the menu folds behind a button
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.id("compteur"), "3 présents / 61"));
        WebElement menu = browser.findElement(By.cssSelector("header.top .menu-toggle"));
        assertThat(menu.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("menu")).isDisplayed()).isFalse();
        assertThat(js("return Array.from(document.querySelectorAll('body *')).filter(e => e.checkVisibility() && e.getBoundingClientRect().right"
                + " > document.documentElement.clientWidth + 1).map(e => e.tagName + '#' + e.id + '.' + e.className)"))
                .as("nothing wider than the phone's screen").asList().isEmpty();
        screenshot("appel-telephone");
        js("window.scrollTo(0, 0)");
        screenshot("appel-telephone-haut");
        menu.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Activités")));
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
        screenshot("appel-telephone-menu");

        // touch targets on a tablet: the time fields, the small buttons, the toggles are at least 44 px high
        browser.manage().window().setSize(new Dimension(800, 1200));
        browser.navigate().refresh();
        browser.findElement(By.id("h-" + p50Id)).click();
        for (String selector : List.of("#arr-" + p50Id, "#ok-" + p50Id, "#h-" + p50Id, "#tap-" + p50Id, "#filtre",
                "#all-present", "#ajout button.small")) {
            assertThat(browser.findElement(By.cssSelector(selector)).getSize().getHeight()).as(selector).isGreaterThanOrEqualTo(44);
        }

        // the sign-in sheet: printed on A4, its head on every page
        browser.findElement(By.id("emargement")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table#emargement")));
        assertThat(browser.findElements(By.cssSelector("header.top"))).isEmpty();
        screenshot("emargement");
        PrintOptions a4 = new PrintOptions();
        a4.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
        byte[] pdf = Base64.getDecoder().decode(((PrintsPage) browser).print(a4).getContent());
        Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve("emargement.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            PDFTextStripper text = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                text.setStartPage(page);
                text.setEndPage(page);
                assertThat(text.getText(document)).as("page " + page).contains("Signature").doesNotContain("Se déconnecter");
            }
        }
    }

    private WebElement row(Centre centre, String ref) {
        return browser.findElement(By.id("p-" + id(centre, "persons", ref)));
    }

    private List<String> visibleNames() {
        return browser.findElements(By.cssSelector("#lignes tr[data-nom]")).stream()
                .filter(WebElement::isDisplayed).map(r -> r.getAttribute("data-nom")).toList();
    }

    private List<String> states() {
        @SuppressWarnings("unchecked")
        List<String> states = (List<String>) js("return Array.from(document.querySelectorAll('#lignes tr[data-nom]'))"
                + ".map(r => r.id + ' ' + r.querySelector('.state').textContent)");
        return states;
    }

    /** Where an element is on the screen, from the top of the window. */
    private long top(String elementId) {
        return ((Number) js("return Math.round(document.getElementById(arguments[0]).getBoundingClientRect().top)", elementId)).longValue();
    }

    private long scrollY() {
        return ((Number) js("return window.scrollY")).longValue();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private long id(Centre centre, String table, String ref) {
        return jdbc.sql("select id from " + table + " where centre_id = ? and ref = ?").params(centre.id(), ref)
                .query(Long.class).single();
    }
}
