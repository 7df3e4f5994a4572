package org.borderid.server.service;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How verify and identify turn scores into decisions: the configurable part of the checkpoint's behaviour
 * ({@code policy:} in {@code server.yaml}; docs/server.md explains each rule).
 *
 * @param verifyTargetFmr       default target false match rate of {@code /v1/verify} (a request may ask for another
 *                              within {@link #MIN_TARGET}..{@link #MAX_TARGET}). Default 1e-3
 * @param identifyTargetFpir    default target false positive identification rate of {@code /v1/identify}. Default 1e-2
 * @param identifyMaxCandidates default number of candidates identify returns (a request may ask for up to
 *                              {@link #MAX_CANDIDATES}). Default 10
 * @param identifyDefaultList   the list identify searches when the request names none. Default {@code watchlist}
 * @param faceQuality           which face quality issues make a live capture unusable: {@code kiosk} (ICAO-style
 *                              guidance: pose, size, exposure, single face), {@code recognition} (only what measurably
 *                              hurts the embedder) or {@code off}. Default {@code kiosk}
 * @param minFingerQuality      lowest fingerprint quality (0..100, the extractor's scale) used for a decision; lower
 *                              captures are reported and left out. Default 20
 * @param disagreementFmr       when the fused score meets the target but a compared modality scores like an impostor —
 *                              its estimated FMR at or above this value — the decision is INCONCLUSIVE (send the
 *                              traveller to an officer) rather than MATCH. Default 0.01: the loosest calibrated
 *                              operating point, so the rule needs no extrapolation; a genuine capture fails it at the
 *                              modality's FNMR at FMR 10⁻² (a few percent for fingers, docs/fingerprint.md), while
 *                              99% of impostor captures are caught. 1 disables the rule
 */
public record DecisionPolicy(double verifyTargetFmr, double identifyTargetFpir, int identifyMaxCandidates,
        String identifyDefaultList, String faceQuality, int minFingerQuality, double disagreementFmr) {

    /** Smallest target FMR/FPIR a request may ask for (the engines' calibration reaches 1e-4; beyond, extrapolated). */
    public static final double MIN_TARGET = 1e-8;
    /** Largest target FMR/FPIR a request may ask for. */
    public static final double MAX_TARGET = 0.1;
    /** Most candidates identify returns. */
    public static final int MAX_CANDIDATES = 100;
    /** List names: lower-case letters, digits and {@code - _ .}, 1..64 characters. */
    public static final Pattern LIST_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** The defaults documented on each component. */
    public static final DecisionPolicy DEFAULT = new DecisionPolicy(1e-3, 1e-2, 10, "watchlist", "kiosk", 20, 0.01);

    public DecisionPolicy {
        checkTarget("policy.verifyTargetFmr", verifyTargetFmr);
        checkTarget("policy.identifyTargetFpir", identifyTargetFpir);
        if (identifyMaxCandidates < 1 || identifyMaxCandidates > MAX_CANDIDATES) {
            throw new IllegalArgumentException("policy.identifyMaxCandidates must be 1.." + MAX_CANDIDATES + ": "
                    + identifyMaxCandidates);
        }
        Objects.requireNonNull(identifyDefaultList, "identifyDefaultList");
        if (!LIST_NAME.matcher(identifyDefaultList).matches()) {
            throw new IllegalArgumentException("policy.identifyDefaultList must match " + LIST_NAME + ": "
                    + identifyDefaultList);
        }
        Objects.requireNonNull(faceQuality, "faceQuality");
        faceQuality = faceQuality.toLowerCase(Locale.ROOT);
        if (!faceQuality.equals("kiosk") && !faceQuality.equals("recognition") && !faceQuality.equals("off")) {
            throw new IllegalArgumentException("policy.faceQuality must be kiosk, recognition or off: " + faceQuality);
        }
        if (minFingerQuality < 0 || minFingerQuality > 100) {
            throw new IllegalArgumentException("policy.minFingerQuality must be 0..100: " + minFingerQuality);
        }
        if (!(disagreementFmr > 0 && disagreementFmr <= 1)) {
            throw new IllegalArgumentException("policy.disagreementFmr must be in (0, 1]: " + disagreementFmr);
        }
    }

    /** Whether a target FMR/FPIR is within {@link #MIN_TARGET}..{@link #MAX_TARGET}. */
    public static boolean validTarget(double target) {
        return target >= MIN_TARGET && target <= MAX_TARGET;
    }

    private static void checkTarget(String name, double value) {
        if (!validTarget(value)) {
            throw new IllegalArgumentException(name + " must be in " + MIN_TARGET + ".." + MAX_TARGET + ": " + value);
        }
    }
}
