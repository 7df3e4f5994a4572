package org.borderid.bench.jmh.synth;

import java.util.concurrent.TimeUnit;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.fixtures.synth.MasterModel;
import org.borderid.fixtures.synth.SyntheticFaceEmbeddings;
import org.borderid.fixtures.synth.SyntheticFinger;
import org.borderid.fixtures.synth.SyntheticFingerprints;
import org.borderid.image.GrayImage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Synthetic data throughput per thread (docs/synthetic-data.md): each call makes a new item, so caches never help.
 * <ul>
 *   <li>{@code flowLineTemplate}: a new finger's impression template with the flow-line master model (the path for
 *       million-finger galleries);</li>
 *   <li>{@code ridgeTemplate}: a new finger's impression template with the ridge model (master growth + skeleton);</li>
 *   <li>{@code impressionImage}: a new impression image of one finger whose master is built (rendering only);</li>
 *   <li>{@code fingerWithImage}: a new finger's master and its first impression image;</li>
 *   <li>{@code faceSample}: a new 128-d face-embedding sample.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@State(Scope.Thread)
public class SyntheticDataBenchmark {
    private SyntheticFingerprints ridges;
    private SyntheticFingerprints flowLines;
    private SyntheticFaceEmbeddings faces;
    private SyntheticFinger finger;
    private float[] vector;
    private long nextFinger;
    private int nextImpression;

    @Setup(Level.Trial)
    public void setUp() {
        ridges = SyntheticFingerprints.builder().seed(1).build();
        flowLines = SyntheticFingerprints.builder().seed(1).masterModel(MasterModel.FLOW_LINES).build();
        faces = SyntheticFaceEmbeddings.builder().seed(1).build();
        finger = ridges.finger(1);
        finger.impressionImage(1);
        vector = new float[faces.dimension()];
        nextFinger = 1_000;
        nextImpression = 2;
    }

    @Benchmark
    public FingerprintTemplate flowLineTemplate() {
        return flowLines.finger(nextFinger++).impressionTemplate(1);
    }

    @Benchmark
    public FingerprintTemplate ridgeTemplate() {
        return ridges.finger(nextFinger++).impressionTemplate(1);
    }

    @Benchmark
    public GrayImage impressionImage() {
        return finger.impressionImage(nextImpression++);
    }

    @Benchmark
    public GrayImage fingerWithImage() {
        return ridges.finger(nextFinger++).impressionImage(1);
    }

    @Benchmark
    public float[] faceSample() {
        faces.sample(nextFinger++, 0, vector);
        return vector;
    }
}
