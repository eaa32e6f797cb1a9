package cn.zhenggai.contracts.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users whose earlier access tokens are refused (ADR 0080): user name → the latest revocation instant, fed from
 * the directory's events. An entry older than the access tokens' lifetime (plus a margin for clock skew) can refuse
 * nothing any more and is forgotten, so the set stays as small as the revocations of the last quarter of an hour.
 * Thread-safe; the gateway and every service keep one.
 */
public final class RevokedUsers {

    private final Map<String, Instant> revokedAt = new ConcurrentHashMap<>();
    private final Duration keep;
    private final Clock clock;

    /** @param keep how long a revocation matters: the access token lifetime plus clock skew */
    public RevokedUsers(Duration keep, Clock clock) {
        this.keep = keep;
        this.clock = clock;
    }

    public void revoke(Revocation revocation) {
        revokedAt.merge(revocation.username(), revocation.at(), (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Whether a token of {@code subject} issued at {@code issuedAt} (null: unknown) is refused. */
    public boolean refuses(String subject, Instant issuedAt) {
        Instant at = subject == null ? null : revokedAt.get(subject);
        return at != null && new Revocation(subject, at).refuses(subject, issuedAt);
    }

    /** Forgets revocations that can no longer refuse an unexpired token; returns how many. */
    public int forgetOld() {
        Instant before = clock.instant().minus(keep);
        int size = revokedAt.size();
        revokedAt.values().removeIf(at -> at.isBefore(before));
        return size - revokedAt.size();
    }

    public int size() {
        return revokedAt.size();
    }
}
