package fr.trame.reporting;

import org.springframework.beans.factory.DisposableBean;
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

/**
 * The dashboard's indicators, which take about a second each on an M centre (twice a page: the period and the one
 * before). On the server ({@code trame.serve}) they are kept {@code trame.dashboard.cache-seconds} (60 by default):
 * a page asked for within the next minute gets the figures kept at once while one background thread computes them
 * afresh; later than that, the page waits for fresh figures. So a dashboard is never more than two minutes late, and
 * ten directors looking at it cost one computation a minute, not ten a page. Without the server (tests, commands)
 * every page computes its figures.
 */
@Component
class DashboardFigures implements DisposableBean {

    /** Beyond this many centre-periods kept, all are forgotten (a federation's 200 centres, two periods each). */
    private static final int MAX_KEPT = 1_000;

    private final IndicatorService indicators;
    private final Duration keep;
    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();
    private final Map<Key, Object> firstTimes = new ConcurrentHashMap<>();
    private final ExecutorService refresher;

    DashboardFigures(IndicatorService indicators, @Value("${trame.serve:false}") boolean serving,
                     @Value("${trame.dashboard.cache-seconds:60}") int seconds) {
        this.indicators = indicators;
        this.keep = Duration.ofSeconds(serving ? seconds : 0);
        // one computation in the background at a time, a few waiting: a dashboard never holds more than one connection
        this.refresher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(64), r -> {
            Thread t = new Thread(r, "tableau-de-bord");
            t.setDaemon(true);
            return t;
        });
    }

    private record Key(long centreId, LocalDate from, LocalDate to) {
    }

    private static final class Kept {
        final Indicators figures;
        final long computedAt;
        final AtomicBoolean refreshing = new AtomicBoolean();

        Kept(Indicators figures, long computedAt) {
            this.figures = figures;
            this.computedAt = computedAt;
        }
    }

    Indicators compute(long centreId, String centreCode, LocalDate from, LocalDate to) {
        if (keep.isZero()) {
            return indicators.compute(centreId, centreCode, from, to);
        }
        Key key = new Key(centreId, from, to);
        Kept k = kept.get(key);
        if (k == null || age(k) > 2 * keep.toNanos()) {
            // none kept, or too old to show: one page computes, those asked meanwhile wait for it, not compute it again
            synchronized (firstTimes.computeIfAbsent(key, x -> new Object())) {
                Kept done = kept.get(key);
                return done != null && age(done) <= 2 * keep.toNanos() ? done.figures : computeAndKeep(key, centreCode);
            }
        }
        if (age(k) > keep.toNanos() && k.refreshing.compareAndSet(false, true)) {
            try {
                refresher.execute(() -> {
                    try {
                        computeAndKeep(key, centreCode);
                    } finally {
                        k.refreshing.set(false);
                    }
                });
            } catch (RejectedExecutionException full) {
                // too many waiting: the next page asks again
                k.refreshing.set(false);
            }
        }
        return k.figures;
    }

    private static long age(Kept k) {
        return System.nanoTime() - k.computedAt;
    }

    private Indicators computeAndKeep(Key key, String centreCode) {
        long at = System.nanoTime();
        Indicators figures = indicators.compute(key.centreId(), centreCode, key.from(), key.to());
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
