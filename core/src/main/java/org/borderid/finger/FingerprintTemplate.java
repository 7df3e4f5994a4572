package org.borderid.finger;

import java.util.List;
import java.util.Objects;
import org.borderid.finger.engine.match.PreparedTemplate;
import org.borderid.finger.engine.match.PreparedTemplates;
import org.borderid.finger.engine.match.TemplateCodec;

/**
 * An immutable fingerprint template: minutiae in a 500 dpi pixel grid, the size of that grid and the capture's
 * quality.
 *
 * <p>{@link #toByteArray()} and {@link #fromByteArray(byte[])} store it in BorderID's versioned, checksummed binary
 * format (layout in {@code docs/fingerprint.md}); the round trip is exact. For ISO/IEC 19794-2 and ANSI 378 records see
 * {@code org.borderid.finger.standard}.
 *
 * <p>The structures the matcher needs (one Minutia Cylinder-Code descriptor per minutia, pairwise geometry) are
 * computed the first time the template is matched and cached in it, so a gallery of templates pays for them once.
 * Templates are safe to share between threads.
 */
public final class FingerprintTemplate {
    /** Most minutiae a template holds: the ISO/IEC 19794-2 limit per finger view. */
    public static final int MAX_MINUTIAE = 255;

    static {
        PreparedTemplates.install(FingerprintTemplate::prepared);
    }

    private final int width;
    private final int height;
    private final List<Minutia> minutiae;
    private final int quality;
    /** The matcher's structures, computed on first use; racy but idempotent (immutable, deterministic). */
    private volatile PreparedTemplate prepared;

    private FingerprintTemplate(int width, int height, List<Minutia> minutiae, int quality) {
        if (width <= 0 || height <= 0 || width > Minutia.MAX_COORDINATE + 1 || height > Minutia.MAX_COORDINATE + 1) {
            throw new IllegalArgumentException("template size out of range: " + width + "x" + height);
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality out of range 0..100: " + quality);
        }
        this.minutiae = List.copyOf(minutiae);
        if (this.minutiae.size() > MAX_MINUTIAE) {
            throw new IllegalArgumentException("a template holds at most " + MAX_MINUTIAE + " minutiae, got "
                    + this.minutiae.size());
        }
        this.width = width;
        this.height = height;
        this.quality = quality;
    }

    /**
     * A template of the given minutiae.
     *
     * @param width    width of the 500 dpi grid, pixels (1..16384)
     * @param height   height of the 500 dpi grid, pixels (1..16384)
     * @param minutiae the minutiae (copied), at most {@link #MAX_MINUTIAE}
     * @param quality  capture quality 0..100
     * @throws IllegalArgumentException when a value is out of range
     */
    public static FingerprintTemplate of(int width, int height, List<Minutia> minutiae, int quality) {
        return new FingerprintTemplate(width, height, minutiae, quality);
    }

    /**
     * Reads a template written by {@link #toByteArray()} (this or an older format version).
     *
     * @throws TemplateFormatException when the bytes are not a template, are truncated or altered, or come from a newer
     *                                 format version; see {@link TemplateFormatException#reason()}
     */
    public static FingerprintTemplate fromByteArray(byte[] bytes) {
        return TemplateCodec.decode(Objects.requireNonNull(bytes, "bytes"));
    }

    /** The template in BorderID's binary format: magic, format version, content, CRC-32C footer. */
    public byte[] toByteArray() {
        return TemplateCodec.encode(this);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The minutiae (unmodifiable). */
    public List<Minutia> minutiae() {
        return minutiae;
    }

    public int quality() {
        return quality;
    }

    /** The matcher's structures, built on first use. */
    PreparedTemplate prepared() {
        PreparedTemplate p = prepared;
        if (p == null) {
            p = PreparedTemplate.of(minutiae);
            prepared = p;
        }
        return p;
    }

    /** Templates are equal when their grid, quality and minutiae (in order) are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FingerprintTemplate t && width == t.width && height == t.height && quality == t.quality
                && minutiae.equals(t.minutiae);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, quality, minutiae);
    }

    @Override
    public String toString() {
        return "FingerprintTemplate[" + width + "x" + height + ", " + minutiae.size() + " minutiae, quality " + quality + "]";
    }
}
