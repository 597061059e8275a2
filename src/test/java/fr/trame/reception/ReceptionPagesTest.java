package fr.trame.reception;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reception pages as the desk uses them: forms that come back with what was typed and the field named, double
 * bookings, Sundays, the team offered as staff, contacts of other days and their corrections, and the centre's time.
 * The JVM runs in UTC here, as a server often does: what the pages show must not depend on it.
 */
@TrameTest
class ReceptionPagesTest {

    private static TimeZone jvmZone;

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired UserService users;
    @Autowired CentreService centres;
    @Autowired ContactService contacts;
    @Autowired JdbcClient jdbc;

    Centre centre;
    String base;
    String accueil;
    long accueilId;
    long marie;
    long household;

    @BeforeAll
    static void serverInUtc() {
        jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @AfterAll
    static void restoreZone() {
        TimeZone.setDefault(jvmZone);
    }

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("rdv");
        base = "/c/" + centre.code();
        accueil = fixtures.user(centre, Role.ACCUEIL);
        accueilId = id(accueil);
        people.importCsv(centre.id(), Fixtures.csv("household_ref;person_ref;last_name;first_name\nH1;P1;Haddad;Marie\n"));
        marie = jdbc.sql("select id from persons where centre_id = ? and ref = 'P1'").param(centre.id()).query(Long.class).single();
        household = jdbc.sql("select id from households where centre_id = ? and ref = 'H1'").param(centre.id()).query(Long.class).single();
    }

