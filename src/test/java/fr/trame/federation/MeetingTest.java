package fr.trame.federation;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.form.Refused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

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
 * The meetings' figures on a small network computed by hand. AT Valenciennois: S1 member from the start, S2 since
 * 2020, S3 joins on 01/06/2023, S4 leaves on 01/02/2023, S5 only in préfiguration; AT Sambre: S6, member.
 */
@TrameTest
class MeetingTest {

    static final LocalDate MARCH = LocalDate.of(2023, 3, 15);
    static final LocalDate NOVEMBER = LocalDate.of(2023, 11, 20);

    @Autowired Fixtures fixtures;
    @Autowired MeetingService meetings;
    @Autowired TerritoryService territories;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    Federation federation;
    long valenciennois;
    long sambre;
    long s1;
    long s2;
    long s3;
    long s4;
    long s5;
    long s6;

    @BeforeEach
    void setUp() {
        federation = fixtures.federation("reunions");
        valenciennois = territories.create(federation.id(), "Valenciennois", "at");
        sambre = territories.create(federation.id(), "Sambre-Avesnois", "at");
        s1 = structure("S1", valenciennois);
        s2 = structure("S2", valenciennois);
        s3 = structure("S3", valenciennois);
        s4 = structure("S4", valenciennois);
        s5 = structure("S5", valenciennois);
        s6 = structure("S6", sambre);
        membership(s1, "adherent", null);
        membership(s2, "adherent", LocalDate.of(2020, 1, 1));
        membership(s3, "prefiguration", null);
        membership(s3, "adherent", LocalDate.of(2023, 6, 1));
        membership(s4, "adherent", LocalDate.of(2019, 1, 1));
        membership(s4, "sortie", LocalDate.of(2023, 2, 1));
        membership(s5, "prefiguration", LocalDate.of(2022, 1, 1));
        membership(s6, "reaffiliation", null);
    }

    long structure(String ref, long territory) {
        return jdbc.sql("""
                insert into structures (federation_id, ref, name, kind, departement, territory_id)
                values (?, ?, ?, 'cs', '59', ?) returning id""")
                .params(federation.id(), ref, "Centre " + ref, territory).query(Long.class).single();
    }

    void membership(long structure, String state, LocalDate since) {
        jdbc.sql("insert into structure_memberships (federation_id, structure_id, state, since) values (?, ?, ?, ?)")
                .params(federation.id(), structure, state, since).update();
    }

    static MeetingService.NewAttendee person(String name, Long structure, String quality, boolean direction) {
        return new MeetingService.NewAttendee(name, structure, quality, direction);
    }

    long march() {
        long id = meetings.create(federation.id(), new MeetingService.NewMeeting("at_pleniere", MARCH, "AT de mars", "Anzin",
                valenciennois));
        meetings.addAttendees(federation.id(), id, List.of(
                person("Marie Dupont", s1, "salarie", true), person("Jean Petit", s1, "benevole", false),
                person("Léa Roux", s1, "administrateur", false), person("Ana Lopez", s3, "benevole", false),
                person("Claire Caf", null, "salarie", false)));
        return id;
    }

    long november() {
        long id = meetings.create(federation.id(), new MeetingService.NewMeeting("at_pleniere", NOVEMBER, "AT de novembre", null,
                valenciennois));
        meetings.addAttendees(federation.id(), id, List.of(
                person(" marie DUPONT ", s1, "benevole", false), person("Paul Martin", s2, "salarie", true),
                person("Ana Lopez", s3, "benevole", false)));
        return id;
    }

