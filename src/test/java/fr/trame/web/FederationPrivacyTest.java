package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.centre.Role;
import fr.trame.demo.DemoData;
import fr.trame.demo.DemoService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The federation role sees aggregates only: on every page it can open in the demonstration centre, with every id of
 * that centre in the path, no name of a registered person, volunteer, board member or employee appears, nor a
 * partner's contact. The president's and the director's names are public (the annual report prints them).
 */
@TrameTest
class FederationPrivacyTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CentreService centres;
    @Autowired DemoService demo;
    @Autowired JdbcClient jdbc;
    @Autowired fr.trame.association.PartnerService partners;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void noPersonalDataOnAnyPageTheFederationOpens() throws Exception {
        Centre centre = centres.findByCode(DemoService.DEMO_CODE).orElseGet(() -> demo.generate(DemoData.Size.S));
        String federation = fixtures.user(centre, Role.FEDERATION);
        if (jdbc.sql("select count(*) from partners where centre_id = ? and contact is not null").param(centre.id())
                .query(Long.class).single() == 0) {
            partners.create(centre.id(), "Association des locataires", "association", "Mme Lefort 06 12 34 56 78");
        }
        String someone = jdbc.sql("select last_name from persons where centre_id = ? order by id limit 1")
                .param(centre.id()).query(String.class).single();
        Set<String> secrets = personalData(centre.id());
        assertThat(secrets).hasSizeGreaterThan(100);
        List<String> ids = AppEndpoints.ids(jdbc, centre.id());

        List<String> leaks = new ArrayList<>();
        int pagesRead = 0;
        for (AppEndpoints.Endpoint e : AppEndpoints.ofCentre(mappings)) {
            if (e.post()) {
                continue;
            }
            for (String id : e.hasPathIds() ? ids : List.of("0")) {
                String url = e.url(centre.code(), id);
                // a search for a registered name too, for the pages that filter by what is typed
                MvcResult result = mvc.perform(get(url).param("q", someone).with(user(federation))).andReturn();
                assertThat(result.getResponse().getStatus()).as(url).isLessThan(500);
                if (result.getResponse().getStatus() != 200) {
                    continue;
                }
                pagesRead++;
                String body = HtmlUtils.htmlUnescape(result.getResponse().getContentAsString());
                for (String secret : secrets) {
                    if (body.contains(secret)) {
                        leaks.add(url + " : « " + secret + " »");
                    }
                }
            }
        }
        assertThat(pagesRead).as("pages the federation opened").isGreaterThan(10);
        assertThat(leaks).as("données personnelles vues par la fédération").isEmpty();
    }

    /** Names as pages write them (both orders), and partner contacts; less the president and the director. */
    private Set<String> personalData(long centreId) {
        Set<String> secrets = new HashSet<>();
        for (String[] name : jdbc.sql("""
                select last_name, first_name from persons where centre_id = :c
                union select last_name, first_name from employees where centre_id = :c
                  and id not in (select employee_id from contracts where centre_id = :c and function = 'direction')""")
                .param("c", centreId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list()) {
            secrets.add(name[0] + " " + name[1]);
            secrets.add(name[1] + " " + name[0]);
        }
        secrets.addAll(jdbc.sql("select contact from partners where centre_id = ? and contact is not null")
                .param(centreId).query(String.class).list());
        secrets.addAll(jdbc.sql("select outsider_name from mandates where centre_id = ? and outsider_name is not null and role <> 'president'")
                .param(centreId).query(String.class).list());
        for (String[] president : jdbc.sql("""
                select p.last_name, p.first_name from mandates m join persons p on p.centre_id = m.centre_id and p.id = m.person_id
                where m.centre_id = ? and m.role = 'president'""")
                .param(centreId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list()) {
            secrets.remove(president[0] + " " + president[1]);
            secrets.remove(president[1] + " " + president[0]);
        }
        return secrets;
    }
}
