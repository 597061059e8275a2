package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The upload page tells, in French and at the right line, why a file is refused; it never says a refused file was imported. */
@TrameTest
class ImportPageTest {

    static final String HEADER = "household_ref;person_ref;last_name;first_name\n";

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    Centre centre;
    String accueil;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("page-import");
        accueil = fixtures.user(centre, Role.ACCUEIL);
    }

    @Test
    void aHeaderOnlyFileIsRefusedNotReportedAsImported() throws Exception {
        Document page = upload(HEADER.getBytes(StandardCharsets.UTF_8));
        assertThat(page.select("#import-result")).isEmpty();
        assertThat(page.select("#import-errors").text()).contains("Fichier refusé, rien n'a été importé",
                "le fichier ne contient que la ligne d'en-tête : aucune ligne de données");
    }

    @Test
    void aLatin1FileIsRefusedAtItsLineAndAUtf16FileWithItsOwnMessage() throws Exception {
        String file = HEADER + "H1;P1;Martin;Lea\nH2;P2;Lefèvre;Théo\n";
        assertThat(errorRows(upload(file.getBytes(StandardCharsets.ISO_8859_1)))).containsExactly(
                "3 — — caractère invalide en UTF-8 : le fichier n'est pas en UTF-8 (sans doute en Latin-1 ou Windows-1252) ;"
                        + " enregistrez-le en UTF-8 (dans Excel : « CSV UTF-8 »)");
        assertThat(errorRows(upload(file.getBytes(StandardCharsets.UTF_16)))).singleElement().asString()
                .startsWith("1 — — le fichier est en UTF-16");
        assertThat(persons()).isZero();
    }

    @Test
    void anUnclosedQuoteANulAndAnOverlongNameAreEachShownWhereTheyAre() throws Exception {
        assertThat(errorRows(upload((HEADER + "H1;P1;Martin;Léa\nH2;P2;\"Durand;Paul\n").getBytes(StandardCharsets.UTF_8))))
                .singleElement().asString().startsWith("3 3 last_name guillemet ouvert ici et jamais refermé");
        assertThat(errorRows(upload((HEADER + "H1;P1;Mar\0tin;Léa\nH2;P2;Durand;" + "P".repeat(101) + "\n")
                .getBytes(StandardCharsets.UTF_8)))).containsExactly(
                "2 3 last_name contient un caractère NUL (octet zéro), qui n'a pas sa place dans un fichier texte",
                "3 4 first_name la valeur dépasse 100 caractères (elle en a 101)");
        assertThat(persons()).isZero();
    }

    @Test
    void tenThousandErrorsShowTheirCountAndTheFirstHundred() throws Exception {
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 10_000; i++) {
            file.append("H").append(i).append(";P").append(i).append(";;Léa\n");
        }
        Document page = upload(file.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(page.select("#import-errors p").text()).contains("10000 erreur(s), dont les 100 premières sont listées");
        assertThat(page.select("#import-errors tbody tr")).hasSize(100);
        assertThat(errorRows(page).get(99)).isEqualTo("101 3 last_name valeur obligatoire manquante");
        assertThat(persons()).isZero();
    }

    private Document upload(byte[] content) throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "people.csv", "text/csv", content);
        String html = mvc.perform(multipart("/c/" + centre.code() + "/import").file(file).param("kind", "people")
                        .with(user(accueil)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    /** Each listed error as its cells: line, column, field, problem. */
    private static java.util.List<String> errorRows(Document page) {
        assertThat(page.select("#import-result")).isEmpty();
        return page.select("#import-errors tbody tr").stream().map(tr -> tr.text()).toList();
    }

    private long persons() {
        return jdbc.sql("select count(*) from persons where centre_id = ?").param(centre.id()).query(Long.class).single();
    }
}
