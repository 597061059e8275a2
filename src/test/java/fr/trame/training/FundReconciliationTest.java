package fr.trame.training;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import fr.trame.training.FundService.Envelope;
import fr.trame.training.FundService.Line;
import fr.trame.training.FundService.LineSession;
import fr.trame.training.FundService.NewLine;
import fr.trame.training.FundService.StructureAllocation;
import fr.trame.training.TrainingService.NewCourse;
import fr.trame.training.TrainingService.NewHalfDay;
import fr.trame.training.TrainingService.NewRegistration;
import fr.trame.training.TrainingService.NewSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A hand-made year of a fund, worked out by hand. Three structures: Arras (A), Béthune (B), Cambrai (C). An envelope of
 * 70 700,00 € with a levy of 5 % = 3 535,00 €, and four lines:
 * <ul>
 * <li>L1, 450,00 € per session held, over S1, S2 and S3 (cancelled, its presence ignored): S1 has Anne and Paul of A,
 *     Inès of B (an employee of A and a volunteer of C who did not come do not count); S2 has Anne, Inès, Léa of C.
 *     2 sessions → 900,00 €: S1 300 A / 150 B, S2 150 each → A 450, B 300, C 150;</li>
 * <li>L2, 70,00 € per distinct volunteer, over every 2023 session of the course "Accueillir": S4 has Anne (A), Inès (B),
 *     Léa (C); S5 has Anne and Léa again, and Marc (C). 4 distinct (not 6) → 280,00 €: A 70, B 70, C 140;</li>
 * <li>L3, the congress: a fixed 10 000,00 €, given to no structure;</li>
 * <li>L4, 225,00 € per half-day with a ceiling of 500,00 €, over S6's three half-days: h1 A and B, h2 A, h3 A, B, C.
 *     675,00 € before the ceiling: A 412,50 (112,50 + 225 + 75), B 187,50, C 75. Capped to 500,00 €: the exact shares
 *     305,555…, 138,888…, 55,555… take 305,55 + 138,88 + 55,55 = 499,98; the two cents left go to B (largest fraction)
 *     then to A (A and C have the same fraction, A comes first by name): A 305,56, B 138,89, C 55,55.</li>
 * </ul>
 * Allocations 900 + 280 + 10 000 + 500 = 11 680,00 €; remainder 70 700 − 3 535 − 11 680 = 55 485,00 €.
 */
@TrameTest
class FundReconciliationTest {

    @Autowired Fixtures fixtures;
    @Autowired TrainingService training;
    @Autowired FundService funds;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    Federation federation;
    long a;
    long b;
    long c;
    long fund;
    long envelope;
    long l1;
    long l2;
    long l3;
    long l4;
    long s1;
    long s2;
    long s3;

