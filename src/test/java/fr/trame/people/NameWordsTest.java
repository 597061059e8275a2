package fr.trame.people;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words the register search starts from (V75) follow every writer of persons, and never outlive a name nor cross
 * a centre.
 */
@TrameTest
class NameWordsTest {

    @Autowired PeopleImporter importer;
    @Autowired PersonService persons;
    @Autowired HouseholdService households;
    @Autowired RegisterSearch search;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    Centre centre;

    static final String FILE = "person_ref;household_ref;last_name;first_name;sex;birth_date;role\n"
            + "P1;H1;Zerrouki;Aïcha;F;1985-03-12;responsable\n"
            + "P2;H1;Zerrouki;Noé;M;2016-09-01;enfant\n"
            + "P3;H2;N'Diaye;Awa;F;1990-01-01;responsable\n";

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("words");
    }

    @Test
    void wordsFollowImportsFormsRenamesAnonymisationAndDeletion() {
        importer.importCsv(centre.id(), csv(FILE));
        assertThat(words(centre)).containsExactly("aicha 1", "awa 1", "diaye 1", "n 1", "noe 1", "zerrouki 2");
        assertThat(bearers(centre, "zerrouki")).hasSize(2);

        // re-import renaming one person: her old word goes, the new one comes
        importer.importCsv(centre.id(), csv(FILE.replace("P3;H2;N'Diaye;Awa", "P3;H2;Ndiaye;Awa")));
        assertThat(words(centre)).containsExactly("aicha 1", "awa 1", "ndiaye 1", "noe 1", "zerrouki 2");

        // forms: a new person, then renamed
        long household = households.create(centre.id(), new HouseholdService.Values(null, null, null, null, null, null,
                null, null, null));
        long id = persons.create(centre.id(), household, new PersonService.Values("Lefèvre", "Théo", "M", null, null, null,
                null, "responsable"));
        assertThat(words(centre)).contains("lefevre 1", "theo 1");
        persons.update(centre.id(), id, new PersonService.Values("Lefebvre", "Théo", "M", null, null, null, null,
                "responsable"));
        assertThat(words(centre)).contains("lefebvre 1", "theo 1").doesNotContain("lefevre 1");
        assertThat(search.persons(centre.id(), "lefebre", 10)).extracting(RegisterSearch.PersonHit::id).containsExactly(id);

        // anonymisation: the name leaves the words, and the person is not found by it any more
        long aicha = personId(centre, "P1");
        persons.anonymise(centre.id(), List.of(aicha), Map.of(aicha, LocalDate.of(1985, 1, 1)));
        assertThat(words(centre)).contains("zerrouki 1").doesNotContain("aicha 1");
        assertThat(words(centre)).noneMatch(w -> w.startsWith("anonymis"));
        assertThat(search.persons(centre.id(), "zerrouki aicha", 10)).extracting(RegisterSearch.PersonHit::firstName)
                .containsExactly("Noé");
        persons.anonymise(centre.id(), List.of(personId(centre, "P2")), Map.of());
        assertThat(words(centre)).doesNotContain("zerrouki 1", "noe 1");
        assertThat(search.households(centre.id(), "zerrouki", 10)).isEmpty();

        // deletion of the register: no word left
        households.deleteRegister(centre.id());
        assertThat(words(centre)).isEmpty();
        assertThat(jdbc.sql("select count(*) from person_words where centre_id = ?").param(centre.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aMisspeltNameFindsThePersonAndHerHousehold() {
        importer.importCsv(centre.id(), csv(FILE));
        assertThat(search.persons(centre.id(), "zerouki", 10)).extracting(RegisterSearch.PersonHit::firstName)
                .containsExactlyInAnyOrder("Aïcha", "Noé");
        assertThat(search.persons(centre.id(), "ZEROUKI aicha", 10)).extracting(RegisterSearch.PersonHit::firstName)
                .first().isEqualTo("Aïcha");
        assertThat(search.households(centre.id(), "zerrouky", 10)).extracting(RegisterSearch.Hit::label)
                .containsExactly("Zerrouki");
        assertThat(search.households(centre.id(), "ndiaye", 10)).extracting(RegisterSearch.Hit::label)
                .containsExactly("N'Diaye");
        assertThat(search.persons(centre.id(), "martin", 10)).isEmpty();
    }

    @Test
    void oneCentreNeverFindsAnotherCentresPersons() {
        Centre other = fixtures.centre("words-other");
        importer.importCsv(other.id(), csv(FILE));
        assertThat(search.persons(centre.id(), "zerrouki", 10)).isEmpty();
        assertThat(search.households(centre.id(), "zerouki", 10)).isEmpty();
        assertThat(words(centre)).isEmpty();

        importer.importCsv(centre.id(), csv(FILE.replace("Zerrouki", "Zerouali")));
        assertThat(search.persons(other.id(), "zerouali", 10)).extracting(RegisterSearch.PersonHit::lastName)
                .doesNotContain("Zerouali");
        assertThat(search.persons(centre.id(), "zerouali", 10)).extracting(RegisterSearch.PersonHit::lastName)
                .containsOnly("Zerouali");
        assertThat(search.persons(centre.id(), "zerrouki", 10)).extracting(RegisterSearch.PersonHit::lastName)
                .doesNotContain("Zerrouki");
        households.deleteRegister(other.id());
        assertThat(words(other)).isEmpty();
        assertThat(words(centre)).contains("zerouali 2");
    }

    private List<String> words(Centre c) {
        return jdbc.sql("select word || ' ' || persons from person_name_words where centre_id = ? order by word")
                .param(c.id()).query(String.class).list();
    }

    private List<Long> bearers(Centre c, String word) {
        return jdbc.sql("select person_id from person_words where centre_id = ? and word = ? order by person_id")
                .params(c.id(), word).query(Long.class).list();
    }

    private long personId(Centre c, String ref) {
        return jdbc.sql("select id from persons where centre_id = ? and ref = ?").params(c.id(), ref).query(Long.class).single();
    }
}