    @Test
    void anAppointmentWithABadDateKeepsSearchPersonTimeAndThemesAndNamesTheDate() throws Exception {
        String page = body(mvc.perform(post(base + "/rdv").with(user(accueil)).with(csrf())
                .param("staff", "" + accueilId).param("q", "hadd").param("personId", "" + marie)
                .param("date", "31/02/2026").param("time", "10:30").param("duration", "45").param("theme", "caf", "logement"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page).contains("Le rendez-vous n'est pas pris")
                .contains("« 31/02/2026 » n'est pas une date (la date du rendez-vous)")
                .contains("value=\"31/02/2026\"").contains("value=\"10:30\"").contains("value=\"45\"").contains("value=\"hadd\"");
        assertThat(page).containsPattern(input("date") + "aria-invalid=\"true\"[^>]*aria-describedby=\"date-erreur\"");
        assertThat(page).contains("id=\"date-erreur\"");
        assertThat(page).containsPattern("value=\"" + marie + "\"[^>]*checked");
        assertThat(page).containsPattern("id=\"rdv-theme-caf\"[^>]*checked").containsPattern("id=\"rdv-theme-logement\"[^>]*checked")
                .doesNotContainPattern("id=\"rdv-theme-sante\"[^>]*checked");
        assertThat(count()).isZero();

        page = body(mvc.perform(post(base + "/rdv").with(user(accueil)).with(csrf()).param("staff", "" + accueilId)
                .param("personId", "" + marie).param("date", "02/03/2026").param("time", "25:00"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page).contains("« 25:00 » n'est pas une heure").containsPattern(input("time") + "aria-invalid=\"true\"");
        assertThat(count()).isZero();
    }

    @Test
    void aSecondAppointmentAtTheSameTimeIsWarnedThenTakenOnlyWhenConfirmed() throws Exception {
        LocalDate day = LocalDate.of(2026, 3, 3);
        // back to the agenda's week, named by its Monday as the agenda's own links name it
        book(day, "10:00", "30", false).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Location",
                        org.hamcrest.Matchers.endsWith("&semaine=2026-03-02#jour-2026-03-03")));
        String page = body(book(day, "10:15", "30", false).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page).contains("Test Accueil a déjà un rendez-vous le 03/03/2026 à 10:00 (Marie Haddad, 30 min)")
                .contains("Prendre quand même ce rendez-vous").contains("value=\"10:15\"");
        assertThat(count()).isEqualTo(1);
        book(day, "10:15", "30", true).andExpect(status().is3xxRedirection());
        assertThat(count()).isEqualTo(2);
        // right after is no overlap; a cancelled one frees its time
        book(day, "10:45", "15", false).andExpect(status().is3xxRedirection());
        jdbc.sql("update contacts set status = 'annule' where centre_id = ? and starts_at in ('10:00', '10:15')").param(centre.id()).update();
        book(day, "10:00", "30", false).andExpect(status().is3xxRedirection());
        assertThat(count()).isEqualTo(4);
    }

    @Test
    void aSundayAppointmentIsShownInItsWeekAndOtherWeeksStayMondayToSaturday() throws Exception {
        LocalDate sunday = LocalDate.of(2026, 3, 8);
        book(sunday, "11:00", "30", false).andExpect(status().is3xxRedirection());
        String week = body(mvc.perform(get(base + "/rdv").param("staff", "" + accueilId).param("semaine", sunday.toString()).with(user(accueil)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(week).contains("id=\"jour-2026-03-08\"").contains("dimanche 8").contains("Marie Haddad").contains("with-sunday");
        String next = body(mvc.perform(get(base + "/rdv").param("staff", "" + accueilId).param("semaine", "2026-03-16").with(user(accueil)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(next).contains("samedi 21").doesNotContain("dimanche 22").doesNotContain("with-sunday");
    }

    @Test
    void federationAccountsAreOfferedNowhereAndRefusedWhenForged() throws Exception {
        String federation = fixtures.user(centre, Role.FEDERATION);
        long fed = id(federation);
        String direction = fixtures.user(centre, Role.DIRECTION);
        long platformAdmin = users.create("plateforme-" + System.nanoTime() % 100000, "Admin Plateforme", Fixtures.PASSWORD, true);

        String agenda = body(mvc.perform(get(base + "/rdv").param("q", "haddad").with(user(accueil)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(agenda).contains("Test Accueil").contains("Test Direction").doesNotContain("Test Fédération").doesNotContain("Admin Plateforme");
        String refused = body(mvc.perform(post(base + "/rdv").with(user(accueil)).with(csrf()).param("staff", "" + fed)
                .param("personId", "" + marie).param("date", "03/03/2026").param("time", "09:00"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused).contains("Choisissez un membre de l'équipe du centre").contains("value=\"03/03/2026\"");
        mvc.perform(post(base + "/rdv").with(user(accueil)).with(csrf()).param("staff", "" + platformAdmin)
                .param("personId", "" + marie).param("date", "03/03/2026").param("time", "09:00")).andExpect(status().isOk());
        assertThat(count()).isZero();

        assertThat(body(mvc.perform(get(base + "/activites/nouvelle").with(user(direction))).andReturn().getResponse().getContentAsString()))
                .contains("Test Accueil").doesNotContain("Test Fédération");
        assertThat(body(mvc.perform(get(base + "/dossiers/nouveau").param("personne", "" + marie).with(user(accueil)))
                .andReturn().getResponse().getContentAsString())).contains("Test Accueil").doesNotContain("Test Fédération");
        assertThat(body(mvc.perform(post(base + "/dossiers").with(user(accueil)).with(csrf()).param("personne", "" + marie)
                        .param("referent", "" + fed).param("subject", "Dossier retraite")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())).contains("un compte de la fédération ne peut pas suivre un dossier")
                .contains("value=\"Dossier retraite\"");

        long caseId = openCase("Dossier logement");
        String shared = body(mvc.perform(post(base + "/dossiers/" + caseId + "/partages").with(user(accueil)).with(csrf())
                .param("userId", "" + fed)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(shared).contains("ce compte ne peut pas l'ouvrir").doesNotContain("Dossier partagé.");
        assertThat(jdbc.sql("select count(*) from case_shares where centre_id = ?").param(centre.id()).query(Long.class).single()).isZero();
        // a share given to a federation account before this rule is not shown as one
        jdbc.sql("insert into case_shares (centre_id, case_id, user_id) values (?, ?, ?)").params(centre.id(), caseId, fed).update();
        assertThat(body(mvc.perform(get(base + "/dossiers/" + caseId).with(user(accueil))).andReturn().getResponse().getContentAsString()))
                .doesNotContain("Test Fédération");
    }

    @Test
    void theWeeklyScheduleFormKeepsWhatWasTypedAndNamesEachField() throws Exception {
        activities.importCsv(centre.id(), Fixtures.csv("activity_ref;name;sector;kind\nPERM;Permanence écrivain public;Accueil;permanence\n"));
        long activity = jdbc.sql("select id from activities where centre_id = ? and ref = 'PERM'").param(centre.id()).query(Long.class).single();
        String page = body(mvc.perform(post(base + "/activites/" + activity + "/horaires").with(user(accueil)).with(csrf())
                .param("start", "14:00").param("end", "13:00").param("from", "01/09/2026").param("to", "31/13/2026")
                .param("holidays", "toutes")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page).contains("L'horaire n'est pas enregistré")
                .contains("Cochez au moins un jour de la semaine.")
                .contains("L'heure de fin doit suivre l'heure de début.")
                .contains("« 31/13/2026 » n'est pas une date (la date de fin)")
                .contains("value=\"14:00\"").contains("value=\"13:00\"").contains("value=\"01/09/2026\"").contains("value=\"31/13/2026\"")
                .containsPattern("value=\"toutes\"[^>]*selected");
        assertThat(page).containsPattern(input("h-end") + "aria-invalid=\"true\"[^>]*aria-describedby=\"end-erreur\"");
        assertThat(page).doesNotContainPattern(input("h-start") + "aria-invalid");
        assertThat(jdbc.sql("select count(*) from sessions where centre_id = ?").param(centre.id()).query(Long.class).single()).isZero();

        String oneOff = body(mvc.perform(post(base + "/activites/" + activity + "/seances").with(user(accueil)).with(csrf())
                .param("date", "12/09/2026").param("sessionStart", "9h").param("sessionEnd", "11:00"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(oneOff).contains("« 9h » n'est pas une heure (l'heure de début)").contains("value=\"12/09/2026\"");
        mvc.perform(post(base + "/activites/" + activity + "/horaires").with(user(accueil)).with(csrf()).param("weekdays", "2")
                .param("start", "14:00").param("end", "16:00").param("from", "01/09/2026").param("to", "30/09/2026")
                .param("holidays", "toutes")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from sessions where centre_id = ?").param(centre.id()).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void caseFormsKeepWhatWasTypedAndShowWhereTheFileSits() throws Exception {
        long caseId = openCase("Dossier retraite");
        String page = body(mvc.perform(post(base + "/dossiers/" + caseId + "/etapes").with(user(accueil)).with(csrf())
                .param("date", "32/01/2026").param("note", "Appel à la CARSAT").param("outcome", "Rappeler lundi"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page).contains("n'est pas une date (la date de l'étape)").contains("value=\"32/01/2026\"")
                .contains("Appel à la CARSAT</textarea>").contains("value=\"Rappeler lundi\"");
        assertThat(body(mvc.perform(post(base + "/dossiers/" + caseId + "/documents").with(user(accueil)).with(csrf()).param("name", " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())).contains("Indiquez le nom du document.");
        assertThat(body(mvc.perform(post(base + "/dossiers/" + caseId + "/cloture").with(user(accueil)).with(csrf()).param("closeOutcome", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()))
                .contains("Indiquez l'issue de l'accompagnement pour clore le dossier.")
                .containsPattern(input("close-outcome") + "aria-invalid=\"true\"");
        assertThat(jdbc.sql("select count(*) from case_steps where centre_id = ?").param(centre.id()).query(Long.class).single()).isZero();

        // breadcrumbs: households → the person's household → the person → the file
        String shown = body(mvc.perform(get(base + "/dossiers/" + caseId).with(user(accueil))).andReturn().getResponse().getContentAsString());
        assertThat(shown).containsPattern("(?s)class=\"crumbs\".*href=\"" + base + "/foyers\".*href=\"" + base + "/foyers/" + household
                + "\">Foyer Haddad</a>.*href=\"" + base + "/personnes/" + marie + "\">Marie Haddad</a>.*aria-current=\"page\">Dossier : Dossier retraite");
    }

    @Test
    void contactsOfAnotherDayAreListedAndCorrectedAndTheCorrectionIsAudited() throws Exception {
        LocalDate day = LocalDate.of(2026, 1, 15);
        long id = contacts.log(centre.id(), new ContactService.NewContact(day, null, marie, "accueil", List.of("caf"), null,
                null, null, null, null, accueilId));
        // recorded at 07:21 UTC: 08:21 in Paris in winter
        jdbc.sql("update contacts set created_at = '2026-01-15 07:21:00+00' where centre_id = ? and id = ?").params(centre.id(), id).update();
        String list = body(mvc.perform(get(base + "/accueil").param("date", "2026-01-15").with(user(accueil)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(list).contains("contacts du jeudi 15 janvier 2026").contains("Marie Haddad").contains("<td>08:21</td>")
                .doesNotContain("07:21").contains("/accueil/" + id + "/modifier").contains("date=2026-01-14");

        String refused = body(mvc.perform(post(base + "/accueil/" + id + "/modifier").with(user(accueil)).with(csrf())
                .param("personId", "" + marie).param("channel", "telephone").param("theme", "caf", "logement")
                .param("date", "15/01/2026").param("time", "8h20").param("duration", "un quart d'heure").param("note", "Rappel APL"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused).contains("La correction n'est pas enregistrée").contains("n'est pas un nombre (la durée (minutes))")
                .contains("value=\"un quart d'heure\"").contains("Rappel APL</textarea>")
                .containsPattern("value=\"telephone\"[^>]*checked").containsPattern("id=\"theme-logement\"[^>]*checked")
                .containsPattern(input("duration") + "aria-invalid=\"true\"");
        mvc.perform(post(base + "/accueil/" + id + "/modifier").with(user(accueil)).with(csrf())
                .param("personId", "" + marie).param("channel", "telephone").param("theme", "caf", "logement")
                .param("date", "15/01/2026").param("time", "08:20").param("duration", "15"))
                .andExpect(status().is3xxRedirection());
        ContactService.Contact saved = contacts.find(centre.id(), id).orElseThrow();
        assertThat(saved.channel()).isEqualTo("telephone");
        assertThat(saved.startsAt()).isEqualTo(LocalTime.of(8, 20));
        assertThat(saved.themes()).isEqualTo("CAF, Logement");
        assertThat(jdbc.sql("select detail from audit_log where centre_id = ? and entity = 'contact' and entity_id = ? and action = 'modification'")
                .params(centre.id(), id).query(String.class).single()).isEqualTo("heure, canal, thèmes, durée");

        // a contact is not logged for a day to come, and the form says so beside the date
        String future = body(mvc.perform(post(base + "/accueil").with(user(accueil)).with(csrf()).param("channel", "accueil")
                .param("theme", "caf").param("date", LocalDate.now().plusDays(3).format(fr.trame.form.Parse.FRENCH_DATE)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(future).contains("ne peut pas être dans le futur").containsPattern(input("date") + "aria-invalid=\"true\"");
    }

    @Test
    void timesShowInTheCentresZoneWinterSummerAndOverseasWhateverTheServersZone() throws Exception {
        assertThat(TimeZone.getDefault().getID()).isEqualTo("UTC");
        long winter = loggedAt(LocalDate.of(2026, 1, 15), "2026-01-15 07:21:00+00");
        long summer = loggedAt(LocalDate.of(2026, 7, 15), "2026-07-15 07:21:00+00");
        assertThat(counter("2026-01-15")).contains("<td>08:21</td>");
        assertThat(counter("2026-07-15")).contains("<td>09:21</td>");

        String direction = fixtures.user(centre, Role.DIRECTION);
        jdbc.sql("insert into audit_log (centre_id, user_id, action, entity, entity_id, at) values (?, ?, 'lecture', 'dossier', 1, '2026-01-15 07:21:05+00')")
                .params(centre.id(), accueilId).update();
        assertThat(body(mvc.perform(get(base + "/journal").with(user(direction))).andReturn().getResponse().getContentAsString()))
                .contains("15/01/2026 08:21:05").doesNotContain("07:21:05");

        centres.setTimeZone(centre.id(), "Indian/Reunion"); // UTC+4, no summer time
        assertThat(counter("2026-01-15")).contains("<td>11:21</td>");
        assertThat(counter("2026-07-15")).contains("<td>11:21</td>");
        assertThat(winter).isNotEqualTo(summer);
    }

    @Test
    void theCentresTodayInSqlIgnoresTheSessionsTimeZone() {
        org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource));
        LocalDate paris = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        LocalDate[] sessionDays = new LocalDate[2];
        String[] zones = {"Pacific/Kiritimati", "Pacific/Pago_Pago"}; // UTC+14 and UTC-11: never the same day
        for (int i = 0; i < 2; i++) {
            String zone = zones[i];
            int n = i;
            tx.executeWithoutResult(s -> {
                jdbc.sql("set local time zone '" + zone + "'").update();
                sessionDays[n] = jdbc.sql("select current_date").query(LocalDate.class).single();
                assertThat(jdbc.sql("select centre_today(?)").param(centre.id()).query(LocalDate.class).single()).isEqualTo(paris);
            });
        }
        assertThat(sessionDays[0]).isNotEqualTo(sessionDays[1]);
    }

    @Autowired javax.sql.DataSource dataSource;

    private long loggedAt(LocalDate day, String instant) {
        long id = contacts.log(centre.id(), new ContactService.NewContact(day, null, marie, "accueil", List.of("caf"), null,
                null, null, null, null, accueilId));
        jdbc.sql("update contacts set created_at = ?::timestamptz where centre_id = ? and id = ?").params(instant, centre.id(), id).update();
        return id;
    }

    private String counter(String day) throws Exception {
        return body(mvc.perform(get(base + "/accueil").param("date", day).with(user(accueil)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private org.springframework.test.web.servlet.ResultActions book(LocalDate day, String time, String minutes, boolean confirm) throws Exception {
        var request = post(base + "/rdv").with(user(accueil)).with(csrf()).param("staff", "" + accueilId).param("q", "haddad")
                .param("personId", "" + marie).param("date", day.format(fr.trame.form.Parse.FRENCH_DATE)).param("time", time)
                .param("duration", minutes).param("theme", "retraite");
        return mvc.perform(confirm ? request.param("confirmOverlap", "oui") : request);
    }

    private long openCase(String subject) throws Exception {
        mvc.perform(post(base + "/dossiers").with(user(accueil)).with(csrf()).param("personne", "" + marie)
                .param("referent", "" + accueilId).param("subject", subject)).andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from cases where centre_id = ? and subject = ?").params(centre.id(), subject).query(Long.class).single();
    }

    private long count() {
        return jdbc.sql("select count(*) from contacts where centre_id = ? and channel = 'rdv'").param(centre.id()).query(Long.class).single();
    }

    private long id(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    /** The start of the tag of the field with this id, up to the attributes that follow. */
    private static String input(String id) {
        return "<(input|select|textarea)[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*";
    }

    /** The page with its HTML entities for apostrophes and quotes decoded, as a reader sees the text. */
    private static String body(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
