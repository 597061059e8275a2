package fr.trame.reporting;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Figures that read no temporary table of the caller's session, computed on a second connection while the caller
 * computes the rest. A figure starts on the side only while the pool has connections to spare, and the caller computes
 * it itself when no side thread has taken it yet: a busy server (or a full pool) falls back to one connection, in order.
 * Inside a transaction joined from the caller's caller, nothing goes to the side: another connection would not see what
 * it wrote.
 */
@Component
class Fork {

    /** Connections the pool must have idle for a figure to be computed on the side. */
    private static final int SPARE = 3;

    private final ExecutorService side = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "trame-figures");
        t.setDaemon(true);
        return t;
    });
    /** Set while a thread computes figures that must leave the other core to the pages (see {@link #alone}). */
    private static final ThreadLocal<Boolean> ALONE = ThreadLocal.withInitial(() -> false);

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    Fork(DataSource dataSource, PlatformTransactionManager transactionManager, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
    }

    /** A figure being computed: {@link #join} gives it, computing it on the caller's thread if it has not started. */
    static final class Task<T> {
        private final Supplier<T> work;
        private final AtomicBoolean taken = new AtomicBoolean();
        private final CompletableFuture<T> result = new CompletableFuture<>();

        private Task(Supplier<T> work) {
            this.work = work;
        }

        private void runIfFree() {
            if (taken.compareAndSet(false, true)) {
                try {
                    result.complete(work.get());
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            }
        }

        T join() {
            runIfFree();
            try {
                return result.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
    }

    /** Starts {@code work} on the side when connections are spare; else it runs on {@link Task#join}. */
    <T> Task<T> start(Supplier<T> work) {
        Task<T> task = new Task<>(work);
        if (!ALONE.get() && spare() && seesWhatTheCallerSees()) {
            side.execute(task::runIfFree);
        }
        return task;
    }

    /**
     * {@code work} on one core: every figure computed on the caller's thread, one after the other, in one transaction
     * where PostgreSQL starts no parallel worker either. For work in the background (the dashboard's refresh), which
     * on two cores would otherwise take both from the pages being served.
     */
    void alone(Runnable work) {
        ALONE.set(true);
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
                work.run();
            });
        } finally {
            ALONE.remove();
        }
    }

    /** No transaction, a read-only one, or one begun for the caller that has written nothing before {@link #start}. */
    private static boolean seesWhatTheCallerSees() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return true;
        }
        try {
            return TransactionAspectSupport.currentTransactionStatus().isNewTransaction();
        } catch (NoTransactionException e) {
            return false; // a TransactionTemplate's: who began it is unknown
        }
    }

    @PreDestroy
    void stop() {
        side.shutdownNow();
    }

    private boolean spare() {
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            var pool = hikari.getHikariPoolMXBean();
            return pool.getIdleConnections() + (hikari.getMaximumPoolSize() - pool.getTotalConnections()) >= SPARE
                    && pool.getThreadsAwaitingConnection() == 0;
        }
        return false;
    }
}
