package fr.trame.training;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import fr.trame.training.QualiopiEvidence.Figures;
import fr.trame.training.QualiopiEvidence.IndicatorEvidence;
import fr.trame.training.QualiopiEvidence.Period;
import fr.trame.training.QualiopiLists.Complaints;
import fr.trame.training.QualiopiLists.Courses;
import fr.trame.training.QualiopiLists.Improvements;
import fr.trame.training.QualiopiLists.Registrations;
import fr.trame.training.QualiopiLists.Sessions;
import fr.trame.training.QualiopiLists.Trainers;
import fr.trame.training.QualiopiRecords.NewComplaint;
import fr.trame.training.QualiopiRecords.NewImprovement;
import fr.trame.training.QualiopiRecords.NewNeeds;
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
 * The Qualiopi evidence of a hand-made year 2025, seen on 15/01/2026.
 * <ul>
 * <li>Courses: C1 complete; C2 objectives only, remote; C3 custom for Lens, programme only; C4 archived, empty;
 * C5 in the catalogue, empty, never given.</li>
 * <li>S1 (C1, 10/03/2025, two half-days, Alice): Anne and Paul of Lens present twice, Inès of Douai once, Zoé of the
 * federation twice; Hugo waiting. Evaluations: Anne 2/3/5, Paul 1/2/3, Inès satisfaction 4. Needs: Anne (with an
 * adaptation), Paul.</li>
 * <li>S2 (C2, three days 02–04/06/2025, one half-day each, Bruno external, no place): Eva present thrice (2/4/4),
 * Fred once.</li>
 * <li>S3 (C3, 15/09/2025, no place, no trainer, nobody signed); S4 (C1, 05/11/2025) cancelled, Carla named for it;
 * S5 (C1, 10/12/2024) and S6 (C1, 01/02/2026) outside the year.</li>
 * <li>Complaints: K1 20/03 answered 28/03; K5 02/05 answered 20/06; K2 20/11 unanswered (56 days); K3 30/12 in
 * progress; K4 01/12/2024. Improvements: I1 on K1 done, I2 evaluations in progress, I3 watch planned, I4 in 2024.</li>
 * </ul>
 * Another federation has a session, a trainee signed and a late complaint of its own in March 2025.
 */
@TrameTest
class QualiopiEvidenceTest {

    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    static final Period YEAR = Period.year(2025);

    @Autowired Fixtures fixtures;
    @Autowired TrainingService training;
    @Autowired QualiopiEvidence evidence;
    @Autowired QualiopiRecords records;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    Federation federation;
    Federation other;
    long lens;
    long douai;
    long c3;
    long s1;
    long s2;
    long s3;
    long anne;
    long k1;
    long k2;
    long otherRegistration;
    long otherComplaint;
    long otherSession;

