package fr.trame.territory;

import fr.trame.reporting.JsonTree;
import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.people.PeopleImporter;
import fr.trame.reporting.IndicatorService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.Map;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding 11 of issue 13: a quartier named by an import has no QPV answer, so its households without their own
 * answer are counted "inconnu", not "non", until someone sets the quartier's status.
 */
@TrameTest
class QuartierQpvTest {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired IndicatorService indicators;
    @Autowired QuartierService quartiers;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    Centre centre;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("qpv");
        // H1 says nothing of QPV and lives in Bastide, a quartier this import creates; H2 answers "non" itself.
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date;role;quartier;qpv
                H1;ANNA;Roux;Anna;F;1990-06-01;responsable;Bastide;
                H2;BRUNO;Petit;Bruno;M;1985-01-01;responsable;Bastide;non
                """));
        activities.importCsv(centre.id(), csv("""
                activity_ref;name;sector;kind
                A1;Atelier cuisine;Familles;atelier
                """));
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref;headcount;status
                A1;2026-02-10;14:00;16:00;ANNA;;present
                A1;2026-02-10;14:00;16:00;BRUNO;;present
                """));
    }

    @Test
    void aQuartierCreatedByAnImportIsUnknownUntilSomeoneSetsIt() throws Exception {
        assertThat(quartiers.list(centre.id())).singleElement().satisfies(q -> assertThat(q.qpv()).isNull());
        assertThat(qpvCounts()).containsEntry("inconnu", 1).containsEntry("non", 1).doesNotContainKey("oui");

        String admin = fixtures.user(centre, Role.ADMIN);
        long bastide = quartiers.list(centre.id()).get(0).id();
        String page = mvc.perform(get("/c/" + centre.code() + "/quartiers").with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("inconnu");

        mvc.perform(post("/c/" + centre.code() + "/quartiers/" + bastide + "/qpv").param("qpv", "oui")
                .with(user(admin)).with(csrf())).andExpect(status().is3xxRedirection());
        // H2's own "non" still holds; H1 now follows its quartier
        assertThat(qpvCounts()).containsEntry("oui", 1).containsEntry("non", 1).doesNotContainKey("inconnu");

        mvc.perform(post("/c/" + centre.code() + "/quartiers/" + bastide + "/qpv").param("qpv", "")
                .with(user(admin)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(qpvCounts()).containsEntry("inconnu", 1).containsEntry("non", 1);
    }

    @Test
    void anotherImportNamingTheQuartierKeepsItsAnswer() {
        long bastide = quartiers.list(centre.id()).get(0).id();
        quartiers.setQpv(centre.id(), bastide, true);
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date;role;quartier;qpv
                H3;CLARA;Sow;Clara;F;1970-03-03;responsable;bastide;
                """));
        assertThat(quartiers.list(centre.id())).singleElement().satisfies(q -> assertThat(q.qpv()).isTrue());
        quartiers.create(centre.id(), "Bastide", null); // typed again without an answer: the answer stays
        assertThat(quartiers.list(centre.id())).singleElement().satisfies(q -> assertThat(q.qpv()).isTrue());
    }

    @Test
    void anotherCentresQuartierCannotBeSet() throws Exception {
        Centre other = fixtures.centre("qpv-autre");
        long bastide = quartiers.list(centre.id()).get(0).id();
        mvc.perform(post("/c/" + other.code() + "/quartiers/" + bastide + "/qpv").param("qpv", "oui")
                .with(user(fixtures.user(other, Role.ADMIN))).with(csrf())).andExpect(status().isNotFound());
        assertThat(quartiers.list(centre.id()).get(0).qpv()).isNull();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Integer> qpvCounts() {
        Map<String, Object> json = JsonTree.of(indicators.compute(centre.id(), centre.code(), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31)));
        Map<String, Object> publics = (Map<String, Object>) json.get("publics");
        Map<String, Number> qpv = (Map<String, Number>) publics.get("qpv");
        Map<String, Integer> nonZero = new java.util.TreeMap<>();
        qpv.forEach((k, v) -> { if (v.intValue() > 0) nonZero.put(k, v.intValue()); });
        return nonZero;
    }
}
