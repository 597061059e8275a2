package fr.trame.attendance;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.activities.SessionService;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrameTest
class AttendancePagesTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired SessionService sessions;
    @Autowired AttendanceService attendance;
    @Autowired fr.trame.activities.EnrolmentService enrolments;
    @Autowired JdbcClient jdbc;

    @Test
    void sessionsAndPersonsOfAnotherCentreCannotBeReadNorWritten() throws Exception {
        Centre a = fixtures.centre("pa");
        Centre b = fixtures.centre("pb");
        String animateurA = fixtures.user(a, Role.ANIMATEUR);
        long sessionA = session(a);
        long sessionB = session(b);
        long personA = person(a, "Ada");
        long personB = person(b, "Bea");

        mvc.perform(get("/c/" + a.code() + "/seances/" + sessionA).with(user(animateurA))).andExpect(status().isOk());
        mvc.perform(get("/c/" + a.code() + "/seances/" + sessionB).with(user(animateurA))).andExpect(status().isNotFound());
        mvc.perform(get("/c/" + b.code() + "/seances/" + sessionB).with(user(animateurA))).andExpect(status().isNotFound());
        mvc.perform(post("/c/" + a.code() + "/seances/" + sessionB + "/presences/" + personA).with(user(animateurA)).with(csrf()))
                .andExpect(status().isNotFound());
        // attendance rows have no foreign key: a person of B on a session of A is refused by the controller
        mvc.perform(post("/c/" + a.code() + "/seances/" + sessionA + "/presences/" + personB).with(user(animateurA)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/c/" + a.code() + "/seances/" + sessionA + "/ajout").param("personId", String.valueOf(personB))
                .with(user(animateurA)).with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from attendance where person_id = ?").param(personB).query(Long.class).single()).isZero();

        mvc.perform(post("/c/" + a.code() + "/seances/" + sessionA + "/presences/" + personA).with(user(animateurA)).with(csrf())
                .header("HX-Request", "true")).andExpect(status().isOk()).andExpect(content().string(containsString("présent")));

        String federation = fixtures.user(a, Role.FEDERATION);
        mvc.perform(get("/c/" + a.code() + "/jour").with(user(federation))).andExpect(status().isForbidden());
        mvc.perform(get("/c/" + a.code() + "/acm/heures.csv").with(user(federation))).andExpect(status().isForbidden());
    }

    @Test
    void personAndHouseholdPagesShowEnrolmentsAndAttendance() throws Exception {
        Centre c = fixtures.centre("hist");
        String accueil = fixtures.user(c, Role.ACCUEIL);
        long session = session(c);
        long child = person(c, "Yanis");
        long activity = jdbc.sql("select id from activities where centre_id = ? and ref = 'ACM'").param(c.id()).query(Long.class).single();
        enrolments.enrol(c.id(), activity, child, null);
        attendance.cycle(c.id(), session, child);
        long household = jdbc.sql("select household_id from household_members where centre_id = ? and person_id = ?")
                .params(c.id(), child).query(Long.class).single();
        mvc.perform(get("/c/" + c.code() + "/personnes/" + child + "/activites").with(user(accueil)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(containsString("Centre de loisirs"),
                        containsString("04/03/2026"), containsString("présent"), containsString("inscrit"))));
        mvc.perform(get("/c/" + c.code() + "/foyers/" + household + "/activites").with(user(accueil)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Yanis")));
        mvc.perform(get("/c/" + c.code() + "/personnes/" + child).with(user(accueil)))
                .andExpect(content().string(containsString("/personnes/" + child + "/activites")));
    }

    @Test
    void acmHoursDownloadAsCsvForTheMonth() throws Exception {
        Centre c = fixtures.centre("csv");
        String direction = fixtures.user(c, Role.DIRECTION);
        long session = session(c);
        long child = person(c, "Zoé");
        attendance.save(c.id(), session, java.util.Map.of(child, "present"));
        mvc.perform(get("/c/" + c.code() + "/acm/heures.csv").param("mois", "2026-03").with(user(direction)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("heures-acm-2026-03.csv")))
                .andExpect(content().string(containsString("nom;prenom;tranche_age;presences;heures\nMartin;Zoé;6 ans et plus;1;8,00\n")));
        mvc.perform(get("/c/" + c.code() + "/acm/heures").param("mois", "mars").with(user(direction)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theAcmHoursCsvKeepsNamesThatLookLikeFormulasAsText() throws Exception {
        Centre c = fixtures.centre("acm-csv");
        String direction = fixtures.user(c, Role.DIRECTION);
        long session = session(c);
        people.importCsv(c.id(), Fixtures.csv("""
                household_ref;person_ref;last_name;first_name;birth_date
                H;E1;"=HYPERLINK(""http://x"")";Zoé;2018-01-01
                H;E2;+1;Zoé;2018-01-01
                H;E3;@SUM(A1);Zoé;2018-01-01
                H;E4;-2+3;Zoé;2018-01-01
                H;E5;Tab;Zoé;2018-01-01
                """));
        // imports and forms trim cells: a tab-leading name can only come from elsewhere
        jdbc.sql("update persons set last_name = E'\\tTab' where centre_id = ? and ref = 'E5'").param(c.id()).update();
        java.util.Map<Long, String> present = new java.util.HashMap<>();
        jdbc.sql("select id from persons where centre_id = ?").param(c.id()).query(Long.class).list()
                .forEach(id -> present.put(id, "present"));
        attendance.save(c.id(), session, present);

        String csv = mvc.perform(get("/c/" + c.code() + "/acm/heures.csv").param("mois", "2026-03").with(user(direction)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        java.util.List<java.util.List<String>> cells = Fixtures.cells(csv);
        assertThat(cells.subList(1, cells.size())).extracting(row -> row.get(0)).containsExactlyInAnyOrder(
                "'=HYPERLINK(\"http://x\")", "'+1", "'@SUM(A1)", "'-2+3", "'\tTab");
        // figures are written as numbers, untouched
        assertThat(cells.subList(1, cells.size())).allSatisfy(row -> assertThat(row.subList(3, 5)).containsExactly("1", "8,00"));
    }

    private long session(Centre centre) {
        activities.importCsv(centre.id(), Fixtures.csv("activity_ref;name;sector;kind\nACM;Centre de loisirs;Enfance;acm\n"));
        long activity = jdbc.sql("select id from activities where centre_id = ? and ref = 'ACM'").param(centre.id()).query(Long.class).single();
        return sessions.addOneOff(centre.id(), activity, LocalDate.of(2026, 3, 4), LocalTime.of(9, 0), LocalTime.of(17, 0));
    }

    private long person(Centre centre, String firstName) {
        people.importCsv(centre.id(), Fixtures.csv("household_ref;person_ref;last_name;first_name;birth_date\nH;" + firstName
                + ";Martin;" + firstName + ";2018-01-01\n"));
        return jdbc.sql("select id from persons where centre_id = ? and ref = ?").params(centre.id(), firstName).query(Long.class).single();
    }
}
