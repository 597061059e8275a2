package fr.trame.training;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.csv.CsvError;
import fr.trame.csv.CsvImportException;
import fr.trame.csv.ImportResult;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.federation.TerritoryService;
import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import fr.trame.training.EventService.Breakdown;
import fr.trame.training.EventService.Figures;
import fr.trame.training.EventService.Filter;
import fr.trame.training.EventService.NewRegistration;
import fr.trame.training.EventService.NewShift;
import fr.trame.training.EventService.Registration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An event's figures on a hand-made race: structures A and B (59, AT Valenciennois), C (62, AT Artois), D (62, no AT)
 * and someone outside the network. Marie Dupont of A runs the 10 and the 5 km (one person, two registrations), another
 * Marie Dupont runs for B (another person), Ana Lefèvre of C is registered twice, once as « Lefevre » (one person).
 */
@TrameTest
class NetworkEventTest {

    @Autowired Fixtures fixtures;
    @Autowired EventService events;
    @Autowired EventImporter importer;
    @Autowired TerritoryService territories;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    Federation federation;
    long valenciennois;
    long artois;
    long a;
    long b;
    long c;
    long d;
    String refA;
    String refC;
    long race;

    @BeforeEach
    void setUp() {
        federation = fixtures.federation("evenements");
        valenciennois = territories.create(federation.id(), "Valenciennois", "at");
        artois = territories.create(federation.id(), "Artois", "at");
        a = structure("Centre social A", "59", valenciennois);
        b = structure("Centre social B", "59", valenciennois);
        c = structure("Centre social C", "62", artois);
        d = structure("Centre social D", "62", null);
        refA = ref(a);
        refC = ref(c);
        race = events.create(federation.id(), new EventService.NewEvent("course", "Course solidaire", LocalDate.of(2023, 5, 14),
                LocalDate.of(2023, 5, 14), "Valenciennes", null, 500));
    }

    long structure(String name, String departement, Long territory) {
        long id = fixtures.structure(federation, name, departement, null);
        jdbc.sql("update structures set territory_id = ? where federation_id = ? and id = ?")
                .params(territory, federation.id(), id).update();
        return id;
    }

    String ref(long structure) {
        return jdbc.sql("select ref from structures where federation_id = ? and id = ?").params(federation.id(), structure)
                .query(String.class).single();
    }

    /** The eight registrations of the race, in order; returns their ids. */
    List<Long> registerTheRace() {
        events.register(federation.id(), race, List.of(
                new NewRegistration(a, "Dupont", "Marie", "benevole", "10 km"),
                new NewRegistration(a, "DUPONT", " marie ", "benevole", "5 km"),
                new NewRegistration(a, "Martin", "Paul", "salarie", "10 km"),
                new NewRegistration(b, "Dupont", "Marie", "habitant", "10 km"),
                new NewRegistration(c, "Lefèvre", "Ana", "habitant", "enfant"),
                new NewRegistration(c, "Lefevre", "Ana", "habitant", null),
                new NewRegistration(null, "Roux", "Léo", "habitant", "10 km"),
                new NewRegistration(d, "Petit", "Jade", "administrateur", null)), null);
        return jdbc.sql("select id from event_registrations where federation_id = ? and event_id = ? order by id")
                .params(federation.id(), race).query(Long.class).list();
    }

