package fr.trame.reporting;

import fr.trame.form.Vocabulary;
import fr.trame.association.Association;
import fr.trame.association.FundingService;
import fr.trame.association.GovernanceService;
import fr.trame.association.Labels;
import fr.trame.association.PartnerService;
import fr.trame.association.StaffService;
import fr.trame.form.FrenchFormat;
import fr.trame.form.Parse;
import fr.trame.reporting.AnnualReportService.ChartData;
import fr.trame.reporting.AnnualReportService.Line;
import fr.trame.reporting.AnnualReportService.Table;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's parts about the association: its identity (president, director, team, volunteers, agréments), its
 * governance, human resources, volunteering, partnerships and funding. Numbers come from the {@code association}
 * object of the indicators; names and dates from the records.
 */
@Component
class AssociationChapters {

    private final GovernanceService governance;
    private final StaffService staff;
    private final PartnerService partners;
    private final FundingService funding;

    AssociationChapters(GovernanceService governance, StaffService staff, PartnerService partners, FundingService funding) {
        this.governance = governance;
        this.staff = staff;
        this.partners = partners;
        this.funding = funding;
    }

    /** The identity sheet's part about the association, on the year's last day. */
    List<Table> identity(long centreId, int year, Association association) {
        LocalDate lastDay = LocalDate.of(year, 12, 31);
        Association.Staff s = association.staff();
        String presidents = String.join(", ", governance.mandates(centreId, lastDay).stream()
                .filter(m -> m.role().equals("president") && m.bodyKind().equals("ca")).map(GovernanceService.Mandate::name).toList());
        String directors = String.join(", ", staff.contracts(centreId, year).stream()
                .filter(c -> c.function().equals("direction") && (c.endDate() == null || !c.endDate().isBefore(lastDay)))
                .map(StaffService.Contract::employee).toList());
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Président(e)", presidents.isEmpty() ? "—" : presidents));
        rows.add(List.of("Direction", directors.isEmpty() ? "—" : directors));
        rows.add(List.of("Membres du conseil d'administration", association.governance().boardMembers()));
        rows.add(List.of("Salariés au 31 décembre", s.employees()));
        rows.add(List.of("dont mises à disposition", s.byContract().get("mad")));
        rows.add(List.of("Équivalents temps plein au 31 décembre", s.etp()));
        rows.add(List.of("Bénévoles", association.volunteers().volunteers()));
        List<List<Object>> agrements = new ArrayList<>();
        for (Association.Agrement a : association.agrements()) {
            agrements.add(List.of(a.label(), a.issuer(), date(a.from()), a.to() == null ? "—" : date(a.to())));
        }
        return List.of(new Table("L'association", List.of("", ""), rows),
                new Table("Agréments en cours", List.of("Agrément", "Délivré par", "Depuis le", "Jusqu'au"), agrements));
    }

    /** Governance tables for the vie associative chapter. */
    List<Table> governance(long centreId, int year, Association association, Association before) {
        String n = String.valueOf(year);
        String n1 = String.valueOf(year - 1);
        Association.Governance g = association.governance();
        Association.Governance g1 = before.governance();
        List<List<Object>> ags = new ArrayList<>();
        governance.meetings(centreId, year).stream().filter(m -> m.bodyKind().equals("ag"))
                .forEach(m -> ags.add(List.of(date(m.date()), m.agenda() == null ? "" : m.agenda(),
                        m.present() + " présent(s) sur " + m.expected())));
        return List.of(
                AnnualReportService.compare("Réunions des instances", n, n1, GovernanceService.KINDS.stream()
                        .map(k -> new Line(Labels.of(k), g.meetings().get(k), g1.meetings().get(k))).toList()),
                new Table("Assemblées générales", List.of("Date", "Ordre du jour", "Présence"), ags),
                AnnualReportService.share("Conseil d'administration au 31 décembre, par collège", labelled(g.boardByCollege()),
                        labelled(g1.boardByCollege()), n, n1, k -> null),
                AnnualReportService.share("… par fonction", labelled(nonZero(g.boardByRole())), null, n, null, k -> null),
                AnnualReportService.share("… habitant le territoire", g.boardLivingInTerritory(), g1.boardLivingInTerritory(),
                        n, n1, Vocabulary::label, k -> null),
                AnnualReportService.share("… habitant un quartier prioritaire", g.boardInQpv(), g1.boardInQpv(), n, n1,
                        Vocabulary::label, k -> null));
    }

