package fr.trame.reporting;

import fr.trame.TrameTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A figure computed on the side sees what its caller sees: never beside a transaction that has written. */
@TrameTest
class ForkTest {

    @Autowired Fork fork;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void aFigureAfterAWriteInTheCallersTransactionCountsThatWrite() {
        Long seen = tx.execute(status -> {
            jdbc.sql("insert into centres (code, name) values ('fork-test', 'Fork')").update();
            Fork.Task<Long> count = fork.start(() -> jdbc.sql("select count(*) from centres where code = 'fork-test'")
                    .query(Long.class).single());
            sleep(); // a side thread, had one been started, would have taken the figure by now
            long n = count.join();
            status.setRollbackOnly();
            return n;
        });
        assertThat(seen).isEqualTo(1);
    }

    @Test
    void outsideATransactionTheFigureIsComputedAndGiven() {
        Fork.Task<Integer> one = fork.start(() -> jdbc.sql("select 1").query(Integer.class).single());
        assertThat(one.join()).isEqualTo(1);
    }

    @Test
    void aloneEveryFigureIsComputedOnTheCallersThreadWithoutParallelWorkersAndAfterwardsOnTheSideAgain() {
        Thread caller = Thread.currentThread();
        List<String> seen = new ArrayList<>();
        fork.alone(() -> {
            Fork.Task<String> where = fork.start(() -> Thread.currentThread().getName());
            sleep(); // a side thread, had one been started, would have taken the figure by now
            seen.add(where.join());
            seen.add(jdbc.sql("show max_parallel_workers_per_gather").query(String.class).single());
        });
        assertThat(seen).containsExactly(caller.getName(), "0");
        assertThat(jdbc.sql("show max_parallel_workers_per_gather").query(String.class).single()).isNotEqualTo("0");
        Fork.Task<String> where = fork.start(() -> Thread.currentThread().getName());
        sleep();
        assertThat(where.join()).isEqualTo("trame-figures");
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
