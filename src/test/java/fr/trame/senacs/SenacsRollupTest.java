package fr.trame.senacs;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.federation.TerritoryService;
import fr.trame.people.PeopleImporter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The roll-up on a hand-made federation: a Trame centre that submitted its return and structures whose returns the
 * federation entered, in two départements and two ATs, with a draft, another federation, and the year before.
 */
@TrameTest
class SenacsRollupTest {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ReturnService returns;
    @Autowired SenacsCampaigns campaigns;
    @Autowired SenacsStructureRows rows;
    @Autowired SenacsRollup rollup;
    @Autowired FederationReport report;
    @Autowired TerritoryService territories;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    Federation federation;
    long at1;
    long at2;
    long trame;
    long entered;
    long other;
    long draft;

    @BeforeEach
    void setUp() {
        federation = fixtures.federation("rollup");
        at1 = territories.create(federation.id(), "AT Nord", "at");
        at2 = territories.create(federation.id(), "AT Sud", "at");

        Centre centre = fixtures.centre("rollup");
        long director = fixtures.userId(fixtures.user(centre, Role.DIRECTION));
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date;role;quartier;qpv;qf
                H1;ZEB;Quatremains;Zébulon;M;1990-06-01;responsable;Tilleuls;oui;250
                """));
        trame = fixtures.structure(federation, "Centre Trame", "69", centre.id());
        Map<String, String> typed = new HashMap<>();
        for (Question q : campaigns.forYear(2025).questions()) {
            typed.put(q.code(), switch (q.type()) {
                case OUI_NON -> "oui";
                case CHOIX -> q.choices().get(0);
                case DATE -> "31/12/2027";
                case TEXTE -> "Texte";
                default -> "10";
            });
        }
        assertThat(returns.declare(centre.id(), 2025, typed, director).any()).isFalse();
        returns.submit(centre.id(), centre.code(), 2025, director);

        entered = fixtures.structure(federation, "Centre saisi", "69", null);
        rows.write(federation.id(), entered, 2025, "soumis",
                Map.of("PUB_PERSONNES", "5", "ID_QPV", "non", "ID_MILIEU", "rural", "BEN_HEURES", "2.50"));
        other = fixtures.structure(federation, "Centre isérois", "38", null);
        rows.write(federation.id(), other, 2025, "controle",
                Map.of("PUB_PERSONNES", "7", "ID_QPV", "oui", "ID_MILIEU", "urbain", "ID_PART_QPV", "12.00"));
        rows.write(federation.id(), other, 2024, "soumis", Map.of("PUB_PERSONNES", "4", "ID_QPV", "non"));
        draft = fixtures.structure(federation, "Centre brouillon", "38", null);
        rows.write(federation.id(), draft, 2025, "brouillon", Map.of("PUB_PERSONNES", "1000", "ID_QPV", "oui"));
        jdbc.sql("update structures set territory_id = ? where federation_id = ? and id in (?, ?)")
                .params(at1, federation.id(), trame, other).update();
        jdbc.sql("update structures set territory_id = ? where federation_id = ? and id in (?, ?)")
                .params(at2, federation.id(), entered, draft).update();

        Federation stranger = fixtures.federation("autre");
        long foreign = fixtures.structure(stranger, "Centre d'ailleurs", "69", null);
        rows.write(stranger.id(), foreign, 2025, "soumis", Map.of("PUB_PERSONNES", "999", "ID_QPV", "oui"));
    }

    @Test
    void theNetworkAddsUpByTheRuleOfEachQuestionWithTheYearBefore() {
        SenacsRollup.Rollup r = rollup.federation(federation.id(), 2025);
        assertThat(r.groups()).hasSize(1);
        SenacsRollup.Group network = r.groups().get(0);
        assertThat(network.returns()).isEqualTo(3);
        assertThat(network.returnsN1()).isEqualTo(1);

        SenacsRollup.Row persons = row(network, "PUB_PERSONNES", null);
        assertThat(persons.value()).isEqualByComparingTo("22"); // 10 + 5 + 7, not the draft's 1000 nor the other's 999
        assertThat(persons.answered()).isEqualTo(3);
        assertThat(persons.valueN1()).isEqualByComparingTo("4");
        assertThat(persons.answeredN1()).isEqualTo(1);
        assertThat(persons.difference()).isEqualByComparingTo("18");
        // the federation's annual report gives the same sum among its SENACS key figures
        assertThat(report.senacsKeyFigures(federation.id(), 2025).get(0)).satisfies(line -> {
            assertThat((String) line.get(0)).startsWith("Personnes différentes touchées");
            assertThat(new BigDecimal(line.get(1).toString())).isEqualByComparingTo("22");
            assertThat(new BigDecimal(line.get(2).toString())).isEqualByComparingTo("4");
            assertThat(line.get(3)).isEqualTo(3L);
        });

        assertThat(row(network, "BEN_HEURES", null).value()).isEqualByComparingTo("12.50");
        SenacsRollup.Row qpv = row(network, "ID_QPV", null);
        assertThat(qpv.value()).isEqualByComparingTo("2");
        assertThat(qpv.answered()).isEqualTo(3);
        assertThat(qpv.valueN1()).isEqualByComparingTo("0");

        assertThat(row(network, "ID_MILIEU", "urbain").value()).isEqualByComparingTo("2");
        assertThat(row(network, "ID_MILIEU", "rural").value()).isEqualByComparingTo("1");
        assertThat(row(network, "ID_MILIEU", "periurbain").value()).isEqualByComparingTo("0");
        assertThat(row(network, "ID_MILIEU", "rural").answered()).isEqualTo(3);
        assertThat(row(network, "ID_MILIEU", "rural").valueN1()).isNull(); // nobody answered it in 2024

        SenacsRollup.Row share = row(network, "ID_PART_QPV", null); // aucun: only who answered
        assertThat(share.rollup()).isEqualTo("aucun");
        assertThat(share.value()).isNull();
        assertThat(share.answered()).isEqualTo(2);
    }

    @Test
    void byDepartementAndByAt() {
        SenacsRollup.Rollup departements = rollup.byDepartement(federation.id(), 2025);
        assertThat(departements.groups()).extracting(SenacsRollup.Group::key).containsExactly("38", "69");
        SenacsRollup.Group isere = departements.groups().get(0);
        SenacsRollup.Group rhone = departements.groups().get(1);
        assertThat(row(rhone, "PUB_PERSONNES", null).value()).isEqualByComparingTo("15");
        assertThat(row(rhone, "PUB_PERSONNES", null).valueN1()).isNull();
        assertThat(row(isere, "PUB_PERSONNES", null).value()).isEqualByComparingTo("7");
        assertThat(row(isere, "PUB_PERSONNES", null).valueN1()).isEqualByComparingTo("4");
        assertThat(row(rhone, "ID_QPV", null).value()).isEqualByComparingTo("1");
        assertThat(isere.returns()).isEqualTo(1);

        SenacsRollup.Rollup ats = rollup.byTerritory(federation.id(), 2025);
        assertThat(ats.groups()).extracting(SenacsRollup.Group::name).containsExactlyInAnyOrder("AT Nord", "AT Sud");
        SenacsRollup.Group nord = ats.groups().stream().filter(g -> g.key().equals(Long.toString(at1))).findFirst().orElseThrow();
        SenacsRollup.Group sud = ats.groups().stream().filter(g -> g.key().equals(Long.toString(at2))).findFirst().orElseThrow();
        assertThat(row(nord, "PUB_PERSONNES", null).value()).isEqualByComparingTo("17");
        assertThat(row(nord, "ID_MILIEU", "urbain").value()).isEqualByComparingTo("2");
        assertThat(row(nord, "PUB_PERSONNES", null).valueN1()).isEqualByComparingTo("4");
        assertThat(row(sud, "PUB_PERSONNES", null).value()).isEqualByComparingTo("5");
        assertThat(sud.returns()).isEqualTo(1); // the draft is not a return yet

        List<SenacsRollup.Behind> behind = rollup.behind(federation.id(), 2025, SenacsRollup.Level.AT,
                Long.toString(at1), "ID_MILIEU", "urbain");
        assertThat(behind).extracting(SenacsRollup.Behind::structureId).containsExactlyInAnyOrder(trame, other);
        assertThat(behind).extracting(SenacsRollup.Behind::territory).containsOnly("AT Nord");
    }

    @Test
    void everyRoleReadsTheFiguresAndTheExportsWhichHoldNoPerson() throws Exception {
        jdbc.sql("update structures set name = '=SOMME(A1)' where federation_id = ? and id = ?")
                .params(federation.id(), entered).update();
        String base = "/f/" + federation.code() + "/senacs/2025";
        String reader = fixtures.user(federation, FederationRole.READER);
        List<String> pages = List.of(base + "/chiffres", base + "/chiffres?niveau=departement", base + "/chiffres?niveau=at",
                base + "/chiffres/PUB_PERSONNES?niveau=reseau", base + "/chiffres/ID_QPV?niveau=at&groupe=" + at1 + "&choix=oui",
                base + "/export.csv", base + "/export.xlsx");
        StringBuilder all = new StringBuilder();
        for (String page : pages) {
            MvcResult result = mvc.perform(get(page).with(user(reader))).andExpect(status().isOk()).andReturn();
            all.append(page.endsWith(".xlsx") ? unzipped(result.getResponse().getContentAsByteArray())
                    : HtmlUtils.htmlUnescape(result.getResponse().getContentAsString(StandardCharsets.UTF_8)));
        }
        assertThat(all.toString()).doesNotContain("Quatremains").doesNotContain("Zébulon").doesNotContain("ZEB");

        String network = html(base + "/chiffres", reader);
        assertThat(network).contains("Chiffres SENACS 2025", "Somme des structures", "comptée deux fois",
                base + "/chiffres/PUB_PERSONNES?niveau=reseau&groupe=&choix=", ">22 personnes<");
        assertThat(html(base + "/chiffres?niveau=at", reader)).contains("AT Nord", "AT Sud", ">17 personnes<");
        String behind = html(base + "/chiffres/ID_QPV?niveau=at&groupe=" + at1 + "&choix=oui", reader);
        assertThat(behind).contains("Centre Trame", "Centre isérois").doesNotContain("SOMME(A1)").doesNotContain("brouillon");

        String csv = mvc.perform(get(base + "/export.csv").with(user(reader))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<List<String>> cells = Fixtures.cells(csv);
        assertThat(cells.get(0)).startsWith("ref", "nom", "departement", "at", "origine", "etat", "ID_TYPE");
        assertThat(cells).hasSize(4); // the header and three submitted returns: not the draft, not the other federation
        int persons = cells.get(0).indexOf("PUB_PERSONNES");
        assertThat(cells.stream().skip(1).map(l -> l.get(persons))).containsExactlyInAnyOrder("10", "5", "7");
        assertThat(csv).contains("'=SOMME(A1)").doesNotContain(";=SOMME");
        assertThat(cells.stream().skip(1).map(l -> l.get(4))).containsExactlyInAnyOrder("trame", "federation", "federation");

        byte[] plaquette = mvc.perform(get(base + "/plaquette.pdf?territoire=" + at1).with(user(reader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument pdf = Loader.loadPDF(plaquette)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).containsPattern("17\\s+personnes\\s+4\\s+2")
                    .contains("AT Nord", "Chiffres clés", "Centre Trame", "Centre isérois")
                    .doesNotContain("Centre saisi").doesNotContain("Quatremains");
        }

        String stranger = fixtures.user(fixtures.federation("intrus"), FederationRole.ADMIN);
        mvc.perform(get(base + "/chiffres").with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(get(base + "/export.csv").with(user(stranger))).andExpect(status().isNotFound());
    }

    /** The cells of a spreadsheet as text, a line per row. */
    private static String unzipped(byte[] xlsx) throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            String text = workbook.getFirstSheet().read().stream().map(r -> r.stream()
                    .map(c -> c == null ? "" : c.getRawValue()).collect(Collectors.joining("|")))
                    .collect(Collectors.joining("\n"));
            assertThat(text).contains("PUB_PERSONNES", "Centre Trame", "=SOMME(A1)");
            return text;
        }
    }

    private String html(String page, String who) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get(page).with(user(who))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static SenacsRollup.Row row(SenacsRollup.Group group, String code, String choice) {
        return group.rows().stream().filter(r -> r.code().equals(code)
                && (choice == null ? r.choice() == null : choice.equals(r.choice()))).findFirst().orElseThrow();
    }
}
