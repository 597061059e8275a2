package fr.trame.reporting;

import fr.trame.federation.CentreFigures;
import fr.trame.reporting.IndicatorService.Section;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

/** The indicators a federation sees of a member centre: the engine's own figures, sections members, publics, reception. */
@Component
class FederationCentreFigures implements CentreFigures {

    private final IndicatorService indicators;

    FederationCentreFigures(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @Override
    public Figures lastTwelveMonths(long centreId, LocalDate today) {
        LocalDate from = today.minusYears(1).plusDays(1);
        IndicatorService.Figures f = indicators.figures(centreId, from, today,
                EnumSet.of(Section.MEMBERS, Section.PUBLICS, Section.RECEPTION), List.of());
        return new Figures(from, today, f.members().memberships(), f.members().households(), f.members().persons(),
                f.publics().persons(), f.publics().households(), f.reception().contacts(), f.reception().persons());
    }
}
