package fr.trame.senacs;

import fr.trame.Fixtures;
import fr.trame.Printed;
import fr.trame.TrameTest;
import fr.trame.cli.CommandRunner;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.reporting.AnnualReportService.Chapter;
import fr.trame.reporting.AnnualReportService.Table;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The federation's annual report on a hand-made network: every figure equals the one counted by hand. */
@TrameTest
class FederationReportTest {

    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired FederationReport reports;
    @Autowired FederationReportDocuments documents;
    @Autowired CommandRunner runner;
    @Autowired MockMvc mvc;

    Federation federation;
    long nord;
    long sud;
    String direction;

    @BeforeEach
    void network() {
        federation = fixtures.federation("rapport");
        direction = fixtures.user(federation, FederationRole.ADMIN);
        long delegue = jdbc.sql("select id from users where username = ?").param(direction).query(Long.class).single();
        nord = territory("Nord");
        sud = territory("Sud");
        long a = structure("A", "cs", "59", nord, "associatif");
        long b = structure("B", "evs", "59", nord, "municipal");
        long c = structure("C", "cs", "62", sud, "associatif");
        long d = structure("D", "cs", "62", sud, "associatif");
        long e = structure("E", "cs", "62", sud, "associatif");
        membership(a, "adherent", null);
        membership(b, "adherent", "2019-01-01");
        membership(c, "adherent", "2018-01-01");
        membership(d, "adherent", "2020-01-01");
        membership(d, "sortie", "2025-06-01");
        membership(e, "attendue", "2024-10-01");
        membership(e, "adherent", "2025-03-01");

        long meeting = meeting(nord, "2025-04-10");
        meeting(nord, "2024-04-10");
        attend(meeting, "Jean Dupont", a);
        attend(meeting, "Léa Martin", a);
        attend(meeting, "Paul Durand", b);
        attend(meeting, "Une partenaire", null);

        renewal(a, "2025-01-15", "2025-09-30", "accorde");
        renewal(c, "2024-05-01", null, null);
        jdbc.sql("""
                insert into accompaniments (federation_id, structure_id, kind, title, delegue_id, opened_on)
                values (?, ?, 'gouvernance', 'Conseil d''administration', ?, date '2025-02-01')""")
                .params(federation.id(), b, delegue).update();

        long programme = insert("""
                insert into programmes (federation_id, name, kind, start_year, end_year)
                values (?, 'Vivons retraite', 'retraite', 2024, 2026) returning id""", federation.id());
        jdbc.sql("insert into programme_funders (federation_id, programme_id, funder, amount_cents) values (?, ?, 'CARSAT', 1000000)")
                .params(federation.id(), programme).update();
        project(programme, a, "bien_vieillir", 150000);
        project(programme, c, "numerique", 250000);

        long course = insert("""
                insert into training_courses (federation_id, title, audience, duration_hours, modality)
                values (?, 'Animer une réunion', 'salaries', 6, 'presentiel') returning id""", federation.id());
        long session = insert("insert into training_sessions (federation_id, course_id, max_participants) values (?, ?, 12) returning id",
                federation.id(), course);
        long morning = halfDay(session, "matin");
        long afternoon = halfDay(session, "apres_midi");
        long jean = registration(session, a, "Dupont", "Jean");
        long lea = registration(session, a, "Martin", "Léa");
        registration(session, c, "Absent", "Luc");
        presence(jean, morning);
        presence(jean, afternoon);
        presence(lea, morning);
        evaluation(jean, 5);
        evaluation(lea, 3);
        long fund = insert("insert into training_funds (federation_id, name, kind) values (?, 'FOSFORA', 'cotisations') returning id",
                federation.id());
        jdbc.sql("""
                insert into training_fund_envelopes (federation_id, fund_id, year, amount_cents, levy_rate_bp)
                values (?, ?, 2025, 500000, 500)""").params(federation.id(), fund).update();
    }

