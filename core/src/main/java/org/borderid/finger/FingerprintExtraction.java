package org.borderid.finger;

import java.util.Objects;

/**
 * The outcome of extracting a fingerprint: a template, or feedback that the capture is unusable.
 *
 * <p>A poor capture is an expected outcome, not an error: kiosks show {@link LowQuality#reason()} to the traveler.
 */
public sealed interface FingerprintExtraction {
    /** Image quality, 0 (unusable) .. 100 (excellent). */
    int quality();

    /** A usable template was extracted. */
    record Extracted(FingerprintTemplate template, int quality) implements FingerprintExtraction {
        public Extracted {
            Objects.requireNonNull(template, "template");
            checkQuality(quality);
        }
    }

    /** The capture cannot be used; {@code reason} says why, {@code detail} is a human-readable explanation. */
    record LowQuality(Reason reason, int quality, String detail) implements FingerprintExtraction {
        public LowQuality {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            checkQuality(quality);
        }
    }

    /** Why a capture was judged unusable: feedback for the person at the scanner, not a programming error. */
    enum Reason {
        /** The image is smaller than a usable fingerprint area. */
        TOO_SMALL,
        /** No fingerprint area (ridges) found: blank, all white/black, or not a fingerprint. */
        NO_FINGERPRINT,
        /** Too little fingerprint area: press the finger flat and fully on the scanner. */
        TOO_LITTLE_AREA,
        /** Ridges too faint, smudged or noisy to follow: clean the scanner, dry or moisten the finger. */
        POOR_RIDGE_QUALITY,
        /** Too few reliable minutiae to identify anyone. */
        TOO_FEW_MINUTIAE
    }

    private static void checkQuality(int quality) {
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality out of range 0..100: " + quality);
        }
    }
}
