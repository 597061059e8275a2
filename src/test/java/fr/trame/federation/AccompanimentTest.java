package fr.trame.federation;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.demo.DemoFederationAccompaniments;
import fr.trame.form.Forbidden;
import fr.trame.form.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Accompaniments: a cellule de veille exists only for its délégué, those it is shared with and the direction, and
 * each read of it is journalled; the others are read by all and written by the direction and the AT's délégué; the
 * figures count distinct structures per AT.
 */
@TrameTest
class AccompanimentTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Autowired Fixtures fixtures;
    @Autowired StructureImporter importer;
    @Autowired StructureService structures;
    @Autowired TerritoryService territories;
    @Autowired AccompanimentService accompaniments;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired DemoFederationAccompaniments demo;

    Federation federation;
    String direction;
    String delegueA;
    String delegueB;
    String reader;
    long atA;
    long atB;
    Map<String, Long> ids;

    @BeforeEach
    void setUp() {
        federation = fixtures.federation("accomp");
        importer.importCsv(federation.id(), csv("""
                structure_ref;name;kind;departement;territory;commune
                S1;Centre social des 3 cités;cs;62;Lens-Liévin;Mazingarbe
                S2;Centre social Dumas;cs;62;Lens-Liévin;Lens
                S3;La Passerelle;cs;59;Flandre Intérieure;Rexpoëde
                """), TODAY);
        ids = new HashMap<>();
        structures.list(federation.id(), StructureFilter.ALL, TODAY).forEach(s -> ids.put(s.ref(), s.id()));
        List<Territory> ats = territories.list(federation.id(), TODAY);
        atA = ats.stream().filter(t -> t.name().equals("Lens-Liévin")).findFirst().orElseThrow().id();
        atB = ats.stream().filter(t -> t.name().equals("Flandre Intérieure")).findFirst().orElseThrow().id();
        direction = fixtures.user(federation, FederationRole.ADMIN);
        delegueA = fixtures.user(federation, FederationRole.DELEGUE);
        delegueB = fixtures.user(federation, FederationRole.DELEGUE);
        reader = fixtures.user(federation, FederationRole.READER);
        territories.assign(federation.id(), atA, fixtures.userId(delegueA), LocalDate.of(2020, 1, 1));
        territories.assign(federation.id(), atB, fixtures.userId(delegueB), LocalDate.of(2020, 1, 1));
    }

    FederationScope scope(String username, FederationRole role) {
        long id = fixtures.userId(username);
        return new FederationScope(federation.id(), federation.code(), federation.name(), role, id, username,
                territories.followedBy(federation.id(), id, TODAY), false);
    }

    long open(String username, FederationRole role, String ref, String kind, String title, LocalDate on, LocalDate closed,
              boolean veille) {
        return accompaniments.open(scope(username, role), ids.get(ref),
                new AccompanimentService.Values(kind, title, fixtures.userId(username), on, closed, veille));
    }

    String base() {
        return "/f/" + federation.code() + "/accompagnements";
    }

    List<Map<String, Object>> journal(long id) {
        return jdbc.sql("select user_id, action from network_audit where federation_id = ? and entity_id = ? order by id")
                .params(federation.id(), id).query().listOfRows();
    }

    @Test
    void aCelluleDeVeilleDoesNotExistForAReaderNorAnotherDelegue() throws Exception {
        long id = open(delegueA, FederationRole.DELEGUE, "S1", "difficulte_financiere", "Cellule de veille Mazingarbe",
                LocalDate.of(2023, 3, 1), null, true);
        open(delegueA, FederationRole.DELEGUE, "S2", "recrutement_direction", "Recrutement de la direction à Dumas",
                LocalDate.of(2023, 5, 1), null, false);
        for (String stranger : List.of(reader, delegueB)) {
            mvc.perform(get(base() + "/" + id).with(user(stranger))).andExpect(status().isNotFound());
            mvc.perform(get(base() + "?territoire=tous").with(user(stranger))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("Recrutement de la direction à Dumas")))
                    .andExpect(content().string(not(containsString("Mazingarbe"))));
            mvc.perform(get(base() + "?structure=" + ids.get("S1")).with(user(stranger)))
                    .andExpect(content().string(not(containsString("Cellule de veille Mazingarbe"))));
        }
        assertThat(accompaniments.list(scope(reader, FederationRole.READER), AccompanimentService.Filter.ALL))
                .extracting(AccompanimentService.Summary::title).containsExactly("Recrutement de la direction à Dumas");
        mvc.perform(get(base() + "/" + id).with(user(delegueA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Cellule de veille Mazingarbe")));
        // opened, refused twice (reader, délégué B), read by its délégué
        long a = fixtures.userId(delegueA);
        assertThat(journal(id)).extracting(r -> r.get("action")).containsExactly("ouverture", "acces_refuse", "acces_refuse", "lecture");
        assertThat(journal(id).get(3).get("user_id")).isEqualTo(a);
        // a délégué sees the ATs they follow by default
        mvc.perform(get(base()).with(user(delegueB))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Dumas"))));
        mvc.perform(get(base()).with(user(delegueA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Dumas")));
    }

    @Test
    void aSharedUserReadsItAndIsJournalledUntilUnshared() throws Exception {
        long id = open(delegueA, FederationRole.DELEGUE, "S1", "difficulte_financiere", "Cellule de veille Mazingarbe",
                LocalDate.of(2023, 3, 1), null, true);
        long readerId = fixtures.userId(reader);
        // the reader cannot share it, nor can délégué B, who does not even see it
        mvc.perform(post(base() + "/" + id + "/partages").param("user", String.valueOf(readerId)).with(csrf()).with(user(reader)))
                .andExpect(status().isForbidden());
        mvc.perform(post(base() + "/" + id + "/partages").param("user", String.valueOf(readerId)).with(csrf()).with(user(delegueB)))
                .andExpect(status().isNotFound());
        mvc.perform(post(base() + "/" + id + "/partages").param("user", String.valueOf(readerId)).with(csrf()).with(user(delegueA)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(base() + "/" + id).with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Cellule de veille Mazingarbe")));
        List<Map<String, Object>> rows = journal(id);
        assertThat(rows.get(rows.size() - 1)).containsEntry("action", "lecture").containsEntry("user_id", readerId);
        // shared, the reader still only reads
        mvc.perform(post(base() + "/" + id + "/etapes").param("date", "10/03/2023").param("note", "Lu").with(csrf()).with(user(reader)))
                .andExpect(status().isForbidden());
        mvc.perform(get(base() + "/" + id).with(user(direction))).andExpect(status().isOk());
        assertThat(journal(id).get(journal(id).size() - 1)).containsEntry("user_id", fixtures.userId(direction));
        // the journal is the direction's
        mvc.perform(get("/f/" + federation.code() + "/journal").with(user(direction))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Partage")));
        mvc.perform(get("/f/" + federation.code() + "/journal").with(user(delegueA))).andExpect(status().isForbidden());

        mvc.perform(post(base() + "/" + id + "/partages/" + readerId + "/retirer").with(csrf()).with(user(delegueA)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(base() + "/" + id).with(user(reader))).andExpect(status().isNotFound());
        assertThat(journal(id)).extracting(r -> r.get("action"))
                .containsExactly("ouverture", "acces_refuse", "partage", "lecture", "lecture", "retrait_partage", "acces_refuse");
    }

    @Test
    void aRefusedPostOnAConfidentialOneIsJournalledToo() throws Exception {
        long id = open(delegueA, FederationRole.DELEGUE, "S1", "difficulte_financiere", "Cellule de veille Mazingarbe",
                LocalDate.of(2023, 3, 1), null, true);
        long b = fixtures.userId(delegueB);
        // délégué B does not see it: every write is a 404, and each attempt leaves a line
        mvc.perform(post(base() + "/" + id + "/etapes").param("date", "10/05/2023").param("note", "Jury").with(csrf()).with(user(delegueB)))
                .andExpect(status().isNotFound());
        mvc.perform(post(base() + "/" + id).param("kind", "difficulte_financiere").param("title", "Autre titre")
                        .param("delegueId", String.valueOf(b)).param("openedOn", "01/03/2023").with(csrf()).with(user(delegueB)))
                .andExpect(status().isNotFound());
        mvc.perform(post(base() + "/" + id + "/partages").param("user", String.valueOf(b)).with(csrf()).with(user(delegueB)))
                .andExpect(status().isNotFound());
        mvc.perform(post(base() + "/" + id + "/partages/" + b + "/retirer").with(csrf()).with(user(delegueB)))
                .andExpect(status().isNotFound());
        List<Map<String, Object>> rows = journal(id);
        assertThat(rows).extracting(r -> r.get("action"))
                .containsExactly("ouverture", "acces_refuse", "acces_refuse", "acces_refuse", "acces_refuse");
        assertThat(rows.subList(1, 5)).allSatisfy(r -> assertThat(r).containsEntry("user_id", b));
        assertThat(accompaniments.read(scope(delegueA, FederationRole.DELEGUE), id).title()).isEqualTo("Cellule de veille Mazingarbe");
    }

    @Test
    void writersAreTheDirectionAndTheDelegueOfTheAt() throws Exception {
        long id = open(delegueA, FederationRole.DELEGUE, "S2", "recrutement_direction", "Recrutement de la direction à Dumas",
                LocalDate.of(2023, 5, 1), null, false);
        mvc.perform(get(base() + "/" + id).with(user(reader))).andExpect(status().isOk());
        mvc.perform(post(base() + "/" + id + "/etapes").param("date", "10/05/2023").param("note", "Jury").with(csrf()).with(user(reader)))
                .andExpect(status().isForbidden());
        mvc.perform(post(base() + "/" + id + "/etapes").param("date", "10/05/2023").param("note", "Jury").with(csrf()).with(user(delegueB)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/f/" + federation.code() + "/structures/" + ids.get("S2") + "/accompagnements")
                        .param("kind", "rh").param("title", "x").param("delegueId", "" + fixtures.userId(reader))
                        .param("openedOn", "01/01/2024").with(csrf()).with(user(reader)))
                .andExpect(status().isForbidden());
        mvc.perform(post(base() + "/" + id + "/etapes").param("date", "10/05/2023").param("note", "Commission de recrutement")
                .param("nextStep", "Entretiens").with(csrf()).with(user(delegueA))).andExpect(status().is3xxRedirection());
        mvc.perform(post(base() + "/" + id + "/etapes").param("date", "12/05/2023").param("note", "Choix du jury")
                .with(csrf()).with(user(direction))).andExpect(status().is3xxRedirection());
        assertThat(accompaniments.read(scope(reader, FederationRole.READER), id).steps())
                .extracting(AccompanimentService.Step::done).containsExactly("Commission de recrutement", "Choix du jury");
        // a non-confidential accompaniment leaves no line in the journal
        assertThat(journal(id)).isEmpty();
        assertThatThrownBy(() -> accompaniments.addStep(scope(delegueB, FederationRole.DELEGUE), id, LocalDate.of(2023, 6, 1), "x", null))
                .isInstanceOf(Forbidden.class);

        Federation other = fixtures.federation("autre");
        String stranger = fixtures.user(other, FederationRole.ADMIN);
        mvc.perform(get(base() + "/" + id).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/f/" + other.code() + "/accompagnements/" + id).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/f/" + other.code() + "/structures/" + ids.get("S2") + "/accompagnements/nouveau").with(user(stranger)))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> accompaniments.read(new FederationScope(other.id(), other.code(), other.name(),
                FederationRole.ADMIN, fixtures.userId(stranger), stranger, Set.of(), false), id)).isInstanceOf(NotFound.class);
    }

    @Test
    void badInputIsSaidInFrenchAndNothingIsWritten() throws Exception {
        String path = "/f/" + federation.code() + "/structures/" + ids.get("S1") + "/accompagnements";
        String a = String.valueOf(fixtures.userId(delegueA));
        mvc.perform(post(path).param("kind", "pilotage").param("title", "Pilotage").param("delegueId", a)
                        .param("openedOn", "30/02/2023").with(csrf()).with(user(delegueA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("n&#39;est pas une date")))
                .andExpect(content().string(containsString("value=\"30/02/2023\"")));
        mvc.perform(post(path).param("kind", "inconnu").param("title", "x".repeat(300)).param("delegueId", a)
                        .param("openedOn", "01/02/2023").with(csrf()).with(user(delegueA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("200 caractères au plus")));
        mvc.perform(post(path).param("kind", "pilotage").param("title", "\u0000").param("delegueId", "" + fixtures.userId(reader))
                        .param("openedOn", "01/02/2023").with(csrf()).with(user(delegueA)))
                .andExpect(status().isBadRequest());
        mvc.perform(post(path).param("kind", "pilotage").param("title", "Pilotage").param("delegueId", "" + fixtures.userId(reader))
                        .param("openedOn", "01/02/2023").with(csrf()).with(user(delegueA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("parmi les délégué·es")));
        // délégué B does not open one at a structure of another AT
        mvc.perform(post(path).param("kind", "pilotage").param("title", "Pilotage").param("delegueId", a)
                .param("openedOn", "01/02/2023").with(csrf()).with(user(delegueB))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from accompaniments where federation_id = ?").param(federation.id())
                .query(Long.class).single()).isZero();
        mvc.perform(post(path).param("kind", "pilotage").param("title", "Pilotage").param("delegueId", a)
                .param("openedOn", "01/02/2023").with(csrf()).with(user(delegueA))).andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from accompaniments where federation_id = ?").param(federation.id()).query(Long.class).single();
        mvc.perform(post(base() + "/" + id + "/etapes").param("date", "01/01/2023").param("note", "Trop tôt")
                        .with(csrf()).with(user(delegueA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("précéder l&#39;ouverture")));
        mvc.perform(get(base() + "?territoire=abc&type=%00&etat=x&annee=99999&structure=zz").with(user(reader)))
                .andExpect(status().isOk());
    }

    @Test
    void figuresCountDistinctStructuresPerAtAndHideWhatTheUserMayNotRead() {
        LocalDate y2023 = LocalDate.of(2023, 2, 1);
        // AT Lens-Liévin in 2023: S1 twice (recruitment, pilotage), S2 once (pilotage) → 3 accompaniments, 2 structures
        open(delegueA, FederationRole.DELEGUE, "S1", "recrutement_direction", "Recrutement 3 cités", y2023,
                LocalDate.of(2023, 6, 30), false);
        open(delegueA, FederationRole.DELEGUE, "S1", "pilotage", "Pilotage 3 cités", LocalDate.of(2022, 9, 1), null, false);
        open(delegueA, FederationRole.DELEGUE, "S2", "pilotage", "Pilotage Dumas", y2023, null, false);
        // closed in 2022, opened in 2024: not of 2023
        open(delegueA, FederationRole.DELEGUE, "S2", "rh", "RH Dumas", LocalDate.of(2021, 1, 1), LocalDate.of(2022, 12, 31), false);
        open(delegueA, FederationRole.DELEGUE, "S2", "gouvernance", "Gouvernance Dumas", LocalDate.of(2024, 1, 1), null, false);
        // Flandre Intérieure: one cellule de veille, one passage associatif, both at S3
        open(delegueB, FederationRole.DELEGUE, "S3", "difficulte_financiere", "Veille Rexpoëde", y2023, null, true);
        open(delegueB, FederationRole.DELEGUE, "S3", "passage_associatif", "Passage associatif Rexpoëde", y2023, null, false);

        List<Territory> ats = territories.list(federation.id(), TODAY).stream().filter(Territory::isAt).toList();
        AccompanimentService.Figures all = accompaniments.figures(scope(direction, FederationRole.ADMIN), 2023, ats);
        AccompanimentService.FigureRow a = row(all, atA);
        assertThat(a.total()).isEqualTo(3);
        assertThat(a.structures()).isEqualTo(2);
        assertThat(a.byKind()).containsEntry("pilotage", 2L).containsEntry("recrutement_direction", 1L).containsEntry("rh", 0L);
        AccompanimentService.FigureRow b = row(all, atB);
        assertThat(b.total()).isEqualTo(2);
        assertThat(b.structures()).isEqualTo(1);
        assertThat(all.network().total()).isEqualTo(5);
        assertThat(all.network().structures()).isEqualTo(3);
        assertThat(all.network().byKind()).containsEntry("pilotage", 2L).containsEntry("difficulte_financiere", 1L);

        // the reader does not count the cellule de veille
        AccompanimentService.Figures theirs = accompaniments.figures(scope(reader, FederationRole.READER), 2023, ats);
        assertThat(row(theirs, atB).total()).isEqualTo(1);
        assertThat(row(theirs, atB).byKind()).containsEntry("difficulte_financiere", 0L);
        assertThat(theirs.network().total()).isEqualTo(4);
        assertThat(theirs.network().structures()).isEqualTo(3);
        assertThat(accompaniments.list(scope(reader, FederationRole.READER),
                new AccompanimentService.Filter(Set.of(atA), "pilotage", null, 2023, null))).hasSize(2);
    }

    @Test
    void theDemonstrationFollowsSeed004() {
        long started = System.nanoTime();
        demo.fill(federation.id(), TODAY, new Random(4));
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
        List<AccompanimentService.Summary> all = accompaniments.list(scope(direction, FederationRole.ADMIN),
                AccompanimentService.Filter.ALL);
        assertThat(all).filteredOn(a -> a.kind().equals("passage_associatif")).extracting(AccompanimentService.Summary::structureName)
                .containsExactly("La Passerelle");
        assertThat(all).filteredOn(AccompanimentService.Summary::confidential).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(a -> a.kind().equals("difficulte_financiere"));
        assertThat(all).filteredOn(a -> a.kind().equals("recrutement_direction")).isNotEmpty();
        assertThat(all).allMatch(a -> a.steps() > 0 && !a.openedOn().isAfter(TODAY));
        // the reader sees all but the cellules de veille
        assertThat(accompaniments.list(scope(reader, FederationRole.READER), AccompanimentService.Filter.ALL))
                .hasSize((int) all.stream().filter(a -> !a.confidential()).count());
    }

    @Test
    void theFiguresPageSaysItCountsDistinctStructuresAndLinksToTheList() throws Exception {
        open(delegueA, FederationRole.DELEGUE, "S1", "recrutement_direction", "Recrutement 3 cités", LocalDate.of(2023, 2, 1), null, false);
        open(delegueA, FederationRole.DELEGUE, "S1", "pilotage", "Pilotage 3 cités", LocalDate.of(2023, 3, 1), null, false);
        mvc.perform(get(base() + "/chiffres?annee=2023").with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("structures distinctes")))
                .andExpect(content().string(containsString("territoire=" + atA + "&amp;type=pilotage&amp;annee=2023")))
                .andExpect(content().string(containsString("<td id=\"structures-reseau\">1</td>")));
        mvc.perform(get(base() + "?territoire=" + atA + "&type=pilotage&annee=2023").with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Pilotage 3 cités")))
                .andExpect(content().string(not(containsString("Recrutement 3 cités"))));
        mvc.perform(get(base() + "/chiffres?annee=abc").with(user(reader))).andExpect(status().isOk());
        // a structure without AT has its row, which links to its accompaniments only
        importer.importCsv(federation.id(), csv("structure_ref;name;kind;departement\nS4;EVS sans AT;evs;59\n"), TODAY);
        long s4 = structures.list(federation.id(), StructureFilter.ALL, TODAY).stream().filter(s -> s.ref().equals("S4"))
                .findFirst().orElseThrow().id();
        accompaniments.open(scope(direction, FederationRole.ADMIN), s4, new AccompanimentService.Values("prefiguration",
                "Préfiguration de l'EVS", fixtures.userId(direction), LocalDate.of(2023, 4, 1), null, false));
        mvc.perform(get(base() + "/chiffres?annee=2023").with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sans AT")))
                .andExpect(content().string(containsString("territoire=aucun&amp;annee=2023")));
        mvc.perform(get(base() + "?territoire=aucun&annee=2023").with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Préfiguration de l&#39;EVS")))
                .andExpect(content().string(not(containsString("Pilotage 3 cités"))));
    }

    @Test
    void closingOrLeavingTheCelluleDeVeilleIsJournalledAndAnotherDelegueTakesItOver() throws Exception {
        long id = open(delegueA, FederationRole.DELEGUE, "S1", "difficulte_financiere", "Cellule de veille Mazingarbe",
                LocalDate.of(2023, 3, 1), null, true);
        String b = String.valueOf(fixtures.userId(delegueB));
        mvc.perform(post(base() + "/" + id).param("kind", "inconnu").param("title", "Veille").param("delegueId", b)
                        .param("openedOn", "01/03/2023").param("veille", "true").with(csrf()).with(user(delegueA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Choisissez le type")));
        mvc.perform(post(base() + "/" + id).param("kind", "difficulte_financiere").param("title", "Veille").param("delegueId", b)
                        .param("openedOn", "01/03/2023").param("closedOn", "01/02/2023").param("veille", "true")
                        .with(csrf()).with(user(delegueA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("précéder l&#39;ouverture")));
        // handed to délégué B: B reads it, A (not shared) no longer does
        mvc.perform(post(base() + "/" + id).param("kind", "difficulte_financiere").param("title", "Veille").param("delegueId", b)
                        .param("openedOn", "01/03/2023").param("veille", "true").with(csrf()).with(user(delegueA)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(base() + "/" + id).with(user(delegueB))).andExpect(status().isOk());
        mvc.perform(get(base() + "/" + id).with(user(delegueA))).andExpect(status().isNotFound());
        // closed and out of the cellule de veille: read by all
        mvc.perform(post(base() + "/" + id).param("kind", "difficulte_financiere").param("title", "Veille").param("delegueId", b)
                        .param("openedOn", "01/03/2023").param("closedOn", "30/11/2023").with(csrf()).with(user(delegueB)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(base() + "/" + id).with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("30/11/2023")));
        assertThat(jdbc.sql("""
                        select detail from network_audit where federation_id = ? and entity_id = ? and action = 'modification'
                        order by id""")
                .params(federation.id(), id).query(String.class).list()).containsExactly(null, "sorti de la cellule de veille");
    }

    static AccompanimentService.FigureRow row(AccompanimentService.Figures figures, long territory) {
        return figures.rows().stream().filter(r -> r.territoryId() != null && r.territoryId() == territory).findFirst().orElseThrow();
    }
}