    @BeforeEach
    void setUp() {
        federation = fixtures.federation("fonds");
        a = fixtures.structure(federation, "Centre social Arras", "62", null);
        b = fixtures.structure(federation, "Centre social Béthune", "62", null);
        c = fixtures.structure(federation, "Centre social Cambrai", "59", null);
        long reunion = course("Animer une réunion", "benevoles");
        long accueil = course("Accueillir en centre social", "mixte");
        long amepp = course("AMEPP", "mixte");

        s1 = session(reunion, LocalDate.of(2023, 3, 4), 2);
        s2 = session(reunion, LocalDate.of(2023, 5, 10), 2);
        s3 = session(reunion, LocalDate.of(2023, 6, 20), 2);
        long s4 = session(accueil, LocalDate.of(2023, 6, 1), 1);
        long s5 = session(accueil, LocalDate.of(2023, 9, 15), 1);
        long s6 = session(amepp, LocalDate.of(2023, 10, 2), 3);
        session(accueil, LocalDate.of(2022, 11, 5), 1); // another year: not covered by L2's course

        came(s1, a, "Martin", "Anne", "benevole", 0, 1);
        came(s1, a, "Durand", "Paul", "administrateur", 0);
        came(s1, b, "Leroy", "Inès", "benevole", 0);
        came(s1, a, "Haddad", "Karim", "salarie", 0, 1);
        came(s1, c, "Petit", "Hugo", "benevole");
        came(s2, a, "MARTIN", "anne", "benevole", 0, 1);
        came(s2, b, "Leroy", "Ines", "benevole", 1);
        came(s2, c, "Caron", "Léa", "benevole", 0);
        came(s3, a, "Lenoir", "Zoé", "benevole", 0);
        training.cancel(federation.id(), s3, "effectif_insuffisant", null, LocalDate.of(2023, 6, 15));

        came(s4, a, "Martin", "Anne", "benevole", 0);
        came(s4, b, "Leroy", "Inès", "benevole", 0);
        came(s4, c, "Caron", "Léa", "benevole", 0);
        came(s5, a, "Martin", "Anne", "benevole", 0);
        came(s5, c, "Caron", "Léa", "administrateur", 0);
        came(s5, c, "Lenoir", "Marc", "benevole", 0);

        came(s6, a, "Vasseur", "Sophie", "benevole", 0, 1, 2);
        came(s6, b, "Cousin", "Yves", "benevole", 0, 2);
        came(s6, c, "Benali", "Nadia", "benevole", 2);

        fund = funds.createFund(federation.id(), "FOSFORA", "cotisations", "Fonds de soutien à la formation des acteurs");
        envelope = funds.createEnvelope(federation.id(), fund, 2023, 7_070_000, 500, null, null);
        l1 = funds.createLine(federation.id(), envelope, new NewLine("Formation des bénévoles", "par_session", 45_000, null, null));
        for (long s : List.of(s1, s2, s3)) {
            funds.attach(federation.id(), l1, s);
        }
        l2 = funds.createLine(federation.id(), envelope, new NewLine("Accueil", "par_benevole", 7_000, null, accueil));
        l3 = funds.createLine(federation.id(), envelope, new NewLine("Congrès", "forfait", 1_000_000, null, null));
        l4 = funds.createLine(federation.id(), envelope, new NewLine("AMEPP", "par_demi_journee", 22_500, 50_000L, null));
        funds.attach(federation.id(), l4, s6);
    }

    long course(String title, String audience) {
        return training.createCourse(federation.id(), new NewCourse(title, audience, null, null, null, new BigDecimal("7"), 0L,
                "presentiel", false, null));
    }

    /** A session of one day (morning, afternoon) or more, half-days one after the other. */
    long session(long course, LocalDate day, int halfDays) {
        List<NewHalfDay> h = new ArrayList<>();
        for (int i = 0; i < halfDays; i++) {
            h.add(new NewHalfDay(day.plusDays(i / 2), i % 2 == 0 ? "matin" : "apres_midi", new BigDecimal("3")));
        }
        return training.planSession(federation.id(), new NewSession(course, "Lille", 1, 20, h, List.of()));
    }

    /** Registers a person and records them present on the session's half-days numbered (0 the first). */
    void came(long session, long structure, String last, String first, String quality, int... halfDays) {
        long r = training.register(federation.id(), session, new NewRegistration(structure, last, first, null, null, quality,
                "saisie", null, false, null)).id();
        List<TrainingService.HalfDay> days = training.halfDays(federation.id(), session);
        for (int i : halfDays) {
            jdbc.sql("insert into training_presences (federation_id, registration_id, half_day_id) values (?, ?, ?)")
                    .params(federation.id(), r, days.get(i).id()).update();
        }
    }

    Map<Long, Long> byStructure(Long line) {
        return funds.byStructure(federation.id(), envelope, line).stream()
                .collect(Collectors.toMap(StructureAllocation::structureId, StructureAllocation::cents));
    }

