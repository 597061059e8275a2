package fr.trame.cli;

import fr.trame.centre.Centre;
import fr.trame.people.RegisterSearch;
import fr.trame.reception.ContactService;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static fr.trame.cli.BenchSupport.percentile;
import static fr.trame.cli.BenchSupport.misspell;

/** {@code bench reception}: the counter view and person search over three years of M contacts, against a primary-key lookup. */
@Component
@Order(40)
class ReceptionBenchmark implements Benchmark {

    private final BenchDemo demo;
    private final JdbcClient jdbc;
    private final ContactService contacts;
    private final RegisterSearch search;

    ReceptionBenchmark(BenchDemo demo, JdbcClient jdbc, ContactService contacts, RegisterSearch search) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.search = search;
    }

    @Override
    public String part() {
        return "reception";
    }

    private static final int SEARCHES = 300;

    /** The counter view and person search on the M demonstration centre, which holds three years of contacts. */
    @Override
    public void run(PrintStream out) {
        Centre centre = demo.centreM();
        long contactsCount = jdbc.sql("select count(*) from reception_contacts where centre_id = ?").param(centre.id())
                .query(Long.class).single();
        List<LocalDate> days = jdbc.sql("select distinct date from reception_contacts where centre_id = ? order by date desc limit 60")
                .param(centre.id()).query(LocalDate.class).list();
        List<String> names = jdbc.sql("select last_name from people_persons where centre_id = ? order by random() limit 300")
                .param(centre.id()).query(String.class).list();
        Random random = new Random(9);
        double[] counterMs = new double[SEARCHES];
        double[] searchMs = new double[SEARCHES];
        double[] lookupMs = new double[SEARCHES];
        for (int i = -30; i < SEARCHES; i++) {
            long t0 = System.nanoTime();
            contacts.on(centre.id(), days.get(Math.floorMod(i, days.size())));
            long t1 = System.nanoTime();
            search.persons(centre.id(), misspell(names.get(Math.floorMod(i, names.size())), random), 8);
            long t2 = System.nanoTime();
            jdbc.sql("select id, date from reception_contacts where centre_id = ? and id = ?").params(centre.id(), (long) (i + 31))
                    .query().listOfRows();
            long t3 = System.nanoTime();
            if (i >= 0) {
                counterMs[i] = (t1 - t0) / 1e6;
                searchMs[i] = (t2 - t1) / 1e6;
                lookupMs[i] = (t3 - t2) / 1e6;
            }
        }
        double lookup95 = percentile(lookupMs, 95);
        out.printf("Accueil, %,d contacts sur 3 ans (taille M) : vue du jour p50 %.1f ms, p95 %.1f ms ; "
                        + "recherche de personne p50 %.1f ms, p95 %.1f ms (cible ≤ 20 ms) ; "
                        + "lecture par clé p95 %.2f ms (ratios %.1f et %.1f)%n",
                contactsCount, percentile(counterMs, 50), percentile(counterMs, 95), percentile(searchMs, 50),
                percentile(searchMs, 95), lookup95, percentile(counterMs, 95) / lookup95, percentile(searchMs, 95) / lookup95);
    }

}