    @BeforeEach
    void setUp() {
        federation = fixtures.federation("qualiopi");
        lens = fixtures.structure(federation, "Centre social de Lens", "62", null);
        douai = fixtures.structure(federation, "Centre social de Douai", "59", null);
        long f = federation.id();
        long alice = training.createTrainer(f, "Alice Formatrice", "interne", null, null);
        long bruno = training.createTrainer(f, "Bruno Consultant", "externe", "Cabinet B", null);
        long carla = training.createTrainer(f, "Carla Animatrice", "interne", null, null);
        long c1 = course("Accueillir le public", "Savoir accueillir", "Accueil, écoute, orientation", "Aucun", "presentiel",
                false, null);
        long c2 = course("La fonction employeur", "Connaître ses obligations", null, null, "distanciel", false, null);
        c3 = course("Projet social de Lens", null, "Atelier sur le projet social", null, "presentiel", true, lens);
        long c4 = course("Ancienne formation", null, null, null, "presentiel", false, null);
        jdbc.sql("update training_courses set archived = true where federation_id = ? and id = ?").params(f, c4).update();
        course("Gouvernance associative", null, null, null, "presentiel", false, null);

        s1 = session(c1, "Lille", 4, List.of(alice), half(2025, 3, 10, "matin"), half(2025, 3, 10, "apres_midi"));
        s2 = session(c2, null, 10, List.of(bruno), half(2025, 6, 2, "matin"), half(2025, 6, 3, "matin"),
                half(2025, 6, 4, "matin"));
        s3 = session(c3, null, 10, List.of(), half(2025, 9, 15, "matin"));
        long s4 = session(c1, "Arras", 10, List.of(carla), half(2025, 11, 5, "matin"));
        long s5 = session(c1, "Lille", 10, List.of(alice), half(2024, 12, 10, "matin"));
        long s6 = session(c1, "Lille", 10, List.of(alice), half(2026, 2, 1, "matin"));

        anne = register(s1, lens, "Martin", "Anne");
        long paul = register(s1, lens, "Durand", "Paul");
        long ines = register(s1, douai, "Leroy", "Inès");
        long zoe = register(s1, null, "Fédé", "Zoé");
        assertThat(training.registration(f, register(s1, douai, "Petit", "Hugo")).state()).isEqualTo("attente");
        present(anne, s1, 0, 1);
        present(paul, s1, 0, 1);
        present(ines, s1, 0);
        present(zoe, s1, 0, 1);
        evaluate(anne, 2, 3, 5);
        evaluate(paul, 1, 2, 3);
        evaluate(ines, null, null, 4);
        records.saveNeedsOfRegistration(f, anne, new NewNeeds("Mieux orienter les familles", "debutant", null,
                "Documents en gros caractères", LocalDate.of(2025, 2, 20)), null);
        records.saveNeedsOfRegistration(f, paul, new NewNeeds("Accueillir au téléphone", "confirme", "Le lundi", null,
                LocalDate.of(2025, 2, 21)), null);

        long eva = register(s2, lens, "Roux", "Eva");
        long fred = register(s2, douai, "Caron", "Fred");
        present(eva, s2, 0, 1, 2);
        present(fred, s2, 0);
        evaluate(eva, 2, 4, 4);

        register(s3, lens, "Blanc", "Gaël");
        register(s4, douai, "Noir", "Hélène");
        training.cancel(f, s4, "effectif_insuffisant", null, LocalDate.of(2025, 10, 20));
        long old = register(s5, lens, "Vieux", "Yves");
        present(old, s5, 0);
        evaluate(old, 1, 1, 1);
        register(s6, lens, "Futur", "Ugo");

        k1 = complaint(LocalDate.of(2025, 3, 20), s1, "traitee", "Nous avons changé de salle.", LocalDate.of(2025, 3, 28));
        complaint(LocalDate.of(2025, 5, 2), null, "traitee", "Le support vous a été envoyé.", LocalDate.of(2025, 6, 20));
        k2 = complaint(LocalDate.of(2025, 11, 20), null, "recue", null, null);
        complaint(LocalDate.of(2025, 12, 30), null, "en_cours", null, null);
        complaint(LocalDate.of(2024, 12, 1), null, "traitee", "Réponse faite.", LocalDate.of(2024, 12, 5));
        records.createImprovement(f, new NewImprovement(LocalDate.of(2025, 4, 1), "reclamation", k1, c1, "Salle trop petite",
                "Réserver la grande salle", "realisee", LocalDate.of(2025, 5, 1)), null);
        records.createImprovement(f, new NewImprovement(LocalDate.of(2025, 7, 1), "evaluation", null, c2, null,
                "Raccourcir les séquences à distance", "en_cours", null), null);
        records.createImprovement(f, new NewImprovement(LocalDate.of(2025, 10, 1), "veille", null, null, null,
                "Intégrer la réforme du bénévolat", "prevue", null), null);
        records.createImprovement(f, new NewImprovement(LocalDate.of(2024, 6, 1), "conseil_pedagogique", null, null, null,
                "Revoir le questionnaire", "prevue", null), null);

        other = fixtures.federation("autre");
        long otherStructure = fixtures.structure(other, "Centre d'ailleurs", "80", null);
        long otherCourse = training.createCourse(other.id(), new NewCourse("Accueillir le public", "mixte", "Objectifs", "Programme",
                "Aucun", new BigDecimal("7"), null, "presentiel", false, null));
        otherSession = training.planSession(other.id(), new NewSession(otherCourse, "Amiens", 1, 10,
                List.of(half(2025, 3, 10, "matin")), List.of()));
        otherRegistration = training.register(other.id(), otherSession, new NewRegistration(otherStructure, "Autre", "Alain",
                null, null, "salarie", "saisie", null, false, null)).id();
        jdbc.sql("""
                insert into training_presences (federation_id, registration_id, half_day_id)
                select ?, ?, id from training_half_days where federation_id = ? and session_id = ?""")
                .params(other.id(), otherRegistration, other.id(), otherSession).update();
        otherComplaint = records.createComplaint(other.id(), new NewComplaint(LocalDate.of(2025, 3, 1), otherStructure,
                otherSession, null, "courriel", "Ailleurs", null, "recue", null, null, null), null);
    }

