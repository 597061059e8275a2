package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.form.Vocabulary;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.centre.Role;
import fr.trame.demo.DemoData;
import fr.trame.demo.DemoService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An attacker with an administrator's account in centre B, against the demonstration centre A: every form and page
 * of the application (found from the handler mappings, so a new one is covered without editing this test) receives
 * A's ids in its path and in every field the templates name, then NUL bytes, then huge values. Nothing may answer
 * with a 5xx, no path id of A may be reported as saved or shown, and A's rows must be byte for byte what they were.
 */
@TrameTest
class HostileInputTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CentreService centres;
    @Autowired DemoService demo;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    Centre victim;
    Centre attackerCentre;
    String attacker;

    @BeforeEach
    void centres() {
        victim = centres.findByCode(DemoService.DEMO_CODE).orElseGet(() -> demo.generate(DemoData.Size.S));
        attackerCentre = fixtures.centre("attaque");
        attacker = fixtures.user(attackerCentre, Role.ADMIN);
    }

    @Test
    void anotherCentresIdsInEveryPathAndFieldGiveNeither500NorSuccessNorAChange() throws Exception {
        Map<String, String> before = snapshot(victim.id());
        List<String> ids = AppEndpoints.ids(jdbc, victim.id());
        List<String> fields = templateFieldNames();
        List<String> failures = new ArrayList<>();
        for (AppEndpoints.Endpoint e : endpoints()) {
            for (String id : e.hasPathIds() ? ids : ids.subList(0, Math.min(ids.size(), 8)))
            for (boolean plausible : e.post() ? List.of(false, true) : List.of(false)) {
                String url = e.url(attackerCentre.code(), id);
                MockHttpServletRequestBuilder request = e.post() ? post(url).with(csrf()) : get(url);
                if (e.post()) {
                    fields.forEach(f -> request.param(f, plausible ? plausible(f, id) : id));
                }
                MvcResult result;
                try {
                    result = mvc.perform(request.with(user(attacker))).andReturn();
                } catch (jakarta.servlet.ServletException unhandled) { // what a server answers with a 500
                    failures.add("500 " + e.method() + " " + url + " : " + rootMessage(unhandled));
                    continue;
                }
                int status = result.getResponse().getStatus();
                if (status >= 500) {
                    failures.add(status + " " + e.method() + " " + url + " : " + result.getResolvedException());
                } else if (e.hasPathIds() && e.post() && result.getFlashMap().containsKey("message")
                        && !attackerHasRowWithId(Long.parseLong(id))) {
                    failures.add("faux succès " + e.method() + " " + url + " : " + result.getFlashMap().get("message"));
                } else if (e.hasPathIds() && !e.post() && status == 200 && !e.pattern().startsWith("/c/{centre}/catalogue/")) {
                    // (the catalogue's published actions are shared by every centre; drafts: CataloguePagesTest)
                    failures.add("lu dans un autre centre " + e.method() + " " + url);
                }
            }
        }
        assertThat(failures).as("réponses fautives").isEmpty();
        assertThat(snapshot(victim.id())).as("lignes du centre A").isEqualTo(before);
    }

    @Test
    void aNulByteOrAHugeValueInAnyFieldIsRefusedByNameNever500() throws Exception {
        String huge = "x".repeat(1_000_001);
        List<String> failures = new ArrayList<>();
        for (AppEndpoints.Endpoint e : endpoints()) {
            if (!e.post()) {
                continue;
            }
            String url = e.url(attackerCentre.code(), "1");
            for (String field : List.of("name", "lastName", "note", "q")) {
                for (String value : List.of("a\u0000b", huge)) {
                    MvcResult result = mvc.perform(post(url).with(csrf()).with(user(attacker)).param(field, value)).andReturn();
                    String message = result.getResponse().getErrorMessage();
                    // named in French when the field has a name (field.* in messages.properties), else as it is
                    String named = Vocabulary.message("field." + field) == null ? field : Vocabulary.message("field." + field);
                    if (result.getResponse().getStatus() != 400 || message == null || !message.contains("« " + named + " »")) {
                        failures.add(result.getResponse().getStatus() + " " + url + " " + field + " : " + message);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * A value that passes the form's own checks where the name tells its kind, so that the references (the id
     * fields, set to the victim's id) reach the database; choice fields keep the id and show what refuses them.
     */
    private static String plausible(String field, String id) {
        if (field.endsWith("Id") || Set.of("referent", "staff", "foyer", "personne", "contact", "quartier").contains(field)) {
            return id;
        }
        if (field.endsWith("Date") || Set.of("date", "validFrom", "deadline", "reportDue", "signedOn", "arrival",
                "departure", "from", "to").contains(field)) {
            return "2026-11-02";
        }
        if (Set.of("start", "end", "time").contains(field)) {
            return field.equals("end") ? "11:00" : "10:00";
        }
        if (Set.of("year", "annee", "startYear").contains(field)) {
            return "2026";
        }
        if (Set.of("hours", "duration", "weeklyHours", "amount", "requested", "charges", "inKind", "quorum", "headcount",
                "qf", "age", "days", "rate", "fullTime", "value", "target").contains(field)) {
            return "1";
        }
        if (Set.of("enabled", "granted", "paid", "qpv", "publier", "livesInTerritory", "present", "holidays").contains(field)) {
            return "true";
        }
        return Set.of("kind", "role", "channel", "theme", "status", "category", "college", "function", "type", "metric",
                "schedule", "paymentMode", "source", "schoolZone", "what", "mois", "semaine", "saison").contains(field)
                ? id : "Essai";
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage());
        return m.length() > 160 ? m.substring(0, 160) : m;
    }

    private List<AppEndpoints.Endpoint> endpoints() {
        List<AppEndpoints.Endpoint> list = AppEndpoints.ofCentre(mappings);
        assertThat(list).hasSizeGreaterThan(100);
        return list;
    }

    /** The forms that create rows make some in the attacker's centre, whose ids may equal one of the victim's. */
    private boolean attackerHasRowWithId(long id) {
        return AppEndpoints.tenantTablesWithId(jdbc).stream().anyMatch(table -> jdbc.sql(
                "select exists (select 1 from " + table + " where centre_id = ? and id = ?)")
                .params(attackerCentre.id(), id).query(Boolean.class).single());
    }

    /** Each tenant table's rows of a centre, as one digest per table. */
    private Map<String, String> snapshot(long centreId) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String table : jdbc.sql("""
                select table_name from information_schema.columns
                where table_schema = 'public' and column_name = 'centre_id' order by 1""").query(String.class).list()) {
            digests.put(table, jdbc.sql("select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                    + table + " t where centre_id = ?").param(centreId).query(String.class).single());
        }
        return digests;
    }

    /** The names of every field the templates render. */
    private static List<String> templateFieldNames() throws IOException {
        Pattern name = Pattern.compile("name=\"([A-Za-z][A-Za-z_.]*)\"");
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = name.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        names.removeAll(List.of("viewport", "_csrf"));
        return List.copyOf(names);
    }
}
