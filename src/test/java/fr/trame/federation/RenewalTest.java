package fr.trame.federation;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.UserService;
import fr.trame.form.Refused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static fr.trame.Fixtures.csv;
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
 * Agréments and renewals on a small network computed by hand: two ATs, four structures, on 01/03/2026.
 * Bassin Minier: CS1 Vachala (until 31/08/2026, renewal running), CS4 Jules Grare (until 15/07/2026, none).
 * Valenciennois: CS2 Beaujardin (centre social and ACF until 30/06/2027), EVS1 Présidents (until 31/05/2026).
 */
@TrameTest
class RenewalTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Autowired Fixtures fixtures;
    @Autowired StructureImporter importer;
    @Autowired StructureService structures;
    @Autowired TerritoryService territories;
    @Autowired AgrementService agrements;
    @Autowired RenewalService renewals;
    @Autowired FederationService federations;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    Federation federation;
    Map<String, Long> ids;
    long bassin;
    long valenciennois;
    long marie;
    long paul;
    long vachalaRenewal;

    @BeforeEach
    void setUp() {
        federation = fixtures.federation("renouv");
        importer.importCsv(federation.id(), csv("""
                structure_ref;name;kind;departement;territory;commune;agrement_start;agrement_end
                CS1;Centre social Vachala;cs;62;Bassin Minier;Lens;2022-09-01;2026-08-31
                CS4;Centre social Jules Grare;cs;62;Bassin Minier;Liévin;2022-07-16;2026-07-15
                CS2;Maison de quartier Beaujardin;cs;59;Valenciennois;Valenciennes;2023-07-01;2027-06-30
                EVS1;EVS des Présidents;evs;59;Valenciennois;Maubeuge;2022-06-01;2026-05-31
                """), TODAY);
        ids = structures.list(federation.id(), StructureFilter.ALL, TODAY).stream()
                .collect(Collectors.toMap(Structure::ref, Structure::id));
        Map<String, Long> ats = territories.list(federation.id(), TODAY).stream()
                .collect(Collectors.toMap(Territory::name, Territory::id));
        bassin = ats.get("Bassin Minier");
        valenciennois = ats.get("Valenciennois");
        agrements.add(federation.id(), ids.get("CS2"), "acf", null, LocalDate.of(2023, 7, 1), LocalDate.of(2027, 6, 30));
        marie = member("Marie Delattre", FederationRole.ADMIN);
        paul = member("Paul Backe", FederationRole.DELEGUE);
        long cs1Agrement = agrementOf("CS1");
        vachalaRenewal = renewals.open(federation.id(), ids.get("CS1"), cs1Agrement, LocalDate.of(2026, 1, 15), "Lancement en CA",
                List.of(paul));
        renewals.addMilestone(federation.id(), ids.get("CS1"), vachalaRenewal, "copar", LocalDate.of(2026, 2, 10),
                "COPAR avec la CAF et la Ville", List.of(paul, marie), null);
        renewals.addMilestone(federation.id(), ids.get("CS1"), vachalaRenewal, "comite_pilotage", LocalDate.of(2026, 3, 20),
                null, List.of(), null);
    }

    long member(String name, FederationRole role) {
        long id = users.create(name.toLowerCase().replace(' ', '.') + "-" + System.nanoTime() % 1_000_000, name,
                Fixtures.PASSWORD, false);
        federations.setRole(federation.id(), id, role);
        return id;
    }

    long agrementOf(String ref) {
        return structures.agrements(federation.id(), ids.get(ref)).get(0).id();
    }

    @Test
    void theCalendarAtAFixedDate() {
        List<RenewalService.CalendarGroup> twelve = renewals.calendar(federation.id(), TODAY, 12, null, null, Set.of());
        // until 01/03/2027: CS2 (30/06/2027) is left out
        assertThat(twelve).extracting(RenewalService.CalendarGroup::territory).containsExactly("Bassin Minier", "Valenciennois");
        assertThat(twelve.get(0).rows()).extracting(RenewalService.CalendarRow::ref).containsExactly("CS4", "CS1");
        RenewalService.CalendarRow vachala = twelve.get(0).rows().get(1);
        assertThat(vachala.renewalOpen()).isTrue();
        assertThat(vachala.openedOn()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(vachala.lastKind()).isEqualTo("copar");
        assertThat(vachala.lastDate()).isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(vachala.nextKind()).isEqualTo("comite_pilotage");
        assertThat(vachala.nextDate()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(twelve.get(0).rows().get(0).renewalId()).isNull();
        assertThat(twelve.get(1).rows()).extracting(RenewalService.CalendarRow::ref).containsExactly("EVS1");

        // 18 months, a délégué of the Valenciennois: their AT first; Beaujardin's two agréments are one structure
        List<RenewalService.CalendarGroup> eighteen = renewals.calendar(federation.id(), TODAY, 18, null, null, Set.of(valenciennois));
        assertThat(eighteen).extracting(RenewalService.CalendarGroup::territory).containsExactly("Valenciennois", "Bassin Minier");
        RenewalService.CalendarGroup mine = eighteen.get(0);
        assertThat(mine.mine()).isTrue();
        assertThat(mine.rows()).extracting(r -> r.ref() + " " + r.kind())
                .containsExactly("EVS1 evs", "CS2 centre_social", "CS2 acf");
        assertThat(mine.agrements()).isEqualTo(3);
        assertThat(mine.structures()).isEqualTo(2);

        assertThat(renewals.calendar(federation.id(), TODAY, 18, bassin, null, Set.of()))
                .extracting(RenewalService.CalendarGroup::territory).containsExactly("Bassin Minier");
        assertThat(renewals.calendar(federation.id(), TODAY, 18, null, "59", Set.of()))
                .extracting(RenewalService.CalendarGroup::territory).containsExactly("Valenciennois");
    }

    @Test
    void aDeleguesAlertsAreThoseOfTheirAts() {
        RenewalService.Alerts all = renewals.alerts(federation.id(), TODAY, null);
        // ending by 01/09/2026 without a renewal running: EVS1 and CS4 (CS1's renewal is running)
        assertThat(all.due()).extracting(RenewalService.DueAlert::structure)
                .containsExactly("EVS des Présidents", "Centre social Jules Grare");
        assertThat(all.upcoming()).extracting(u -> u.kind() + " " + u.date()).containsExactly("comite_pilotage 2026-03-20");

        RenewalService.Alerts delegue = renewals.alerts(federation.id(), TODAY, Set.of(valenciennois));
        assertThat(delegue.due()).extracting(RenewalService.DueAlert::structure).containsExactly("EVS des Présidents");
        assertThat(delegue.upcoming()).isEmpty();
        assertThat(renewals.alerts(federation.id(), TODAY, Set.of()).isEmpty()).isTrue();
    }

    @Test
    void milestonesKeepWhoAttendedForTheFederation() {
        List<RenewalService.RenewalFile> files = renewals.forStructure(federation.id(), ids.get("CS1"));
        assertThat(files).hasSize(1);
        assertThat(files.get(0).milestones()).extracting(m -> m.kind() + " " + m.date() + " " + m.attendees())
                .containsExactly("lancement 2026-01-15 Paul Backe", "copar 2026-02-10 Marie Delattre, Paul Backe",
                        "comite_pilotage 2026-03-20 null");
        // someone who is not of this federation does not attend
        Federation other = fixtures.federation("ailleurs");
        long stranger = users.create("etranger-" + System.nanoTime() % 1_000_000, "Étranger", Fixtures.PASSWORD, false);
        federations.setRole(other.id(), stranger, FederationRole.ADMIN);
        assertThatThrownBy(() -> renewals.addMilestone(federation.id(), ids.get("CS1"), vachalaRenewal, "depot",
                LocalDate.of(2026, 4, 1), null, List.of(stranger), null))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.field()).isEqualTo("attendees"));
        assertThatThrownBy(() -> renewals.addMilestone(federation.id(), ids.get("CS1"), vachalaRenewal, "depot",
                LocalDate.of(2025, 12, 1), null, List.of(), null))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.getMessage()).contains("précéder le lancement"));
    }

    @Test
    void aGrantedDecisionClosesTheRenewalAndRecordsTheNewAgrement() {
        renewals.addMilestone(federation.id(), ids.get("CS1"), vachalaRenewal, "decision", LocalDate.of(2026, 6, 20), null,
                List.of(marie), new RenewalService.Decision("accorde", LocalDate.of(2026, 9, 1), LocalDate.of(2030, 8, 31)));
        RenewalService.Renewal closed = renewals.renewal(federation.id(), ids.get("CS1"), vachalaRenewal);
        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.closedOn()).isEqualTo(LocalDate.of(2026, 6, 20));
        assertThat(closed.outcome()).isEqualTo("accorde");
        assertThat(structures.agrements(federation.id(), ids.get("CS1")))
                .extracting(a -> a.kind() + " " + a.start() + " " + a.end())
                .containsExactly("centre_social 2026-09-01 2030-08-31", "centre_social 2022-09-01 2026-08-31");
        // the old one still ends in the calendar, renewed; no alert for it
        RenewalService.CalendarRow row = renewals.calendar(federation.id(), TODAY, 12, bassin, null, Set.of()).get(0).rows().stream()
                .filter(r -> r.ref().equals("CS1")).findFirst().orElseThrow();
        assertThat(row.renewalOpen()).isFalse();
        assertThat(row.renewedUntil()).isEqualTo(LocalDate.of(2030, 8, 31));
        assertThatThrownBy(() -> renewals.addMilestone(federation.id(), ids.get("CS1"), vachalaRenewal, "copar",
                LocalDate.of(2026, 7, 1), null, List.of(), null)).isInstanceOf(Refused.class).hasMessageContaining("clos");

        // 2026 per AT: Bassin Minier 2 structures, 1 with milestones, 1 launched, 1 renewed; Valenciennois 2, none
        assertThat(renewals.year(federation.id(), 2026)).extracting(l -> l.territory() + " " + l.structures() + " "
                        + l.inRenewal() + " " + l.launched() + " " + l.renewed())
                .containsExactly("Bassin Minier 2 1 1 1", "Valenciennois 2 0 0 0");
        assertThat(renewals.year(federation.id(), 2025)).extracting(RenewalService.YearLine::inRenewal).containsOnly(0L);
        assertThat(renewals.yearMilestones(federation.id(), 2026)).hasSize(4);
    }

    @Test
    void aRefusedDecisionRecordsNoAgrement() {
        renewals.addMilestone(federation.id(), ids.get("CS1"), vachalaRenewal, "decision", LocalDate.of(2026, 6, 20), null,
                List.of(), new RenewalService.Decision("refuse", null, null));
        assertThat(structures.agrements(federation.id(), ids.get("CS1"))).hasSize(1);
        assertThat(renewals.renewal(federation.id(), ids.get("CS1"), vachalaRenewal).outcome()).isEqualTo("refuse");
        // a second renewal of the same agrément may now be opened; two at once may not
        long again = renewals.open(federation.id(), ids.get("CS1"), agrementOf("CS1"), LocalDate.of(2026, 7, 1), null, List.of());
        assertThat(again).isNotEqualTo(vachalaRenewal);
        assertThatThrownBy(() -> renewals.open(federation.id(), ids.get("CS1"), agrementOf("CS1"), LocalDate.of(2026, 7, 2), null,
                List.of())).isInstanceOf(Refused.class).hasMessageContaining("déjà en cours");
    }

    @Test
    void whoMayWriteAndWhatIsRefused() throws Exception {
        String base = "/f/" + federation.code() + "/structures/";
        String reader = fixtures.user(federation, FederationRole.READER);
        String delegue = fixtures.user(federation, FederationRole.DELEGUE);
        territories.assign(federation.id(), valenciennois, fixtures.userId(delegue), LocalDate.of(2020, 1, 1));
        long evs = ids.get("EVS1");
        long vachala = ids.get("CS1");

        mvc.perform(get(base + vachala + "/agrements").with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Comité partenarial (COPAR)")))
                .andExpect(content().string(containsString("Marie Delattre, Paul Backe")))
                .andExpect(content().string(not(containsString("Ajouter une étape"))));
        mvc.perform(post(base + evs + "/agrements").with(user(reader)).with(csrf())
                .param("kind", "acf").param("start", "01/01/2026").param("end", "31/12/2029")).andExpect(status().isForbidden());
        // the délégué of the Valenciennois writes there, not in the Bassin Minier
        mvc.perform(post(base + vachala + "/renouvellements/" + vachalaRenewal + "/etapes").with(user(delegue)).with(csrf())
                .param("kind", "copar").param("date", "01/04/2026")).andExpect(status().isForbidden());
        mvc.perform(post(base + evs + "/agrements").with(user(delegue)).with(csrf())
                .param("kind", "acf").param("start", "01/01/2026").param("end", "31/12/2029")).andExpect(status().is3xxRedirection());
        assertThat(structures.agrements(federation.id(), evs)).extracting(StructureService.Agrement::kind).contains("acf");

        // end before start, a date that is none, a huge note: French messages beside the fields, nothing written
        mvc.perform(post(base + evs + "/agrements").with(user(delegue)).with(csrf())
                        .param("kind", "evs").param("start", "01/06/2026").param("end", "31/05/2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("La fin de l&#39;agrément ne peut pas précéder son début.")))
                .andExpect(content().string(containsString("value=\"31/05/2026\"")));
        long evsAgrement = structures.agrements(federation.id(), evs).stream().filter(a -> a.kind().equals("evs")).findFirst()
                .orElseThrow().id();
        mvc.perform(post(base + evs + "/renouvellements").with(user(delegue)).with(csrf())
                        .param("agrementId", String.valueOf(evsAgrement)).param("date", "31/02/2026").param("note", "x".repeat(5000)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("« 31/02/2026 » n&#39;est pas une date")))
                .andExpect(content().string(containsString("caractères au plus.")));
        assertThat(renewals.forStructure(federation.id(), evs)).isEmpty();
        // a decision granted without its dates
        long evsRenewal = renewals.open(federation.id(), evs, evsAgrement, LocalDate.of(2026, 1, 10), null, List.of());
        mvc.perform(post(base + evs + "/renouvellements/" + evsRenewal + "/etapes").with(user(delegue)).with(csrf())
                        .param("kind", "decision").param("date", "10/05/2026").param("outcome", "accorde"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Indiquez le début du nouvel agrément")));
        assertThat(renewals.renewal(federation.id(), evs, evsRenewal).isOpen()).isTrue();

        // another federation's structure: 404, to read and to write
        Federation other = fixtures.federation("voisine");
        String stranger = fixtures.user(other, FederationRole.ADMIN);
        mvc.perform(get("/f/" + other.code() + "/structures/" + evs + "/agrements").with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/f/" + other.code() + "/structures/" + evs + "/agrements").with(user(stranger)).with(csrf())
                .param("kind", "acf").param("start", "01/01/2026").param("end", "31/12/2029")).andExpect(status().isNotFound());
        mvc.perform(post("/f/" + other.code() + "/structures/" + vachala + "/renouvellements/" + vachalaRenewal + "/etapes")
                .with(user(stranger)).with(csrf()).param("kind", "copar").param("date", "01/04/2026")).andExpect(status().isNotFound());
    }

    @Test
    void theCalendarAndYearPagesAndTheHomeAlerts() throws Exception {
        String direction = fixtures.user(federation, FederationRole.ADMIN);
        String f = "/f/" + federation.code();
        mvc.perform(get(f + "/renouvellements?mois=18").with(user(direction))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Calendrier des renouvellements")));
        mvc.perform(get(f + "/renouvellements/annee?annee=2026").with(user(direction))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Comité partenarial (COPAR)")));
        // values that are not the filters' choices filter nothing
        mvc.perform(get(f + "/renouvellements").param("mois", "99999999999999999999").param("territoire", "x")
                        .param("departement", "9".repeat(500)).with(user(direction)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"18\" selected")));
        mvc.perform(get(f + "/renouvellements/annee").param("annee", "-1").with(user(direction))).andExpect(status().isOk());
        // the home's alerts on the real today: agréments ending in two months, one per AT
        LocalDate now = LocalDate.now();
        agrements.add(federation.id(), ids.get("EVS1"), "evs", null, now.minusYears(4), now.plusMonths(2));
        agrements.add(federation.id(), ids.get("CS4"), "centre_social", null, now.minusYears(4), now.plusMonths(2));
        String delegue = fixtures.user(federation, FederationRole.DELEGUE);
        territories.assign(federation.id(), valenciennois, fixtures.userId(delegue), LocalDate.of(2020, 1, 1));
        mvc.perform(get(f).with(user(direction))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"alertes-agrements\"")))
                .andExpect(content().string(containsString("EVS des Présidents")))
                .andExpect(content().string(containsString("Centre social Jules Grare")));
        mvc.perform(get(f).with(user(delegue))).andExpect(status().isOk())
                .andExpect(content().string(containsString("EVS des Présidents")))
                .andExpect(content().string(not(containsString("Jules Grare"))));
    }
}
