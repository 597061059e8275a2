package fr.trame.privacy;

import fr.trame.Printed;
import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.association.VolunteerService;
import fr.trame.attendance.HoursService;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreScope;
import fr.trame.centre.CentreScopeResolver;
import fr.trame.centre.Role;
import fr.trame.cli.CommandRunner;
import fr.trame.form.Bands;
import fr.trame.people.MembershipService;
import fr.trame.people.PeopleImporter;
import fr.trame.people.RegisterSearch;
import fr.trame.reception.ReceptionImporter;
import fr.trame.reporting.IndicatorService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

/** The RGPD rights through their services and the command line: access export, erasure, retention. */
@TrameTest
class PrivacyTest {

    @Autowired PrivacyFixtures privacy;
    @Autowired Fixtures fixtures;
    @Autowired ExportService exports;
    @Autowired ErasureService erasure;
    @Autowired RetentionService retention;
    @Autowired IndicatorService indicators;
    @Autowired HoursService hours;
    @Autowired RegisterSearch search;
    @Autowired PeopleImporter people;
    @Autowired ReceptionImporter reception;
    @Autowired VolunteerService volunteers;
    @Autowired CentreScopeResolver scopes;
    @Autowired CommandRunner runner;
    @Autowired JdbcClient jdbc;
    @Autowired MembershipService memberships;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theExportHoldsEveryKindOfRecordAsJsonAndAsAReadablePdf() throws Exception {
        PrivacyFixtures.Centred c = privacy.everywhere();
        JsonNode data = json.readTree(exports.export(c.scope(), c.amina(), ExportService.Format.JSON));

        assertThat(data.get("format").asString()).isEqualTo("trame-donnees-personnelles");
        JsonNode person = data.get("person");
        assertThat(person.get("lastName").asString()).isEqualTo("Diallo");
        assertThat(person.get("birthDate").asString()).isEqualTo("1966-03-20");
        assertThat(person.get("email").asString()).isEqualTo("amina.diallo@example.org");
        JsonNode household = data.get("households").get(0);
        assertThat(household.get("address").asString()).isEqualTo("12 rue des Lilas");
        assertThat(household.get("quartier").asString()).isEqualTo("Les Tilleuls");
        assertThat(household.get("qf").get(0).get("amountEuros").asInt()).isEqualTo(450);
        assertThat(data.get("consents").get(0).get("kind").asString()).isEqualTo("droit_image");
        // her individual membership and her household's familiale one
        assertThat(texts(data.get("memberships"), "type")).containsExactlyInAnyOrder("familiale", "individuelle");
        assertThat(data.get("enrolments").get(0).get("ageOverrideReason").asString()).isEqualTo("Accompagne une voisine");
        assertThat(texts(data.get("attendance"), "status")).containsExactlyInAnyOrder("present", "absent");
        assertThat(texts(data.get("contacts"), "note")).contains(PrivacyFixtures.CONTACT_NOTE);
        // direction reads the case file: its steps and documents are there, and the read is logged
        JsonNode file = data.get("cases").get(0);
        assertThat(file.get("readable").asBoolean()).isTrue();
        assertThat(file.get("steps").get(0).get("note").asString()).isEqualTo(PrivacyFixtures.NOTE);
        assertThat(file.get("documents").get(0).get("name").asString()).isEqualTo("Relevé de carrière Diallo.pdf");
        assertThat(data.get("volunteer").get("skills").asString()).isEqualTo("Couture, arabe littéraire");
        assertThat(data.get("volunteer").get("hours").get(0).get("hours").decimalValue()).isEqualByComparingTo("3.5");
        JsonNode mandate = data.get("mandates").get(0);
        assertThat(mandate.get("role").asString()).isEqualTo("tresorier");
        assertThat(mandate.get("meetings").get(0).get("present").asBoolean()).isTrue();
        assertThat(audit(c.centre(), "lecture", "dossier")).isEqualTo(1);

        byte[] pdf = exports.export(c.scope(), c.amina(), ExportService.Format.PDF);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = pdfText(pdf);
        assertThat(text).contains("Amina", "Diallo", "Données personnelles", "Atelier couture", "Dossier retraite",
                "trimestres de 1998", "Trésorier(ère)", "Droit à l'image");
        assertThat(audit(c.centre(), "export RGPD", "personne")).isEqualTo(2);
    }

