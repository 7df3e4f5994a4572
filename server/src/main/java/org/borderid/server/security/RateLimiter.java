package org.borderid.server.security;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key: each key may make {@code ratePerSecond} requests per second on average and bursts of
 * up to {@code burst}. Thread-safe, lock-free per key apart from a short synchronized refill.
 *
 * <p>Defaults ({@link #DEFAULT_RATE}, {@link #DEFAULT_BURST}) are sized for a kiosk: a traveller takes ≥ 10 s at a
 * kiosk, so even a kiosk retrying captures sends well under one request per second; 20/s with bursts of 40 leaves
 * room for administrators' scripted enrollments while stopping a runaway client from starving the others.
 */
public final class RateLimiter {
    /** Default sustained rate, requests per second per key. */
    public static final double DEFAULT_RATE = 20;
    /** Default burst, requests. */
    public static final int DEFAULT_BURST = 40;
    /** Keys tracked before idle buckets are dropped (bounds memory when many keys are used). */
    private static final int MAX_TRACKED = 100_000;

    private final double ratePerNano;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param ratePerSecond sustained requests per second (&gt; 0); {@link Double#POSITIVE_INFINITY} disables limiting
     * @param burst         largest burst (≥ 1)
     */
    public RateLimiter(double ratePerSecond, int burst) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1: " + burst);
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
    }

    /**
     * Takes one token for the key.
     *
     * @return 0 if the request may proceed, else the seconds (≥ 1) until a token is available (Retry-After)
     */
    public long acquire(String key) {
        if (Double.isInfinite(ratePerNano)) {
            return 0;
        }
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear(); // rare: forgets partial buckets, i.e. errs towards admitting
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, System.nanoTime())).take(ratePerNano, burst);
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized long take(double ratePerNano, double burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerNano / 1e9));
        }
    }
}
