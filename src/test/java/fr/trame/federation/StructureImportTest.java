package fr.trame.federation;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.csv.CsvImportException;
import fr.trame.csv.ImportResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.List;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** import structures (interchange.md): all or nothing, idempotent, history kept; one federation never sees another's. */
@TrameTest
class StructureImportTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Autowired Fixtures fixtures;
    @Autowired StructureImporter importer;
    @Autowired StructureService structures;
    @Autowired TerritoryService territories;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    Federation federation;
    Centre centre;

    @BeforeEach
    void setUp() {
        federation = fixtures.federation("npdc");
        centre = fixtures.centre("vachala");
    }

    String file() {
        return """
                structure_ref;name;kind;status;departement;territory;commune;epci;caf_antenna;managing_association;membership;membership_date;agrement_start;agrement_end;centre_code
                CS1;Centre social Vachala;cs;municipal;62;Bassin Minier;Lens;CALL;Lens;;adherent;2001-01-01;2023-01-01;2026-12-31;%s
                CS2;Maison de quartier Beaujardin;cs;associatif;59;Valenciennois;Valenciennes;;;ACSRV;reaffiliation;2022-06-01;2024-01-01;2027-12-31;
                EVS1;EVS des Présidents;evs;associatif;59;Sambre-Avesnois;Maubeuge;;;;prefiguration;;;;
                """.formatted(centre.code());
    }

    @Test
    void importsThenChangesNothingOnTheSameFile() {
        ImportResult first = importer.importCsv(federation.id(), csv(file()), TODAY);
        assertThat(first.changes()).containsEntry("structure(s) créée(s)", 3).containsEntry("territoire(s) créé(s)", 3)
                .containsEntry("agrément(s) enregistré(s)", 2);
        ImportResult again = importer.importCsv(federation.id(), csv(file()), TODAY.plusDays(10));
        assertThat(again.changes().values()).allMatch(n -> n == 0);

        List<Structure> list = structures.list(federation.id(), StructureFilter.ALL, TODAY);
        assertThat(list).extracting(Structure::ref).containsExactlyInAnyOrder("CS1", "CS2", "EVS1");
        Structure vachala = list.stream().filter(s -> s.ref().equals("CS1")).findFirst().orElseThrow();
        assertThat(vachala.centreCode()).isEqualTo(centre.code());
        assertThat(vachala.status()).isEqualTo("municipal");
        assertThat(vachala.agrementEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
        // due within 12 months of 2026-03-01: Vachala only
        assertThat(structures.list(federation.id(), new StructureFilter(null, null, null, null, null, 12, null), TODAY))
                .extracting(Structure::ref).containsExactly("CS1");
        assertThat(structures.list(federation.id(), new StructureFilter("59", null, "evs", null, null, null, null), TODAY))
                .extracting(Structure::ref).containsExactly("EVS1");
        // "members" is every member state (adherent or reaffiliated), as the home page counts them
        assertThat(structures.list(federation.id(), new StructureFilter(null, null, null, null, StructureService.MEMBERS, null, null),
                TODAY)).extracting(Structure::ref).containsExactlyInAnyOrder("CS1", "CS2");
    }

    @Test
    void aPassageAssociatifIsANewDatedStatusAndTheOldOneStays() {
        importer.importCsv(federation.id(), csv(file()), TODAY);
        importer.importCsv(federation.id(), csv(file().replace(";municipal;", ";associatif;")), TODAY.plusMonths(2));
        long id = structures.list(federation.id(), StructureFilter.ALL, TODAY).stream()
                .filter(s -> s.ref().equals("CS1")).findFirst().orElseThrow().id();
        assertThat(structures.statuses(federation.id(), id)).extracting(StructureService.Dated::value)
                .containsExactly("municipal", "associatif");
        assertThat(structures.get(federation.id(), id, TODAY).status()).isEqualTo("municipal");
        assertThat(structures.get(federation.id(), id, TODAY.plusMonths(3)).status()).isEqualTo("associatif");
    }

    @Test
    void aBadFileIsRefusedWithLineAndColumnAndNothingIsWritten() {
        String bad = """
                structure_ref;name;kind;departement;agrement_start;agrement_end;centre_code
                CS1;Un centre;cs;59;2024-01-01;2023-01-01;
                CS1;Le même;mjc;5;;;
                CS3;Un autre;evs;62;2024-01-01;;inconnu-ici
                """;
        assertThatThrownBy(() -> importer.importCsv(federation.id(), csv(bad), TODAY))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.errors().toString())
                        .contains("ligne 2", "agrement_end", "ligne 3", "structure_ref", "kind", "departement",
                                "ligne 4", "l'agrément demande ses deux dates"));
        // the unknown centre is found once the rest of the file is right
        String unknownCentre = "structure_ref;name;kind;departement;centre_code\nCS3;Un autre;evs;62;inconnu-ici\n";
        assertThatThrownBy(() -> importer.importCsv(federation.id(), csv(unknownCentre), TODAY))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.errors().toString())
                        .contains("ligne 2", "centre_code", "inconnu dans Trame"));
        assertThat(jdbc.sql("select count(*) from structures where federation_id = ?").param(federation.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCentreIsOneFederationsAndOnlyThePlatformLinksIt() {
        String line = "structure_ref;name;kind;departement;territory;centre_code\nCS1;Vachala;cs;62;%s;%s\n";
        // a federation's direction importing on its own word cannot make the link
        assertThatThrownBy(() -> importer.importCsv(federation.id(), csv(line.formatted("", centre.code())), TODAY, false))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.errors().toString())
                        .contains("ligne 2", "centre_code", "seul l'administrateur de la plateforme"));
        importer.importCsv(federation.id(), csv(line.formatted("", centre.code())), TODAY);
        // once made, the direction's own re-import keeps it
        importer.importCsv(federation.id(), csv(line.formatted("", centre.code())), TODAY, false);
        assertThat(structures.list(federation.id(), StructureFilter.ALL, TODAY).get(0).centreCode()).isEqualTo(centre.code());

        Federation other = fixtures.federation("autre");
        assertThatThrownBy(() -> importer.importCsv(other.id(), csv(line.formatted("", centre.code())), TODAY))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.errors().toString())
                        .contains("une structure d'une autre fédération"));
        // a thematic network is not an AT
        territories.create(other.id(), "Réseau santé", "reseau");
        assertThatThrownBy(() -> importer.importCsv(other.id(), csv(line.formatted("Réseau santé", "")), TODAY))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.errors().toString())
                        .contains("ligne 2", "territory", "réseau thématique"));
    }

    @Test
    void anotherFederationAndACentreUserSeeNothingOfIt() throws Exception {
        importer.importCsv(federation.id(), csv(file()), TODAY);
        long id = structures.list(federation.id(), StructureFilter.ALL, TODAY).get(0).id();
        String reader = fixtures.user(federation, FederationRole.READER);
        mvc.perform(get("/f/" + federation.code() + "/structures").with(user(reader)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Vachala")));
        mvc.perform(get("/f/" + federation.code() + "/structures/" + id).with(user(reader))).andExpect(status().isOk());

        Federation other = fixtures.federation("autre");
        String stranger = fixtures.user(other, FederationRole.ADMIN);
        mvc.perform(get("/f/" + federation.code() + "/structures").with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/f/" + other.code() + "/structures/" + id).with(user(stranger))).andExpect(status().isNotFound());
        String centreStaff = fixtures.user(centre, Role.DIRECTION);
        mvc.perform(get("/f/" + federation.code()).with(user(centreStaff))).andExpect(status().isNotFound());
        // the federation's staff reach no page of a member centre that runs Trame: no personal data leaves it
        mvc.perform(get("/c/" + centre.code() + "/foyers").with(user(reader))).andExpect(status().isNotFound());
    }
}
