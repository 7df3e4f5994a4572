package org.borderid.gallery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.Minutia;
import org.borderid.finger.MinutiaType;
import org.borderid.finger.standard.FingerMinutiaeRecord;
import org.borderid.testing.SharedData;

/** Deterministic records, templates and embeddings for gallery tests. */
final class TestRecords {
    static final int DIMENSION = 32;

    private TestRecords() {}

    /** A random template of 25..45 minutiae in a 300×400 frame, a pure function of the seed. */
    static FingerprintTemplate template(long seed) {
        Random random = new Random(seed);
        int n = 25 + random.nextInt(21);
        List<Minutia> minutiae = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            minutiae.add(Minutia.ofAngleSteps(30 + random.nextInt(240), 30 + random.nextInt(340), random.nextInt(256),
                    random.nextBoolean() ? MinutiaType.ENDING : MinutiaType.BIFURCATION, 50 + random.nextInt(50)));
        }
        return FingerprintTemplate.of(300, 400, minutiae, 80);
    }

    /** A random unit vector of {@link #DIMENSION} components, a pure function of the seed. */
    static float[] face(long seed) {
        Random random = new Random(seed);
        float[] v = new float[DIMENSION];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    /** A record whose content is a pure function of id and version. */
    static SubjectRecord record(String id, int version) {
        long seed = id.hashCode() * 31L + version;
        return SubjectRecord.builder(id).agency(Math.floorMod(seed, 2) == 0 ? "interpol" : "frontex")
                .lists(Math.floorMod(seed, 3) == 0 ? "watchlist" : "registered-traveler")
                .attribute("name", "Subject " + id).attribute("version", Integer.toString(version))
                .face(face(seed)).finger(FingerPosition.RIGHT_INDEX, template(seed))
                .finger(FingerPosition.LEFT_INDEX, template(seed + 1)).build();
    }

    /** Config for small test galleries: 32-d faces, fast refresh. */
    static GalleryConfig config() {
        return GalleryConfig.defaults().withFaceDimension(DIMENSION)
                .withRefreshInterval(java.time.Duration.ofMillis(20));
    }

    /**
     * The 80 ISO templates of an FVC2002 set B database, finger-major ({@code finger * 8 + impression}), taken as
     * recorded (all in the same frame, which is all identification among them needs).
     */
    static List<FingerprintTemplate> fvc2002(String db) {
        Path dir = SharedData.require("data/fingerprints/fvc2002/" + db);
        List<FingerprintTemplate> out = new ArrayList<>();
        for (int finger = 101; finger <= 110; finger++) {
            for (int impression = 1; impression <= 8; impression++) {
                try {
                    FingerMinutiaeRecord record = FingerMinutiaeRecord.read(
                            Files.readAllBytes(dir.resolve(finger + "_" + impression + ".iso")));
                    out.add(record.toTemplate(record.views().get(0)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }
}
