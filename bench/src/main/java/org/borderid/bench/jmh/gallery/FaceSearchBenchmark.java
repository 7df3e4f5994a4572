package org.borderid.bench.jmh.gallery;

import java.util.concurrent.TimeUnit;
import org.borderid.bench.gallery.FaceGallery;
import org.borderid.bench.gallery.FaceVectors;
import org.borderid.bench.gallery.GalleryBenchData;
import org.borderid.gallery.FaceVectorEncoding;
import org.borderid.gallery.Gallery;
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
 * Face 1:N search latency (HNSW candidates, exact re-score, top 10) in galleries of synthetic 128-d embeddings (built
 * once and cached, {@link GalleryBenchData}), float and 8-bit graphs. Sample-time mode: p0.50 and p0.99 of the output
 * are the median and p99. Recall is measured by {@code borderid eval gallery-faces}. {@code model}: LFW (vectors
 * with the statistics of real embeddings) or UNIFORM (the worst case), {@link FaceVectors.Model}. The 1M galleries
 * are built once (minutes) into the cache named by {@code -Dborderid.gallery.cache}; the quick run uses 1,000.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-Xmx4g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@State(Scope.Benchmark)
public class FaceSearchBenchmark {
    @Param({"10000", "100000", "1000000"})
    public int gallerySize;

    @Param({"FLOAT32", "INT8"})
    public FaceVectorEncoding encoding;

    @Param({"LFW", "UNIFORM"})
    public FaceVectors.Model model;

    private Gallery gallery;
    private float[][] probes;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        gallery = Gallery.open(GalleryBenchData.faceGallery(model, gallerySize, encoding),
                FaceGallery.config(encoding).withReadOnly(true));
        probes = GalleryBenchData.faceProbes(model, gallerySize, 1000);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        gallery.close();
    }

    @Benchmark
    public Identification identify(Cursor cursor) {
        return gallery.identifyFace(probes[cursor.next++ % probes.length], SubjectFilter.ALL, 10);
    }
}