    long course(String title, String objectives, String content, String prerequisites, String modality, boolean custom,
                Long requestedBy) {
        return training.createCourse(federation.id(), new NewCourse(title, "mixte", objectives, prerequisites, content,
                new BigDecimal("7"), null, modality, custom, requestedBy));
    }

    static NewHalfDay half(int year, int month, int day, String period) {
        return new NewHalfDay(LocalDate.of(year, month, day), period, new BigDecimal("3.5"));
    }

    long session(long course, String place, int max, List<Long> trainers, NewHalfDay... halfDays) {
        return training.planSession(federation.id(), new NewSession(course, place, 0, max, List.of(halfDays), trainers));
    }

    long register(long session, Long structure, String last, String first) {
        return training.register(federation.id(), session, new NewRegistration(structure, last, first, null, null,
                "benevole", "saisie", null, false, null)).id();
    }

    /** Signs the registration present at the session's half-days of these ranks (0 the first). */
    void present(long registration, long session, int... ranks) {
        List<TrainingService.HalfDay> halfDays = training.halfDays(federation.id(), session);
        for (int rank : ranks) {
            jdbc.sql("insert into training_presences (federation_id, registration_id, half_day_id) values (?, ?, ?)")
                    .params(federation.id(), registration, halfDays.get(rank).id()).update();
        }
    }

    void evaluate(long registration, Integer positioning, Integer acquired, Integer satisfaction) {
        jdbc.sql("""
                insert into training_evaluations (federation_id, registration_id, positioning, acquired, satisfaction)
                values (?, ?, ?, ?, ?)""").params(federation.id(), registration, positioning, acquired, satisfaction).update();
    }

    long complaint(LocalDate received, Long session, String status, String response, LocalDate handled) {
        return records.createComplaint(federation.id(), new NewComplaint(received, null, session, "Un stagiaire", "courriel",
                "Réclamation du " + received, null, status, response, handled, null), null);
    }

