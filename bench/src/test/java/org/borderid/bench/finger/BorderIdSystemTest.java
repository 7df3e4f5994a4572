package org.borderid.bench.finger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.borderid.image.GrayImage;
import org.borderid.image.ImageDecoder;
import org.borderid.testing.SharedData;
import org.junit.jupiter.api.Test;

/** Our system behind the bench interface: extraction, matching and fresh copies that score the same. */
class BorderIdSystemTest {
    private static FingerprintSystem.Template extract(FingerprintSystem system, String file) throws IOException {
        GrayImage image = ImageDecoder.decodeGray(Files.readAllBytes(SharedData.require(file)));
        return ((FingerprintSystem.Extracted) system.extract(image, 500)).template();
    }

    @Test
    void genuinePairOutscoresImpostorPairAndFreshCopiesScoreTheSame() throws IOException {
        FingerprintSystem system = FingerprintSystems.named("borderid");
        FingerprintSystem.Template probe = extract(system, "data/fingerprints/fvc2002/DB1_B/101_1.tif");
        FingerprintSystem.Template genuine = extract(system, "data/fingerprints/fvc2002/DB1_B/101_2.tif");
        FingerprintSystem.Template impostor = extract(system, "data/fingerprints/fvc2002/DB1_B/102_1.tif");

        double g = system.prepare(probe).match(genuine);
        double i = system.prepare(probe).match(impostor);

        assertThat(g).isGreaterThan(i);
        assertThat(system.prepare(system.fresh(probe)).match(system.fresh(genuine))).isEqualTo(g);
        assertThat(system.fresh(probe)).isNotSameAs(probe);
    }
}
