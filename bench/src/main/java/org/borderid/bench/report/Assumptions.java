package org.borderid.bench.report;

/**
 * What the capacity estimate assumes rather than measures; the report prints every value next to the estimate, and
 * {@code bench-report} options change them.
 *
 * @param kioskSeconds  shortest time between two transactions of one kiosk, seconds (&gt; 0): the traveller's time at
 *                      the kiosk (document, face and two fingers presented, gate passed)
 * @param utilisation   the share of a node's measured saturated throughput planned for, 0 &lt; u ≤ 1
 * @param nodeBytes     memory of the node the gallery must fit, bytes
 * @param reservedBytes memory kept for everything but the gallery, bytes (&lt; nodeBytes)
 */
public record Assumptions(double kioskSeconds, double utilisation, long nodeBytes, long reservedBytes) {
    /**
     * Default time between transactions of one kiosk, seconds. An assumption, not a measurement: document reading,
     * face and two-finger capture and passing the gate take a traveller well over 10 s at an automated gate; 15 s is
     * a busy kiosk. Replace it with the kiosks' own logs when available ({@code --kiosk-seconds}).
     */
    public static final double DEFAULT_KIOSK_SECONDS = 15;

    /**
     * Default planned utilisation: half the saturated throughput. In a single-server queue with random arrivals
     * (M/M/1) the mean response time is the service time / (1 − utilisation): at 0.5 a transaction waits on average as
     * long as it runs, and bursts of arrivals do not push kiosks into timeouts ({@code --utilisation}).
     */
    public static final double DEFAULT_UTILISATION = 0.5;

    /** Memory of the reference node, bytes: 24 GiB, the node size the capacity question names. */
    public static final long DEFAULT_NODE_BYTES = 24L << 30;

    /**
     * Memory kept back from the gallery, bytes: 4 GiB for the operating system, the JVM's non-heap memory (code
     * cache, metaspace, thread stacks, GC structures), the face networks and OpenCV's native buffers per worker, and
     * the working set of requests in flight. An assumption sized generously; replace it with the server's measured
     * resident memory without a gallery ({@code --reserved-gib}).
     */
    public static final long DEFAULT_RESERVED_BYTES = 4L << 30;

    public static final Assumptions DEFAULT = new Assumptions(DEFAULT_KIOSK_SECONDS, DEFAULT_UTILISATION,
            DEFAULT_NODE_BYTES, DEFAULT_RESERVED_BYTES);

    public Assumptions {
        if (!(kioskSeconds > 0 && kioskSeconds <= 3600)) {
            throw new IllegalArgumentException("kiosk seconds out of range (0, 3600]: " + kioskSeconds);
        }
        if (!(utilisation > 0 && utilisation <= 1)) {
            throw new IllegalArgumentException("utilisation out of range (0, 1]: " + utilisation);
        }
        if (nodeBytes <= 0 || reservedBytes < 0 || reservedBytes >= nodeBytes) {
            throw new IllegalArgumentException("need 0 <= reserved < node memory: " + reservedBytes + ", "
                    + nodeBytes);
        }
    }
}
