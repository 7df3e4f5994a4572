package org.borderid.bench.jmh.gallery;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.borderid.gallery.Gallery;
import org.borderid.gallery.GalleryConfig;
import org.borderid.gallery.GalleryStatistics;
import org.borderid.gallery.SubjectFilter;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * What a watchlist gallery of {@code footprintSize} subjects costs in memory and on disk: the figures of the capacity
 * estimate. The galleries are those of {@link IdentificationBenchmark} (a face and the two kiosk fingers per subject,
 * the same cache), so measuring them builds nothing extra. One shot per trial: open the cached gallery, search it
 * {@value #SEARCHES} times by face and by two fingers (so lazily loaded structures and the template cache hold what
 * searching needs), force a full collection and read the heap in use, minus the heap in use before opening.
 * {@code bench-report} takes the per-subject figures as the slope between the two sizes, so fixed costs cancel out.
 *
 * <p>Counters (EVENTS; divided by {@code runs} since JMH sums them over iterations): {@code heapBytes} (live heap the
 * open gallery holds, including its template cache), {@code diskBytes} (the gallery's directory),
 * {@code templateCacheBytes} (the template cache's own estimate), {@code subjects}, {@code faces} and {@code fingers}
 * (the gallery's statistics). The time is that of opening, searching and collecting: incidental, not a figure to
 * quote.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@State(Scope.Benchmark)
public class GalleryFootprintBenchmark {
    /** Searches of each kind before measuring. */
    static final int SEARCHES = 16;

    /**
     * Enrolled subjects: the quick size and the smallest 1:N size (cheap to build; a slope needs two). Not called
     * {@code gallerySize}, so that {@code -p gallerySize=...} choosing the 1:N sizes leaves these alone.
     */
    @Param({"2000", "10000"})
    public long footprintSize;

    private Path folder;
    private SyntheticSubjects subjects;
    private Gallery gallery;

    /** The measured figures: see the class comment. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Footprint {
        public long runs;
        public long heapBytes;
        public long diskBytes;
        public long templateCacheBytes;
        public long subjects;
        public long faces;
        public long fingers;
    }

    @Setup(Level.Trial)
    public void setUp() {
        subjects = new SyntheticSubjects(IdentificationBenchmark.SEED, SyntheticSubjects.KIOSK_FINGERS);
        folder = SyntheticGallery.obtain(GalleryCache.standard(), IdentificationBenchmark.KIND, footprintSize,
                subjects, System.out);
    }

    @TearDown(Level.Iteration)
    public void close() {
        if (gallery != null) {
            gallery.close();
            gallery = null;
        }
    }

    @Benchmark
    public GalleryStatistics openSearchAndMeasure(Footprint f) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = liveHeap(memory);
        gallery = Gallery.open(folder, GalleryConfig.defaults());
        SplittableRandom random = new SplittableRandom(IdentificationBenchmark.SEED);
        SubjectFilter all = SubjectFilter.inLists(SyntheticSubjects.LIST);
        for (int i = 0; i < SEARCHES; i++) {
            long traveller = random.nextLong(footprintSize);
            gallery.identifyFace(subjects.liveFace(traveller), all, IdentificationBenchmark.K);
            gallery.identifyFingers(subjects.liveFingers(traveller, SyntheticSubjects.KIOSK_FINGERS), all,
                    IdentificationBenchmark.K);
        }
        GalleryStatistics stats = gallery.statistics();
        f.runs++;
        f.heapBytes += liveHeap(memory) - before;
        f.diskBytes += stats.diskBytes();
        f.templateCacheBytes += stats.templateCacheBytes();
        f.subjects += stats.subjects();
        f.faces += stats.faces();
        f.fingers += stats.fingers();
        return stats;
    }

    /** Heap in use after full collections (twice: the first may leave finalizable objects behind). */
    private static long liveHeap(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