    @Test
    void theRateCountsTheMemberStructuresOnTheDayEachOnce() {
        MeetingService.Meeting m = meetings.get(federation.id(), march());
        // members on 15/03/2023: S1 and S2 (S3 joins in June, S4 left in February, S5 never); S1 came with 3 persons
        assertThat(m.members()).isEqualTo(2);
        assertThat(m.represented()).isEqualTo(1);
        assertThat(m.rate()).isEqualByComparingTo("50.0");
        assertThat(m.participants()).isEqualTo(5);
        assertThat(m.directions()).isEqualTo(1);
        assertThat(m.directionShare()).isEqualByComparingTo("50.0");
        assertThat(m.others()).isEqualTo(1); // S3, not yet a member
        assertThat(meetings.memberStructures(federation.id(), m.id()))
                .extracting(MeetingService.MemberStructure::name).containsExactly("Centre S1", "Centre S2");

        MeetingService.Meeting n = meetings.get(federation.id(), november());
        assertThat(n.members()).isEqualTo(3); // S3 now counted
        assertThat(n.represented()).isEqualTo(3);
        assertThat(n.rate()).isEqualByComparingTo("100.0");
        assertThat(n.directionShare()).isEqualByComparingTo("33.3");
    }

    @Test
    void aFederationMeetingCountsEveryMemberOfTheFederation() {
        long ca = meetings.create(federation.id(), new MeetingService.NewMeeting("ca", MARCH, "CA de mars", null, null));
        meetings.addAttendees(federation.id(), ca, List.of(person("Paul Martin", s2, "salarie", true),
                person("Yves Cousin", s6, "administrateur", false)));
        MeetingService.Meeting m = meetings.get(federation.id(), ca);
        assertThat(m.members()).isEqualTo(3); // S1, S2, S6
        assertThat(m.rate()).isEqualByComparingTo("66.7");
        assertThatThrownBy(() -> meetings.create(federation.id(),
                new MeetingService.NewMeeting("bureau", MARCH, "Bureau", null, valenciennois))).isInstanceOf(Refused.class);
    }

    @Test
    void aYearCountsPersonsAndStructuresDistinct() {
        march();
        november();
        // the same person typed twice in one meeting is kept once
        long again = meetings.get(federation.id(), meetings.list(federation.id(), MeetingService.Filter.year(2023)).get(0).id()).id();
        assertThat(meetings.addAttendees(federation.id(), again, List.of(person("Paul  Martin", s2, "salarie", true),
                person("PAUL MARTIN", s2, "salarie", true)))).isEqualTo(1); // "Paul  Martin" (two spaces) is another spelling

        List<MeetingService.YearFigure> figures = meetings.yearFigures(federation.id(),
                new MeetingService.Filter(2023, Set.of(valenciennois), false, null));
        assertThat(figures).hasSize(1);
        MeetingService.YearFigure f = figures.get(0);
        assertThat(f.meetings()).isEqualTo(2);
        assertThat(f.meanRate()).isEqualByComparingTo("75.0"); // (50 + 100) / 2
        assertThat(f.meanDirectionShare()).isEqualByComparingTo("41.7"); // (50 + 33.33) / 2
        assertThat(f.membersAtEnd()).isEqualTo(3);
        assertThat(f.reached()).isEqualTo(3);
        assertThat(f.reachedShare()).isEqualByComparingTo("100.0");
        // Marie Dupont, Jean Petit, Léa Roux, Ana Lopez, Claire Caf, Paul Martin, and « Paul  Martin »
        assertThat(f.persons()).isEqualTo(7);
        // latest quality: Marie was salariée in March, bénévole in November
        assertThat(f.salaries()).isEqualTo(3); // Claire, Paul, « Paul  Martin »
        assertThat(f.benevoles()).isEqualTo(4); // Marie, Jean, Léa (administratrice), Ana
        assertThat(f.meanParticipants()).isEqualByComparingTo("4.5"); // (5 + 4) / 2
        assertThat(meetings.persons(federation.id(), new MeetingService.Filter(2023, Set.of(valenciennois), false, null)))
                .hasSize(7).filteredOn(p -> p.name().equals("Marie Dupont") || p.name().equals("marie DUPONT"))
                .singleElement().satisfies(p -> {
                    assertThat(p.meetings()).isEqualTo(2);
                    assertThat(p.quality()).isEqualTo("benevole");
                });
        // another year: nothing
        assertThat(meetings.yearFigures(federation.id(), MeetingService.Filter.year(2022))).isEmpty();
    }