    @Test
    void theFiguresAreTheHandCountedOnes() {
        FederationReport.Report report = reports.build(federation, 2025);
        assertThat(report.chapters()).extracting(Chapter::key)
                .containsExactly("reseau", "at-" + nord, "at-" + sud, "formation", "programmes", "senacs");

        Chapter network = report.chapters().get(0);
        assertThat(lines(network.tables().get(0))).containsExactly("59|1|1|1|1|2", "62|2|0|2|0|2", "Total|3|1|3|1|4");
        assertThat(lines(network.tables().get(1))).containsExactly("Arrivées (adhésion)|1", "Départs (sortie)|1");

        Chapter north = report.chapters().get(1);
        assertThat(north.title()).isEqualTo("Assemblée territoriale Nord");
        assertThat(lines(north.tables().get(0))).containsExactly("59|1|1|2", "Total|1|1|2");
        assertThat(lines(north.tables().get(1))).containsExactly("Assemblée territoriale (plénière)|1|2|4", "Total|1|2|4");
        assertThat(lines(north.tables().get(2))).containsExactly("Renouvellements|1|1|0|0");
        assertThat(lines(north.tables().get(3))).containsExactly("Gouvernance|1|0|1", "Total|1|0|1");
        assertThat(lines(north.tables().get(4))).containsExactly("Vivons retraite|1|1|1500.00", "Total|1|1|1500.00");

        Chapter south = report.chapters().get(2);
        // D left in June: C and E remain
        assertThat(lines(south.tables().get(0))).containsExactly("62|2|0|2", "Total|2|0|2");
        assertThat(lines(south.tables().get(1))).containsExactly("Total|0|0|0");
        assertThat(lines(south.tables().get(2))).containsExactly("Renouvellements|0|0|0|1");

        Chapter training = report.chapters().get(3);
        assertThat(lines(training.tables().get(0))).containsExactly("Actions de formation|1", "Sessions|1",
                "Sessions tenues|1", "Heures de formation|6.00");
        assertThat(lines(training.tables().get(1))).containsExactly("Personnes formées (distinctes)|2",
                "Structures formées|1", "Inscriptions|3", "Heures stagiaires|9.00");
        assertThat(lines(training.tables().get(2))).containsExactly("Réponses|2", "Satisfaits (4 ou 5 sur 5)|1",
                "Taux de satisfaction (%)|50.0", "Note moyenne (sur 5)|4.00");
        assertThat(lines(training.tables().get(3))).containsExactly("FOSFORA|5000.00|250.00|4750.00|0");

        Chapter programmes = report.chapters().get(4);
        assertThat(lines(programmes.tables().get(0))).containsExactly("Vivons retraite|2024–2026|10000.00|2");
        assertThat(lines(programmes.tables().get(1))).containsExactly("59|Vivons retraite|1|1|1500.00",
                "59|Tous programmes|1|1|1500.00", "62|Vivons retraite|1|1|2500.00", "62|Tous programmes|1|1|2500.00",
                "Total||2|2|4000.00");

        Chapter senacs = report.chapters().get(5);
        assertThat(senacs.tables().get(0).title()).isEqualTo("Aucun questionnaire SENACS transmis pour cette année");
        // the year before: E had not arrived, D had not left
        assertThat(lines(reports.build(federation, 2024).chapters().get(0).tables().get(0)))
                .containsExactly("59|1|1|1|1|2", "62|2|0|2|0|2", "Total|3|1|3|1|4");
    }

