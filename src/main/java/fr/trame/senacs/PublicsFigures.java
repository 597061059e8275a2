package fr.trame.senacs;

import fr.trame.reporting.IndicatorService;
import fr.trame.reporting.Members;
import fr.trame.reporting.Publics;
import fr.trame.reporting.Reception;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answers on publics the indicator engine already counts (interchange.md's definitions): reached persons and
 * households, members, persons by sex and in a QPV, reception contacts. Each links to the dashboard's list of them.
 */
@Component
class PublicsFigures implements FigureSource {

    private final IndicatorService indicators;

    PublicsFigures(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @Override
    public Set<String> figures() {
        return Set.of("publics.persons", "publics.households", "members.households", "members.persons",
                "publics.sex.F", "publics.sex.M", "publics.qpv.oui", "reception.contacts");
    }

    @Override
    public Map<String, Computed> compute(long centreId, LocalDate from, LocalDate to, Set<String> wanted) {
        IndicatorService.Figures f = indicators.figures(centreId, from, to,
                Set.of(IndicatorService.Section.MEMBERS, IndicatorService.Section.PUBLICS, IndicatorService.Section.RECEPTION),
                List.of());
        Publics publics = f.publics();
        Members members = f.members();
        Reception reception = f.reception();
        String period = "?from=" + from + "&to=" + to;
        Map<String, Computed> values = new HashMap<>();
        values.put("publics.persons", count(publics.persons(), "/tableau-de-bord/personnes" + period));
        values.put("publics.households", count(publics.households(), "/tableau-de-bord/foyers" + period));
        values.put("members.households", count(members.households(), "/tableau-de-bord/adhesions" + period + "&quoi=households"));
        values.put("members.persons", count(members.persons(), "/tableau-de-bord/adhesions" + period + "&quoi=persons"));
        for (String sex : List.of("F", "M")) {
            values.put("publics.sex." + sex, count(publics.bySex().getOrDefault(sex, 0L),
                    "/tableau-de-bord/personnes" + period + "&dimension=bySex&value=" + sex));
        }
        values.put("publics.qpv.oui", count(publics.qpv().getOrDefault("oui", 0L),
                "/tableau-de-bord/personnes" + period + "&dimension=qpv&value=oui"));
        values.put("reception.contacts", count(reception.contacts(), "/tableau-de-bord/contacts" + period));
        values.keySet().retainAll(wanted);
        return values;
    }

    private static Computed count(long value, String link) {
        return new Computed(Long.toString(value), link);
    }
}
