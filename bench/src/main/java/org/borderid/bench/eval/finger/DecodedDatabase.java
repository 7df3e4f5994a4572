package org.borderid.bench.eval.finger;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.borderid.fixtures.fvc.FvcDatabase;
import org.borderid.fixtures.fvc.FvcPair;
import org.borderid.image.GrayImage;
import org.borderid.image.ImageDecoder;
import org.borderid.image.ImageFormatException;

/**
 * An FVC database with every image decoded once to 8-bit gray, shared by all systems. An image that cannot be decoded
 * is {@code null}: every system fails to extract it (it counts toward FTE), and a warning names the file.
 *
 * @param database       the scanned folder
 * @param images         decoded images by index into {@code database.images()}, null where undecodable (copied)
 * @param pairs          the FVC pairs, ordered by probe
 * @param decodeFailures images that could not be decoded
 * @param genuinePairs   how many of the pairs are genuine
 */
record DecodedDatabase(FvcDatabase database, GrayImage[] images, List<FvcPair> pairs, int decodeFailures,
        int genuinePairs) {
    DecodedDatabase {
        Objects.requireNonNull(database, "database");
        images = images.clone();
        pairs = List.copyOf(pairs);
    }

    static DecodedDatabase decode(FvcDatabase database, Workers workers, Consumer<String> warnings) {
        int n = database.images().size();
        GrayImage[] images = new GrayImage[n];
        workers.forEach(n, i -> {
            var image = database.images().get(i);
            try {
                images[i] = ImageDecoder.decodeGray(image.read());
            } catch (ImageFormatException e) {
                warnings.accept(database.name() + ": cannot decode " + image.file().getFileName() + " ("
                        + e.reason() + ": " + e.getMessage() + "); counted as a failure to extract for every system");
            }
        });
        int failures = 0;
        for (GrayImage image : images) {
            failures += image == null ? 1 : 0;
        }
        List<FvcPair> pairs = database.pairs();
        int genuine = (int) pairs.stream().filter(FvcPair::genuine).count();
        return new DecodedDatabase(database, images, pairs, failures, genuine);
    }

    /** A copy of the decoded images (use {@link #image(int)} to read one). */
    @Override
    public GrayImage[] images() {
        return images.clone();
    }

    String name() {
        return database.name();
    }

    double dpi() {
        return database.dpi();
    }

    int size() {
        return images.length;
    }

    /** The decoded image at an index, or null when it could not be decoded. */
    GrayImage image(int index) {
        return images[index];
    }

    int impostorPairs() {
        return pairs.size() - genuinePairs();
    }
}
