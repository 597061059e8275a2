package fr.trame.reception;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V69's taking over of the free-text outcomes written before it: replayed (in a transaction rolled back at the end) on
 * a centre whose closed files carry a known label, a known code typed otherwise, an erased text and a text of its own.
 */
@TrameTest
class OutcomeMigrationTest {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired CaseOutcomeService outcomes;
    @Autowired JdbcClient jdbc;

    @Test
    @Transactional
    void freeTextOutcomesBecomeCodesOfTheCentresList() throws IOException {
        Centre centre = fixtures.centre("issues-reprise");
        long referent = fixtures.userId(fixtures.user(centre, Role.DIRECTION));
        people.importCsv(centre.id(), Fixtures.csv("household_ref;person_ref;last_name;first_name\nH1;P1;Roux;Anne\n"));
        outcomes.all(centre.id());
        for (String text : List.of("Emploi", " DROITS OUVERTS", "Effacé (personne anonymisée)", "Trouvé un CDI !", "trouvé un cdi")) {
            jdbc.sql("""
                    insert into cases (centre_id, person_id, referent_user_id, subject, opened_on, closed_on, outcome)
                    select centre_id, id, ?, 'Dossier', date '2024-01-01', date '2024-06-30', ? from persons
                    where centre_id = ? and ref = 'P1'""").params(referent, text, centre.id()).update();
        }
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V69__reception_outcomes.sql"));
        String takeOver = migration.substring(migration.indexOf("create temporary table"), migration.indexOf("-- Published"));
        for (String statement : takeOver.split(";\\s*\\n")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }
        // a label (any case), a code's label typed in capitals, the erased text → autre, the two CDI texts → one new entry
        assertThat(jdbc.sql("select outcome from cases where centre_id = ? order by id").param(centre.id()).query(String.class).list())
                .containsExactly("emploi", "droits_ouverts", "autre", "trouve_un_cdi", "trouve_un_cdi");
        assertThat(outcomes.labels(centre.id())).containsEntry("trouve_un_cdi", "Trouvé un CDI !").hasSize(8);
    }
}
