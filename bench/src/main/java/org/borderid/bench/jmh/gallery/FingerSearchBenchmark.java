package org.borderid.bench.jmh.gallery;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.borderid.bench.gallery.DistractorGallery;
import org.borderid.bench.gallery.GalleryBenchData;
import org.borderid.bench.jmh.QuickMode;
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
 * Fingerprint 1:N search latency through the gallery (minutiae index + re-scoring with the default budget), one probe
 * finger per search, in galleries of synthetic distractor fingers (built once and cached, see
 * {@link GalleryBenchData}). Probes are FVC captures (impression 2 of the dev databases), cycled in seeded order.
 * Sample-time mode: the output's p0.50 and p0.99 are the median and p99 latency. The template cache holds the whole
 * gallery after warm-up ({@code -p cacheMb}), so the figure is the warm steady state; the auxiliary counters give the
 * fingers searched and re-scored per search.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-Xmx8g"})
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@State(Scope.Benchmark)
public class FingerSearchBenchmark {
    @Param({"10000", "100000", "1000000"})
    public int gallerySize;

    /** Prepared-template cache, MB (16 KB per finger: 100k fingers fit in 2 GB, 1M do not fit in the 8 GB heap). */
    @Param({"4096"})
    public long cacheMb;

    private Gallery gallery;
    private List<FingerprintTemplate> probes;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        gallery = Gallery.open(GalleryBenchData.fingerGallery(gallerySize),
                GalleryConfig.defaults().withTemplateCacheBytes(cacheMb << 20).withReadOnly(true));
        // Quick mode (CI) proves the benchmark runs without extracting the eight FVC databases: synthetic probes.
        probes = new java.util.ArrayList<>(QuickMode.on() ? GalleryBenchData.syntheticProbes(QuickMode.INPUTS)
                : GalleryBenchData.fvcProbes());
        Collections.shuffle(probes, new Random(20261126L));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        gallery.close();
    }

    @Benchmark
    public Identification identify(Cursor cursor, SearchCounters counters) {
        FingerprintTemplate probe = probes.get(cursor.next++ % probes.size());
        return counters.count(gallery.identifyFingers(Map.of(DistractorGallery.POSITION, probe), SubjectFilter.ALL,
                10));
    }
}
