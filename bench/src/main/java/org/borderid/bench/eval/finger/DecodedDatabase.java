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
 */
record DecodedDatabase(FvcDatabase database, GrayImage[] images, List<FvcPair> pairs, int decodeFailures) {
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
        return new DecodedDatabase(database, images, database.pairs(), failures);
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

    int genuinePairs() {
        return (int) pairs.stream().filter(FvcPair::genuine).count();
    }

    int impostorPairs() {
        return pairs.size() - genuinePairs();
    }
}
