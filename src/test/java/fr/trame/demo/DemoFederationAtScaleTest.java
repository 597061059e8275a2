package fr.trame.demo;

import fr.trame.TrameTest;
import fr.trame.Fixtures;
import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.centre.CentreService;
import fr.trame.federation.Structure;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureService;
import fr.trame.people.FlagService;
import fr.trame.people.PeopleImporter;
import fr.trame.senacs.SenacsRollup;
import fr.trame.territory.QuartierService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code demo --size l} in small: three centres, the model a centre of a few households, the two others its copies.
 * Its own database (the demonstration federation exists once per database).
 */
@TrameTest
@TestPropertySource(properties = "trame.test.database=demo-at-scale")
class DemoFederationAtScaleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Autowired DemoFederation demoFederation;
    @Autowired CentreService centres;
    @Autowired QuartierService quartiers;
    @Autowired PeopleImporter people;
    @Autowired FlagService flags;
    @Autowired StructureService structures;
    @Autowired SenacsRollup rollup;
    @Autowired JdbcClient jdbc;
    @Autowired Fixtures fixtures;

    @Test
    void everyCentreHoldsOnlyItsOwnRowsAndTheFederationSeesThemAll() {
        Centre model = centres.create("modele-s", "Centre modèle");
        for (DemoData.Quartier q : DemoData.QUARTIERS) {
            quartiers.create(model.id(), q.name(), q.qpv());
        }
        flags.suggestions(model.id()).entrySet().stream().limit(3).forEach(f -> flags.add(model.id(), f.getKey(), f.getValue()));
        people.importCsv(model.id(), DemoService.utf8(new DemoData(5, TODAY).peopleCsv(20, 50, "")));
        fixtures.user(model, Role.ACCUEIL);
        List<String> progress = new ArrayList<>();

        DemoFederation.Result result = demoFederation.generateAtScale(TODAY, 3, null, model, progress::add);

        assertThat(result.structures()).isEqualTo(3);
        assertThat(result.centres()).hasSize(3).extracting(Centre::code).contains("modele-s").doesNotHaveDuplicates();
        assertThat(progress).isNotEmpty();
        long modelPersons = count("people_persons", model.id());
        long modelMembers = count("people_household_members", model.id());
        assertThat(modelPersons).isEqualTo(50);
        for (Centre c : result.centres()) {
            assertThat(count("people_persons", c.id())).isEqualTo(modelPersons);
            assertThat(count("people_household_members", c.id())).isEqualTo(modelMembers);
            // each member's person and household are the centre's own (the keys lead with centre_id)
            assertThat(jdbc.sql("""
                    select count(*) from people_household_members m
                    join people_persons p on p.centre_id = m.centre_id and p.id = m.person_id
                    join people_households h on h.centre_id = m.centre_id and h.id = m.household_id
                    where m.centre_id = ?""").param(c.id()).query(Long.class).single()).isEqualTo(modelMembers);
            if (c.id() != model.id()) {
                assertThat(centres.findByCode(c.code()).orElseThrow().name()).doesNotContain("modèle");
            }
        }
        assertThat(jdbc.sql("select count(*) from people_persons").query(Long.class).single()).isEqualTo(3 * modelPersons);
        // the model's account has no role in its copies
        for (Centre c : result.centres()) {
            assertThat(count("user_roles", c.id())).isEqualTo(c.id() == model.id() ? 1 : 0);
        }

        long federation = result.federation().id();
        List<Structure> registry = structures.list(federation, StructureFilter.ALL, TODAY);
        assertThat(registry).extracting(Structure::centreCode)
                .containsExactlyInAnyOrderElementsOf(result.centres().stream().map(Centre::code).toList());
        // the SENACS roll-up counts the three returns: the model's, submitted, and its copies
        SenacsRollup.Group network = rollup.federation(federation, TODAY.getYear() - 1).groups().get(0);
        assertThat(network.returns()).isEqualTo(3);
        assertThat(network.returnsN1()).isEqualTo(3);
    }

    private long count(String table, long centreId) {
        return jdbc.sql("select count(*) from " + table + " where centre_id = ?").param(centreId).query(Long.class).single();
    }
}
