package fr.trame.reporting;

import fr.trame.Fixtures;
import fr.trame.Printed;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.activities.SessionService;
import fr.trame.association.FundingService;
import fr.trame.association.GovernanceService;
import fr.trame.association.PartnerService;
import fr.trame.association.StaffService;
import fr.trame.association.VolunteerService;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import fr.trame.cli.CommandRunner;
import fr.trame.people.MembershipImporter;
import fr.trame.people.PeopleImporter;
import fr.trame.reception.ReceptionImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The indicators JSON of a fixed centre, byte for byte as {@code report indicators} prints it, against a file recorded
 * before the engine returned records instead of maps: the typed figures must write exactly the JSON of the maps.
 * Every section is filled. The file is re-recorded only on purpose, with {@code -Dtrame.record-golden=true}.
 */
@TrameTest
class IndicatorsJsonTest {

    private static final String GOLDEN = "indicators-golden.json";
    private static final String CODE = "golden-indicators";

    @Autowired Fixtures fixtures;
    @Autowired CentreService centres;
    @Autowired PeopleImporter people;
    @Autowired MembershipImporter memberships;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired SessionService sessions;
    @Autowired ReceptionImporter reception;
    @Autowired GovernanceService governance;
    @Autowired VolunteerService volunteers;
    @Autowired StaffService staff;
    @Autowired PartnerService partners;
    @Autowired FundingService funding;
    @Autowired CommandRunner runner;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserService users;

    @Test
    void theIndicatorsJsonIsByteForByteTheRecordedOne() throws Exception {
        Centre centre = centres.findByCode(CODE).orElseGet(() -> fill(centres.create(CODE, "Centre de référence")));
        String printed = Printed.out(() -> assertThat(runner.run(List.of("report", "indicators", "--centre", CODE,
                "--from", "2025-01-01", "--to", "2025-12-31"))).isZero());
        if (Boolean.getBoolean("trame.record-golden")) {
            Files.writeString(Path.of("src/test/resources/fr/trame/reporting", GOLDEN), printed, StandardCharsets.UTF_8);
        }
        assertThat(printed).isEqualTo(golden());

        // the API writes the same object, with the same fields in the same order and the same numbers, to who holds
        // the disability permission; to the federation, the same with the disability counts withheld
        String permitted = fixtures.user(centre, Role.DIRECTION);
        users.setSeesDisability(fixtures.userId(permitted), centre.id(), true);
        assertThat(api(centre, permitted)).isEqualTo(compact(golden()));
        assertThat(api(centre, fixtures.user(centre, Role.FEDERATION)))
                .isEqualTo(compact(golden()).replaceAll("\"disability\":(\\{[^}]*}|\\d+)", "\"disability\":null"))
                .contains("\"disability\":null");
    }

