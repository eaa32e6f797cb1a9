package cn.zhenggai.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;

/**
 * Token buckets by key (a client address or a username): each holds up to {@code capacity} tokens and gains
 * {@code capacity} per {@code period}; a request takes one. Buckets live in a bounded map (Caffeine) and are
 * forgotten once idle long enough to be full again, so a flood of made-up keys cannot exhaust memory.
 */
final class RateLimiter {

    private final int capacity;
    private final double nanosPerToken;
    private final Clock clock;
    private final Cache<String, Bucket> buckets;

    RateLimiter(int capacity, Duration period, Clock clock, long maxKeys) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("capacity >= 1 and a positive period are needed");
        }
        this.capacity = capacity;
        this.nanosPerToken = (double) period.toNanos() / capacity;
        this.clock = clock;
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(period).build();
    }

    /** Takes a token for {@code key}: 0 if one was there, else the seconds (at least 1) until there is one. */
    long take(String key) {
        Bucket bucket = buckets.get(key, k -> new Bucket(capacity, nanos()));
        synchronized (bucket) {
            long now = nanos();
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) / nanosPerToken);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double missingNanos = (1 - bucket.tokens) * nanosPerToken;
            return Math.max(1, (long) Math.ceil(missingNanos / 1e9));
        }
    }

    private long nanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
