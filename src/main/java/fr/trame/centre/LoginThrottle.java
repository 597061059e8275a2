package fr.trame.centre;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Wrong passwords lock an account, and an address, for a time that doubles with each further failure: 5 free
 * failures for an account, 20 for an address (a centre's staff share one Internet address). A failure older than
 * an hour is forgotten. Kept in PostgreSQL so that a restart or a second instance does not reset the count.
 */
@Service
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    public static final int ACCOUNT_FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 20;
    private static final Duration MAX_LOCK = Duration.ofMinutes(30);

    private final JdbcClient jdbc;

    public LoginThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How long the account or the address stays locked, if it is. */
    public Optional<Duration> lockedFor(String username, String address) {
        return jdbc.sql("""
                select max(locked_until) from login_throttle
                where key in (?, ?) and locked_until > now()""")
                .params(accountKey(username), addressKey(address))
                .query(OffsetDateTime.class).optional()
                .map(until -> Duration.between(OffsetDateTime.now(), until))
                .filter(d -> !d.isNegative());
    }

    public void failed(String username, String address) {
        int accountFailures = count(accountKey(username), ACCOUNT_FREE_FAILURES);
        count(addressKey(address), ADDRESS_FREE_FAILURES);
        log.warn("Connexion refusée : identifiant « {} », adresse {}, {} échec(s) récent(s) pour ce compte",
                clean(username), address, accountFailures);
    }

    public void refusedWhileLocked(String username, String address) {
        log.warn("Connexion refusée sans vérification (blocage en cours) : identifiant « {} », adresse {}",
                clean(username), address);
    }

    public void succeeded(String username) {
        jdbc.sql("delete from login_throttle where key = ?").param(accountKey(username)).update();
    }

    /** Counts one failure for the key and sets its lock; returns the number of recent failures. */
    private int count(String key, int freeFailures) {
        int failures = jdbc.sql("""
                insert into login_throttle (key, failures, last_failure) values (?, 1, now())
                on conflict (key) do update set
                    failures = case when login_throttle.last_failure < now() - interval '1 hour' then 1
                                    else login_throttle.failures + 1 end,
                    last_failure = now()
                returning failures""").param(key).query(Integer.class).single();
        if (failures >= freeFailures) {
            jdbc.sql("update login_throttle set locked_until = now() + ? * interval '1 second' where key = ?")
                    .params(lockDuration(failures, freeFailures).toSeconds(), key).update();
        }
        return failures;
    }

    /** One minute at the threshold, doubling with each further failure, at most {@link #MAX_LOCK}. */
    static Duration lockDuration(int failures, int freeFailures) {
        int doublings = Math.min(failures - freeFailures, 10);
        Duration lock = Duration.ofMinutes(1L << doublings);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    private static String accountKey(String username) {
        return "user:" + clean(username).toLowerCase();
    }

    private static String addressKey(String address) {
        return "ip:" + (address == null ? "inconnue" : address);
    }

    /** What an attacker typed, made safe for a key and a log line. */
    private static String clean(String username) {
        String s = username == null ? "" : username.replaceAll("[\\p{Cntrl}]", "?");
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
