package org.borderid.finger.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.Minutia;
import org.borderid.finger.standard.FingerMinutiaeRecord;
import org.borderid.image.ImageHeader;
import org.borderid.testing.SharedData;

/**
 * The FVC2002 {@code .iso} minutiae files (ISO/IEC 19794-2:2005, made by a third-party SDK) as templates, to evaluate
 * the matcher independently of our extractor. Read with the standard codec; what this class adds is the FVC-specific
 * geometry.
 *
 * <p>The SDK resampled every image to a 300×400 frame before extracting (the records' headers say 300×400 at 500 dpi,
 * and the minutiae land on the ridges only after stretching back, see docs/fingerprint.md).
 * {@link Geometry#RECTIFIED} maps them back onto the TIFF's pixel grid and then to 500 dpi (DB2 is 569 dpi), the unit
 * the matcher's parameters are in.
 */
final class FvcIsoTemplates {
    /** How to place the recorded minutiae. */
    enum Geometry {
        /** As the standard codec reads the record (its 500 dpi header taken at face value). */
        AS_RECORDED,
        /** Stretched from the record's frame onto the TIFF's size, then scaled to 500 dpi. */
        RECTIFIED
    }

    /** Fingers per FVC set B database and impressions per finger. */
    static final int FINGERS = 10;
    static final int IMPRESSIONS = 8;
    private static final Map<String, Double> DPI = Map.of("DB2_B", 569.0);

    private FvcIsoTemplates() {}

    /** The 80 templates of an FVC2002 set B database, finger-major (index = finger * 8 + impression). */
    static List<FingerprintTemplate> database(String db, Geometry geometry) {
        Path dir = SharedData.require("data/fingerprints/fvc2002/" + db);
        List<FingerprintTemplate> templates = new ArrayList<>();
        for (int finger = 0; finger < FINGERS; finger++) {
            for (int impression = 0; impression < IMPRESSIONS; impression++) {
                String name = (101 + finger) + "_" + (impression + 1);
                templates.add(read(dir.resolve(name + ".iso"), dir.resolve(name + ".tif"),
                        DPI.getOrDefault(db, 500.0), geometry));
            }
        }
        return templates;
    }

    static FingerprintTemplate read(Path iso, Path tif, double dpi, Geometry geometry) {
        try {
            FingerMinutiaeRecord record = FingerMinutiaeRecord.read(Files.readAllBytes(iso));
            FingerprintTemplate recorded = record.toTemplate(record.views().get(0));
            if (geometry == Geometry.AS_RECORDED) {
                return recorded;
            }
            ImageHeader image = ImageHeader.read(Files.readAllBytes(tif));
            double toStandard = 500 / dpi;
            int width = (int) Math.round(image.width() * toStandard);
            int height = (int) Math.round(image.height() * toStandard);
            double sx = (double) width / recorded.width();
            double sy = (double) height / recorded.height();
            List<Minutia> minutiae = new ArrayList<>();
            for (Minutia m : recorded.minutiae()) {
                double direction = Math.atan2(sy * Math.sin(m.direction()), sx * Math.cos(m.direction()));
                minutiae.add(new Minutia((int) Math.min(width - 1, Math.round(m.x() * sx)),
                        (int) Math.min(height - 1, Math.round(m.y() * sy)),
                        direction < 0 ? direction + 2 * Math.PI : direction, m.type(), m.quality()));
            }
            return FingerprintTemplate.of(width, height, minutiae, recorded.quality());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
