package fr.trame.senacs;

import fr.trame.association.Association;
import fr.trame.association.AssociationIndicators;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The answers on the association's life (sections benevoles, gouvernance, salaries, finances, partenariats): the
 * figures of {@link AssociationIndicators} as docs/indicateurs-association.md defines them, SENACS's groupings of its
 * functions and contracts summed from its ETP by function and by contract (docs/senacs-association.md). Each links to
 * the association page that lists the records of the year.
 */
@Component
class AssociationFigures implements FigureSource {

    /** SENACS's functions, each the sum of the association's functions it groups. */
    static final Map<String, List<String>> FUNCTIONS = ordered(
            "direction", List.of("direction"),
            "accueil", List.of("accueil"),
            "referente_famille", List.of("referente_famille"),
            "animateur", List.of("animateur"),
            "coordinateur", List.of("coordinateur"),
            "administratif", List.of("comptable", "secretariat"),
            "conseiller_numerique", List.of("conseiller_numerique"),
            "agent_entretien", List.of("agent_entretien"),
            "autre", List.of("autre"));

    /** SENACS's kinds of contract, each the sum of the association's kinds it groups. */
    static final Map<String, List<String>> CONTRACTS = ordered(
            "cdi", List.of("cdi"),
            "cdd", List.of("cdd"),
            "aide", List.of("contrat_aide", "adulte_relais", "apprenti"),
            "mad", List.of("mad"),
            "autre", List.of("cdii", "service_civique", "cee", "stage"));

    private static final List<String> COLLEGES = List.of("habitant", "partenaire", "institution");
    private static final List<String> MEETINGS = List.of("ag", "ca", "bureau", "commission");

    private final AssociationIndicators indicators;

    AssociationFigures(AssociationIndicators indicators) {
        this.indicators = indicators;
    }

    @Override
    public Set<String> figures() {
        Set<String> figures = new TreeSet<>(List.of("volunteers.total", "volunteers.activite", "volunteers.gouvernance",
                "volunteers.age.12-25", "volunteers.hours", "volunteers.valuation", "governance.board", "governance.living.oui",
                "staff.employees", "staff.etp", "staff.etpAverage", "staff.trainingDays", "funding.products", "funding.charges",
                "funding.inKind.mad", "funding.inKind.volunteers", "partners.total", "partners.conventions",
                "partners.permanences", "partners.kind.association"));
        COLLEGES.forEach(c -> figures.add("governance.college." + c));
        MEETINGS.forEach(m -> figures.add("governance.meetings." + m));
        FUNCTIONS.keySet().forEach(f -> figures.add("staff.etp.function." + f));
        CONTRACTS.keySet().forEach(c -> figures.add("staff.etp.contract." + c));
        AssociationIndicators.FUNDER_CATEGORIES.forEach(c -> figures.add("funding.funder." + c));
        return figures;
    }

    @Override
    public Map<String, Computed> compute(long centreId, LocalDate from, LocalDate to, Set<String> wanted) {
        Association a = indicators.compute(centreId, from, to);
        String year = "?annee=" + to.getYear();
        String volunteersPage = "/benevoles" + year;
        String governancePage = "/instances" + year;
        String staffPage = "/equipe" + year;
        String fundingPage = "/financements" + year;
        String partnersPage = "/partenaires" + year;
        Map<String, Computed> values = new HashMap<>();

        Association.Volunteers v = a.volunteers();
        values.put("volunteers.total", count(v.volunteers(), volunteersPage));
        values.put("volunteers.activite", count(v.byCategory().getOrDefault("activite", 0L), volunteersPage));
        values.put("volunteers.gouvernance", count(v.byCategory().getOrDefault("gouvernance", 0L), volunteersPage));
        values.put("volunteers.hours", number(v.hours(), volunteersPage));
        values.put("volunteers.valuation", number(v.valuation(), volunteersPage));
        if (wanted.contains("volunteers.age.12-25")) {
            values.put("volunteers.age.12-25", count(indicators.volunteersAged12To25(centreId, from, to), volunteersPage));
        }

        Association.Governance g = a.governance();
        values.put("governance.board", count(g.boardMembers(), governancePage));
        COLLEGES.forEach(c -> values.put("governance.college." + c, count(g.boardByCollege().getOrDefault(c, 0L), governancePage)));
        values.put("governance.living.oui", count(g.boardLivingInTerritory().getOrDefault("oui", 0L), governancePage));
        MEETINGS.forEach(m -> values.put("governance.meetings." + m, count(g.meetings().getOrDefault(m, 0L), governancePage)));

        Association.Staff s = a.staff();
        values.put("staff.employees", count(s.employees(), staffPage));
        values.put("staff.etp", number(s.etp(), staffPage));
        values.put("staff.etpAverage", number(s.etpAverage(), staffPage));
        values.put("staff.trainingDays", number(s.trainingDays(), staffPage));
        if (wanted.stream().anyMatch(f -> f.startsWith("staff.etp.function."))) {
            grouped(indicators.etpByFunction(centreId, from, to), FUNCTIONS)
                    .forEach((f, etp) -> values.put("staff.etp.function." + f, number(etp, staffPage)));
        }
        if (wanted.stream().anyMatch(f -> f.startsWith("staff.etp.contract."))) {
            grouped(indicators.etpByContract(centreId, from, to), CONTRACTS)
                    .forEach((c, etp) -> values.put("staff.etp.contract." + c, number(etp, staffPage)));
        }

        Association.Funding f = a.funding();
        values.put("funding.products", number(f.products(), fundingPage));
        if (f.charges() != null) {
            values.put("funding.charges", number(f.charges(), fundingPage));
        }
        values.put("funding.inKind.mad", number(f.inKind().mad(), staffPage));
        values.put("funding.inKind.volunteers", number(f.inKind().volunteers(), volunteersPage));
        if (wanted.stream().anyMatch(x -> x.startsWith("funding.funder."))) {
            indicators.productsByFunderCategory(centreId, from, to)
                    .forEach((c, amount) -> values.put("funding.funder." + c, number(amount, fundingPage)));
        }

        Association.Partners p = a.partners();
        values.put("partners.total", count(p.partners(), partnersPage));
        values.put("partners.conventions", count(p.conventions(), partnersPage));
        values.put("partners.permanences", count(p.permanences(), partnersPage));
        values.put("partners.kind.association", count(p.byKind().getOrDefault("association", 0L), partnersPage));

        values.keySet().retainAll(wanted);
        return values;
    }

    /** SENACS's groups summed from the association's categories (each value already to the hundredth). */
    static Map<String, BigDecimal> grouped(Map<String, BigDecimal> byCategory, Map<String, List<String>> groups) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        groups.forEach((group, parts) -> sums.put(group, parts.stream()
                .map(part -> byCategory.getOrDefault(part, BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add)));
        return sums;
    }

    private static Computed count(long value, String link) {
        return new Computed(Long.toString(value), link);
    }

    /** A decimal or an amount as answers are written: two decimals, a point. */
    private static Computed number(BigDecimal value, String link) {
        return new Computed(value.setScale(2, RoundingMode.HALF_UP).toPlainString(), link);
    }

    private static Map<String, List<String>> ordered(Object... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> parts = (List<String>) pairs[i + 1];
            map.put((String) pairs[i], parts);
        }
        return map;
    }
}