    @Test
    void itRendersInEveryFormatWithEveryChapterAndNoName() throws Exception {
        reports.saveText(federation.id(), 2025, "reseau", "Une année de croissance du réseau.",
                jdbc.sql("select id from users where username = ?").param(direction).query(Long.class).single());
        FederationReport.Report report = reports.build(federation, 2025);
        String html = documents.html(report, false);
        assertThat(html).contains("Le réseau", "Assemblée territoriale Nord", "Assemblée territoriale Sud",
                "La formation et le FOSFORA", "Les programmes par département", "Les chiffres clés SENACS",
                "Aucun questionnaire SENACS transmis pour cette année", "Une année de croissance du réseau.")
                .doesNotContain("Dupont", "Martin", "Durand", "Conseil d'administration");
        byte[] pdf = documents.pdf(report);
        assertThat(new String(pdf, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        // pdftotext is not installed here: PDFBox reads the text
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Assemblée territoriale Sud", "Vivons retraite", "FOSFORA",
                    "Aucun questionnaire SENACS transmis pour cette année");
        }
        if (Boolean.getBoolean("trame.keep-report")) {
            // to look at: the first pages as images (pdftoppm is not installed here)
            try (PDDocument document = Loader.loadPDF(pdf)) {
                for (int page = 0; page < Math.min(3, document.getNumberOfPages()); page++) {
                    ImageIO.write(new PDFRenderer(document).renderImageWithDPI(page, 60), "png",
                            Path.of("target/rapport-federation-" + page + ".png").toFile());
                }
            }
        }
        try (ReadableWorkbook xlsx = new ReadableWorkbook(new ByteArrayInputStream(documents.xlsx(report)))) {
            assertThat(xlsx.getSheets().map(Sheet::getName).toList()).containsExactly("Le réseau",
                    "Assemblée territoriale Nord", "Assemblée territoriale Sud", "La formation et le FOSFORA",
                    "Les programmes par départeme", "Les chiffres clés SENACS");
        }
        assertThat(new String(documents.json(report), StandardCharsets.UTF_8)).contains("\"key\" : \"at-" + sud + "\"");
    }

    @Test
    void theCommandLineWritesTheFile() throws Exception {
        Path out = Files.createTempDirectory("rapport").resolve("rapport.xlsx");
        String printed = Printed.out(() -> assertThat(runner.run(List.of("report", "federation", "--federation",
                federation.code(), "--year", "2025", "--format", "xlsx", "--out", out.toString()))).isZero());
        assertThat(printed).contains("Rapport annuel 2025");
        assertThat(Files.size(out)).isPositive();
        Path json = out.resolveSibling("rapport.json");
        Printed.out(() -> assertThat(runner.run(List.of("report", "federation", "--federation",
                federation.code(), "--year", "2025", "--format", "json", "--out", json.toString()))).isZero());
        assertThat(Files.readString(json)).contains("Vivons retraite");
    }