    @Test
    void personsAndStructuresAreCountedOnceAndPresenceByPerson() {
        List<Long> r = registerTheRace();
        // present: Dupont of A (on one of her two), Dupont of B, Roux; absent: Martin, Lefèvre (once absent, once not
        // marked); not marked: Petit
        events.markPresence(federation.id(), race, List.of(r.get(0), r.get(1), r.get(2), r.get(3), r.get(5), r.get(6)),
                List.of(r.get(0), r.get(3), r.get(6)));

        Figures f = events.figures(federation.id(), race, Filter.ALL);
        assertThat(f.registrations()).isEqualTo(8);
        assertThat(f.persons()).isEqualTo(6);
        assertThat(f.present()).isEqualTo(3);
        assertThat(f.absent()).isEqualTo(2);
        assertThat(f.unmarked()).isEqualTo(1);
        assertThat(f.structures()).isEqualTo(4);
        assertThat(f.structuresPresent()).isEqualTo(2);
        assertThat(f.outside()).isEqualTo(1);

        Map<String, Breakdown> byDepartement = byKey(events.byDepartement(federation.id(), race));
        assertThat(byDepartement.get("59")).isEqualTo(new Breakdown("59", 2, 3, 2));
        assertThat(byDepartement.get("62")).isEqualTo(new Breakdown("62", 2, 2, 0));
        assertThat(byDepartement.get("-")).isEqualTo(new Breakdown("-", 0, 1, 1));
        assertThat(byDepartement).hasSize(3);

        Map<String, Breakdown> byAt = byKey(events.byTerritory(federation.id(), race));
        assertThat(byAt.get(String.valueOf(valenciennois))).extracting(Breakdown::structures, Breakdown::persons,
                Breakdown::present).containsExactly(2, 3, 2);
        assertThat(byAt.get(String.valueOf(artois))).extracting(Breakdown::structures, Breakdown::persons,
                Breakdown::present).containsExactly(1, 1, 0);
        assertThat(byAt.get("0")).extracting(Breakdown::structures, Breakdown::persons).containsExactly(1, 1);
        assertThat(byAt.get("-")).extracting(Breakdown::structures, Breakdown::persons).containsExactly(0, 1);

        assertThat(byKey(events.byQuality(federation.id(), race)).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().persons())))
                .isEqualTo(Map.of("salarie", 1, "benevole", 1, "administrateur", 1, "habitant", 3));

        Map<String, Breakdown> byCategory = byKey(events.byCategory(federation.id(), race));
        assertThat(byCategory.get("10 km")).isEqualTo(new Breakdown("10 km", 2, 4, 3));
        assertThat(byCategory.get("5 km")).isEqualTo(new Breakdown("5 km", 1, 1, 0));
        assertThat(byCategory.get("-")).isEqualTo(new Breakdown("-", 2, 2, 0));

        // the records behind a figure: the 59's registrations are those of A and B
        assertThat(events.registrations(federation.id(), race, new Filter("59", null, null, null, null, null), 100, 0))
                .extracting(Registration::structureId).containsOnly(a, b).hasSize(4);
        assertThat(events.figures(federation.id(), race, new Filter(null, valenciennois, null, null, "present", null))
                .persons()).isEqualTo(2);
        assertThat(events.structures(federation.id(), race, Filter.ALL)).filteredOn(s -> Long.valueOf(a).equals(s.id()))
                .singleElement().satisfies(s -> {
                    assertThat(s.persons()).isEqualTo(2);
                    assertThat(s.present()).isEqualTo(1);
                });

        // the list of the year counts the same
        EventService.Event e = events.list(federation.id(), 2023).get(0);
        assertThat(e.persons()).isEqualTo(6);
        assertThat(e.present()).isEqualTo(3);
        assertThat(e.structures()).isEqualTo(4);
        assertThat(events.yearFigures(federation.id(), 2023).persons()).isEqualTo(6);
        // the same person in the same category twice is refused
        assertThatThrownBy(() -> events.register(federation.id(), race, new NewRegistration(a, "dupont", "MARIE",
                "benevole", "10 KM"), null)).isInstanceOf(Refused.class).hasMessageContaining("déjà inscrit");
    }

    static Map<String, Breakdown> byKey(List<Breakdown> list) {
        return list.stream().collect(Collectors.toMap(Breakdown::key, Function.identity()));
    }

    static InputStream file(String text) {
        return Fixtures.csv(text);
    }

    @Test
    void aFileWithErrorsIsRefusedWholeWithLinesAndColumns() {
        registerTheRace();
        String huge = "x".repeat(101);
        String csv = "nom;prenom;structure_ref;qualite;categorie\n"
                + "Durand;Luc;INCONNUE;benevole;\n"
                + "Morel;Eva;" + refA + ";chef;\n"
                + ";Zoé;" + refA + ";salarie;adulte\n"
                + huge + ";Max;" + refA + ";salarie;\n"
                + "Bon;Élève;" + refA + ";salarie;\n";
        assertThatThrownBy(() -> importer.importCsv(federation.id(), race, file(csv), new EventImporter.Importer(null, null)))
                .isInstanceOfSatisfying(CsvImportException.class, e -> {
                    assertThat(e.errors()).extracting(CsvError::line, CsvError::column, CsvError::columnName)
                            .containsExactly(
                                    tuple(2L, 3, "structure_ref"),
                                    tuple(3L, 4, "qualite"),
                                    tuple(4L, 1, "nom"),
                                    tuple(5L, 1, "nom"));
                    assertThat(e.errors().get(0).message()).contains("INCONNUE").contains("registre");
                    assertThat(e.errors().get(1).message()).contains("chef");
                    assertThat(e.errors().get(2).message()).contains("obligatoire");
                    assertThat(e.errors().get(3).message()).contains("100 caractères");
                });
        assertThat(events.figures(federation.id(), race, Filter.ALL).registrations()).isEqualTo(8);
        // a person twice in the file
        assertThatThrownBy(() -> importer.importCsv(federation.id(), race, file("nom;prenom;structure_ref;qualite\n"
                + "Bon;Élève;" + refA + ";salarie\nbon;eleve;" + refA + ";benevole\n"), new EventImporter.Importer(null, null)))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.errors().get(0).toString())
                        .isEqualTo("ligne 3, colonne 1 (nom) : même personne, même structure et même catégorie qu'à la ligne 2"));
        assertThat(events.figures(federation.id(), race, Filter.ALL).registrations()).isEqualTo(8);
    }

    @Test
    void aFormulaIsStoredAsTextAndASecondImportAddsNothing() {
        String csv = "nom;prenom;structure_ref;qualite;categorie\n"
                + "=1+1;Jean;" + refA + ";benevole;adulte\n"
                + "Noir;@SOMME(A1);" + refC + ";habitant;enfant\n"
                + "Blanc;Lise;;habitant;\n";
        ImportResult first = importer.importCsv(federation.id(), race, file(csv), new EventImporter.Importer(null, null));
        assertThat(first.changes()).containsEntry("inscription(s) ajoutée(s)", 3);
        assertThat(jdbc.sql("select last_name from event_registrations where federation_id = ? and event_id = ? and first_name = 'Jean'")
                .params(federation.id(), race).query(String.class).single()).isEqualTo("=1+1");
        assertThat(jdbc.sql("select first_name from event_registrations where federation_id = ? and last_name = 'Noir'")
                .params(federation.id()).query(String.class).single()).isEqualTo("@SOMME(A1)");
        ImportResult second = importer.importCsv(federation.id(), race, file(csv), new EventImporter.Importer(null, null));
        assertThat(second.changes()).containsEntry("inscription(s) ajoutée(s)", 0);
        assertThat(events.figures(federation.id(), race, Filter.ALL).registrations()).isEqualTo(3);
        // a délégué of Valenciennois imports only for its structures, and nobody outside the network
        assertThatThrownBy(() -> importer.importCsv(federation.id(), race, file(csv),
                new EventImporter.Importer(Set.of(valenciennois), null)))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.errors())
                        .extracting(CsvError::line, CsvError::columnName).containsExactly(
                                tuple(3L, "structure_ref"),
                                tuple(4L, "structure_ref")));
    }

    @Test
    void theEventIsFullAtItsCapacity() {
        long forum = events.create(federation.id(), new EventService.NewEvent("forum", "Forum seniors", LocalDate.of(2023, 10, 3),
                LocalDate.of(2023, 10, 3), null, null, 2));
        events.register(federation.id(), forum, new NewRegistration(a, "Un", "Une", "salarie", null), null);
        assertThatThrownBy(() -> events.register(federation.id(), forum, List.of(
                new NewRegistration(a, "Deux", "Deux", "salarie", null), new NewRegistration(a, "Trois", "Trois", "salarie", null)),
                null)).isInstanceOf(Refused.class).hasMessageContaining("2 places");
        assertThat(events.get(federation.id(), forum).registrations()).isEqualTo(1);
    }

    @Test
    void shiftsByPostWithTheHoursCoveredAndTheOverlaps() {
        LocalDateTime nine = LocalDateTime.of(2023, 5, 14, 9, 0);
        events.addShifts(federation.id(), race, List.of(
                new NewShift("Alice Leroy", a, "Accueil", nine, nine.plusHours(3)),
                new NewShift("Bruno Caron", b, "accueil ", nine.plusHours(1), nine.plusHours(4)),
                new NewShift("Chloé Haddad", null, "Sécurité", nine.plusHours(5), nine.plusHours(7))));
        List<EventService.Overlap> warned = events.addShifts(federation.id(), race, List.of(
                new NewShift("alice leroy", a, "Ravitaillement", nine.plusHours(2), nine.plusHours(5))));
        assertThat(warned).singleElement().satisfies(o -> {
            assertThat(o.firstPost()).isEqualTo("Accueil");
            assertThat(o.secondPost()).isEqualTo("Ravitaillement");
        });
        // the same name in another structure is another person: no overlap
        assertThat(events.addShifts(federation.id(), race, List.of(
                new NewShift("Alice Leroy", c, "Ravitaillement", nine, nine.plusHours(1))))).isEmpty();
        Map<String, EventService.Post> posts = events.posts(federation.id(), race).stream()
                .collect(Collectors.toMap(p -> p.post().toLowerCase(), Function.identity()));
        // Accueil: 9–12 and 10–13, 4 hours covered, 6 of volunteering
        assertThat(posts.get("accueil").shifts()).isEqualTo(2);
        assertThat(posts.get("accueil").coveredHours()).isEqualByComparingTo("4");
        assertThat(posts.get("accueil").volunteerHours()).isEqualByComparingTo("6");
        // Ravitaillement: 11–14 and 9–10, 4 hours covered
        assertThat(posts.get("ravitaillement").coveredHours()).isEqualByComparingTo("4");
        assertThat(posts.get("ravitaillement").volunteers()).isEqualTo(2);
        assertThat(posts.get("sécurité").coveredHours()).isEqualByComparingTo("2");
        assertThat(events.overlaps(federation.id(), race, null)).hasSize(1);
        assertThat(events.shifts(federation.id(), race)).filteredOn(EventService.Shift::overlaps).hasSize(2);
        assertThatThrownBy(() -> events.addShifts(federation.id(), race, List.of(
                new NewShift("X", null, "Accueil", nine.plusDays(5), nine.plusDays(5).plusHours(1)))))
                .isInstanceOf(Refused.class);
    }

    @Test
    void anotherFederationsEventIsNotFound() throws Exception {
        List<Long> r = registerTheRace();
        Federation other = fixtures.federation("autre");
        assertThatThrownBy(() -> events.get(other.id(), race)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> events.figures(other.id(), race, Filter.ALL)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> events.register(other.id(), race, new NewRegistration(null, "X", "Y", "habitant", null), null))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> events.markPresence(other.id(), race, List.of(r.get(0)), List.of())).isInstanceOf(NotFound.class);
        // an event of this federation with the other event's registration on its sheet
        long forum = events.create(federation.id(), new EventService.NewEvent("forum", "Forum", LocalDate.of(2023, 10, 3),
                LocalDate.of(2023, 10, 3), null, null, null));
        assertThatThrownBy(() -> events.markPresence(federation.id(), forum, List.of(r.get(0)), List.of(r.get(0))))
                .isInstanceOf(NotFound.class);
        // a structure of another federation
        long foreign = fixtures.structure(other, "Ailleurs", "75", null);
        assertThatThrownBy(() -> events.register(federation.id(), race, new NewRegistration(foreign, "X", "Y", "habitant", null),
                null)).isInstanceOf(Refused.class);

        String director = fixtures.user(other, FederationRole.ADMIN);
        String path = "/f/" + other.code() + "/evenements/" + race;
        mvc.perform(get(path).with(user(director))).andExpect(status().isNotFound());
        mvc.perform(get(path + "/inscriptions").with(user(director))).andExpect(status().isNotFound());
        mvc.perform(get(path + "/benevoles").with(user(director))).andExpect(status().isNotFound());
        mvc.perform(post(path + "/presences").with(user(director)).with(csrf()).param("shown", String.valueOf(r.get(0))))
                .andExpect(status().isNotFound());
        mvc.perform(post(path + "/inscriptions").with(user(director)).with(csrf()).param("lastName", "X")
                .param("firstName", "Y").param("quality", "habitant")).andExpect(status().isNotFound());
        // a bad filter is not a silent « everything »
        String mine = "/f/" + federation.code() + "/evenements/" + race;
        String ours = fixtures.user(federation, FederationRole.ADMIN);
        mvc.perform(get(mine + "/inscriptions").param("qualite", "chef").with(user(ours))).andExpect(status().isNotFound());
        mvc.perform(get(mine + "/inscriptions").param("at", "1e9").with(user(ours))).andExpect(status().isNotFound());
    }

    @Test
    void everyCountOfTheEventPageIsWrittenTheFrenchWay() throws Exception {
        // 1,002 people of A (59, Valenciennois, salariés), 1 of C (62, Artois)
        jdbc.sql("update network_events set capacity = 5000 where federation_id = ? and id = ?").params(federation.id(), race).update();
        jdbc.sql("""
                insert into event_registrations (federation_id, event_id, structure_id, last_name, first_name, quality, present)
                select ?, ?, ?, 'Nom' || g, 'Prénom', 'salarie', g % 2 = 0 from generate_series(1, 1002) g""")
                .params(federation.id(), race, a).update();
        events.register(federation.id(), race, List.of(new NewRegistration(c, "Lefèvre", "Ana", "habitant", null)), null);
        String admin = fixtures.user(federation, FederationRole.ADMIN);
        String page = mvc.perform(get("/f/" + federation.code() + "/evenements/" + race).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String thousand = "1\u202f002";
        // the same count by département, by AT and by quality: formatted alike, never « 1002 »
        assertThat(page).doesNotContain(">1002<").doesNotContain(">1003<");
        assertThat(page.split(">" + thousand + "<", -1)).hasSize(4);
        assertThat(page).contains(">1\u202f003</b>");
        // 501 of A present (the even ones), 501 absent
        assertThat(page).contains("<span>501</span> absente(s)");
        String year = mvc.perform(get("/f/" + federation.code() + "/evenements").param("annee", "2023").with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(year).contains(">1\u202f003<").doesNotContain(">1003<");
    }

    @Test
    void aReaderSeesFiguresButNoNameAndWritesNothing() throws Exception {
        registerTheRace();
        events.addShifts(federation.id(), race, List.of(new NewShift("Chloé Haddad", a, "Accueil",
                LocalDateTime.of(2023, 5, 14, 9, 0), LocalDateTime.of(2023, 5, 14, 12, 0))));
        String reader = fixtures.user(federation, FederationRole.READER);
        String path = "/f/" + federation.code() + "/evenements";
        for (String page : List.of(path + "?annee=2023", path + "/" + race, path + "/" + race + "/inscriptions",
                path + "/" + race + "/inscriptions?structure=" + a, path + "/" + race + "/benevoles")) {
            mvc.perform(get(page).with(user(reader))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("Dupont"))))
                    .andExpect(content().string(not(containsString("Lef"))))
                    .andExpect(content().string(not(containsString("Haddad"))));
        }
        mvc.perform(get(path + "/" + race).with(user(reader)))
                .andExpect(content().string(containsString("<b>6</b>")))
                .andExpect(content().string(not(containsString("id=\"ajout-inscription\""))));
        mvc.perform(get(path + "/" + race + "/inscriptions").with(user(reader)))
                .andExpect(content().string(containsString("Centre social A")))
                .andExpect(content().string(containsString("id=\"sans-noms\"")));
        mvc.perform(get(path + "/" + race + "/presences").with(user(reader))).andExpect(status().isForbidden());
        mvc.perform(post(path + "/" + race + "/inscriptions").with(user(reader)).with(csrf()).param("structureId", String.valueOf(a))
                .param("lastName", "X").param("firstName", "Y").param("quality", "habitant")).andExpect(status().isForbidden());
        mvc.perform(multipart(path + "/" + race + "/import").file(new MockMultipartFile("file", "i.csv", "text/csv",
                "nom;prenom;structure_ref;qualite\nX;Y;;habitant\n".getBytes(StandardCharsets.UTF_8))).with(user(reader)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(path).with(user(reader)).with(csrf()).param("kind", "forum").param("title", "T")
                .param("startsOn", "01/02/2023")).andExpect(status().isForbidden());
        assertThat(events.figures(federation.id(), race, Filter.ALL).registrations()).isEqualTo(8);

        // the direction reads the names; a délégué of Valenciennois registers for A, not for C
        String director = fixtures.user(federation, FederationRole.ADMIN);
        mvc.perform(get(path + "/" + race + "/inscriptions").with(user(director))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Dupont")));
        String delegue = fixtures.user(federation, FederationRole.DELEGUE);
        territories.assign(federation.id(), valenciennois, fixtures.userId(delegue), LocalDate.of(2020, 1, 1));
        mvc.perform(post(path + "/" + race + "/inscriptions").with(user(delegue)).with(csrf()).param("structureId", String.valueOf(c))
                .param("lastName", "X").param("firstName", "Y").param("quality", "habitant")).andExpect(status().isForbidden());
        mvc.perform(post(path + "/" + race + "/inscriptions").with(user(delegue)).with(csrf()).param("structureId", "")
                .param("lastName", "X").param("firstName", "Y").param("quality", "habitant")).andExpect(status().isForbidden());
        mvc.perform(post(path + "/" + race + "/inscriptions").with(user(delegue)).with(csrf()).param("structureId", String.valueOf(a))
                .param("lastName", "Nouveau").param("firstName", "Nino").param("quality", "habitant").param("category", "enfant"))
                .andExpect(status().is3xxRedirection());
        assertThat(events.figures(federation.id(), race, Filter.ALL).registrations()).isEqualTo(9);
        // a form error keeps what was typed and says it in French
        mvc.perform(post(path + "/" + race + "/inscriptions").with(user(delegue)).with(csrf()).param("structureId", String.valueOf(a))
                .param("lastName", "Gardé").param("firstName", "").param("quality", "chef")).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Gardé\"")))
                .andExpect(content().string(containsString("Indiquez le prénom")));
    }

    @Test
    void hostileValuesGetAFrenchMessageNeverA500() throws Exception {
        String director = fixtures.user(federation, FederationRole.ADMIN);
        String path = "/f/" + federation.code() + "/evenements";
        mvc.perform(post(path).with(user(director)).with(csrf()).param("kind", "course").param("title", "x".repeat(301))
                .param("startsOn", "14/05/2023").param("capacity", "1e9")).andExpect(status().isOk())
                .andExpect(content().string(containsString("300 caractères au plus")))
                .andExpect(content().string(containsString("id=\"capacity-erreur\"")));
        mvc.perform(post(path).with(user(director)).with(csrf()).param("kind", "marathon").param("title", "T")
                .param("startsOn", "14/05/2023").param("endsOn", "13/05/2023")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Choisissez le type d&#39;événement")))
                .andExpect(content().string(containsString("id=\"endsOn-erreur\"")));
        mvc.perform(post(path).with(user(director)).with(csrf()).param("kind", "course").param("title", "T\0")
                .param("startsOn", "14/05/2023")).andExpect(status().isBadRequest());
        mvc.perform(get(path + "/99999999999999999999").with(user(director))).andExpect(status().is4xxClientError());
        mvc.perform(get(path + "/abc").with(user(director))).andExpect(status().is4xxClientError());
        mvc.perform(get(path).param("annee", "3023").with(user(director))).andExpect(status().isOk())
                .andExpect(content().string(containsString("pas une année entre 2000 et 2100")));
        mvc.perform(post(path + "/" + race + "/benevoles").with(user(director)).with(csrf()).param("personName", "Alice")
                .param("post", "Accueil").param("day", "14/05/2023").param("start", "25:00").param("end", "12:00"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"start-erreur\"")));
        mvc.perform(post(path + "/" + race + "/benevoles").with(user(director)).with(csrf()).param("personName", "Alice")
                .param("post", "Accueil").param("day", "20/05/2023").param("start", "09:00").param("end", "12:00"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("la veille (installation)")));
        mvc.perform(post(path + "/" + race + "/presences").with(user(director)).with(csrf()).param("shown", "x"))
                .andExpect(status().isNotFound());
        mvc.perform(multipart(path + "/" + race + "/import").file(new MockMultipartFile("file", "i.csv", "text/csv",
                "nom;prenom;ville\nX;Y;Lille\n".getBytes(StandardCharsets.UTF_8))).with(user(director)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("colonne inconnue")))
                .andExpect(content().string(containsString("colonne obligatoire manquante")));
        assertThat(events.list(federation.id(), 2023)).hasSize(1);
        assertThat(events.shifts(federation.id(), race)).isEmpty();
    }

    @Test
    void twoPeopleWhoseNamesRunTogetherAreTwoPersons() {
        long forum = events.create(federation.id(), new EventService.NewEvent("forum", "Forum des familles", LocalDate.of(2023, 11, 4),
                LocalDate.of(2023, 11, 4), null, null, 50));
        events.register(federation.id(), forum, List.of(new NewRegistration(a, "de la", "Cruz Maria", "habitant", null),
                new NewRegistration(a, "de la Cruz", "Maria", "habitant", null)), null);
        assertThat(events.figures(federation.id(), forum, Filter.ALL).registrations()).isEqualTo(2);
        assertThat(events.figures(federation.id(), forum, Filter.ALL).persons()).isEqualTo(2);
    }
}
