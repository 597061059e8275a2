package fr.trame.centre;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Password attempts lock an account, and an address, for a time that doubles with each further failure (1 minute,
 * 2, 4… at most 30): 5 free failures for an account, 20 for an address (a centre's staff share one Internet
 * address). A failure older than an hour is forgotten. Each attempt is counted <em>before</em> its password is checked, under a row lock, so that
 * parallel attempts cannot all slip through before the first failure is counted; a right password then takes its
 * attempt back. Kept in PostgreSQL so that a restart or a second instance does not reset the count.
 */
@Service
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    public static final int ACCOUNT_FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 20;

    private final JdbcClient jdbc;
    private final UserService users;
    private final TransactionTemplate transaction;

    public LoginThrottle(JdbcClient jdbc, UserService users, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.users = users;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Counts an attempt for the account and the address, unless one of them is locked: then the time left, nothing is
     * counted, and the password must not be checked. Both rows are locked while they are read and counted, so that
     * parallel attempts are counted one after the other. (A programmatic transaction: this bean is made early, for
     * the security configuration, and must not depend on a proxy.)
     */
    public Optional<Duration> attempt(String username, String address) {
        String account = accountKey(username);
        String ip = addressKey(address);
        OffsetDateTime lockedUntil = transaction.execute(status -> {
            jdbc.sql("insert into login_throttle (key, failures, last_failure) values (?, 0, now()), (?, 0, now()) on conflict do nothing")
                    .params(account, ip).update();
            // in key order, so that two attempts never wait for each other crosswise
            OffsetDateTime until = jdbc.sql("""
                    select max(locked_until) from (select locked_until from login_throttle where key in (?, ?)
                                                   order by key for update) k where locked_until > now()""")
                    .params(account, ip).query(OffsetDateTime.class).optional().orElse(null);
            if (until == null) {
                jdbc.sql("""
                        update login_throttle set
                            failures = case when last_failure < now() - interval '1 hour' then 1 else failures + 1 end,
                            last_failure = now(),
                            locked_until = case when (case when last_failure < now() - interval '1 hour' then 1 else failures + 1 end)
                                                     >= free then now() + least(30, power(2, least(
                                                        (case when last_failure < now() - interval '1 hour' then 1 else failures + 1 end)
                                                        - free, 10)))::int * interval '1 minute'
                                                else locked_until end
                        from (values (:account, :accountFree), (:address, :addressFree)) as threshold(k, free)
                        where key = threshold.k""")
                        .param("account", account).param("address", ip)
                        .param("accountFree", ACCOUNT_FREE_FAILURES).param("addressFree", ADDRESS_FREE_FAILURES).update();
            }
            return until;
        });
        if (lockedUntil == null) {
            return Optional.empty();
        }
        log.warn("Connexion refusée sans vérification (blocage en cours) : {}, adresse {}", who(username), address);
        return Optional.of(Duration.between(OffsetDateTime.now(), lockedUntil));
    }

    /** The password was wrong: its attempt stays counted. */
    public void failed(String username, String address) {
        int failures = jdbc.sql("select failures from login_throttle where key = ?").param(accountKey(username))
                .query(Integer.class).optional().orElse(0);
        log.warn("Connexion refusée : {}, adresse {}, {} échec(s) récent(s) pour ce compte", who(username), address, failures);
    }

    /** The password was right: the account starts afresh, the address takes this attempt back; stale rows go. */
    public void succeeded(String username, String address) {
        jdbc.sql("delete from login_throttle where key = ? or (last_failure < now() - interval '1 day')")
                .param(accountKey(username)).update();
        jdbc.sql("update login_throttle set failures = greatest(failures - 1, 0) where key = ?").param(addressKey(address)).update();
    }

    /**
     * The account for the log: the name of an existing account only; what else was typed may be a password typed in
     * the wrong field, and must not be written to a log.
     */
    private String who(String username) {
        return users.findByUsername(username == null ? "" : username)
                .map(u -> "identifiant « " + u.username() + " »").orElse("identifiant inconnu");
    }

    private static String accountKey(String username) {
        String s = username == null ? "" : username.replaceAll("\\p{Cntrl}", "?");
        return "user:" + (s.length() > 200 ? s.substring(0, 200) : s).toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "ip:" + (address == null ? "inconnue" : address);
    }
}