    @Test
    void refusalsByRoleAndAnotherFederation() throws Exception {
        long id = march();
        String path = "/f/" + federation.code() + "/reunions";
        String reader = fixtures.user(federation, FederationRole.READER);
        String mine = fixtures.user(federation, FederationRole.DELEGUE);
        String other = fixtures.user(federation, FederationRole.DELEGUE);
        territories.assign(federation.id(), valenciennois, fixtures.userId(mine), LocalDate.of(2020, 1, 1));
        territories.assign(federation.id(), sambre, fixtures.userId(other), LocalDate.of(2020, 1, 1));

        mvc.perform(get(path + "/" + id).with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Marie Dupont")))
                .andExpect(content().string(not(containsString("id=\"ajout-presences\""))));
        mvc.perform(post(path + "/" + id + "/presences").with(user(reader)).with(csrf())
                .param("name", "X").param("structureId", "").param("quality", "benevole")).andExpect(status().isForbidden());
        mvc.perform(post(path).with(user(reader)).with(csrf()).param("kind", "autre").param("date", "01/02/2023")
                .param("title", "T")).andExpect(status().isForbidden());
        mvc.perform(post(path + "/" + id + "/presences").with(user(other)).with(csrf())
                .param("name", "X").param("structureId", "").param("quality", "benevole")).andExpect(status().isForbidden());
        mvc.perform(post(path + "/" + id).with(user(other)).with(csrf()).param("kind", "at_pleniere").param("date", "01/02/2023")
                .param("title", "Volée").param("territoryId", String.valueOf(sambre))).andExpect(status().isForbidden());
        mvc.perform(post(path + "/" + id + "/supprimer").with(user(other)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(path + "/" + id + "/supprimer").with(user(reader)).with(csrf())).andExpect(status().isForbidden());
        // nor move a meeting of their AT to an AT they do not follow
        mvc.perform(post(path + "/" + id).with(user(mine)).with(csrf()).param("kind", "at_pleniere").param("date", "15/03/2023")
                .param("title", "AT de mars").param("territoryId", String.valueOf(sambre))).andExpect(status().isForbidden());
        mvc.perform(post(path + "/" + id).with(user(mine)).with(csrf()).param("kind", "at_pleniere").param("date", "16/03/2023")
                .param("title", "AT de mars, reportée").param("place", "").param("territoryId", String.valueOf(valenciennois)))
                .andExpect(status().is3xxRedirection());
        assertThat(meetings.get(federation.id(), id)).satisfies(m -> {
            assertThat(m.title()).isEqualTo("AT de mars, reportée");
            assertThat(m.date()).isEqualTo(LocalDate.of(2023, 3, 16));
            assertThat(m.place()).isNull();
        });
        // a délégué does not write the federation's own meetings
        mvc.perform(post(path).with(user(mine)).with(csrf()).param("kind", "ca").param("date", "01/02/2023")
                .param("title", "CA")).andExpect(status().isForbidden());
        mvc.perform(post(path + "/" + id + "/presences").with(user(mine)).with(csrf())
                .param("name", "Zoé Nord", "", "Yann Sud").param("structureId", String.valueOf(s2), "", String.valueOf(s2))
                .param("quality", "salarie", "benevole", "benevole").param("direction", "0"))
                .andExpect(status().is3xxRedirection());
        MeetingService.Meeting m = meetings.get(federation.id(), id);
        assertThat(m.participants()).isEqualTo(7);
        assertThat(m.directions()).isEqualTo(2);
        assertThat(m.rate()).isEqualByComparingTo("100.0");

        // a délégué sees their ATs by default, the whole network on asking
        mvc.perform(get(path).param("annee", "2023").with(user(other))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("AT de mars"))));
        mvc.perform(get(path).param("annee", "2023").param("territoire", "tous").with(user(other))).andExpect(status().isOk())
                .andExpect(content().string(containsString("AT de mars")));
        mvc.perform(get(path).param("annee", "2023").with(user(mine))).andExpect(status().isOk())
                .andExpect(content().string(containsString("AT de mars")));
        mvc.perform(get(path + "/participants").param("annee", "2023").with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>7</span> personne(s) distincte(s)")))
                .andExpect(content().string(containsString("Zoé Nord")));
        // the home lists the coming meetings
        meetings.create(federation.id(), new MeetingService.NewMeeting("reunion_directions", LocalDate.now().plusDays(10),
                "Directions de bientôt", null, valenciennois));
        mvc.perform(get("/f/" + federation.code()).with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Prochaines réunions")))
                .andExpect(content().string(containsString("Directions de bientôt")));

        Federation stranger = fixtures.federation("ailleurs");
        String admin = fixtures.user(stranger, FederationRole.ADMIN);
        mvc.perform(get("/f/" + stranger.code() + "/reunions/" + id).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(post("/f/" + stranger.code() + "/reunions/" + id + "/presences").with(user(admin)).with(csrf())
                .param("name", "X").param("structureId", "").param("quality", "benevole")).andExpect(status().isNotFound());
        mvc.perform(get(path).with(user(admin))).andExpect(status().isNotFound());
    }

    @Test
    void badValuesAreSaidInFrench() throws Exception {
        long id = march();
        String path = "/f/" + federation.code() + "/reunions";
        String admin = fixtures.user(federation, FederationRole.ADMIN);
        mvc.perform(post(path).with(user(admin)).with(csrf()).param("kind", "at_pleniere").param("date", "31/02/2023")
                .param("title", "x".repeat(400)).param("territoryId", "99999999999999999999"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("n&#39;est pas une date")))
                .andExpect(content().string(containsString("300 caractères au plus")))
                .andExpect(content().string(containsString("dans la liste")));
        mvc.perform(post(path).with(user(admin)).with(csrf()).param("kind", "bureau").param("date", "01/01/3023")
                .param("title", "Bureau").param("territoryId", String.valueOf(valenciennois)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("la date de la réunion doit tomber entre 1900 et 2100")))
                .andExpect(content().string(containsString("laissez l&#39;assemblée territoriale vide")));
        mvc.perform(post(path + "/" + id + "/presences").with(user(admin)).with(csrf())
                .param("name", "Zo\u0000é").param("structureId", "").param("quality", "benevole"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(path + "/" + id + "/presences").with(user(admin)).with(csrf())
                .param("name", "Zoé").param("structureId", "abc").param("quality", "benevole"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Ligne 1 : choisissez la structure")));
        mvc.perform(post(path + "/" + id + "/presences").with(user(admin)).with(csrf())
                .param("name", "Zoé").param("structureId", "").param("quality", "chef").param("direction", "0"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Ligne 1 : choisissez la qualité")));
        mvc.perform(post(path + "/" + id + "/presences").with(user(admin)).with(csrf())
                .param("name", "n".repeat(300)).param("structureId", "").param("quality", "benevole"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("200 caractères au plus")));
        String[] many = new String[60];
        Arrays.fill(many, "Quelqu'un");
        mvc.perform(post(path + "/" + id + "/presences").with(user(admin)).with(csrf()).param("name", many))
                .andExpect(status().isOk()).andExpect(content().string(containsString("50 lignes au plus")));
        mvc.perform(get(path).param("annee", "999999999999").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("n&#39;est pas une année")));
        assertThat(meetings.get(federation.id(), id).participants()).isEqualTo(5);
        assertThat(MeetingService.percent(1, 3)).isEqualByComparingTo(new BigDecimal("33.3"));
        assertThat(MeetingService.percent(2, 3)).isEqualByComparingTo(new BigDecimal("66.7"));
    }
}