    private String api(Centre centre, String username) throws Exception {
        return mvc.perform(get("/api/v1/centres/" + centre.code() + "/indicators?from=2025-01-01&to=2025-12-31")
                        .with(user(username)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String golden() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            assertThat(in).as(GOLDEN).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The pretty-printed JSON without its layout (no string of this JSON holds the sequences removed). */
    private static String compact(String pretty) {
        return pretty.strip().replaceAll("\n\\s*", "").replace("\" : ", "\":")
                .replace("[ {", "[{").replace("}, {", "},{").replace("} ]", "}]")
                .replace("{ }", "{}");
    }

    private Centre fill(Centre centre) {
        long id = centre.id();
        // ages on 2025: Alice 35, Bob 5 then 6, Chloé 15, Carl 64, Dina unknown, Eve 20 (sex unknown), Gaby 1
        people.importCsv(id, csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date;role;quartier;qpv;qf
                H1;ALICE;Roux;Alice;F;1990-06-01;responsable;Tilleuls;oui;250
                H1;BOB;Roux;Bob;M;2019-05-15;enfant;Tilleuls;oui;250
                H1;GABY;Roux;Gaby;F;2024-01-10;enfant;Tilleuls;oui;250
                H2;CARL;Petit;Carl;M;1961-01-01;responsable;Moulin;non;1000
                H2;CHLOE;Petit;Chloé;F;2010-03-03;enfant;Moulin;non;1000
                H3;DINA;Sow;Dina;F;;responsable;;;
                H4;EVE;Lenoir;Eve;;2005-07-07;responsable;Gare;;1650
                """));
        memberships.importCsv(id, csv("""
                membership_ref;type;household_ref;person_ref;organisation;start_date;end_date
                M1;familiale;H1;;;2024-09-01;2025-08-31
                M2;individuelle;;CARL;;2025-09-01;2026-08-31
                M3;associative;;;Club de scrabble;2025-03-01;2025-12-31
                M4;familiale;H4;;;2023-09-01;2024-08-31
                """));
        activities.importCsv(id, csv("""
                activity_ref;name;sector;kind
                A1;Atelier jeux;Enfance;atelier
                A2;Fête de printemps;Famille;evenement
                A3;Centre de loisirs;Enfance;acm
                A4;Accueil jeunes;Jeunesse;atelier
                """));
        jdbc.sql("update activities set age_bands = '{0,6,12}' where centre_id = ? and ref = 'A3'").param(id).update();
        attendance.importCsv(id, csv("""
                activity_ref;date;start;end;person_ref;headcount;status
                A1;2025-01-10;10:00;12:00;BOB;;present
                A1;2025-01-10;10:00;12:00;ALICE;;absent
                A1;2025-02-20;10:00;11:30;BOB;;present
                A1;2025-02-20;10:00;11:30;CARL;;present
                A1;2024-12-31;10:00;12:00;CARL;;present
                A1;2025-03-10;10:00;12:00;ALICE;;present
                A2;2025-04-05;14:00;18:00;;120;
                A2;2025-04-05;14:00;18:00;ALICE;;present
                A3;2025-07-07;09:00;17:00;BOB;;present
                A3;2025-07-07;09:00;17:00;GABY;;present
                A3;2025-07-08;09:00;17:00;BOB;;present
                A3;2025-07-08;09:00;17:00;CHLOE;;excuse
                A3;2025-07-08;09:00;17:00;;3;
                A4;2025-10-01;17:00;19:20;CHLOE;;present
                A4;2025-10-01;17:00;19:20;EVE;;present
                A4;2025-10-08;17:00;19:20;EVE;;present
                """));
        long cancelled = jdbc.sql("select id from sessions where centre_id = ? and date = '2025-03-10'").param(id)
                .query(Long.class).single();
        sessions.cancel(id, cancelled, "Salle inondée");
        reception.importCsv(id, csv("""
                date;person_ref;channel;theme;status
                2025-03-01;DINA;accueil;caf,logement;
                2025-02-01;;telephone;autre;
                2025-03-02;ALICE;rdv;retraite;honore
                2025-05-02;CARL;rdv;sante;non_honore
                2025-06-12;;rdv;emploi;annule
                2025-09-15;EVE;courriel;numerique,emploi;
                2024-12-20;CARL;accueil;sante;
                """));
        association(id);
        return centre;
    }

    private void association(long id) {
        Map<String, Long> bodies = new HashMap<>();
        governance.bodies(id).forEach(b -> bodies.put(b.kind(), b.id()));
        long ca = bodies.get("ca");
        governance.createMandate(id, new GovernanceService.NewMandate(ca, person(id, "ALICE"), null, "president",
                "habitant", LocalDate.of(2024, 6, 1), null, true, true));
        governance.createMandate(id, new GovernanceService.NewMandate(ca, person(id, "CARL"), null, "tresorier",
                "partenaire", LocalDate.of(2023, 1, 1), LocalDate.of(2025, 6, 30), false, false));
        governance.createMandate(id, new GovernanceService.NewMandate(ca, null, "Mme Maire", "membre",
                "institution", LocalDate.of(2025, 3, 1), null, null, null));
        governance.createMeeting(id, ca, LocalDate.of(2025, 2, 10), "Budget", null);
        governance.createMeeting(id, bodies.get("ag"), LocalDate.of(2025, 6, 20), "Rapport d'activité", null);

        long alice = volunteers.register(id, person(id, "ALICE"), List.of("activite", "gouvernance"), "couture",
                LocalDate.of(2024, 1, 1));
        long carl = volunteers.register(id, person(id, "CARL"), List.of("ponctuel"), null, LocalDate.of(2025, 5, 1));
        long user = jdbc.sql("select id from users order by id limit 1").query(Long.class).single();
        volunteers.logHours(id, alice, LocalDate.of(2025, 3, 3), new BigDecimal("2.5"), null, "Fête", user);
        volunteers.logHours(id, carl, LocalDate.of(2025, 6, 1), new BigDecimal("4"), null, null, user);
        volunteers.saveSettings(id, new VolunteerService.Settings(1200, new BigDecimal("35")));

        long director = staff.hire(id, "Dhina", "Yasmine", new StaffService.NewContract("cdi", "direction", null,
                new BigDecimal("35"), LocalDate.of(2020, 1, 1), null, null));
        staff.hire(id, "Faure", "Hugo", new StaffService.NewContract("mad", "accueil", null,
                new BigDecimal("28"), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), 2_000_000L));
        staff.addTraining(id, director, LocalDate.of(2025, 9, 10), new BigDecimal("1.5"), "Gestion");

        long ville = partners.create(id, "Ville", "commune", null);
        long caf = partners.create(id, "CAF", "caf", null);
        partners.addConvention(id, ville, "Locaux", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2025, 1, 15));
        partners.addPermanence(id, caf, "Permanence CAF", "mardi matin", LocalDate.of(2024, 9, 1), null);

        funding.saveProduct(id, 2025, ville, "Ville", 5_000_000);
        funding.saveProduct(id, 2025, null, "Participation des familles", 2_000_050);
        funding.createGrant(id, new FundingService.NewGrant(ville, 2025, "Jeunesse", null, null, LocalDate.of(2025, 11, 30),
                1_000_000L, 800_000L, "accorde"));
        funding.createGrant(id, new FundingService.NewGrant(caf, 2025, "Parentalité", null, null, null, 500_000L, null, "refuse"));
        funding.addAgrement(id, "Centre social", "CAF", LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31), null);
        funding.addAgrement(id, "ACM 4-11 ans", "SDJES", LocalDate.of(2023, 4, 1), null, null);
    }

    private long person(long centreId, String ref) {
        return jdbc.sql("select id from persons where centre_id = ? and ref = ?").params(centreId, ref).query(Long.class).single();
    }
}
