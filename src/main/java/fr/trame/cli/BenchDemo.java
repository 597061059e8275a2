package fr.trame.cli;

import fr.trame.centre.Centre;
import fr.trame.demo.DemoData;
import fr.trame.demo.DemoService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The M demonstration centre, generated once per {@code bench} run for every part that needs it. */
@Component
class BenchDemo {

    private final DemoService demo;
    private final JdbcClient jdbc;
    private Centre centreM;

    BenchDemo(DemoService demo, JdbcClient jdbc) {
        this.demo = demo;
        this.jdbc = jdbc;
    }

    synchronized Centre centreM() {
        if (centreM == null) {
            centreM = demo.generate(DemoData.Size.M);
            jdbc.sql("analyze").update();
        }
        return centreM;
    }
}
