package fr.trame.reporting;

import fr.trame.TrameTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

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

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
