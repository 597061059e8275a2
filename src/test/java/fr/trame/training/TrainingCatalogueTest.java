package fr.trame.training;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.federation.TerritoryService;
import fr.trame.training.TrainingService.NewCourse;
import fr.trame.training.TrainingService.NewHalfDay;
import fr.trame.training.TrainingService.NewRegistration;
import fr.trame.training.TrainingService.NewSession;
import fr.trame.training.TrainingService.Registration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The federation's side of the training organisation on a small network: AT Lens-Liévin with the centre of Lens
 * (a Trame centre) and Avion, AT Douaisis with Douai. A session of two places on 04/03/2023, matin 3,5 h and
 * après-midi 3 h.
 */
@TrameTest
class TrainingCatalogueTest {

    @Autowired Fixtures fixtures;
    @Autowired TrainingService training;
    @Autowired TrainingCatalogueService catalogue;
    @Autowired TerritoryService territories;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    Federation federation;
    String base;
    String direction;
    String reader;
    String delegue;
    Centre lensCentre;
    long lensLievin;
    long douaisis;
    long lens;
    long avion;
    long douai;
    long course;
    long session;

    @BeforeEach
    void setUp() {
        federation = fixtures.federation("catalogue");
        base = "/f/" + federation.code() + "/formation";
        direction = fixtures.user(federation, FederationRole.ADMIN);
        reader = fixtures.user(federation, FederationRole.READER);
        delegue = fixtures.user(federation, FederationRole.DELEGUE);
        lensLievin = territories.create(federation.id(), "Lens-Liévin", "at");
        douaisis = territories.create(federation.id(), "Douaisis", "at");
        territories.assign(federation.id(), lensLievin, fixtures.userId(delegue), LocalDate.of(2020, 1, 1));
        lensCentre = fixtures.centre("lens");
        lens = inAt(fixtures.structure(federation, "Centre social de Lens", "62", lensCentre.id()), lensLievin);
        avion = inAt(fixtures.structure(federation, "Centre social d'Avion", "62", null), lensLievin);
        douai = inAt(fixtures.structure(federation, "Centre social de Douai", "59", null), douaisis);
        course = training.createCourse(federation.id(), new NewCourse("Accueillir les publics", "salaries",
                "Savoir accueillir", null, null, new BigDecimal("6.5"), 12000L, "presentiel", false, null));
        session = training.planSession(federation.id(), new NewSession(course, "Arras", 1, 2, List.of(
                new NewHalfDay(LocalDate.of(2023, 3, 4), "matin", new BigDecimal("3.5")),
                new NewHalfDay(LocalDate.of(2023, 3, 4), "apres_midi", new BigDecimal("3"))), List.of()));
    }

    long inAt(long structure, long territory) {
        jdbc.sql("update structures set territory_id = ? where federation_id = ? and id = ?")
                .params(territory, federation.id(), structure).update();
        return structure;
    }

    Registration register(long structure, String last, String first) {
        return training.register(federation.id(), session, new NewRegistration(structure, last, first, null, null,
                "salarie", "saisie", null, false, null));
    }