    @Test
    void erasureKeepsEveryFigureAndRemovesWhatIdentifies() {
        PrivacyFixtures.Centred c = privacy.everywhere();
        Map<String, Object> before = figures(c.centre());

        assertThat(erasure.erase(c.scope(), c.amina(), "à la demande de la personne")).isTrue();
        assertThat(erasure.erase(c.scope(), c.youssef(), "à la demande de la personne")).isTrue();
        assertThat(erasure.erase(c.scope(), c.amina(), "encore")).isFalse();

        assertThat(figures(c.centre())).isEqualTo(before);
        // the birth year stays, and in it only what keeps their ages on their days at the centre: the day after the
        // last of those days before the birthday (Amina's absence on 17 March counts: it may still be corrected)
        assertThat(birthDate(c.amina())).isEqualTo(LocalDate.of(1966, 3, 18));
        assertThat(birthDate(c.youssef())).isEqualTo(LocalDate.of(2019, 6, 11));
        assertThat(jdbc.sql("select first_name || ' ' || last_name || '|' || sex || '|' || coalesce(phone, '') || coalesce(email, '') || coalesce(ref, '')"
                + " from persons where id = ?").param(c.amina()).query(String.class).single()).isEqualTo("Personne anonymisée|F|");
        assertThat(search.persons(c.centre().id(), "Amina", 10)).isEmpty();
        assertThat(search.persons(c.centre().id(), "Diallo", 10)).isEmpty();
        assertThat(search.persons(c.centre().id(), "anonymisée", 10)).isEmpty();
        assertThat(search.persons(c.centre().id(), "Carole", 10)).hasSize(1);
        // everyone in H1 is anonymised: its address goes, its quartier and QF stay
        assertThat(jdbc.sql("""
                select coalesce(h.address, '') || coalesce(h.commune, '') || '|' || q.name || '|' || (select count(*) from qf_history f where f.centre_id = h.centre_id and f.household_id = h.id)
                from households h join quartiers q on q.centre_id = h.centre_id and q.id = h.quartier_id
                where h.centre_id = ? and h.id = (select household_id from household_members where centre_id = h.centre_id and person_id = ?)""")
                .params(c.centre().id(), c.amina()).query(String.class).single()).isEqualTo("|Les Tilleuls|1");
        assertThat(count("select count(*) from consents where centre_id = ?", c.centre())).isZero();
        assertThat(count("select count(*) from contacts where centre_id = ? and (note is not null or orientation is not null)", c.centre())).isZero();
        assertThat(count("select count(*) from case_steps where centre_id = ? and note like '%1998%'", c.centre())).isZero();
        assertThat(count("select count(*) from case_documents where centre_id = ? and name like '%Diallo%'", c.centre())).isZero();
        assertThat(count("select count(*) from audit_log where centre_id = ? and detail like '%retraite%'", c.centre())).isZero();
        assertThat(count("select count(*) from enrolments where centre_id = ? and (status <> 'annule' or age_override_reason is not null)", c.centre())).isZero();
        assertThat(count("select count(*) from volunteers where centre_id = ? and skills is not null", c.centre())).isZero();
        assertThat(audit(c.centre(), "anonymisation", "personne")).isEqualTo(2);

        String export = new String(exports.export(c.scope(), c.amina(), ExportService.Format.JSON), StandardCharsets.UTF_8);
        assertThat(export).contains("Personne", "anonymisée", "Atelier couture")
                .doesNotContain("Amina", "Diallo", "06 12 34 56 78", "example.org", "Lilas", "1998", PrivacyFixtures.CONTACT_NOTE,
                        "Couture, arabe", "Accompagne une voisine", "Dossier retraite");

        // the comparison above can fail: keeping only the birth year (1 January) would move an age band
        jdbc.sql("update persons set birth_date = date_trunc('year', birth_date) where centre_id = ?").param(c.centre().id()).update();
        assertThat(figures(c.centre())).isNotEqualTo(before);
    }

