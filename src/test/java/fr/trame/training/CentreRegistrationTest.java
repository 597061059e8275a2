package fr.trame.training;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.association.GovernanceService;
import fr.trame.association.StaffService;
import fr.trame.association.VolunteerService;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.training.CentreTrainingService.Candidate;
import fr.trame.training.CentreTrainingService.OwnRegistration;
import fr.trame.training.TrainingService.NewCourse;
import fr.trame.training.TrainingService.NewHalfDay;
import fr.trame.training.TrainingService.NewSession;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Registrations from the centres' side. Federation « Nord » has two Trame centres, Lens and Douai; Béthune is a Trame
 * centre of another federation, Arras of none. One session of « Accueillir en centre social », two places, two
 * half-days (3,5 h each) in a month: Lens takes both places (an employee from its records, a volunteer typed), Douai's
 * two registrations wait, at positions 1 and 2.
 */
@TrameTest
class CentreRegistrationTest {

    @Autowired Fixtures fixtures;
    @Autowired TrainingService training;
    @Autowired CentreTrainingService centres;
    @Autowired StaffService staff;
    @Autowired VolunteerService volunteers;
    @Autowired GovernanceService governance;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    static final LocalDate DAY = LocalDate.now().plusDays(30);
    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    Federation nord;
    Federation autre;
    Centre lens;
    Centre douai;
    Centre bethune;
    Centre arras;
    long lensStructure;
    long douaiStructure;
    long session;
    long lensEmployee;
    long douaiEmployee;
    long lensVolunteer;
    long douaiVolunteer;
    String lensDirector;
    String douaiDirector;
    String bethuneDirector;

    @BeforeEach
    void setUp() {
        nord = fixtures.federation("nord");
        autre = fixtures.federation("autre");
        lens = fixtures.centre("lens");
        douai = fixtures.centre("douai");
        bethune = fixtures.centre("bethune");
        arras = fixtures.centre("arras");
        lensStructure = fixtures.structure(nord, "Centre social de Lens", "62", lens.id());
        douaiStructure = fixtures.structure(nord, "Centre social de Douai", "59", douai.id());
        fixtures.structure(autre, "Centre social de Béthune", "62", bethune.id());
        long course = training.createCourse(nord.id(), new NewCourse("Accueillir en centre social", "mixte",
                "Faire de l'accueil l'affaire de tous", "Venir avec le projet social du centre", null, new BigDecimal("7"),
                0L, "presentiel", false, null));
        long trainer = training.createTrainer(nord.id(), "Nadia Formatrice", "interne", null, "formation@nord.example");
        session = training.planSession(nord.id(), new NewSession(course, "Maison des associations, Lille", 1, 2, List.of(
                new NewHalfDay(DAY, "matin", new BigDecimal("3.5")),
                new NewHalfDay(DAY, "apres_midi", new BigDecimal("3.5"))), List.of(trainer)));
        lensEmployee = hire(lens, "Dhina", "Yasmine");
        douaiEmployee = hire(douai, "Blanc", "Rose");
        lensVolunteer = volunteer(lens, "Caron", "Alice", "alice@lens.example");
        douaiVolunteer = volunteer(douai, "Leroy", "Inès", null);
        lensDirector = fixtures.user(lens, Role.DIRECTION);
        douaiDirector = fixtures.user(douai, Role.DIRECTION);
        bethuneDirector = fixtures.user(bethune, Role.DIRECTION);
    }

    long hire(Centre centre, String last, String first) {
        return staff.hire(centre.id(), last, first, new StaffService.NewContract("cdi", "accueil", null, new BigDecimal("35"),
                LocalDate.of(2020, 1, 1), null, null));
    }

    long volunteer(Centre centre, String last, String first, String email) {
        long person = jdbc.sql("insert into persons (centre_id, last_name, first_name, email) values (?, ?, ?, ?) returning id")
                .params(centre.id(), last, first, email).query(Long.class).single();
        return volunteers.register(centre.id(), person, List.of("activite"), null, LocalDate.of(2022, 1, 1));
    }

    String base(Centre centre) {
        return "/c/" + centre.code() + "/formations";
    }

    MockHttpServletRequestBuilder registration(Centre centre, String director) {
        return post(base(centre) + "/sessions/" + session + "/inscriptions").with(user(director)).with(csrf());
    }

