package fr.trame.federation;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.form.Refused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Programmes (the table by département) and dues (the rule, calls, credit notes, payments), on figures made by hand. */
@TrameTest
class ProgrammeDuesTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Autowired Fixtures fixtures;
    @Autowired StructureImporter importer;
    @Autowired StructureService structures;
    @Autowired TerritoryService territories;
    @Autowired ProgrammeService programmes;
    @Autowired DuesService dues;
    @Autowired MockMvc mvc;

    Federation federation;
    Map<String, Long> ids;

    @BeforeEach
    void setUp() {
        federation = fixtures.federation("prog");
        importer.importCsv(federation.id(), csv("""
                structure_ref;name;kind;status;departement;territory;commune;membership;membership_date
                A;Centre A;cs;associatif;59;Lille;Lille;adherent;2001-01-01
                B;Centre B;cs;associatif;59;Lille;Roubaix;adherent;2001-01-01
                C;Centre C;cs;municipal;62;Bassin Minier;Lens;adherent;2001-01-01
                E;Centre E;cs;associatif;62;Bassin Minier;Liévin;reaffiliation;2020-01-01
                F;Centre F;cs;associatif;59;Lille;Tourcoing;adherent;2001-01-01
                G;Centre G;cs;associatif;59;Lille;Wattrelos;sortie;2001-01-01
                """), DAY);
        ids = structures.list(federation.id(), StructureFilter.ALL, DAY).stream()
                .collect(Collectors.toMap(Structure::ref, Structure::id));
    }

    long programme() {
        long p = programmes.create(federation.id(), new ProgrammeService.NewProgramme("Santé 2023", "sante", 2023, 2023, null));
        programmes.addProject(federation.id(), p, new ProgrammeService.NewProject(ids.get("A"), "Cuisine", "nutrition", 100_000), DAY);
        programmes.addProject(federation.id(), p, new ProgrammeService.NewProject(ids.get("A"), "Dépistage", "prevention_cancer", 50_050), DAY);
        programmes.addProject(federation.id(), p, new ProgrammeService.NewProject(ids.get("B"), "Jardin", "nutrition", 20_000), DAY);
        programmes.addProject(federation.id(), p, new ProgrammeService.NewProject(ids.get("C"), "Goûters", "nutrition", 30_025), DAY);
        programmes.addParticipant(federation.id(), p, ids.get("F"), DAY); // takes part without a project
        return p;
    }

    @Test
    void aStructureWithTwoProjectsCountsOnceInStructuresAndTwiceInProjects() {
        long p = programme();
        ProgrammeService.Table t = programmes.table(federation.id(), p);
        assertThat(t.departements()).containsExactly("59", "62");
        assertThat(t.themes()).containsExactly("nutrition", "prevention_cancer");
        // 59: A (two projects) and B
        assertThat(t.cell("59", null)).isEqualTo(new ProgrammeService.Cell("59", null, 2, 3, 170_050));
        assertThat(t.cell("59", "nutrition")).isEqualTo(new ProgrammeService.Cell("59", "nutrition", 2, 2, 120_000));
        assertThat(t.cell("59", "prevention_cancer")).isEqualTo(new ProgrammeService.Cell("59", "prevention_cancer", 1, 1, 50_050));
        assertThat(t.cell("62", null)).isEqualTo(new ProgrammeService.Cell("62", null, 1, 1, 30_025));
        assertThat(t.cell("62", "prevention_cancer").projects()).isZero();
        assertThat(t.cell(null, null)).isEqualTo(new ProgrammeService.Cell(null, null, 3, 4, 200_075));
        assertThat(t.cell(null, "nutrition")).isEqualTo(new ProgrammeService.Cell(null, "nutrition", 3, 3, 150_025));

        ProgrammeService.Programme summary = programmes.get(federation.id(), p);
        assertThat(summary.participants()).isEqualTo(4); // F takes part without a project
        assertThat(summary.structures()).isEqualTo(3);
        assertThat(summary.projects()).isEqualTo(4);
        // the records behind a cell: the 59's structures, A once
        assertThat(programmes.structuresWithProjects(federation.id(), p, "59", null))
                .extracting(ProgrammeService.StructureLine::name, ProgrammeService.StructureLine::projects)
                .containsExactly(tuple("Centre A", 2), tuple("Centre B", 1));
        assertThat(programmes.projects(federation.id(), p, "59", "nutrition"))
                .extracting(ProgrammeService.Project::title).containsExactly("Cuisine", "Jardin");
    }

    @Test
    void theProgrammePageShowsTheTableAndLinksEachCount() throws Exception {
        long p = programme();
        String reader = fixtures.user(federation, FederationRole.READER);
        String base = "/f/" + federation.code() + "/programmes/" + p;
        mvc.perform(get(base).with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("000,75")))
                .andExpect(content().string(containsString("href=\"" + base + "?departement=59#structures\">2</a>")))
                .andExpect(content().string(containsString("href=\"" + base + "?departement=59&amp;theme=nutrition#projets\">2</a>")));
        mvc.perform(get(base).param("departement", "59").param("theme", "prevention_cancer").with(user(reader)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Dépistage")))
                .andExpect(content().string(not(containsString("Jardin"))));
    }

    @Test
    void theRuleRoundsHalfUpToTheCentThenHoldsBetweenFloorAndCeiling() {
        dues.setSchedule(federation.id(), 2026, 50, 15_000, 250_000); // 0,5 %, 150 € to 2 500 €
        dues.declareBudgets(federation.id(), 2026, Map.of(
                ids.get("A"), 10_000_000L,    // 100 000 € → 500,00 €
                ids.get("B"), 2_000_000L,     // 20 000 € → 100,00 € → floor 150,00 €
                ids.get("C"), 100_000_000L,   // 1 000 000 € → 5 000 € → ceiling 2 500,00 €
                ids.get("E"), 3_500_100L,     // 35 001 € → 175,005 € → half up 175,01 €
                ids.get("G"), 1_000_000L));   // left the network: not called
        Map<String, Long> amounts = dues.preview(federation.id(), 2026, DAY).stream()
                .filter(x -> x.amount() != null).collect(Collectors.toMap(DuesService.Preview::name, DuesService.Preview::amount));
        assertThat(amounts).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Centre A", 50_000L, "Centre B", 15_000L, "Centre C", 250_000L, "Centre E", 17_501L));
        // F has no declared budget: listed, not called
        assertThat(dues.preview(federation.id(), 2026, DAY)).extracting(DuesService.Preview::name)
                .containsExactly("Centre A", "Centre B", "Centre F", "Centre C", "Centre E");
        assertThat(dues.issueCalls(federation.id(), 2026, DAY)).isEqualTo(4);
        assertThat(dues.issueCalls(federation.id(), 2026, DAY)).isZero(); // issued once
    }

    Map<String, DuesService.Call> calls() {
        return dues.calls(federation.id(), 2026).stream().filter(c -> !c.cancelled())
                .collect(Collectors.toMap(DuesService.Call::structure, c -> c));
    }

    @Test
    void owedIsCallsLessCreditsLessPaymentsAndAPaidCallIsNeverEdited() {
        theRuleRoundsHalfUpToTheCentThenHoldsBetweenFloorAndCeiling();
        Map<String, DuesService.Call> calls = calls();
        dues.pay(federation.id(), calls.get("Centre A").id(), DAY, 20_000, "virement", "VIR-1");
        dues.pay(federation.id(), calls.get("Centre A").id(), DAY, 30_000, "cheque", null);
        dues.pay(federation.id(), calls.get("Centre B").id(), DAY, 5_000, "cheque", null);
        assertThatThrownBy(() -> dues.pay(federation.id(), calls.get("Centre B").id(), DAY, 10_001, "cheque", null))
                .isInstanceOf(Refused.class).hasMessageContaining("dépasse");
        // C's call cancelled by a credit note for all of it, then a new call issued
        dues.credit(federation.id(), calls.get("Centre C").id(), 250_000, DAY, "Budget mal déclaré");
        assertThat(dues.call(federation.id(), calls.get("Centre C").id()).cancelled()).isTrue();
        assertThat(dues.issueCalls(federation.id(), 2026, DAY)).isEqualTo(1);

        // 500 + 150 + 2 500 + 2 500 + 175,01 = 5 825,01 called; 2 500 credited; 550 paid; owed 2 775,01
        assertThat(dues.totals(federation.id(), 2026)).isEqualTo(new DuesService.Totals(5, 582_501, 250_000, 55_000, 277_501));
        assertThat(calls().get("Centre A").owed()).isZero();
        assertThat(calls().get("Centre B").owed()).isEqualTo(10_000);

        // a paid call is never edited; an unpaid one is computed again with its own rule
        long paid = calls.get("Centre A").id();
        assertThatThrownBy(() -> dues.editCall(federation.id(), paid, 1_000_000L)).isInstanceOf(Refused.class)
                .hasMessageContaining("ne se modifie plus");
        assertThat(dues.call(federation.id(), paid).amount()).isEqualTo(50_000);
        assertThat(dues.call(federation.id(), paid).base()).isEqualTo(10_000_000);
        long unpaid = calls.get("Centre E").id();
        dues.editCall(federation.id(), unpaid, 4_000_000L); // 40 000 € → 200,00 €
        assertThat(dues.call(federation.id(), unpaid).amount()).isEqualTo(20_000);

        // A's paid call cancelled by a credit note: 500 € overpaid on it, which its new call of 500 € nets in the total
        assertThatThrownBy(() -> dues.credit(federation.id(), paid, 50_001, DAY, "Trop")).isInstanceOf(Refused.class);
        dues.credit(federation.id(), paid, 50_000, DAY, "Budget à corriger");
        assertThat(dues.call(federation.id(), paid).owed()).isEqualTo(-50_000);
        assertThat(dues.issueCalls(federation.id(), 2026, DAY)).isEqualTo(1);
        // owed per call: A −500 (paid, then credited), new A 500, B 100, C 0 (cancelled), new C 2 500, E 200 (edited)
        assertThat(dues.totals(federation.id(), 2026).owed()).isEqualTo(-50_000 + 50_000 + 10_000 + 250_000 + 20_000);
        assertThat(dues.owedByStructure(federation.id(), 2026))
                .extracting(DuesService.Owed::structure, DuesService.Owed::calls, DuesService.Owed::owed)
                .containsExactly(tuple("Centre A", 2, 0L), tuple("Centre B", 1, 10_000L), tuple("Centre C", 2, 250_000L),
                        tuple("Centre E", 1, 20_000L));
    }

    @Test
    void refusals() throws Exception {
        theRuleRoundsHalfUpToTheCentThenHoldsBetweenFloorAndCeiling();
        long call = calls().get("Centre A").id();
        String admin = fixtures.user(federation, FederationRole.ADMIN);
        String reader = fixtures.user(federation, FederationRole.READER);
        String delegue = fixtures.user(federation, FederationRole.DELEGUE);
        long lille = territories.list(federation.id(), DAY).stream().filter(t -> t.name().equals("Lille")).findFirst().orElseThrow().id();
        territories.assign(federation.id(), lille, fixtures.userId(delegue), LocalDate.of(2020, 1, 1));
        String base = "/f/" + federation.code();

        // a reader reads, never writes
        mvc.perform(get(base + "/cotisations").param("annee", "2026").with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Centre A")));
        mvc.perform(post(base + "/cotisations/regle").with(user(reader)).with(csrf())
                .param("year", "2026").param("rate", "1").param("floor", "0").param("ceiling", "10")).andExpect(status().isForbidden());
        mvc.perform(post(base + "/cotisations/appels/" + call + "/paiements").with(user(delegue)).with(csrf())
                .param("paidOn", "01/03/2026").param("amount", "10").param("mode", "cheque")).andExpect(status().isForbidden());
        long p = programme();
        mvc.perform(post(base + "/programmes/" + p + "/projets").with(user(reader)).with(csrf())
                .param("structureId", "" + ids.get("A")).param("title", "X").param("theme", "nutrition").param("amount", "10"))
                .andExpect(status().isForbidden());
        // a délégué adds a project for a structure of their AT, not of another
        mvc.perform(post(base + "/programmes/" + p + "/projets").with(user(delegue)).with(csrf())
                .param("structureId", "" + ids.get("C")).param("title", "X").param("theme", "nutrition").param("amount", "10"))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/programmes/" + p + "/projets").with(user(delegue)).with(csrf())
                .param("structureId", "" + ids.get("F")).param("title", "Potager").param("theme", "nutrition").param("amount", "10,50"))
                .andExpect(status().is3xxRedirection());
        assertThat(programmes.projects(federation.id(), p, null, null)).extracting(ProgrammeService.Project::amount).contains(1_050L);

        // another federation's records are not found, under its own address or under ours
        Federation other = fixtures.federation("autre");
        String stranger = fixtures.user(other, FederationRole.ADMIN);
        mvc.perform(get("/f/" + other.code() + "/cotisations/appels/" + call).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/f/" + other.code() + "/programmes/" + p).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/f/" + other.code() + "/cotisations/appels/" + call + "/paiements").with(user(stranger)).with(csrf())
                .param("paidOn", "01/03/2026").param("amount", "10").param("mode", "cheque")).andExpect(status().isNotFound());
        mvc.perform(get(base + "/cotisations").with(user(stranger))).andExpect(status().isNotFound());

        // malformed and huge amounts: a French message naming the field, nothing saved, never a 500
        mvc.perform(post(base + "/cotisations/appels/" + call + "/paiements").with(user(admin)).with(csrf())
                .param("paidOn", "01/03/2026").param("amount", "12,5x").param("mode", "cheque"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", containsString("« 12,5x » n'est pas un montant en euros (le montant payé)")));
        mvc.perform(post(base + "/cotisations/appels/" + call + "/paiements").with(user(admin)).with(csrf())
                .param("paidOn", "01/03/2026").param("amount", "99999999999999999999").param("mode", "cheque"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", containsString("n'est pas un montant en euros (le montant payé)")));
        mvc.perform(post(base + "/programmes/" + p + "/financeurs").with(user(admin)).with(csrf())
                .param("funder", "ARS").param("amount", "1e400"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("le montant du financement")));
        // a NUL character is refused before any controller (RequestLimits): a 400, not a 500
        mvc.perform(post(base + "/programmes/" + p + "/financeurs").with(user(admin)).with(csrf())
                .param("funder", "ARS\u0000").param("amount", "10")).andExpect(status().isBadRequest());
        assertThat(programmes.funders(federation.id(), p)).isEmpty();
        mvc.perform(post(base + "/cotisations/regle").with(user(admin)).with(csrf())
                .param("year", "2026").param("rate", "0,125").param("floor", "10").param("ceiling", "5"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("deux décimales")))
                .andExpect(flash().attribute("error", containsString("plafond")));
        assertThat(dues.payments(federation.id(), call)).isEmpty();

        // the edit of a paid call is refused on the page too
        mvc.perform(post(base + "/cotisations/appels/" + call + "/paiements").with(user(admin)).with(csrf())
                .param("paidOn", "01/03/2026").param("amount", "100").param("mode", "cheque")).andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/cotisations/appels/" + call).with(user(admin)).with(csrf()).param("base", "1000")
                .header("Referer", "http://localhost" + base + "/cotisations/appels/" + call))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("ne se modifie plus")));
        assertThat(dues.call(federation.id(), call).base()).isEqualTo(10_000_000);
        assertThat(List.of(dues.call(federation.id(), call).paid())).containsExactly(10_000L);
    }

    @Test
    void everyFormOfThesePagesRefusesHostileValuesWithoutA500() throws Exception {
        theRuleRoundsHalfUpToTheCentThenHoldsBetweenFloorAndCeiling();
        long call = calls().get("Centre A").id();
        long p = programme();
        String admin = fixtures.user(federation, FederationRole.ADMIN);
        String base = "/f/" + federation.code();
        Map<String, List<String>> forms = Map.of(
                "/programmes", List.of("name", "kind", "startYear", "endYear", "description"),
                "/programmes/" + p + "/financeurs", List.of("funder", "amount"),
                "/programmes/" + p + "/participants", List.of("structureId"),
                "/programmes/" + p + "/projets", List.of("structureId", "title", "theme", "amount"),
                "/cotisations/regle", List.of("year", "rate", "floor", "ceiling"),
                "/cotisations/budgets", List.of("year", "structureId", "budget"),
                "/cotisations/appels", List.of("year"),
                "/cotisations/appels/" + call, List.of("base"),
                "/cotisations/appels/" + call + "/paiements", List.of("paidOn", "amount", "mode", "reference"),
                "/cotisations/appels/" + call + "/avoirs", List.of("amount", "issuedOn", "reason"));
        List<String> hostile = List.of("9".repeat(5000), "-1", "1e400", "99999999999999999999", "0", "", "abc", "12,5x", "31/02/2026");
        for (Map.Entry<String, List<String>> form : forms.entrySet()) {
            for (String value : hostile) {
                var request = post(base + form.getKey()).with(user(admin)).with(csrf());
                for (String field : form.getValue()) {
                    request.param(field, value);
                }
                int status = mvc.perform(request).andReturn().getResponse().getStatus();
                assertThat(status).as(form.getKey() + " = " + value.substring(0, Math.min(20, value.length()))).isLessThan(500);
            }
        }
        mvc.perform(post(base + "/programmes/99999999999999999999/projets").with(user(admin)).with(csrf()))
                .andExpect(status().is4xxClientError());
        mvc.perform(get(base + "/cotisations").param("annee", "99999999999999999999").with(user(admin))).andExpect(status().isOk());
        assertThat(dues.payments(federation.id(), call)).isEmpty();
        assertThat(dues.credits(federation.id(), call)).isEmpty();
    }
}
