package fr.trame.cli;

import fr.trame.activities.SessionService;
import fr.trame.attendance.AttendanceService;
import fr.trame.centre.Centre;
import fr.trame.demo.DemoFederation;
import fr.trame.people.HouseholdService;
import fr.trame.people.MembershipService;
import fr.trame.people.PersonService;
import fr.trame.people.RegisterSearch;
import fr.trame.reception.ContactService;
import fr.trame.reception.ThemeService;
import fr.trame.reporting.IndicatorService;
import fr.trame.senacs.CampaignFollowUp;
import fr.trame.senacs.SenacsRollup;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * {@code bench scale}: a federation on one server. The daily pages of the M demo centre (the server-side work of each:
 * the services its controller calls) and its indicators, first on a database that holds it alone, then once
 * {@code demo --size l} has added the 199 other centres of the federation (3 more of size M, 196 of size S): each
 * figure's ratio L / alone, target ≤ 1.5. Then the federation's SENACS roll-up over its 200 centres.
 */
@Component
@Order(110)
class ScaleBenchmark implements Benchmark {

    private static final double TARGET = 1.5;
    private static final int FAST_RUNS = 200;
    private static final int HEAVY_RUNS = 3;

    private final BenchDemo demo;
    private final DemoFederation federation;
    private final RegisterSearch search;
    private final HouseholdService households;
    private final PersonService persons;
    private final MembershipService memberships;
    private final ThemeService themes;
    private final ContactService contacts;
    private final SessionService sessions;
    private final AttendanceService attendance;
    private final IndicatorService indicators;
    private final SenacsRollup rollup;
    private final CampaignFollowUp followUp;
    private final JdbcClient jdbc;

    ScaleBenchmark(BenchDemo demo, DemoFederation federation, RegisterSearch search, HouseholdService households,
                   PersonService persons, MembershipService memberships, ThemeService themes, ContactService contacts,
                   SessionService sessions, AttendanceService attendance, IndicatorService indicators, SenacsRollup rollup,
                   CampaignFollowUp followUp, JdbcClient jdbc) {
        this.demo = demo;
        this.federation = federation;
        this.search = search;
        this.households = households;
        this.persons = persons;
        this.memberships = memberships;
        this.themes = themes;
        this.contacts = contacts;
        this.sessions = sessions;
        this.attendance = attendance;
        this.indicators = indicators;
        this.rollup = rollup;
        this.followUp = followUp;
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "scale";
    }

    /** A figure: its label and how it is read (p95 over many calls, or the median of a few heavy ones). */
    private record Figure(String label, boolean heavy, double ms) {
    }

    @Override
    public void run(PrintStream out) {
        Centre centre = demo.centreM();
        long others = jdbc.sql("select count(*) from centre_centres where id <> ?").param(centre.id()).query(Long.class).single();
        out.printf("Échelle : le centre M « %s » mesuré seul (%d autre(s) centre(s) dans la base)%n", centre.code(), others);
        Inputs inputs = inputs(centre);
        Map<String, Figure> alone = measure(centre, inputs);
        alone.values().forEach(f -> out.printf("  seul : %s, %s %.1f ms%n", f.label(), f.heavy() ? "médiane" : "p95", f.ms()));

        long t0 = System.nanoTime();
        DemoFederation.Result result = federation.generateAtScale(LocalDate.now(), DemoFederation.CENTRES_AT_SCALE, centre, null,
                out::println);
        double generation = (System.nanoTime() - t0) / 1e9;
        long centres = jdbc.sql("select count(*) from centre_centres").query(Long.class).single();
        long marks = jdbc.sql("select count(*) from attendance_marks").query(Long.class).single();
        out.printf("demo --size l : %d structures, %d centres dans la base (%,d présences) générés en %.0f s (%.1f min)%n",
                result.structures(), centres, marks, generation, generation / 60);

        Map<String, Figure> atScale = measure(centre, inputs);
        for (Map.Entry<String, Figure> e : alone.entrySet()) {
            Figure a = e.getValue();
            Figure l = atScale.get(e.getKey());
            double ratio = l.ms() / a.ms();
            out.printf("%s, %s : seul %.1f ms, avec %d centres %.1f ms ; ratio L / seul = %.2f (cible ≤ %.1f)%s%n",
                    a.label(), a.heavy() ? "médiane" : "p95", a.ms(), centres, l.ms(), ratio, TARGET,
                    ratio <= TARGET ? "" : " — AU-DESSUS");
        }

        long fed = result.federation().id();
        int year = LocalDate.now().getYear() - 1;
        double[] scan = times(20, i -> rollup.scan(fed, year));
        double[] network = times(20, i -> rollup.federation(fed, year));
        double[] byAt = times(20, i -> rollup.byTerritory(fed, year));
        double[] follow = times(20, i -> followUp.counts(fed, year, null));
        long returns = rollup.federation(fed, year).groups().get(0).returns();
        double scan50 = BenchSupport.median(scan);
        out.printf("Agrégats SENACS %d du réseau (%d questionnaires de %d centres) : p50 %.1f ms, p95 %.1f ms ; "
                        + "parcours simple des réponses p50 %.1f ms ; ratio %.1f%n", year, returns, result.centres().size(),
                BenchSupport.median(network), BenchSupport.percentile(network, 95), scan50, BenchSupport.median(network) / scan50);
        out.printf("Agrégats SENACS par AT : p50 %.1f ms, p95 %.1f ms, ratio au parcours %.1f ; suivi de la campagne "
                        + "(retours par AT) : p50 %.1f ms, p95 %.1f ms%n", BenchSupport.median(byAt),
                BenchSupport.percentile(byAt, 95), BenchSupport.median(byAt) / scan50, BenchSupport.median(follow),
                BenchSupport.percentile(follow, 95));
    }

