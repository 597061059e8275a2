package fr.trame.centre;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Password attempts lock an account, and an address, for a time that doubles with each further failure (1 minute,
 * 2, 4… at most 30): 5 free failures for an account, 20 for an address (a centre's staff share one Internet
 * address). A failure older than an hour is forgotten. Each attempt is counted <em>before</em> its password is
 * checked, so that parallel attempts cannot all slip through before the first failure is counted; a right password
 * then takes its attempt back. Kept in PostgreSQL so that a restart or a second instance does not reset the count.
 */
@Service
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    public static final int ACCOUNT_FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 20;

    private final JdbcClient jdbc;
    private final UserService users;

    public LoginThrottle(JdbcClient jdbc, UserService users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /**
     * Counts an attempt for the account, then for the address, unless it is locked: then the time left, and the
     * password must not be checked. Each count is one upsert, which PostgreSQL applies to the row one attempt after
     * the other however many come at once, and which counts nothing when the row is locked.
     */
    public Optional<Duration> attempt(String username, String address) {
        Optional<OffsetDateTime> lockedUntil = count(accountKey(username), ACCOUNT_FREE_FAILURES)
                .or(() -> count(addressKey(address), ADDRESS_FREE_FAILURES));
        if (lockedUntil.isEmpty()) {
            return Optional.empty();
        }
        log.warn("Connexion refusée sans vérification (blocage en cours) : {}, adresse {}", who(username), address);
        return Optional.of(Duration.between(OffsetDateTime.now(), lockedUntil.get()));
    }

    /** One more attempt for the key, locking it at its threshold; when it is already locked, until when. */
    private Optional<OffsetDateTime> count(String key, int freeFailures) {
        return jdbc.sql("""
                insert into login_throttle as t (key, failures, last_failure) values (:key, 1, now())
                on conflict (key) do update set
                    failures = case when t.locked_until > now() then t.failures
                                    when t.last_failure < now() - interval '1 hour' then 1
                                    else t.failures + 1 end,
                    last_failure = case when t.locked_until > now() then t.last_failure else now() end,
                    locked_until = case when t.locked_until > now() then t.locked_until
                                        when t.last_failure >= now() - interval '1 hour' and t.failures + 1 >= :free
                                        then now() + least(30, power(2, least(t.failures + 1 - :free, 10)))::int * interval '1 minute'
                                        else t.locked_until end
                returning case when last_failure <> now() then locked_until end""")
                .param("key", key).param("free", freeFailures).query(OffsetDateTime.class).optional();
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
