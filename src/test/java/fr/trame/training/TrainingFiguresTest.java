package fr.trame.training;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.training.TrainingFigures.CourseRow;
import fr.trame.training.TrainingFigures.Departement;
import fr.trame.training.TrainingFigures.Figures;
import fr.trame.training.TrainingFigures.TrainedStructure;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The year's figures on a hand-made federation, every expected value counted by hand below. Three structures
 * (Arras-Nord and Bruay in the 59, Calais in the 62); Arras-Nord attends three sessions, Hélène Dupont two of them
 * (typed once « DUPONT helene »); a cancelled session with registrations and even a presence; a session with
 * registrations but no presence; Léa Petit registered but absent. Another federation's identical session never counts.
 */
@TrameTest
class TrainingFiguresTest {

    @Autowired Fixtures fixtures;
    @Autowired TrainingService training;
    @Autowired TrainingFigures figures;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    Federation federation;
    long otherCourse;
    long arras;
    long bruay;
    long calais;
    long accueil;
    long administrateur;
    long s1;
    long s2;
    long s3;
    long s4;
    long s5;

    @BeforeEach
    void setUp() {
        federation = fixtures.federation("chiffres");
        long f = federation.id();
        arras = fixtures.structure(federation, "Centre social Arras-Nord", "59", null);
        bruay = fixtures.structure(federation, "Maison de quartier de Bruay", "59", null);
        calais = fixtures.structure(federation, "Centre social de Calais", "62", null);
        accueil = course(f, "Animer la fonction accueil", "salaries");
        administrateur = course(f, "Être administrateur", "benevoles");

        // S1, 10 March: 3 h + 3,5 h. Dupont present twice, Martin the morning only, Ngo twice, Petit absent.
        s1 = session(f, accueil, half(2025, 3, 10, "matin", "3"), half(2025, 3, 10, "apres_midi", "3.5"));
        long dupont1 = register(f, s1, arras, "Dupont", "Hélène", "salarie");
        long martin = register(f, s1, arras, "Martin", "Paul", "salarie");
        long petit = register(f, s1, bruay, "Petit", "Léa", "salarie");
        long ngo = register(f, s1, calais, "Ngo", "Anh", "salarie");
        present(f, dupont1, "matin", "apres_midi");
        present(f, martin, "matin");
        present(f, ngo, "matin", "apres_midi");
        evaluate(f, dupont1, 5);
        evaluate(f, martin, 3);
        evaluate(f, ngo, null);
        evaluate(f, petit, 1); // absent: not one of the persons trained, whose evaluations count

        // S2, 2 June: 3 h. The same Hélène Dupont of Arras-Nord, typed otherwise; Roux of Bruay.
        s2 = session(f, accueil, half(2025, 6, 2, "matin", "3"));
        long dupont2 = register(f, s2, arras, "DUPONT", "helene", "salarie");
        long roux = register(f, s2, bruay, "Roux", "Zoé", "salarie");
        present(f, dupont2, "matin");
        present(f, roux, "matin");
        evaluate(f, dupont2, 4);

        // S3, 15 and 16 September, 3 h each: Lefèvre (bénévole of Arras-Nord) twice, Durand (administratrice of Calais) once.
        s3 = session(f, administrateur, half(2025, 9, 15, "matin", "3"), half(2025, 9, 16, "matin", "3"));
        long lefevre = register(f, s3, arras, "Lefèvre", "Jean", "benevole");
        long durand = register(f, s3, calais, "Durand", "Anne", "administrateur");
        present(f, lefevre, "matin");
        // present(f, lefevre, "matin") gave both mornings; Durand only the first one
        jdbc.sql("""
                insert into training_presences (federation_id, registration_id, half_day_id)
                select federation_id, :r, id from training_half_days where federation_id = :f and session_id = :s
                    and day = '2025-09-15'""").param("f", f).param("r", durand).param("s", s3).update();
        evaluate(f, lefevre, 4);
        evaluate(f, durand, 2);

        // S4, 1 October, cancelled for too few registrations: two registrations, a presence recorded before, an evaluation
        s4 = session(f, administrateur, half(2025, 10, 1, "matin", "3"));
        long bruayBenevole = register(f, s4, bruay, "Leroy", "Marc", "benevole");
        register(f, s4, calais, "Morel", "Inès", "benevole");
        present(f, bruayBenevole, "matin");
        evaluate(f, bruayBenevole, 5);
        training.cancel(f, s4, "effectif_insuffisant", "Deux inscrits pour six places", LocalDate.of(2025, 9, 20));

        // S5, 20 November: registrations, attendance not signed (not held)
        s5 = session(f, accueil, half(2025, 11, 20, "matin", "3"));
        register(f, s5, bruay, "Petit", "Léa", "salarie");
        register(f, s5, calais, "Blanc", "Eva", "salarie");

        // the year before: one held session, not in 2025's figures
        long before = session(f, accueil, half(2024, 12, 5, "matin", "3"));
        present(f, register(f, before, calais, "Ngo", "Anh", "salarie"), "matin");

        // another federation, the same session: never counted
        Federation other = fixtures.federation("autre");
        long elsewhere = fixtures.structure(other, "Centre social d'ailleurs", "59", null);
        otherCourse = course(other.id(), "Animer la fonction accueil", "salaries");
        long otherSession = session(other.id(), otherCourse, half(2025, 3, 10, "matin", "3"));
        long stranger = register(other.id(), otherSession, elsewhere, "Dupont", "Hélène", "salarie");
        present(other.id(), stranger, "matin");
        evaluate(other.id(), stranger, 1);
    }