    @Test
    void theEnvelopeReconcilesToTheCent() {
        Envelope e = funds.envelope(federation.id(), envelope);
        assertThat(e.amountCents()).isEqualTo(7_070_000);
        assertThat(e.levyCents()).isEqualTo(353_500);
        assertThat(e.allocatedCents()).isEqualTo(1_168_000);
        assertThat(e.remainderCents()).isEqualTo(5_548_500);
        assertThat(e.levyCents() + e.allocatedCents() + e.remainderCents()).isEqualTo(e.amountCents());
        assertThat(e.overrun()).isFalse();
        assertThat(e.fixedCents()).isEqualTo(1_000_000);
        // distinct over the envelope: Anne, Paul, Inès, Léa, Marc, Sophie, Yves, Nadia; the lines' own counts add to 11
        assertThat(e.volunteers()).isEqualTo(8);
        assertThat(e.volunteersOfLines()).isEqualTo(11);
        assertThat(e.structures()).isEqualTo(3);
        assertThat(e.structuresOfLines()).isEqualTo(9);
        assertThat(e.sessions()).isEqualTo(5);
        assertThat(funds.envelopes(federation.id())).extracting(Envelope::remainderCents).containsExactly(5_548_500L);
    }

    @Test
    void aSessionHeldCountsAndACancelledOneDoesNot() {
        Line line = funds.line(federation.id(), l1);
        assertThat(line.sessionsCovered()).isEqualTo(3);
        assertThat(line.sessions()).isEqualTo(2);
        assertThat(line.cents()).isEqualTo(90_000);
        // Anne (twice, written two ways), Paul, Inès (with and without her accent), Léa; not Karim (salarié), not Hugo
        // (no presence), not Zoé (cancelled session)
        assertThat(line.volunteers()).isEqualTo(4);
        assertThat(line.structures()).isEqualTo(3);
        assertThat(byStructure(l1)).isEqualTo(Map.of(a, 45_000L, b, 30_000L, c, 15_000L));
        List<LineSession> sessions = funds.sessions(federation.id(), l1);
        assertThat(sessions).extracting(LineSession::sessionId).containsExactly(s1, s2, s3);
        assertThat(sessions).extracting(LineSession::cents).containsExactly(45_000L, 45_000L, 0L);
        assertThat(sessions).extracting(LineSession::counted).containsExactly(true, true, false);
        assertThat(funds.volunteers(federation.id(), l1)).extracting(FundService.Volunteer::sessions)
                .containsExactlyInAnyOrder(2, 1, 2, 1);
    }

    @Test
    void theSameVolunteerAtTwoSessionsOfALineCountsOnce() {
        Line line = funds.line(federation.id(), l2);
        assertThat(line.sessionsCovered()).isEqualTo(2); // the course's 2022 session is another year's
        assertThat(line.volunteers()).isEqualTo(4);
        assertThat(line.cents()).isEqualTo(28_000);
        assertThat(byStructure(l2)).isEqualTo(Map.of(a, 7_000L, b, 7_000L, c, 14_000L));
        // each counted at their first session: Anne, Inès, Léa at S4; Marc at S5
        assertThat(funds.sessions(federation.id(), l2)).extracting(LineSession::cents).containsExactly(21_000L, 7_000L);
    }

    @Test
    void aCeilingCapsTheLineAndItsPartsSumToItByLargestRemainder() {
        Line line = funds.line(federation.id(), l4);
        assertThat(line.halfDays()).isEqualTo(3);
        assertThat(line.uncappedCents()).isEqualTo(67_500);
        assertThat(line.cents()).isEqualTo(50_000);
        assertThat(line.capped()).isTrue();
        List<StructureAllocation> parts = funds.byStructure(federation.id(), envelope, l4);
        assertThat(parts).extracting(StructureAllocation::uncappedCents).containsExactly(41_250L, 18_750L, 7_500L);
        assertThat(parts).extracting(StructureAllocation::cents).containsExactly(30_556L, 13_889L, 5_555L);
        assertThat(parts.stream().mapToLong(StructureAllocation::cents).sum()).isEqualTo(50_000);

        // the whole envelope per structure: L1 + L2 + L4; with the congress, the allocations
        Map<Long, Long> all = byStructure(null);
        assertThat(all).isEqualTo(Map.of(a, 82_556L, b, 50_889L, c, 34_555L));
        assertThat(all.values().stream().mapToLong(Long::longValue).sum() + 1_000_000)
                .isEqualTo(funds.envelope(federation.id(), envelope).allocatedCents());
        assertThat(funds.line(federation.id(), l3).cents()).isEqualTo(1_000_000);
    }

