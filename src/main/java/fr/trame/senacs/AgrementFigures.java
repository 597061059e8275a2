package fr.trame.senacs;

import fr.trame.association.FundingService;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The end of the CAF agrément in force on the year's last day, from the association's agréments (a handful per
 * centre): one whose issuer or label names the CAF. Absent when none is in force or its end is open.
 */
@Component
class AgrementFigures implements FigureSource {

    private final FundingService funding;

    AgrementFigures(FundingService funding) {
        this.funding = funding;
    }

    @Override
    public Set<String> figures() {
        return Set.of("agrement.caf.end");
    }

    @Override
    public Map<String, Computed> compute(long centreId, LocalDate from, LocalDate to, Set<String> wanted) {
        Map<String, Computed> values = new HashMap<>();
        funding.agrements(centreId).stream()
                .filter(a -> (a.issuer() + " " + a.label()).toLowerCase().matches(".*\\bcaf\\b.*"))
                .filter(a -> a.startDate() == null || !a.startDate().isAfter(to))
                .map(FundingService.Agrement::endDate)
                .filter(Objects::nonNull)
                .filter(end -> !end.isBefore(to))
                .max(Comparator.naturalOrder())
                .ifPresent(end -> values.put("agrement.caf.end", new Computed(end.toString(), "/agrements")));
        values.keySet().retainAll(wanted);
        return values;
    }
}
