package org.borderid.bench.finger;

import com.machinezoo.sourceafis.FingerprintImage;
import com.machinezoo.sourceafis.FingerprintImageOptions;
import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import org.borderid.image.GrayImage;

/**
 * SourceAFIS 3.18.1 (Apache-2.0), the peer BorderID is measured against.
 *
 * <p>It is fed raw gray pixels through {@code new FingerprintImage(width, height, pixels, options)}, whose convention
 * (0 = black, 255 = white, row-major) is that of {@link GrayImage}. Its own byte[] decoding is avoided on purpose: it
 * goes through {@code BufferedImage.getRGB}, which gamma-shifts 8-bit gray TIFFs such as FVC's and costs it accuracy.
 * SourceAFIS never refuses an image, so its FTE is 0 by construction. Its scores are ≥ 0; 40 corresponds to FMR
 * 0.01% according to its documentation.
 */
public final class SourceAfisSystem implements FingerprintSystem {
    /** The name on the command line and in reports. */
    public static final String NAME = "sourceafis";

    private record AfisTemplate(FingerprintTemplate template) implements Template {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Extraction extract(GrayImage image, double dpi) {
        FingerprintImage afisImage = new FingerprintImage(image.width(), image.height(), image.pixels(),
                new FingerprintImageOptions().dpi(dpi));
        return new Extracted(new AfisTemplate(new FingerprintTemplate(afisImage)));
    }

    /** SourceAFIS templates are immutable and cache nothing; its matcher builds the probe's index every time. */
    @Override
    public Template fresh(Template template) {
        return template;
    }

    /** SourceAFIS's own serialization (CBOR, {@code FingerprintTemplate.toByteArray()}). */
    @Override
    public byte[] encode(Template template) {
        return ((AfisTemplate) template).template().toByteArray();
    }

    @Override
    public Template decode(byte[] encoded) {
        return new AfisTemplate(new FingerprintTemplate(encoded));
    }

    @Override
    public Probe prepare(Template probe) {
        FingerprintMatcher matcher = new FingerprintMatcher(((AfisTemplate) probe).template());
        return candidate -> matcher.match(((AfisTemplate) candidate).template());
    }
}
