package fr.trame.training;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import fr.trame.training.SignInService.EvaluationsRefused;
import fr.trame.training.SignInService.Presence;
import fr.trame.training.SignInService.Results;
import fr.trame.training.SignInService.TypedEvaluation;
import fr.trame.training.TrainingService.HalfDay;
import fr.trame.training.TrainingService.NewCourse;
import fr.trame.training.TrainingService.NewHalfDay;
import fr.trame.training.TrainingService.NewRegistration;
import fr.trame.training.TrainingService.NewSession;
import fr.trame.training.TrainingService.Registration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A hand-made session: 3 people holding a place (Anne Martin and Paul Durand of Lens, Inès Leroy of Douai) and one
 * waiting (Hugo Petit), 4 half-days of 3.5 h on 4 and 5 March 2024. Anne signs all four (14 h), Paul the first three
 * (10.5 h), Inès the first (3.5 h): 3, 2, 2 and 1 present per half-day.
 */
@TrameTest
class SignInEvaluationTest {

    static final LocalDate AFTER = LocalDate.of(2024, 4, 1);

    @Autowired Fixtures fixtures;
    @Autowired TrainingService training;
    @Autowired SignInService signIn;
    @Autowired MockMvc mvc;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired SignInDocuments documents;

    Federation federation;
    long course;
    long session;
    List<HalfDay> halfDays;
    Registration anne;
    Registration paul;
    Registration ines;
    Registration hugo;

    @BeforeEach
    void setUp() {
        federation = fixtures.federation("emargement");
        long lens = fixtures.structure(federation, "Centre social de Lens", "62", null);
        long douai = fixtures.structure(federation, "Centre social de Douai", "59", null);
        course = training.createCourse(federation.id(), new NewCourse("Accueillir les habitants", "mixte",
                "Savoir accueillir et orienter", null, null, new BigDecimal("14"), 0L, "presentiel", false, null));
        long trainer = training.createTrainer(federation.id(), "Claire Formatrice", "interne", null, null);
        session = training.planSession(federation.id(), new NewSession(course, "Maison des associations, Arras", 1, 3, List.of(
                new NewHalfDay(LocalDate.of(2024, 3, 4), "matin", new BigDecimal("3.5")),
                new NewHalfDay(LocalDate.of(2024, 3, 4), "apres_midi", new BigDecimal("3.5")),
                new NewHalfDay(LocalDate.of(2024, 3, 5), "matin", new BigDecimal("3.5")),
                new NewHalfDay(LocalDate.of(2024, 3, 5), "apres_midi", new BigDecimal("3.5"))), List.of(trainer)));
        halfDays = training.halfDays(federation.id(), session);
        anne = register(session, lens, "Martin", "Anne", "salarie");
        paul = register(session, lens, "Durand", "Paul", "benevole");
        ines = register(session, douai, "Leroy", "Inès", "administrateur");
        hugo = register(session, douai, "Petit", "Hugo", "benevole");
        assertThat(hugo.state()).isEqualTo("attente");
    }

    Registration register(long s, long structure, String last, String first, String quality) {
        return training.register(federation.id(), s, new NewRegistration(structure, last, first, null, null, quality,
                "saisie", null, true, null));
    }

    Presence at(Registration r, int halfDay) {
        return new Presence(r.id(), halfDays.get(halfDay).id());
    }

    Set<Presence> theGivenPresences() {
        return Set.of(at(anne, 0), at(anne, 1), at(anne, 2), at(anne, 3), at(paul, 0), at(paul, 1), at(paul, 2), at(ines, 0));
    }

    @Test
    void hoursAttendedAndPresentPerHalfDayComeFromTheSignedHalfDays() {
        signIn.recordAttendance(federation.id(), session, theGivenPresences(), AFTER, null);

        SignInService.Attendance attendance = signIn.attendance(federation.id(), session);
        assertThat(attendance.lines()).extracting(l -> l.registration().lastName()).containsExactly("Martin", "Durand", "Leroy");
        assertThat(attendance.lines()).extracting(SignInService.Line::hours)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("14"), new BigDecimal("10.5"), new BigDecimal("3.5"));
        assertThat(halfDays).extracting(h -> attendance.presentAt(h.id())).containsExactly(3, 2, 2, 1);
        assertThat(attendance.signed()).isTrue();

