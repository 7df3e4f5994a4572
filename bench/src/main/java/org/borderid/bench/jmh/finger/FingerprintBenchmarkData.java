package org.borderid.bench.jmh.finger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.borderid.bench.BenchData;
import org.borderid.bench.finger.FingerprintSystem;
import org.borderid.fixtures.fvc.FvcDatabase;
import org.borderid.fixtures.fvc.FvcDatasetException;
import org.borderid.fixtures.fvc.FvcImage;
import org.borderid.fixtures.fvc.FvcPair;
import org.borderid.image.GrayImage;
import org.borderid.image.ImageDecoder;

/** Benchmark inputs: an FVC database from the shared data, decoded once, in a seeded order. */
final class FingerprintBenchmarkData {
    /** Seed of every shuffle, so that each fork and each run sees the same sequence. */
    static final long SEED = 20260101L;

    private FingerprintBenchmarkData() {}

    /** The database's images decoded to gray, in seeded random order. */
    static List<GrayImage> shuffledImages(String database, double dpi) {
        List<GrayImage> images = new ArrayList<>(imagesInOrder(open(database, dpi)));
        Collections.shuffle(images, new Random(SEED));
        return images;
    }

    /** The database's images decoded to gray, in FVC order (indices of {@link FvcDatabase#pairs()}). */
    static List<GrayImage> imagesInOrder(FvcDatabase db) {
        List<GrayImage> images = new ArrayList<>();
        for (FvcImage image : db.images()) {
            images.add(ImageDecoder.decodeGray(image.read()));
        }
        return images;
    }

    static FvcDatabase open(String database, double dpi) {
        try {
            return FvcDatabase.scan(BenchData.fingerprints().resolve(database), dpi);
        } catch (FvcDatasetException e) {
            throw new IllegalStateException("benchmark data missing (set BORDERID_SHARED, see ../shared/README.md): "
                    + e.getMessage(), e);
        }
    }

    /** Every FVC pair (genuine and impostor) in seeded random order. */
    static List<FvcPair> shuffledPairs(FvcDatabase db) {
        List<FvcPair> pairs = new ArrayList<>(db.pairs());
        Collections.shuffle(pairs, new Random(SEED));
        return pairs;
    }

    /** Extracts a template; null when the system refuses the image (an unimplemented system throws). */
    static FingerprintSystem.Template template(FingerprintSystem system, GrayImage image, double dpi) {
        return switch (system.extract(image, dpi)) {
            case FingerprintSystem.Extracted e -> e.template();
            case FingerprintSystem.Failed f -> null;
        };
    }
}
