package org.borderid.bench.finger;

import org.borderid.finger.FingerprintExtraction;
import org.borderid.finger.FingerprintExtractor;
import org.borderid.finger.FingerprintImage;
import org.borderid.finger.FingerprintMatcher;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.image.GrayImage;

/** BorderID's own fingerprint extractor and matcher ({@code org.borderid.finger}), through the public facade. */
public final class BorderIdSystem implements FingerprintSystem {
    /** The name on the command line and in reports. */
    public static final String NAME = "borderid";

    private final FingerprintExtractor extractor = new FingerprintExtractor();

    private record OurTemplate(FingerprintTemplate template) implements Template {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Extraction extract(GrayImage image, double dpi) {
        return switch (extractor.extract(FingerprintImage.of(image, dpi))) {
            case FingerprintExtraction.Extracted e -> new Extracted(new OurTemplate(e.template()));
            case FingerprintExtraction.LowQuality q -> new Failed(q.reason().name());
        };
    }

    /** A copy of the minutiae: BorderID templates cache their matching structures the first time they are matched. */
    @Override
    public Template fresh(Template template) {
        FingerprintTemplate t = ((OurTemplate) template).template();
        return new OurTemplate(FingerprintTemplate.of(t.width(), t.height(), t.minutiae(), t.quality()));
    }

    /** The versioned, checksummed binary format of {@link FingerprintTemplate#toByteArray()}. */
    @Override
    public byte[] encode(Template template) {
        return ((OurTemplate) template).template().toByteArray();
    }

    @Override
    public Template decode(byte[] encoded) {
        return new OurTemplate(FingerprintTemplate.fromByteArray(encoded));
    }

    @Override
    public Probe prepare(Template probe) {
        FingerprintMatcher matcher = new FingerprintMatcher(((OurTemplate) probe).template());
        return candidate -> matcher.match(((OurTemplate) candidate).template());
    }
}