        // the grid as saved again: Inès unticked, Paul ticked on the last half-day
        Set<Presence> again = new HashSet<>(theGivenPresences());
        again.remove(at(ines, 0));
        again.add(at(paul, 3));
        signIn.recordAttendance(federation.id(), session, again, AFTER, null);
        SignInService.Attendance after = signIn.attendance(federation.id(), session);
        assertThat(halfDays).extracting(h -> after.presentAt(h.id())).containsExactly(2, 2, 2, 2);
        assertThat(signIn.hoursAttended(federation.id(), session).get(ines.id())).isEqualByComparingTo("0");
        assertThat(signIn.hoursAttended(federation.id(), session).get(paul.id())).isEqualByComparingTo("14");
    }

    @Test
    void theGridIsRefusedWholeForAFutureHalfDayAWaitingPersonOrACancelledSession() {
        signIn.recordAttendance(federation.id(), session, Set.of(at(anne, 0)), AFTER, null);

        // on the evening of 4 March, the 5th is still to come
        Set<Presence> withTomorrow = Set.of(at(anne, 0), at(paul, 0), at(paul, 2));
        assertThatThrownBy(() -> signIn.recordAttendance(federation.id(), session, withTomorrow, LocalDate.of(2024, 3, 4), null))
                .isInstanceOf(Refused.class).hasMessageContaining("05/03/2024 (matin) n'a pas encore eu lieu");
        Set<Presence> withHugo = Set.of(at(paul, 0), at(hugo, 0));
        assertThatThrownBy(() -> signIn.recordAttendance(federation.id(), session, withHugo, AFTER, null))
                .isInstanceOf(Refused.class).hasMessageContaining("Hugo Petit est sur la liste d'attente");
        // nothing of either grid was saved
        assertThat(signIn.presences(federation.id(), session)).containsExactly(at(anne, 0));

        // another federation's session, another session's registration or half-day: not found
        Federation other = fixtures.federation("autre");
        assertThatThrownBy(() -> signIn.recordAttendance(other.id(), session, Set.of(), AFTER, null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> signIn.attendance(other.id(), session)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> signIn.certificate(other.id(), anne.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> signIn.evaluations(other.id(), session)).isInstanceOf(NotFound.class);
        long second = secondSession();
        Registration elsewhere = register(second, fixtures.structure(federation, "CS Béthune", "62", null), "Roux", "Léa", "salarie");
        assertThatThrownBy(() -> signIn.recordAttendance(federation.id(), session, Set.of(new Presence(elsewhere.id(),
                halfDays.get(0).id())), AFTER, null)).isInstanceOf(NotFound.class);
        long otherHalfDay = training.halfDays(federation.id(), second).get(0).id();
        assertThatThrownBy(() -> signIn.recordAttendance(federation.id(), session, Set.of(new Presence(anne.id(), otherHalfDay)),
                AFTER, null)).isInstanceOf(NotFound.class);

        training.cancel(federation.id(), session, "autre", null, AFTER);
        assertThatThrownBy(() -> signIn.recordAttendance(federation.id(), session, Set.of(at(anne, 1)), AFTER, null))
                .isInstanceOf(Refused.class).hasMessageContaining("annulée");
    }

    long secondSession() {
        return training.planSession(federation.id(), new NewSession(course, "Lille", 1, 10, List.of(
                new NewHalfDay(LocalDate.of(2024, 6, 10), "matin", new BigDecimal("3"))), List.of()));
    }

    @Test
    void theResultsAreTheMeansAndTheRateWorkedOutByHand() {
        // the satisfaction counts only the answers of people present at one half-day at least (training_satisfactions)
        signIn.recordAttendance(federation.id(), session, Set.of(at(anne, 0), at(paul, 0), at(ines, 0)), AFTER, null);
        signIn.saveEvaluations(federation.id(), session, List.of(
                new TypedEvaluation(anne.id(), "1", "3", "5", "Très utile"),
                new TypedEvaluation(paul.id(), " 2 ", "4", "3", ""),
                new TypedEvaluation(ines.id(), "2", "", "4", null)));
        // positioning (1+2+2)/3 = 1.67; acquired (3+4)/2 = 3.5; progression over Anne and Paul ((3−1)+(4−2))/2 = 2;
        // satisfaction (5+3+4)/3 = 4; satisfied (4 or 5): Anne and Inès, 2 of 3 = 66.7 %
        Results s = signIn.ofSession(federation.id(), session);
        assertThat(s.evaluated()).isEqualTo(3);
        assertThat(s.meanPositioning()).isEqualByComparingTo("1.67");
        assertThat(s.meanAcquired()).isEqualByComparingTo("3.5");
        assertThat(s.progression()).isEqualByComparingTo("2");
        assertThat(s.meanSatisfaction()).isEqualByComparingTo("4");
        assertThat(s.answered()).isEqualTo(3);
        assertThat(s.satisfied()).isEqualTo(2);
        assertThat(s.satisfactionRate()).isEqualByComparingTo("66.7");
        assertThat(signIn.evaluations(federation.id(), session)).extracting(SignInService.Evaluation::comment)
                .containsExactly("Très utile", null, null);

        // a second session of the course, in June: Léa positions 3, acquires 4, satisfaction 2
        long second = secondSession();
        Registration lea = register(second, fixtures.structure(federation, "CS Béthune", "62", null), "Roux", "Léa", "salarie");
        long june = training.halfDays(federation.id(), second).get(0).id();
        signIn.recordAttendance(federation.id(), second, Set.of(new Presence(lea.id(), june)), LocalDate.of(2024, 7, 1), null);
        signIn.saveEvaluations(federation.id(), second, List.of(new TypedEvaluation(lea.id(), "3", "4", "2", "")));
        // course: positioning (1+2+2+3)/4 = 2; acquired (3+4+4)/3 = 3.67; progression (2+2+1)/3 = 1.67;
        // satisfaction (5+3+4+2)/4 = 3.5; satisfied 2 of 4 = 50 %
        Results c = signIn.ofCourse(federation.id(), course);
        assertThat(c.sessions()).isEqualTo(2);
        assertThat(c.evaluated()).isEqualTo(4);
        assertThat(c.meanPositioning()).isEqualByComparingTo("2");
        assertThat(c.meanAcquired()).isEqualByComparingTo("3.67");
        assertThat(c.progression()).isEqualByComparingTo("1.67");
        assertThat(c.meanSatisfaction()).isEqualByComparingTo("3.5");
        assertThat(c.satisfied()).isEqualTo(2);
        assertThat(c.answered()).isEqualTo(4);
        assertThat(c.satisfactionRate()).isEqualByComparingTo("50");
        assertThat(signIn.byCourse(federation.id(), 2024)).singleElement().satisfies(r ->
                assertThat(r.satisfactionRate()).isEqualByComparingTo("50"));
        assertThat(signIn.bySession(federation.id(), 2024)).extracting(Results::key).containsExactly(session, second);
        assertThat(signIn.bySession(federation.id(), 2023)).isEmpty();

        // Léa's presence removed: her evaluation stays, her satisfaction no longer counts (nobody present answered)
        signIn.recordAttendance(federation.id(), second, Set.of(), LocalDate.of(2024, 7, 1), null);
        Results absent = signIn.ofSession(federation.id(), second);
        assertThat(absent.evaluated()).isEqualTo(1);
        assertThat(absent.meanPositioning()).isEqualByComparingTo("3");
        assertThat(absent.answered()).isZero();
        assertThat(absent.meanSatisfaction()).isNull();
        assertThat(absent.satisfactionRate()).isNull();

        // a row left blank removes the evaluation
        signIn.saveEvaluations(federation.id(), second, List.of(new TypedEvaluation(lea.id(), "", "", "", " ")));
        assertThat(signIn.ofSession(federation.id(), second).evaluated()).isZero();
        assertThat(signIn.ofSession(federation.id(), second).satisfactionRate()).isNull();
    }

    @Test
    void aBadScoreRefusesTheWholeFormNamingThePersonAndTheQuestion() {
        assertThatThrownBy(() -> signIn.saveEvaluations(federation.id(), session, List.of(
                new TypedEvaluation(anne.id(), "7", "3", "5", ""),
                new TypedEvaluation(paul.id(), "2", "5", "trop", ""),
                new TypedEvaluation(ines.id(), "2", "3", "4", ""))))
                .isInstanceOfSatisfying(EvaluationsRefused.class, e -> {
                    assertThat(e.fields()).containsOnlyKeys("positioning-" + anne.id(), "acquired-" + paul.id(),
                            "satisfaction-" + paul.id());
                    assertThat(e.fields().get("positioning-" + anne.id()))
                            .isEqualTo("Anne Martin, positionnement avant la formation : une note de 1 à 4 est attendue, pas « 7 ».");
                    assertThat(e.fields().get("satisfaction-" + paul.id())).contains("Paul Durand", "de 1 à 5", "« trop »");
                });
        // Inès's valid row was not saved either
        assertThat(signIn.ofSession(federation.id(), session).evaluated()).isZero();
        assertThatThrownBy(() -> signIn.saveEvaluations(federation.id(), session, List.of(
                new TypedEvaluation(hugo.id(), "2", "3", "4", "")))).isInstanceOf(Refused.class).hasMessageContaining("Hugo Petit");
        assertThatThrownBy(() -> signIn.saveEvaluations(federation.id(), session, List.of(
                new TypedEvaluation(anne.id(), "0", "", "", "")))).isInstanceOf(EvaluationsRefused.class);
        Federation other = fixtures.federation("autre");
        assertThatThrownBy(() -> signIn.saveEvaluations(other.id(), session, List.of())).isInstanceOf(NotFound.class);
    }

    @Test
    void theSheetAndTheCertificatesPrintTheNamesAndTheHours() throws Exception {
        signIn.recordAttendance(federation.id(), session, theGivenPresences(), AFTER, null);
        String admin = fixtures.user(federation, FederationRole.ADMIN);
        String delegue = fixtures.user(federation, FederationRole.DELEGUE);
        String reader = fixtures.user(federation, FederationRole.READER);
        String base = "/f/" + federation.code() + "/formation";

        byte[] sheet = mvc.perform(get(base + "/sessions/" + session + "/emargement.pdf").with(user(delegue)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument pdf = Loader.loadPDF(sheet)) {
            String text = text(pdf);
            assertThat(text).contains(federation.name(), "Feuille d'émargement", "Accueillir les habitants",
                    "Maison des associations, Arras", "Claire Formatrice", "MARTIN Anne", "DURAND Paul", "LEROY Inès",
                    "Centre social de Lens", "Centre social de Douai", "Salarié·e", "Administrateur·rice",
                    "04/03/2024", "05/03/2024", "Matin", "Après-midi", "Signature du formateur");
            assertThat(text).doesNotContain("Petit");
            // four half-days: upright
            PDRectangle page = pdf.getPage(0).getMediaBox();
            assertThat(page.getHeight()).isGreaterThan(page.getWidth());
        }

        byte[] one = mvc.perform(get(base + "/inscriptions/" + paul.id() + "/attestation.pdf").with(user(admin)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument pdf = Loader.loadPDF(one)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(lines(pdf)).contains("Attestation d'assiduité", "Paul Durand", "Centre social de Lens",
                    "Savoir accueillir et orienter", "du 04/03/2024 au 05/03/2024", "10,50 h sur 14,00 h",
                    "3 demi-journée(s)", "05/03/2024, matin (3,50 h)", "la direction").doesNotContain("05/03/2024, après-midi");
        }
        byte[] all = mvc.perform(get(base + "/sessions/" + session + "/attestations.pdf").with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument pdf = Loader.loadPDF(all)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            assertThat(lines(pdf)).contains("Anne Martin", "14,00 h sur 14,00 h", "Inès Leroy", "3,50 h sur 14,00 h");
        }

        // never present, never a certificate: Hugo waited
        mvc.perform(get(base + "/inscriptions/" + hugo.id() + "/attestation.pdf").with(user(admin)))
                .andExpect(status().isBadRequest()).andExpect(status().reason(containsString(
                        "Hugo Petit n'a signé aucune demi-journée")));
        // a reader sees no names; another federation's direction finds nothing
        mvc.perform(get(base + "/sessions/" + session + "/emargement.pdf").with(user(reader))).andExpect(status().isForbidden());
        mvc.perform(get(base + "/inscriptions/" + anne.id() + "/attestation.pdf").with(user(reader))).andExpect(status().isForbidden());
        mvc.perform(get(base + "/sessions/" + session + "/emargement").with(user(reader))).andExpect(status().isForbidden());
        Federation other = fixtures.federation("autre");
        String stranger = fixtures.user(other, FederationRole.ADMIN);
        String elsewhere = "/f/" + other.code() + "/formation";
        mvc.perform(get(elsewhere + "/sessions/" + session + "/emargement.pdf").with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(get(elsewhere + "/inscriptions/" + anne.id() + "/attestation.pdf").with(user(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(post(elsewhere + "/sessions/" + session + "/emargement").with(user(stranger)).with(csrf())
                .param("present", anne.id() + "-" + halfDays.get(0).id())).andExpect(status().isNotFound());
    }

    @Test
    void aLongSessionPrintsItsSheetInLandscapeOnSeveralPagesWithEveryName() throws Exception {
        List<NewHalfDay> ten = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            ten.add(new NewHalfDay(LocalDate.of(2024, 9, 2 + d), "matin", new BigDecimal("3")));
            ten.add(new NewHalfDay(LocalDate.of(2024, 9, 2 + d), "apres_midi", new BigDecimal("3")));
        }
        long week = training.planSession(federation.id(), new NewSession(course, "Lille", 1, 5, ten, List.of()));
        register(week, fixtures.structure(federation, "CS Roubaix", "59", null), "Roux", "Léa", "salarie");
        try (PDDocument pdf = Loader.loadPDF(documents.sheet(federation.id(), federation.name(), week))) {
            // ten half-days, eight a page: two landscape pages, Léa on each
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            PDRectangle page = pdf.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isGreaterThan(page.getHeight());
            assertThat(text(pdf).split("ROUX Léa", -1)).hasSize(3);
            assertThat(text(pdf)).contains("06/09/2024", "(1 / 2)", "(2 / 2)");
        }
    }

    @Test
    void onlyTheDirectionRecordsAndTheGridKeepsWhatWasTickedWhenRefused() throws Exception {
        String admin = fixtures.user(federation, FederationRole.ADMIN);
        String delegue = fixtures.user(federation, FederationRole.DELEGUE);
        String reader = fixtures.user(federation, FederationRole.READER);
        String grid = "/f/" + federation.code() + "/formation/sessions/" + session + "/emargement";
        String cell = anne.id() + "-" + halfDays.get(0).id();

        mvc.perform(post(grid).with(user(delegue)).with(csrf()).param("present", cell)).andExpect(status().isForbidden());
        mvc.perform(post(grid).with(user(reader)).with(csrf()).param("present", cell)).andExpect(status().isForbidden());
        mvc.perform(get(grid).with(user(delegue))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Anne Martin")));
        mvc.perform(post(grid).with(user(admin)).with(csrf()).param("present", cell, paul.id() + "-" + halfDays.get(1).id()))
                .andExpect(status().is3xxRedirection());
        assertThat(signIn.presences(federation.id(), session)).hasSize(2);
        mvc.perform(post(grid).with(user(admin)).with(csrf()).param("present", cell, hugo.id() + "-" + halfDays.get(1).id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hugo Petit est sur la liste d")));
        assertThat(signIn.presences(federation.id(), session)).hasSize(2);
        mvc.perform(post(grid).with(user(admin)).with(csrf()).param("present", "1-x")).andExpect(status().isNotFound());

        String evaluations = "/f/" + federation.code() + "/formation/sessions/" + session + "/evaluations";
        mvc.perform(post(evaluations).with(user(admin)).with(csrf())
                        .param("registration", String.valueOf(anne.id())).param("positioning", "9")
                        .param("acquired", "").param("satisfaction", "4").param("comment", "Bien"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Anne Martin, positionnement avant la formation : une note de 1 à 4")))
                .andExpect(content().string(containsString("value=\"9\"")));
        mvc.perform(post(evaluations).with(user(delegue)).with(csrf())
                .param("registration", String.valueOf(anne.id())).param("positioning", "2")).andExpect(status().isForbidden());
        // the reader reads the results, not the names
        mvc.perform(get(evaluations).with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Anne Martin"))));
        mvc.perform(get("/f/" + federation.code() + "/formation/evaluations").param("annee", "2024").with(user(reader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Accueillir les habitants")));
    }

    @Test
    void aDelegueReadsTheGridAndTheEvaluationsWithoutAFormAndAReaderGetsPlainCounts() throws Exception {
        String admin = fixtures.user(federation, FederationRole.ADMIN);
        String delegue = fixtures.user(federation, FederationRole.DELEGUE);
        String reader = fixtures.user(federation, FederationRole.READER);
        String page = "/f/" + federation.code() + "/formation/sessions/" + session;
        // nobody signed yet: no attestation offered, neither the session's nor a person's
        mvc.perform(get(page).with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("attestations.pdf"))))
                .andExpect(content().string(not(containsString("attestation.pdf"))));
        signIn.recordAttendance(federation.id(), session, Set.of(at(anne, 0), at(anne, 1)), AFTER, null);
        mvc.perform(get(page).with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("attestations.pdf")))
                .andExpect(content().string(containsString("inscriptions/" + anne.id() + "/attestation.pdf")))
                .andExpect(content().string(not(containsString("inscriptions/" + paul.id() + "/attestation.pdf"))));
        // the reader reads how many signed, without a link to the grid it may not open
        mvc.perform(get(page).with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"signees-" + halfDays.get(0).id() + "\"><span>1</span>")))
                .andExpect(content().string(not(containsString("/emargement\""))));
        mvc.perform(get(page).with(user(delegue))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/emargement\"")));

        mvc.perform(get(page + "/emargement").with(user(delegue))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Anne Martin")))
                .andExpect(content().string(containsString("Lecture seule")))
                .andExpect(content().string(not(containsString("<form method=\"post\" action=\"" + page + "/emargement"))))
                .andExpect(content().string(not(containsString("grille-form"))))
                .andExpect(content().string(not(containsString("Enregistrer"))))
                .andExpect(content().string(not(containsString("name=\"present\""))));
        mvc.perform(get(page + "/emargement").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("grille-form")))
                .andExpect(content().string(containsString("Enregistrer l'émargement")));
        mvc.perform(get(page + "/evaluations").with(user(delegue))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Anne Martin")))
                .andExpect(content().string(not(containsString("evaluations-form"))))
                .andExpect(content().string(not(containsString("name=\"positioning\""))))
                .andExpect(content().string(not(containsString("Enregistrer"))));
        mvc.perform(get(page + "/evaluations").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("evaluations-form")))
                .andExpect(content().string(containsString("Enregistrer les évaluations")));
    }

    /** The text in the order it was drawn (a table's cells one after the other). */
    static String text(PDDocument pdf) throws IOException {
        return new PDFTextStripper().getText(pdf).replaceAll("[\\s\u00a0\u202f]+", " ");
    }

    /** The text line by line down the page (a paragraph's parts in their order). */
    static String lines(PDDocument pdf) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper.getText(pdf).replaceAll("[\\s\u00a0\u202f]+", " ");
    }

    @Test
    void whoSignedCannotBeCancelledAndNobodyWaitingIsMovedIntoAHeldSession() {
        signIn.recordAttendance(federation.id(), session, Set.of(at(anne, 0), at(ines, 0)), AFTER, null);

        assertThatThrownBy(() -> training.cancelRegistration(federation.id(), anne.id(), null)).isInstanceOf(Refused.class)
                .hasMessageContaining("Anne Martin a déjà signé");
        assertThat(training.registration(federation.id(), anne.id()).state()).isEqualTo("inscrit");
        assertThat(signIn.presences(federation.id(), session)).hasSize(2);

        // Paul signed nothing: his place is withdrawn, but the session was held, so Hugo stays where he is
        assertThat(training.cancelRegistration(federation.id(), paul.id(), null)).isEmpty();
        assertThat(training.registration(federation.id(), paul.id()).state()).isEqualTo("annule");
        assertThat(training.registration(federation.id(), hugo.id()).state()).isEqualTo("attente");
    }

    @Test
    void attendanceSentWhileTheSessionIsBeingCancelledIsRefused() throws Exception {
        List<Future<Object>> sent = SessionLock.whileLocked(tx, jdbc, federation.id(), session,
                () -> training.cancel(federation.id(), session, "effectif_insuffisant", null, AFTER),
                List.of(() -> {
                    signIn.recordAttendance(federation.id(), session, Set.of(at(anne, 0)), AFTER, null);
                    return null;
                }));

        assertThatThrownBy(() -> sent.get(0).get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(Refused.class).hasMessageContaining("annulée");
        assertThat(signIn.presences(federation.id(), session)).isEmpty();
    }
}
