package org.borderid.bench.jmh.kiosk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.borderid.bench.BenchData;
import org.borderid.finger.FingerPosition;

/**
 * The travellers of the kiosk benchmark, from the shared public datasets: five subjects, each an LFW person (image 1
 * enrolled, images 2..8 live) with two fingers of FVC2002 DB1_B (impression 1 enrolled, impressions 2..8 live, the same
 * number as the face). Faces and fingers of one subject are different real people, which the engines do not see.
 */
final class KioskData {
    /** A subject: an LFW person and two FVC2002 DB1_B fingers, enrolled as right index and right middle. */
    record Traveller(String id, String person, int firstFinger, int secondFinger) {}

    static final List<Traveller> TRAVELLERS = List.of(
            new Traveller("kiosk-1", "Colin_Powell", 101, 102),
            new Traveller("kiosk-2", "Tony_Blair", 103, 104),
            new Traveller("kiosk-3", "Donald_Rumsfeld", 105, 106),
            new Traveller("kiosk-4", "Gerhard_Schroeder", 107, 108),
            new Traveller("kiosk-5", "Ariel_Sharon", 109, 110));

    /** The enrolled capture's number; live captures are {@code ENROLLED + 1 .. LAST}. */
    static final int ENROLLED = 1;
    static final int LAST = 8;
    /** Positions of the two fingers. */
    static final FingerPosition FIRST = FingerPosition.RIGHT_INDEX;
    static final FingerPosition SECOND = FingerPosition.RIGHT_MIDDLE;

    private KioskData() {}

    static byte[] face(Traveller t, int n) {
        return read(BenchData.sharedRoot().resolve(String.format("data/faces/lfw/images/%s/%s_%04d.jpg", t.person(),
                t.person(), n)));
    }

    static byte[] finger(int finger, int n) {
        return read(BenchData.fingerprints().resolve("fvc2002/DB1_B/" + finger + "_" + n + ".tif"));
    }

    /** Every (traveller, live capture number) pair. */
    static List<int[]> live() {
        List<int[]> out = new ArrayList<>();
        for (int n = ENROLLED + 1; n <= LAST; n++) {
            for (int t = 0; t < TRAVELLERS.size(); t++) {
                out.add(new int[] {t, n});
            }
        }
        return out;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("benchmark data missing (set BORDERID_SHARED, see ../shared/README.md): "
                    + file, e);
        }
    }
}
