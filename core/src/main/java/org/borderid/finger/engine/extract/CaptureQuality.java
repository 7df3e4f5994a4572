package org.borderid.finger.engine.extract;

import java.util.List;
import org.borderid.finger.FingerprintExtraction.Reason;

/**
 * Stage 14: the capture's quality score 0..100 and the rules that reject an unusable capture with a reason the
 * person at the scanner can act on. The checks run as early as their inputs exist, so that a blank or tiny capture
 * costs almost nothing.
 *
 * <p>The score is the geometric mean of four factors in 0..1, each saturating at what a good 500 dpi flat capture
 * reaches (so that 100 means "as good as a clean, fully pressed print"): foreground area, ridge clarity (mean gradient
 * coherence over the foreground, the orientation certainty of NFIQ 2), orientation reliability, and the number of
 * reliable minutiae.
 */
public final class CaptureQuality {
    /** Smallest image side at 500 dpi, pixels (96 px ≈ 4.9 mm: less than one fingertip's width). */
    public static final int MIN_SIDE = 96;
    /**
     * Smallest fingerprint area, mm² (1 mm² ≈ 387.5 px² at 500 dpi). 40 mm² is about a 6 × 7 mm patch: at the FVC
     * density (34 minutiae on a median 183 mm², about 0.19 per mm²) it holds some eight minutiae, barely more than
     * {@link #MIN_MINUTIAE}; the smallest of the 640 FVC prints measures 52 mm².
     */
    public static final double MIN_AREA_MM2 = 40;
    /** Area at which the area factor saturates, mm² (a well-pressed flat capture on a 12.8 × 15 mm sensor). */
    public static final double FULL_AREA_MM2 = 150;
    /**
     * Mean gradient coherence over the foreground below which ridges cannot be followed, 0..1. Uniform noise measures
     * 0.07; the lowest of the 640 FVC2000/2002 captures 0.23 (median 0.65).
     */
    public static final double MIN_CLARITY = 0.2;
    /** Coherence at which the clarity factor saturates, 0..1 (clear FVC prints measure 0.55..0.75). */
    public static final double FULL_CLARITY = 0.6;
    /**
     * Fewest minutiae in a usable template. Twelve is the classic court standard for a match; half of it survives a
     * partial overlap, so fewer than {@value} leave nothing to match (the fewest on an FVC capture: 9).
     */
    public static final int MIN_MINUTIAE = 6;
    /** Minutiae count at which the minutiae factor saturates. */
    public static final int FULL_MINUTIAE = 40;

    private static final double MM2_PER_PIXEL = (25.4 / 500) * (25.4 / 500);

    private CaptureQuality() {}

    /** A verdict: the score, and a reason when the capture is unusable (null when it is usable). */
    public record Verdict(int quality, Reason reason, String detail) {
        static Verdict ok(int quality) {
            return new Verdict(quality, null, "");
        }

        public boolean usable() {
            return reason == null;
        }
    }

    /** Checked before any processing: the image must hold at least a fingertip's width at 500 dpi. */
    public static Verdict checkSize(int width500, int height500) {
        if (width500 < MIN_SIDE || height500 < MIN_SIDE) {
            return new Verdict(0, Reason.TOO_SMALL, "image is " + width500 + "x" + height500
                    + " px at 500 dpi; at least " + MIN_SIDE + " px on each side is needed");
        }
        return Verdict.ok(0);
    }

    /** Checked after segmentation. */
    public static Verdict checkArea(ForegroundMask mask) {
        if (mask.area() == 0) {
            return new Verdict(0, Reason.NO_FINGERPRINT, "no ridges found in the image");
        }
        double mm2 = mask.area() * MM2_PER_PIXEL;
        if (mm2 < MIN_AREA_MM2) {
            return new Verdict(score(mask, null, List.of()), Reason.TOO_LITTLE_AREA,
                    String.format("fingerprint area %.0f mm² is below %.0f mm²", mm2, MIN_AREA_MM2));
        }
        return Verdict.ok(0);
    }

    /** Checked after orientation estimation. */
    public static Verdict checkClarity(ForegroundMask mask, OrientationField orientation) {
        double clarity = meanOver(mask, orientation, false);
        if (clarity < MIN_CLARITY) {
            return new Verdict(score(mask, orientation, List.of()), Reason.POOR_RIDGE_QUALITY,
                    String.format("ridge clarity %.2f is below %.2f", clarity, MIN_CLARITY));
        }
        return Verdict.ok(0);
    }

    /** The final verdict on the extracted minutiae. */
    public static Verdict judge(ForegroundMask mask, OrientationField orientation, List<MinutiaCandidate> minutiae) {
        int quality = score(mask, orientation, minutiae);
        if (minutiae.size() < MIN_MINUTIAE) {
            return new Verdict(quality, Reason.TOO_FEW_MINUTIAE,
                    minutiae.size() + " reliable minutiae found; at least " + MIN_MINUTIAE + " are needed");
        }
        return Verdict.ok(quality);
    }

    static int score(ForegroundMask mask, OrientationField orientation, List<MinutiaCandidate> minutiae) {
        double area = Math.min(1, mask.area() * MM2_PER_PIXEL / FULL_AREA_MM2);
        double clarity = orientation == null ? 0 : Math.min(1, meanOver(mask, orientation, false) / FULL_CLARITY);
        double reliability = orientation == null ? 0 : meanOver(mask, orientation, true);
        double count = Math.min(1, (double) minutiae.size() / FULL_MINUTIAE);
        double score = 100 * Math.pow(area * clarity * reliability * count, 0.25);
        return (int) Math.round(Math.max(0, Math.min(100, score)));
    }

    private static double meanOver(ForegroundMask mask, OrientationField orientation, boolean reliability) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < mask.grid().cells(); i++) {
            if (mask.cell(i)) {
                sum += reliability ? orientation.reliability(i) : orientation.coherence(i);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
