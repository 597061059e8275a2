package fr.trame.reporting;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The dashboard's indicators, which take about a second each on an M centre (twice a page: the period and the one
 * before). On the server ({@code trame.serve}) they are kept {@code trame.dashboard.cache-seconds} (60 by default):
 * a page asked for within the next minute gets the figures kept at once while one background thread computes them
 * afresh; later than that, the page waits for fresh figures. So a dashboard is never more than two minutes late, and
 * ten directors looking at it cost one computation a minute, not ten a page. That background computation runs on one
 * connection, its figures one after the other ({@link Fork#alone}), leaving the second core to the pages. Without the
 * server (tests, commands) every page computes its figures.
 */
@Component
class DashboardFigures implements DisposableBean {

    /** Beyond this many figures kept, all are forgotten (a federation's 200 centres, two periods each, two kinds). */
    private static final int MAX_KEPT = 2_000;

    private final IndicatorService indicators;
    private final Duration keep;
    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();
    private final Map<Key, Object> firstTimes = new ConcurrentHashMap<>();
    private final ExecutorService refresher;
    private final Consumer<Runnable> background;

    @Autowired
    DashboardFigures(IndicatorService indicators, Fork fork, @Value("${trame.serve:false}") boolean serving,
                     @Value("${trame.dashboard.cache-seconds:60}") int seconds) {
        this(indicators, serving, seconds, fork::alone);
    }

    /** Figures refreshed in the background as {@code background} runs them (on one core, on the server). */
    DashboardFigures(IndicatorService indicators, boolean serving, int seconds, Consumer<Runnable> background) {
        this.indicators = indicators;
        this.background = background;
        this.keep = Duration.ofSeconds(serving ? seconds : 0);
        // one computation in the background at a time, a few waiting: a dashboard never holds more than one connection
        this.refresher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(64), r -> {
            Thread t = new Thread(r, "tableau-de-bord");
            t.setDaemon(true);
            return t;
        });
    }

    /** What is kept ({@code "indicateurs"}, {@code "qualité"}…), for which centre and period. */
    private record Key(String what, long centreId, LocalDate from, LocalDate to) {
    }

    private static final class Kept {
        final Object figures;
        final long computedAt;
        final AtomicBoolean refreshing = new AtomicBoolean();

        Kept(Object figures, long computedAt) {
            this.figures = figures;
            this.computedAt = computedAt;
        }
    }

    Indicators compute(long centreId, String centreCode, LocalDate from, LocalDate to) {
        return kept("indicateurs", centreId, from, to, () -> indicators.compute(centreId, centreCode, from, to));
    }

    /**
     * What {@code work} gives for the centre and period, kept like the indicators: the dashboard's other figures that
     * scan a year of records (the quality checks), so that a page costs none of them.
     */
    @SuppressWarnings("unchecked")
    <T> T kept(String what, long centreId, LocalDate from, LocalDate to, Supplier<T> work) {
        if (keep.isZero()) {
            return work.get();
        }
        Key key = new Key(what, centreId, from, to);
        Kept k = kept.get(key);
        if (k == null || age(k) > 2 * keep.toNanos()) {
            // none kept, or too old to show: one page computes, those asked meanwhile wait for it, not compute it again
            synchronized (firstTimes.computeIfAbsent(key, x -> new Object())) {
                Kept done = kept.get(key);
                return (T) (done != null && age(done) <= 2 * keep.toNanos() ? done.figures : computeAndKeep(key, work));
            }
        }
        if (age(k) > keep.toNanos() && k.refreshing.compareAndSet(false, true)) {
            try {
                refresher.execute(() -> {
                    try {
                        // one core: the pages served meanwhile keep the other
                        background.accept(() -> computeAndKeep(key, work));
                    } finally {
                        k.refreshing.set(false);
                    }
                });
            } catch (RejectedExecutionException full) {
                // too many waiting: the next page asks again
                k.refreshing.set(false);
            }
        }
        return (T) k.figures;
    }

    private static long age(Kept k) {
        return System.nanoTime() - k.computedAt;
    }

    private Object computeAndKeep(Key key, Supplier<?> work) {
        long at = System.nanoTime();
        Object figures = work.get();
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
            firstTimes.clear();
        }
        kept.put(key, new Kept(figures, at));
        return figures;
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