    @Test
    void theYearsFiguresAreDistinctCountsOverTheRegistrations() {
        Figures y = figures.year(federation.id(), 2025);
        // held: S1, S2, S3 (S4 cancelled despite its presence, S5 without presence)
        assertThat(y.held()).isEqualTo(3);
        assertThat(y.cancelled()).isEqualTo(1);
        assertThat(y.notHeld()).isEqualTo(1);
        // Arras-Nord (3 sessions), Bruay (S2; Petit absent in S1), Calais (S1, S3): 3 structures, not 3 + 2 + 2
        assertThat(y.structures()).isEqualTo(3);
        assertThat(y.departements()).containsExactly(new Departement("59", 2, 4), new Departement("62", 1, 2));
        assertThat(y.structuresIn("59")).isEqualTo(2);
        // Dupont (once, though in S1 and S2), Martin, Roux, Ngo, Lefèvre, Durand; Petit absent, S4's not counted
        assertThat(y.persons()).isEqualTo(6);
        assertThat(y.byQuality("salarie")).isEqualTo(4);
        assertThat(y.byQuality("benevole")).isEqualTo(1);
        assertThat(y.byQuality("administrateur")).isEqualTo(1);
        // S1: 6,5 + 3 + 6,5; S2: 3 + 3; S3: 6 + 3
        assertThat(y.traineeHours()).isEqualByComparingTo("31");
        assertThat(y.sessionHours()).isEqualByComparingTo("15.5");
        assertThat(y.courses()).extracting(CourseRow::title, CourseRow::sessions, CourseRow::salaries, CourseRow::benevoles,
                        CourseRow::administrateurs, CourseRow::persons)
                .containsExactly(tuple("Animer la fonction accueil", 2L, 4L, 0L, 0L, 4L),
                        tuple("Être administrateur", 1L, 0L, 1L, 1L, 2L));
        assertThat(y.courses().get(0).traineeHours()).isEqualByComparingTo("22");
        assertThat(y.courses().get(1).traineeHours()).isEqualByComparingTo("9");
        // satisfaction 5, 3, 4, 4, 2 (Ngo did not answer, Petit was absent, S4's 5 is a cancelled session's): mean 3,6; 3 of 5 at 4 or more
        assertThat(y.answered()).isEqualTo(5);
        assertThat(y.meanSatisfaction()).isEqualByComparingTo("3.6");
        assertThat(y.satisfiedShare()).isEqualByComparingTo("0.6");

        Figures before = figures.year(federation.id(), 2024);
        assertThat(before.held()).isEqualTo(1);
        assertThat(before.structures()).isEqualTo(1);
        assertThat(before.persons()).isEqualTo(1);
        assertThat(figures.latestYear(federation.id(), LocalDate.of(2026, 2, 1))).isEqualTo(2025);
    }

