package org.borderid.finger.standard;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.Minutia;
import org.borderid.finger.MinutiaType;

/** Seeded random records and templates for the standard-record tests. */
final class RecordSamples {
    private RecordSamples() {}

    /** A random record whose directions are exact in {@code format}'s angle unit. */
    static FingerMinutiaeRecord record(Random random, RecordFormat format, int views) {
        int steps = format == RecordFormat.ISO_19794_2_2005 ? 256 : 180;
        int width = 200 + random.nextInt(600);
        int height = 200 + random.nextInt(600);
        List<FingerView> list = new ArrayList<>();
        for (int v = 0; v < views; v++) {
            List<StandardMinutia> minutiae = new ArrayList<>();
            int count = random.nextInt(80);
            for (int m = 0; m < count; m++) {
                MinutiaType type = MinutiaType.values()[random.nextInt(3)];
                minutiae.add(new StandardMinutia(type, random.nextInt(width), random.nextInt(height),
                        random.nextInt(steps) * (360.0 / steps), random.nextInt(101)));
            }
            byte[] extended = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(40)];
            random.nextBytes(extended);
            list.add(new FingerView(random.nextInt(16), random.nextInt(16), random.nextInt(16), random.nextInt(101),
                    minutiae, extended));
        }
        int productOwner = format == RecordFormat.ANSI_378_2004 ? random.nextInt(0x10000) : 0;
        int productType = format == RecordFormat.ANSI_378_2004 ? random.nextInt(0x10000) : 0;
        return new FingerMinutiaeRecord(productOwner, productType,
                new CaptureDevice(random.nextInt(16), random.nextInt(4096)), width, height, 150 + random.nextInt(300),
                150 + random.nextInt(300), list);
    }

    /** A random 500 dpi template, as the extractor would produce one (no OTHER type). */
    static FingerprintTemplate template(Random random, int width, int height, int count) {
        List<Minutia> minutiae = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            minutiae.add(Minutia.ofAngleSteps(random.nextInt(width), random.nextInt(height), random.nextInt(256),
                    random.nextBoolean() ? MinutiaType.ENDING : MinutiaType.BIFURCATION, random.nextInt(101)));
        }
        return FingerprintTemplate.of(width, height, minutiae, random.nextInt(101));
    }

    static FingerPosition anyPosition(Random random) {
        return FingerPosition.values()[random.nextInt(FingerPosition.values().length)];
    }
}
