package org.borderid.server.service;

import java.util.Map;
import java.util.Objects;
import org.borderid.OperatingPoint;

/**
 * Maps one modality's comparison score to <em>evidence</em>: the estimated −log10 of the false match rate at that
 * score, i.e. how many decades of impostors the score rules out. Scores of different modalities (MCC similarity,
 * cosine similarity) become comparable and can be fused ({@link Fusion}).
 *
 * <p>The scale is built from the engine's own calibration: its thresholds for FMR 10⁻², 10⁻³ and 10⁻⁴
 * ({@code FingerprintMatcher.threshold}, the face model's thresholds), which are measured impostor quantiles. Between
 * them, log10(FMR) is interpolated linearly in the score. Beyond the calibrated range it is extrapolated:
 * <ul>
 * <li>above the 10⁻⁴ threshold, each further decade is wider than the last by the ratio r of the two measured decade
 * widths, (t₄ − t₃)/(t₃ − t₂), never less than 1 — the measured impostor tails thin out ever more slowly (heavier than
 * exponential), and assuming it continues is the cautious reading; the estimate is capped at
 * {@link #MAX_EVIDENCE} decades, beyond which no impostor sample could vouch for it;</li>
 * <li>below the 10⁻² threshold, decades keep the width t₃ − t₂ down to FMR 1 (evidence 0).</li>
 * </ul>
 * Extrapolated values are estimates, not measurements; {@code docs/server.md} says how far calibration reaches.
 */
public final class ScoreScale {
    /** Largest evidence one comparison can contribute, decades (FMR 10⁻¹²). */
    public static final double MAX_EVIDENCE = 12;

    private final double t2;
    private final double t3;
    private final double t4;
    private final double ratio;

    private ScoreScale(double t2, double t3, double t4) {
        if (!(t2 < t3 && t3 < t4) || !Double.isFinite(t2) || !Double.isFinite(t4)) {
            throw new IllegalArgumentException("calibrated thresholds must increase from FMR 1e-2 to 1e-4: " + t2
                    + ", " + t3 + ", " + t4);
        }
        this.t2 = t2;
        this.t3 = t3;
        this.t4 = t4;
        this.ratio = Math.max(1, (t4 - t3) / (t3 - t2));
    }

    /** The scale of an engine's thresholds for {@code FMR_1E2}, {@code FMR_1E3} and {@code FMR_1E4}. */
    public static ScoreScale of(Map<OperatingPoint, Double> thresholds) {
        Objects.requireNonNull(thresholds, "thresholds");
        for (OperatingPoint p : OperatingPoint.values()) {
            if (!thresholds.containsKey(p)) {
                throw new IllegalArgumentException("no calibrated threshold for " + p);
            }
        }
        return new ScoreScale(thresholds.get(OperatingPoint.FMR_1E2), thresholds.get(OperatingPoint.FMR_1E3),
                thresholds.get(OperatingPoint.FMR_1E4));
    }

    /** Estimated −log10(FMR) of a score, 0..{@link #MAX_EVIDENCE}. */
    public double evidence(double score) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score is NaN");
        }
        double e;
        if (score <= t2) {
            e = 2 - (t2 - score) / (t3 - t2);
        } else if (score <= t3) {
            e = 2 + (score - t2) / (t3 - t2);
        } else if (score <= t4) {
            e = 3 + (score - t3) / (t4 - t3);
        } else {
            e = 4;
            double width = (t4 - t3) * ratio;
            double rest = score - t4;
            while (rest > width && e < MAX_EVIDENCE) {
                rest -= width;
                e += 1;
                width *= ratio;
            }
            e += rest / width;
        }
        return Math.max(0, Math.min(MAX_EVIDENCE, e));
    }

    /** The score at which the estimated FMR equals {@code fmr} (inverse of {@link #evidence}), for thresholds. */
    public double scoreAt(double fmr) {
        double target = -Math.log10(fmr);
        double lo = t2 - 2 * (t3 - t2);
        double hi = t4 + 1;
        while (evidence(hi) < Math.min(target, MAX_EVIDENCE)) {
            hi = hi * 2 + 1;
        }
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (evidence(mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    @Override
    public String toString() {
        return "ScoreScale[t(1e-2)=" + t2 + ", t(1e-3)=" + t3 + ", t(1e-4)=" + t4 + ", tail ratio " + ratio + "]";
    }
}
