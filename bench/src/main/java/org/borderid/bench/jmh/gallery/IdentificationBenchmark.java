package org.borderid.bench.jmh.gallery;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.gallery.Gallery;
import org.borderid.gallery.GalleryConfig;
import org.borderid.gallery.Identification;
import org.borderid.gallery.SubjectFilter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 1:N identification against a watchlist of {@code gallerySize} synthetic subjects (face + right index and right
 * middle fingers, {@link SyntheticSubjects}), single-threaded, as the server searches it: the watchlist filter, the
 * 10 best candidates.
 * <ul>
 *   <li>{@link #face}: the live face embedding against the gallery's face index (HNSW, re-scored exactly);</li>
 *   <li>{@link #fingers}: the two live fingers against the minutiae index, the candidates re-scored with the 1:1
 *       matcher and fused per subject.</li>
 * </ul>
 * Probes cycle through 64 seeded travellers, half of them enrolled (their live captures: a mated search) and half not
 * (a traveller who is not on the list, the common case at a checkpoint). Galleries are built once and cached on disk
 * ({@link GalleryCache}); the first run at 1,000,000 subjects builds for a long time (the output shows progress).
 *
 * <p>Counters (EVENTS, totals over the measured iterations; {@code bench-report} divides by {@code searches}):
 * {@code searched}, the gallery entries in scope, and {@code rescored}, those compared exactly (their ratio is the
 * penetration rate).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@State(Scope.Benchmark)
public class IdentificationBenchmark {
    /** The cached galleries' kind. */
    static final String KIND = "watchlist";
    /** Seed of the galleries and probes. */
    static final long SEED = 20_260_101L;
    /** Travellers the probes cycle through. */
    static final int PROBES = 64;
    /** Candidates asked for: the server's default {@code identifyMaxCandidates}. */
    static final int K = 10;

    /** Enrolled subjects (the quick run uses the smallest). */
    @Param({"10000", "100000", "1000000"})
    public long gallerySize;

    private Gallery gallery;
    private SubjectFilter watchlist;
    private float[][] faces;
    private Map<FingerPosition, FingerprintTemplate>[] fingers;

    /** Where a thread is in the cycle of probes. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance() {
            int i = next;
            next = i + 1 == PROBES ? 0 : i + 1;
            return i;
        }
    }

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() {
        SyntheticSubjects subjects = new SyntheticSubjects(SEED, SyntheticSubjects.KIOSK_FINGERS);
        Path folder = SyntheticGallery.obtain(GalleryCache.standard(), KIND, gallerySize, subjects, System.out);
        gallery = Gallery.open(folder, GalleryConfig.defaults());
        watchlist = SubjectFilter.inLists(SyntheticSubjects.LIST);
        SplittableRandom random = new SplittableRandom(SEED);
        faces = new float[PROBES][];
        fingers = new Map[PROBES];
        for (int p = 0; p < PROBES; p++) {
            boolean enrolled = p % 2 == 0;
            long traveller = enrolled ? random.nextLong(gallerySize) : gallerySize + random.nextLong(gallerySize);
            faces[p] = subjects.liveFace(traveller);
            fingers[p] = subjects.liveFingers(traveller, SyntheticSubjects.KIOSK_FINGERS);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        gallery.close();
    }

    @Benchmark
    public Identification face(Cursor cursor, SearchCounters counters) {
        return counters.count(gallery.identifyFace(faces[cursor.advance()], watchlist, K));
    }

    @Benchmark
    public Identification fingers(Cursor cursor, SearchCounters counters) {
        return counters.count(gallery.identifyFingers(fingers[cursor.advance()], watchlist, K));
    }
}
