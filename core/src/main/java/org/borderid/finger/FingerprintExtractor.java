package org.borderid.finger;

/**
 * Extracts a minutiae template from a fingerprint image. Thread-safe; reuse one instance.
 *
 * <p>(Being implemented; see issue 2.)
 */
public final class FingerprintExtractor {
    /** An extractor with the default, documented parameters. */
    public FingerprintExtractor() {}

    /** Extracts minutiae, or reports why the capture is unusable. */
    public FingerprintExtraction extract(FingerprintImage image) {
        throw new UnsupportedOperationException("fingerprint extraction is being implemented");
    }
}
