package fr.trame.cli;

import fr.trame.TrameTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench senacs} builds its federation and reports the roll-up against one plain scan. */
@TrameTest
class SenacsBenchmarkTest {

    @Autowired SenacsBenchmark bench;

    @Test
    void theBenchmarkRunsAndReportsItsRatios() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bench.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("SENACS : 200 structures", "agrégats du réseau : p50", "agrégats par AT : p50",
                "ratio au parcours simple", "parcours simple des réponses de l'année");
        // every question of both years answered, by all 200 structures
        assertThat(out).containsPattern("\\((4[0-9]{4}) réponses\\)");
        System.out.println(out);
    }
}
