package fr.trame.reception;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.csv.CsvError;
import fr.trame.csv.CsvImportException;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@TrameTest
class ReceptionTest {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ContactService contacts;
    @Autowired ThemeService themes;
    @Autowired ReceptionImporter importer;
    @Autowired JdbcClient jdbc;

    Centre centre;
    long marie;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("acc");
        people.importCsv(centre.id(), csv("household_ref;person_ref;last_name;first_name;sex\nH1;P1;Haddad;Marie;F\n"));
        marie = jdbc.sql("select id from persons where centre_id = ? and ref = 'P1'").param(centre.id()).query(Long.class).single();
    }

    @Test
    void aContactNeedsOnlyChannelAndThemeAndShowsInTodaysList() {
        contacts.log(centre.id(), new ContactService.NewContact(LocalDate.now(), null, null, "telephone",
                List.of("caf"), null, null, null, null, null, null));
        contacts.log(centre.id(), new ContactService.NewContact(LocalDate.now(), null, marie, "accueil",
                List.of("logement", "caf"), 20, null, null, "Dossier APL", "Bailleur social", null));
        contacts.log(centre.id(), new ContactService.NewContact(LocalDate.now().minusDays(1), null, marie, "accueil",
                List.of("sante"), null, null, null, null, null, null));
        List<ContactService.Contact> today = contacts.on(centre.id(), LocalDate.now());
        assertThat(today).extracting(ContactService.Contact::personName).containsExactly("Marie Haddad", null);
        assertThat(today.get(0).themes()).isEqualTo("CAF, Logement");
        assertThat(contacts.ofPerson(centre.id(), marie, 10)).hasSize(2);
    }

    @Test
    void appointmentsHaveAStatusAndAMonthlyNoShowRate() {
        LocalDate day = LocalDate.now().withDayOfMonth(1);
        for (String status : new String[] {"honore", "honore", "honore", "non_honore", "annule"}) {
            contacts.log(centre.id(), new ContactService.NewContact(day, LocalTime.of(10, 0), marie, "rdv", List.of("retraite"),
                    30, status, null, null, null, null));
        }
        ContactService.MonthRate rate = contacts.noShowRates(centre.id(), 1).get(0);
        assertThat(rate.honoured()).isEqualTo(3);
        assertThat(rate.missed()).isEqualTo(1);
        assertThat(rate.cancelled()).isEqualTo(1);
        assertThat(rate.missedPercent()).isEqualTo(25); // 1 missed of 4 due
    }

    @Test
    void receptionCsvIsIdempotentTakesTheCentresOwnThemesAndRefusesBadRowsWhole() {
        themes.add(centre.id(), "Mobilité");
        String file = """
                date;person_ref;channel;theme;duration_min;status
                2026-02-02;P1;accueil;caf,logement;15;
                2026-02-02;;telephone;mobilite;;
                2026-02-02;;telephone;mobilite;;
                2026-02-03;P1;rdv;retraite;30;non_honore
                """;
        assertThat(importer.importCsv(centre.id(), csv(file)).changes()).containsEntry("contact(s) enregistré(s)", 4);
        assertThat(importer.importCsv(centre.id(), csv(file)).changedNothing()).isTrue();
        assertThat(jdbc.sql("select count(*) from contact_themes where centre_id = ?").param(centre.id()).query(Long.class).single())
                .isEqualTo(5);

        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> importer.importCsv(centre.id(), csv("""
                date;person_ref;channel;theme;status
                2026-02-04;P9;guichet;caf;
                2026-02-04;;accueil;cantine;honore
                """)));
        assertThat(e.errors()).extracting(CsvError::toString).contains(
                "ligne 2, colonne 3 (channel) : canal « guichet » inconnu (attendu : accueil, telephone, rdv, courriel, domicile, exterieur)",
                "ligne 2, colonne 2 (person_ref) : personne « P9 » inconnu(e) dans ce centre (importez d'abord people.csv)",
                "ligne 3, colonne 5 (status) : le statut ne concerne que les rendez-vous (canal rdv)");
        assertThat(e.errors()).anyMatch(err -> err.line() == 3 && err.columnName().equals("theme")
                && err.message().startsWith("thème « cantine » inconnu"));
        assertThat(jdbc.sql("select count(*) from contacts where centre_id = ?").param(centre.id()).query(Long.class).single()).isEqualTo(4);
    }
}
