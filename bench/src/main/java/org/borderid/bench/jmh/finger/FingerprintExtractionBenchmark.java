package org.borderid.bench.jmh.finger;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.borderid.bench.finger.FingerprintSystem;
import org.borderid.bench.finger.FingerprintSystems;
import org.borderid.image.GrayImage;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fingerprint extraction time per image, BorderID vs SourceAFIS: each call extracts the next image of the database
 * (80 images of FVC2002 DB1_B in seeded order), so the distribution covers easy and hard captures. Sample mode reports
 * the median (p0.50) beside the mean.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@State(Scope.Thread)
public class FingerprintExtractionBenchmark {
    @Param({"borderid", "sourceafis"})
    public String system;

    @Param({"fvc2002/DB1_B"})
    public String database;

    @Param({"500"})
    public double dpi;

    private FingerprintSystem impl;
    private GrayImage[] images;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        impl = FingerprintSystems.named(system);
        List<GrayImage> list = FingerprintBenchmarkData.shuffledImages(database, dpi);
        images = list.toArray(GrayImage[]::new);
        impl.extract(images[0], dpi); // fails the trial at once if the system is not implemented
    }

    @Benchmark
    public FingerprintSystem.Extraction extract() {
        GrayImage image = images[next];
        next = next + 1 == images.length ? 0 : next + 1;
        return impl.extract(image, dpi);
    }
}
