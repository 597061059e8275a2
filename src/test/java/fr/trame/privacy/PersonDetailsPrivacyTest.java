package fr.trame.privacy;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreScope;
import fr.trame.centre.CentreScopeResolver;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import fr.trame.people.PeopleImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

/** The person's details in the access export (right of access) and in erasure: school, class, flags, disability. */
@TrameTest
class PersonDetailsPrivacyTest {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ExportService exports;
    @Autowired ErasureService erasure;
    @Autowired CentreScopeResolver scopes;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    Centre centre;
    long theo;
    CentreScope permitted;
    CentreScope notPermitted;

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("rgpd-details");
        String withRight = fixtures.user(centre, Role.DIRECTION);
        String without = fixtures.user(centre, Role.DIRECTION);
        users.setSeesDisability(fixtures.userId(withRight), centre.id(), true);
        permitted = scopes.resolve(centre.code(), withRight);
        notPermitted = scopes.resolve(centre.code(), without);
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;birth_date;school;school_level;disability;flags
                H1;THEO;Lefèvre;Théo;2015-03-12;École Jules Ferry;CM2;oui;allophone,primo_arrivant
                H1;LINA;Lefèvre;Lina;2012-05-02;Collège Anne Frank;5e;non;allophone
                """));
        theo = jdbc.sql("select id from persons where centre_id = ? and ref = 'THEO'").param(centre.id())
                .query(Long.class).single();
    }

    @Test
    void theExportGivesTheDetailsAndTheDisabilityOnlyToAPermittedUserWhoseReadIsLogged() throws Exception {
        assertThat(permitted.seesDisability()).isTrue();
        assertThat(notPermitted.seesDisability()).isFalse();
        JsonNode p = json.readTree(exports.export(permitted, theo, ExportService.Format.JSON)).get("person");
        assertThat(p.get("school").asString()).isEqualTo("École Jules Ferry");
        assertThat(p.get("schoolLevel").asString()).isEqualTo("CM2");
        assertThat(p.get("flags").findValuesAsString("code")).containsExactly("allophone", "primo_arrivant");
        assertThat(p.get("flags").findValuesAsString("label")).containsExactly("Allophone", "Primo arrivant");
        assertThat(p.get("disability").asString()).isEqualTo("oui");
        assertThat(p.get("disabilityWithheld").asBoolean()).isFalse();
        String pdf = exports.html(exports.collect(permitted, theo), centre.zone());
        assertThat(pdf).contains("École Jules Ferry", "CM2", "Allophone, Primo arrivant", "Situation de handicap");

        JsonNode q = json.readTree(exports.export(notPermitted, theo, ExportService.Format.JSON)).get("person");
        assertThat(q.get("school").asString()).isEqualTo("École Jules Ferry");
        assertThat(q.get("disability").isNull()).isTrue();
        assertThat(q.get("disabilityWithheld").asBoolean()).isTrue();
        assertThat(new String(exports.export(notPermitted, theo, ExportService.Format.JSON), StandardCharsets.UTF_8))
                .doesNotContain("\"oui\"");
        assertThat(exports.html(exports.collect(notPermitted, theo), centre.zone()))
                .contains("réservée aux personnes habilitées");

        // 3 exports, 1 of them by the permitted user: one read of the disability logged
        assertThat(jdbc.sql("select action from audit_log where centre_id = ? and entity_id = ? order by id")
                .params(centre.id(), theo).query(String.class).list())
                .containsExactly("export RGPD", "lecture de la situation de handicap", "export RGPD", "export RGPD");
    }

    @Test
    void erasureClearsSchoolClassDisabilityAndFlagsOfThatPersonOnly() {
        assertThat(erasure.erase(notPermitted, theo, "à la demande de la famille")).isTrue();
        assertThat(details("THEO")).isEqualTo("null|null|null|0");
        assertThat(details("LINA")).isEqualTo("Collège Anne Frank|5e|false|1");
        // the flags themselves are the centre's vocabulary: they stay
        assertThat(jdbc.sql("select count(*) from situation_flags where centre_id = ?").param(centre.id())
                .query(Long.class).single()).isEqualTo(2);
    }

    private String details(String ref) {
        return jdbc.sql("""
                select coalesce(school, 'null') || '|' || coalesce(school_level, 'null') || '|'
                       || coalesce(disability::text, 'null') || '|'
                       || (select count(*) from person_flags f where f.centre_id = p.centre_id and f.person_id = p.id)
                from persons p where centre_id = ? and (ref = ? or (ref is null and ? = 'THEO' and id = ?))""")
                .params(centre.id(), ref, ref, theo).query(String.class).single();
    }
}