    @Test
    void everyRoleReadsItTheDirectionWritesTheTexts() throws Exception {
        String reader = fixtures.user(federation, FederationRole.READER);
        String base = "/f/" + federation.code() + "/rapport";
        mvc.perform(get(base).with(user(reader))).andExpect(status().isOk());
        mvc.perform(get(base + "/2025").with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Assemblée territoriale Nord")))
                .andExpect(content().string(not(containsString("Dupont"))));
        mvc.perform(get(base + "/2025.pdf").with(user(reader))).andExpect(status().isOk());
        mvc.perform(get(base + "/2025.xlsx").with(user(reader))).andExpect(status().isOk());
        mvc.perform(get(base + "/2025.json").with(user(reader))).andExpect(status().isOk());
        mvc.perform(get(base + "/2025/textes/reseau").with(user(reader))).andExpect(status().isForbidden());
        mvc.perform(post(base + "/2025/textes/reseau").with(user(reader)).with(csrf()).param("body", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get(base + "/2025/textes/inconnu").with(user(direction))).andExpect(status().isNotFound());
        mvc.perform(get(base + "/2025/textes/at-" + nord).with(user(direction))).andExpect(status().isOk());
        mvc.perform(post(base + "/2025/textes/at-" + nord).with(user(direction)).with(csrf())
                .param("body", "L'AT Nord s'est réunie.")).andExpect(status().is3xxRedirection());
        assertThat(reports.texts(federation.id(), 2025)).containsEntry("at-" + nord, "L'AT Nord s'est réunie.");
        mvc.perform(get(base + "/20x5").with(user(reader))).andExpect(status().isNotFound());
    }

    // --- fixtures

    private static List<String> lines(Table table) {
        return table.rows().stream().map(r -> r.stream().map(v -> v == null ? "" : v.toString())
                .collect(Collectors.joining("|"))).toList();
    }

    private long insert(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private long territory(String name) {
        return insert("insert into territories (federation_id, name) values (?, ?) returning id", federation.id(), name);
    }

    private long structure(String name, String kind, String departement, long territory, String status) {
        long id = insert("""
                insert into structures (federation_id, ref, name, kind, departement, territory_id)
                values (?, ?, ?, ?, ?, ?) returning id""", federation.id(), name, "Centre " + name, kind, departement, territory);
        jdbc.sql("insert into structure_statuses (federation_id, structure_id, status) values (?, ?, ?)")
                .params(federation.id(), id, status).update();
        return id;
    }

    private void membership(long structure, String state, String since) {
        jdbc.sql("insert into structure_memberships (federation_id, structure_id, state, since) values (?, ?, ?, ?)")
                .params(federation.id(), structure, state, since == null ? null : LocalDate.parse(since)).update();
    }

    private long meeting(long territory, String date) {
        return insert("""
                insert into network_meetings (federation_id, kind, meeting_date, title, territory_id)
                values (?, 'at_pleniere', ?, 'Plénière', ?) returning id""", federation.id(), LocalDate.parse(date), territory);
    }

    private void attend(long meeting, String name, Long structure) {
        jdbc.sql("insert into network_meeting_attendance (federation_id, meeting_id, name, structure_id, quality) values (?, ?, ?, ?, 'salarie')")
                .params(federation.id(), meeting, name, structure).update();
    }

    private void renewal(long structure, String opened, String closed, String outcome) {
        long agrement = insert("""
                insert into structure_agrements (federation_id, structure_id, kind, start_date, end_date)
                values (?, ?, 'centre_social', date '2021-01-01', date '2025-12-31') returning id""", federation.id(), structure);
        jdbc.sql("insert into renewals (federation_id, structure_id, agrement_id, opened_on, closed_on, outcome) values (?, ?, ?, ?, ?, ?)")
                .params(federation.id(), structure, agrement, LocalDate.parse(opened),
                        closed == null ? null : LocalDate.parse(closed), outcome).update();
    }

    private void project(long programme, long structure, String theme, long cents) {
        jdbc.sql("insert into programme_participants (federation_id, programme_id, structure_id) values (?, ?, ?)")
                .params(federation.id(), programme, structure).update();
        jdbc.sql("""
                insert into programme_projects (federation_id, programme_id, structure_id, title, theme, amount_cents)
                values (?, ?, ?, 'Projet', ?, ?)""").params(federation.id(), programme, structure, theme, cents).update();
    }

    private long halfDay(long session, String period) {
        return insert("""
                insert into training_half_days (federation_id, session_id, day, period, hours)
                values (?, ?, date '2025-05-12', ?, 3) returning id""", federation.id(), session, period);
    }

    private long registration(long session, long structure, String last, String first) {
        return insert("""
                insert into training_registrations (federation_id, session_id, structure_id, last_name, first_name, quality)
                values (?, ?, ?, ?, ?, 'salarie') returning id""", federation.id(), session, structure, last, first);
    }

    private void presence(long registration, long halfDay) {
        jdbc.sql("insert into training_presences (federation_id, registration_id, half_day_id) values (?, ?, ?)")
                .params(federation.id(), registration, halfDay).update();
    }

    private void evaluation(long registration, int satisfaction) {
        jdbc.sql("insert into training_evaluations (federation_id, registration_id, satisfaction) values (?, ?, ?)")
                .params(federation.id(), registration, satisfaction).update();
    }
}
