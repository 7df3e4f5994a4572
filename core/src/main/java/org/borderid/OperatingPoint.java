package org.borderid;

/**
 * A named operating point: the false match rate a score threshold was calibrated for.
 *
 * <p>Each modality offers the score threshold for each point ({@code FingerprintMatcher.threshold(...)},
 * {@code FaceMatcher.threshold(...)}), derived from measured impostor score distributions; the docs give the
 * data and the command that derived them.
 */
public enum OperatingPoint {
    /** 1 false match in 100 impostor comparisons. */
    FMR_1E2(1e-2),
    /** 1 false match in 1,000 impostor comparisons. */
    FMR_1E3(1e-3),
    /** 1 false match in 10,000 impostor comparisons. */
    FMR_1E4(1e-4);

    private final double falseMatchRate;

    OperatingPoint(double falseMatchRate) {
        this.falseMatchRate = falseMatchRate;
    }

    /** The target false match rate as a fraction, e.g. 0.001. */
    public double falseMatchRate() {
        return falseMatchRate;
    }
}
