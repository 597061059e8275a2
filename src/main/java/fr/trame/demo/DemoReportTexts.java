package fr.trame.demo;

import fr.trame.reporting.AnnualReportService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The director's texts of the demo's annual report for the current year: the rapport moral, and a short text opening
 * the main chapters and each sector's, so that the report reads as one presented at the general assembly.
 */
@Component
public class DemoReportTexts {

    private final AnnualReportService reports;
    private final JdbcClient jdbc;

    public DemoReportTexts(AnnualReportService reports, JdbcClient jdbc) {
        this.reports = reports;
        this.jdbc = jdbc;
    }

    public void fill(long centreId, int year) {
        reports.saveText(centreId, year, "moral", """
                Cette année encore, le centre social a ouvert ses portes à toutes les générations du quartier.
                Les bénévoles, les salariés et les partenaires ont porté ensemble les actions que ce rapport présente ; \
                le conseil d'administration les en remercie.
                Les chiffres qui suivent sont ceux des présences et des contacts enregistrés au fil de l'année.""");
        reports.saveText(centreId, year, "identite",
                "Le centre en quelques repères : ses coordonnées, ses agréments et l'année en chiffres.");
        reports.saveText(centreId, year, "vie-associative",
                "Les adhérents et les instances : qui fait vivre l'association, et comment elle se gouverne.");
        reports.saveText(centreId, year, "publics",
                "Qui vient au centre ? Les personnes touchées dans l'année, par âge, par sexe, par quartier et par quotient familial.");
        reports.saveText(centreId, year, "accueil",
                "L'accueil reste la porte d'entrée du centre : chaque demande y est écoutée, orientée ou accompagnée.");
        List<String> sectors = jdbc.sql("select name from activities_sectors where centre_id = ? order by name")
                .param(centreId).query(String.class).list();
        for (String sector : sectors) {
            reports.saveText(centreId, year, "secteur-" + sector, "Le secteur " + sector + " : ses activités de l'année, "
                    + "les personnes qui y ont participé et l'évolution des présences mois après mois.");
        }
    }
}
