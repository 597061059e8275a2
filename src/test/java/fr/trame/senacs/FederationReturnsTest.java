package fr.trame.senacs;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.csv.CsvError;
import fr.trame.csv.CsvImportException;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.federation.FederationScope;
import fr.trame.federation.TerritoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The federation's side of a SENACS campaign: the follow-up counted by AT, the returns it enters for its structures not
 * on Trame (the direction and the AT's délégué only), the import all or nothing, the coherence checks, and another
 * federation's structure never found.
 */
@TrameTest
class FederationReturnsTest {

    static final int YEAR = 2025;

    @Autowired Fixtures fixtures;
    @Autowired TerritoryService territories;
    @Autowired StructureReturns structures;
    @Autowired CampaignFollowUp followUp;
    @Autowired ReturnService returns;
    @Autowired SenacsCampaigns campaigns;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    Federation federation;
    FederationScope direction;
    String directionUser;
    String reader;
    String delegueLens;
    String delegueLille;
    long lens;
    long lille;
    long vachala;     // Lens, not on Trame
    long beaujardin;  // Lens, not on Trame
    long trame;       // Lille, a Trame centre
    long nowhere;     // no AT
    Centre centre;
    String base;

    @BeforeEach
    void setUp() {
        federation = fixtures.federation("senacsfed");
        base = "/f/" + federation.code() + "/senacs";
        lens = territories.create(federation.id(), "Lens", "at");
        lille = territories.create(federation.id(), "Lille", "at");
        centre = fixtures.centre("senacsfed");
        vachala = structure("Centre social Vachala", lens, null);
        beaujardin = structure("Maison Beaujardin", lens, null);
        trame = structure("Centre Trame", lille, centre.id());
        nowhere = structure("EVS sans AT", null, null);
        directionUser = fixtures.user(federation, FederationRole.ADMIN);
        direction = FederationScope.commandLine(federation);
        reader = fixtures.user(federation, FederationRole.READER);
        delegueLens = fixtures.user(federation, FederationRole.DELEGUE);
        delegueLille = fixtures.user(federation, FederationRole.DELEGUE);
        LocalDate since = LocalDate.now().minusYears(1);
        territories.assign(federation.id(), lens, fixtures.userId(delegueLens), since);
        territories.assign(federation.id(), lille, fixtures.userId(delegueLille), since);
    }

    long structure(String name, Long territoryId, Long centreId) {
        long id = fixtures.structure(federation, name, "62", centreId);
        jdbc.sql("update structures set territory_id = ? where id = ?").params(territoryId, id).update();
        return id;
    }

    String ref(long structureId) {
        return jdbc.sql("select ref from structures where id = ?").param(structureId).query(String.class).single();
    }

    /** Every question answered, with {@code overrides} in place of the default. */
    Map<String, String> complete(Map<String, String> overrides) {
        Map<String, String> typed = new HashMap<>();
        for (Question q : campaigns.forYear(YEAR).questions()) {
            typed.put(q.code(), switch (q.type()) {
                case OUI_NON -> "oui";
                case CHOIX -> q.choices().get(0);
                case DATE -> "31/12/2025";
                case TEXTE -> "Texte";
                default -> "1";
            });
        }
        typed.put("GOV_CA_MEMBRES", "5"); // above the three colleges of one each
        typed.putAll(overrides);
        return typed;
    }

    void submitTheCentre() {
        long director = fixtures.userId(fixtures.user(centre, Role.DIRECTION));
        Map<String, String> typed = new HashMap<>();
        for (SenacsReturn.Answer a : returns.read(centre.id(), centre.code(), YEAR).answers()) {
            if (a.source() == SenacsReturn.Source.MISSING) {
                typed.put(a.question().code(), complete(Map.of()).get(a.question().code()));
            }
        }
        typed.put("BEN_TOTAL", "7");
        assertThat(returns.declare(centre.id(), YEAR, typed, director).any()).isFalse();
        returns.submit(centre.id(), centre.code(), YEAR, director);
        // a later draft change is the centre's own: the federation still reads what was submitted
        returns.reopen(centre.id(), YEAR, director);
        assertThat(returns.declare(centre.id(), YEAR, Map.of("BEN_TOTAL", "999"), director).any()).isFalse();
    }

    MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(user(username)).with(csrf());
    }

    String page(String username, String url) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get(url).with(user(username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void theFollowUpCountsReturnedAndMissingByAt() throws Exception {
        assertThat(structures.save(direction, vachala, YEAR, complete(Map.of()), true).any()).isFalse();
        assertThat(structures.save(direction, beaujardin, YEAR, Map.of("PUB_PERSONNES", "12"), false).any()).isFalse();
        submitTheCentre();

        assertThat(followUp.counts(federation.id(), YEAR, null))
                .extracting(CampaignFollowUp.Count::territoryId, CampaignFollowUp.Count::total, CampaignFollowUp.Count::structures,
                        CampaignFollowUp.Count::returned, CampaignFollowUp.Count::missing)
                .containsExactly(tuple(Math.min(lens, lille), false, 1L + (lens < lille ? 1 : 0), 1L, lens < lille ? 1L : 0L),
                        tuple(Math.max(lens, lille), false, 1L + (lens < lille ? 0 : 1), 1L, lens < lille ? 0L : 1L),
                        tuple(null, false, 1L, 0L, 1L),
                        tuple(null, true, 4L, 2L, 2L));
        assertThat(followUp.counts(federation.id(), YEAR, lens)).extracting(CampaignFollowUp.Count::structures,
                CampaignFollowUp.Count::returned, CampaignFollowUp.Count::missing).containsExactly(tuple(2L, 1L, 1L), tuple(2L, 1L, 1L));
        assertThat(followUp.lines(federation.id(), YEAR, null))
                .extracting(CampaignFollowUp.Line::name, CampaignFollowUp.Line::state)
                .containsExactlyInAnyOrder(tuple("Centre social Vachala", "soumis"), tuple("Centre Trame", "rouvert"),
                        tuple("EVS sans AT", "non_commence"), tuple("Maison Beaujardin", "brouillon"));

        String html = page(reader, base + "?annee=" + YEAR);
        assertThat(html).contains("Centre Trame", "Rouvert", "Non commencé", "Brouillon").doesNotContain("Marquer contrôlé");
        assertThat(page(reader, base + "?annee=" + YEAR + "&at=" + lens)).contains("Maison Beaujardin").doesNotContain("EVS sans AT");

        // the centre's return reopened: it is read as last submitted, never its draft
        String trameView = page(reader, base + "/" + YEAR + "/structures/" + trame);
        assertThat(trameView).contains("centre Trame").doesNotContain("999").doesNotContain("Valider le questionnaire");
        assertThat(structures.read(federation.id(), trame, YEAR).answers()).containsEntry("BEN_TOTAL", "7");
    }

    @Test
    void onlyTheAtsDelegueAndTheDirectionCheckATrameReturn() throws Exception {
        long director = fixtures.userId(fixtures.user(centre, Role.DIRECTION));
        Map<String, String> typed = new HashMap<>();
        for (SenacsReturn.Answer a : returns.read(centre.id(), centre.code(), YEAR).answers()) {
            if (a.source() == SenacsReturn.Source.MISSING) {
                typed.put(a.question().code(), complete(Map.of()).get(a.question().code()));
            }
        }
        returns.declare(centre.id(), YEAR, typed, director);
        returns.submit(centre.id(), centre.code(), YEAR, director);
        String check = base + "/" + YEAR + "/structures/" + trame + "/controle";
        mvc.perform(as(reader, post(check))).andExpect(status().isForbidden());
        mvc.perform(as(delegueLens, post(check))).andExpect(status().isForbidden());
        assertThat(page(delegueLille, base + "?annee=" + YEAR)).contains("Marquer contrôlé");
        mvc.perform(as(delegueLille, post(check))).andExpect(status().is3xxRedirection());
        assertThat(returns.read(centre.id(), centre.code(), YEAR).state()).isEqualTo(SenacsReturn.State.CONTROLE);
    }

    @Test
    void entryIsRefusedToAReaderAndToTheDelegueOfAnotherAt() throws Exception {
        String url = base + "/" + YEAR + "/structures/" + vachala;
        mvc.perform(as(reader, post(url)).param("q_PUB_PERSONNES", "10").param("action", "brouillon"))
                .andExpect(status().isForbidden());
        mvc.perform(as(delegueLille, post(url)).param("q_PUB_PERSONNES", "10").param("action", "brouillon"))
                .andExpect(status().isForbidden());
        assertThat(structures.read(federation.id(), vachala, YEAR).state()).isEqualTo("non_commence");
        assertThat(page(reader, url)).doesNotContain("Enregistrer le brouillon");

        mvc.perform(as(delegueLens, post(url)).param("q_PUB_PERSONNES", "10").param("action", "brouillon"))
                .andExpect(status().is3xxRedirection());
        assertThat(structures.read(federation.id(), vachala, YEAR).state()).isEqualTo("brouillon");

        // validating asks every answer, and keeps what was typed with French messages by field
        String refused = HtmlUtils.htmlUnescape(mvc.perform(as(delegueLens, post(url)).param("q_PUB_PERSONNES", "douze")
                        .param("q_BEN_TOTAL", "4").param("action", "valider"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused).contains("Saisissez un nombre entier positif ou nul (reçu « douze »).",
                "Réponse obligatoire pour valider le questionnaire.", "value=\"douze\"");
        assertThat(structures.read(federation.id(), vachala, YEAR).answers()).containsEntry("PUB_PERSONNES", "10")
                .doesNotContainKey("BEN_TOTAL");

        MockHttpServletRequestBuilder full = as(delegueLens, post(url)).param("action", "valider");
        complete(Map.of()).forEach((code, value) -> full.param("q_" + code, value));
        mvc.perform(full).andExpect(status().is3xxRedirection());
        assertThat(structures.read(federation.id(), vachala, YEAR).state()).isEqualTo("soumis");

        // a Trame centre's return is not entered by the federation
        assertThatThrownBy(() -> structures.save(direction, trame, YEAR, complete(Map.of()), true))
                .hasMessageContaining("centre Trame");
    }

    @Test
    void theImportIsAllOrNothingWithEveryErrorByLineAndColumn() {
        String v = ref(vachala);
        String b = ref(beaujardin);
        String bad = "structure_ref;code;value\n"
                + v + ";PUB_PERSONNES;120\n"
                + "INCONNUE;PUB_PERSONNES;3\n"
                + ref(trame) + ";PUB_PERSONNES;3\n"
                + v + ";PAS_UNE_QUESTION;3\n"
                + v + ";SAL_EFFECTIF;=SUM(A1:A3)\n"
                + v + ";PUB_PERSONNES;121\n";
        assertThatThrownBy(() -> structures.importCsv(federation.id(), YEAR, csv(bad), null))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.errors()).extracting(CsvError::toString)
                        .containsExactly(
                                "ligne 3, colonne 1 (structure_ref) : structure « INCONNUE » inconnue dans le registre de la fédération",
                                "ligne 4, colonne 1 (structure_ref) : la structure « " + ref(trame)
                                        + " » est un centre Trame : elle remplit elle-même son questionnaire",
                                "ligne 5, colonne 2 (code) : question « PAS_UNE_QUESTION » inconnue dans le questionnaire 2024",
                                "ligne 6, colonne 3 (value) : saisissez un nombre entier positif ou nul (reçu « =SUM(A1:A3) »)",
                                "ligne 7, colonne 2 (code) : la réponse de « " + v + " » à PUB_PERSONNES figure déjà ligne 2"));
        assertThat(structures.read(federation.id(), vachala, YEAR).state()).isEqualTo("non_commence");

        StringBuilder good = new StringBuilder("structure_ref;code;value\n");
        complete(Map.of("PUB_PERSONNES", "1 234")).forEach((code, value) -> good.append(v).append(';').append(code).append(';')
                .append(value).append('\n'));
        good.append(b).append(";PUB_PERSONNES;40\n");
        assertThat(structures.importCsv(federation.id(), YEAR, csv(good.toString()), null).changes())
                .containsEntry("questionnaire(s) validé(s)", 1).containsEntry("questionnaire(s) incomplet(s) gardé(s) en brouillon", 1);
        StructureReturns.Entry entry = structures.read(federation.id(), vachala, YEAR);
        assertThat(entry.state()).isEqualTo("soumis");
        assertThat(entry.answers()).containsEntry("PUB_PERSONNES", "1234");
        assertThat(structures.read(federation.id(), beaujardin, YEAR).state()).isEqualTo("brouillon");
    }

    @Test
    void theChecksFlagEtpAboveHeadcountAndAJumpFromLastYear() throws Exception {
        assertThat(structures.save(direction, vachala, YEAR - 1, complete(Map.of("PUB_PERSONNES", "100")), true).any()).isFalse();
        assertThat(structures.save(direction, vachala, YEAR, complete(Map.of("SAL_ETP", "5,5", "SAL_EFFECTIF", "3",
                "PUB_PERSONNES", "160")), true).any()).isFalse();
        assertThat(structures.save(direction, beaujardin, YEAR, complete(Map.of("SAL_ETP", "2", "SAL_EFFECTIF", "3",
                "BEN_TOTAL", "0", "BEN_HEURES", "12", "GOV_CA_MEMBRES", "2")), true)
                .any()).isFalse();
        // a draft is not read
        assertThat(structures.save(direction, nowhere, YEAR, Map.of("SAL_ETP", "9", "SAL_EFFECTIF", "1"), false).any()).isFalse();

        List<CampaignFollowUp.Problem> problems = followUp.controls(federation.id(), YEAR, null);
        assertThat(problems).extracting(CampaignFollowUp.Problem::name, CampaignFollowUp.Problem::questionCode,
                        p -> p.value().toPlainString(), CampaignFollowUp.Problem::otherLabel, p -> p.other().toPlainString())
                .containsExactly(tuple("Centre social Vachala", "SAL_ETP", "5.50", "SAL_EFFECTIF", "3"),
                        tuple("Centre social Vachala", "PUB_PERSONNES", "160", "réponse 2024", "100"),
                        tuple("Centre social Vachala", "SAL_ETP", "5.50", "réponse 2024", "1.00"),
                        tuple("Maison Beaujardin", "BEN_HEURES", "12.00", "BEN_TOTAL", "0"),
                        tuple("Maison Beaujardin", "GOV_CA_MEMBRES", "2", "somme des collèges", "3"));
        assertThat(page(reader, base + "/" + YEAR + "/controles")).contains("ETP supérieurs à l'effectif salarié", "5.50");
    }

    @Test
    void anotherFederationsStructureIsNotFound() throws Exception {
        Federation other = fixtures.federation("senacsautre");
        long theirs = fixtures.structure(other, "Ailleurs", "59", null);
        String url = base + "/" + YEAR + "/structures/" + theirs;
        mvc.perform(get(url).with(user(directionUser))).andExpect(status().isNotFound());
        mvc.perform(as(directionUser, post(url)).param("q_PUB_PERSONNES", "1").param("action", "brouillon"))
                .andExpect(status().isNotFound());
        mvc.perform(as(directionUser, post(url + "/controle"))).andExpect(status().isNotFound());
        mvc.perform(as(directionUser, post(url + "/questions")).param("message", "?")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from senacs_structure_returns where structure_id = ?").param(theirs)
                .query(Long.class).single()).isZero();
        String csvText = "structure_ref;code;value\n" + ref(theirs) + ";PUB_PERSONNES;3\n";
        assertThatThrownBy(() -> structures.importCsv(federation.id(), YEAR, csv(csvText), null))
                .isInstanceOf(CsvImportException.class);
    }
    @Test
    void aQuestionSentToATrameCentreIsAnsweredByItsDirection() throws Exception {
        submitTheCentre();
        String raise = base + "/" + YEAR + "/structures/" + trame + "/questions";
        mvc.perform(as(reader, post(raise)).param("questionCode", "BEN_TOTAL").param("message", "7 bénévoles ?"))
                .andExpect(status().isForbidden());
        mvc.perform(as(delegueLens, post(raise)).param("questionCode", "BEN_TOTAL").param("message", "7 bénévoles ?"))
                .andExpect(status().isForbidden());
        mvc.perform(as(delegueLille, post(raise)).param("questionCode", "BEN_TOTAL").param("message", "7 bénévoles ?"))
                .andExpect(status().is3xxRedirection());
        // a structure not on Trame is corrected by the federation itself
        mvc.perform(as(directionUser, post(base + "/" + YEAR + "/structures/" + vachala + "/questions"))
                .param("questionCode", "BEN_TOTAL").param("message", "?")).andExpect(status().is3xxRedirection());
        List<CampaignFollowUp.Query> open = followUp.openFor(centre.id(), YEAR);
        assertThat(open).extracting(CampaignFollowUp.Query::questionCode, CampaignFollowUp.Query::message)
                .containsExactly(tuple("BEN_TOTAL", "7 bénévoles ?"));

        String answer = "/c/" + centre.code() + "/senacs/" + YEAR + "/questions/" + open.get(0).id();
        mvc.perform(as(fixtures.user(centre, Role.ANIMATEUR), post(answer)).param("answer", "Oui"))
                .andExpect(status().isForbidden());
        Centre another = fixtures.centre("senacsautre");
        mvc.perform(as(fixtures.user(another, Role.DIRECTION), post("/c/" + another.code() + "/senacs/" + YEAR + "/questions/"
                + open.get(0).id())).param("answer", "Oui")).andExpect(status().isNotFound());
        mvc.perform(as(fixtures.user(centre, Role.DIRECTION), post(answer)).param("answer", "Oui, 7 bénévoles réguliers."))
                .andExpect(status().is3xxRedirection());
        assertThat(followUp.openFor(centre.id(), YEAR)).isEmpty();
        assertThat(page(reader, base + "/" + YEAR + "/controles")).contains("Oui, 7 bénévoles réguliers.");
    }
}
