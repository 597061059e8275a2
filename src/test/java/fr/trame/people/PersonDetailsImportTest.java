package fr.trame.people;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import fr.trame.csv.CsvError;
import fr.trame.csv.CsvImportException;
import fr.trame.csv.ImportResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;


import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** people.csv's added columns (interchange.md): school, school_level, disability, flags. */
@TrameTest
class PersonDetailsImportTest {

    @Autowired PeopleImporter importer;
    @Autowired FlagService flags;
    @Autowired Fixtures fixtures;
    @Autowired UserService users;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    Centre centre;

    static final String FILE = """
            household_ref;person_ref;last_name;first_name;school;school_level;disability;flags
            H1;P1;Lefèvre;Marie;;;non;primo_arrivant,allophone
            H1;P2;Lefèvre;Théo;École Jules Ferry;CM2;oui;Allophone, fle ,allophone
            H2;P3;Benali;Inès;Collège Anne Frank;6e;;
            """;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("details");
        flags.add(centre.id(), "fle", "Apprenant FLE"); // a flag the centre already has: used, not created again
    }

    @Test
    void importsTheDetailsCreatesUnknownFlagsThenChangesNothingOnReimport() {
        ImportResult first = importer.importCsv(centre.id(), csv(FILE));
        // primo_arrivant and allophone are new (in the file's order); fle exists; "Allophone" is allophone, once
        assertThat(first.changes()).containsEntry("situation(s) créée(s) (primo_arrivant, allophone)", 2)
                // P1: primo_arrivant + allophone, P2: allophone + fle → 4 links
                .containsEntry("situation(s) ajoutée(s) à une personne", 4);
        assertThat(first.summary()).contains("2 situation(s) créée(s) (primo_arrivant, allophone)");
        assertThat(flags.all(centre.id())).extracting(FlagService.Flag::code, FlagService.Flag::label)
                .containsExactlyInAnyOrder(tuple("fle", "Apprenant FLE"),
                        tuple("primo_arrivant", "Primo arrivant"),
                        tuple("allophone", "Allophone"));
        assertThat(row("P1")).isEqualTo("null|null|false|allophone,primo_arrivant");
        assertThat(row("P2")).isEqualTo("École Jules Ferry|CM2|true|allophone,fle");
        assertThat(row("P3")).isEqualTo("Collège Anne Frank|6e|null|");

        ImportResult again = importer.importCsv(centre.id(), csv(FILE));
        assertThat(again.changedNothing()).as(again.summary()).isTrue();
    }

    @Test
    void anEmptyCellLeavesTheValueAndAFilledFlagsCellReplacesTheSet() {
        importer.importCsv(centre.id(), csv(FILE));
        ImportResult second = importer.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;school;school_level;disability;flags
                H1;P2;Lefèvre;Théo;;CE2;;fle
                """));
        // P2 loses allophone, keeps fle; school and disability stay, the class changes
        assertThat(second.changes()).containsEntry("situation(s) retirée(s) d'une personne", 1)
                .containsEntry("personne(s) mise(s) à jour", 1);
        assertThat(row("P2")).isEqualTo("École Jules Ferry|CE2|true|fle");
        assertThat(row("P1")).isEqualTo("null|null|false|allophone,primo_arrivant"); // not in the file: untouched
    }

    @Test
    void badValuesAreRefusedWithLineAndColumnAndNothingIsWritten() {
        String bad = """
                household_ref;person_ref;last_name;first_name;disability;flags
                H1;P1;Martin;Léa;peut-être;primo_arrivant
                H1;P2;Martin;Zoé;Oui;primo-arrivant,allophone
                H1;P3;Martin;Noé;non;élève_fle
                """;
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> importer.importCsv(centre.id(), csv(bad)));
        String rule = " invalide : lettres minuscules sans accent, chiffres et « _ », 40 au plus, codes séparés par des "
                + "virgules (ex. primo_arrivant,allophone)";
        assertThat(e.errors()).extracting(CsvError::toString).containsExactly(
                "ligne 2, colonne 5 (disability) : valeur « peut-être » inconnue (attendu : non, oui)",
                "ligne 3, colonne 5 (disability) : valeur « Oui » inconnue (attendu : non, oui)",
                "ligne 3, colonne 6 (flags) : code de situation « primo-arrivant »" + rule,
                "ligne 4, colonne 6 (flags) : code de situation « élève_fle »" + rule);
        assertThat(jdbc.sql("select count(*) from persons where centre_id = ?").param(centre.id()).query(Long.class).single())
                .isZero();
        assertThat(flags.all(centre.id())).extracting(FlagService.Flag::code).containsExactly("fle"); // none created
    }

    @Test
    void theUploadPageRefusesADisabilityColumnFromAUserWithoutThePermission() throws Exception {
        String accueil = fixtures.user(centre, Role.ACCUEIL);
        MockMultipartFile file = new MockMultipartFile("file", "people.csv", "text/csv", FILE.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/c/" + centre.code() + "/import").file(file).param("kind", "people")
                        .with(user(accueil)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("rien n'a été importé"),
                        containsString("la situation de handicap ne s&#39;importe qu&#39;avec la permission"))));
        assertThat(jdbc.sql("select count(*) from persons where centre_id = ?").param(centre.id()).query(Long.class).single())
                .isZero();

        users.setSeesDisability(fixtures.userId(accueil), centre.id(), true);
        mvc.perform(multipart("/c/" + centre.code() + "/import").file(file).param("kind", "people")
                        .with(user(accueil)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("3 personne(s) créée(s)")));
        assertThat(row("P2")).isEqualTo("École Jules Ferry|CM2|true|allophone,fle");
    }

    /** school|school_level|disability|flags (codes in order) of the person with that reference. */
    private String row(String ref) {
        return jdbc.sql("""
                select coalesce(p.school, 'null') || '|' || coalesce(p.school_level, 'null') || '|'
                       || coalesce(p.disability::text, 'null') || '|'
                       || coalesce((select string_agg(f.code, ',' order by f.code) from person_flags pf
                                    join situation_flags f on f.centre_id = pf.centre_id and f.id = pf.flag_id
                                    where pf.centre_id = p.centre_id and pf.person_id = p.id), '')
                from persons p where p.centre_id = ? and p.ref = ?""")
                .params(centre.id(), ref).query(String.class).single();
    }

}
