package fr.trame.demo;

import fr.trame.TrameTest;
import fr.trame.centre.UserService;
import fr.trame.federation.FederationRole;
import fr.trame.federation.FederationService;
import fr.trame.federation.Structure;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureService;
import fr.trame.federation.Territory;
import fr.trame.federation.TerritoryService;
import fr.trame.form.Refused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code demo --size l}, its federation part (the three Trame centres made with their identity only: their records
 * are those of {@code demo --size s}), counted against seed 004 as DemoFederation shapes it.
 */
@TrameTest
class DemoFederationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    static final String CHOSEN = "choisi-par-la-personne";
    static DemoFederation.Result result;

    @Autowired DemoFederation demoFederation;
    @Autowired FederationService federations;
    @Autowired TerritoryService territories;
    @Autowired StructureService structures;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    long id;
    List<Structure> all;

    @BeforeEach
    void generateOnce() {
        synchronized (DemoFederationTest.class) {
            if (result == null) {
                result = demoFederation.generate(TODAY, false);
            }
        }
        id = result.federation().id();
        all = structures.list(id, StructureFilter.ALL, TODAY);
    }

    long count(Function<Structure, Boolean> which) {
        return all.stream().filter(which::apply).count();
    }

    @Test
    void theRegistryHasSeed004sShape() {
        assertThat(result.federation().code()).isEqualTo("npdc");
        assertThat(result.structures()).isEqualTo(179);
        assertThat(all).hasSize(179);
        assertThat(count(s -> s.departement().equals("59"))).isEqualTo(140);
        assertThat(count(s -> s.departement().equals("62"))).isEqualTo(39);
        assertThat(count(s -> s.departement().equals("59") && s.kind().equals("cs"))).isEqualTo(139);
        assertThat(count(s -> s.departement().equals("62") && s.kind().equals("evs"))).isEqualTo(1);

        List<Territory> grids = territories.list(id, TODAY);
        assertThat(grids.stream().filter(Territory::isAt)).hasSize(13);
        assertThat(grids.stream().filter(t -> !t.isAt()).map(Territory::name))
                .containsExactlyInAnyOrder("Réseau Parentalité 62", "Réseau Jeunes 59/62");
        Map<String, Integer> sizes = grids.stream().collect(Collectors.toMap(Territory::name, Territory::structures));
        assertThat(sizes).containsEntry("Valenciennois", 20).containsEntry("Sambre-Avesnois", 12)
                .containsEntry("Artois Audomarois", 11).containsEntry("MEL Nord", 20).containsEntry("Littoral 62", 14);
        assertThat(sizes.keySet()).contains("Bassin Minier", "Cambrésis", "Douaisis", "Flandre Intérieure",
                "Flandre Maritime", "MEL Centre", "MEL Sud", "Arrageois");
        // the networks overlap the ATs: the youth network holds structures of both départements
        assertThat(jdbc.sql("""
                select count(distinct s.departement) from structure_grids g
                join territories t on t.federation_id = g.federation_id and t.id = g.territory_id
                join structures s on s.federation_id = g.federation_id and s.id = g.structure_id
                where g.federation_id = ? and t.name = 'Réseau Jeunes 59/62'""").param(id).query(Long.class).single())
                .isEqualTo(2L);
        // every structure has an AT, a commune, an EPCI, a CAF antenna
        assertThat(all).allMatch(s -> s.territoryId() != null && s.commune() != null && s.epci() != null
                && s.cafAntenna() != null);
        // an association runs the four centres of Saint-Martin-Boulogne; another the Maubeuge three and their EVS
        assertThat(count(s -> "Association Cap sur la Côte d'Opale".equals(s.managingAssociation()))).isEqualTo(4);
        assertThat(count(s -> "Association Val de Sambre Solidarités".equals(s.managingAssociation()))).isEqualTo(4);
        assertThat(count(s -> s.status().equals("municipal"))).isBetween(10L, 25L);
    }

    @Test
    void membershipsAndStatusesCarryTheirHistory() {
        assertThat(count(s -> s.membership().equals("attendue"))).isEqualTo(2);
        assertThat(count(s -> s.membership().equals("prefiguration"))).isEqualTo(2);
        assertThat(count(s -> s.membership().equals("reaffiliation"))).isEqualTo(1);
        assertThat(count(s -> s.membership().equals("sortie"))).isEqualTo(1);
        assertThat(count(s -> s.membership().equals("adherent"))).isEqualTo(179 - 6);

        Structure aire = one("Aire-sur-la-Lys");
        assertThat(structures.memberships(id, aire.id())).extracting(StructureService.Dated::value)
                .containsExactly("adherent", "sortie", "reaffiliation");
        Structure glageon = one("Glageon");
        assertThat(structures.memberships(id, glageon.id())).containsExactly(
                new StructureService.Dated(LocalDate.of(2023, 1, 15), "prefiguration"),
                new StructureService.Dated(LocalDate.of(2023, 12, 1), "attendue"));
        // on 1 June 2023 Glageon was still préfiguré
        assertThat(structures.get(id, glageon.id(), LocalDate.of(2023, 6, 1)).membership()).isEqualTo("prefiguration");

        Structure rexpoede = one("Rexpoëde");
        assertThat(rexpoede.status()).isEqualTo("associatif");
        assertThat(structures.statuses(id, rexpoede.id())).containsExactly(
                new StructureService.Dated(null, "municipal"),
                new StructureService.Dated(DemoFederation.PASSAGE_ASSOCIATIF, "associatif"));
        assertThat(structures.get(id, rexpoede.id(), LocalDate.of(2023, 6, 1)).status()).isEqualTo("municipal");
        assertThat(count(s -> structures.statuses(id, s.id()).size() > 1)).isEqualTo(1);
    }

    @Test
    void agrementsEndOverFourYearsAndDirectorsChange() {
        List<LocalDate> ends = all.stream().map(Structure::agrementEnd).filter(e -> e != null).toList();
        // the two préfigurations have no agrément yet
        assertThat(ends).hasSize(177);
        assertThat(ends).allMatch(e -> e.isAfter(TODAY) && !e.isAfter(TODAY.plusMonths(49)));
        assertThat(ends.stream().map(LocalDate::getYear).distinct().count()).isGreaterThanOrEqualTo(4);
        assertThat(structures.agrements(id, one("Douai").id())).hasSize(2);

        // Mazingarbe's first centre recruited a director in 2023: the former one's row ends the day before
        List<StructureService.Contact> directors = structures.contacts(id, one("Mazingarbe").id()).stream()
                .filter(c -> c.function().equals("direction")).toList();
        assertThat(directors).hasSize(2);
        assertThat(directors.get(0).since()).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(directors.get(0).until()).isNull();
        assertThat(directors.get(1).until()).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(jdbc.sql("select count(*) from structure_contacts where federation_id = ? and until is not null")
                .param(id).query(Long.class).single()).isEqualTo(6L);
        assertThat(jdbc.sql("select count(distinct structure_id) from structure_contacts where federation_id = ? and function = 'presidence'")
                .param(id).query(Long.class).single()).isEqualTo(179L);
    }

    @Test
    void threeStructuresRunTrame() {
        assertThat(result.centres()).extracting(c -> c.code())
                .containsExactly("npdc-lens", "npdc-valenciennes", "npdc-hazebrouck");
        assertThat(all.stream().filter(s -> s.centreCode() != null))
                .extracting(s -> s.centreCode() + " " + s.commune())
                .containsExactlyInAnyOrder("npdc-lens Lens", "npdc-valenciennes Valenciennes", "npdc-hazebrouck Hazebrouck");
    }

    @Test
    void delegatesFollowTheirAtsWithTheHandoverOf2023() {
        Map<String, FederationRole> roles = federations.members(id).stream()
                .collect(Collectors.toMap(FederationService.Member::username, FederationService.Member::role));
        assertThat(roles).containsOnly(Map.entry("npdc.direction", FederationRole.ADMIN),
                Map.entry("npdc.nadege", FederationRole.DELEGUE), Map.entry("npdc.remi", FederationRole.DELEGUE),
                Map.entry("npdc.thibault", FederationRole.DELEGUE), Map.entry("npdc.maelle", FederationRole.DELEGUE),
                Map.entry("npdc.lecture", FederationRole.READER));
        assertThat(result.logins()).extracting(DemoFederation.Login::username).containsExactly("npdc.direction",
                "npdc.nadege", "npdc.remi", "npdc.thibault", "npdc.maelle", "npdc.lecture");

        Map<String, String> delegueOf = territories.list(id, TODAY).stream().filter(Territory::isAt)
                .collect(Collectors.toMap(Territory::name, Territory::delegue));
        assertThat(delegueOf).containsEntry("Cambrésis", "Nadège Caron").containsEntry("Arrageois", "Nadège Caron")
                .containsEntry("Douaisis", "Rémi Lefranc").containsEntry("MEL Sud", "Rémi Lefranc")
                .containsEntry("Littoral 62", "Thibault Verhaeghe").containsEntry("Valenciennois", "Maëlle Dhondt");
        assertThat(delegueOf.values().stream().filter("Nadège Caron"::equals)).hasSize(4);
        assertThat(delegueOf.values().stream().filter("Maëlle Dhondt"::equals)).hasSize(3);

        // Douaisis: Agnès Duquesne until 30 June 2023, then Rémi Lefranc
        assertThat(territories.history(id).stream().filter(a -> a.territory().equals("Douaisis")))
                .extracting(a -> a.delegue() + " " + a.since() + " " + a.until())
                .containsExactly("Rémi Lefranc 2023-07-01 null", "Agnès Duquesne 2019-09-01 2023-06-30");
        long agnes = users.findByUsername("npdc.agnes").orElseThrow().id();
        assertThat(territories.followedBy(id, agnes, LocalDate.of(2023, 3, 1))).hasSize(3);
        assertThat(territories.followedBy(id, agnes, TODAY)).isEmpty();
        assertThat(federations.rolesOf(agnes)).doesNotContainKey(id);
    }

    @Test
    void theLoginsReachTheFederationAndNoCentre() throws Exception {
        DemoFederation.Login thibault = login("npdc.thibault");
        // the printed password is the account's, to change at first login
        mvc.perform(formLogin("/connexion").user(thibault.username()).password(thibault.password()))
                .andExpect(authenticated());
        for (DemoFederation.Login l : result.logins()) {
            if (users.findByUsername(l.username()).orElseThrow().mustChangePassword()) {
                assertThat(users.changeOwnPassword(l.userId(), l.password(), CHOSEN, CHOSEN)).isNull();
            }
        }
        for (String username : List.of("npdc.direction", "npdc.nadege", "npdc.remi", "npdc.thibault", "npdc.maelle",
                "npdc.lecture")) {
            mvc.perform(get("/").with(user(username))).andExpect(redirectedUrl("/f/npdc"));
            mvc.perform(get("/f/npdc").with(user(username))).andExpect(status().isOk())
                    .andExpect(content().string(containsString(DemoFederation.NAME)));
            mvc.perform(get("/f/npdc/structures").with(user(username))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("Rexpoëde")));
            for (String centre : List.of("npdc-lens", "npdc-valenciennes", "npdc-hazebrouck")) {
                mvc.perform(get("/c/" + centre + "/foyers").with(user(username))).andExpect(status().isNotFound());
                int code = mvc.perform(get("/c/" + centre).with(user(username))).andReturn().getResponse().getStatus();
                assertThat(code).as(username + " /c/" + centre).isGreaterThanOrEqualTo(400);
            }
        }
        // the platform administrator's home lists the federation beside the centres
        String admin = "plateforme-" + System.nanoTime() % 100000;
        users.create(admin, "Administration de la plateforme", CHOSEN, true);
        mvc.perform(get("/").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString(DemoFederation.NAME)))
                .andExpect(content().string(containsString("/f/npdc")));
    }

    @Test
    void aSecondRunIsRefused() {
        assertThatThrownBy(() -> demoFederation.generate(TODAY, false)).isInstanceOf(Refused.class)
                .hasMessageContaining("existe déjà");
    }

    /** The commune's first structure as the demonstration drew it (lowest reference). */
    Structure one(String commune) {
        return all.stream().filter(s -> s.commune().equals(commune)).min(Comparator.comparing(Structure::ref)).orElseThrow();
    }

    DemoFederation.Login login(String username) {
        return result.logins().stream().filter(l -> l.username().equals(username)).findFirst().orElseThrow();
    }
}