    /** What the pages are asked for, drawn once so that both measures ask the same. */
    private record Inputs(List<String> names, List<Long> households, List<Long> sessions, List<LocalDate> days) {
    }

    private Inputs inputs(Centre centre) {
        Random random = new Random(19);
        List<String> names = new ArrayList<>();
        List<String> drawn = jdbc.sql("select last_name from people_persons where centre_id = ? order by id").param(centre.id())
                .query(String.class).list();
        for (int i = 0; i < FAST_RUNS; i++) {
            names.add(BenchSupport.misspell(drawn.get(random.nextInt(drawn.size())), random));
        }
        List<Long> householdIds = jdbc.sql("select id from people_households where centre_id = ? order by id").param(centre.id())
                .query(Long.class).list();
        List<Long> someHouseholds = new ArrayList<>();
        for (int i = 0; i < FAST_RUNS; i++) {
            someHouseholds.add(householdIds.get(random.nextInt(householdIds.size())));
        }
        List<Long> sessionIds = jdbc.sql("""
                select id from activities_sessions where centre_id = ? and date between current_date - 60 and current_date
                order by id""").param(centre.id()).query(Long.class).list();
        List<Long> someSessions = new ArrayList<>();
        for (int i = 0; i < FAST_RUNS && !sessionIds.isEmpty(); i++) {
            someSessions.add(sessionIds.get(random.nextInt(sessionIds.size())));
        }
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < FAST_RUNS; i++) {
            days.add(LocalDate.now().minusDays(random.nextInt(90)));
        }
        return new Inputs(names, someHouseholds, someSessions, days);
    }

    /** The centre's daily pages (p95) and its indicators (median), by key. */
    private Map<String, Figure> measure(Centre centre, Inputs in) {
        long id = centre.id();
        LocalDate today = LocalDate.now();
        Map<String, Figure> figures = new LinkedHashMap<>();
        fast(figures, "search", "Recherche de foyer (nom mal orthographié)", i -> search.findHouseholds(id, in.names().get(i), 50));
        fast(figures, "household", "Page d'un foyer", i -> {
            long h = in.households().get(i);
            households.find(id, h);
            households.members(id, h);
            households.qfHistory(id, h);
            memberships.ofHousehold(id, h);
            MembershipService.Season season = memberships.seasonOf(id, today);
            memberships.running(id, "familiale", h, null, season.id());
        });
        fast(figures, "home", "Accueil du centre (effectifs de la saison)", i -> {
            MembershipService.Season season = memberships.seasonOf(id, today);
            memberships.totals(id, season);
            households.count(id);
            persons.count(id);
        });
        fast(figures, "counter", "Comptoir d'accueil (contacts du jour)", i -> {
            themes.list(id);
            contacts.on(id, in.days().get(i));
        });
        fast(figures, "day", "Séances du jour", i -> sessions.on(id, in.days().get(i)));
        if (!in.sessions().isEmpty()) {
            fast(figures, "sheet", "Feuille de présence", i -> {
                long s = in.sessions().get(i);
                sessions.find(id, s);
                attendance.sheet(id, s);
                attendance.tally(id, s);
                search.persons(id, "", 10);
            });
        }
        LocalDate yearStart = today.withDayOfYear(1);
        heavy(figures, "dashboard", "Tableau de bord de l'année (année et année précédente)", () -> {
            indicators.compute(id, centre.code(), yearStart, today);
            indicators.compute(id, centre.code(), yearStart.minusYears(1), today.minusYears(1));
            indicators.membershipsBySeason(id, yearStart, today);
        });
        heavy(figures, "indicators", "Indicateurs sur 12 mois", () -> indicators.compute(id, centre.code(),
                today.minusYears(1).plusDays(1), today));
        return figures;
    }

    private static void fast(Map<String, Figure> figures, String key, String label, IntConsumer page) {
        figures.put(key, new Figure(label, false, BenchSupport.percentile(times(FAST_RUNS, page), 95)));
    }

    private static void heavy(Map<String, Figure> figures, String key, String label, Runnable page) {
        page.run(); // warm-up
        figures.put(key, new Figure(label, true, BenchSupport.median(times(HEAVY_RUNS, i -> page.run()))));
    }

    /** The times in milliseconds of {@code runs} calls (input i), after a warm-up of a tenth of them. */
    private static double[] times(int runs, IntConsumer call) {
        double[] times = new double[runs];
        for (int i = -Math.max(1, runs / 10); i < runs; i++) {
            long start = System.nanoTime();
            call.accept(Math.floorMod(i, runs));
            if (i >= 0) {
                times[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return times;
    }
}