    @Test
    void theYearsCountsAreThoseWorkedOutByHand() {
        Figures f = evidence.figures(federation.id(), YEAR, TODAY);
        // sessions S1 to S4 start in 2025; S4 is cancelled; S3 is past and unsigned
        assertThat(f.count(Sessions.PERIODE)).isEqualTo(4);
        assertThat(f.count(Sessions.MAINTENUES)).isEqualTo(3);
        assertThat(f.count(Sessions.TENUES)).isEqualTo(2);
        assertThat(f.count(Sessions.ANNULEES)).isEqualTo(1);
        assertThat(f.count(Sessions.SANS_EMARGEMENT)).isEqualTo(1);
        assertThat(f.count(Sessions.SANS_SATISFACTION)).isZero();
        assertThat(f.count(Sessions.SANS_FORMATEUR)).isEqualTo(1);
        assertThat(f.count(Sessions.SANS_LIEU)).isEqualTo(1); // S3; S2 is remote
        assertThat(f.count(Sessions.LONGUES)).isEqualTo(1);
        assertThat(f.count(Sessions.SOUS_TRAITEES)).isEqualTo(1);
        // Anne, Paul, Inès, Zoé, Eva, Fred, Gaël have a place; Hugo waits, Hélène's session is cancelled
        assertThat(f.count(Registrations.CONVOQUEES)).isEqualTo(7);
        assertThat(f.count(Registrations.FORMEES)).isEqualTo(6);
        assertThat(f.count(Registrations.ACHEVEES)).isEqualTo(4); // not Inès (1/2) nor Fred (1/3)
        assertThat(f.count(Registrations.POSITIONNEES)).isEqualTo(3);
        assertThat(f.count(Registrations.EVALUEES)).isEqualTo(3);
        assertThat(f.count(Registrations.ACQUIS)).isEqualTo(2); // Anne 3, Eva 4; Paul 2
        assertThat(f.count(Registrations.SATISFACTION)).isEqualTo(4);
        assertThat(f.count(Registrations.SATISFAITES)).isEqualTo(3); // 5, 4, 4; Paul 3
        assertThat(f.count(Registrations.BESOINS)).isEqualTo(2);
        assertThat(f.count(Registrations.SANS_BESOINS)).isEqualTo(5);
        assertThat(f.count(Registrations.ADAPTATIONS)).isEqualTo(1);
        assertThat(f.count(Registrations.EQUIPE)).isEqualTo(1);
        assertThat(f.count(Registrations.LONGUES)).isEqualTo(2);
        assertThat(f.count(Registrations.INTERROMPUES)).isEqualTo(1);
        assertThat(f.rate("satisfaction_rate")).isEqualByComparingTo("75.0"); // 3 / 4
        assertThat(f.rate("satisfaction_mean")).isEqualByComparingTo("4.0"); // (5 + 3 + 4 + 4) / 4
        assertThat(f.rate("completion_rate")).isEqualByComparingTo("66.7"); // 4 / 6
        assertThat(f.rate("acquisition_rate")).isEqualByComparingTo("66.7"); // 2 / 3
        assertThat(f.rate("collection_rate")).isEqualByComparingTo("66.7"); // 4 / 6
        assertThat(f.rate("needs_rate")).isEqualByComparingTo("28.6"); // 2 / 7
        // courses: C1, C2, C5 published; C1 alone complete; C1, C2, C3 given in 2025
        assertThat(f.count(Courses.CATALOGUE)).isEqualTo(3);
        assertThat(f.count(Courses.FICHES_COMPLETES)).isEqualTo(1);
        assertThat(f.count(Courses.FICHES_INCOMPLETES)).isEqualTo(2);
        assertThat(f.count(Courses.DONNEES)).isEqualTo(3);
        assertThat(f.count(Courses.AVEC_OBJECTIFS)).isEqualTo(2);
        assertThat(f.count(Courses.SANS_OBJECTIFS)).isEqualTo(2); // C3 given, C5 published; not the archived C4
        assertThat(f.count(Courses.SANS_PROGRAMME)).isEqualTo(2); // C2, C5
        assertThat(f.count(Courses.A_DISTANCE)).isEqualTo(1);
        assertThat(f.count(Courses.SUR_MESURE_SANS_BESOINS)).isEqualTo(1);
        // Carla is only named for the cancelled session
        assertThat(f.count(Trainers.PERIODE)).isEqualTo(2);
        assertThat(f.count(Trainers.EXTERNES)).isEqualTo(1);
        // complaints K1, K5 answered (8 and 49 days), K2 unanswered for 56 days, K3 received 16 days ago
        assertThat(f.count(Complaints.RECUES)).isEqualTo(4);
        assertThat(f.count(Complaints.TRAITEES)).isEqualTo(2);
        assertThat(f.count(Complaints.OUVERTES)).isEqualTo(2);
        assertThat(f.count(Complaints.EN_RETARD)).isEqualTo(1);
        assertThat(f.count(Complaints.DANS_LES_DELAIS)).isEqualTo(1);
        assertThat(f.count(Complaints.SUIVIES)).isEqualTo(1);
        assertThat(f.rate("answer_days")).isEqualByComparingTo("28.5");
        assertThat(f.count(Improvements.TOUTES)).isEqualTo(3);
        assertThat(f.count(Improvements.REALISEES)).isEqualTo(1);
        assertThat(f.count(Improvements.VEILLE)).isEqualTo(1);
        assertThat(f.count(Improvements.RECLAMATION)).isEqualTo(1);
    }

