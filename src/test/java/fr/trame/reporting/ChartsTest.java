package fr.trame.reporting;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A chart's title holds names users type (a sector's): the SVG the page prints unescaped must keep them as text. */
class ChartsTest {

    @Test
    void aTypedNameInTheTitleCannotOpenAnAttributeOrATag() {
        String hostile = "Secteur x\" onload=\"alert(1)\" <script>alert(2)</script>";
        Charts charts = new Charts();
        String page = charts.svg(new AnnualReportService.ChartData(hostile, Map.of("Femmes", 3L), Map.of("Femmes", 2L), true),
                "2026", "2025");
        String bars = charts.bars(hostile, Map.of("Femmes", 3L), Map.of(), false);
        for (String svg : new String[] {page, bars}) {
            assertThat(svg).startsWith("<svg role=\"img\" aria-label=\"Secteur x&quot; onload=&quot;alert(1)&quot; &lt;script&gt;");
            assertThat(svg).doesNotContain("\" onload=\"").doesNotContain("<script>");
        }
    }

    @Test
    void aChartAlreadyDrawnIsGivenAgainAndAnyChangedBarDrawsItAfresh() {
        Charts charts = new Charts();
        Map<String, Long> now = new LinkedHashMap<>(Map.of("3-5 ans", 12L));
        now.put("6-10 ans", 30L);
        String first = charts.bars("Âges", now, Map.of("3-5 ans", 10L), false);
        assertThat(charts.bars("Âges", new LinkedHashMap<>(now), Map.of("3-5 ans", 10L), false)).isSameAs(first);
        assertThat(charts.bars("Âges", now, Map.of("3-5 ans", 11L), false)).isNotEqualTo(first);
        now.put("6-10 ans", 31L);
        assertThat(charts.bars("Âges", now, Map.of("3-5 ans", 10L), false)).isNotEqualTo(first).contains("31");
    }

    @Test
    void coordinatesAreWrittenToATenthOfAPixel() {
        assertThat(Charts.tenths(169.4384307861328)).isEqualTo("169.4");
        assertThat(Charts.tenths(12.96)).isEqualTo("13");
        assertThat(Charts.tenths(-0.46)).isEqualTo("-0.5");
        assertThat(Charts.tenths(-42.69361114501953)).isEqualTo("-42.7");
        assertThat(Charts.tenths(0.04)).isEqualTo("0");
        Map<String, Long> ages = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            ages.put(i * 10 + "-" + (i * 10 + 9) + " ans", 100L + i);
        }
        // eight bars: the labels turn, drawn as outlines; no coordinate keeps more than one decimal
        String svg = new Charts().bars("Âges", ages, ages, false);
        assertThat(svg).containsPattern("<path d='M[0-9.,LCQZ -]+");
        assertThat(svg).doesNotContainPattern("d='[^']*[0-9]\\.[0-9]{2}").doesNotContainPattern("[xy]='[0-9-]+\\.[0-9]{2}");
    }
}