    List<Table> humanResources(Association association, Association before, int year) {
        String n = String.valueOf(year);
        Association.Staff s = association.staff();
        Association.Staff s1 = before.staff();
        List<Table> tables = new ArrayList<>(List.of(
                AnnualReportService.compare("Effectifs", n, String.valueOf(year - 1), List.of(
                        new Line("Salariés au 31 décembre", s.employees(), s1.employees()),
                        new Line("ETP au 31 décembre", s.etp(), s1.etp()),
                        new Line("ETP moyens sur l'année", s.etpAverage(), s1.etpAverage()),
                        new Line("Jours de formation", s.trainingDays(), s1.trainingDays()))),
                AnnualReportService.share("Contrats au 31 décembre", labelled(nonZero(s.byContract())), null, n, null, k -> null),
                AnnualReportService.share("Fonctions au 31 décembre", labelled(nonZero(s.byFunction())), null, n, null, k -> null)));
        // vacataires and trainees only when the centre had some, in either year: no table of zeros
        Association.Vacataires v = s.vacataires();
        Association.Vacataires v1 = s1.vacataires();
        if (v.contracts() + v1.contracts() > 0) {
            tables.add(AnnualReportService.compare("Vacataires (contrats d'engagement éducatif)", n, String.valueOf(year - 1), List.of(
                    new Line("Vacataires", v.persons(), v1.persons()),
                    new Line("Contrats", v.contracts(), v1.contracts()),
                    new Line("Vacations", v.vacations(), v1.vacations()),
                    new Line("Heures de travail", v.hours(), v1.hours()))));
        }
        if (s.interns().persons() > 0) {
            List<List<Object>> rows = new ArrayList<>();
            s.interns().byDiploma().forEach((diploma, count) -> rows.add(List.of(
                    diploma.equals("inconnu") ? "Diplôme non précisé" : diploma, count)));
            rows.add(List.of("Stagiaires accueillis", s.interns().persons()));
            tables.add(new Table("Stagiaires accueillis en " + n + ", par diplôme préparé", List.of("", "Stagiaires"), rows));
        }
        return tables;
    }

    List<Table> volunteering(Association association, Association before, int year) {
        String n = String.valueOf(year);
        String n1 = String.valueOf(year - 1);
        Association.Volunteers v = association.volunteers();
        Association.Volunteers v1 = before.volunteers();
        return List.of(
                AnnualReportService.compare("Bénévolat", n, n1, List.of(
                        new Line("Bénévoles", v.volunteers(), v1.volunteers()),
                        new Line("dont ayant noté des heures", v.withHours(), v1.withHours()),
                        new Line("Heures données", v.hours(), v1.hours()),
                        new Line("Valorisation (€)", v.valuation(), v1.valuation()))),
                new Table("Bénévoles par catégorie (un bénévole peut en avoir plusieurs)", List.of("", n, n1),
                        v.byCategory().keySet().stream().map(k -> List.<Object>of(Labels.of(k),
                                v.byCategory().get(k), v1.byCategory().get(k))).toList()));
    }