    @Test
    void theListsAreTheRecordsTheFiguresCount() {
        assertThat(evidence.registrations(federation.id(), YEAR, TODAY, Registrations.ACHEVEES))
                .extracting(QualiopiEvidence.RegistrationRow::firstName).containsExactly("Paul", "Zoé", "Anne", "Eva");
        assertThat(evidence.registrations(federation.id(), YEAR, TODAY, Registrations.ADAPTATIONS))
                .extracting(QualiopiEvidence.RegistrationRow::adaptation).containsExactly("Documents en gros caractères");
        assertThat(evidence.sessions(federation.id(), YEAR, TODAY, Sessions.SANS_EMARGEMENT))
                .extracting(QualiopiEvidence.SessionRow::id).containsExactly(s3);
        assertThat(evidence.courses(federation.id(), YEAR, TODAY, Courses.SANS_OBJECTIFS))
                .extracting(QualiopiEvidence.CourseRow::title).containsExactly("Gouvernance associative", "Projet social de Lens");
        assertThat(evidence.trainers(federation.id(), YEAR, TODAY, Trainers.PERIODE))
                .extracting(QualiopiEvidence.TrainerRow::name).containsExactly("Alice Formatrice", "Bruno Consultant");
        for (Sessions list : Sessions.values()) {
            assertThat(evidence.sessions(federation.id(), YEAR, TODAY, list)).as(list.slug())
                    .hasSize((int) evidence.figures(federation.id(), YEAR, TODAY).count(list));
        }
        for (Registrations list : Registrations.values()) {
            assertThat(evidence.registrations(federation.id(), YEAR, TODAY, list)).as(list.slug())
                    .hasSize((int) evidence.figures(federation.id(), YEAR, TODAY).count(list));
        }
    }

    @Test
    void anUnansweredComplaintIsFlaggedOnIndicator31() {
        List<IndicatorEvidence> indicators = evidence.indicators(federation.id(), YEAR, TODAY);
        assertThat(indicators).hasSize(32);
        IndicatorEvidence i31 = indicators.get(30);
        assertThat(i31.indicator().number()).isEqualTo(31);
        assertThat(i31.evidence()).extracting(QualiopiEvidence.Evidence::figure).containsExactly("4", "2", "2", "1");
        assertThat(i31.evidence().get(1).text()).contains("28,5 jour(s)");
        assertThat(i31.missing()).singleElement().satisfies(m -> {
            assertThat(m.count()).isEqualTo(1);
            assertThat(m.href()).isEqualTo("/formation/reclamations?liste=en-retard");
        });
        assertThat(records.complaints(federation.id(), YEAR, TODAY, Complaints.EN_RETARD))
                .extracting(QualiopiRecords.Complaint::id).containsExactly(k2);
        assertThat(records.complaint(federation.id(), k2, TODAY).late()).isTrue();
        assertThat(records.complaint(federation.id(), k2, TODAY).age()).isEqualTo(56);

        // answered on 16/01/2026, the flag goes and indicator 31 moves
        records.updateComplaint(federation.id(), k2, new NewComplaint(LocalDate.of(2025, 11, 20), null, null, "Un stagiaire",
                "courriel", "Réclamation", null, "traitee", "Excuses et remboursement.", LocalDate.of(2026, 1, 14), null));
        IndicatorEvidence after = evidence.indicators(federation.id(), YEAR, TODAY).get(30);
        assertThat(after.evidence()).extracting(QualiopiEvidence.Evidence::figure).containsExactly("4", "3", "1", "1");
        assertThat(after.missing()).isEmpty();
    }

