package org.borderid.finger;

import java.util.Objects;
import org.borderid.OperatingPoint;

/**
 * 1:1 fingerprint comparison. The constructor prepares the probe once; {@link #match} is thread-safe.
 *
 * <p>(Being implemented; see issue 2.)
 */
public final class FingerprintMatcher {
    private final FingerprintTemplate probe;

    public FingerprintMatcher(FingerprintTemplate probe) {
        this.probe = Objects.requireNonNull(probe, "probe");
    }

    /** Similarity score of the candidate to the probe; higher is more similar. */
    public double match(FingerprintTemplate candidate) {
        throw new UnsupportedOperationException("fingerprint matching is being implemented");
    }

    /** The score threshold calibrated for an operating point (scores at or above it are matches). */
    public static double threshold(OperatingPoint point) {
        throw new UnsupportedOperationException("fingerprint calibration is being implemented");
    }

    FingerprintTemplate probe() {
        return probe;
    }
}