    @Test
    void theRecordsBehindTheFigures() {
        List<TrainedStructure> structures = figures.trainedStructures(federation.id(), 2025, null);
        assertThat(structures).extracting(TrainedStructure::name, TrainedStructure::sessions, TrainedStructure::persons)
                .containsExactly(tuple("Centre social Arras-Nord", 3L, 3L), tuple("Centre social de Calais", 2L, 2L),
                        tuple("Maison de quartier de Bruay", 1L, 1L));
        assertThat(structures.get(0).traineeHours()).isEqualByComparingTo("18.5");
        assertThat(structures.get(0).sessionList()).extracting(TrainingFigures.StructureSession::sessionId,
                TrainingFigures.StructureSession::persons).containsExactly(tuple(s1, 2L), tuple(s2, 1L), tuple(s3, 1L));
        assertThat(figures.trainedStructures(federation.id(), 2025, "62")).extracting(TrainedStructure::structureId)
                .containsExactly(calais);

        assertThat(figures.heldSessions(federation.id(), 2025, null))
                .extracting(TrainingFigures.HeldSession::sessionId, TrainingFigures.HeldSession::structures,
                        TrainingFigures.HeldSession::persons, TrainingFigures.HeldSession::answered)
                .containsExactly(tuple(s1, 2L, 3L, 2L), tuple(s2, 2L, 2L, 1L), tuple(s3, 2L, 2L, 2L));
        assertThat(figures.cancelledSessions(federation.id(), 2025))
                .extracting(TrainingFigures.CancelledSession::sessionId, TrainingFigures.CancelledSession::reason,
                        TrainingFigures.CancelledSession::registrations)
                .containsExactly(tuple(s4, "effectif_insuffisant", 2L));

        assertThat(figures.trainedPersons(federation.id(), 2025, accueil, "salarie"))
                .extracting(TrainingFigures.TrainedPerson::lastName, TrainingFigures.TrainedPerson::sessions)
                .containsExactly(tuple("Dupont", 2L), tuple("Martin", 1L), tuple("Ngo", 1L), tuple("Roux", 1L));
        assertThat(figures.trainedPersonsByStructure(federation.id(), 2025, null, null))
                .extracting(TrainingFigures.StructureCount::structureId, TrainingFigures.StructureCount::persons)
                .containsExactly(tuple(arras, 3L), tuple(calais, 2L), tuple(bruay, 1L));
    }

