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
import org.borderid.finger.MinutiaType;
import org.borderid.image.ImageHeader;
import org.borderid.testing.SharedData;

/**
 * Test-scope reader of the FVC2002 {@code .iso} minutiae files (ISO/IEC 19794-2:2005, one finger view), used to
 * evaluate the matcher independently of our extractor. To be replaced by the standard codec
 * ({@code org.borderid.finger.standard}) when it lands.
 *
 * <p>The files were made by a third-party SDK from the images resampled to a 300×400 frame (their header says so and
 * the minutiae fit the image only after stretching back, see docs/fingerprint.md). {@link Geometry#RECTIFIED} maps
 * them back onto the TIFF's pixel grid and then to 500 dpi, the unit the matcher's parameters are in.
 */
final class FvcIsoTemplates {
    /** How to place the recorded minutiae. */
    enum Geometry {
        /** Coordinates and angles as recorded in the file. */
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
            byte[] b = Files.readAllBytes(iso);
            if (b[0] != 'F' || b[1] != 'M' || b[2] != 'R' || b[3] != 0) {
                throw new IllegalArgumentException("not an ISO 19794-2 record: " + iso);
            }
            int frameWidth = u16(b, 14);
            int frameHeight = u16(b, 16);
            double sx = 1;
            double sy = 1;
            int width = frameWidth;
            int height = frameHeight;
            if (geometry == Geometry.RECTIFIED) {
                ImageHeader image = ImageHeader.read(Files.readAllBytes(tif));
                double toStandard = 500 / dpi;
                sx = (double) image.width() / frameWidth * toStandard;
                sy = (double) image.height() / frameHeight * toStandard;
                width = (int) Math.round(image.width() * toStandard);
                height = (int) Math.round(image.height() * toStandard);
            }
            int count = b[27] & 0xFF;
            List<Minutia> minutiae = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int o = 28 + 6 * i;
                int type = (b[o] & 0xFF) >>> 6;
                int x = u16(b, o) & 0x3FFF;
                int y = u16(b, o + 2) & 0x3FFF;
                double angle = (b[o + 4] & 0xFF) * 2 * Math.PI / 256;
                double rx = Math.atan2(sy * Math.sin(angle), sx * Math.cos(angle));
                int px = (int) Math.min(width - 1, Math.round(x * sx));
                int py = (int) Math.min(height - 1, Math.round(y * sy));
                MinutiaType t = type == 1 ? MinutiaType.ENDING : type == 2 ? MinutiaType.BIFURCATION : MinutiaType.OTHER;
                minutiae.add(new Minutia(px, py, rx < 0 ? rx + 2 * Math.PI : rx, t, Math.min(100, b[o + 5] & 0xFF)));
            }
            return FingerprintTemplate.of(width, height, minutiae, 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int u16(byte[] b, int o) {
        return ((b[o] & 0xFF) << 8) | (b[o + 1] & 0xFF);
    }
}
