package org.borderid.finger.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.borderid.finger.FingerprintExtraction;
import org.borderid.finger.FingerprintExtractor;
import org.borderid.finger.FingerprintImage;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.Minutia;
import org.borderid.finger.MinutiaType;
import org.borderid.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Extraction on real captures: one easy and one hard image from several FVC databases and sensors. */
class FvcExtractionTest {
    private static final FingerprintExtractor EXTRACTOR = new FingerprintExtractor();

    private static FingerprintImage fvc(String relative, double dpi) throws IOException {
        return FingerprintImage.decode(Files.readAllBytes(SharedData.require("data/fingerprints/" + relative)), dpi);
    }

    private static FingerprintTemplate extracted(FingerprintImage image) {
        FingerprintExtraction result = EXTRACTOR.extract(image);
        assertThat(result).as("extraction of %s", image).isInstanceOf(FingerprintExtraction.Extracted.class);
        return ((FingerprintExtraction.Extracted) result).template();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "fvc2002/DB1_B/101_1.tif, 500, 388, 374",
        "fvc2002/DB2_B/105_3.tif, 569, 260, 492",
        "fvc2002/DB3_B/103_4.tif, 500, 300, 300",
        "fvc2002/DB4_B/108_2.tif, 500, 288, 384",
        "fvc2000/DB2_B/102_5.tif, 500, 256, 364",
        "fvc2000/DB3_B/104_5.tif, 500, 448, 478"
    })
    void extractsAPlausibleTemplateOnTheFiveHundredDpiGrid(String file, double dpi, int width, int height)
            throws IOException {
        FingerprintTemplate template = extracted(fvc(file, dpi));

        assertThat(template.width()).isEqualTo(width);
        assertThat(template.height()).isEqualTo(height);
        // FVC captures hold roughly 20..70 minutiae (the commercial templates beside FVC2002 average 25..45)
        assertThat(template.minutiae()).hasSizeBetween(15, 90);
        assertThat(template.quality()).isBetween(20, 100);
        long endings = template.minutiae().stream().filter(m -> m.type() == MinutiaType.ENDING).count();
        assertThat(endings).isBetween(3L, template.minutiae().size() - 3L);
        for (Minutia m : template.minutiae()) {
            assertThat(m.x()).isBetween(0, width - 1);
            assertThat(m.y()).isBetween(0, height - 1);
            assertThat(m.quality()).isBetween(1, 100);
        }
    }

    @Test
    void minutiaeLieInsideTheFingerprintAwayFromTheImageEdge() throws IOException {
        FingerprintTemplate template = extracted(fvc("fvc2002/DB1_B/102_2.tif", 500));
        // the print of 102_2 spans roughly x 75..345 of the 388 px wide image; nothing is found in the blank margins
        for (Minutia m : template.minutiae()) {
            assertThat(m.x()).isBetween(70, 350);
            assertThat(m.y()).isBetween(5, 369);
        }
    }

    @Test
    void theSameImageGivesTheSameTemplate() throws IOException {
        FingerprintImage image = fvc("fvc2000/DB1_B/103_2.tif", 500);
        byte[] before = image.gray().pixels();
        FingerprintTemplate first = extracted(image);
        FingerprintTemplate second = extracted(image);
        FingerprintTemplate fresh = extracted(fvc("fvc2000/DB1_B/103_2.tif", 500));

        assertThat(second.minutiae()).isEqualTo(first.minutiae());
        assertThat(fresh.minutiae()).isEqualTo(first.minutiae());
        assertThat(second.quality()).isEqualTo(first.quality());
        assertThat(image.gray().pixels()).as("input pixels unchanged").isEqualTo(before);
    }

    @Test
    void concurrentExtractionsGiveTheSameTemplatesAsSequentialOnes() throws Exception {
        List<FingerprintImage> images = new ArrayList<>();
        for (String file : new String[] {"101_1", "102_3", "103_5", "104_7"}) {
            images.add(fvc("fvc2002/DB1_B/" + file + ".tif", 500));
        }
        List<List<Minutia>> expected = new ArrayList<>();
        for (FingerprintImage image : images) {
            expected.add(extracted(image).minutiae());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Minutia>>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (FingerprintImage image : images) {
                    futures.add(pool.submit(() -> extracted(image).minutiae()));
                }
            }
            for (int k = 0; k < futures.size(); k++) {
                assertThat(futures.get(k).get()).isEqualTo(expected.get(k % images.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
