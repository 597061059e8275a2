package fr.trame.demo;

import fr.trame.reporting.JsonTree;
import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.people.PeopleImporter;
import fr.trame.reporting.IndicatorService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demonstration association has the shape of the real one it imitates (seed 000), counted by the engine. */
@TrameTest
class DemoAssociationTest {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired DemoAssociation association;
    @Autowired IndicatorService indicators;

    @Test
    void lastYearLooksLikeTheCentreOfSeed000() {
        Centre centre = fixtures.centre("demo-asso");
        StringBuilder csv = new StringBuilder("household_ref;person_ref;last_name;first_name;birth_date\n");
        for (int i = 0; i < 60; i++) {
            csv.append("H").append(i).append(";P").append(i).append(";Nom").append(i).append(";Prénom;1970-01-01\n");
        }
        people.importCsv(centre.id(), Fixtures.csv(csv.toString()));
        LocalDate today = LocalDate.now();
        association.fill(centre.id(), today);
        int year = today.getYear() - 1;
        Map<String, Object> a = sub(JsonTree.of(indicators.compute(centre.id(), centre.code(), LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31))),
                "association");
        assertThat(sub(a, "governance")).containsEntry("boardMembers", 17L);
        assertThat(sub(sub(a, "governance"), "meetings")).containsEntry("ca", 9L).containsEntry("bureau", 12L).containsEntry("ag", 1L);
        assertThat(sub(a, "volunteers")).containsEntry("volunteers", 42L);
        assertThat(sub(sub(a, "volunteers"), "byCategory").values().stream().mapToLong(v -> (Long) v).sum()).isEqualTo(49);
        assertThat(sub(a, "staff")).containsEntry("employees", 15L).containsEntry("etp", new BigDecimal("12.67"));
        assertThat(sub(sub(a, "staff"), "byContract")).containsEntry("mad", 4L).containsEntry("cdi", 7L);
        // 5 summer vacataires: 20 + 23 + 26 + 29 + 32 = 130 vacations, 200 + 230 + 260 + 290 + 320 = 1 300 hours; 6 trainees
        assertThat(sub(sub(a, "staff"), "vacataires")).containsEntry("persons", 5L).containsEntry("vacations", 130L)
                .containsEntry("hours", new BigDecimal("1300.00"));
        assertThat(sub(sub(a, "staff"), "interns")).containsEntry("persons", 6L);
        assertThat(sub(sub(sub(a, "staff"), "interns"), "byDiploma")).containsEntry("3e", 2L).containsEntry("BAFA", 1L);
        assertThat(sub(a, "partners")).containsEntry("conventions", 29L).containsEntry("permanences", 6L);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sub(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }
}
