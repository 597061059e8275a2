package fr.trame.senacs;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.form.FieldErrors;
import fr.trame.form.Refused;
import fr.trame.people.PeopleImporter;
import fr.trame.activities.ActivityImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.Map;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A centre's return: pre-filled from the records, declared, submitted and frozen, reopened with what changed. */
@TrameTest
class ReturnServiceTest {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired ReturnService returns;
    @Autowired SenacsCampaigns campaigns;
    @Autowired SenacsFigures figures;
    @Autowired JdbcClient jdbc;

    Centre centre;
    long director;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("senacs");
        director = fixtures.userId(fixtures.user(centre, Role.DIRECTION));
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date;role;quartier;qpv;qf
                H1;ALICE;Roux;Alice;F;1990-06-01;responsable;Tilleuls;oui;250
                H1;BOB;Roux;Bob;M;2020-02-15;enfant;Tilleuls;oui;250
                H2;CARL;Petit;Carl;M;1985-01-01;responsable;Moulin;non;1000
                """));
        activities.importCsv(centre.id(), csv("""
                activity_ref;name;sector;kind
                A1;Atelier jeux;Enfance;atelier
                """));
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref;headcount;status
                A1;2025-01-10;10:00;12:00;BOB;;present
                A1;2025-01-10;10:00;12:00;ALICE;;present
                """));
    }

    @Test
    void theQuestionnaireFileLoadsAndEveryFigureItNamesIsComputed() {
        Campaign campaign = campaigns.forYear(2025);
        assertThat(campaign.year()).isEqualTo(2024);
        assertThat(campaign.sections()).extracting(Campaign.Section::code)
                .containsExactly("identite", "publics", "actions", "benevoles", "gouvernance", "salaries", "finances", "partenariats");
        assertThat(campaign.questions()).hasSizeGreaterThan(100);
        assertThat(figures.unknown(campaign)).as("figures the questionnaire names that no source computes").isEmpty();
    }

    @Test
    void aDraftIsPrefilledFromTheRecordsAndLinksToThem() {
        SenacsReturn r = returns.read(centre.id(), centre.code(), 2025);
        assertThat(r.state()).isEqualTo(SenacsReturn.State.BROUILLON);
        SenacsReturn.Answer persons = answer(r, "PUB_PERSONNES");
        assertThat(persons.value()).isEqualTo("2");
        assertThat(persons.source()).isEqualTo(SenacsReturn.Source.COMPUTED);
        assertThat(persons.link()).isEqualTo("/tableau-de-bord/personnes?from=2025-01-01&to=2025-12-31");
        assertThat(answer(r, "PUB_FEMMES").value()).isEqualTo("1");
        assertThat(answer(r, "ID_MILIEU").source()).isEqualTo(SenacsReturn.Source.MISSING);
    }

    @Test
    void aBadAnswerIsRefusedByQuestionAndNothingIsSaved() {
        FieldErrors errors = returns.declare(centre.id(), 2025, Map.of("ID_MILIEU", "urbain", "ID_QPV", "peut-être",
                "BEN_HEURES", "-3", "NOPE", "1"), director);
        assertThat(errors.all()).containsOnlyKeys("ID_QPV", "BEN_HEURES", "NOPE");
        assertThat(errors.get("ID_QPV")).contains("« oui » ou « non »");
        assertThat(answer(returns.read(centre.id(), centre.code(), 2025), "ID_MILIEU").source())
                .isEqualTo(SenacsReturn.Source.MISSING);
    }

    @Test
    void aSubmittedReturnIsFrozenAndAReopenedOneShowsWhatChanged() {
        assertThatThrownBy(() -> returns.submit(centre.id(), centre.code(), 2025, director))
                .isInstanceOf(Refused.class).hasMessageContaining("ID_MILIEU");
        declareEveryMissingAnswer();
        assertThat(returns.declare(centre.id(), 2025, Map.of("BEN_HEURES", "1 234,5"), director).any()).isFalse();
        returns.submit(centre.id(), centre.code(), 2025, director);

        // the records change after submission: a third person comes to the workshop
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref;headcount;status
                A1;2025-03-10;10:00;12:00;CARL;;present
                """));
        SenacsReturn frozen = returns.read(centre.id(), centre.code(), 2025);
        assertThat(frozen.state()).isEqualTo(SenacsReturn.State.SOUMIS);
        assertThat(answer(frozen, "PUB_PERSONNES").value()).isEqualTo("2");
        assertThat(answer(frozen, "BEN_HEURES").value()).isEqualTo("1234.50");
        assertThat(answer(frozen, "BEN_HEURES").source()).isEqualTo(SenacsReturn.Source.DECLARED);
        assertThatThrownBy(() -> returns.declare(centre.id(), 2025, Map.of("ID_MILIEU", "rural"), director))
                .isInstanceOf(Refused.class).hasMessageContaining("rouvrez");

        returns.reopen(centre.id(), 2025, director);
        SenacsReturn reopened = returns.read(centre.id(), centre.code(), 2025);
        assertThat(reopened.state()).isEqualTo(SenacsReturn.State.ROUVERT);
        SenacsReturn.Answer persons = answer(reopened, "PUB_PERSONNES");
        assertThat(persons.value()).isEqualTo("3");
        assertThat(persons.frozen()).isEqualTo("2");
        assertThat(persons.changed()).isTrue();
        assertThat(answer(reopened, "BEN_HEURES").changed()).isFalse();
    }

    private void declareEveryMissingAnswer() {
        Map<String, String> typed = new HashMap<>();
        for (SenacsReturn.Answer a : returns.read(centre.id(), centre.code(), 2025).answers()) {
            if (a.source() == SenacsReturn.Source.MISSING) {
                Question q = a.question();
                typed.put(q.code(), switch (q.type()) {
                    case OUI_NON -> "oui";
                    case CHOIX -> q.choices().get(0);
                    case DATE -> "31/12/2027";
                    case TEXTE -> "Texte";
                    default -> "1";
                });
            }
        }
        assertThat(returns.declare(centre.id(), 2025, typed, director).any()).isFalse();
    }

    /**
     * A person's situation of disability never leaves the centre, not even counted: the question is the centre's to
     * declare, and none of the tables or views the federation reads has such a column.
     */
    @Test
    void disabilityNeverReachesTheFederation() {
        jdbc.sql("update persons set disability = true where centre_id = ? and ref = 'BOB'").param(centre.id()).update();
        assertThat(answer(returns.read(centre.id(), centre.code(), 2025), "PUB_HANDICAP").source())
                .isEqualTo(SenacsReturn.Source.MISSING);
        assertThat(jdbc.sql("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = current_schema() and (table_name like 'senacs%' or table_name like 'federation%')
                  and (column_name like '%disab%' or column_name like '%handicap%')""").query(String.class).list()).isEmpty();
    }

    private static SenacsReturn.Answer answer(SenacsReturn r, String code) {
        return r.answers().stream().filter(a -> a.question().code().equals(code)).findFirst().orElseThrow();
    }
}