    /** Lens: its employee and a volunteer typed take both places; Douai: its employee and a typed name wait. */
    void fill() throws Exception {
        mvc.perform(registration(lens, lensDirector).param("person", "salarie:" + lensEmployee).param("job", "chargée d'accueil"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "Yasmine Dhina est inscrit·e."));
        mvc.perform(registration(lens, lensDirector).param("lastName", "Vasseur").param("firstName", "Marc")
                        .param("email", "marc@example.org").param("quality", "benevole"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "Marc Vasseur est inscrit·e."));
        mvc.perform(registration(douai, douaiDirector).param("person", "salarie:" + douaiEmployee))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message",
                        "Rose Blanc est sur liste d'attente (position 1) : la session est complète."));
        mvc.perform(registration(douai, douaiDirector).param("lastName", "Petit").param("firstName", "Hugo").param("quality", "administrateur"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message",
                        "Hugo Petit est sur liste d'attente (position 2) : la session est complète."));
    }

    OwnRegistration own(Centre centre, String lastName) {
        CentreMembership.Membership m = new CentreMembership.Membership(nord.id(), nord.code(), nord.name(),
                centre == lens ? lensStructure : douaiStructure, "");
        return centres.ownRegistrations(m).stream().filter(r -> r.lastName().equals(lastName)).findFirst().orElseThrow();
    }

    @Test
    void theCataloguesDurationAndTheSessionsHoursAreLabelledApart() throws Exception {
        mvc.perform(get(base(lens) + "/sessions/" + session).with(user(lensDirector))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<th>Durée prévue au catalogue</th><td>7,00\u00a0h</td>")))
                .andExpect(content().string(containsString("Cette session : <b>7,00\u00a0h</b> de formation")))
                .andExpect(content().string(not(containsString("<th>Durée</th>"))));
    }

    @Test
    void aHugeOrNulValueIsRefusedNamingTheFieldInFrench() throws Exception {
        MvcResult huge = mvc.perform(registration(lens, lensDirector).param("lastName", "x".repeat(5000)).param("firstName", "Ana")
                .param("quality", "salarie")).andExpect(status().isBadRequest()).andReturn();
        assertThat(huge.getResponse().getErrorMessage()).startsWith("Le champ « nom » compte 5000 caractères");
        MvcResult nul = mvc.perform(registration(lens, lensDirector).param("lastName", "Ana").param("firstName", "A\0na")
                .param("quality", "salarie")).andExpect(status().isBadRequest()).andReturn();
        assertThat(nul.getResponse().getErrorMessage()).startsWith("Le champ « prénom » contient un caractère nul");
        String[][] fields = {{"email", "courriel"}, {"job", "fonction"}, {"quality", "qualité"}, {"person", "personne des fichiers du centre"},
            {"source", "origine"}, {"returnTo", "retour"}};
        for (String[] f : fields) {
            MvcResult refused = mvc.perform(registration(lens, lensDirector).param(f[0], "\0"))
                    .andExpect(status().isBadRequest()).andReturn();
            assertThat(refused.getResponse().getErrorMessage()).startsWith("Le champ « " + f[1] + " »");
        }
    }

    @Test
    void eachCentreSeesOnlyItsOwnRegistrations() throws Exception {
        fill();
        OwnRegistration yasmine = own(lens, "Dhina");
        assertThat(yasmine.source()).isEqualTo("salarie");
        assertThat(yasmine.quality()).isEqualTo("salarie");
        assertThat(yasmine.job()).isEqualTo("chargée d'accueil");
        assertThat(training.registration(nord.id(), yasmine.id()).sourceId()).isEqualTo(lensEmployee);
        assertThat(training.registration(nord.id(), yasmine.id()).structureId()).isEqualTo(lensStructure);
        assertThat(own(lens, "Vasseur").source()).isEqualTo("saisie");

        mvc.perform(get(base(lens)).with(user(lensDirector))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Yasmine Dhina"), containsString("Marc Vasseur"),
                        containsString("Accueillir en centre social"), containsString("complet — liste d&#39;attente"),
                        not(containsString("Rose Blanc")), not(containsString("Hugo Petit")))));
        mvc.perform(get(base(douai) + "/sessions/" + session).with(user(douaiDirector))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Rose Blanc"), containsString("liste d&#39;attente (position 1)"),
                        containsString("Hugo Petit"), containsString("liste d&#39;attente (position 2)"),
                        containsString("2 personne(s) en attente"),
                        not(containsString("Dhina")), not(containsString("Vasseur")))));

        // another centre's registration: neither its documents nor its cancellation
        mvc.perform(get(base(douai) + "/inscriptions/" + yasmine.id() + "/confirmation.pdf").with(user(douaiDirector)))
                .andExpect(status().isNotFound());
        mvc.perform(get(base(douai) + "/inscriptions/" + yasmine.id() + "/convocation.pdf").with(user(douaiDirector)))
                .andExpect(status().isNotFound());
        mvc.perform(post(base(douai) + "/inscriptions/" + yasmine.id() + "/annuler").with(user(douaiDirector)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(training.registration(nord.id(), yasmine.id()).state()).isEqualTo("inscrit");

        // a centre of another federation does not reach this federation's session nor its registrations
        mvc.perform(get(base(bethune) + "/sessions/" + session).with(user(bethuneDirector))).andExpect(status().isNotFound());
        mvc.perform(registration(bethune, bethuneDirector).param("lastName", "X").param("firstName", "Y").param("quality", "salarie"))
                .andExpect(status().isNotFound());
        mvc.perform(get(base(bethune) + "/inscriptions/" + yasmine.id() + "/confirmation.pdf").with(user(bethuneDirector)))
                .andExpect(status().isNotFound());
        mvc.perform(get(base(bethune)).with(user(bethuneDirector))).andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("Accueillir en centre social")), not(containsString("Dhina")))));
        assertThat(training.session(nord.id(), session).registered()).isEqualTo(2);
        assertThat(training.session(nord.id(), session).waiting()).isEqualTo(2);
    }

    @Test
    void aCancelledPlaceGoesToTheFirstWaitingAndPositionsMoveUp() throws Exception {
        fill();
        OwnRegistration marc = own(lens, "Vasseur");
        mvc.perform(post(base(lens) + "/inscriptions/" + marc.id() + "/annuler").with(user(lensDirector)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message",
                        "L'inscription de Marc Vasseur est annulée. Sa place revient à la première personne de la liste d'attente."));
        assertThat(own(douai, "Blanc").state()).isEqualTo("inscrit");
        assertThat(own(douai, "Blanc").waitingPosition()).isNull();
        assertThat(own(douai, "Petit").state()).isEqualTo("attente");
        assertThat(own(douai, "Petit").waitingPosition()).isEqualTo(1);
        assertThat(own(lens, "Vasseur").state()).isEqualTo("annule");
        // cancelled twice: said in French, nothing changes
        mvc.perform(post(base(lens) + "/inscriptions/" + marc.id() + "/annuler").with(user(lensDirector)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "Cette inscription est déjà annulée."));
    }

    @Test
    void aPersonPickedMustBeOfTheCentre() throws Exception {
        mvc.perform(registration(lens, lensDirector).param("person", "salarie:" + douaiEmployee)).andExpect(status().isNotFound());
        mvc.perform(registration(lens, lensDirector).param("person", "benevole:" + douaiVolunteer)).andExpect(status().isNotFound());
        long noVolunteer = jdbc.sql("select coalesce(max(id), 0) + 1 from volunteers").query(Long.class).single();
        mvc.perform(registration(lens, lensDirector).param("person", "benevole:" + noVolunteer)).andExpect(status().isNotFound());
        // a volunteer gone is no longer offered nor accepted
        volunteers.update(lens.id(), lensVolunteer, List.of("activite"), null, LocalDate.now().minusDays(1));
        mvc.perform(registration(lens, lensDirector).param("person", "benevole:" + lensVolunteer)).andExpect(status().isNotFound());
        mvc.perform(get(base(lens) + "/sessions/" + session).with(user(lensDirector))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Dhina Yasmine"), not(containsString("Caron Alice")),
                        not(containsString("Blanc Rose")))));
    }

    @Test
    void aVolunteerPickedKeepsTheirRecordAndABoardMemberIsAdministrateur() throws Exception {
        long body = governance.createBody(lens.id(), "ca", "Conseil d'administration");
        long person = jdbc.sql("select person_id from volunteers where centre_id = ? and id = ?").params(lens.id(), lensVolunteer)
                .query(Long.class).single();
        governance.createMandate(lens.id(), new GovernanceService.NewMandate(body, person, null, "tresorier", "habitant",
                LocalDate.of(2023, 6, 1), null, null, null));
        mvc.perform(registration(lens, lensDirector).param("person", "benevole:" + lensVolunteer))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "Alice Caron est inscrit·e."));
        OwnRegistration alice = own(lens, "Caron");
        assertThat(alice.quality()).isEqualTo("administrateur");
        assertThat(alice.source()).isEqualTo("benevole");
        assertThat(alice.email()).isEqualTo("alice@lens.example");
        assertThat(training.registration(nord.id(), alice.id()).sourceId()).isEqualTo(lensVolunteer);
        // offered no more, then refused if sent all the same, beside the person chosen
        mvc.perform(get(base(lens) + "/sessions/" + session).with(user(lensDirector))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Caron Alice (administrateur·rice) — déjà inscrit·e"),
                        containsString("Dhina Yasmine</option>"))));
        mvc.perform(registration(lens, lensDirector).param("person", "benevole:" + lensVolunteer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Alice Caron est déjà inscrit·e à cette session.")));
    }

    @Test
    void everyFieldIsCheckedAndTypedValuesStay() throws Exception {
        mvc.perform(registration(lens, lensDirector).param("firstName", "Zoé").param("email", "pas-un-courriel").param("quality", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Indiquez le nom."), containsString("Adresse électronique invalide."),
                        containsString("Indiquez la qualité de la personne"), containsString("value=\"Zoé\""),
                        containsString("value=\"pas-un-courriel\""))));
        mvc.perform(registration(lens, lensDirector).param("person", "salarie:999999999999999999999"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Choisissez la personne dans la liste.")));
        mvc.perform(registration(lens, lensDirector).param("person", "inconnu:1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Choisissez la personne dans la liste.")));
        mvc.perform(registration(lens, lensDirector).param("person", "salarie:" + lensEmployee).param("quality", "benevole"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Une personne de l&#39;équipe salariée s&#39;inscrit comme salarié·e.")));
        mvc.perform(registration(lens, lensDirector).param("lastName", "X".repeat(101)).param("firstName", "Y").param("quality", "martien"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("Le nom : 100 caractères au plus."),
                        containsString("Choisissez la qualité dans la liste."))));
        mvc.perform(registration(lens, lensDirector).param("lastName", "Nul\u0000").param("firstName", "Y").param("quality", "salarie"))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isLessThan(500));
        assertThat(training.registrations(nord.id(), session, null)).extracting(TrainingService.Registration::lastName)
                .doesNotContain("X".repeat(101));
        assertThat(training.registrations(nord.id(), session, null).stream().filter(r -> !r.lastName().startsWith("Nul"))).isEmpty();
    }

    @Test
    void onlyTheDirectionWritesAndAFederationAccountSeesNoName() throws Exception {
        String reception = fixtures.user(lens, Role.ACCUEIL);
        mvc.perform(get(base(lens) + "/sessions/" + session).with(user(reception))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"form-inscription\""))));
        mvc.perform(registration(lens, reception).param("lastName", "X").param("firstName", "Y").param("quality", "salarie"))
                .andExpect(status().isForbidden());
        String federationAccount = fixtures.user(lens, Role.FEDERATION);
        mvc.perform(get(base(lens)).with(user(federationAccount))).andExpect(status().isForbidden());
    }

    @Test
    void aCentreOutsideAnyFederationIsToldSo() throws Exception {
        String director = fixtures.user(arras, Role.DIRECTION);
        mvc.perform(get(base(arras)).with(user(director))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Votre centre n'est rattaché à aucune fédération dans Trame.")));
        mvc.perform(get(base(arras) + "/sessions/" + session).with(user(director))).andExpect(status().isNotFound());
    }

    @Test
    void aCustomSessionForAnotherStructureIsNotShown() throws Exception {
        long custom = training.createCourse(nord.id(), new NewCourse("Accueil sur mesure pour Douai", "mixte", null, null, null,
                new BigDecimal("3"), null, "presentiel", true, douaiStructure));
        long customSession = training.planSession(nord.id(), new NewSession(custom, "Douai", 1, 10,
                List.of(new NewHalfDay(DAY, "matin", new BigDecimal("3"))), List.of()));
        mvc.perform(get(base(lens)).with(user(lensDirector))).andExpect(content().string(not(containsString("sur mesure pour Douai"))));
        mvc.perform(get(base(douai)).with(user(douaiDirector))).andExpect(content().string(containsString("sur mesure pour Douai")));
        mvc.perform(get(base(lens) + "/sessions/" + customSession).with(user(lensDirector))).andExpect(status().isNotFound());
    }

    @Test
    void theDocumentsNameThePersonTheCourseAndTheDates() throws Exception {
        fill();
        OwnRegistration yasmine = own(lens, "Dhina");
        String confirmation = pdfText(mvc.perform(get(base(lens) + "/inscriptions/" + yasmine.id() + "/confirmation.pdf")
                .with(user(lensDirector))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf")).andReturn());
        String longDay = DAY.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH));
        assertThat(confirmation).contains("Confirmation d'inscription", "Yasmine Dhina", "Accueillir en centre social",
                "le " + DAY.format(SHORT), longDay, "Matin", "Après-midi", "7,00 h", "Maison des associations, Lille",
                "Inscription confirmée", "Centre social de Lens");

        String waiting = pdfText(mvc.perform(get(base(douai) + "/inscriptions/" + own(douai, "Petit").id() + "/confirmation.pdf")
                .with(user(douaiDirector))).andExpect(status().isOk()).andReturn());
        assertThat(waiting).contains("Hugo Petit", "Sur liste d'attente (position 2)").doesNotContain("Inscription confirmée");

        String convocation = pdfText(mvc.perform(get(base(lens) + "/inscriptions/" + yasmine.id() + "/convocation.pdf")
                .with(user(lensDirector))).andExpect(status().isOk()).andReturn());
        assertThat(convocation).contains("Convocation à la formation", "Yasmine Dhina", "Accueillir en centre social", longDay,
                "Matin", "Après-midi", "3,50 h", "Maison des associations, Lille", "Faire de l'accueil l'affaire de tous",
                "Venir avec le projet social du centre", "Nadia Formatrice", "formation@nord.example", nord.name());

        // no convocation while waiting: a French refusal, not an error
        MvcResult refused = mvc.perform(get(base(douai) + "/inscriptions/" + own(douai, "Petit").id() + "/convocation.pdf")
                .with(user(douaiDirector))).andExpect(status().isBadRequest()).andReturn();
        assertThat(refused.getResponse().getErrorMessage()).isEqualTo(
                "Hugo Petit est sur liste d'attente : la convocation viendra avec une place.");
        mvc.perform(get(base(douai) + "/inscriptions/" + own(douai, "Petit").id() + "/convocation.pdf")
                .header("Referer", "http://localhost" + base(douai)).with(user(douaiDirector)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error",
                        "Hugo Petit est sur liste d'attente : la convocation viendra avec une place."));
    }

    @Test
    void theFederationPrintsTheSessionsConvocationsAndAReaderDoesNot() throws Exception {
        fill();
        String direction = fixtures.user(nord, FederationRole.ADMIN);
        String reader = fixtures.user(nord, FederationRole.READER);
        String path = "/f/" + nord.code() + "/formation";
        MvcResult all = mvc.perform(get(path + "/sessions/" + session + "/convocations.pdf").with(user(direction)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf")).andReturn();
        try (PDDocument pdf = Loader.loadPDF(all.getResponse().getContentAsByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            assertThat(page(pdf, 1)).contains("Yasmine Dhina").doesNotContain("Marc Vasseur");
            assertThat(page(pdf, 2)).contains("Marc Vasseur", "Accueillir en centre social");
            assertThat(new PDFTextStripper().getText(pdf)).doesNotContain("Rose Blanc", "Hugo Petit");
        }
        long rose = own(douai, "Blanc").id();
        assertThat(pdfText(mvc.perform(get(path + "/inscriptions/" + rose + "/confirmation.pdf").with(user(direction)))
                .andExpect(status().isOk()).andReturn())).contains("Rose Blanc", "Sur liste d'attente (position 1)", "Centre social de Douai");
        mvc.perform(get(path + "/inscriptions/" + rose + "/convocation.pdf").with(user(direction))).andExpect(status().isBadRequest());
        long yasmine = own(lens, "Dhina").id();
        assertThat(pdfText(mvc.perform(get(path + "/inscriptions/" + yasmine + "/convocation.pdf").with(user(direction)))
                .andExpect(status().isOk()).andReturn())).contains("Yasmine Dhina");

        mvc.perform(get(path + "/sessions/" + session + "/convocations.pdf").with(user(reader))).andExpect(status().isForbidden());
        mvc.perform(get(path + "/inscriptions/" + yasmine + "/confirmation.pdf").with(user(reader))).andExpect(status().isForbidden());
        mvc.perform(get(path + "/inscriptions/" + yasmine + "/convocation.pdf").with(user(reader))).andExpect(status().isForbidden());
        // another federation's direction: not found
        String other = fixtures.user(autre, FederationRole.ADMIN);
        String otherPath = "/f/" + autre.code() + "/formation";
        mvc.perform(get(otherPath + "/inscriptions/" + yasmine + "/confirmation.pdf").with(user(other))).andExpect(status().isNotFound());
        mvc.perform(get(otherPath + "/sessions/" + session + "/convocations.pdf").with(user(other))).andExpect(status().isNotFound());

        // a cancelled session convenes nobody
        training.cancel(nord.id(), session, "effectif_insuffisant", null, LocalDate.now());
        mvc.perform(get(path + "/sessions/" + session + "/convocations.pdf").with(user(direction))).andExpect(status().isBadRequest());
        mvc.perform(get(base(lens) + "/inscriptions/" + yasmine + "/convocation.pdf").with(user(lensDirector)))
                .andExpect(status().isBadRequest());
        assertThat(pdfText(mvc.perform(get(base(lens) + "/inscriptions/" + yasmine + "/confirmation.pdf").with(user(lensDirector)))
                .andExpect(status().isOk()).andReturn())).contains("Session annulée", "Trop peu d'inscrits");
    }

    static String pdfText(MvcResult result) throws IOException {
        byte[] bytes = result.getResponse().getContentAsByteArray();
        // kept to be looked at: target/screenshots/<the file's name>
        String name = result.getResponse().getHeader("Content-Disposition").replaceAll(".*filename=\"([^\"]+)\".*", "$1");
        Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve(name), bytes);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            return text(new PDFTextStripper().getText(pdf));
        }
    }

    /** The PDF's text with its no-break spaces (before a unit, between thousands) as plain spaces. */
    static String text(String s) {
        return s.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    static String page(PDDocument pdf, int n) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(n);
        stripper.setEndPage(n);
        return text(stripper.getText(pdf));
    }

    @Test
    void anEmployeeWhoseContractEndedIsNeitherOfferedNorAccepted() throws Exception {
        long gone = staff.hire(lens.id(), "Lemaire", "Odile", new StaffService.NewContract("cdd", "animateur", null,
                new BigDecimal("20"), LocalDate.of(2019, 1, 1), LocalDate.of(2021, 6, 30), null));
        assertThat(centres.employees(lens.id(), LocalDate.now())).extracting(Candidate::id).containsExactly(lensEmployee);
        mvc.perform(registration(lens, lensDirector).param("person", "salarie:" + gone)).andExpect(status().isNotFound());
        mvc.perform(get(base(lens) + "/sessions/" + session).with(user(lensDirector))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Dhina Yasmine"), not(containsString("Lemaire Odile")))));
    }

    @Test
    void aCentreCannotCancelARegistrationAlreadySigned() throws Exception {
        fill();
        OwnRegistration marc = own(lens, "Vasseur");
        long halfDay = training.halfDays(nord.id(), session).get(0).id();
        jdbc.sql("insert into training_presences (federation_id, registration_id, half_day_id) values (?, ?, ?)")
                .params(nord.id(), marc.id(), halfDay).update();
        mvc.perform(post(base(lens) + "/inscriptions/" + marc.id() + "/annuler").with(user(lensDirector)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error",
                        "Marc Vasseur a déjà signé la feuille d'émargement de cette session : son inscription ne peut plus être annulée."));
        assertThat(own(lens, "Vasseur").state()).isEqualTo("inscrit");
        assertThat(own(douai, "Blanc").state()).isEqualTo("attente");
    }
}
