package fr.trame.reporting;

import static fr.trame.reporting.JsonMaps.list;
import static fr.trame.reporting.JsonMaps.sub;

import fr.trame.association.FundingService;
import fr.trame.association.GovernanceService;
import fr.trame.association.Labels;
import fr.trame.association.PartnerService;
import fr.trame.association.StaffService;
import fr.trame.form.FrenchFormat;
import fr.trame.reporting.AnnualReportService.ChartData;
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
    List<Table> identity(long centreId, int year, Map<String, Object> association) {
        LocalDate lastDay = LocalDate.of(year, 12, 31);
        Map<String, Object> s = sub(association, "staff");
        Map<String, Object> g = sub(association, "governance");
        Map<String, Object> v = sub(association, "volunteers");
        String presidents = String.join(", ", governance.mandates(centreId, lastDay).stream()
                .filter(m -> m.role().equals("president") && m.bodyKind().equals("ca")).map(GovernanceService.Mandate::name).toList());
        String directors = String.join(", ", staff.contracts(centreId, year).stream()
                .filter(c -> c.function().equals("direction") && (c.endDate() == null || !c.endDate().isBefore(lastDay)))
                .map(StaffService.Contract::employee).toList());
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Président(e)", presidents.isEmpty() ? "—" : presidents));
        rows.add(List.of("Direction", directors.isEmpty() ? "—" : directors));
        rows.add(List.of("Membres du conseil d'administration", g.get("boardMembers")));
        rows.add(List.of("Salariés au 31 décembre", s.get("employees")));
        rows.add(List.of("dont mises à disposition", sub(s, "byContract").get("mad")));
        rows.add(List.of("Équivalents temps plein au 31 décembre", s.get("etp")));
        rows.add(List.of("Bénévoles", v.get("volunteers")));
        List<List<Object>> agrements = new ArrayList<>();
        for (Map<String, Object> a : list(association, "agrements")) {
            agrements.add(List.of(a.get("label"), a.get("issuer"), date(a.get("from")), a.get("to") == null ? "—" : date(a.get("to"))));
        }
        return List.of(new Table("L'association", List.of("", ""), rows),
                new Table("Agréments en cours", List.of("Agrément", "Délivré par", "Depuis le", "Jusqu'au"), agrements));
    }

    /** Governance tables for the vie associative chapter. */
    List<Table> governance(long centreId, int year, Map<String, Object> association, Map<String, Object> before) {
        String n = String.valueOf(year);
        String n1 = String.valueOf(year - 1);
        Map<String, Object> g = sub(association, "governance");
        Map<String, Object> g1 = sub(before, "governance");
        List<List<Object>> ags = new ArrayList<>();
        governance.meetings(centreId, year).stream().filter(m -> m.bodyKind().equals("ag"))
                .forEach(m -> ags.add(List.of(date(m.date().toString()), m.agenda() == null ? "" : m.agenda(),
                        m.present() + " présent(s) sur " + m.expected())));
        return List.of(
                AnnualReportService.compare("Réunions des instances", GovernanceService.KINDS,
                        GovernanceService.KINDS.stream().map(Labels::of).toList(), sub(g, "meetings"), sub(g1, "meetings"), n, n1, k -> null),
                new Table("Assemblées générales", List.of("Date", "Ordre du jour", "Présence"), ags),
                AnnualReportService.share("Conseil d'administration au 31 décembre, par collège", labelled(sub(g, "boardByCollege")),
                        labelled(sub(g1, "boardByCollege")), n, n1, k -> null),
                AnnualReportService.share("… par fonction", labelled(nonZero(sub(g, "boardByRole"))), null, n, null, k -> null),
                AnnualReportService.share("… habitant le territoire", sub(g, "boardLivingInTerritory"), sub(g1, "boardLivingInTerritory"),
                        n, n1, k -> null),
                AnnualReportService.share("… habitant un quartier prioritaire", sub(g, "boardInQpv"), sub(g1, "boardInQpv"), n, n1, k -> null));
    }

    List<Table> humanResources(Map<String, Object> association, Map<String, Object> before, int year) {
        String n = String.valueOf(year);
        String n1 = String.valueOf(year - 1);
        Map<String, Object> s = sub(association, "staff");
        Map<String, Object> s1 = sub(before, "staff");
        return List.of(
                AnnualReportService.compare("Effectifs", List.of("employees", "etp", "etpAverage", "trainingDays"),
                        List.of("Salariés au 31 décembre", "ETP au 31 décembre", "ETP moyens sur l'année", "Jours de formation"),
                        s, s1, n, n1, k -> null),
                AnnualReportService.share("Contrats au 31 décembre", labelled(nonZero(sub(s, "byContract"))), null, n, null, k -> null),
                AnnualReportService.share("Fonctions au 31 décembre", labelled(nonZero(sub(s, "byFunction"))), null, n, null, k -> null));
    }

    List<Table> volunteering(Map<String, Object> association, Map<String, Object> before, int year) {
        String n = String.valueOf(year);
        String n1 = String.valueOf(year - 1);
        Map<String, Object> v = sub(association, "volunteers");
        Map<String, Object> v1 = sub(before, "volunteers");
        return List.of(
                AnnualReportService.compare("Bénévolat", List.of("volunteers", "withHours", "hours", "valuation"),
                        List.of("Bénévoles", "dont ayant noté des heures", "Heures données", "Valorisation (€)"), v, v1, n, n1, k -> null),
                new Table("Bénévoles par catégorie (un bénévole peut en avoir plusieurs)", List.of("", n, n1),
                        sub(v, "byCategory").keySet().stream().map(k -> List.<Object>of(Labels.of(k),
                                sub(v, "byCategory").get(k), sub(v1, "byCategory").get(k))).toList()));
    }

    List<Table> partnerships(long centreId, Map<String, Object> association, Map<String, Object> before, int year) {
        String n = String.valueOf(year);
        String n1 = String.valueOf(year - 1);
        Map<String, Object> p = sub(association, "partners");
        Map<String, Object> p1 = sub(before, "partners");
        List<List<Object>> permanences = new ArrayList<>();
        partners.permanences(centreId, year).forEach(pe -> permanences.add(List.of(pe.partner(), pe.label(),
                pe.schedule() == null ? "" : pe.schedule())));
        List<List<Object>> conventions = new ArrayList<>();
        partners.conventions(centreId, year).stream().filter(c -> c.signedOn() != null)
                .forEach(c -> conventions.add(List.of(c.partner(), c.object(), date(c.startDate().toString()),
                        c.endDate() == null ? "—" : date(c.endDate().toString()))));
        return List.of(
                AnnualReportService.compare("Partenariats", List.of("partners", "conventions", "permanences"),
                        List.of("Partenaires", "Conventions signées en cours", "Permanences de partenaires"), p, p1, n, n1, k -> null),
                AnnualReportService.share("Partenaires par type", labelled(sub(p, "byKind")), null, n, null, k -> null),
                new Table("Conventions signées", List.of("Partenaire", "Objet", "Du", "Au"), conventions),
                new Table("Permanences au centre", List.of("Partenaire", "Objet", "Quand"), permanences));
    }

    List<Table> funding(Map<String, Object> association, int year) {
        Map<String, Object> f = sub(association, "funding");
        BigDecimal products = (BigDecimal) f.get("products");
        List<List<Object>> byFunder = new ArrayList<>();
        sub(f, "byFunder").forEach((label, amount) -> byFunder.add(List.of(label, amount, products.signum() == 0 ? "—"
                : FrenchFormat.percent(((BigDecimal) amount).multiply(BigDecimal.valueOf(100)).divide(products, 1, RoundingMode.HALF_UP), 1))));
        byFunder.add(List.of("Total des produits", products, products.signum() == 0 ? "—" : FrenchFormat.percent((Number) 100, 0)));
        BigDecimal charges = (BigDecimal) f.get("charges");
        List<List<Object>> accounts = new ArrayList<>();
        accounts.add(List.of("Produits", products));
        accounts.add(List.of("Charges", charges == null ? "non saisies" : charges));
        if (charges != null) {
            accounts.add(List.of("Résultat", products.subtract(charges)));
        }
        accounts.add(List.of("Mises à disposition de personnel (valorisées)", sub(f, "inKind").get("mad")));
        accounts.add(List.of("Bénévolat (valorisé)", sub(f, "inKind").get("volunteers")));
        Map<String, Object> grants = sub(f, "grants");
        List<List<Object>> grantRows = new ArrayList<>();
        grantRows.add(List.of(Labels.GRANTS_REQUESTED, grants.get("requested")));
        grantRows.add(List.of(Labels.GRANTS_GRANTED, grants.get("granted")));
        sub(grants, "byStatus").forEach((status, count) -> grantRows.add(List.of(Labels.grants(status), count)));
        return List.of(
                new Table("Produits par financeur " + year + " (€)", List.of("", "Montant", "Part"), byFunder),
                new Table("Comptes et contributions en nature (€)", List.of("", "Montant"), accounts),
                new Table("Demandes de subvention", List.of("", String.valueOf(year)), grantRows));
    }

    /** Products by funder, in whole euros, for the chapter's chart. */
    ChartData fundingChart(Map<String, Object> association) {
        Map<String, Long> euros = new LinkedHashMap<>();
        sub(sub(association, "funding"), "byFunder").forEach((label, amount) -> euros.put(label, ((BigDecimal) amount).longValue()));
        return new ChartData("Produits par financeur (€)", euros, Map.of(), true);
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

    private static String date(Object isoDate) {
        return LocalDate.parse(isoDate.toString()).format(fr.trame.form.Parse.FRENCH_DATE);
    }


}