    @Test
    void theOtherIndicatorsShowTheirEvidenceAndWhatIsMissing() {
        List<IndicatorEvidence> indicators = evidence.indicators(federation.id(), YEAR, TODAY);
        assertThat(indicators.get(1).evidence()).extracting(QualiopiEvidence.Evidence::figure)
                .containsExactly("6", "2", "75,0\u00a0%", "66,7\u00a0%", "66,7\u00a0%");
        assertThat(indicators.get(2).indicator().applies()).isFalse();
        assertThat(indicators.get(2).evidence()).isEmpty();
        assertThat(indicators.get(4).missing()).extracting(QualiopiEvidence.Missing::count).containsExactly(2L);
        assertThat(indicators.get(9).missing()).singleElement()
                .satisfies(m -> assertThat(m.href()).isEqualTo("/formation/qualiopi/sessions?liste=sans-emargement"));
        assertThat(indicators.get(11).indicator().applicability()).isEqualTo(QualiopiFramework.Applicability.CONDITIONAL);
        assertThat(indicators.stream().filter(i -> i.indicator().applies()).count()).isEqualTo(23);
        assertThat(indicators.stream().filter(i -> !i.indicator().applies()).map(i -> i.indicator().number()))
                .containsExactly(3, 7, 13, 14, 15, 16, 20, 28, 29);
    }

