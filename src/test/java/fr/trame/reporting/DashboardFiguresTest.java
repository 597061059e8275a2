package fr.trame.reporting;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The dashboard's figures: computed each page off the server, kept and refreshed in the background on it. */
class DashboardFiguresTest {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);

    @Test
    void offTheServerEveryPageComputesItsFigures() {
        IndicatorService service = mock(IndicatorService.class);
        DashboardFigures figures = new DashboardFigures(service, false, 60, Runnable::run);
        figures.compute(1, "c", FROM, TO);
        figures.compute(1, "c", FROM, TO);
        verify(service, times(2)).compute(1, "c", FROM, TO);
        figures.destroy();
    }

    @Test
    void onTheServerTheKeptFiguresAreShownWhileTheyAreComputedAfresh() throws Exception {
        IndicatorService service = mock(IndicatorService.class);
        Indicators first = mock(Indicators.class);
        Indicators second = mock(Indicators.class);
        when(service.compute(1, "c", FROM, TO)).thenReturn(first, second);
        DashboardFigures figures = new DashboardFigures(service, true, 3, Runnable::run);
        assertThat(figures.compute(1, "c", FROM, TO)).isSameAs(first);
        assertThat(figures.compute(1, "c", FROM, TO)).isSameAs(first);
        verify(service, times(1)).compute(1, "c", FROM, TO);
        Thread.sleep(3_100);
        // older than the time kept but not twice as old: still shown, computed afresh in the background, then shown
        assertThat(figures.compute(1, "c", FROM, TO)).isSameAs(first);
        verify(service, timeout(5_000).times(2)).compute(1, "c", FROM, TO);
        long deadline = System.currentTimeMillis() + 5_000;
        while (figures.compute(1, "c", FROM, TO) != second && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(figures.compute(1, "c", FROM, TO)).isSameAs(second);
        // another centre's figures are its own
        figures.compute(2, "d", FROM, TO);
        verify(service).compute(2, "d", FROM, TO);
        figures.destroy();
    }

    @Test
    void figuresTwiceAsOldAsTheTimeKeptAreNeverShown() throws Exception {
        IndicatorService service = mock(IndicatorService.class);
        Indicators first = mock(Indicators.class);
        Indicators second = mock(Indicators.class);
        when(service.compute(1, "c", FROM, TO)).thenReturn(first, second);
        DashboardFigures figures = new DashboardFigures(service, true, 1, Runnable::run);
        assertThat(figures.compute(1, "c", FROM, TO)).isSameAs(first);
        Thread.sleep(2_100);
        // nobody looked for two minutes, say: the page waits for today's figures instead of showing old ones
        assertThat(figures.compute(1, "c", FROM, TO)).isSameAs(second);
        figures.destroy();
    }

    @Test
    void eachKindOfFigureIsKeptApartFromTheIndicatorsOfTheSamePeriod() {
        IndicatorService service = mock(IndicatorService.class);
        Indicators indicators = mock(Indicators.class);
        when(service.compute(1, "c", FROM, TO)).thenReturn(indicators);
        DashboardFigures figures = new DashboardFigures(service, true, 60, Runnable::run);
        int[] checks = {0};
        assertThat(figures.compute(1, "c", FROM, TO)).isSameAs(indicators);
        assertThat(figures.<Integer>kept("qualité", 1, FROM, TO, () -> ++checks[0])).isEqualTo(1);
        assertThat(figures.<Integer>kept("qualité", 1, FROM, TO, () -> ++checks[0])).isEqualTo(1);
        assertThat(figures.<Integer>kept("qualité", 2, FROM, TO, () -> ++checks[0])).isEqualTo(2);
        assertThat(figures.compute(1, "c", FROM, TO)).isSameAs(indicators);
        verify(service, times(1)).compute(1, "c", FROM, TO);
        figures.destroy();
    }
}
