package org.borderid.bench.eval.finger;

import org.borderid.bench.finger.FingerprintSystem;
import org.borderid.bench.finger.FingerprintSystem.Probe;
import org.borderid.bench.finger.FingerprintSystem.Template;
import org.borderid.image.GrayImage;

/**
 * Calls into a system under measurement. {@link UnsupportedOperationException} (not implemented yet) passes through
 * so that the harness reports the system unavailable; any other exception is a bug in the system: it is counted and
 * reported, and the image becomes a failure to extract or the pair a non-match (−∞).
 */
final class SystemCalls {
    private SystemCalls() {}

    /** The template, or null when the image is undecodable (null), refused by the system, or the system threw. */
    static Template extract(FingerprintSystem system, GrayImage image, double dpi, String file, Warnings warnings) {
        if (image == null) {
            return null;
        }
        try {
            return switch (system.extract(image, dpi)) {
                case FingerprintSystem.Extracted e -> e.template();
                case FingerprintSystem.Failed f -> null;
            };
        } catch (UnsupportedOperationException e) {
            throw e;
        } catch (RuntimeException e) {
            warnings.add("extraction of " + file + " threw " + e);
            return null;
        }
    }

    /** The prepared probe; if preparation throws, a probe whose every comparison counts as an error. */
    static Probe prepare(FingerprintSystem system, Template template, Warnings warnings) {
        try {
            return system.prepare(template);
        } catch (UnsupportedOperationException e) {
            throw e;
        } catch (RuntimeException e) {
            warnings.add("probe preparation threw " + e);
            return candidate -> Double.NaN;
        }
    }

    /** The score, or −∞ when the comparison throws or returns NaN. */
    static double compare(Probe probe, Template candidate, Warnings warnings) {
        double score;
        try {
            score = probe.match(candidate);
        } catch (UnsupportedOperationException e) {
            throw e;
        } catch (RuntimeException e) {
            warnings.add("comparison threw " + e);
            return Double.NEGATIVE_INFINITY;
        }
        if (Double.isNaN(score)) {
            warnings.add("comparison returned NaN");
            return Double.NEGATIVE_INFINITY;
        }
        return score;
    }
}