    @Test
    void aPeriodLeavesOutWhatFallsOutsideIt() {
        Period winter = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 9));
        Figures f = evidence.figures(federation.id(), winter, TODAY);
        assertThat(f.count(Sessions.PERIODE)).isZero(); // S1 starts on 10/03
        assertThat(f.count(Registrations.CONVOQUEES)).isZero();
        assertThat(f.count(Complaints.RECUES)).isZero();
        assertThat(f.count(Improvements.TOUTES)).isZero();
        assertThat(f.rate("satisfaction_rate")).isNull();
        assertThat(f.count(Courses.DONNEES)).isZero();
        assertThat(f.count(Courses.CATALOGUE)).isEqualTo(3); // the catalogue is today's, whatever the period

        Figures spring = evidence.figures(federation.id(), new Period(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 20)),
                TODAY);
        assertThat(spring.count(Sessions.PERIODE)).isEqualTo(1); // both ends included
        assertThat(spring.count(Complaints.RECUES)).isEqualTo(1);

        Figures before = evidence.figures(federation.id(), Period.year(2024), TODAY);
        assertThat(before.count(Sessions.TENUES)).isEqualTo(1);
        assertThat(before.count(Registrations.SATISFACTION)).isEqualTo(1);
        assertThat(before.count(Complaints.RECUES)).isEqualTo(1);
        assertThat(before.count(Improvements.CONSEIL_PEDAGOGIQUE)).isEqualTo(1);
    }

    @Test
    void anotherFederationsRecordsAreInvisible() {
        Figures f = evidence.figures(other.id(), YEAR, TODAY);
        assertThat(f.count(Sessions.TENUES)).isEqualTo(1);
        assertThat(f.count(Registrations.FORMEES)).isEqualTo(1);
        assertThat(f.count(Complaints.RECUES)).isEqualTo(1);
        assertThat(f.count(Complaints.EN_RETARD)).isEqualTo(1);
        assertThat(f.count(Improvements.TOUTES)).isZero();
        assertThat(evidence.registrations(federation.id(), YEAR, TODAY, Registrations.FORMEES))
                .extracting(QualiopiEvidence.RegistrationRow::lastName).doesNotContain("Autre");
        assertThat(records.complaints(federation.id(), YEAR, TODAY, Complaints.RECUES))
                .extracting(QualiopiRecords.Complaint::id).doesNotContain(otherComplaint);

        long f1 = federation.id();
        assertThatThrownBy(() -> records.complaint(f1, otherComplaint, TODAY)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> records.updateComplaint(f1, otherComplaint, new NewComplaint(TODAY, null, null, null, "courriel",
                "Pris", null, "recue", null, null, null))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> records.saveNeedsOfRegistration(f1, otherRegistration, new NewNeeds("x", null, null, null,
                TODAY), null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> records.createComplaint(f1, new NewComplaint(TODAY, null, otherSession, null, "courriel",
                "Session d'ailleurs", null, "recue", null, null, null), null))
                .isInstanceOf(Refused.class).hasMessageContaining("pas une session de votre fédération");
        assertThatThrownBy(() -> records.createImprovement(f1, new NewImprovement(TODAY, "reclamation", otherComplaint, null, null,
                "Action", "prevue", null), null)).isInstanceOf(Refused.class);
        assertThat(evidence.figures(other.id(), YEAR, TODAY).count(Complaints.RECUES)).isEqualTo(1);
    }

    @Test
    void aComplaintTreatedHasItsAnswerAndDay() {
        long f = federation.id();
        assertThatThrownBy(() -> records.createComplaint(f, new NewComplaint(TODAY, null, null, null, "courriel", "Sans réponse",
                null, "traitee", null, TODAY, null), null)).isInstanceOf(Refused.class).hasMessageContaining("réponse");
        assertThatThrownBy(() -> records.createComplaint(f, new NewComplaint(TODAY, null, null, null, "courriel", "Sans date",
                null, "traitee", "Répondu", null, null), null)).isInstanceOf(Refused.class).hasMessageContaining("date");
        assertThatThrownBy(() -> records.createComplaint(f, new NewComplaint(TODAY, null, null, null, "pigeon", "Canal",
                null, "recue", null, null, null), null)).isInstanceOf(Refused.class);
        assertThatThrownBy(() -> records.saveNeedsOfCourse(f, training.courses(f, true).stream()
                .filter(c -> !c.custom()).findFirst().orElseThrow().id(), new NewNeeds("x", null, null, null, TODAY), null))
                .isInstanceOf(NotFound.class);
        records.saveNeedsOfCourse(f, c3, new NewNeeds("Réécrire le projet social", null, null, null, TODAY), null);
        records.saveNeedsOfCourse(f, c3, new NewNeeds("Réécrire le projet social avec les habitants", "intermediaire", null,
                null, TODAY), null);
        assertThat(records.needsOfCourse(f, c3)).map(QualiopiRecords.Needs::expectations)
                .contains("Réécrire le projet social avec les habitants");
        assertThat(evidence.figures(f, YEAR, TODAY).count(Courses.SUR_MESURE_SANS_BESOINS)).isZero();
    }

    @Test
    void onlyTheDirectionReachesTheQualiopiPages() throws Exception {
        String direction = fixtures.user(federation, FederationRole.ADMIN);
        String delegue = fixtures.user(federation, FederationRole.DELEGUE);
        String reader = fixtures.user(federation, FederationRole.READER);
        String base = "/f/" + federation.code() + "/formation";
        List<String> pages = new ArrayList<>(List.of("/qualiopi", "/qualiopi?du=01/01/2025&au=31/12/2025",
                "/qualiopi/sessions?liste=tenues", "/qualiopi/inscriptions?liste=formees", "/qualiopi/formations?liste=catalogue",
                "/qualiopi/formateurs", "/reclamations", "/reclamations/" + k1, "/qualiopi/ameliorations",
                "/inscriptions/" + anne + "/besoins", "/qualiopi/besoins/formation/" + c3));
        for (String page : pages) {
            mvc.perform(get(base + page).with(user(direction))).andExpect(status().isOk());
            mvc.perform(get(base + page).with(user(delegue))).andExpect(status().isForbidden());
            mvc.perform(get(base + page).with(user(reader))).andExpect(status().isForbidden());
        }
        for (String form : List.of("/reclamations", "/reclamations/" + k1, "/qualiopi/ameliorations",
                "/inscriptions/" + anne + "/besoins")) {
            mvc.perform(post(base + form).with(user(delegue)).with(csrf()).param("subject", "x").param("receivedOn", "01/01/2025")
                    .param("channel", "courriel").param("status", "recue")).andExpect(status().isForbidden());
            mvc.perform(post(base + form).with(user(reader)).with(csrf()).param("subject", "x").param("receivedOn", "01/01/2025")
                    .param("channel", "courriel").param("status", "recue")).andExpect(status().isForbidden());
        }
        assertThat(evidence.figures(federation.id(), YEAR, TODAY).count(Complaints.RECUES)).isEqualTo(4);

        mvc.perform(get(base + "/qualiopi?du=31/02/2025&au=01/01/2025").with(user(direction))).andExpect(status().isOk())
                .andExpect(content().string(containsString("n&#39;est pas une date")));
        mvc.perform(get(base + "/qualiopi/sessions?liste=inconnue").with(user(direction))).andExpect(status().isNotFound());
        mvc.perform(get(base + "/reclamations/" + otherComplaint).with(user(direction))).andExpect(status().isNotFound());
        mvc.perform(get(base + "/inscriptions/" + otherRegistration + "/besoins").with(user(direction)))
                .andExpect(status().isNotFound());
        mvc.perform(get(base + "/qualiopi/ameliorations?reclamation=" + otherComplaint).with(user(direction)))
                .andExpect(status().isNotFound());
        // a form typed wrong keeps what was typed, says why in French and saves nothing
        mvc.perform(post(base + "/reclamations").with(user(direction)).with(csrf()).param("receivedOn", "32/01/2025")
                        .param("channel", "courriel").param("status", "traitee").param("subject", "Salle froide")
                        .param("sessionId", String.valueOf(otherSession)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Salle froide")))
                .andExpect(content().string(containsString("n&#39;est pas une date")));
        mvc.perform(post(base + "/reclamations").with(user(direction)).with(csrf()).param("receivedOn", "10/01/2026")
                        .param("channel", "courriel").param("status", "recue").param("subject", "Session d'ailleurs")
                        .param("sessionId", String.valueOf(otherSession)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("pas une session de votre fédération")));
        assertThat(evidence.figures(federation.id(), Period.year(2026), TODAY).count(Complaints.RECUES)).isZero();
    }

    @Test
    void datesInTheWrongOrderAreNamed() throws Exception {
        String direction = fixtures.user(federation, FederationRole.ADMIN);
        String base = "/f/" + federation.code() + "/formation";
        mvc.perform(post(base + "/reclamations").with(user(direction)).with(csrf()).param("receivedOn", "05/01/2026")
                        .param("channel", "courriel").param("subject", "Traitée trop tôt").param("description", "Un retard")
                        .param("status", "traitee").param("response", "Réponse").param("handledOn", "04/01/2026")
                        .param("actionTaken", "Rien"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("La date de traitement précède la date de réception.")))
                .andExpect(content().string(not(containsString("La fin ne peut pas précéder le début."))));
        mvc.perform(post(base + "/qualiopi/ameliorations").with(user(direction)).with(csrf()).param("decidedOn", "05/01/2026")
                        .param("source", "evaluation").param("finding", "Constat").param("action", "Action").param("status", "realisee")
                        .param("doneOn", "04/01/2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("La date de réalisation précède la date de décision.")));
    }

    @Test
    void theQualiopiRecordsKeepTextsOfAThousandCharacters() throws Exception {
        String direction = fixtures.user(federation, FederationRole.ADMIN);
        String base = "/f/" + federation.code() + "/formation";
        String text = "Une phrase de vingt. ".repeat(50) + "Fin.";
        assertThat(text).hasSize(1054);

        mvc.perform(post(base + "/reclamations").with(user(direction)).with(csrf()).param("receivedOn", "05/01/2026")
                        .param("channel", "courriel").param("subject", "Une longue réclamation").param("description", text)
                        .param("status", "traitee").param("response", text).param("handledOn", "10/01/2026")
                        .param("actionTaken", text))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/inscriptions/" + anne + "/besoins").with(user(direction)).with(csrf())
                        .param("expectations", text).param("constraints", text).param("adaptation", text)
                        .param("recordedOn", "05/01/2026"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/qualiopi/ameliorations").with(user(direction)).with(csrf()).param("decidedOn", "05/01/2026")
                        .param("source", "evaluation").param("finding", text).param("action", text).param("status", "prevue"))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("""
                select count(*) from training_complaints
                where federation_id = :f and description = :t and response = :t and action_taken = :t""")
                .param("f", federation.id()).param("t", text).query(Integer.class).single()).isEqualTo(1);
        assertThat(records.needsOfRegistration(federation.id(), anne)).hasValueSatisfying(n -> {
            assertThat(n.expectations()).isEqualTo(text);
            assertThat(n.constraints()).isEqualTo(text);
            assertThat(n.adaptation()).isEqualTo(text);
        });
        assertThat(jdbc.sql("select count(*) from training_improvements where federation_id = :f and finding = :t and action = :t")
                .param("f", federation.id()).param("t", text).query(Integer.class).single()).isEqualTo(1);
    }
}
