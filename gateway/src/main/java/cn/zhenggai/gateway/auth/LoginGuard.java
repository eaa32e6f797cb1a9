package cn.zhenggai.gateway.auth;

import cn.zhenggai.gateway.GatewayErrors;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What stands before a password check: a rate limit per client address and per username (token buckets, 429 with
 * {@code Retry-After}), and a lock after {@code maxFailures} consecutive failures for {@code lockDuration} (423
 * {@code ACCOUNT_LOCKED}). Failures are counted per username whether or not the user exists, in the gateway's
 * PostgreSQL schema (they survive a restart), so a locked made-up name answers exactly as a locked real one.
 */
public class LoginGuard {

    /** Settings, {@code zhenggai.login.*}. */
    public record Settings(int ipCapacity, Duration ipPeriod, int userCapacity, Duration userPeriod,
                           int maxFailures, Duration lockDuration) {
    }

    private final RateLimiter perAddress;
    private final RateLimiter perUser;
    private final Settings settings;
    private final JdbcTemplate jdbc;
    private final String table;
    private final Clock clock;

    public LoginGuard(Settings settings, JdbcTemplate jdbc, String schema, Clock clock) {
        this.settings = settings;
        this.perAddress = new RateLimiter(settings.ipCapacity(), settings.ipPeriod(), clock, 100_000);
        this.perUser = new RateLimiter(settings.userCapacity(), settings.userPeriod(), clock, 100_000);
        this.jdbc = jdbc;
        this.table = schema + ".login_failures";
        this.clock = clock;
    }

    static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    /** Refuses with 429 when the address or the username has used up its attempts. */
    public void checkRate(String address, String username) {
        long wait = Math.max(perAddress.take(address), 0);
        if (wait == 0) {
            wait = perUser.take(key(username));
        }
        if (wait > 0) {
            throw new GatewayErrors.Refused(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                    "登录尝试过于频繁，请" + wait + "秒后再试", wait);
        }
    }

    /** Refuses with 423 while the username is locked. */
    public void checkNotLocked(String username) {
        List<Timestamp> lockedUntil = jdbc.queryForList("SELECT locked_until FROM " + table
                + " WHERE username = ? AND locked_until IS NOT NULL", Timestamp.class, key(username));
        Instant now = clock.instant();
        if (!lockedUntil.isEmpty() && lockedUntil.get(0).toInstant().isAfter(now)) {
            throw locked(lockedUntil.get(0).toInstant(), now);
        }
    }

    /** When the username's current lock runs out, if it is locked. */
    public java.util.Optional<Instant> lockedUntil(String username) {
        List<Timestamp> lockedUntil = jdbc.queryForList("SELECT locked_until FROM " + table
                + " WHERE username = ? AND locked_until IS NOT NULL", Timestamp.class, key(username));
        return lockedUntil.stream().map(Timestamp::toInstant).filter(until -> until.isAfter(clock.instant()))
                .findFirst();
    }

    public int maxFailures() {
        return settings.maxFailures();
    }

    /** Counts a failed attempt; the one that reaches the limit locks the username (and is answered as locked). */
    public void recordFailure(String username) {
        Instant now = clock.instant();
        Timestamp ts = Timestamp.from(now);
        Timestamp lockUntil = Timestamp.from(now.plus(settings.lockDuration()));
        // a lock that has run out starts a fresh count
        Integer failures = jdbc.queryForObject("INSERT INTO " + table + " AS f (username, failures, locked_until, "
                        + "last_failure) VALUES (?, 1, NULL, ?) ON CONFLICT (username) DO UPDATE SET "
                        + "failures = CASE WHEN f.locked_until IS NOT NULL AND f.locked_until <= ? THEN 1 "
                        + "ELSE f.failures + 1 END, "
                        + "locked_until = CASE WHEN f.locked_until IS NOT NULL AND f.locked_until <= ? THEN NULL "
                        + "ELSE f.locked_until END, last_failure = ? RETURNING failures",
                Integer.class, key(username), ts, ts, ts, ts);
        if (failures != null && failures >= settings.maxFailures()) {
            jdbc.update("UPDATE " + table + " SET locked_until = ? WHERE username = ?", lockUntil, key(username));
            throw locked(lockUntil.toInstant(), now);
        }
    }

    /** A successful login clears the count. */
    public void recordSuccess(String username) {
        jdbc.update("DELETE FROM " + table + " WHERE username = ?", key(username));
    }

    /** An administrator's password reset unlocks the account. */
    public void unlock(String username) {
        recordSuccess(username);
    }

    /** Forgets counts of names that failed long ago and are not locked (keeps the table small). */
    public int forgetOld(Duration age) {
        Timestamp before = Timestamp.from(clock.instant().minus(age));
        return jdbc.update("DELETE FROM " + table + " WHERE last_failure < ? AND (locked_until IS NULL OR "
                + "locked_until < ?)", before, before);
    }

    private GatewayErrors.Refused locked(Instant until, Instant now) {
        long seconds = Math.max(1, Duration.between(now, until).toSeconds());
        long minutes = (seconds + 59) / 60;
        return new GatewayErrors.Refused(HttpStatus.LOCKED, "ACCOUNT_LOCKED",
                "连续登录失败次数过多，账号已被临时锁定，请" + minutes + "分钟后再试或联系组织部重置密码", seconds);
    }
}
