package fr.trame.senacs;

import fr.trame.reporting.IndicatorService;
import fr.trame.reporting.Publics;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SENACS age bands and QPV share of the reached persons, from the indicator engine's publics (same persons, same age at
 * the first contact of the year): the SENACS bands are sums of the engine's standard bands, so no second definition.
 */
@Component
class AgeFigures implements FigureSource {

    /** SENACS band → the engine's standard bands ({@code publics.byAgeBand}) it adds up. */
    private static final Map<String, List<String>> BANDS = Map.of(
            "0-5", List.of("0-2", "3-5"),
            "6-11", List.of("6-11"),
            "12-17", List.of("12-17"),
            "18-25", List.of("18-25"),
            "26-59", List.of("26-59"),
            "60+", List.of("60+"),
            "inconnu", List.of("inconnu"),
            "0-11", List.of("0-2", "3-5", "6-11"),
            "12-25", List.of("12-17", "18-25"));

    private final IndicatorService indicators;

    AgeFigures(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @Override
    public Set<String> figures() {
        Set<String> figures = new HashSet<>();
        BANDS.keySet().forEach(band -> figures.add("publics.age." + band));
        figures.add("publics.qpv.share");
        figures.add("publics.newPersons");
        return figures;
    }

    @Override
    public Map<String, Computed> compute(long centreId, LocalDate from, LocalDate to, Set<String> wanted) {
        Publics publics = indicators.figures(centreId, from, to, Set.of(IndicatorService.Section.PUBLICS), List.of()).publics();
        String period = "/tableau-de-bord/personnes?from=" + from + "&to=" + to;
        Map<String, Computed> values = new HashMap<>();
        BANDS.forEach((band, parts) -> {
            long sum = parts.stream().mapToLong(p -> publics.byAgeBand().getOrDefault(p, 0L)).sum();
            // a band that is one of the engine's has its list; a sum of bands has none
            String link = parts.size() == 1 ? period + "&dimension=byAgeBand&value=" + parts.get(0) : null;
            values.put("publics.age." + band, new Computed(Long.toString(sum), link));
        });
        long oui = publics.qpv().getOrDefault("oui", 0L);
        long known = oui + publics.qpv().getOrDefault("non", 0L);
        if (known > 0) {
            BigDecimal share = BigDecimal.valueOf(oui * 100).divide(BigDecimal.valueOf(known), 2, RoundingMode.HALF_UP);
            values.put("publics.qpv.share", new Computed(share.toPlainString(), period + "&dimension=qpv&value=oui"));
        }
        if (wanted.contains("publics.newPersons")) {
            values.put("publics.newPersons", new Computed(Long.toString(publics.newPersons()), period + "&dimension=newPersons&value=oui"));
        }
        values.keySet().retainAll(wanted);
        return values;
    }
}
