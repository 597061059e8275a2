package fr.trame.federation;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.UserService;
import fr.trame.people.MembershipImporter;
import fr.trame.people.PeopleImporter;
import fr.trame.reception.ReceptionImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A structure's page as the federation edits it: the direction and the délégué of its AT write, a reader and the
 * délégué of another AT are refused, another federation does not find it; dated histories are kept, refusals are said
 * in French beside their field with what was typed kept.
 */
@TrameTest
class StructureEditTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));
    static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired Fixtures fixtures;
    @Autowired StructureImporter importer;
    @Autowired StructureService structures;
    @Autowired TerritoryService territories;
    @Autowired PeopleImporter people;
    @Autowired MembershipImporter memberships;
    @Autowired ReceptionImporter reception;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;
    @Autowired MockMvc mvc;

    Federation federation;
    String direction;
    String reader;
    String delegueLens;
    String delegueLille;
    long lens;
    long lille;
    long sante;
    long vachala;
    long beaujardin;
    long presidents;
    String base;

    @BeforeEach
    void setUp() {
        federation = fixtures.federation("edit");
        base = "/f/" + federation.code() + "/structures/";
        importer.importCsv(federation.id(), csv("""
                structure_ref;name;kind;status;departement;territory;commune;managing_association
                CS1;Centre social Vachala;cs;municipal;62;Lens;Lens;
                CS2;Maison de quartier Beaujardin;cs;associatif;59;Lille;Lille;ACSRV
                CS3;Centre des Présidents;cs;associatif;59;Lille;Roubaix; acsrv\s
                """), TODAY);
        lens = territory("Lens");
        lille = territory("Lille");
        sante = territories.create(federation.id(), "Réseau santé", "reseau");
        vachala = ref("CS1");
        beaujardin = ref("CS2");
        presidents = ref("CS3");
        direction = fixtures.user(federation, FederationRole.ADMIN);
        reader = fixtures.user(federation, FederationRole.READER);
        delegueLens = fixtures.user(federation, FederationRole.DELEGUE);
        delegueLille = fixtures.user(federation, FederationRole.DELEGUE);
        territories.assign(federation.id(), lens, fixtures.userId(delegueLens), TODAY.minusYears(1));
        territories.assign(federation.id(), lille, fixtures.userId(delegueLille), TODAY.minusYears(1));
    }

    long territory(String name) {
        return jdbc.sql("select id from territories where federation_id = ? and name = ?").params(federation.id(), name)
                .query(Long.class).single();
    }

    long ref(String ref) {
        return jdbc.sql("select id from structures where federation_id = ? and ref = ?").params(federation.id(), ref)
                .query(Long.class).single();
    }

    MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(user(username)).with(csrf());
    }

    String page(String username, long structure) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get(base + structure).with(user(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theDirectionEditsTheRecordAndItsNetworks() throws Exception {
        mvc.perform(as(direction, post(base + vachala + "/fiche")).param("name", "Centre social Vachala-Lens")
                        .param("kind", "cs").param("departement", "62").param("commune", "Lens").param("epci", "CALL")
                        .param("cafAntenna", "Lens").param("managingAssociation", "Association Vachala")
                        .param("territoryId", String.valueOf(lille)).param("grids", String.valueOf(sante)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(base + vachala))
                .andExpect(flash().attribute("message", "Fiche enregistrée."));
        Structure s = structures.get(federation.id(), vachala, TODAY);
        assertThat(s.name()).isEqualTo("Centre social Vachala-Lens");
        assertThat(s.epci()).isEqualTo("CALL");
        assertThat(s.managingAssociation()).isEqualTo("Association Vachala");
        assertThat(s.territoryId()).isEqualTo(lille);
        assertThat(structures.grids(federation.id(), vachala)).containsExactly("Réseau santé");

        // no network ticked: it leaves the network
        mvc.perform(as(direction, post(base + vachala + "/fiche")).param("name", "Centre social Vachala-Lens")
                        .param("kind", "cs").param("departement", "62").param("territoryId", String.valueOf(lille)))
                .andExpect(status().is3xxRedirection());
        assertThat(structures.grids(federation.id(), vachala)).isEmpty();
        assertThat(structures.get(federation.id(), vachala, TODAY).epci()).isNull();

        // too long, a bad département, an AT of no one: said beside each field, nothing saved
        String html = HtmlUtils.htmlUnescape(mvc.perform(as(direction, post(base + vachala + "/fiche")).param("name", "N".repeat(301))
                        .param("kind", "mjc").param("departement", "5").param("commune", "Lens-Nord")
                        .param("territoryId", "abc").param("grids", String.valueOf(lens)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(html).contains("Le nom de la structure : 300 caractères au plus.", "Choisissez le type de structure dans la liste.",
                "« 5 » n'est pas un code de département", "Choisissez l'assemblée territoriale dans la liste.",
                "value=\"Lens-Nord\"", "id=\"modifier-fiche\" open");
        // a network that is an AT is no network
        assertThat(HtmlUtils.htmlUnescape(mvc.perform(as(direction, post(base + vachala + "/fiche")).param("name", "Vachala")
                        .param("kind", "cs").param("departement", "62").param("grids", String.valueOf(lens)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()))
                .contains("Ce réseau n'existe pas dans la fédération.");
        assertThat(structures.get(federation.id(), vachala, TODAY).name()).isEqualTo("Centre social Vachala-Lens");
        assertThat(structures.grids(federation.id(), vachala)).isEmpty();
    }

    @Test
    void aReaderSeesNoFormAndIsRefusedEveryPost() throws Exception {
        String html = page(reader, vachala);
        assertThat(html).contains("Centre social Vachala").doesNotContain("<form method=\"post\"")
                .doesNotContain("form-fiche").doesNotContain("form-statut").doesNotContain("form-contact");
        for (String path : List.of("/fiche", "/statut", "/adhesion", "/contacts", "/centre", "/centre/retirer")) {
            mvc.perform(as(reader, post(base + vachala + path)).param("name", "X").param("kind", "cs")
                    .param("departement", "62").param("status", "associatif").param("since", "01/01/2026")
                    .param("state", "sortie").param("function", "direction").param("centreCode", "x"))
                    .andExpect(status().isForbidden());
        }
        assertThat(structures.statuses(federation.id(), vachala)).hasSize(1);
        assertThat(page(direction, vachala)).contains("form-fiche", "form-statut", "form-contact").doesNotContain("lien-trame");
    }

    @Test
    void aDelegueEditsTheStructuresOfTheirAtOnly() throws Exception {
        assertThat(page(delegueLens, vachala)).contains("form-statut").doesNotContain("lien-trame");
        assertThat(page(delegueLens, beaujardin)).doesNotContain("form-statut");
        mvc.perform(as(delegueLens, post(base + vachala + "/statut")).param("status", "associatif").param("since", "01/09/2025"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(as(delegueLens, post(base + beaujardin + "/statut")).param("status", "municipal").param("since", "01/09/2025"))
                .andExpect(status().isForbidden());
        mvc.perform(as(delegueLille, post(base + vachala + "/contacts")).param("function", "direction")
                .param("name", "Intrus").param("since", "01/09/2025")).andExpect(status().isForbidden());
        // the centre's link is the direction's
        mvc.perform(as(delegueLens, post(base + vachala + "/centre")).param("centreCode", "x")).andExpect(status().isForbidden());
        // a délégué does not move a structure to an AT they do not follow
        mvc.perform(as(delegueLens, post(base + vachala + "/fiche")).param("name", "Vachala").param("kind", "cs")
                        .param("departement", "62").param("territoryId", String.valueOf(lille)))
                .andExpect(status().isOk()).andExpect(result -> assertThat(HtmlUtils.htmlUnescape(
                        result.getResponse().getContentAsString()))
                        .contains("Vous ne suivez pas cette assemblée territoriale", "value=\"Vachala\""));
        assertThat(structures.get(federation.id(), vachala, TODAY).territoryId()).isEqualTo(lens);
        assertThat(structures.get(federation.id(), vachala, TODAY).name()).isEqualTo("Centre social Vachala");
    }

    @Test
    void anotherFederationDoesNotFindTheStructure() throws Exception {
        Federation other = fixtures.federation("autre");
        String stranger = fixtures.user(other, FederationRole.ADMIN);
        String otherBase = "/f/" + other.code() + "/structures/";
        mvc.perform(get(otherBase + vachala).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(as(stranger, post(otherBase + vachala + "/statut")).param("status", "associatif").param("since", "01/09/2025"))
                .andExpect(status().isNotFound());
        mvc.perform(as(stranger, post(otherBase + vachala + "/fiche")).param("name", "Volé").param("kind", "cs")
                .param("departement", "62")).andExpect(status().isNotFound());
        mvc.perform(as(stranger, post(base + vachala + "/statut")).param("status", "associatif").param("since", "01/09/2025"))
                .andExpect(status().isNotFound());
        assertThat(structures.statuses(federation.id(), vachala)).hasSize(1);
        assertThat(structures.get(federation.id(), vachala, TODAY).name()).isEqualTo("Centre social Vachala");
    }

    @Test
    void aPassageAssociatifIsADatedRowAndABadDateIsSaidBesideItsField() throws Exception {
        String bad = mvc.perform(as(direction, post(base + vachala + "/statut")).param("status", "associatif")
                        .param("since", "31/02/2026"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(HtmlUtils.htmlUnescape(bad))
                .contains("« 31/02/2026 » n'est pas une date (la date du changement de statut) : écrivez JJ/MM/AAAA.")
                .contains("id=\"since-erreur\"").contains("value=\"31/02/2026\"").contains("Rien n'est enregistré");
        mvc.perform(as(direction, post(base + vachala + "/statut")).param("status", "associatif").param("since", "01/01/1850"))
                .andExpect(status().isOk()).andExpect(result -> assertThat(HtmlUtils.htmlUnescape(
                        result.getResponse().getContentAsString())).contains("doit tomber entre 1900 et 2100"));
        assertThat(structures.statuses(federation.id(), vachala)).hasSize(1);

        LocalDate passage = TODAY.minusMonths(3);
        mvc.perform(as(direction, post(base + vachala + "/statut")).param("status", "associatif").param("since", passage.format(FR)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(base + vachala + "#historique"));
        assertThat(structures.statuses(federation.id(), vachala)).containsExactly(
                new StructureService.Dated(null, "municipal"), new StructureService.Dated(passage, "associatif"));
        assertThat(structures.get(federation.id(), vachala, TODAY).status()).isEqualTo("associatif");
        assertThat(structures.get(federation.id(), vachala, passage.minusDays(1)).status()).isEqualTo("municipal");
        // the same status again is no change, said beside the field
        mvc.perform(as(direction, post(base + vachala + "/statut")).param("status", "associatif").param("since", TODAY.format(FR)))
                .andExpect(status().isOk()).andExpect(result -> assertThat(HtmlUtils.htmlUnescape(
                        result.getResponse().getContentAsString())).contains("est déjà « Associatif »", "id=\"status-erreur\""));
        assertThat(page(reader, vachala)).contains("depuis le " + passage.format(FR));
    }

    @Test
    void membershipStepsAreDated() throws Exception {
        LocalDate out = TODAY.minusDays(10);
        mvc.perform(as(delegueLille, post(base + beaujardin + "/adhesion")).param("state", "sortie").param("since", out.format(FR)))
                .andExpect(status().is3xxRedirection());
        assertThat(structures.memberships(federation.id(), beaujardin)).extracting(StructureService.Dated::value)
                .containsExactly("adherent", "sortie");
        assertThat(structures.get(federation.id(), beaujardin, TODAY).membership()).isEqualTo("sortie");
        mvc.perform(as(delegueLille, post(base + beaujardin + "/adhesion")).param("state", "inconnu").param("since", "bientôt"))
                .andExpect(status().isOk()).andExpect(result -> assertThat(HtmlUtils.htmlUnescape(
                        result.getResponse().getContentAsString()))
                        .contains("Choisissez l'étape d'adhésion dans la liste.", "« bientôt » n'est pas une date"));
    }

    @Test
    void aNewDirectorEndsTheFormerOneTheDayBefore() throws Exception {
        LocalDate first = LocalDate.of(2019, 9, 1);
        LocalDate second = TODAY.minusMonths(1);
        mvc.perform(as(direction, post(base + vachala + "/contacts")).param("function", "direction")
                .param("name", "Anne Marez").param("email", "anne@example.org").param("since", first.format(FR)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(as(direction, post(base + vachala + "/contacts")).param("function", "presidence")
                .param("name", "Paul Roux").param("since", "01/01/2020")).andExpect(status().is3xxRedirection());
        mvc.perform(as(delegueLens, post(base + vachala + "/contacts")).param("function", "direction")
                .param("name", "Karim Backe").param("since", second.format(FR))).andExpect(status().is3xxRedirection());
        List<StructureService.Contact> contacts = structures.contacts(federation.id(), vachala);
        assertThat(contacts).extracting(StructureService.Contact::name, StructureService.Contact::since, StructureService.Contact::until)
                .containsExactly(
                        tuple("Karim Backe", second, null),
                        tuple("Anne Marez", first, second.minusDays(1)),
                        tuple("Paul Roux", LocalDate.of(2020, 1, 1), null));
        assertThat(page(reader, vachala)).contains("Anne Marez", second.minusDays(1).format(FR), "Karim Backe");

        // before the current director started: refused beside the date, what was typed kept
        mvc.perform(as(direction, post(base + vachala + "/contacts")).param("function", "direction")
                        .param("name", "Trop Tôt").param("email", "pas-un-courriel").param("since", first.format(FR)))
                .andExpect(status().isOk()).andExpect(result -> assertThat(HtmlUtils.htmlUnescape(
                        result.getResponse().getContentAsString())).contains("Adresse électronique invalide.", "value=\"Trop Tôt\""));
        mvc.perform(as(direction, post(base + vachala + "/contacts")).param("function", "direction")
                        .param("name", "Trop Tôt").param("since", first.format(FR)))
                .andExpect(status().isOk()).andExpect(result -> assertThat(HtmlUtils.htmlUnescape(
                        result.getResponse().getContentAsString()))
                        .contains("Karim Backe est en fonction depuis le " + second.format(FR), "id=\"since-erreur\""));
        assertThat(structures.contacts(federation.id(), vachala)).hasSize(3);

        long paul = contacts.get(2).id();
        mvc.perform(as(direction, post(base + vachala + "/contacts/" + paul + "/fin")).param("until", "31/12/2019"))
                .andExpect(status().isOk()).andExpect(result -> assertThat(HtmlUtils.htmlUnescape(
                        result.getResponse().getContentAsString())).contains("précède le début des fonctions"));
        mvc.perform(as(direction, post(base + vachala + "/contacts/" + paul + "/fin")).param("until", TODAY.format(FR)))
                .andExpect(status().is3xxRedirection());
        assertThat(structures.contacts(federation.id(), vachala).get(2).until()).isEqualTo(TODAY);
        // a contact of another structure is not found through this one
        mvc.perform(as(direction, post(base + beaujardin + "/contacts/" + paul + "/fin")).param("until", TODAY.format(FR)))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePlatformLinksTheTrameCentreOnceAndTheFederationSeesItsAggregatesOnly() throws Exception {
        Centre centre = fixtures.centre("agreg");
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name
                H1;P1;Zéphirine;Aglaé
                H1;P2;Zéphirine;Basile
                H2;P3;Quintard;Célestin
                """));
        memberships.importCsv(centre.id(), csv("""
                membership_ref;type;household_ref;person_ref;start_date;end_date
                M1;familiale;H1;;%s;%s
                M2;individuelle;;P3;%s;%s
                M0;individuelle;;P3;2015-01-01;2015-12-31
                """.formatted(TODAY.minusMonths(2), TODAY.plusMonths(10), TODAY.minusMonths(2), TODAY.plusMonths(10))));
        reception.importCsv(centre.id(), csv("date;person_ref;channel;theme\n" + TODAY.minusDays(3) + ";P1;accueil;caf\n"));

        // the federation's direction cannot claim a centre on its own word: the link opens the centre's figures
        mvc.perform(as(direction, post(base + vachala + "/centre")).param("centreCode", centre.code()))
                .andExpect(status().isForbidden());
        assertThat(page(direction, vachala)).doesNotContain("Relier au centre Trame");
        String platform = "plateforme-" + System.nanoTime();
        users.create(platform, "Exploitant", Fixtures.PASSWORD, true);
        mvc.perform(as(platform, post(base + vachala + "/centre")).param("centreCode", "inconnu-ici"))
                .andExpect(status().isOk()).andExpect(result -> assertThat(HtmlUtils.htmlUnescape(
                        result.getResponse().getContentAsString())).contains("Aucun centre de code « inconnu-ici » dans Trame."));
        mvc.perform(as(platform, post(base + vachala + "/centre")).param("centreCode", centre.code()))
                .andExpect(status().is3xxRedirection());
        assertThat(structures.get(federation.id(), vachala, TODAY).centreCode()).isEqualTo(centre.code());
        mvc.perform(as(platform, post(base + beaujardin + "/centre")).param("centreCode", centre.code()))
                .andExpect(status().isOk()).andExpect(result -> assertThat(HtmlUtils.htmlUnescape(
                        result.getResponse().getContentAsString()))
                        .contains("est déjà relié à la structure « Centre social Vachala »", "value=\"" + centre.code() + "\""));
        assertThat(structures.get(federation.id(), beaujardin, TODAY).centreCode()).isNull();

        String html = page(reader, vachala);
        // M1 covers H1's two persons, M2 one more; M0 is long over
        assertThat(html).contains("id=\"fig-memberships\">2<", "id=\"fig-member-households\">1<",
                "id=\"fig-member-persons\">3<", "id=\"fig-contacts\">1<");
        assertThat(html).doesNotContain("Zéphirine", "Aglaé", "Quintard", "/c/" + centre.code());
        assertThat(page(reader, beaujardin)).doesNotContain("fig-memberships");

        // another federation cannot take the same centre
        Federation other = fixtures.federation("autre");
        importer.importCsv(other.id(), csv("structure_ref;name;kind;departement\nX;Ailleurs;cs;59\n"), TODAY);
        long stranger = structures.list(other.id(), StructureFilter.ALL, TODAY).get(0).id();
        mvc.perform(as(platform, post("/f/" + other.code() + "/structures/" + stranger + "/centre")).param("centreCode", centre.code()))
                .andExpect(status().isOk()).andExpect(result -> assertThat(HtmlUtils.htmlUnescape(
                        result.getResponse().getContentAsString())).contains("est déjà une structure d'une autre fédération"));
        mvc.perform(as(direction, post(base + vachala + "/centre/retirer"))).andExpect(status().isForbidden());
        mvc.perform(as(platform, post(base + vachala + "/centre/retirer"))).andExpect(status().is3xxRedirection());
        assertThat(structures.get(federation.id(), vachala, TODAY).centreCode()).isNull();
        assertThat(page(reader, vachala)).doesNotContain("fig-memberships");
    }

    @Test
    void oneAssociationRunsSeveralCentres() throws Exception {
        String html = page(reader, beaujardin);
        assertThat(html).contains("Autres structures de la même association gestionnaire", "Centre des Présidents")
                .contains("href=\"" + base + presidents + "\"").doesNotContain("href=\"" + base + vachala + "\"");
        assertThat(page(reader, vachala)).doesNotContain("même association gestionnaire");
        assertThat(structures.list(federation.id(), new StructureFilter(null, null, null, null, null, null, null, "acsr"), TODAY))
                .extracting(Structure::ref).containsExactly("CS3", "CS2");
        String list = HtmlUtils.htmlUnescape(mvc.perform(get("/f/" + federation.code() + "/structures").param("association", "ACSRV")
                .with(user(reader))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(list).contains("Maison de quartier Beaujardin", "Centre des Présidents").doesNotContain("Centre social Vachala")
                .contains("<b>2</b> structure(s)");
    }
}
