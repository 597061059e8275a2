package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.federation.TerritoryService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direction creates a race, imports its registrations from a file (one runner in two races, one person outside
 * the network), ticks who came on the day and reads the figures; a reader of the federation reads the same figures
 * and no name.
 */
class NetworkEventBrowserTest extends InChromium {

    @Autowired Fixtures fixtures;
    @Autowired TerritoryService territories;
    @Autowired JdbcClient jdbc;

    @Test
    void theDirectionRunsARaceAndAReaderReadsItsFigures() throws Exception {
        Federation federation = fixtures.federation("course");
        long at = territories.create(federation.id(), "Lille Métropole", "at");
        structure(federation, "EV1", "Centre social Marcel Pagnol", "59", at);
        structure(federation, "EV2", "Maison de quartier du Faubourg", "59", at);
        structure(federation, "EV3", "Centre social de Liévin", "62", null);
        String director = fixtures.user(federation, FederationRole.ADMIN);
        String reader = fixtures.user(federation, FederationRole.READER);

        WebDriverWait wait = logIn(director, federation);
        browser.get(url("/f/" + federation.code() + "/evenements"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nouvel-evenement")));
        new Select(browser.findElement(By.id("kind"))).selectByValue("course");
        browser.findElement(By.id("title")).sendKeys("Course solidaire de printemps");
        browser.findElement(By.id("startsOn")).sendKeys("14/05/2023");
        browser.findElement(By.id("place")).sendKeys("Parc de la Citadelle, Lille");
        browser.findElement(By.id("capacity")).sendKeys("500");
        browser.findElement(By.id("creer")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-inscriptions")));
        Path csv = Files.createTempFile("inscriptions", ".csv");
        Files.writeString(csv, """
                nom;prenom;structure_ref;qualite;categorie
                Dupont;Marie;EV1;benevole;10 km
                Dupont;Marie;EV1;benevole;5 km
                Martin;Paul;EV1;salarie;10 km
                Lefèvre;Ana;EV2;habitant;enfant
                Roux;Léo;EV3;habitant;5 km
                Petit;Jade;;habitant;5 km
                """, StandardCharsets.UTF_8);
        browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("importer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-result"), "6 inscription(s) ajoutée(s)"));
        assertThat(browser.findElement(By.id("inscrits")).getText()).contains("5").contains("6 inscriptions");
        assertThat(browser.findElement(By.id("structures")).getText()).startsWith("3");
        scrollTo("import-result");
        screenshot("evenement-import");

        browser.findElement(By.id("pointer")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feuille-presences")));
        tick("Dupont");
        tick("Martin");
        tick("Roux");
        screenshot("evenement-pointage");
        browser.findElement(By.id("enregistrer-presences")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "3 présent·e(s) et 3 absent·e(s)"));

        String page = url("/f/" + federation.code() + "/evenements/" + browser.getCurrentUrl().replaceAll(".*/evenements/([0-9]+).*", "$1"));
        browser.get(page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chiffres")));
        assertThat(browser.findElement(By.id("presents")).getText()).startsWith("3").contains("2 absente(s)")
                .contains("0 pas encore pointée(s)");
        assertThat(browser.findElement(By.id("par-departement")).getText()).contains("59 2 3 2").contains("62 1 1 1")
                .contains("Hors réseau, individuels 0 1 0");
        scrollTo("chiffres");
        screenshot("evenement-chiffres");
        scrollTo("par-departement");
        screenshot("evenement-repartitions");
        browser.findElement(By.cssSelector("#par-departement a[href*='departement=59']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("personnes-inscrites")));
        assertThat(browser.findElement(By.id("personnes-inscrites")).getText()).contains("Dupont", "Martin", "Lefèvre")
                .doesNotContain("Roux");

        browser.get(page + "/benevoles");
        shift(wait, "Alice Leroy", "Accueil", "14/05/2023", "08:00", "11:00");
        shift(wait, "Bruno Caron", "Accueil", "14/05/2023", "10:00", "12:30");
        shift(wait, "alice leroy", "Ravitaillement", "14/05/2023", "10:30", "13:00");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("avertissement"), "a déjà un créneau à ces heures-là"));
        assertThat(browser.findElement(By.id("table-postes")).getText()).contains("Accueil 2 2").contains("4,5")
                .contains("5,5");
        assertThat(browser.findElement(By.id("liste-chevauchements")).getText()).contains("Alice Leroy : Accueil 14/05 08:00–11:00 et Ravitaillement");
        screenshot("evenement-benevoles");
        scrollTo("postes");
        screenshot("evenement-benevoles-postes");

        logIn(reader, federation);
        browser.get(page + "/benevoles");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("table-postes")));
        assertThat(browser.getPageSource()).doesNotContain("Leroy").doesNotContain("Caron");
        assertThat(browser.findElement(By.id("chevauchements")).getText()).contains("1");
        screenshot("evenement-benevoles-lecture");
        browser.get(url("/f/" + federation.code() + "/evenements?annee=2023"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("evenements")));
        assertThat(browser.findElement(By.id("evenements")).getText()).contains("Course solidaire de printemps")
                .contains("5 3 3 3");
        assertThat(browser.findElements(By.id("nouvel-evenement"))).isEmpty();
        screenshot("evenements-annee");
        browser.get(page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chiffres")));
        assertThat(browser.findElement(By.id("presents")).getText()).startsWith("3");
        assertThat(browser.findElements(By.id("ajout-inscription"))).isEmpty();
        assertThat(browser.findElements(By.id("pointer"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("Dupont").doesNotContain("Martin");
        scrollTo("chiffres");
        screenshot("evenement-lecture");
        browser.findElement(By.cssSelector("#inscrits a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("table-structures")));
        assertThat(browser.findElement(By.id("table-structures")).getText()).contains("Centre social Marcel Pagnol");
        assertThat(browser.findElement(By.id("sans-noms")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.id("personnes-inscrites"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("Dupont").doesNotContain("Lefèvre");
        scrollTo("chiffres");
        screenshot("evenement-lecture-inscriptions");

        // a big day: 2,998 more runners of Marcel Pagnol, half of them present; the tables still fit and every count
        // is written the French way
        jdbc.sql("update network_events set capacity = null where federation_id = ?").params(federation.id()).update();
        jdbc.sql("""
                insert into event_registrations (federation_id, event_id, structure_id, last_name, first_name, quality, present)
                select s.federation_id, e.id, s.id, 'Coureur' || g, 'Anonyme', 'habitant', g % 2 = 0
                from structures s, network_events e, generate_series(1, 2998) g
                where s.federation_id = ? and s.ref = 'EV1' and e.federation_id = s.federation_id""")
                .params(federation.id()).update();
        browser.get(page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("repartitions")));
        assertThat(spaced("par-departement")).contains("59 2 3 001 1 501");
        assertThat(spaced("par-at")).contains("Lille Métropole 2 3 001 1 501");
        assertThat(spaced("par-qualite")).contains("3 001");
        assertThat(spaced("inscrits")).startsWith("3 003");
        assertThat(browser.getPageSource()).doesNotContain(">3001<").doesNotContain(">3003<").doesNotContain(">1501<");
        for (String table : new String[] {"par-departement", "par-at", "par-qualite"}) {
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "const t = document.getElementById(arguments[0]); return t.scrollWidth - t.parentElement.clientWidth;", table);
            assertThat(((Number) overflow).intValue()).as(table).isLessThanOrEqualTo(0);
        }
        scrollTo("repartitions");
        screenshot("evenement-repartitions-grand");
    }

    private void shift(WebDriverWait wait, String person, String post, String day, String start, String end) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ajout-creneau")));
        browser.findElement(By.id("personName")).sendKeys(person);
        browser.findElement(By.id("post")).sendKeys(post);
        browser.findElement(By.id("day")).clear();
        browser.findElement(By.id("day")).sendKeys(day);
        browser.findElement(By.id("start")).sendKeys(start);
        browser.findElement(By.id("end")).sendKeys(end);
        browser.findElement(By.id("ajouter-creneau")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Créneau enregistré"));
    }

    /** The element's text, its thin and non-breaking spaces as plain spaces. */
    private static String spaced(String id) {
        return browser.findElement(By.id(id)).getText().replaceAll("[\u202f\u00a0]", " ");
    }

    private static void scrollTo(String id) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    /** Ticks the first line of that name on the presence sheet. */
    private void tick(String lastName) {
        browser.findElement(By.xpath("//table[@id='feuille-presences']//tr[td[text()='" + lastName + "']]"
                + "//input[@type='checkbox']")).click();
    }

    private void structure(Federation federation, String ref, String name, String departement, Long territory) {
        jdbc.sql("""
                insert into structures (federation_id, ref, name, kind, departement, territory_id)
                values (?, ?, ?, 'cs', ?, ?)""")
                .params(federation.id(), ref, name, departement, territory).update();
    }
}