    List<Table> partnerships(long centreId, Association association, Association before, int year) {
        String n = String.valueOf(year);
        String n1 = String.valueOf(year - 1);
        Association.Partners p = association.partners();
        Association.Partners p1 = before.partners();
        List<List<Object>> permanences = new ArrayList<>();
        partners.permanences(centreId, year).forEach(pe -> permanences.add(List.of(pe.partner(), pe.label(),
                pe.schedule() == null ? "" : pe.schedule())));
        List<List<Object>> conventions = new ArrayList<>();
        partners.conventions(centreId, year).stream().filter(c -> c.signedOn() != null)
                .forEach(c -> conventions.add(List.of(c.partner(), c.object(), date(c.startDate()),
                        c.endDate() == null ? "—" : date(c.endDate()))));
        return List.of(
                AnnualReportService.compare("Partenariats", n, n1, List.of(
                        new Line("Partenaires", p.partners(), p1.partners()),
                        new Line("Conventions signées en cours", p.conventions(), p1.conventions()),
                        new Line("Permanences de partenaires", p.permanences(), p1.permanences()))),
                AnnualReportService.share("Partenaires par type", labelled(p.byKind()), null, n, null, k -> null),
                new Table("Conventions signées", List.of("Partenaire", "Objet", "Du", "Au"), conventions),
                new Table("Permanences au centre", List.of("Partenaire", "Objet", "Quand"), permanences));
    }

    List<Table> funding(Association association, int year) {
        Association.Funding f = association.funding();
        BigDecimal products = f.products();
        List<List<Object>> byFunder = new ArrayList<>();
        f.byFunder().forEach((label, amount) -> byFunder.add(List.of(label, amount, products.signum() == 0 ? "—"
                : FrenchFormat.percent(amount.multiply(BigDecimal.valueOf(100)).divide(products, 1, RoundingMode.HALF_UP), 1))));
        byFunder.add(List.of("Total des produits", products, products.signum() == 0 ? "—" : FrenchFormat.percent((Number) 100, 0)));
        BigDecimal charges = f.charges();
        List<List<Object>> accounts = new ArrayList<>();
        accounts.add(List.of("Produits", products));
        accounts.add(List.of("Charges", charges == null ? "non saisies" : charges));
        if (charges != null) {
            accounts.add(List.of("Résultat", products.subtract(charges)));
        }
        accounts.add(List.of("Mises à disposition de personnel (valorisées)", f.inKind().mad()));
        accounts.add(List.of("Bénévolat (valorisé)", f.inKind().volunteers()));
        Association.Grants grants = f.grants();
        List<List<Object>> grantRows = new ArrayList<>();
        grantRows.add(List.of(Labels.GRANTS_REQUESTED, grants.requested()));
        grantRows.add(List.of(Labels.GRANTS_GRANTED, grants.granted()));
        grants.byStatus().forEach((status, count) -> grantRows.add(List.of(Labels.grants(status), count)));
        return List.of(
                new Table("Produits par financeur " + year + " (€)", List.of("", "Montant", "Part"), byFunder),
                new Table("Comptes et contributions en nature (€)", List.of("", "Montant"), accounts),
                new Table("Demandes de subvention", List.of("", String.valueOf(year)), grantRows));
    }

    /** Products by funder, in whole euros, beside the year before's, for the chapter's chart. */
    ChartData fundingChart(Association association, Association before) {
        return new ChartData("Produits par financeur (€)", euros(association), euros(before), true);
    }

    private static Map<String, Long> euros(Association association) {
        Map<String, Long> euros = new LinkedHashMap<>();
        association.funding().byFunder().forEach((label, amount) -> euros.put(label, amount.longValue()));
        return euros;
    }

    private static Map<String, Long> labelled(Map<String, Long> counts) {
        Map<String, Long> labelled = new LinkedHashMap<>();
        counts.forEach((k, v) -> labelled.put(Labels.of(k), v));
        return labelled;
    }

    private static Map<String, Long> nonZero(Map<String, Long> counts) {
        Map<String, Long> kept = new LinkedHashMap<>();
        counts.forEach((k, v) -> {
            if (v > 0) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    private static String date(LocalDate date) {
        return date.format(Parse.FRENCH_DATE);
    }
}