    @Test
    void retentionListsWhoHasNotBeenSeenForTwoYearsAndAnonymisesThemOnConfirmation() {
        Centre centre = fixtures.centre("conservation");
        LocalDate today = LocalDate.now();
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name
                H1;BERNARD;Lemoine;Bernard
                H2;CAROLE;Petit;Carole
                H3;DINA;Sow;Dina
                H4;EDGAR;Roux;Edgar
                """));
        // registered five years ago, except Dina, registered today
        jdbc.sql("update persons set created_at = now() - interval '5 years' where centre_id = ? and ref <> 'DINA'")
                .param(centre.id()).update();
        reception.importCsv(centre.id(), csv("date;person_ref;channel;theme\n"
                + today.minusYears(3) + ";BERNARD;accueil;caf\n"
                + today.minusYears(3) + ";EDGAR;accueil;caf\n"
                + today.minusMonths(1) + ";CAROLE;telephone;logement\n"));
        // Edgar's last contact is old, but he is still a volunteer
        volunteers.register(centre.id(), privacy.id("persons", centre.id(), "EDGAR"), List.of("ponctuel"), null,
                today.minusYears(4));
        long bernard = privacy.id("persons", centre.id(), "BERNARD");
        CentreScope scope = scopes.resolve(centre.code(), fixtures.user(centre, Role.DIRECTION));

        List<RetentionService.Inactive> inactive = retention.inactive(scope, today);
        assertThat(inactive).extracting(RetentionService.Inactive::personId).containsExactly(bernard);
        assertThat(inactive.get(0).lastActivity()).isEqualTo(today.minusYears(3));

        String listed = Printed.out(() -> assertThat(runner.run(List.of("rgpd", "retention", "--centre", centre.code()))).isZero());
        assertThat(listed).contains("1 personne(s)", "Lemoine Bernard", "--confirm").doesNotContain("Petit", "Sow", "Roux");
        assertThat(count("select count(*) from persons where centre_id = ? and anonymised_at is not null", centre)).isZero();

        String done = Printed.out(() -> assertThat(runner.run(List.of("rgpd", "retention", "--centre", centre.code(), "--confirm"))).isZero());
        assertThat(done).contains("1 personne(s)", "n° " + bernard).doesNotContain("Lemoine");
        assertThat(jdbc.sql("select ref from persons where centre_id = ? and anonymised_at is null order by ref")
                .param(centre.id()).query(String.class).list()).containsExactly("CAROLE", "DINA", "EDGAR");
        // written by the command line (no user), with the reason
        assertThat(jdbc.sql("select detail from audit_log where centre_id = ? and action = 'anonymisation' and entity_id = ? and user_id is null")
                .params(centre.id(), bernard).query(String.class).single()).startsWith("durée de conservation dépassée");
        assertThat(retention.inactive(scope, today)).isEmpty();
    }

    @Test
    void theCommandLineExportsAndErasesWithTheSameRules(@TempDir Path dir) throws Exception {
        PrivacyFixtures.Centred c = privacy.everywhere();
        String code = c.centre().code();
        String id = String.valueOf(c.amina());
        Path file = dir.resolve("amina.json");

        // the command line is nobody's referent: the case file is listed, its content is not
        assertThat(runner.run(List.of("rgpd", "export", "--centre", code, "--person", id, "--format", "json", "--out", file.toString()))).isZero();
        JsonNode anonymous = json.readTree(Files.readAllBytes(file));
        assertThat(anonymous.get("cases").get(0).get("readable").asBoolean()).isFalse();
        assertThat(Files.readString(file)).doesNotContain("1998");
        // acting as the director, it is
        assertThat(runner.run(List.of("rgpd", "export", "--centre", code, "--person", id, "--format", "json", "--out",
                file.toString(), "--user", c.direction()))).isZero();
        assertThat(Files.readString(file)).contains(PrivacyFixtures.NOTE);
        Path pdf = dir.resolve("amina.pdf");
        assertThat(runner.run(List.of("rgpd", "export", "--centre", code, "--person", id, "--format", "pdf", "--out", pdf.toString()))).isZero();
        assertThat(pdfText(Files.readAllBytes(pdf))).contains("Amina Diallo");
        assertThat(jdbc.sql("select count(*) from audit_log where centre_id = ? and action = 'export RGPD' and user_id is null")
                .param(c.centre().id()).query(Long.class).single()).isEqualTo(2);

        Centre other = fixtures.centre("autre");
        String refusal = Printed.err(() -> assertThat(runner.run(List.of("rgpd", "export", "--centre", other.code(), "--person", id,
                "--format", "json", "--out", file.toString()))).isEqualTo(2));
        assertThat(refusal).contains("Personne introuvable.");
        String accueil = fixtures.user(c.centre(), Role.ACCUEIL);
        assertThat(runner.run(List.of("rgpd", "erase", "--centre", code, "--person", id, "--user", accueil))).isEqualTo(2);
        assertThat(runner.run(List.of("rgpd", "erase", "--centre", code, "--person", "douze"))).isEqualTo(2);

        String erased = Printed.out(() -> assertThat(runner.run(List.of("rgpd", "erase", "--centre", code, "--person", id))).isZero());
        assertThat(erased).contains("anonymisée");
        assertThat(jdbc.sql("select last_name from persons where id = ?").param(c.amina()).query(String.class).single()).isEqualTo("anonymisée");
        assertThat(Printed.out(() -> runner.run(List.of("rgpd", "erase", "--centre", code, "--person", id)))).contains("déjà anonymisée");
    }

    /** Every figure that depends on a person: the indicators of several periods, ACM hours by age group, own bands. */
    private Map<String, Object> figures(Centre centre) {
        Map<String, Object> figures = new LinkedHashMap<>();
        List<LocalDate[]> periods = List.of(
                new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)},
                new LocalDate[] {LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 14)},
                new LocalDate[] {LocalDate.of(2025, 6, 15), LocalDate.of(2025, 6, 30)},
                new LocalDate[] {LocalDate.of(2025, 9, 1), LocalDate.of(2026, 8, 31)},
                new LocalDate[] {LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 15)},
                new LocalDate[] {LocalDate.of(2026, 3, 16), LocalDate.of(2026, 12, 31)},
                new LocalDate[] {LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31)});
        for (LocalDate[] p : periods) {
            figures.put(p[0] + "/" + p[1], indicators.compute(centre.id(), centre.code(), p[0], p[1]));
            figures.put(p[0] + "/" + p[1] + " bands", indicators.publicsInBands(centre.id(), p[0], p[1],
                    new Bands(new int[] {0, 6, 60}), Bands.STANDARD_QF));
        }
        figures.put("acm", hours.acmByAgeGroup(centre.id(), YearMonth.of(2025, 6)));
        return figures;
    }

    private LocalDate birthDate(long personId) {
        return jdbc.sql("select birth_date from persons where id = ?").param(personId).query(LocalDate.class).single();
    }

    private long audit(Centre centre, String action, String entity) {
        return jdbc.sql("select count(*) from audit_log where centre_id = ? and action = ? and entity = ?")
                .params(centre.id(), action, entity).query(Long.class).single();
    }

    private long count(String sql, Centre centre) {
        return jdbc.sql(sql).param(centre.id()).query(Long.class).single();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(n -> values.add(n.get(field).isNull() ? null : n.get(field).asString()));
        return values;
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** A cancellation's reason is typed text: the export shows it, the anonymisation removes it, the audit never copies it. */
    @Test
    void aMembershipCancellationIsExportedAndItsReasonErased() throws Exception {
        PrivacyFixtures.Centred c = privacy.everywhere();
        long m2 = jdbc.sql("select id from memberships where centre_id = ? and ref = 'M2'").param(c.centre().id())
                .query(Long.class).single();
        memberships.cancel(c.centre().id(), m2, "Amina Diallo a déménagé chez sa sœur", c.scope().userId());
        assertThat(jdbc.sql("select count(*) from audit_log where centre_id = ? and detail like '%sœur%'")
                .param(c.centre().id()).query(Long.class).single()).isZero();

        JsonNode data = json.readTree(exports.export(c.scope(), c.amina(), ExportService.Format.JSON));
        JsonNode cancelled = null;
        for (JsonNode m : data.get("memberships")) {
            if (m.get("ref").asText().equals("M2")) {
                cancelled = m;
            }
        }
        assertThat(cancelled).isNotNull();
        assertThat(cancelled.get("cancelReason").asText()).contains("déménagé");
        assertThat(cancelled.get("cancelledAt").isNull()).isFalse();

        assertThat(erasure.erase(c.scope(), c.amina(), "à la demande de la personne")).isTrue();
        MembershipService.Membership after = memberships.find(c.centre().id(), m2).orElseThrow();
        assertThat(after.cancelled()).isTrue(); // the figures stay as they were
        assertThat(after.cancelReason()).doesNotContain("Amina").doesNotContain("sœur");
    }
}