    @Test
    void anOddCentOfASessionGoesByLargestRemainder() {
        // 100,00 € per session over S1: A has 2 volunteers, B 1 — 66,666… and 33,333… → 66,67 and 33,33
        long envelope2 = funds.createEnvelope(federation.id(), funds.createFund(federation.id(), "Région", "subvention", null),
                2023, 100_000, null, null, null);
        long line = funds.createLine(federation.id(), envelope2, new NewLine("Par session", "par_session", 10_000, null, null));
        funds.attach(federation.id(), line, s1);
        assertThat(funds.byStructure(federation.id(), envelope2, line)).extracting(StructureAllocation::cents)
                .containsExactly(6_667L, 3_333L);
        Envelope e = funds.envelope(federation.id(), envelope2);
        assertThat(e.levyCents()).isZero();
        assertThat(e.remainderCents()).isEqualTo(90_000);
    }

    @Test
    void anOverrunLeavesANegativeRemainder() {
        funds.updateEnvelope(federation.id(), envelope, 1_000_000, 500, null, null);
        Envelope e = funds.envelope(federation.id(), envelope);
        assertThat(e.levyCents()).isEqualTo(50_000);
        assertThat(e.remainderCents()).isEqualTo(1_000_000 - 50_000 - 1_168_000);
        assertThat(e.overrun()).isTrue();
        assertThat(e.levyCents() + e.allocatedCents() + e.remainderCents()).isEqualTo(e.amountCents());
        // a levy given wins over the rate; 2,5 % of 70 700,01 € = 1 767,50025 → 1 767,50 €
        funds.updateEnvelope(federation.id(), envelope, 7_070_000, 500, 300_000L, null);
        assertThat(funds.envelope(federation.id(), envelope).levyCents()).isEqualTo(300_000);
        funds.updateEnvelope(federation.id(), envelope, 7_070_001, 250, null, null);
        assertThat(funds.envelope(federation.id(), envelope).levyCents()).isEqualTo(176_750);
    }

    @Test
    void aSessionIsPaidOnceByAnEnvelopeAndAForfaitCoversNone() {
        assertThatThrownBy(() -> funds.attach(federation.id(), l2, s1)).isInstanceOf(Refused.class)
                .hasMessageContaining("Formation des bénévoles");
        assertThatThrownBy(() -> funds.attach(federation.id(), l3, s2)).isInstanceOf(Refused.class)
                .hasMessageContaining("forfait");
        long fresh = course("Nouvelle formation", "benevoles");
        funds.createLine(federation.id(), envelope, new NewLine("Nouvelle", "par_session", 100, null, fresh));
        assertThatThrownBy(() -> funds.createLine(federation.id(), envelope, new NewLine("Encore", "par_session", 100, null, fresh)))
                .isInstanceOf(Refused.class).hasMessageContaining("couvre déjà");
        Long accueil = funds.line(federation.id(), l2).courseId();
        assertThatThrownBy(() -> funds.createLine(federation.id(), envelope, new NewLine("Bis", "par_benevole", 100, null, accueil)))
                .isInstanceOf(Refused.class).hasMessageContaining("« Accueil »");
        long other = funds.createEnvelope(federation.id(), fund, 2024, 100_000, null, null, null);
        long line = funds.createLine(federation.id(), other, new NewLine("2024", "par_session", 1_000, null, null));
        assertThatThrownBy(() -> funds.attach(federation.id(), line, s1)).isInstanceOf(Refused.class)
                .hasMessageContaining("2024");
        assertThatThrownBy(() -> funds.createEnvelope(federation.id(), fund, 2023, 1, null, null, null))
                .isInstanceOf(Refused.class);
        assertThatThrownBy(() -> funds.createEnvelope(federation.id(), fund, 2025, 1_000, null, 2_000L, null))
                .isInstanceOf(Refused.class).hasMessageContaining("dépasser");
    }

