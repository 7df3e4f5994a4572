package org.borderid.bench.finger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.borderid.image.GrayImage;
import org.borderid.image.ImageDecoder;
import org.borderid.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The peer is wired correctly: raw gray pixels in the right polarity, scores on SourceAFIS's documented scale. */
class SourceAfisSystemTest {
    /** SourceAFIS documents score 40 as FMR 0.01%. */
    private static final double SOURCEAFIS_THRESHOLD_FMR_1E4 = 40;

    private static FingerprintSystem.Template extract(FingerprintSystem system, String name) throws IOException {
        GrayImage image = ImageDecoder.decodeGray(
                Files.readAllBytes(SharedData.require("data/fingerprints/sourceafis-testres/" + name)));
        return ((FingerprintSystem.Extracted) system.extract(image, 500)).template();
    }

    @Test
    void matchesTheMatchingPairAndRejectsTheNonMatchingOne() throws IOException {
        FingerprintSystem system = FingerprintSystems.named("sourceafis");
        FingerprintSystem.Probe probe = system.prepare(extract(system, "probe.png"));

        assertThat(probe.match(extract(system, "matching.png"))).isGreaterThan(SOURCEAFIS_THRESHOLD_FMR_1E4);
        assertThat(probe.match(extract(system, "nonmatching.png"))).isLessThan(SOURCEAFIS_THRESHOLD_FMR_1E4);
    }

    @Test
    void knowsBothSystemsByName() {
        assertThat(FingerprintSystems.NAMES).containsExactly("borderid", "sourceafis");
        assertThat(FingerprintSystems.named("SourceAFIS").name()).isEqualTo("sourceafis");
        assertThat(FingerprintSystems.named("borderid")).isInstanceOf(BorderIdSystem.class);
    }
}