    @Test
    void thePublishedViewsHoldNoName() {
        List<String> columns = jdbc.sql("""
                select column_name from information_schema.columns
                where table_name in ('training_session_facts', 'training_participations', 'training_evaluation_facts')""")
                .query(String.class).list();
        assertThat(columns).contains("person_no", "hours_attended", "held")
                .doesNotContain("last_name", "first_name", "email", "comment");
        assertThat(jdbc.sql("""
                select hours_attended from training_participations where federation_id = ? and session_id = ?
                order by registration_id""").params(federation.id(), s1).query(BigDecimal.class).list())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("6.5"), new BigDecimal("3"), BigDecimal.ZERO, new BigDecimal("6.5"));
    }

    @Test
    void anEmptyDrillDownSaysWhatIsEmptyAndTheSubMenuSitsInTheContentColumn() throws Exception {
        String path = "/f/" + federation.code() + "/formation";
        String direction = fixtures.user(federation, FederationRole.ADMIN);
        String reader = fixtures.user(federation, FederationRole.READER);
        for (String who : List.of(direction, reader)) {
            mvc.perform(get(path + "/chiffres/participants").param("annee", "2030").with(user(who))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("Aucune personne formée ne correspond à ce choix.")))
                    .andExpect(content().string(not(containsString(">Personne.<"))));
        }
        for (String page : List.of("", "/chiffres", "/chiffres/participants", "/catalogue", "/sessions/" + s3 + "/emargement")) {
            String html = mvc.perform(get(path + page).with(user(direction))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html.indexOf("<main")).as(page).isPositive().isLessThan(html.indexOf("class=\"subnav\""));
        }
        // every page with the sub-menu puts it inside main, never before it
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates/training"))) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                int subnav = text.indexOf("training/fragments :: subnav");
                if (subnav >= 0 && !file.endsWith("fragments.html")) {
                    assertThat(text.indexOf("<main")).as(file.toString()).isPositive().isLessThan(subnav);
                }
            }
        }
    }

    @Test
    void thePagesRefuseBadValuesAndAReaderReadsNoName() throws Exception {
        String path = "/f/" + federation.code() + "/formation/chiffres";
        String direction = fixtures.user(federation, FederationRole.ADMIN);
        String reader = fixtures.user(federation, FederationRole.READER);
        mvc.perform(get(path).param("annee", "2025").with(user(direction))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"structures-formees\"")));
        mvc.perform(get(path).param("annee", "20x5").with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("n&#39;est pas une année entre 2000 et 2100 : voici les chiffres de 2025")));
        mvc.perform(get(path + "/participants").param("annee", "2025").with(user(direction))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Paul Martin")))
                .andExpect(content().string(containsString("Hélène Dupont")));
        mvc.perform(get(path + "/participants").param("annee", "2025").with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Martin"))))
                .andExpect(content().string(not(containsString("Dupont"))))
                .andExpect(content().string(containsString("Centre social Arras-Nord")));
        // the direction's file says the quality as the page does, not its code
        mvc.perform(get(path + "/participants").param("annee", "2025").param("format", "csv").with(user(direction)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Martin;Paul;Centre social Arras-Nord;Salarié·e;")))
                .andExpect(content().string(not(containsString(";salarie;"))))
                .andExpect(content().string(not(containsString(";benevole;"))));
        mvc.perform(get(path + "/participants").param("annee", "2025").param("format", "csv").with(user(reader)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Martin"))))
                .andExpect(content().string(containsString("Centre social Arras-Nord")));
        mvc.perform(get(path + "/structures").param("annee", "2025").param("format", "csv").with(user(reader)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Centre social de Calais")));
        for (String bad : new String[] {"formation=" + otherCourse, "formation=abc", "formation=99999999999999999999",
                "qualite=directeur"}) {
            String[] kv = bad.split("=");
            mvc.perform(get(path + "/participants").param(kv[0], kv[1]).with(user(direction))).andExpect(status().isNotFound());
        }
        mvc.perform(get(path + "/structures").param("departement", "59; drop").with(user(direction)))
                .andExpect(status().isNotFound());
        mvc.perform(get(path + "/actions").param("formation", String.valueOf(otherCourse)).with(user(reader)))
                .andExpect(status().isNotFound());
        mvc.perform(get(path + "/annulees").param("annee", "2025").with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Deux inscrits pour six places")));
    }

    private long course(long f, String title, String audience) {
        return training.createCourse(f, new NewCourse(title, audience, null, null, null, new BigDecimal("6"), 0L,
                "presentiel", false, null));
    }

    private static NewHalfDay half(int y, int m, int d, String period, String hours) {
        return new NewHalfDay(LocalDate.of(y, m, d), period, new BigDecimal(hours));
    }

    private long session(long f, long course, NewHalfDay... halfDays) {
        return training.planSession(f, new NewSession(course, "Lille", 1, 6, List.of(halfDays), List.of()));
    }

    private long register(long f, long session, long structure, String last, String first, String quality) {
        return training.register(f, session, new NewRegistration(structure, last, first, null, null, quality, "saisie",
                null, false, null)).id();
    }

    /** Present at the session's half-days of these periods. */
    private void present(long f, long registration, String... periods) {
        jdbc.sql("""
                insert into training_presences (federation_id, registration_id, half_day_id)
                select h.federation_id, r.id, h.id from training_registrations r
                join training_half_days h on h.federation_id = r.federation_id and h.session_id = r.session_id
                where r.federation_id = :f and r.id = :r and h.period = any(:periods)""")
                .param("f", f).param("r", registration).param("periods", periods).update();
    }

    private void evaluate(long f, long registration, Integer satisfaction) {
        jdbc.sql("insert into training_evaluations (federation_id, registration_id, positioning, satisfaction) values (?, ?, 2, ?)")
                .params(f, registration, satisfaction).update();
    }
}
