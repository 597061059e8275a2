package fr.trame.training;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Two things at once, made repeatable: another transaction holds a session's row lock (and may change things under
 * it); the calls given start meanwhile and are let go only once each waits for that lock, so each has read what it
 * read before the lock is released.
 */
final class SessionLock {

    private SessionLock() {
    }

    static <T> List<Future<T>> whileLocked(TransactionTemplate tx, JdbcClient jdbc, long federationId, long sessionId,
                                           Runnable underLock, List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size() + 1);
        try {
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> holder = pool.submit(() -> tx.executeWithoutResult(status -> {
                jdbc.sql("select id from training_sessions where federation_id = :f and id = :id for update")
                        .param("f", federationId).param("id", sessionId).query(Long.class).single();
                underLock.run();
                locked.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            if (!locked.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the session's lock was never taken");
            }
            List<Future<T>> futures = calls.stream().map(pool::submit).toList();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (waitingForALock(jdbc) < calls.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the calls never waited for the session's lock");
                }
                Thread.sleep(20);
            }
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            for (Future<T> f : futures) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // the caller looks at each outcome
                }
            }
            return futures;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int waitingForALock(JdbcClient jdbc) {
        return jdbc.sql("""
                select count(*) from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock' and query like '%training_sessions%for update%'""")
                .query(Integer.class).single();
    }
}
