package org.borderid.finger;

import java.util.Objects;
import org.borderid.OperatingPoint;
import org.borderid.finger.engine.match.MatchCalibration;
import org.borderid.finger.engine.match.MccMatcher;
import org.borderid.finger.engine.match.PreparedTemplate;

/**
 * 1:1 fingerprint comparison. The constructor prepares the probe once; {@link #match} is thread-safe.
 *
 * <p>The score is a similarity in [0, 1], invariant to translation and to rotations up to ±90°, tolerant of elastic
 * distortion, partial overlap and missing or spurious minutiae: Minutia Cylinder-Code local descriptors consolidated by
 * relaxation, then checked against the overlap of the aligned templates (design, parameters and measured figures in
 * {@code docs/fingerprint.md}). Self-matches score about 0.99, genuine comparisons of good captures 0.1 to 0.3,
 * impostor comparisons mostly below 0.01. Compare it with {@link #threshold(OperatingPoint)} rather than with a fixed
 * number. Templates with fewer than four usable minutiae score 0 against everything. Scores are symmetric.
 */
public final class FingerprintMatcher {
    private final FingerprintTemplate probe;
    private final PreparedTemplate prepared;

    /** A matcher for the probe, whose matching structures are built now (or taken from the template's cache). */
    public FingerprintMatcher(FingerprintTemplate probe) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.prepared = probe.prepared();
    }

    /** Similarity of the candidate to the probe, 0..1; higher is more similar. Thread-safe. */
    public double match(FingerprintTemplate candidate) {
        Objects.requireNonNull(candidate, "candidate");
        return MccMatcher.score(prepared, candidate.prepared());
    }

    /**
     * The score threshold calibrated for an operating point: scores at or above it are matches, and impostor
     * comparisons reach it at about the point's false match rate (measured impostor distributions; the data and the
     * command are in {@code docs/fingerprint.md}).
     */
    public static double threshold(OperatingPoint point) {
        return MatchCalibration.threshold(Objects.requireNonNull(point, "point"));
    }

    FingerprintTemplate probe() {
        return probe;
    }
}