    String page(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    @Test
    void theDirectionCreatesACourseATrainerAndPlansASessionByTheForms() throws Exception {
        MvcResult created = mvc.perform(post(base + "/catalogue").with(user(direction)).with(csrf())
                        .param("title", "Animer une réunion").param("audience", "benevoles").param("objectives", "Préparer, animer")
                        .param("durationHours", "10,5").param("price", "150").param("modality", "distanciel"))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
        TrainingService.Course c = training.course(federation.id(), id);
        assertThat(c.durationHours()).isEqualByComparingTo("10.5");
        assertThat(c.priceCents()).isEqualTo(15000L);
        mvc.perform(get(base + "/catalogue/" + id).with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("150\u00a0€")))
                .andExpect(content().string(containsString("10,50\u00a0h")))
                .andExpect(content().string(not(containsString("id=\"modifier\""))));

        mvc.perform(post(base + "/formateurs").with(user(direction)).with(csrf()).param("name", "Claire Nord")
                .param("kind", "externe").param("organisation", "Formations du Nord").param("email", "claire@nord.fr"))
                .andExpect(status().is3xxRedirection());
        long trainer = training.trainers(federation.id()).get(0).id();

        MvcResult planned = mvc.perform(post(base + "/sessions").with(user(direction)).with(csrf())
                        .param("courseId", String.valueOf(id)).param("place", "Lille").param("minParticipants", "3")
                        .param("maxParticipants", "10")
                        .param("day", "12/10/2023", "", "13/10/2023").param("period", "matin", "matin", "apres_midi")
                        .param("hours", "3,5", "3,5", "3").param("trainerIds", String.valueOf(trainer)))
                .andExpect(status().is3xxRedirection()).andReturn();
        long planId = Long.parseLong(planned.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
        TrainingService.Session s = training.session(federation.id(), planId);
        assertThat(s.hours()).isEqualByComparingTo("6.5");
        assertThat(s.firstDay()).isEqualTo(LocalDate.of(2023, 10, 12));
        assertThat(s.lastDay()).isEqualTo(LocalDate.of(2023, 10, 13));
        assertThat(training.trainersOf(federation.id(), planId)).extracting(TrainingService.Trainer::name).containsExactly("Claire Nord");
        // the course page names the trainers of its sessions; the hub lists the session of 2023
        mvc.perform(get(base + "/catalogue/" + id).with(user(reader))).andExpect(content().string(containsString("Claire Nord")));
        mvc.perform(get(base).param("annee", "2023").with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Animer une réunion")))
                .andExpect(content().string(containsString("12/10/2023")));
        mvc.perform(get(base).param("annee", "deux mille").with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("L&#39;année « deux mille » n&#39;est pas une année")));
    }

    @Test
    void wrongValuesGetFrenchMessagesAndNothingIsSaved() throws Exception {
        // a title already in the catalogue (other case)
        mvc.perform(post(base + "/catalogue").with(user(direction)).with(csrf()).param("title", "accueillir les PUBLICS")
                        .param("audience", "salaries").param("durationHours", "7").param("modality", "presentiel"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Le catalogue a déjà une formation intitulée")));
        mvc.perform(post(base + "/catalogue").with(user(direction)).with(csrf()).param("title", "Nouvelle")
                        .param("audience", "inconnu").param("durationHours", "0").param("price", "douze")
                        .param("modality", "presentiel").param("custom", "oui"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choisissez le public dans la liste.")))
                .andExpect(content().string(containsString("La durée en heures : entre 0,5 et 1")))
                .andExpect(content().string(containsString("n&#39;est pas un montant")))
                .andExpect(content().string(containsString("Une formation sur mesure est faite pour une structure")))
                .andExpect(content().string(containsString("value=\"Nouvelle\"")));
        assertThat(training.courses(federation.id(), true)).hasSize(1);

        // min over max, bad hours, a half-day twice
        mvc.perform(post(base + "/sessions").with(user(direction)).with(csrf()).param("courseId", String.valueOf(course))
                        .param("minParticipants", "8").param("maxParticipants", "5")
                        .param("day", "12/10/2023", "32/10/2023", "12/10/2023").param("period", "matin", "matin", "matin")
                        .param("hours", "7", "3", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Le minimum de participants dépasse le maximum.")))
                .andExpect(content().string(containsString("Ligne 1 : une demi-journée compte entre 0,5 et 6 heures (« 7 »).")))
                .andExpect(content().string(containsString("Ligne 2 : « 32/10/2023 » n&#39;est pas une date")))
                .andExpect(content().string(containsString("value=\"32/10/2023\"")));
        mvc.perform(post(base + "/sessions").with(user(direction)).with(csrf()).param("courseId", String.valueOf(course))
                        .param("minParticipants", "1").param("maxParticipants", "5")
                        .param("day", "12/10/2023", "12/10/2023").param("period", "matin", "matin").param("hours", "3", "trois"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("« trois » n&#39;est pas un nombre d&#39;heures")));
        // a half-day in 1999 or 2150 is a typing error, in planning and in adding one
        mvc.perform(post(base + "/sessions").with(user(direction)).with(csrf()).param("courseId", String.valueOf(course))
                        .param("minParticipants", "1").param("maxParticipants", "5")
                        .param("day", "12/10/2023", "12/10/1999", "12/10/2150").param("period", "matin", "matin", "matin")
                        .param("hours", "3", "3", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ligne 2 : le 12/10/1999 n&#39;est pas une date de formation : "
                        + "l&#39;année doit être entre 2000 et 2100.")))
                .andExpect(content().string(containsString("Ligne 3 : le 12/10/2150 n&#39;est pas une date de formation")));
        assertThat(training.sessionsOf(federation.id(), course)).hasSize(1);
        mvc.perform(post(base + "/sessions/" + session + "/demi-journees").with(user(direction)).with(csrf())
                        .param("day", "05/03/1999").param("period", "matin").param("hours", "2,5"))
                .andExpect(flash().attribute("error", "Demi-journée non ajoutée : le 05/03/1999 n'est pas une date de formation : "
                        + "l'année doit être entre 2000 et 2100."));
        assertThat(training.halfDays(federation.id(), session)).noneMatch(h -> h.day().getYear() == 1999);

        // a NUL character and a huge value are refused before the controller, in French
        mvc.perform(post(base + "/catalogue").with(user(direction)).with(csrf()).param("title", "A\0B")
                        .param("audience", "salaries").param("durationHours", "7").param("modality", "presentiel"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(base + "/sessions/" + session + "/inscriptions").with(user(direction)).with(csrf())
                        .param("structureId", String.valueOf(lens)).param("lastName", "x".repeat(600)).param("firstName", "Ana")
                        .param("quality", "salarie"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(base + "/sessions/" + session + "/inscriptions").with(user(direction)).with(csrf())
                        .param("structureId", String.valueOf(lens)).param("lastName", "x".repeat(150)).param("firstName", "Ana")
                        .param("quality", "salarie"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Le nom : 100 caractères au plus.")));
        mvc.perform(post(base + "/sessions/" + session + "/places").with(user(direction)).with(csrf())
                        .param("maxParticipants", "99999999999999999999"))
                .andExpect(flash().attribute("error", containsString("un nombre entier entre 1 et 1 000")));
        assertThat(training.session(federation.id(), session).maxParticipants()).isEqualTo(2);
        assertThat(training.registrations(federation.id(), session, null)).isEmpty();
    }

    @Test
    void raisingTheMaximumGivesThePlacesToTheWaitingListInItsOrder() throws Exception {
        register(lens, "Martin", "Anne");
        register(avion, "Durand", "Paul");
        Registration first = register(douai, "Leroy", "Inès");
        Registration second = register(lens, "Petit", "Hugo");
        Registration third = register(avion, "Roux", "Léa");
        assertThat(List.of(first.state(), second.state(), third.state())).containsOnly("attente");

        mvc.perform(post(base + "/sessions/" + session + "/places").with(user(direction)).with(csrf()).param("maxParticipants", "4"))
                .andExpect(flash().attribute("message", containsString("2 personne(s) de la liste d'attente obtiennent une place : "
                        + "Inès Leroy, Hugo Petit.")));
        assertThat(training.registration(federation.id(), first.id()).state()).isEqualTo("inscrit");
        assertThat(training.registration(federation.id(), second.id()).state()).isEqualTo("inscrit");
        assertThat(training.registration(federation.id(), third.id()).state()).isEqualTo("attente");
        TrainingService.Session s = training.session(federation.id(), session);
        assertThat(s.registered()).isEqualTo(4);
        assertThat(s.waiting()).isEqualTo(1);
        // not under the places taken
        mvc.perform(post(base + "/sessions/" + session + "/places").with(user(direction)).with(csrf()).param("maxParticipants", "3"))
                .andExpect(flash().attribute("error", containsString("4 personnes ont déjà une place")));
        // a cancellation gives the place to the last one waiting, and the message says so
        mvc.perform(post(base + "/sessions/" + session + "/inscriptions/" + first.id() + "/annuler").with(user(direction)).with(csrf()))
                .andExpect(flash().attribute("message", "Inscription de Inès Leroy annulée. Léa Roux, première sur la liste"
                        + " d'attente, prend la place."));
        assertThat(training.registration(federation.id(), third.id()).state()).isEqualTo("inscrit");
    }

    @Test
    void anotherFederationsIdsAreNotFound() throws Exception {
        Federation other = fixtures.federation("autre");
        String otherDirection = fixtures.user(other, FederationRole.ADMIN);
        String otherBase = "/f/" + other.code() + "/formation";
        Registration r = register(lens, "Martin", "Anne");
        mvc.perform(get(otherBase + "/sessions/" + session).with(user(otherDirection))).andExpect(status().isNotFound());
        mvc.perform(get(otherBase + "/catalogue/" + course).with(user(otherDirection))).andExpect(status().isNotFound());
        mvc.perform(get(otherBase + "/catalogue/" + course + "/modifier").with(user(otherDirection))).andExpect(status().isNotFound());
        mvc.perform(get(otherBase + "/sessions/nouvelle").param("formation", String.valueOf(course)).with(user(otherDirection)))
                .andExpect(status().isNotFound());
        mvc.perform(post(otherBase + "/sessions/" + session + "/confirmer").with(user(otherDirection)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(otherBase + "/sessions/" + session + "/inscriptions/" + r.id() + "/annuler").with(user(otherDirection))
                .with(csrf())).andExpect(status().isNotFound());
        // a session of the other federation cannot register someone for one of ours structures
        long theirCourse = training.createCourse(other.id(), new NewCourse("Autre", "mixte", null, null, null, BigDecimal.ONE,
                null, "presentiel", false, null));
        long theirSession = training.planSession(other.id(), new NewSession(theirCourse, null, 1, 5, List.of(
                new NewHalfDay(LocalDate.of(2023, 5, 2), "matin", new BigDecimal("3"))), List.of()));
        mvc.perform(post(otherBase + "/sessions/" + theirSession + "/inscriptions").with(user(otherDirection)).with(csrf())
                .param("structureId", String.valueOf(lens)).param("lastName", "Nord").param("firstName", "Zoé")
                .param("quality", "salarie")).andExpect(status().isNotFound());
        assertThat(training.registrations(other.id(), theirSession, null)).isEmpty();
        assertThat(training.registration(federation.id(), r.id()).state()).isEqualTo("inscrit");
    }

    @Test
    void aReaderSeesCountsAndNoNameAndADelegueRegistersOnlyInTheirAts() throws Exception {
        register(lens, "Martin", "Anne");
        register(douai, "Leroy", "Inès");
        register(avion, "Durand", "Paul");
        mvc.perform(get(base + "/sessions/" + session).with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>2</span> place(s) prise(s),")))
                .andExpect(content().string(containsString("<span>1</span> en attente")))
                .andExpect(content().string(not(containsString("Martin"))))
                .andExpect(content().string(not(containsString("Leroy"))))
                .andExpect(content().string(not(containsString("Durand"))))
                .andExpect(content().string(not(containsString("action=\"" + base + "/sessions/"))))
                .andExpect(content().string(not(containsString("id=\"inscrire\""))));
        mvc.perform(post(base + "/sessions/" + session + "/inscriptions").with(user(reader)).with(csrf())
                .param("structureId", String.valueOf(lens)).param("lastName", "Nord").param("firstName", "Zoé")
                .param("quality", "salarie")).andExpect(status().isForbidden());

        // the délégué of Lens-Liévin sees the names, registers for Avion, not for Douai nor for the federation itself
        mvc.perform(get(base + "/sessions/" + session).with(user(delegue))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Anne Martin")))
                .andExpect(content().string(containsString("id=\"inscrire\"")))
                .andExpect(content().string(not(containsString("id=\"bouton-confirmer\""))));
        mvc.perform(post(base + "/sessions/" + session + "/inscriptions").with(user(delegue)).with(csrf())
                .param("structureId", String.valueOf(douai)).param("lastName", "Nord").param("firstName", "Zoé")
                .param("quality", "salarie")).andExpect(status().isForbidden());
        mvc.perform(post(base + "/sessions/" + session + "/inscriptions").with(user(delegue)).with(csrf())
                .param("structureId", "").param("lastName", "Nord").param("firstName", "Zoé")
                .param("quality", "salarie")).andExpect(status().isForbidden());
        mvc.perform(post(base + "/sessions/" + session + "/confirmer").with(user(delegue)).with(csrf()))
                .andExpect(status().isForbidden());
        Registration leroy = training.registrations(federation.id(), session, douai).get(0);
        mvc.perform(post(base + "/sessions/" + session + "/inscriptions/" + leroy.id() + "/annuler").with(user(delegue)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/sessions/" + session + "/inscriptions").with(user(delegue)).with(csrf())
                        .param("structureId", String.valueOf(avion)).param("lastName", "Nord").param("firstName", "Zoé")
                        .param("job", "Animatrice").param("quality", "salarie"))
                .andExpect(flash().attribute("message", "Zoé Nord est sur la liste d'attente : la session est complète."));
        assertThat(training.registrations(federation.id(), session, avion)).extracting(Registration::lastName)
                .containsExactly("Durand", "Nord");
        assertThat(training.registrations(federation.id(), session, douai)).hasSize(1);
    }

    @Test
    void aSessionIsCancelledWithItsReasonAndACourseEditedThenArchived() throws Exception {
        String path = base + "/sessions/" + session;
        mvc.perform(post(path + "/annuler").with(user(direction)).with(csrf()).param("reason", "parce-que"))
                .andExpect(flash().attribute("error", "Rien n'est annulé : choisissez le motif de l'annulation dans la liste."));
        mvc.perform(post(path + "/annuler").with(user(delegue)).with(csrf()).param("reason", "autre"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path + "/annuler").with(user(direction)).with(csrf()).param("reason", "effectif_insuffisant")
                .param("note", "Une seule inscription à J-10")).andExpect(flash().attribute("message", containsString("trop peu")));
        TrainingService.Session s = training.session(federation.id(), session);
        assertThat(s.status()).isEqualTo("annulee");
        assertThat(s.cancelReason()).isEqualTo("effectif_insuffisant");
        assertThat(s.cancelNote()).isEqualTo("Une seule inscription à J-10");
        mvc.perform(get(path).with(user(reader))).andExpect(content().string(containsString("Trop peu d&#39;inscrits")))
                .andExpect(content().string(containsString("Une seule inscription à J-10")));
        mvc.perform(get(base).param("annee", "2023").with(user(reader)))
                .andExpect(content().string(containsString("non (annulée)")));

        long other = training.createCourse(federation.id(), new NewCourse("Gérer un budget", "mixte", null, null, null,
                new BigDecimal("3"), null, "presentiel", false, null));
        mvc.perform(post(base + "/catalogue/" + other).with(user(direction)).with(csrf()).param("title", "Accueillir les publics")
                        .param("audience", "mixte").param("durationHours", "3").param("modality", "presentiel"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Le catalogue a déjà une formation intitulée")));
        mvc.perform(post(base + "/catalogue/" + other).with(user(delegue)).with(csrf()).param("title", "X")
                .param("audience", "mixte").param("durationHours", "3").param("modality", "presentiel"))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/catalogue/" + other).with(user(direction)).with(csrf()).param("title", "Construire un budget")
                        .param("audience", "benevoles").param("durationHours", "4,5").param("modality", "mixte")
                        .param("custom", "oui").param("requestedBy", String.valueOf(douai)))
                .andExpect(status().is3xxRedirection());
        TrainingService.Course c = training.course(federation.id(), other);
        assertThat(c.title()).isEqualTo("Construire un budget");
        assertThat(c.durationHours()).isEqualByComparingTo("4.5");
        assertThat(c.requestedBy()).isEqualTo(douai);
        mvc.perform(get(base + "/catalogue/" + other).with(user(reader)))
                .andExpect(content().string(containsString("Centre social de Douai")));

        mvc.perform(post(base + "/catalogue/" + other + "/archiver").with(user(direction)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(base + "/catalogue").with(user(reader)))
                .andExpect(content().string(not(containsString("Construire un budget"))));
        mvc.perform(get(base + "/catalogue").param("archives", "oui").with(user(reader)))
                .andExpect(content().string(containsString("Construire un budget")));
        mvc.perform(post(base + "/sessions").with(user(direction)).with(csrf()).param("courseId", String.valueOf(other))
                        .param("minParticipants", "1").param("maxParticipants", "5")
                        .param("day", "12/10/2023").param("period", "matin").param("hours", "3"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Cette formation est archivée")));
        assertThat(training.sessionsOf(federation.id(), other)).isEmpty();
    }

    @Test
    void halfDaysAreRemovedOnlyWhileNobodySignedThem() throws Exception {
        Registration r = register(lens, "Martin", "Anne");
        List<TrainingService.HalfDay> days = training.halfDays(federation.id(), session);
        jdbc.sql("insert into training_presences (federation_id, registration_id, half_day_id) values (?, ?, ?)")
                .params(federation.id(), r.id(), days.get(0).id()).update();
        mvc.perform(post(base + "/sessions/" + session + "/demi-journees/" + days.get(0).id() + "/retirer").with(user(direction))
                .with(csrf())).andExpect(flash().attribute("error", containsString("Des présences sont signées")));
        mvc.perform(post(base + "/sessions/" + session + "/demi-journees").with(user(direction)).with(csrf())
                .param("day", "05/03/2023").param("period", "matin").param("hours", "2,5"))
                .andExpect(flash().attribute("message", "Demi-journée du 05/03/2023 ajoutée."));
        mvc.perform(post(base + "/sessions/" + session + "/demi-journees/" + days.get(1).id() + "/retirer").with(user(direction))
                .with(csrf())).andExpect(flash().attribute("message", "Demi-journée retirée."));
        assertThat(training.session(federation.id(), session).hours()).isEqualByComparingTo("6");
        // held: not cancelled and signed
        assertThat(catalogue.heldSessions(federation.id())).containsExactly(session);
        mvc.perform(get(base).param("annee", "2023").with(user(reader)))
                .andExpect(content().string(containsString("<td>oui</td>")));
    }

    @Test
    void aCentresRequestReachesItsFederationOnly() throws Exception {
        String lensDirector = fixtures.user(lensCentre, Role.DIRECTION);
        Centre alone = fixtures.centre("seul");
        String aloneDirector = fixtures.user(alone, Role.DIRECTION);
        Centre other = fixtures.centre("voisin");
        fixtures.structure(federation, "Centre social voisin", "62", other.id());
        String otherDirector = fixtures.user(other, Role.DIRECTION);
        String lensAccueil = fixtures.user(lensCentre, Role.ACCUEIL);

        mvc.perform(get("/c/" + alone.code() + "/formations/demandes/nouvelle").with(user(aloneDirector)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("n'est rattaché à aucune fédération sur Trame")));
        mvc.perform(get("/c/" + lensCentre.code() + "/formations/demandes/nouvelle").with(user(lensAccueil)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/c/" + lensCentre.code() + "/formations/demandes").with(user(lensDirector)).with(csrf())
                        .param("subject", "").param("audience", "benevoles").param("expectedPeople", "beaucoup"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Indiquez le sujet de la formation souhaitée.")));
        mvc.perform(post("/c/" + lensCentre.code() + "/formations/demandes").with(user(lensDirector)).with(csrf())
                        .param("subject", "La laïcité au quotidien").param("audience", "benevoles")
                        .param("wishedPeriod", "printemps 2024").param("expectedPeople", "12")
                        .param("description", "Pour nos bénévoles d'accueil"))
                .andExpect(status().is3xxRedirection());
        TrainingCatalogueService.Request q = catalogue.requests(federation.id(), null).get(0);
        assertThat(q.structureId()).isEqualTo(lens);
        assertThat(q.expectedPeople()).isEqualTo(12);
        assertThat(q.status()).isEqualTo("recue");

        mvc.perform(get(base + "/demandes").with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("La laïcité au quotidien")))
                .andExpect(content().string(not(containsString("Enregistrer la réponse"))));
        Federation otherFederation = fixtures.federation("ailleurs");
        mvc.perform(get("/f/" + otherFederation.code() + "/formation/demandes")
                        .with(user(fixtures.user(otherFederation, FederationRole.ADMIN))))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("La laïcité"))));
        mvc.perform(get("/c/" + other.code() + "/formations/demandes/nouvelle").with(user(otherDirector)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("La laïcité"))));

        // the direction answers, then builds the custom course from the request
        mvc.perform(post(base + "/demandes/" + q.id()).with(user(reader)).with(csrf()).param("status", "acceptee"))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/demandes/" + q.id()).with(user(direction)).with(csrf()).param("status", "acceptee")
                .param("comment", "Nous vous proposons deux dates en avril.")).andExpect(status().is3xxRedirection());
        mvc.perform(get(base + "/catalogue/nouvelle").param("demande", String.valueOf(q.id())).with(user(direction)))
                .andExpect(content().string(containsString("value=\"La laïcité au quotidien\"")))
                .andExpect(content().string(containsString("id=\"custom\" name=\"custom\" value=\"oui\" checked")));
        mvc.perform(post(base + "/catalogue").with(user(direction)).with(csrf()).param("title", "La laïcité au quotidien")
                .param("audience", "benevoles").param("durationHours", "7").param("modality", "presentiel")
                .param("custom", "oui").param("requestedBy", String.valueOf(lens)).param("requestId", String.valueOf(q.id())))
                .andExpect(status().is3xxRedirection());
        TrainingCatalogueService.Request done = catalogue.request(federation.id(), q.id());
        assertThat(done.courseId()).isNotNull();
        TrainingService.Course made = training.course(federation.id(), done.courseId());
        assertThat(made.custom()).isTrue();
        assertThat(made.requestedBy()).isEqualTo(lens);
        mvc.perform(get("/c/" + lensCentre.code() + "/formations/demandes/nouvelle").with(user(lensDirector)))
                .andExpect(content().string(containsString("Nous vous proposons deux dates en avril.")))
                .andExpect(content().string(containsString("Acceptée")));
        // another federation's request id
        mvc.perform(post("/f/" + otherFederation.code() + "/formation/demandes/" + q.id())
                .with(user(fixtures.user(otherFederation, FederationRole.ADMIN))).with(csrf()).param("status", "refusee"))
                .andExpect(status().isNotFound());
        assertThat(catalogue.request(federation.id(), q.id()).status()).isEqualTo("acceptee");
    }

    @Test
    void aCourseForARequestNotOfTheFederationIsNotSavedAtAll() throws Exception {
        mvc.perform(post(base + "/catalogue").with(user(direction)).with(csrf()).param("title", "Une formation sans demande")
                        .param("audience", "benevoles").param("durationHours", "7").param("modality", "presentiel")
                        .param("custom", "oui").param("requestedBy", String.valueOf(lens)).param("requestId", "987654321"))
                .andExpect(status().isNotFound());
        assertThat(training.courses(federation.id(), true)).extracting(TrainingService.Course::title)
                .doesNotContain("Une formation sans demande");
    }
}
