package fr.trame.people;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The register's forms as a receptionist uses them: messages beside fields, typed values kept, duplicates flagged. */
@TrameTest
class RegisterPagesTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter importer;
    @Autowired JdbcClient jdbc;

    Centre centre;
    String accueil;
    long household;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("pages");
        accueil = fixtures.user(centre, Role.ACCUEIL);
        importer.importCsv(centre.id(), Fixtures.csv("""
                household_ref;person_ref;last_name;first_name;birth_date;role
                H1;P1;Lefèvre;Marie;1985-03-12;responsable
                """));
        household = jdbc.sql("select id from households where centre_id = ? and ref = 'H1'").param(centre.id())
                .query(Long.class).single();
    }

    @Test
    void aFormWithErrorsShowsThemBesideTheFieldsAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(post(base() + "/foyers/" + household + "/personnes/nouvelle").with(user(accueil)).with(csrf())
                        .param("lastName", "Lefèvre").param("firstName", "").param("birthDate", "31/13/2015")
                        .param("email", "paul@").param("phone", "06 11 22 33 44"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Le prénom est obligatoire."),
                        containsString("Date invalide : écrivez-la JJ/MM/AAAA."),
                        containsString("Adresse électronique invalide"),
                        containsString("value=\"31/13/2015\""), containsString("value=\"06 11 22 33 44\""))));
        assertThat(persons()).isEqualTo(1);
    }

    @Test
    void aHouseholdWithAnUnreadableQfComesBackWithItsMessageAndWhatWasTyped() throws Exception {
        long before = jdbc.sql("select count(*) from households where centre_id = ?").param(centre.id()).query(Long.class).single();
        for (String qf : List.of("12a", "1 200", "12345678901")) {
            mvc.perform(post(base() + "/foyers/nouveau").with(user(accueil)).with(csrf())
                            .param("commune", "Lille").param("qf", qf))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("value=\"" + qf + "\""), containsString("aria-invalid"))));
            mvc.perform(post(base() + "/foyers/" + household + "/modifier").with(user(accueil)).with(csrf())
                            .param("commune", "Lille").param("qf", qf))
                    .andExpect(status().isOk()); // the edit form has no QF field (QF is a dated history): not a 500
        }
        assertThat(jdbc.sql("select count(*) from households where centre_id = ?").param(centre.id()).query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void aLookalikeIsShownBeforeCreatingADuplicateAndCanBeConfirmed() throws Exception {
        mvc.perform(post(base() + "/foyers/" + household + "/personnes/nouvelle").with(user(accueil)).with(csrf())
                        .param("lastName", "LEFEVRE").param("firstName", "marie").param("birthDate", "12/03/1985"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("doublon possible"), containsString("Marie Lefèvre"))));
        assertThat(persons()).isEqualTo(1);
        mvc.perform(post(base() + "/foyers/" + household + "/personnes/nouvelle").with(user(accueil)).with(csrf())
                        .param("lastName", "LEFEVRE").param("firstName", "marie").param("birthDate", "12/03/1985")
                        .param("confirmDuplicate", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(persons()).isEqualTo(2);
        // another birth date is another person: no warning
        mvc.perform(post(base() + "/foyers/" + household + "/personnes/nouvelle").with(user(accueil)).with(csrf())
                        .param("lastName", "Lefèvre").param("firstName", "Marie").param("birthDate", "02/02/2019"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aSecondAdultIsResponsableByDefaultAndAChildEnfant() throws Exception {
        // the form offers « selon l'âge » first, and the household's first person is its responsable
        mvc.perform(get(base() + "/foyers/" + household + "/personnes/nouvelle").with(user(accueil)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"\" selected=\"selected\">Selon l'âge")))
                .andExpect(content().string(containsString("Nouvelle personne — <span>Foyer Lefèvre</span>")));
        mvc.perform(post(base() + "/foyers/" + household + "/personnes/nouvelle").with(user(accueil)).with(csrf())
                .param("lastName", "Diallo").param("firstName", "Omar").param("birthDate", "01/02/1983").param("role", ""))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base() + "/foyers/" + household + "/personnes/nouvelle").with(user(accueil)).with(csrf())
                .param("lastName", "Diallo").param("firstName", "Awa").param("birthDate", "01/02/" + (LocalDate.now().getYear() - 3))
                .param("role", "")).andExpect(status().is3xxRedirection());
        mvc.perform(post(base() + "/foyers/" + household + "/personnes/nouvelle").with(user(accueil)).with(csrf())
                .param("lastName", "Lefèvre").param("firstName", "Jeanne").param("birthDate", "01/02/1950").param("role", "autre"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("""
                select p.first_name || ':' || hm.role from household_members hm
                join persons p on p.centre_id = hm.centre_id and p.id = hm.person_id
                where hm.centre_id = ? and hm.household_id = ? order by p.id""").params(centre.id(), household)
                .query(String.class).list()).containsExactly("Marie:responsable", "Omar:responsable", "Awa:enfant", "Jeanne:autre");
    }

    @Test
    void aHouseholdWithoutMembersIsNotCalledFoyerTwice() throws Exception {
        long empty = jdbc.sql("insert into households (centre_id, ref) values (?, 'VIDE') returning id").param(centre.id())
                .query(Long.class).single();
        String page = mvc.perform(get(base() + "/foyers/" + empty).with(user(accueil))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(page).selectFirst("main h1").text()).isEqualTo("Foyer sans membre");
        assertThat(page).doesNotContain("Foyer Foyer");
    }

    @Test
    void theUploadPageListsEveryErrorWithItsLineAndColumnAndWritesNothing() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "people.csv", "text/csv",
                "household_ref;person_ref;last_name;first_name;birth_date\nH7;P7;Durand;;2050-01-01\n"
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart(base() + "/import").file(file).param("kind", "people").with(user(accueil)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("rien n'a été importé"),
                        containsString("valeur obligatoire manquante"), containsString("date de naissance dans le futur"),
                        containsString("first_name"), not(containsString("Import réussi")))));
        assertThat(persons()).isEqualTo(1);

        MockMultipartFile good = new MockMultipartFile("file", "people.csv", "text/csv",
                "household_ref;person_ref;last_name;first_name\nH7;P7;Durand;Paul\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart(base() + "/import").file(good).param("kind", "people").with(user(accueil)).with(csrf()))
                .andExpect(content().string(containsString("1 personne(s) créée(s)")));
        assertThat(persons()).isEqualTo(2);
    }

    @Test
    void householdSearchAnswersHtmxWithTheResultsOnly() throws Exception {
        mvc.perform(get(base() + "/foyers").param("q", "lefevre").header("HX-Request", "true").with(user(accueil)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Lefèvre"), not(containsString("<html")))));
    }

    private String base() {
        return "/c/" + centre.code();
    }

    private long persons() {
        return jdbc.sql("select count(*) from persons where centre_id = ?").param(centre.id()).query(Long.class).single();
    }
}