    @Test
    void anotherFederationsEnvelopeIsNotFound() throws Exception {
        Federation other = fixtures.federation("ailleurs");
        assertThatThrownBy(() -> funds.envelope(other.id(), envelope)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> funds.line(other.id(), l1)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> funds.createLine(other.id(), envelope, new NewLine("X", "forfait", 1, null, null)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> funds.attach(other.id(), l1, s1)).isInstanceOf(NotFound.class);
        long theirFund = funds.createFund(other.id(), "FOSFORA", "cotisations", null);
        long theirEnvelope = funds.createEnvelope(other.id(), theirFund, 2023, 100_000, null, null, null);
        long theirLine = funds.createLine(other.id(), theirEnvelope, new NewLine("X", "par_session", 100, null, null));
        assertThatThrownBy(() -> funds.attach(other.id(), theirLine, s1)).isInstanceOf(Refused.class);

        String admin = fixtures.user(other, FederationRole.ADMIN);
        String base = "/f/" + other.code() + "/formation/fonds";
        mvc.perform(get(base + "/enveloppes/" + envelope).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get(base + "/lignes/" + l1).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(post(base + "/enveloppes/" + envelope + "/lignes").with(user(admin)).with(csrf())
                .param("label", "Volée").param("rule", "forfait").param("rate", "10")).andExpect(status().isNotFound());
        mvc.perform(post(base + "/lignes/" + theirLine + "/sessions").with(user(admin)).with(csrf())
                .param("sessionId", String.valueOf(s1))).andExpect(status().isOk())
                .andExpect(content().string(containsString("pas une session de votre fédération")));
    }

    @Test
    void thePagesShowTheReconciliationAndRefuseBadAmountsInFrench() throws Exception {
        String admin = fixtures.user(federation, FederationRole.ADMIN);
        String reader = fixtures.user(federation, FederationRole.READER);
        String base = "/f/" + federation.code() + "/formation/fonds";
        mvc.perform(get(base + "/enveloppes/" + envelope).with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("70\u202f700,00\u00a0€")))
                .andExpect(content().string(containsString("3\u202f535,00\u00a0€")))
                .andExpect(content().string(containsString("11\u202f680,00\u00a0€")))
                .andExpect(content().string(containsString("55\u202f485,00\u00a0€")))
                .andExpect(content().string(containsString("825,56\u00a0€")))
                .andExpect(content().string(not(containsString("id=\"form-ligne\""))));
        // the reader's counts lead to the session's half-days, not to the sign-in grid it may not open
        mvc.perform(get(base + "/lignes/" + l1).with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Anne"))))
                .andExpect(content().string(not(containsString("/emargement"))))
                .andExpect(content().string(containsString("#demi-journees")));
        mvc.perform(get(base + "/lignes/" + l1).with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/emargement")))
                .andExpect(content().string(containsString("Anne")))
                .andExpect(content().string(containsString("non comptée : annulée")));
        mvc.perform(get(base + "/enveloppes/" + envelope).param("format", "csv").with(user(reader))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(content().string(containsString("Centre social Arras;62;3;5;3;825,56")));

        mvc.perform(post(base + "/enveloppes").with(user(reader)).with(csrf()).param("fundId", String.valueOf(fund))
                .param("year", "2026").param("amount", "100")).andExpect(status().isForbidden());
        String delegue = fixtures.user(federation, FederationRole.DELEGUE);
        mvc.perform(get(base + "/lignes/" + l1).with(user(delegue))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Anne")))
                .andExpect(content().string(not(containsString("id=\"form-session\""))));
        mvc.perform(post(base + "/lignes/" + l1 + "/sessions").with(user(delegue)).with(csrf())
                .param("sessionId", String.valueOf(s1))).andExpect(status().isForbidden());
        mvc.perform(post(base + "/lignes/" + l1 + "/supprimer").with(user(delegue)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(base).with(user(delegue)).with(csrf()).param("name", "Autre").param("kind", "subvention"))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/lignes/" + l1 + "/sessions/" + s1 + "/retirer").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/lignes/" + l1 + "/sessions/" + s1 + "/retirer").with(user(admin)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(funds.line(federation.id(), l1).cents()).isEqualTo(45_000);
        funds.attach(federation.id(), l1, s1);
        mvc.perform(post(base + "/enveloppes").with(user(admin)).with(csrf()).param("fundId", String.valueOf(fund))
                .param("year", "2026").param("amount", "70 700,123").param("levyRate", "5,555").param("levy", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("n&#39;est pas un montant en euros (le montant de l&#39;enveloppe)")))
                .andExpect(content().string(containsString("au plus deux décimales")))
                .andExpect(content().string(containsString("70 700,123")));
        mvc.perform(post(base + "/enveloppes").with(user(admin)).with(csrf()).param("fundId", String.valueOf(fund))
                .param("year", "2026").param("amount", "1000").param("levy", "2000"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("pas plus que le montant")));
        mvc.perform(post(base + "/enveloppes").with(user(admin)).with(csrf()).param("fundId", "99999999999")
                .param("year", "2026").param("amount", "1000")).andExpect(status().isNotFound());
        mvc.perform(post(base + "/enveloppes/" + envelope + "/lignes").with(user(admin)).with(csrf())
                .param("label", "Vide").param("rule", "par_session").param("rate", "0").param("ceiling", "-3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("un montant supérieur à zéro")))
                .andExpect(content().string(containsString("« -3 » n&#39;est pas un montant en euros (le plafond)")));
        mvc.perform(post(base + "/enveloppes/" + envelope + "/lignes").with(user(admin)).with(csrf())
                .param("label", "Inconnue").param("rule", "au_hasard").param("rate", "10"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Choisissez la règle de la ligne")));
        mvc.perform(post(base + "/enveloppes/" + envelope + "/lignes").with(user(admin)).with(csrf())
                .param("label", "Séminaire").param("rule", "par_session").param("rate", "1200"))
                .andExpect(status().is3xxRedirection());
        assertThat(funds.lines(federation.id(), envelope)).hasSize(5);
    }

    @Test
    void aHugeCeilingIsScaledWithoutOverflow() {
        // 50 000 000 000,00 € per session over S1 (A 2 volunteers, B 1), capped at 40 000 000 000,00 €: before the cap
        // A 3 333 333 333 333 and B 1 666 666 666 667 cents (B's remainder is larger); the cap scales them by 4/5:
        // 2 666 666 666 666,4 and 1 333 333 333 333,6 → the cent left goes to B
        long envelope2 = funds.createEnvelope(federation.id(), funds.createFund(federation.id(), "Mécénat", "subvention", null),
                2023, 100_000, null, null, null);
        long line = funds.createLine(federation.id(), envelope2, new NewLine("Très grosse ligne", "par_session",
                5_000_000_000_000L, 4_000_000_000_000L, null));
        funds.attach(federation.id(), line, s1);
        assertThat(funds.byStructure(federation.id(), envelope2, line)).extracting(StructureAllocation::uncappedCents)
                .containsExactly(3_333_333_333_333L, 1_666_666_666_667L);
        assertThat(funds.byStructure(federation.id(), envelope2, line)).extracting(StructureAllocation::cents)
                .containsExactly(2_666_666_666_666L, 1_333_333_333_334L);
        assertThat(funds.line(federation.id(), line).cents()).isEqualTo(4_000_000_000_000L);
    }
}
