package fr.trame.reporting;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.activities.EvaluationService;
import fr.trame.association.PartnerService;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.people.PeopleImporter;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

/** An action's evaluation is printed in its sector's chapter of the annual report, page and workbook. */
@TrameTest
class EvaluationReportTest {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired ActivityImporter activities;
    @Autowired AttendanceImporter attendance;
    @Autowired PartnerService partners;
    @Autowired EvaluationService evaluations;
    @Autowired AnnualReportService reports;
    @Autowired ReportRenderer renderer;
    @Autowired CentreService centres;
    @Autowired JdbcClient jdbc;

    @Test
    void theSectorChapterEndsWithTheActionsGrid() throws Exception {
        Centre centre = fixtures.centre("grille");
        people.importCsv(centre.id(), csv("""
                household_ref;person_ref;last_name;first_name;birth_date
                H1;P1;Roux;Léa;2016-06-01
                H2;P2;Petit;Noé;2015-01-01
                H2;P3;Petit;Ana;2017-01-01
                """));
        activities.importCsv(centre.id(), csv("""
                activity_ref;name;sector;kind
                ART;Projet art;Enfance;atelier
                BOIS;Atelier bois;Enfance;atelier
                """));
        // 2025: Léa, Noé and Ana on 5 March, Noé on 12 March: 3 persons, 4 presences, 2 sessions; 2024 is another year
        attendance.importCsv(centre.id(), csv("""
                activity_ref;date;start;end;person_ref
                ART;2024-11-06;14:00;16:00;P1
                ART;2025-03-05;14:00;16:00;P1
                ART;2025-03-05;14:00;16:00;P2
                ART;2025-03-05;14:00;16:00;P3
                ART;2025-03-12;14:00;16:00;P2
                BOIS;2025-04-02;14:00;16:00;P1
                """));
        long art = jdbc.sql("select id from activities where centre_id = ? and ref = 'ART'").param(centre.id())
                .query(Long.class).single();
        long caf = partners.create(centre.id(), "CAF", "caf", null);
        long ville = partners.create(centre.id(), "Ville d'Istres", "commune", null);
        evaluations.save(centre.id(), art, 2025, new EvaluationService.Values(8, "Enfants de 6 à 12 ans",
                List.of(new EvaluationService.Objective("Valoriser les enfants", "atteint", "Exposition à l'entrée"),
                        new EvaluationService.Objective("Impliquer les parents", "partiel", null)),
                List.of(ville, caf), "École Jean Moulin", "Des parents fiers", "Salle trop petite", "Un atelier bois"), 0);
        // another year's grid is not this report's
        evaluations.save(centre.id(), art, 2024, new EvaluationService.Values(null, null, List.of(), List.of(), null,
                "Vieux bilan", null, null), 0);

        AnnualReportService.Report report = reports.build(centres.findById(centre.id()).orElseThrow(), 2025);
        AnnualReportService.Chapter enfance = report.chapters().stream().filter(c -> c.title().equals("Secteur Enfance"))
                .findFirst().orElseThrow();
        assertThat(enfance.evaluations()).hasSize(1);
        ActionEvaluation grid = enfance.evaluations().get(0);
        // expected 8, reached 3: a gap of 3 − 8 = −5; 4 presences, 2 sessions held in 2025
        assertThat(List.of(grid.expected(), grid.persons(), grid.presences(), grid.sessions(), grid.gap()))
                .containsExactly(8, 3L, 4L, 2L, -5L);
        // partners in alphabetical order, then those written in words
        assertThat(grid.partners()).containsExactly("CAF", "Ville d'Istres", "École Jean Moulin");
        assertThat(report.chapters()).filteredOn(c -> !c.title().equals("Secteur Enfance"))
                .allMatch(c -> c.evaluations().isEmpty());

        String text = Jsoup.parse(renderer.html(report, false)).text();
        assertThat(text).contains("Bilan de l'action « Projet art »",
                "Valoriser les enfants Atteint Exposition à l'entrée", "Impliquer les parents Partiellement atteint",
                "Personnes distinctes 8 3 -5", "Présences — 4", "Séances tenues — 2",
                "Public attendu : Enfants de 6 à 12 ans", "Partenaires : CAF, Ville d'Istres, École Jean Moulin",
                "Points forts Des parents fiers", "Difficultés Salle trop petite", "Perspectives Un atelier bois")
                .doesNotContain("Vieux bilan", "Bilan de l'action « Atelier bois »");
        // the grid follows the sector's tables
        assertThat(text.indexOf("Bilan de l'action « Projet art »")).isGreaterThan(text.indexOf("Total du secteur"));

        try (ReadableWorkbook xlsx = new ReadableWorkbook(new ByteArrayInputStream(renderer.xlsx(report)))) {
            Sheet sheet = xlsx.getSheets().filter(s -> s.getName().equals("Secteur Enfance")).findFirst().orElseThrow();
            List<String> lines = sheet.read().stream().map(r -> r.stream().map(c -> c == null ? "" : c.getRawValue())
                    .collect(Collectors.joining("|"))).toList();
            assertThat(lines).contains("Bilan de l'action « Projet art » : objectifs",
                    "Valoriser les enfants|Atteint|Exposition à l'entrée", "Impliquer les parents|Partiellement atteint|",
                    "Personnes distinctes|8|3|-5", "Présences||4|", "Séances tenues||2|",
                    "Partenaires|CAF, Ville d'Istres, École Jean Moulin", "Points forts|Des parents fiers");
        }
    }
}
